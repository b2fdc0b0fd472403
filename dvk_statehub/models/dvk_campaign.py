import datetime

from odoo import api, fields, models

from odoo.addons.dvk_models.tools import rules


class DvkCampaign(models.Model):
    _inherit = "dvk.campaign"

    profile = fields.Selection(
        selection_add=[("statehub", "State agencies (Trà Vinh)")],
        ondelete={"statehub": "set default"},
    )

    @api.model
    def _get_default_deadlines(self, profile, year, deadline_rule=None):
        values = super()._get_default_deadlines(profile, year, deadline_rule)
        if profile == "statehub":
            # Seed 003 Điều 8: registered models reported to Sở Nội vụ in
            # February, recognition results and proposals in October.
            values.update(
                {
                    "registration_deadline": rules.last_day_of_month(year, 2),
                    "proposal_deadline": datetime.date(year, 10, 31),
                    "recognition_deadline": datetime.date(year, 10, 31),
                }
            )
        return values
