from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError


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
    council_level_ids = fields.Many2many(
        "dvk.level",
        "dvk_profile_council_level_rel",
        "profile_id",
        "level_id",
        string="Levels Judged by a Council",
        help="At these levels a council scores the records: its aggregated "
        "score must pass before a record is recognised there. Empty: the "
        "profile whose rules it shares decides; none there, no council.",
    )
    registration_field_ids = fields.Many2many(
        "ir.model.fields",
        "dvk_profile_registration_field_rel",
        "profile_id",
        "field_id",
        string="Required at Registration",
        domain="[('model', '=', 'dvk.model')]",
        help="What a registration states before it is submitted (the "
        "registration form of the guidance, e.g. Mẫu 1: scope, objectives, "
        "timeline, expected result); a draft may be saved without them. "
        "Empty: those of the profile whose rules it shares.",
    )
    monitor_required = fields.Boolean(
        string="Monitoring Officer Required",
        help="The guidance has a monitoring officer assigned to each model "
        "(seed 000 §II.1 step 2): a model is proposed for recognition only "
        "once its monitoring officer is set.",
    )
    rule_ids = fields.One2many(
        "dvk.rule",
        "profile_id",
        string="Own Rules",
        help="The rules of this profile that differ from the general ones, "
        "each with its source and dates; the others apply as they are.",
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

    def _dvk_registration_fields(self):
        """The fields of a model its registration states before submission:
        the profile's own, else those of the profile whose rules it shares."""
        profile = self
        seen = set()
        while profile and profile.id not in seen:
            seen.add(profile.id)
            if profile.registration_field_ids:
                return profile.registration_field_ids
            profile = profile.parent_id
        return self.env["ir.model.fields"]

    def _dvk_council_levels(self):
        """The levels at which a council's aggregated score must pass before
        recognition: the profile's own, else those of the profile whose
        rules it shares."""
        profile = self
        seen = set()
        while profile and profile.id not in seen:
            seen.add(profile.id)
            if profile.council_level_ids:
                return profile.council_level_ids
            profile = profile.parent_id
        return self.env["dvk.level"]

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
