"""Titles are compared within their ladder (family) and every criterion names
its source (issue 24 items 4 and 12): the shipped titles and criteria are
``noupdate`` data, so give existing databases their families and sources
from the data files."""

from odoo.addons.dvk_models.tools.data_migration import refill_from_data


def migrate(cr, version):
    if not version:
        return
    refill_from_data(
        cr,
        "dvk_models",
        "data/hr_emulation_title_type_data.xml",
        "hr.emulation.title.type",
        {"family"},
    )
    refill_from_data(
        cr, "dvk_models", "data/dvk_criteria_data.xml", "dvk.criterion", {"source"}
    )
