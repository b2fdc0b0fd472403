"""Tờ trình: the union letter proposing recognition, with the dossier list."""

from odoo import api, models


class ReportDvkUnionSubmission(models.AbstractModel):
    """Tờ trình đề nghị công nhận và khen thưởng, with the dossier list."""

    _name = "report.dvk_union.report_dvk_union_submission"
    _inherit = ["dvk.union.report.mixin"]
    _description = "DVK Report: Trade Union Submission Letter"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        letters = {}
        for model in docs:
            proposer = self._dvk_union_proposer(model)
            letters[model.id] = {
                "header": self._dvk_union_header(
                    proposer, "TTr", self._dvk_proposal_date(model)
                ),
                "unit_name": proposer.name or "",
                "receiver": self._dvk_union_receiver(model) or "",
                "reach": self._dvk_union_reach_label(model),
                "subject": self._dvk_subject(model),
                "dossier": self._dvk_union_dossier(model),
                "signature": self._dvk_unit_signature(
                    proposer, position="Chủ tịch", note=None
                ),
            }
        return {"letters": letters}
