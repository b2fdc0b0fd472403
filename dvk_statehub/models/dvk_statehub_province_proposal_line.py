from odoo import api, fields, models
from odoo.exceptions import UserError


class DvkStatehubProvinceProposalLine(models.Model):
    _name = "dvk.statehub.province.proposal.line"
    _inherit = ["dvk.statehub.consecutive.entry"]
    _description = "DVK Proposal for the Province's Commendation: Line"
    _order = "proposal_id, years desc, agency_id, id"

    proposal_id = fields.Many2one(
        "dvk.statehub.province.proposal",
        required=True,
        ondelete="cascade",
        index=True,
    )
    result = fields.Selection(
        [
            ("pending", "Pending"),
            ("commended", "Commended"),
            ("not_commended", "Not Commended"),
        ],
        default="pending",
        required=True,
    )
    state = fields.Selection(related="proposal_id.state")
    company_id = fields.Many2one(related="proposal_id.company_id", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines._dvk_check_draft()
        return lines

    def _dvk_check_draft(self):
        if any(line.proposal_id.state != "draft" for line in self):
            raise UserError(
                self.env._(
                    "The proposal has been sent to Sở Nội vụ: its list is kept as sent."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        self._dvk_check_draft()

    def write(self, vals):
        if not self.env.su:
            if set(vals) - {"result"}:
                self._dvk_check_draft()
            if "result" in vals:
                self.proposal_id._dvk_check_reviewer()
                self.proposal_id._dvk_check_state(("proposed",))
        return super().write(vals)
