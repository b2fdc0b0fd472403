from odoo import models


class DvkCampaign(models.Model):
    _inherit = "dvk.campaign"

    def action_open_union_coverage(self):
        """The coverage dashboard of this trade-union campaign (seed 004 §V)."""
        self.ensure_one()
        return self.env["dvk.union.coverage"].action_open_for_campaign(self.id)
