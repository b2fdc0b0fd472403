from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from ..tools import rules

DEADLINE_KINDS = [
    ("registration", "Registration"),
    ("approval", "Approval"),
    ("proposal", "Proposal to the upper level"),
    ("recognition", "Recognition"),
    ("summary", "Summary report"),
]


class DvkProfile(models.Model):
    """A sector's rulebook as data (DESIGN §3): the guidance it follows, the
    levels a record climbs, its calendar, criteria, dossiers and categories.
    An administrator reads and adjusts it without code."""

    _name = "dvk.profile"
    _description = "DVK Guidance Profile"
    _order = "sequence, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical key of the profile, e.g. party, police, union, "
        "statehub; external systems search campaigns by it.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    parent_id = fields.Many2one(
        "dvk.profile",
        string="Shares the Rules of",
        ondelete="restrict",
        help="A variant of another guidance (e.g. the Party bloc calendar): it "
        "has its own guidance documents and deadlines and uses the criteria "
        "sets, required documents and categories of this profile when it has "
        "none of its own.",
    )
    guidance_ids = fields.One2many(
        "dvk.profile.guidance",
        "profile_id",
        string="Guidance Documents",
        copy=True,
        help="The guidance documents the profile follows, each for the years "
        "of its phase: the legal bases of the decisions of the campaigns of "
        "those years.",
    )
    document_format = fields.Selection(
        [
            ("unit", "Follow the issuing unit"),
            ("party", "Party document"),
            ("state", "State document"),
        ],
        required=True,
        default="unit",
        help="Header and numbering of the documents issued under the profile: "
        '"12-QĐ/ĐU" for a Party body, "12/QĐ-UBND" for a state body; "Follow '
        "the issuing unit\" reads the unit's Party body flag.",
    )
    decision_audience = fields.Selection(
        [
            ("concerned", "The people concerned and the officers in charge"),
            ("units", "Also everyone in the issuing unit and the units below it"),
        ],
        string="Issued Decisions Are Read By",
        required=True,
        default="units",
        help="Who reads the decisions of the profile once they are issued. "
        "Drafts are read only by the officers in charge of the issuing unit "
        "or of a unit the decision names, and by the people it concerns (its "
        "signer, the registrants, subjects and participants of its lines).",
    )
    own_submission_letter = fields.Boolean(
        help="The sector of this profile prints its own submission letter for "
        "its models: the general one is not offered on them.",
    )
    routing = fields.Selection(
        [("unit", "Approvers of the unit tree")],
        string="Approver Routing",
        required=True,
        default="unit",
        help="How the approver of a registration is found.",
    )
    level_ids = fields.One2many(
        "dvk.profile.level", "profile_id", string="Level Chain", copy=True
    )
    deadline_rule_ids = fields.One2many(
        "dvk.profile.deadline.rule", "profile_id", string="Deadline Rules", copy=True
    )
    criteria_set_ids = fields.One2many("dvk.criteria.set", "profile_id")
    dossier_template_ids = fields.One2many("dvk.dossier.template", "profile_id")
    category_ids = fields.One2many("dvk.category", "profile_id")
    criteria_set_count = fields.Integer(compute="_compute_counts")
    dossier_template_count = fields.Integer(compute="_compute_counts")
    category_count = fields.Integer(compute="_compute_counts")
    campaign_count = fields.Integer(compute="_compute_counts")

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "A guidance profile with this code already exists."
    )

    def _compute_counts(self):
        """What uses the profile, counted whatever the reader's companies: a
        profile is shared by the campaigns of every company."""
        for fname, model in (
            ("criteria_set_count", "dvk.criteria.set"),
            ("dossier_template_count", "dvk.dossier.template"),
            ("category_count", "dvk.category"),
            ("campaign_count", "dvk.campaign"),
        ):
            # sudo: a count per profile, whatever the reader's rights
            Records = self.env[model].sudo()
            counts = {
                profile.id: count
                for profile, count in Records._read_group(
                    [("profile_id", "in", self._origin.ids)],
                    ["profile_id"],
                    ["__count"],
                )
            }
            for profile in self:
                profile[fname] = counts.get(profile._origin.id, 0)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("A guidance profile cannot share its own rules.")
            )

    @api.model
    def _by_code(self, code):
        """The profile of a code (archived ones included: old records keep
        theirs)."""
        if not code:
            return self.browse()
        return self.with_context(active_test=False).search(
            [("code", "=", code)], limit=1
        )

    def _rule_codes(self):
        """Codes whose criteria sets, required documents and categories apply
        to this profile: its own first, then those it shares."""
        self.ensure_one()
        codes = []
        profile = self
        while profile and profile.code not in codes:
            codes.append(profile.code)
            profile = profile.parent_id
        return codes

    # ------------------------------------------------------------------
    # Profiles sharing another's rules follow its behaviour too
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        profiles = super().create(vals_list)
        self.env.registry.clear_cache()  # _dvk_rule_codes_by_code
        return profiles

    def write(self, vals):
        result = super().write(vals)
        if {"code", "parent_id"} & set(vals):
            self.env.registry.clear_cache()  # _dvk_rule_codes_by_code
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()  # _dvk_rule_codes_by_code
        return result

    @api.model
    @tools.ormcache()
    def _dvk_rule_codes_by_code(self):
        """The rule codes (``_rule_codes``) of every profile, archived ones
        included, by code: read once, then kept until a profile's code or
        the profile whose rules it shares changes."""
        # sudo: which profile shares whose rules is configuration, the same
        # for every reader
        profiles = self.sudo().with_context(active_test=False).search([])
        return {profile.code: tuple(profile._rule_codes()) for profile in profiles}

    def _dvk_follows(self, code):
        """Whether the profile follows the guidance of ``code``: it is that
        profile, or shares its rules (directly or through another)."""
        self.ensure_one()
        return code in self._rule_codes()

    @api.model
    def _dvk_rule_codes_of(self, code):
        """``_rule_codes`` of the profile of ``code``, read from the cache
        (empty for no profile)."""
        return self._dvk_rule_codes_by_code().get(code, ())

    @api.model
    def _dvk_codes_following(self, code):
        """The codes of the profiles, archived ones included, that follow the
        guidance of ``code``: itself and the profiles sharing its rules. For
        searches that must find the records of a variant too."""
        return [
            own
            for own, codes in self._dvk_rule_codes_by_code().items()
            if code in codes
        ]

    def _dvk_levels_at(self, date):
        """The level chain in force on ``date``, lowest first: the steps of
        the profile (or, when it has none, of the profile whose rules it
        shares) whose period covers the date. The chain changes from a date
        (the party's district tier until 30/6/2025, the district police until
        28/2/2025); campaigns of earlier years keep theirs. A profile without
        any step, or none in force, climbs every active level."""
        self.ensure_one()
        levels = self._dvk_steps_at(date).level_id
        return levels or self.env["dvk.level"]._get_ordered()

    def _dvk_steps_at(self, date):
        """The steps of the chain in force on ``date``, lowest first, with who
        recognises at each (``authority``): the profile's own, or those of
        the profile whose rules it shares when it has none. Empty when no
        step is in force."""
        steps = self._dvk_all_steps().filtered(lambda s: s._dvk_in_force(date))
        return steps.sorted(lambda s: (s.sequence, s.id))

    def _dvk_all_steps(self):
        """Every step of the profile's chain, whatever its period: the
        profile's own, or those of the profile whose rules it shares when it
        has none."""
        self.ensure_one()
        profile = self
        seen = set()
        while profile and profile.id not in seen:
            seen.add(profile.id)
            if profile.level_ids:
                return profile.level_ids
            profile = profile.parent_id
        return self.env["dvk.profile.level"]

    def _dvk_guidance_for(self, year):
        """The guidance documents in force for a campaign of ``year``: the
        profile's own, or, when it has none, those of the profile whose rules
        it shares."""
        self.ensure_one()
        profile = self
        seen = set()
        while profile and profile.id not in seen:
            seen.add(profile.id)
            if profile.guidance_ids:
                return profile.guidance_ids.filtered(
                    lambda g: g._dvk_in_force(year)
                ).sorted(lambda g: (g.sequence, g.id))
            profile = profile.parent_id
        return self.env["dvk.profile.guidance"]

    def _deadline_line_vals(self, year):
        """Values of the campaign deadline lines of ``year`` from the rules."""
        self.ensure_one()
        return [rule._line_vals(year) for rule in self.deadline_rule_ids]

    def _action_open(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("profile_id", "=", self.id)]
        action["context"] = {"default_profile_id": self.id}
        return action

    def action_open_criteria_sets(self):
        return self._action_open("dvk_models.dvk_criteria_set_action")

    def action_open_dossier_templates(self):
        return self._action_open("dvk_models.dvk_dossier_template_action")

    def action_open_categories(self):
        return self._action_open("dvk_models.dvk_category_action")

    def action_open_campaigns(self):
        return self._action_open("dvk_models.dvk_campaign_action")


