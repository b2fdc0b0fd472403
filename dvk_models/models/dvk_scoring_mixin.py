from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class DvkScoringMixin(models.AbstractModel):
    """Scoring against the criteria of the record's profile and subject
    (seed 001 §3): the criteria set, the self-assessment every proposal
    needs, and the council's aggregated score.

    The self-assessment is filled in the states of
    ``_dvk_transitions["self_assess"]``.
    """

    _name = "dvk.scoring.mixin"
    _inherit = ["dvk.state.mixin", "dvk.scoring.pass"]
    _description = "DVK Scoring"

    criteria_set_id = fields.Many2one(
        "dvk.criteria.set",
        compute="_compute_criteria_set_id",
        store=True,
        precompute=True,
        readonly=False,
        ondelete="restrict",
        tracking=True,
        help="The criteria the record is scored and checked against; it follows "
        "the campaign's profile and the subject type.",
    )
    self_score = fields.Float(string="Self-assessment (%)", compute="_compute_scores")
    self_assessed = fields.Boolean(
        string="Self-assessed",
        compute="_compute_scores",
        help="A finished self-assessment sheet meets its knock-out criteria.",
    )
    self_passed = fields.Boolean(
        string="Self-assessment Passed",
        compute="_compute_scores",
        help="The latest finished self-assessment sheet passes: its band is a "
        "passing one and it meets its knock-out criteria (seed 001 §3).",
    )
    council_score = fields.Float(string="Council Score (%)", compute="_compute_scores")
    council_spread = fields.Float(
        compute="_compute_scores",
        help="Gap between the highest and the lowest council sheet.",
    )
    council_count = fields.Integer(string="Council Sheets", compute="_compute_scores")
    council_sheet_count = fields.Integer(
        string="Council Sheets Open to Me",
        compute="_compute_council_sheet_count",
        help="The council sheets of the record the current user may open.",
    )
    council_passed = fields.Boolean(
        string="Passed by the Council", compute="_compute_scores"
    )
    dvk_can_self_assess = fields.Boolean(
        compute="_compute_dvk_can_self_assess",
        help="The current user fills the self-assessment of this record.",
    )

    def _dvk_check_criteria_set_change(self):
        """Seed 001 §3 scores a record against the criteria of its profile and
        subject: only a DVK manager may pick another set, and only before the
        record is submitted (a criteria change afterwards would re-grade it)."""
        if not self._dvk_is_manager():
            raise UserError(
                self.env._(
                    "The criteria set follows the campaign's profile and the "
                    "subject; only a DVK manager can change it."
                )
            )
        started = self.filtered(lambda r: r.state != "draft")
        if started:
            raise UserError(
                self.env._(
                    "%(name)s has been submitted: its criteria set can no longer "
                    "be changed.",
                    name=started[0].display_name,
                )
            )

    @api.constrains("criteria_set_id", "campaign_id", "subject_type")
    def _check_criteria_set(self):
        for record in self:
            criteria_set = record.criteria_set_id
            if not criteria_set:
                continue
            if (
                criteria_set.target != record._dvk_target()
                or criteria_set.profile
                not in record.campaign_id.profile_id._rule_codes()
                or criteria_set.subject_type not in (False, record.subject_type)
            ):
                raise ValidationError(
                    self.env._(
                        "The criteria set %(set)s is not meant for %(name)s (its "
                        "profile, subject or kind of record differs).",
                        set=criteria_set.display_name,
                        name=record.display_name,
                    )
                )

    def _dvk_self_assessors(self):
        """Who fills the self-assessment: the registrant, the person it is
        about, or the head of the unit."""
        self.ensure_one()
        # sudo: the user of the unit's head, not the content of HR records
        head = self.department_id.sudo().manager_id.user_id
        return self._dvk_subject_users() | head

    @api.depends_context("uid")
    @api.depends("state", "registrant_id", "employee_id", "department_id")
    def _compute_dvk_can_self_assess(self):
        # The guards of action_self_assess: a state that takes one, a user
        # who fills it.
        user = self.env.user
        in_state = self._dvk_state_allows("self_assess")
        for record in self:
            record.dvk_can_self_assess = (
                bool(record.id)
                and record in in_state
                and user in record._dvk_self_assessors()
            )

    @api.depends("campaign_id.profile", "subject_type")
    def _compute_criteria_set_id(self):
        CriteriaSet = self.env["dvk.criteria.set"]
        found = {}
        for record in self:
            key = (record.campaign_id.profile, record.subject_type)
            if not key[0]:
                continue
            if key not in found:
                found[key] = CriteriaSet._find_for(record._dvk_target(), *key)
            record.criteria_set_id = found[key]

    def _compute_scores(self):
        """Self-assessment and aggregated council scores, from the finished
        sheets scored against the record's criteria set (mean of the council
        sheets, without the highest and lowest when the set says so and there
        are five or more)."""
        fname = self._dvk_line_field()
        # sudo: the scores of a record are the same for every reader of the
        # record (an approver, a user of the merged province), whoever may
        # open the sheets; only their kind, set and results are read
        Sheet = self.env["dvk.score.sheet"].sudo()
        sheets = Sheet.search_fetch(
            [(fname, "in", self._origin.ids), ("state", "=", "done")],
            [fname, "kind", "criteria_set_id", "percent", "mandatory_ok", "passed"],
            order="id",
        )
        by_record = {}
        for sheet in sheets:
            by_record.setdefault(sheet[fname].id, []).append(sheet)
        for record in self:
            own = [
                s
                # a record being edited (a new record) keeps its saved sheets
                for s in by_record.get(record._origin.id, [])
                if s.criteria_set_id == record.criteria_set_id
            ]
            selfs = [s for s in own if s.kind == "self"]
            council = [s for s in own if s.kind == "council"]
            last_self = selfs[-1] if selfs else None
            record.self_score = last_self.percent if last_self else 0.0
            record.self_assessed = bool(last_self and last_self.mandatory_ok)
            record.self_passed = bool(last_self and last_self.passed)
            record.council_count = len(council)
            if not council:
                record.council_score = 0.0
                record.council_spread = 0.0
                record.council_passed = False
                continue
            scores = sorted(s.percent for s in council)
            record.council_spread = round(scores[-1] - scores[0], 2)
            if record.criteria_set_id.drop_extremes and len(scores) >= 5:
                scores = scores[1:-1]
            record.council_score = round(sum(scores) / len(scores), 2)
            band = record.criteria_set_id._band_for(record.council_score)
            knocked_out = sum(1 for s in council if not s.mandatory_ok)
            record.council_passed = (not band or band.passing) and (
                knocked_out * 2 < len(council)
            )

    def _dvk_check_self_assessment(self):
        """Seed 001 §3: every level of recognition needs the self-assessment
        score sheet; it must be finished and meet its knock-out criteria."""
        unset = self.filtered(lambda r: not r.criteria_set_id)
        if unset:
            record = unset[0]
            raise UserError(
                self.env._(
                    "No criteria set applies to %(names)s: a DVK manager must "
                    "configure an active criteria set for %(target)s of the "
                    '"%(profile)s" profile (%(subject)s) in DVK > Configuration '
                    "> Criteria Sets before they can be proposed.",
                    names=", ".join(unset.mapped("display_name")),
                    target=dict(
                        self.env["dvk.criteria.set"]
                        ._fields["target"]
                        ._description_selection(self.env)
                    )[record._dvk_target()],
                    profile=record.campaign_id.profile_id.display_name,
                    subject=dict(
                        record._fields["subject_type"]._description_selection(self.env)
                    )[record.subject_type],
                )
            )
        missing = self.filtered(lambda r: not r._dvk_self_sheet())
        if missing:
            raise UserError(
                self.env._(
                    "%(names)s need a finished self-assessment score sheet that "
                    "meets its knock-out criteria before being proposed.",
                    names=", ".join(missing.mapped("display_name")),
                )
            )
        for record in self.filtered(lambda r: not r.self_passed):
            sheet = record._dvk_self_sheet()
            record._dvk_raise_failed_sheet(
                sheet,
                self.env._("its latest self-assessment (%(sheet)s)", sheet=sheet.name),
                "proposal_self_assessment_pass",
            )

    @api.depends_context("uid")
    def _compute_council_sheet_count(self):
        """The number on the Council Sheets button: the sheets its list
        opens to this reader (his record rules apply), so that a reader who
        may not open them (an approver) is not shown sheets he cannot see."""
        fname = self._dvk_line_field()
        counts = dict(
            self.env["dvk.score.sheet"]._read_group(
                [(fname, "in", self._origin.ids), ("kind", "=", "council")],
                [fname],
                ["__count"],
            )
        )
        for record in self:
            record.council_sheet_count = counts.get(record._origin, 0)

    def action_open_score_sheets(self):
        """The council sheets of the record, those the button counts; an
        officer of the record's council starts a council sheet from here."""
        self.ensure_one()
        fname = self._dvk_line_field()
        context = {
            f"default_{fname}": self.id,
            "default_criteria_set_id": self.criteria_set_id.id,
        }
        if self._dvk_in_officer_scope():
            context["default_kind"] = "council"
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.score.sheet",
            "name": self.env._("Council Sheets"),
            "view_mode": "list,form",
            "domain": [(fname, "=", self.id), ("kind", "=", "council")],
            "context": context,
        }

    def action_self_assess(self):
        """Open (or start) the registrant's self-assessment sheet."""
        self.ensure_one()
        if not self.criteria_set_id:
            raise UserError(
                self.env._(
                    "No criteria set applies to %(name)s.", name=self.display_name
                )
            )
        self._dvk_check_transition("self_assess")
        if not self.dvk_can_self_assess:
            raise UserError(
                self.env._(
                    "The self-assessment of %(name)s is made by its registrant, "
                    "the person concerned or the head of the unit.",
                    name=self.display_name,
                )
            )
        fname = self._dvk_line_field()
        Sheet = self.env["dvk.score.sheet"]
        sheet = Sheet.search(
            [
                (fname, "=", self.id),
                ("kind", "=", "self"),
                ("criteria_set_id", "=", self.criteria_set_id.id),
            ],
            order="id desc",
            limit=1,
        )
        if not sheet:
            sheet = Sheet.create(
                {
                    fname: self.id,
                    "kind": "self",
                    "criteria_set_id": self.criteria_set_id.id,
                }
            )
        return sheet._get_records_action(context={})

    def _dvk_check_write(self, vals):
        if "criteria_set_id" in vals and not self.env.su:
            self._dvk_check_criteria_set_change()
        return super()._dvk_check_write(vals)

    def _dvk_clean_create_vals(self, vals):
        if not self._dvk_is_manager():
            # The set follows the profile and subject (computed).
            vals.pop("criteria_set_id", None)
        return super()._dvk_clean_create_vals(vals)
