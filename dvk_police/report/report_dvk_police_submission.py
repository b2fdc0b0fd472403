"""Tờ trình: the police letter proposing the recognition of models."""

from odoo import api, models


class ReportDvkPoliceSubmission(models.AbstractModel):
    """Tờ trình đề nghị công nhận mô hình (seed 002 §II.2)."""

    _name = "report.dvk_police.report_dvk_police_submission"
    _inherit = ["dvk.police.report.mixin"]
    _description = "DVK Police Submission Letter"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        unit = self._dvk_common_unit(docs.department_id)
        rows = self._dvk_model_rows(docs)
        years = sorted(set(docs.mapped("year")))
        return {
            "letter": {
                "header": self._dvk_header(
                    unit,
                    number=self._dvk_number(unit, "TTr"),
                    date=self._dvk_proposal_date(docs),
                ),
                "unit_name": unit.name or self.env.company.name,
                "receiver": self._dvk_police_authority_name(
                    unit, all(m._dvk_police_with_district() for m in docs)
                ),
                "year": ", ".join(str(y) for y in years),
                "rows": rows,
                "signature": self._dvk_unit_signature(unit),
            }
        }