class DvkProfileLevel(models.Model):
    """A step of the level chain: the levels a record climbs under the
    profile, lowest first, and who recognises at each."""

    _name = "dvk.profile.level"
    _description = "DVK Profile Level"
    _order = "profile_id, sequence, id"

    profile_id = fields.Many2one(
        "dvk.profile", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    level_id = fields.Many2one("dvk.level", required=True, ondelete="restrict")
    authority = fields.Char(
        string="Recognised by",
        translate=True,
        help='The kind of unit that recognises at this level, e.g. "Ban Chỉ đạo xã".',
    )
    document_name = fields.Char(
        string="Level in Documents",
        help='How printed forms name the level under this step, after "cấp": '
        'e.g. "trên trực tiếp cơ sở" for the sector unions from 1/7/2025, '
        'which print "cấp trên trực tiếp cơ sở" where "cấp huyện" no longer '
        "fits the body. Empty: the level's name.",
    )
    date_from = fields.Date(
        string="From",
        help="The step applies to campaigns from this date (e.g. the two-tier "
        "local government since 1/7/2025); empty: always.",
    )
    date_to = fields.Date(string="Until", help="Empty: still in force.")

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for step in self:
            if step.date_from and step.date_to and step.date_to < step.date_from:
                raise ValidationError(
                    self.env._(
                        "The step %(level)s of %(profile)s ends before it starts.",
                        level=step.level_id.name,
                        profile=step.profile_id.name,
                    )
                )

    def _dvk_in_force(self, date):
        """Whether the step belongs to the chain on ``date`` (both ends
        included; an empty end is open)."""
        self.ensure_one()
        if not date:
            return not self.date_to
        return (not self.date_from or self.date_from <= date) and (
            not self.date_to or date <= self.date_to
        )


class DvkProfileGuidance(models.Model):
    """A guidance document of the profile and the years it governs (a phase
    of the movement, e.g. 2021-2025): the campaigns of those years cite it as
    a legal basis of their decisions and take its phase."""

    _name = "dvk.profile.guidance"
    _description = "DVK Guidance Document"
    _order = "profile_id, sequence, id"

    profile_id = fields.Many2one(
        "dvk.profile", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Document",
        required=True,
        help='As the decisions cite it after "Căn cứ", e.g. "Hướng dẫn số '
        '07-HD/ĐUK ngày 12/01/2024 của Ban Thường vụ Đảng ủy Khối ...".',
    )
    year_from = fields.Integer(
        string="From Year", help="First campaign year it governs; empty: any."
    )
    year_to = fields.Integer(
        string="Until Year",
        help="Last campaign year it governs (the end of its phase); empty: "
        "still in force.",
    )
    phase = fields.Char(
        compute="_compute_phase",
        store=True,
        readonly=False,
        help="The phase of the movement it belongs to, e.g. 2021-2025; the "
        "campaigns of its years take it.",
    )

    @api.depends("year_from", "year_to")
    def _compute_phase(self):
        for guidance in self:
            if guidance.year_from and guidance.year_to:
                guidance.phase = f"{guidance.year_from}-{guidance.year_to}"

    @api.constrains("year_from", "year_to")
    def _check_years(self):
        for guidance in self:
            if (
                guidance.year_from
                and guidance.year_to
                and guidance.year_to < guidance.year_from
            ):
                raise ValidationError(
                    self.env._(
                        "The guidance %(name)s ends before it starts.",
                        name=guidance.name,
                    )
                )

    def _dvk_in_force(self, year):
        """Whether the document governs a campaign of ``year`` (both ends
        included; an empty end is open)."""
        self.ensure_one()
        if not year:
            return not self.year_to
        return (not self.year_from or self.year_from <= year) and (
            not self.year_to or year <= self.year_to
        )


class DvkProfileDeadlineRule(models.Model):
    """A deadline of the profile's calendar, turned into a dated line of each
    campaign of the profile."""

    _name = "dvk.profile.deadline.rule"
    _description = "DVK Deadline Rule"
    _order = "profile_id, sequence, id"

    profile_id = fields.Many2one(
        "dvk.profile", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        DEADLINE_KINDS,
        required=True,
        help="The step due by the deadline: registration (drafts to submit, "
        "registrations to approve), approval, proposal of approved models, "
        "recognition of proposed ones, or a summary report to send.",
    )
    month = fields.Integer(required=True)
    day = fields.Integer(help="Ignored when the deadline is the last day of month.")
    last_day_of_month = fields.Boolean()
    level_ids = fields.Many2many(
        "dvk.level",
        "dvk_profile_deadline_rule_level_rel",
        "rule_id",
        "level_id",
        string="Levels",
        help="The levels the deadline applies to (the level a model aims at, "
        "else its unit's level); empty: all.",
    )
    scope = fields.Char(
        translate=True,
        help='Who the deadline concerns, in words, e.g. "base and district unions".',
    )

    _month_valid = models.Constraint(
        "CHECK(month >= 1 AND month <= 12)", "The month of a deadline is 1 to 12."
    )

    @api.constrains("month", "day", "last_day_of_month")
    def _check_day(self):
        for rule in self:
            if rule.last_day_of_month:
                continue
            try:
                # 2024 is a leap year: 29/2 is a valid rule.
                rules.rule_date(2024, rule.month, rule.day)
            except ValueError as error:
                raise ValidationError(
                    self.env._(
                        "The deadline %(name)s has no valid day of the month.",
                        name=rule.name,
                    )
                ) from error

    def _date(self, year):
        self.ensure_one()
        return rules.rule_date(
            year, self.month, self.day, last_day=self.last_day_of_month
        )

    def _line_vals(self, year):
        self.ensure_one()
        return {
            # Name and scope follow the rule (see dvk.campaign.deadline).
            "rule_id": self.id,
            "sequence": self.sequence,
            "kind": self.kind,
            "date": self._date(year),
            "level_ids": [fields.Command.set(self.level_ids.ids)],
        }


class DvkProfileMixin(models.AbstractModel):
    """The profile a record belongs to: ``profile_id``, and ``profile`` its
    code, stored so that external systems keep searching and writing
    ``profile = 'police'`` (public contract)."""

    _name = "dvk.profile.mixin"
    _description = "DVK Profile Mixin"

    def _default_profile_id(self):
        return self.env.ref("dvk_models.dvk_profile_party", raise_if_not_found=False)

    profile_id = fields.Many2one(
        "dvk.profile",
        string="Guidance Profile",
        required=True,
        default=lambda self: self._default_profile_id(),
        ondelete="restrict",
        index=True,
        help="The guidance the record follows: criteria, dossiers, deadlines "
        "and approval routing come from it.",
    )
    profile = fields.Char(
        string="Profile Code",
        compute="_compute_profile",
        inverse="_inverse_profile",
        store=True,
        readonly=False,
        index=True,
    )

    @api.depends("profile_id.code")
    def _compute_profile(self):
        for record in self:
            record.profile = record.profile_id.code

    def _inverse_profile(self):
        for code in set(self.mapped("profile")):
            records = self.filtered(lambda r, c=code: r.profile == c)
            records.profile_id = self._dvk_profile_from_code(code)

    def _dvk_of_profile(self, code):
        """The records of ``self`` whose profile follows the guidance of
        ``code``: that profile, or one sharing its rules (a variant)."""
        codes = self.env["dvk.profile"]._dvk_codes_following(code)
        return self.filtered(lambda r: r.profile in codes)

    @api.model
    def _dvk_profile_from_code(self, code):
        if not code:
            return self.env["dvk.profile"]
        profile = self.env["dvk.profile"]._by_code(code)
        if not profile:
            raise ValidationError(
                self.env._("There is no DVK guidance profile %(code)s.", code=code)
            )
        return profile

    @api.model
    def _dvk_profile_vals(self, vals_list):
        """A code given instead of the profile (``profile`` in the values or
        ``default_profile`` in the context) names the profile."""
        default_code = self.env.context.get("default_profile")
        for vals in vals_list:
            if not vals.get("profile_id"):
                code = vals.pop("profile", None) or (
                    None if self.env.context.get("default_profile_id") else default_code
                )
                if code:
                    vals["profile_id"] = self._dvk_profile_from_code(code).id
            else:
                vals.pop("profile", None)
            if default_code and vals.get("profile_id"):
                # Keep default_get from writing the default code over the
                # profile given explicitly.
                profile = self.env["dvk.profile"].browse(vals["profile_id"])
                vals["profile"] = profile.code
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._dvk_profile_vals(vals_list))

    def copy_data(self, default=None):
        # A copy given another profile code takes that profile, not the
        # original's profile_id.
        default = dict(default or {})
        if default.get("profile") and "profile_id" not in default:
            default["profile_id"] = self._dvk_profile_from_code(
                default.pop("profile")
            ).id
        return super().copy_data(default)
