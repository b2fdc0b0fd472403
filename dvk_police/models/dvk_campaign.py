from odoo import api, fields, models

from odoo.addons.dvk_models.tools import rules


class DvkCampaign(models.Model):
    _inherit = "dvk.campaign"

    profile = fields.Selection(
        selection_add=[("police", "Police (Công an)")],
        ondelete={"police": "set default"},
    )

    @api.model
    def _get_default_deadlines(self, profile, year, deadline_rule=None):
        values = super()._get_default_deadlines(profile, year, deadline_rule)
        if profile == "police":
            # Seed 002 follows the provincial board's guidance (seed 001 §4):
            # register before 30/3, propose before 01/10, recognise before 15/10.
            values.update(rules.default_deadlines("province", year))
        return values
