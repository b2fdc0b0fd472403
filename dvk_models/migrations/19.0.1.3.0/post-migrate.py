"""Campaigns, criteria sets, categories and required documents get the
profile record of their stored code; campaigns of the Party bloc deadline
rule move to the Party bloc profile; every campaign gets its deadline lines
from the three dates it held. Sector rows follow in their addon's script."""

from odoo.addons.dvk_models.tools import profile_migration


def migrate(cr, version):
    if not version:
        return
    profile_migration.bloc_campaigns_to_profile(cr)
    profile_migration.migrate_profiles(cr)
