from odoo import models
from odoo.fields import Domain


class DvkCampaign(models.Model):
    _inherit = "dvk.campaign"

    def action_open_union_coverage(self):
        """The coverage dashboard of this trade-union campaign (seed 004 §V)."""
        self.ensure_one()
        return self.env["dvk.union.coverage"].action_open_for_campaign(self.id)

    def _summary_unit_domain(self):
        domain = super()._summary_unit_domain()
        if self.profile == "union":
            # Seed 004 §V: the summaries come from the union units only.
            domain &= Domain("dvk_union_kind", "!=", False)
        return domain
