"""Two-tier local government: the district People's Committees were dissolved
on 1/7/2025. The state-agency chain's district step of existing databases
(profile data is noupdate) ends on 30/6/2025; the step of the provincial
departments, which carry the level on, is created by the data file."""

from odoo.addons.dvk_models.tools import lineage_migration


def migrate(cr, version):
    if not version:
        return
    lineage_migration.end_step(
        cr, "dvk_statehub", "dvk_profile_statehub_level_district", "2025-06-30"
    )
