from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools import rules
from .dvk_state_mixin import Transition

_lt = LazyTranslate(__name__)


class DvkExemplar(models.Model):
    """An exemplary person or unit (điển hình) proposed for recognition."""

    _name = "dvk.exemplar"
    _description = "DVK Exemplar"
    _inherit = [
        "dvk.workflow.mixin",
        "dvk.dossier.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "year desc, id desc"
    _check_company_auto = True
    _dvk_list_action = "dvk_models.dvk_exemplar_action"
    # An exemplar file is proposed by the officer in charge (seed 001 §4),
    # refused while no decision names it, and corrected from draft.
    _dvk_transitions = {
        "propose": Transition(("draft", "recognized"), "proposed", _lt("proposed")),
        "refuse": Transition(("draft", "proposed"), "refused", _lt("refused")),
        "reset_to_draft": Transition(("refused",), "draft", _lt("reset to draft")),
        # The self-assessment goes with the proposals: before the first one,
        # and once recognised for the next level.
        "self_assess": Transition(("draft", "recognized"), None, _lt("self-assessed")),
    }

    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("proposed", "Proposed"),
            ("recognized", "Recognised"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    model_ids = fields.Many2many(
        "dvk.model",
        "dvk_exemplar_model_rel",
        "exemplar_id",
        "model_id",
        string="Models",
        domain="[('campaign_id', '=', campaign_id), "
        "('state', 'in', ('recognized', 'proposed'))]",
        help="The recognised models the exemplar built or took part in.",
    )
    score_sheet_ids = fields.One2many("dvk.score.sheet", "exemplar_id")
    achievement_summary = fields.Html(
        help="Outline of the achievements (báo cáo thành tích)."
    )
    eligibility_ok = fields.Boolean(string="Eligible", compute="_compute_eligibility")
    eligibility_reason = fields.Text(compute="_compute_eligibility")
    dvk_can_refuse = fields.Boolean(
        compute="_compute_dvk_can_refuse",
        help="The current user may refuse this exemplar file now: a draft or "
        "proposed file of a unit in his charge, on no draft decision.",
    )

    dvk_can_propose = fields.Boolean(
        string="Can Propose", compute="_compute_dvk_can_transitions"
    )
    dvk_can_reset = fields.Boolean(
        string="Can Reset to Draft", compute="_compute_dvk_can_transitions"
    )

    _unique_subject = models.UniqueIndex(
        "(campaign_id, subject_type, department_id, COALESCE(employee_id, 0)) "
        "WHERE state != 'refused'",
        "This person or unit already has an exemplar file in this campaign.",
    )

    @api.depends("subject_type", "employee_id", "department_id")
    def _compute_name(self):
        for exemplar in self:
            subject = (
                exemplar.employee_id
                if exemplar.subject_type == "individual"
                else exemplar.department_id
            )
            exemplar.name = subject.name or exemplar.name

    def _dvk_line_field(self):
        return "exemplar_id"

    def _dvk_target(self):
        return "exemplar"

    @api.depends(
        "criteria_set_id",
        "score_sheet_ids.state",
        "score_sheet_ids.percent",
        "score_sheet_ids.mandatory_ok",
    )
    def _compute_scores(self):
        return super()._compute_scores()

    @api.depends(
        "criteria_set_id",
        "employee_id",
        "department_id",
        "subject_type",
        "year",
        "model_ids.recognized_level_id",
    )
    def _compute_eligibility(self):
        """Eligibility from the automatic checks of the criteria set (titles,
        discipline, recognised models), in plain words, for all exemplars at
        once."""
        Eligibility = self.env["dvk.eligibility"]
        results = {}
        for criteria_set in self.criteria_set_id:
            exemplars = self.filtered(
                lambda e, cs=criteria_set: e.criteria_set_id == cs
            )
            items = Eligibility._items(
                [
                    (
                        e.id or e._origin.id,
                        e.subject_type,
                        e.year,
                        e.employee_id,
                        e.department_id,
                        self.env["dvk.model"],
                    )
                    for e in exemplars
                ]
            )
            results.update(Eligibility._evaluate(criteria_set, items))
        for exemplar in self:
            key = exemplar.id or exemplar._origin.id
            if exemplar.criteria_set_id:
                reasons = [why for _c, ok, why in results.get(key, []) if not ok]
            else:
                reasons = exemplar._get_eligibility_reasons()
            exemplar.eligibility_ok = not reasons
            exemplar.eligibility_reason = "\n".join(reasons)

    def _get_eligibility_reasons(self):
        """Without a criteria set: an exemplar built or joined at least one
        recognised model of the year."""
        self.ensure_one()
        # sudo: whether the models are recognised, the same for every reader
        if not self.sudo().model_ids.filtered("recognized_level_id"):
            return [self.env._("No recognised model in %(year)s", year=self.year)]
        return []

    @api.constrains("model_ids", "employee_id", "department_id")
    def _check_models(self):
        for exemplar in self:
            foreign = exemplar.model_ids.filtered(
                lambda m, e=exemplar: m.campaign_id != e.campaign_id
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "The models of an exemplar must belong to its campaign: "
                        "%(names)s.",
                        names=", ".join(foreign.mapped("name")),
                    )
                )

    def _check_can_propose(self, level):
        """Hook: raise when the exemplars cannot be proposed at ``level``."""
        result = super()._check_can_propose(level)
        # The law on commendation, as in force on the day of the proposal.
        self.env["dvk.commendation.hold"]._dvk_check_holds(
            self._dvk_hold_subjects(), fields.Date.context_today(self)
        )
        for exemplar in self:
            if not exemplar.eligibility_ok:
                raise UserError(
                    self.env._(
                        "%(name)s is not eligible: %(reasons)s",
                        name=exemplar.name,
                        reasons=exemplar.eligibility_reason,
                    )
                )
            # sudo: the other files of the same models, and their confirmed
            # levels, count whoever proposes (files of other units included)
            for model in exemplar.sudo().model_ids:
                # One achievement, one commendation: the same model may not be
                # put forward twice at a level through two files.
                other = model.exemplar_ids.filtered(
                    lambda e, x=exemplar, lvl=level: (
                        e != x
                        and (
                            e.proposal_level_id == lvl
                            or lvl
                            in e.decision_line_ids.filtered(
                                lambda line: line.decision_state == "confirmed"
                            ).level_id
                        )
                    )
                )
                if other:
                    raise UserError(
                        self.env._(
                            "The model %(model)s is already put forward at this "
                            "level through the file of %(other)s.",
                            model=model.name,
                            other=other[0].name,
                        )
                    )
        shared = {}
        for exemplar in self:
            # sudo: as above, the models of the files, whoever proposes
            for model in exemplar.sudo().model_ids:
                shared.setdefault(model, []).append(exemplar)
        for model, exemplars in shared.items():
            if len(exemplars) > 1:
                # One achievement, one commendation, within the batch too.
                raise UserError(
                    self.env._(
                        "The model %(model)s is already put forward at this "
                        "level through the file of %(other)s.",
                        model=model.name,
                        other=exemplars[0].name,
                    )
                )
        self._dvk_check_self_assessment()
        self._check_dossier("propose")
        return result

    def _dvk_hold_subjects(self):
        """(key, person, unit) of the files, for ``dvk.commendation.hold``:
        an individual file is about its person, a collective one about its
        unit."""
        return [
            (
                exemplar.id,
                exemplar.employee_id.id if exemplar.subject_type == "individual" else 0,
                exemplar.department_id.id,
            )
            for exemplar in self
        ]

    def _check_recognizable(self, decisions):
        self._dvk_check_council_result(decisions)
        self._check_dossier("recognize")
        return super()._check_recognizable(decisions)

    def _dvk_proposal_rules(self, level):
        rules_ = super()._dvk_proposal_rules(level)
        today = fields.Date.context_today(self)
        holds = self.env["dvk.commendation.hold"]._dvk_holds(
            self._dvk_hold_subjects(), today
        )
        if holds:
            rules_.append("; ".join(r for found in holds.values() for r in found))
        failing = self.filtered(lambda e: not e.eligibility_ok)
        if failing:
            rules_.append(
                self.env._(
                    "Not eligible yet: %(reasons)s",
                    reasons="; ".join(
                        f"{e.display_name}: {e.eligibility_reason}" for e in failing[:5]
                    ),
                )
            )
        return rules_

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Exemplar file opened")

    @api.depends_context("uid")
    @api.depends("state", "department_id")
    def _compute_dvk_can_refuse(self):
        """The predicate of the Refuse button: what
        :meth:`_dvk_check_can_refuse` accepts."""
        pending = self._dvk_on_draft_decision()
        in_state = self._dvk_state_allows("refuse")
        for exemplar in self:
            exemplar.dvk_can_refuse = (
                exemplar in in_state
                and exemplar.dvk_in_officer_scope
                and exemplar not in pending
            )

    @api.depends_context("uid")
    @api.depends("state", "proposal_level_id", "department_id")
    def _compute_dvk_can_transitions(self):
        # The officer in charge proposes (one proposal at a time) and resets.
        self.filtered("proposal_level_id").dvk_can_propose = False
        self.filtered(lambda e: not e.proposal_level_id)._dvk_set_can(
            "dvk_can_propose", "propose", "dvk_in_officer_scope"
        )
        self._dvk_set_can("dvk_can_reset", "reset_to_draft", "dvk_in_officer_scope")

    def _dvk_on_draft_decision(self):
        """The exemplars among ``self`` named by a draft decision."""
        lines = self.env["dvk.decision.line"].search(
            [
                ("exemplar_id", "in", self._origin.ids),
                ("decision_id.state", "=", "draft"),
            ]
        )
        return lines.exemplar_id

    def _dvk_check_can_refuse(self):
        """The guard of Refuse (and of its dialog): a draft or proposed file,
        of a unit in the officer's charge, on no draft decision."""
        self._dvk_check_transition("refuse")
        self._dvk_check_officer_scope()
        if self._dvk_on_draft_decision():
            raise UserError(
                self.env._("Remove the exemplar from its draft decision first.")
            )

    def action_refuse(self, reason=None):
        if not reason or not rules.normalize_text(reason):
            raise ValidationError(self.env._("Give the reason for the refusal."))
        self._dvk_check_can_refuse()
        text = self.env._(
            "Exemplar file refused by %(user)s. Reason:", user=self.env.user.name
        )
        self._dvk_workflow_write(
            {
                "state": self._dvk_transition("refuse").target,
                "refusal_reason": reason,
                "proposal_level_id": False,
            },
            {e.id: self._dvk_body(text, reason) for e in self},
        )
        return True

    def action_refuse_wizard(self):
        # Refused before the dialog opens, with the same words as the action.
        self._dvk_check_can_refuse()
        return self.env["dvk.reason.wizard"]._open_for(self, "refuse")

    def _dvk_responsible_officer(self):
        """The officer in charge of the nearest unit at or above the subject's
        unit, or whoever opened the file."""
        self.ensure_one()
        return self.department_id._dvk_responsible_officer() or self.registrant_id

    def action_reset_to_draft(self):
        self._dvk_check_transition("reset_to_draft")
        self._dvk_check_officer_scope()
        self._dvk_workflow_write(
            {"state": self._dvk_transition("reset_to_draft").target}
        )
        return True
