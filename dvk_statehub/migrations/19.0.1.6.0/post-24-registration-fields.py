"""Seed 003 Điều 6: the registration table states each model's
implementation time and expected result. The profile is loaded once
(noupdate): write it into existing databases."""

from odoo import SUPERUSER_ID, api

from odoo.addons.dvk_models.tools import rule_migration


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule_migration.require_fields(
        env,
        "dvk_statehub.dvk_profile_statehub",
        ["date_start", "date_end", "expected_result"],
    )
