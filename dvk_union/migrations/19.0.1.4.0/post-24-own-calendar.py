"""Seed 004 sets registration dates only (§V): the union profile no longer
borrows the provincial board's 30/9 and 14/10 (seed 001 §4). Its
registrations state their objectives (§III.2.a). The profile is loaded once
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
            "dvk_union.dvk_profile_union_rule_proposal",
            "dvk_union.dvk_profile_union_rule_recognition",
        ],
    )
    rule_migration.require_fields(env, "dvk_union.dvk_profile_union", ["objective"])
