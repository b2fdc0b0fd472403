"""The base of the state-agency forms (Decision 976/QĐ-UBND of the Trà Vinh
People's Committee): the regulation as the forms cite it, its field codes and
periods. State documents: the national header of Decree 30/2020/NĐ-CP. Each
form is one small report in a file of its own (``report_dvk_statehub_*.py``)."""

import datetime

from odoo import api, models

from odoo.addons.dvk_models.report.dvk_report_format import short_date

ANNEX_REF = (
    "(Kèm theo Quyết định số: 976/QĐ-UBND ngày 26 tháng 6 năm 2023 "
    "của Ủy ban nhân dân tỉnh Trà Vinh)"
)
REGULATION = (
    "Quyết định số 976/QĐ-UBND ngày 26 tháng 6 năm 2023 của Ủy ban nhân dân "
    "tỉnh Trà Vinh"
)
REGULATION_TITLE = (
    f"{REGULATION} ban hành Quy định tiêu chí xây dựng và phương pháp đánh giá "
    "mô hình, điển hình “Dân vận khéo” trong các cơ quan hành chính Nhà nước "
    "trên địa bàn tỉnh Trà Vinh"
)


class ReportDvkStatehubMixin(models.AbstractModel):
    _name = "dvk.statehub.report.mixin"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK State Agencies Printed Form Helpers"
    _dvk_profiles = ("statehub",)

    @api.model
    def _dvk_field_codes(self):
        """The codes the regulation prints (KT, VH-XH, AN-QP, XD HTCT)."""
        notes = self.env["dvk.statehub.field.note"].search(
            [("profile", "=", "statehub")]
        )
        return {note.field_id.id: note.code_label for note in notes}

    @api.model
    def _dvk_cite(self, text, campaign):
        """A citation of the regulation as read in the campaign's period: the
        former province it names followed by "(nay là tỉnh ...)" once it was
        merged (the units' lineage)."""
        date = campaign.date_end or (
            datetime.date(campaign.year, 12, 31) if campaign.year else None
        )
        return self.env["hr.department"]._dvk_now_named(text, date)

    @api.model
    def _dvk_period(self, date_start, date_end):
        if date_start and date_end:
            return f"{short_date(date_start)} - {short_date(date_end)}"
        return short_date(date_start or date_end)
