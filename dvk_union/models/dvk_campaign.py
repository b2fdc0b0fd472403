from odoo import api, fields, models
from odoo.fields import Domain


class DvkCampaign(models.Model):
    _inherit = "dvk.campaign"

    union_profile = fields.Boolean(
        string="Follows the Trade-Union Guidance",
        compute="_compute_union_profile",
        help="The profile is the trade union's or shares its rules.",
    )

    @api.depends("profile")
    def _compute_union_profile(self):
        union = self._dvk_of_profile("union")
        for campaign in self:
            campaign.union_profile = campaign in union

    def action_open_union_coverage(self):
        """The coverage dashboard of this trade-union campaign (seed 004 §V)."""
        self.ensure_one()
        return self.env["dvk.union.coverage"].action_open_for_campaign(self.id)

    def _dvk_coverage(self, units):
        """Trade-union campaigns (seed 004 §V.2): the coverage of the base
        unions, as the coverage report counts it."""
        result = super()._dvk_coverage(units)
        Coverage = self.env["dvk.union.coverage"]
        label = self.env._("of base unions covered")
        for campaign in self._dvk_of_profile("union"):
            rows = Coverage._dvk_coverage_rows(campaign, units)
            covered, counted, _share = Coverage._dvk_coverage_totals(rows)
            result[campaign._origin.id] = (covered, counted, label)
        return result

    def _summary_unit_domain(self):
        domain = super()._summary_unit_domain()
        if self._dvk_of_profile("union"):
            # Seed 004 §V: the summaries come from the union units only.
            domain &= Domain("dvk_union_kind", "!=", False)
        return domain
