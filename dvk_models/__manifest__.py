{
    "name": "DVK - Dân vận khéo",
    "summary": "Register, approve, score and recognise "
    '"Dân vận khéo" models and exemplars',
    "version": "19.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/dvk-odoo/dvk",
    "author": "DVK for Odoo",
    "maintainers": [],
    "license": "LGPL-3",
    "depends": ["hr", "mail"],
    "data": [
        "security/dvk_groups.xml",
        "security/ir.model.access.csv",
        "security/dvk_security.xml",
        "data/dvk_level_data.xml",
        "data/dvk_field_data.xml",
        "data/hr_emulation_title_type_data.xml",
        "data/mail_activity_type_data.xml",
        "views/dvk_model_views.xml",
        "views/dvk_exemplar_views.xml",
        "views/dvk_decision_views.xml",
        "views/dvk_campaign_views.xml",
        "views/dvk_config_views.xml",
        "views/hr_views.xml",
        "wizard/dvk_reason_wizard_views.xml",
        "views/dvk_menus.xml",
    ],
    "demo": [
        "demo/dvk_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "dvk_models/static/tests/tours/**/*",
        ],
    },
    "installable": True,
    "application": True,
}
