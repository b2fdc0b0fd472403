from odoo import fields, models


class DvkCampaignTakeover(models.AbstractModel):
    """A campaign of a merged province (company) taking over the campaigns
    of the former ones, and the campaign that carries another one on."""

    _name = "dvk.campaign.takeover"
    _description = "DVK Campaign Takeover"

    merged_into_id = fields.Many2one(
        "dvk.campaign",
        string="Taken Over By",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="The campaign of the merged province (company) that took over the "
        "registrations under way of this one; this campaign is closed and keeps "
        "what it decided.",
    )
    merged_from_ids = fields.One2many(
        "dvk.campaign",
        "merged_into_id",
        string="Took Over",
        help="The campaigns of the merged provinces whose registrations under "
        "way this campaign took over.",
    )
    merge_date = fields.Date(
        string="Taken Over On",
        readonly=True,
        copy=False,
        help="The date from which the campaign of the merged province carries "
        "on this one.",
    )

    def _dvk_carrier(self):
        """The campaign that carries this one on: itself, or the campaign of
        the merged province that took it over (followed through later
        takeovers)."""
        self.ensure_one()
        campaign, seen = self, set()
        while campaign.merged_into_id and campaign.id not in seen:
            seen.add(campaign.id)
            campaign = campaign.merged_into_id
        return campaign

    def _next_campaign(self):
        """The campaign of the next year with the same profile and company;
        for a campaign taken over by a merged province's, the next one of
        that province (renewals and streaks follow the merger)."""
        self.ensure_one()
        carrier = self._dvk_carrier()
        following = self.search(
            [
                ("profile_id", "=", carrier.profile_id.id),
                ("company_id", "=", carrier.company_id.id),
                ("year", "=", carrier.year + 1),
            ],
            order="id",
        )
        # The one not taken over, else the carrier of one that was.
        following = following.filtered(lambda c: not c.merged_into_id) or following
        return following[:1]._dvk_carrier() if following else following

    def action_take_over_wizard(self):
        """Open the dialog in which this campaign of a merged province takes
        over the registrations of its year's campaigns of the former ones."""
        self.ensure_one()
        self._check_is_dvk_manager()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.campaign.merge.wizard",
            "name": self.env._("Take Over Campaigns"),
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": self.id},
        }
