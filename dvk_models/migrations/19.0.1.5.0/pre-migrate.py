"""Company merges: the one-campaign-a-year rule no longer counts the
campaigns taken over by the campaign of a merged province; its old table
constraint goes before the new unique index is created."""

from odoo.addons.dvk_models.tools import lineage_migration


def migrate(cr, version):
    if not version:
        return
    lineage_migration.drop_campaign_year_constraint(cr)
