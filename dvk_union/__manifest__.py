{
    "name": "DVK - Trade union profile",
    "summary": '"Dân vận khéo" rules of the trade-union profile',
    "version": "19.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/dvk-odoo/dvk",
    "author": "DVK for Odoo",
    "maintainers": [],
    "license": "LGPL-3",
    "depends": ["dvk_models"],
    "data": [
        "views/dvk_campaign_views.xml",
    ],
    "installable": True,
}
