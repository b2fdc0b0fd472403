"""The addon's rows (campaigns, criteria sets, required documents) get its
profile record, now loaded, and its campaigns' deadline lines their rules."""

from odoo.addons.dvk_models.tools import profile_migration


def migrate(cr, version):
    if not version:
        return
    profile_migration.migrate_profiles(cr)
