"""Two-tier local government: the district and city labour federations ended
on 30/6/2025. The union chain's district step of existing databases (profile
data is noupdate) ends then; the step of the sector unions, which carry the
level on from 1/7/2025, is created by the data file."""

from odoo.addons.dvk_models.tools import lineage_migration


def migrate(cr, version):
    if not version:
        return
    lineage_migration.end_step(
        cr, "dvk_union", "dvk_profile_union_level_district", "2025-06-30"
    )
