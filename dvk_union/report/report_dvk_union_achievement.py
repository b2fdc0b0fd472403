"""Tóm tắt thành tích: the achievement summary of a union model."""

from odoo import api, models

from odoo.addons.dvk_models.report.dvk_report_format import short_date


class ReportDvkUnionAchievement(models.AbstractModel):
    """Tóm tắt thành tích: the achievement summary of a model."""

    _name = "report.dvk_union.report_dvk_union_achievement"
    _inherit = ["dvk.union.report.mixin"]
    _description = "DVK Report: Trade Union Achievement Summary"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        recognitions = self._dvk_recognitions(docs)
        # sudo: only counts of the replications of the models printed
        events = docs.sudo().union_event_ids
        summaries = {}
        for model in docs:
            level, decision = recognitions.get(model.id, (None, None))
            own_events = events.filtered(lambda e, m=model: e.model_id.id == m.id)
            summaries[model.id] = {
                "header": self._dvk_union_header(
                    model.department_id, "TTTT", self._dvk_proposal_date(model)
                ),
                "subject": self._dvk_subject(model),
                "reach": self._dvk_union_reach_label(model),
                "recognition": (
                    f"{self._dvk_level_name(level, model.campaign_id)}: "
                    f"Quyết định số {decision.name} ngày "
                    f"{short_date(decision.date)}"
                    if decision
                    else ""
                ),
                "events": [
                    {
                        "kind": "Tham quan thực tế"
                        if e.kind == "site_visit"
                        else "Hội nghị nhân rộng",
                        "date": short_date(e.date),
                        "place": e.place,
                        "units": e.unit_count,
                    }
                    for e in own_events.sorted("date")
                ],
                "replications": model.replication_count,
                "signature": self._dvk_unit_signature(
                    model.department_id, position="Chủ tịch"
                ),
            }
        return {"summaries": summaries}
