"""Seed 002 sets no date of its own: the police profile no longer borrows
the provincial board's 30/9 and 14/10 (seed 001 §4). Its registrations state
their scope and objectives (§I step 1). The profile is loaded once
(noupdate): write it into existing databases."""

from odoo import SUPERUSER_ID, api

from odoo.addons.dvk_models.tools import rule_migration


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule_migration.drop_rules(
        env,
        [
            "dvk_police.dvk_profile_police_rule_registration",
            "dvk_police.dvk_profile_police_rule_proposal",
            "dvk_police.dvk_profile_police_rule_recognition",
        ],
    )
    rule_migration.require_fields(
        env, "dvk_police.dvk_profile_police", ["area", "objective"]
    )
