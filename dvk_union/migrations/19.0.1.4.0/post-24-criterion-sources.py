"""Every criterion names its source (issue 24 item 12): the shipped criteria
are ``noupdate`` data, so give existing databases their sources from the
data file."""

from odoo.addons.dvk_models.tools.data_migration import refill_from_data


def migrate(cr, version):
    if not version:
        return
    refill_from_data(
        cr, "dvk_union", "data/dvk_criteria_data.xml", "dvk.criterion", {"source"}
    )
