"""Two-tier local government: the party chain of existing databases (their
profile data is noupdate) gets its district step ended on 30/6/2025, and the
officers' record rules read the scope that follows merged units."""

from odoo.addons.dvk_models.tools import lineage_migration


def migrate(cr, version):
    if not version:
        return
    lineage_migration.end_party_district(cr)
    lineage_migration.scope_rules(cr)
