import datetime

from odoo import api, fields, models

from odoo.addons.dvk_models.tools import rules


class DvkCampaign(models.Model):
    _inherit = "dvk.campaign"

    profile = fields.Selection(
        selection_add=[("union", "Trade union")], ondelete={"union": "set default"}
    )
    union_base_registration_deadline = fields.Date(
        string="Base and District Registration Deadline",
        help="Base unions and district unions register their models in February "
        "(provincial labour federation guidance, §V).",
    )
    union_summary_deadline = fields.Date(
        string="Summary to Provincial Union",
        help="District and sector unions send their registration summaries to the "
        "provincial union by this date (provincial labour federation guidance, "
        "§V).",
    )

    @api.model
    def _get_default_deadlines(self, profile, year, deadline_rule=None):
        values = super()._get_default_deadlines(profile, year, deadline_rule)
        if profile == "union":
            # Seed 004 §V: base and district unions register in February, the
            # provincial level in March; recognition follows seed 001 §4.
            values.update(rules.default_deadlines("province", year))
            values["registration_deadline"] = datetime.date(year, 3, 31)
            values["union_base_registration_deadline"] = rules.last_day_of_month(
                year, 2
            )
            values["union_summary_deadline"] = datetime.date(year, 3, 10)
        return values

    def action_open_union_coverage(self):
        """The coverage dashboard of this trade-union campaign (seed 004 §V)."""
        self.ensure_one()
        return self.env["dvk.union.coverage"].action_open_for_campaign(self.id)
