"""Decisions are read by the people they concern, the officers in charge of
their issuer or of a unit they name and, once issued, the units their
profile publishes them to (no longer by every DVK user); a dossier's
documents and a score sheet are written by their own people only, and a
model is deleted by its registrant only. The rules are noupdate data, which
an update does not rewrite: the changed ones are deleted here and created
again from the addon's files by the update that follows."""

from odoo.addons.dvk_models.tools import access_migration

RELOADED_RULES = (
    "dvk_decision_rule_user",
    "dvk_dossier_line_rule_user",
    "dvk_model_rule_user_write",
    "dvk_score_sheet_rule_user",
    "dvk_score_sheet_line_rule_user",
)


def migrate(cr, version):
    if not version:
        return
    access_migration.drop_rules(cr, "dvk_models", RELOADED_RULES)
