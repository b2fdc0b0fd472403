"""The steering committee's proposal for commendation (Article 7.2)."""

from odoo import api, models

from .dvk_statehub_report_mixin import REGULATION_TITLE


class ReportDvkStatehubCommendation(models.AbstractModel):
    """The steering committee's submission letter proposing commendation to
    the People's Committee or the head of the department (Article 7.2)."""

    _name = "report.dvk_statehub.report_dvk_statehub_commendation"
    _inherit = ["dvk.statehub.report.mixin"]
    _description = "DVK Report: Commendation Proposal (State Agencies)"
    _dvk_model = "dvk.statehub.commendation"
    _dvk_profiles = None

    @api.model
    def _dvk_prepare(self, docs, data):
        letters = {}
        award = {
            "giay_khen": "Giấy khen",
            "bang_khen": "Bằng khen",
            "other": "hình thức khen thưởng khác",
        }
        for letter in docs:
            committee = letter.committee_id
            rows = self._dvk_model_rows(letter.model_ids)
            exemplars = [
                {"index": i, "name": e.name, "subject": self._dvk_subject(e)}
                for i, e in enumerate(letter.exemplar_ids, start=len(rows) + 1)
            ]
            letters[letter.id] = {
                "header": self._dvk_header(
                    committee,
                    letter.name or self._dvk_number(committee, "TTr"),
                    letter.date,
                    party=False,
                ),
                "receiver": letter.authority_title,
                "rows": rows,
                "exemplars": exemplars,
                "award": award.get(letter.award_form, ""),
                "regulation": self._dvk_cite(REGULATION_TITLE, letter.campaign_id),
                "signature": self._dvk_unit_signature(committee),
            }
        return {"letters": letters}
