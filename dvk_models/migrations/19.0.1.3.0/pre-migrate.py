"""The profile fields become a ``dvk.profile`` record plus its stored code:
their selection values go before Odoo's clean-up applies their ``ondelete``
(which would reset the sector campaigns to the default profile)."""

from odoo.addons.dvk_models.tools import profile_migration


def migrate(cr, version):
    if not version:
        return
    profile_migration.drop_selection_values(cr)
