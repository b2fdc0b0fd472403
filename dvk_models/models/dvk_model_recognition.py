from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class DvkModelRecognition(models.AbstractModel):
    """A model's recognition (seed 001 §3-4): the rules of its proposal, its
    withdrawal, and its removal from the list (seed 000 §II.1 step 4)."""

    _name = "dvk.model.recognition"
    _description = "DVK Model Recognition"

    dvk_can_propose = fields.Boolean(
        compute="_compute_dvk_can_propose",
        help="The current user can propose the model for recognition: it is "
        "approved or recognised and not yet proposed, in his charge, and a "
        "recognised model's proposal to the next level is before the "
        "campaign's deadline (a DVK manager may still propose after it).",
    )

    def _check_recognizable(self, decisions):
        self._dvk_check_council_result(decisions)
        self._check_dossier("recognize")
        return super()._check_recognizable(decisions)

    def _check_can_propose(self, level):
        """Hook: raise when the records cannot be proposed at ``level``.

        Scoring and sector addons add their requirements (self-assessment,
        dossiers, periodic reports).
        """
        result = super()._check_can_propose(level)
        self._dvk_check_monitor()
        self._dvk_check_self_assessment()
        self._check_dossier("propose")
        today = fields.Date.context_today(self)
        for model in self:
            own = model.department_id.dvk_level_id
            if (
                not own or level._is_above(own)
            ) and model._dvk_proposal_deadline_passed(today, level):
                deadline = model._dvk_proposal_deadline(level)
                raise UserError(
                    self.env._(
                        "The deadline for proposals at %(level)s (%(deadline)s) "
                        "has passed for %(name)s%(cite)s. Only a DVK manager can "
                        "still propose it.",
                        level=level.name,
                        deadline=deadline.strftime("%d/%m/%Y"),
                        name=model.name,
                        cite=self.env["dvk.rule"]._dvk_cite(
                            "proposal_deadline",
                            date=deadline,
                            profile=model.campaign_id.profile_id,
                        ),
                    )
                )
        return result

    @api.depends_context("uid")
    @api.depends("state", "proposal_level_id", "campaign_id")
    def _compute_dvk_can_propose(self):
        """The guards of :meth:`action_propose` that hold whatever level is
        chosen: state, officer scope and, for a recognised model (whose next
        proposal always goes up), the proposal deadline of
        :meth:`_check_can_propose`."""
        today = fields.Date.context_today(self)
        in_state = self._dvk_state_allows("propose")
        for model in self:
            can = bool(
                model in in_state
                and not model.proposal_level_id
                and model.dvk_in_officer_scope
            )
            if can and model.state == "recognized":
                can = not model._dvk_proposal_deadline_passed(
                    today, model._dvk_default_proposal_level()
                )
            model.dvk_can_propose = can

    def _dvk_proposal_deadline(self, level):
        """Seed 001 §4: the date by which a proposal of this model at
        ``level`` is due: the latest of the campaign's proposal lines naming
        that level, else of those naming no level; False when none binds it
        (the 01/10 deadline concerns province-level proposals only)."""
        self.ensure_one()
        lines = self.campaign_id.deadline_ids._for_level("proposal", level)
        return max(lines.mapped("date"), default=False)

    def _dvk_proposal_deadline_passed(self, today, level):
        """The campaign's deadline for proposals at ``level`` has passed for
        this model, for a user who is no DVK manager (a manager may still
        propose). The guard of :meth:`_check_can_propose` and the predicate
        of its button."""
        self.ensure_one()
        deadline = level and self._dvk_proposal_deadline(level)
        return bool(deadline and today > deadline and not self._dvk_is_manager())

    def _dvk_aimed_level(self):
        return self.level_id

    def action_withdraw_proposal(self):
        """Take a proposal back before any decision names it."""
        self._dvk_check_transition("withdraw")
        not_proposed = self.filtered(lambda m: not m.proposal_level_id)
        if not_proposed:
            raise UserError(
                self.env._(
                    "%(name)s has no proposal to withdraw.",
                    name=not_proposed[0].display_name,
                )
            )
        self._dvk_check_officer_scope()
        pending = self.env["dvk.decision.line"].search_count(
            [("model_id", "in", self.ids), ("decision_id.state", "=", "draft")],
            limit=1,
        )
        if pending:
            raise UserError(
                self.env._("Remove the model from its draft decision first.")
            )
        for model in self:
            model._dvk_workflow_write(
                {
                    "state": "recognized" if model.recognized_level_id else "approved",
                    "proposal_level_id": False,
                }
            )
        return True

    def action_remove(self, reason=None, note=None):
        """Remove a model from the list: ineffective or discontinued (seed 000
        §II.1 step 4)."""
        if reason not in ("ineffective", "discontinued"):
            raise ValidationError(
                self.env._("Say whether the model is ineffective or discontinued.")
            )
        self._dvk_check_transition("remove")
        self._dvk_check_officer_scope()
        label = dict(self._fields["removal_reason"]._description_selection(self.env))[
            reason
        ]
        text = self.env._("Removed from the list of models: %(reason)s.", reason=label)
        self._dvk_workflow_write(
            {
                "state": self._dvk_transition("remove").target,
                "removal_reason": reason,
                "removal_note": note,
                "proposal_level_id": False,
            },
            {m.id: self._dvk_body(text, note) for m in self},
        )
        return True
