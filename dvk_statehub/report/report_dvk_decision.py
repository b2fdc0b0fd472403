"""The recognition decision of the core, citing a merged province as it is
named now."""

from odoo import api, models


class ReportDvkDecision(models.AbstractModel):
    _inherit = "report.dvk_models.report_dvk_decision"

    @api.model
    def _dvk_legal_bases(self, decision):
        """A guidance document naming a province merged by the decision's
        date is cited with "(nay là tỉnh ...)" (the units' lineage); an
        earlier decision reprints as issued."""
        return [
            self.env["hr.department"]._dvk_now_named(basis, decision.date)
            for basis in super()._dvk_legal_bases(decision)
        ]
