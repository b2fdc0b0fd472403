{
    "name": "DVK - State agencies profile (Trà Vinh)",
    "summary": '"Dân vận khéo" rules of the Trà Vinh state-agency profile',
    "version": "19.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/dvk-odoo/dvk",
    "author": "DVK for Odoo",
    "maintainers": [],
    "license": "LGPL-3",
    "depends": ["dvk_models"],
    "data": [
        "data/dvk_profile_data.xml",
    ],
    "installable": True,
}
