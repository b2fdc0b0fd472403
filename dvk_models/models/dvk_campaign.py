import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

# The campaign fields of the public contract, each the main deadline of a kind
# of step among the campaign's deadline lines.
CONTRACT_DEADLINES = {
    "registration_deadline": "registration",
    "proposal_deadline": "proposal",
    "recognition_deadline": "recognition",
}


class DvkCampaign(models.Model):
    """One year of the "Dân vận khéo" emulation movement for one profile."""

    _name = "dvk.campaign"
    _description = "DVK Campaign"
    _inherit = [
        "dvk.mail.thread.batch",
        "mail.thread",
        "mail.activity.mixin",
        "dvk.profile.mixin",
    ]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    phase = fields.Char(
        compute="_compute_phase",
        store=True,
        readonly=False,
        help="The phase of the movement this year belongs to, e.g. 2021-2025: "
        "by default the phase of the profile's guidance for the year.",
    )
    profile_id = fields.Many2one(tracking=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    deadline_ids = fields.One2many(
        "dvk.campaign.deadline",
        "campaign_id",
        string="Deadlines",
        copy=True,
        help="The campaign's calendar, generated from its profile's deadline "
        "rules for its year; each line drives reminders and overdue flags.",
    )
    registration_deadline = fields.Date(
        compute="_compute_contract_deadlines",
        inverse="_inverse_contract_deadlines",
        store=True,
        readonly=False,
        tracking=True,
        help="The main registration deadline: the registration line without "
        "scope, else the latest one.",
    )
    proposal_deadline = fields.Date(
        string="Upper-level Proposal Deadline",
        compute="_compute_contract_deadlines",
        inverse="_inverse_contract_deadlines",
        store=True,
        readonly=False,
        tracking=True,
        help="Proposals for recognition at the upper level must be sent by then.",
    )
    recognition_deadline = fields.Date(
        compute="_compute_contract_deadlines",
        inverse="_inverse_contract_deadlines",
        store=True,
        readonly=False,
        tracking=True,
    )
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
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    model_ids = fields.One2many("dvk.model", "campaign_id")
    model_count = fields.Integer(compute="_compute_counts")
    exemplar_count = fields.Integer(compute="_compute_counts")
    decision_count = fields.Integer(compute="_compute_counts")
    note = fields.Html()
    # Guidance documents: the legal bases of the campaign's decisions.
    legal_basis = fields.Text(
        string="Guidance Documents",
        compute="_compute_legal_basis",
        store=True,
        readonly=False,
        help="The guidance and legal texts the campaign follows, one per line; "
        'the decisions of the campaign cite each as "Căn cứ ...;".',
    )

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

    # One campaign of a profile a year in a company, those taken over by the
    # campaign of a merged province (company) apart: they stay, closed, with
    # what they decided, beside the one that carries them on.
    _year_profile_company_uniq = models.UniqueIndex(
        "(company_id, profile_id, year) WHERE merged_into_id IS NULL",
        "There is already a campaign of this profile for this year.",
    )
    _year_valid = models.Constraint(
        "CHECK(year > 2000 AND year < 2200)", "The campaign year is not valid."
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

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_counts(self):
        """How many models, exemplar files and decisions of the campaign the
        reader can open: the numbers on the buttons that open them, counted
        with the reader's rights and the domain of the list each button
        opens (:meth:`_dvk_count_domain`), so a button never promises
        records its list does not show."""
        per_model = {}
        for fname, model in (
            ("model_count", "dvk.model"),
            ("exemplar_count", "dvk.exemplar"),
            ("decision_count", "dvk.decision"),
        ):
            per_model[fname] = {
                campaign.id: count
                for campaign, count in self.env[model]._read_group(
                    self._dvk_count_domain(), ["campaign_id"], ["__count"]
                )
            }
        for campaign in self:
            for fname, counts in per_model.items():
                campaign[fname] = counts.get(campaign._origin.id, 0)

    def _dvk_count_domain(self):
        """The records of these campaigns, as the buttons' lists open them
        (``action_open_models`` and its siblings)."""
        return [("campaign_id", "in", self._origin.ids)]

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

    @api.depends("deadline_ids.date", "deadline_ids.kind", "deadline_ids.level_ids")
    def _compute_contract_deadlines(self):
        for campaign in self:
            for fname, kind in CONTRACT_DEADLINES.items():
                campaign[fname] = campaign._main_deadline(kind).date

    def _inverse_contract_deadlines(self):
        for campaign in self:
            for fname, kind in CONTRACT_DEADLINES.items():
                line = campaign._main_deadline(kind)
                value = campaign[fname]
                if line and not value:
                    line.unlink()
                elif line and line.date != value:
                    line.date = value
                elif value and not line:
                    campaign.deadline_ids = [
                        Command.create(campaign._contract_line_vals(kind, value))
                    ]

    def _main_deadline(self, kind):
        """The line a contract field shows for ``kind``: the one without
        scope, else the latest."""
        self.ensure_one()
        lines = self.deadline_ids.filtered(lambda line: line.kind == kind)
        main = lines.filtered(lambda line: not line.level_ids) or lines
        return main.sorted(lambda line: (line.date or datetime.date.min, line.id))[-1:]

    def _contract_line_vals(self, kind, date):
        labels = dict(
            self.env["dvk.campaign.deadline"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        return {"name": labels[kind], "kind": kind, "date": date}

    @api.model
    def _get_default_dates(self, year):
        """Hook: the default start and end of a campaign of ``year``."""
        return {
            "date_start": datetime.date(year, 1, 1),
            "date_end": datetime.date(year, 12, 31),
        }

    @api.onchange("profile_id", "year")
    def _onchange_defaults(self):
        if not (self.profile_id and self.year) or not 2000 < self.year < 2200:
            return
        if self.state != "draft":
            return
        for fname, value in self._get_default_dates(self.year).items():
            self[fname] = value
        self.deadline_ids = [Command.clear()] + [
            Command.create(vals)
            for vals in self.profile_id._deadline_line_vals(self.year)
        ]
        # The default name follows the year until the user writes their own.
        if not self.name or self._is_default_name(self.name):
            self.name = self._default_name(self.year)

    def _default_name(self, year):
        return self.env._('"Dân vận khéo" emulation movement %(year)s', year=year)

    def _is_default_name(self, name):
        prefix = self._default_name(0)[:-1]
        return name.startswith(prefix) and name[len(prefix) :].isdigit()

    @api.constrains("deadline_ids", "registration_deadline", "recognition_deadline")
    def _check_required_deadlines(self):
        """Every campaign has a registration and a recognition deadline: the
        late registrations and the overdue flags are read from them."""
        if self.env.context.get("dvk_deadline_reset"):
            return  # the new calendar follows in the same write
        for campaign in self:
            missing = [
                campaign._fields[fname].get_description(self.env)["string"]
                for fname in ("registration_deadline", "recognition_deadline")
                if not campaign[fname]
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "The campaign %(name)s needs a %(deadlines)s: add the "
                        "deadline lines or the deadline rules of its profile.",
                        name=campaign.name,
                        deadlines=", ".join(missing),
                    )
                )

    @api.constrains(
        "date_start",
        "date_end",
        "registration_deadline",
        "recognition_deadline",
        "proposal_deadline",
    )
    def _check_dates(self):
        for campaign in self:
            if campaign.date_end < campaign.date_start:
                raise ValidationError(
                    self.env._(
                        "The campaign %(name)s ends before it starts.",
                        name=campaign.name,
                    )
                )
            for fname in (
                "registration_deadline",
                "recognition_deadline",
                "proposal_deadline",
            ):
                value = campaign[fname]
                if value and not campaign.date_start <= value <= campaign.date_end:
                    raise ValidationError(
                        self.env._(
                            "The %(deadline)s of %(name)s is outside the campaign "
                            "(%(start)s - %(end)s).",
                            deadline=self._fields[fname].get_description(self.env)[
                                "string"
                            ],
                            name=campaign.name,
                            start=campaign.date_start,
                            end=campaign.date_end,
                        )
                    )
            campaign.deadline_ids._check_date()
            outside = self.env["dvk.model"].search_count(
                [
                    ("campaign_id", "=", campaign.id),
                    "|",
                    "|",
                    ("registration_date", "<", campaign.date_start),
                    ("registration_date", ">", campaign.date_end),
                    "|",
                    ("date_start", "<", campaign.date_start),
                    ("date_end", ">", campaign.date_end),
                ],
                limit=1,
            )
            if outside:
                raise ValidationError(
                    self.env._(
                        "The campaign %(name)s has registrations that would fall "
                        "outside its new dates.",
                        name=campaign.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        for campaign in self:
            if campaign.state != "draft" or campaign.model_ids:
                raise UserError(
                    self.env._(
                        "The campaign %(name)s has been opened or has "
                        "registrations: archive it by closing it instead.",
                        name=campaign.name,
                    )
                )

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Campaign created")

    def action_open(self):
        self._check_is_dvk_manager()
        for campaign in self:
            if campaign.merged_into_id:
                raise UserError(
                    self.env._(
                        "The campaign %(name)s was taken over by %(successor)s: "
                        "it carries on there.",
                        name=campaign.name,
                        successor=campaign.merged_into_id.display_name,
                    )
                )
            if campaign.state == "open":
                raise UserError(
                    self.env._(
                        "The campaign %(name)s is already open.", name=campaign.name
                    )
                )
        # sudo: state is written only through this guarded method
        self.sudo().write({"state": "open"})
        return True

    def action_close(self):
        self._check_is_dvk_manager()
        for campaign in self:
            if campaign.state != "open":
                raise UserError(
                    self.env._(
                        "Only an open campaign can be closed: %(name)s.",
                        name=campaign.name,
                    )
                )
        # sudo: state is written only through this guarded method
        self.sudo().write({"state": "closed"})
        return True

    def _check_is_dvk_manager(self):
        if not self.env.user.has_group("dvk_models.group_dvk_manager"):
            raise UserError(
                self.env._("Only a DVK manager can open or close campaigns.")
            )

    def write(self, vals):
        if "state" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "Use the Open and Close buttons to change the state of a campaign."
                )
            )
        frozen = self._dvk_frozen_fields() & set(vals)
        if frozen:
            for campaign in self.filtered(lambda c: c.state != "draft"):
                changed = [
                    fname
                    for fname in frozen
                    if campaign._fields[fname].convert_to_write(
                        campaign[fname], campaign
                    )
                    != vals[fname]
                ]
                if changed:
                    raise UserError(
                        self.env._(
                            "The campaign %(name)s has been opened: its %(fields)s "
                            "can no longer be changed.",
                            name=campaign.name,
                            fields=", ".join(
                                campaign._fields[f].get_description(self.env)["string"]
                                for f in sorted(changed)
                            ),
                        )
                    )
        # A draft campaign moved to another profile or year takes the
        # calendar of its new guidance and year.
        reset = self.browse()
        if "deadline_ids" not in vals:
            reset = self.filtered(
                lambda c: (
                    c.state == "draft"
                    and (
                        ("profile_id" in vals and vals["profile_id"] != c.profile_id.id)
                        or ("profile" in vals and vals["profile"] != c.profile)
                        or ("year" in vals and vals["year"] != c.year)
                    )
                )
            )
        if not reset:
            return super().write(vals)
        contract = {f: vals.pop(f) for f in CONTRACT_DEADLINES if f in vals}
        result = super(DvkCampaign, self - reset).write(vals) if self - reset else True
        if "profile" in vals and "profile_id" not in vals:
            vals["profile_id"] = self._dvk_profile_from_code(vals.pop("profile")).id
        profile = self.env["dvk.profile"].browse(vals.get("profile_id"))
        for campaign in reset:
            year = vals.get("year", campaign.year)
            campaign_vals = dict(vals)
            if "year" in vals:
                for fname, value in self._get_default_dates(year).items():
                    campaign_vals.setdefault(fname, value)
            # The old calendar goes first: recomputing the dates from it
            # against the new year would fail the date checks.
            campaign.deadline_ids.with_context(dvk_deadline_reset=True).unlink()
            campaign_vals["deadline_ids"] = [
                Command.create(line)
                for line in (profile or campaign.profile_id)._deadline_line_vals(year)
            ]
            super(DvkCampaign, campaign).write(campaign_vals)
        if contract:
            super().write(contract)
        return result

    def _dvk_frozen_fields(self):
        """Hook: what an opened campaign keeps for good; its registrations,
        numbering and criteria depend on them."""
        return {"profile", "profile_id", "year", "company_id"}

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "draft") != "draft" for vals in vals_list
        ):
            raise UserError(self.env._("A new campaign always starts as a draft."))
        vals_list = self._dvk_profile_vals(vals_list)
        # Dates left out follow the campaign's own year, not the current year
        # that default_get assumes (e.g. next year's campaign created in advance).
        ctx = self.env.context
        Profile = self.env["dvk.profile"]
        for vals in vals_list:
            year = vals.get("year") or ctx.get("default_year")
            if not year:
                continue
            for fname, value in self._get_default_dates(year).items():
                if fname not in vals and f"default_{fname}" not in ctx:
                    vals[fname] = value
            if "deadline_ids" in vals or "default_deadline_ids" in ctx:
                continue
            profile = (
                Profile.browse(vals.get("profile_id") or ctx.get("default_profile_id"))
                or self._default_profile_id()
            )
            lines = profile._deadline_line_vals(year) if profile else []
            for fname, kind in CONTRACT_DEADLINES.items():
                if fname in vals:
                    self._apply_contract_deadline(lines, kind, vals.pop(fname))
            vals["deadline_ids"] = [Command.create(line) for line in lines]
        return super().create(vals_list)

    def _apply_contract_deadline(self, lines, kind, value):
        """Set the main line of ``kind`` in ``lines`` (values about to be
        created) to ``value``, as the inverse does on a saved campaign."""
        of_kind = [line for line in lines if line["kind"] == kind]
        unscoped = [line for line in of_kind if not line["level_ids"][0][2]]
        main = sorted(unscoped or of_kind, key=lambda line: line["date"])[-1:]
        if main and value:
            main[0]["date"] = fields.Date.to_date(value)
        elif main:
            lines.remove(main[0])
        elif value:
            lines.append(self._contract_line_vals(kind, fields.Date.to_date(value)))

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

    def action_open_models(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_model_action"
        )
        action["domain"] = self._dvk_count_domain()
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_open_exemplars(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_exemplar_action"
        )
        action["domain"] = self._dvk_count_domain()
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_open_decisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_decision_action"
        )
        action["domain"] = self._dvk_count_domain()
        action["context"] = {"default_campaign_id": self.id}
        return action
