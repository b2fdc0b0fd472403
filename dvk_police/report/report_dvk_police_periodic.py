"""Báo cáo sơ kết, tổng kết: the periodic reports of a police model."""

from odoo import api, models


class ReportDvkPolicePeriodic(models.AbstractModel):
    """Báo cáo sơ kết 06 tháng / tổng kết năm of a model (seed 002 §I step 4)."""

    _name = "report.dvk_police.report_dvk_police_periodic"
    _inherit = ["dvk.police.report.mixin"]
    _description = "DVK Police Periodic Report"
    _dvk_model = "dvk.police.report"

    @api.model
    def _dvk_prepare(self, docs, data):
        forms = {}
        for report in docs:
            model = report.model_id
            unit = model.department_id
            date = report.date_done or self._dvk_today()
            forms[report.id] = {
                "header": self._dvk_header(
                    unit,
                    number=self._dvk_number(unit, "BC"),
                    date=date,
                    approver=model.approver_id,
                ),
                "kind": "Sơ kết 06 tháng"
                if report.kind == "six_month"
                else "Tổng kết năm",
                # The authority of the report's date: a summary sent in June
                # 2025 went to the provincial police, the district police
                # having ended on 1 March.
                "receiver": self._dvk_police_addressee(
                    self._dvk_police_authority_on(model, date)
                ),
                "signature": self._dvk_unit_signature(unit),
            }
        return {"forms": forms}
