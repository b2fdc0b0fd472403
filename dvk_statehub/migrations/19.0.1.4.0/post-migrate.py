"""The record rules of the registration tables, inspections and commendation
proposals read the officer's units in scope (which include the units those
took over), as the core's do; databases installed with the former rules
(noupdate data) get them too."""

from odoo.addons.dvk_models.tools import lineage_migration


def migrate(cr, version):
    if not version:
        return
    lineage_migration.scope_rules(cr)
