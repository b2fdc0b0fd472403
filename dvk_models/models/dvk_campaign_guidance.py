from odoo import api, fields, models


class DvkCampaignGuidance(models.AbstractModel):
    """The guidance a campaign follows: the phase of the movement and the
    guidance documents its decisions cite as legal bases."""

    _name = "dvk.campaign.guidance"
    _description = "DVK Campaign Guidance"

    phase = fields.Char(
        compute="_compute_phase",
        store=True,
        readonly=False,
        help="The phase of the movement this year belongs to, e.g. 2021-2025: "
        "by default the phase of the profile's guidance for the year.",
    )
    # Guidance documents: the legal bases of the campaign's decisions.
    legal_basis = fields.Text(
        string="Guidance Documents",
        compute="_compute_legal_basis",
        store=True,
        readonly=False,
        help="The guidance and legal texts the campaign follows, one per line; "
        'the decisions of the campaign cite each as "Căn cứ ...;".',
    )

    @api.depends("profile_id", "year")
    def _compute_legal_basis(self):
        # The guidance of the campaign's period when its profile or year is
        # chosen; afterwards the manager may edit it, and a guidance recorded
        # on the profile later does not overwrite what the campaign cites.
        for campaign in self:
            campaign.legal_basis = campaign._get_default_legal_basis()

    @api.depends("profile_id", "year")
    def _compute_phase(self):
        for campaign in self:
            phases = campaign._dvk_guidance().filtered("phase").mapped("phase")
            campaign.phase = phases[0] if phases else False

    def _dvk_guidance(self):
        """The profile's guidance documents in force for the campaign's year."""
        self.ensure_one()
        if not self.profile_id:
            return self.env["dvk.profile.guidance"]
        return self.profile_id._dvk_guidance_for(self.year)

    def _get_default_legal_basis(self):
        """Hook: the guidance documents of the campaign's profile in force for
        its year, one per line: a campaign of a new phase does not cite the
        guidance of the phase before."""
        self.ensure_one()
        return "\n".join(self._dvk_guidance().mapped("name"))

    def _dvk_missing_guidance_message(self):
        """What a campaign without any guidance document for its year tells
        the officer preparing its decisions."""
        self.ensure_one()
        profile = self.profile_id
        # sudo: the periods of the profile's guidance, configuration data
        documents = profile.sudo().guidance_ids if profile else []
        ends = [g.year_to for g in documents if g.year_to]
        if ends and max(ends) < self.year:
            return self.env._(
                "No guidance document governs %(year)s: the guidance of the "
                "%(profile)s profile ends in %(end)s. Record the guidance of the "
                "new phase (on the profile, or in the Guidance Documents of the "
                "campaign %(campaign)s) or write the legal bases of this decision.",
                year=self.year,
                profile=profile.display_name,
                end=max(ends),
                campaign=self.display_name,
            )
        return self.env._(
            "The campaign %(campaign)s has no guidance document for %(year)s: "
            "record it (on the profile, or in the Guidance Documents of the "
            "campaign) or write the legal bases of this decision.",
            year=self.year,
            campaign=self.display_name,
        )
