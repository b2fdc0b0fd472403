"""Seed 001 §4: the 01/10 deadline concerns province-level proposals only;
the registration states its scope, objectives, timeline and expected result
(Mẫu 1); the Party bloc (seed 000 §II.1) states its scope and has a
monitoring officer assigned. The profiles are loaded once (noupdate): write
it into existing databases."""

from odoo import SUPERUSER_ID, api

from odoo.addons.dvk_models.tools import rule_migration

PLAN = ["area", "objective", "date_start", "date_end", "expected_result"]


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule_migration.scope_rule(
        env,
        "dvk_models.dvk_profile_party_rule_proposal",
        ["dvk_models.dvk_level_province"],
        "province level",
    )
    rule_migration.require_fields(env, "dvk_models.dvk_profile_party", PLAN)
    rule_migration.require_fields(
        env, "dvk_models.dvk_profile_party_bloc", ["area"], monitor=True
    )
