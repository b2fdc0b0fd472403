"""A council member's own score sheet is the council's working paper: its
evaluator, the officers of the scope and managers read it, no longer the
model's registrant or subject (they read their self-assessment and the
council's aggregated result). The rules are noupdate data, which an update
does not rewrite: the changed ones are deleted here and created again from
the addon's files by the update that follows."""

from odoo.addons.dvk_models.tools import access_migration

RELOADED_RULES = (
    "dvk_score_sheet_rule_user",
    "dvk_score_sheet_line_rule_user",
)


def migrate(cr, version):
    if not version:
        return
    access_migration.drop_rules(cr, "dvk_models", RELOADED_RULES)
