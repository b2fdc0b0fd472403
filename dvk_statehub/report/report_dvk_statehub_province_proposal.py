"""The agency's proposal for the province's commendation (Article 7.3)."""

from odoo import api, models

from .dvk_statehub_report_mixin import REGULATION_TITLE


class ReportDvkStatehubProvinceProposal(models.AbstractModel):
    """The submission letter with the list of the models and exemplars
    recognised two or more consecutive years, sent to Sở Nội vụ (Decision
    976/QĐ-UBND, Articles 7.3 and 9)."""

    _name = "report.dvk_statehub.report_dvk_statehub_province_proposal"
    _inherit = ["dvk.statehub.report.mixin"]
    _description = "DVK Report: Proposal for the Province's Commendation"
    _dvk_model = "dvk.statehub.province.proposal"
    _dvk_profiles = None

    @api.model
    def _dvk_prepare(self, docs, data):
        letters = {}
        for proposal in docs:
            issuer = proposal.issuer_department_id
            rows = [
                {
                    "index": index,
                    "name": line.name,
                    "subject": line.subject_name or "",
                    "agency": line.agency_id.name or "",
                    "years": line.years,
                    "year_list": line.year_list or "",
                    "kind": "Mô hình" if line.record_type == "model" else "Điển hình",
                }
                for index, line in enumerate(proposal.line_ids, start=1)
            ]
            letters[proposal.id] = {
                "header": self._dvk_header(
                    issuer,
                    proposal.name or self._dvk_number(issuer, "TTr"),
                    proposal.date,
                    party=False,
                ),
                "addressee": proposal.addressee_id.name or "Sở Nội vụ",
                "rows": rows,
                "regulation": self._dvk_cite(REGULATION_TITLE, proposal.campaign_id),
                "signature": self._dvk_unit_signature(issuer),
            }
        return {"letters": letters}
