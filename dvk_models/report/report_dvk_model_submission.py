"""Tờ trình: the letter proposing the recognition of models."""

from odoo import api, models

from .dvk_report_format import vn_number


class ReportDvkModelSubmission(models.AbstractModel):
    """Tờ trình: one letter proposing the recognition of every selected
    model, addressed to the unit that receives the registrations."""

    _name = "report.dvk_models.report_dvk_model_submission"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Submission Letter"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        unit = self._dvk_common_unit(docs.department_id)
        date = self._dvk_proposal_date(docs)
        receiver = self._dvk_receiver(unit, date)
        rows = self._dvk_model_rows(docs)
        scores = {model.id: model.self_score for model in docs}
        for row in rows:
            model = row["record"]
            row["proposal_level"] = self._dvk_level_name(
                model.proposal_level_id or model.level_id, model.campaign_id
            )
            score = scores.get(model.id)
            row["self_score"] = f"{vn_number(score)}%" if score else ""
        years = sorted(set(docs.mapped("year")))
        levels = docs.proposal_level_id or docs.level_id
        _totals, grand = self._dvk_totals_by_field(rows)
        letter = {
            "header": self._dvk_header(
                unit,
                number=self._dvk_number(unit, "TTr"),
                date=date,
            ),
            "unit_name": unit.name or self.env.company.name,
            "receiver": receiver.name or "",
            "year": ", ".join(str(y) for y in years),
            "level": (
                self._dvk_level_phrase(
                    levels, docs.campaign_id if len(docs.campaign_id) == 1 else None
                )
                if len(levels) == 1
                else ""
            ),
            "rows": rows,
            "grand": grand,
            "signature": self._dvk_unit_signature(unit),
        }
        return {"letter": letter}
