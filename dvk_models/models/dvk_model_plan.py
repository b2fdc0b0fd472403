from odoo import api, fields, models
from odoo.exceptions import UserError


class DvkModelPlan(models.AbstractModel):
    """The plan of a model: written after its approval, frozen once proposed.

    Seed 000 §II.1 step 2 and seed 002 §I step 3.2: the unit registers the
    model, the committee above approves it and assigns an officer to follow
    it, and the plan (objectives, measures, timeline, targets) is built then.
    The registrant's side and the approver may change the plan of an approved
    model until it is proposed; what was registered (name, field, unit,
    subject) stays as approved. Every change of the plan is tracked.
    """

    _name = "dvk.model.plan"
    _description = "DVK Model Plan"

    # The plan: what may still be written once the model is approved.
    _dvk_plan_fields = frozenset(
        {
            "objective",
            "measures",
            "date_start",
            "date_end",
            "expected_result",
            "target_ids",
            "monitor_id",
        }
    )

    dvk_can_edit_plan = fields.Boolean(
        compute="_compute_dvk_can_edit_plan",
        help="The current user may change the plan now: a draft, or an "
        "approved model not yet proposed, for its registrant's side and its "
        "approver.",
    )

    def _dvk_plan_states(self):
        """States past the registration in which the plan is still open."""
        return ("approved",)

    def _dvk_may_edit_plan(self):
        """Seed 000 §II.1 step 2: the registrant's side (registrant, the
        person concerned, the officer in charge of the unit) and the approver
        complete the plan; a DVK manager may too."""
        self.ensure_one()
        return (
            self._dvk_is_registration_author()
            or self.approver_id == self.env.user
            or self._dvk_is_manager()
        )

    @api.depends_context("uid")
    @api.depends(
        "state", "approver_id", "registrant_id", "employee_id", "department_id"
    )
    def _compute_dvk_can_edit_plan(self):
        editable = self._dvk_editable_states()
        open_states = self._dvk_plan_states()
        for model in self:
            model.dvk_can_edit_plan = model.state in editable or (
                model.state in open_states and model._dvk_may_edit_plan()
            )

    def _dvk_check_write_past_draft(self, names):
        if not names <= self._dvk_plan_fields:
            # Something registered (name, field, unit, subject...): frozen.
            return super()._dvk_check_write_past_draft(names)
        if self.state not in self._dvk_plan_states():
            raise UserError(
                self.env._(
                    "The plan of %(name)s can be changed after its approval until "
                    "it is proposed; it is now %(state)s.",
                    name=self.display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        self.state
                    ],
                )
                + self.env["dvk.rule"]._dvk_cite(
                    "model_plan_after_approval", profile=self.campaign_id.profile_id
                )
            )
        if not self._dvk_may_edit_plan():
            raise UserError(
                self.env._(
                    "Only the registrant's side or the approver of %(name)s can "
                    "change its plan.",
                    name=self.display_name,
                )
            )
        return None

    def _dvk_log_plan_change(self, lines):
        """Track a change of the targets of a model past its registration
        (the plan's other fields are tracked fields): ``lines`` is
        {model: [sentence, ...]}."""
        for model, sentences in lines.items():
            if model.state in model._dvk_editable_states() or not sentences:
                continue
            model._message_log(
                body=self.env._(
                    "Plan targets changed: %(changes)s", changes="; ".join(sentences)
                )
            )
