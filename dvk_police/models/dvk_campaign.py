from odoo import models
from odoo.fields import Domain


class DvkCampaign(models.Model):
    _inherit = "dvk.campaign"

    def _summary_unit_domain(self):
        domain = super()._summary_unit_domain()
        if self.profile == "police":
            # Seed 002: the police units report, not the party committees.
            domain &= Domain("dvk_police_kind", "!=", False)
        return domain
