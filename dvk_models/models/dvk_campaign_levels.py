import datetime

from odoo import api, fields, models


class DvkCampaignLevels(models.AbstractModel):
    """The level chain a campaign's records climb (the profile's chain in
    force on its level chain date), and the proposals waiting at its levels
    for a decision."""

    _name = "dvk.campaign.levels"
    _description = "DVK Campaign Level Chain"

    level_date = fields.Date(
        string="Level Chain Date",
        compute="_compute_level_date",
        store=True,
        readonly=False,
        tracking=True,
        help="The date that picks the level chain of the profile for this "
        "campaign; by default its end, when its recognitions are decided (the "
        "2025 campaigns recognise under the two-tier local government, without "
        "the district tier). Campaigns of earlier years keep their own chain.",
    )
    level_chain_ids = fields.Many2many(
        "dvk.level",
        compute="_compute_level_chain_ids",
        help="The levels a record of the campaign climbs, lowest first.",
    )

    @api.depends("date_end")
    def _compute_level_date(self):
        for campaign in self:
            campaign.level_date = campaign.date_end

    @api.depends("level_date", "year", "profile_id.level_ids")
    def _compute_level_chain_ids(self):
        for campaign in self:
            campaign.level_chain_ids = campaign._dvk_level_chain()

    @api.model
    def _dvk_waiting_proposals(self):
        """(campaign, level) pairs of the open campaigns' records proposed
        and visible to the user, in the current company."""
        domain = [
            ("state", "=", "proposed"),
            ("campaign_id.state", "=", "open"),
            ("company_id", "=", self.env.company.id),
        ]
        pairs = set()
        for model in ("dvk.model", "dvk.exemplar"):
            for campaign, level in self.env[model]._read_group(
                domain, ["campaign_id", "proposal_level_id"]
            ):
                pairs.add((campaign, level))
        return pairs

    @api.model
    def _dvk_campaign_at_work(self):
        """The campaign an officer's new decision, council grid or candidate
        search is about: the one running for the user's unit (as for a new
        registration), or else the only open campaign with proposals waiting
        for a decision. None when it stays ambiguous: the user chooses."""
        campaign = self.env["dvk.model"]._default_campaign_id()
        if campaign:
            return campaign
        campaigns = {campaign for campaign, _level in self._dvk_waiting_proposals()}
        return campaigns.pop() if len(campaigns) == 1 else self.browse()

    def _dvk_level_chain(self):
        """The chain in force for the campaign (its level chain date, else the
        end of its year), lowest level first."""
        self.ensure_one()
        if not self.profile_id:
            return self.env["dvk.level"]._get_ordered()
        date = self.level_date or (
            datetime.date(self.year, 12, 31) if self.year else False
        )
        return self.profile_id._dvk_levels_at(date)

    def _dvk_level_step(self, level):
        """The step of ``level`` in the chain in force for the campaign (its
        level chain date, else the end of its year); empty without one."""
        Step = self.env["dvk.profile.level"]
        if not level or not self or not self.profile_id:
            return Step
        self.ensure_one()
        date = self.level_date or (
            datetime.date(self.year, 12, 31) if self.year else False
        )
        steps = self.profile_id._dvk_steps_at(date)
        return steps.filtered(lambda s: s.level_id == level)[:1]

    def _dvk_level_name(self, level):
        """The level as the campaign's chain names it ("Cơ sở", "Huyện" ...):
        the step's ``document_name`` when the level's own name does not fit
        the bodies of that step (the sector unions since 1/7/2025 are "trên
        trực tiếp cơ sở", not "huyện"), else the level's name."""
        if not level:
            return ""
        name = self._dvk_level_step(level).document_name
        if name:
            return f"{name[:1].upper()}{name[1:]}"
        return level.name or ""
