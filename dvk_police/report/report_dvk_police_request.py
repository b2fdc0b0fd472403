"""Văn bản xin chủ trương: the request for approval of a police model."""

from odoo import api, models

from odoo.addons.dvk_models.report.dvk_report_format import short_date


class ReportDvkPoliceRequest(models.AbstractModel):
    """Văn bản xin chủ trương xây dựng mô hình (seed 002 §I step 2)."""

    _name = "report.dvk_police.report_dvk_police_request"
    _inherit = ["dvk.police.report.mixin"]
    _description = "DVK Police Request for Approval of a Model"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        forms = {}
        for model in docs:
            unit = model.department_id
            # Addressed as the routing stood on the day of the letter (or of
            # the approval when it has no date of its own): a letter of
            # February 2025 went to the district police chief.
            date = model.registration_date or model.approval_date
            forms[model.id] = {
                "header": self._dvk_header(
                    unit,
                    number=self._dvk_number(unit, "BC"),
                    date=date,
                    approver=model.approver_id,
                ),
                "receiver": self._dvk_police_addressee(
                    self._dvk_police_authority_on(model, date)
                ),
                "timeline": "Từ ngày {} đến ngày {}".format(
                    short_date(model.date_start) or "......",
                    short_date(model.date_end) or "......",
                ),
                "signature": self._dvk_unit_signature(unit),
            }
        return {"forms": forms}
