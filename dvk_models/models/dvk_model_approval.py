import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..tools import rules


class DvkModelApproval(models.AbstractModel):
    """Approval up the unit tree (seed 000 §II.1 steps 2-3): submission by
    the registrant side, the approver found by the routing, approval or
    refusal with its activity, correction of a refused registration."""

    _name = "dvk.model.approval"
    _description = "DVK Model Approval"

    dvk_can_decide = fields.Boolean(
        compute="_compute_dvk_can_decide",
        help="The current user approves or refuses this registration: its "
        "approver or a DVK manager, never its registrant or subject.",
    )

    dvk_is_author = fields.Boolean(
        string="Registers This Model",
        compute="_compute_dvk_is_author",
        help="The current user submits, corrects and renews this registration: "
        "its registrant, the person it is about, or an officer in charge of "
        "its unit (not its approver nor its participants).",
    )

    # The predicates of the workflow buttons: the state of the transition
    # table and the rule of who acts, those their methods check.
    dvk_can_submit = fields.Boolean(
        string="Can Submit", compute="_compute_dvk_can_transitions"
    )

    dvk_can_correct = fields.Boolean(
        string="Can Correct", compute="_compute_dvk_can_transitions"
    )

    dvk_can_approve = fields.Boolean(
        string="Can Approve", compute="_compute_dvk_can_transitions"
    )

    dvk_can_refuse = fields.Boolean(
        string="Can Refuse", compute="_compute_dvk_can_transitions"
    )

    dvk_can_withdraw = fields.Boolean(
        string="Can Withdraw the Proposal", compute="_compute_dvk_can_transitions"
    )

    dvk_can_carry_over = fields.Boolean(
        string="Can Carry Over", compute="_compute_dvk_can_transitions"
    )

    dvk_can_remove = fields.Boolean(
        string="Can Remove from the List", compute="_compute_dvk_can_transitions"
    )

    def _get_registrant_users(self):
        self.ensure_one()
        return super()._get_registrant_users() | self.member_ids.user_id

    def _get_approver(self):
        """Hook: the user who approves this registration.

        Core rule: the nearest unit at or above the registrant's unit that has
        an approver who is not the registrant. Sector addons override this to
        apply their authority matrix.
        """
        self.ensure_one()
        registrants = self._dvk_subject_users()
        for unit in self.department_id._dvk_approver_chain():
            approver = unit.dvk_approver_id
            if approver and approver not in registrants and approver.active:
                return approver
        return self.env["res.users"]

    def _get_approval_deadline(self):
        """Hook: when the approval activity falls due."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        deadline = self._dvk_deadline("approval") or self._dvk_deadline("registration")
        if deadline and deadline >= today + datetime.timedelta(days=3):
            return deadline
        return today + datetime.timedelta(days=7)

    def _get_approval_activity_type(self):
        return self.env.ref("dvk_models.mail_activity_type_dvk_approval")

    def _check_can_submit(self):
        """Hook: raise when a record cannot be submitted (dossiers, ...)."""
        self._dvk_check_registration_fields()
        today = fields.Date.context_today(self)
        for model in self:
            campaign = model.campaign_id
            if not campaign.date_start <= today <= campaign.date_end:
                raise ValidationError(
                    self.env._(
                        "Registration for %(campaign)s is only possible from "
                        "%(start)s to %(end)s.",
                        campaign=campaign.name,
                        start=campaign.date_start.strftime("%d/%m/%Y"),
                        end=campaign.date_end.strftime("%d/%m/%Y"),
                    )
                )
            if campaign.state == "draft":
                raise UserError(
                    self.env._(
                        "The campaign %(campaign)s is not open yet.",
                        campaign=campaign.name,
                    )
                )
            if campaign.state == "closed" and not model._dvk_in_officer_scope():
                raise UserError(
                    self.env._(
                        "The campaign %(campaign)s is closed: only an officer in "
                        "charge of %(unit)s can still register a supplementary "
                        "(ad-hoc) model.",
                        campaign=campaign.name,
                        unit=model.department_id.name,
                    )
                )

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Model registered")

    def action_submit(self):
        """Submit registrations for approval, all at once: each gets its
        approver and an approval activity; the writes, the chatter and the
        activities are made in batches, and each approver is told once."""
        self._dvk_check_transition("submit")
        for model in self:
            if not model._dvk_is_registration_author():
                raise UserError(
                    self.env._(
                        "Only the registrant can submit %(name)s.", name=model.name
                    )
                )
        self._check_can_submit()
        self._check_dossier("submit")
        today = fields.Date.context_today(self)
        self._dvk_prefetch_approvers()
        groups = {}
        activities = {}
        for model in self:
            approver = model._get_approver()
            if not approver:
                raise UserError(
                    self.env._(
                        "No approver was found for %(unit)s or the units above "
                        "it. Set a DVK approver on the unit.",
                        unit=model.department_id.display_name,
                    )
                )
            # Seed 000 §II.2: what comes after the deadline (or into a closed
            # campaign) is supplementary; the system judges it, not the staff.
            deadline = model._dvk_deadline("registration")
            late = (
                bool(deadline and today > deadline)
                or model.campaign_id.state == "closed"
            )
            key = (approver.id, model.is_supplementary or late)
            groups[key] = groups.get(key, self.browse()) | model
            activities[model.id] = {
                "date_deadline": model._get_approval_deadline(),
                "summary": self.env._(
                    "Approve the DVK model %(name)s", name=model.name
                ),
                "user_id": approver.id,
            }
        state = self._dvk_transition("submit").target
        for (approver_id, supplementary), models_ in groups.items():
            models_._dvk_workflow_write(
                {
                    "state": state,
                    "registration_date": today,
                    "is_supplementary": supplementary,
                    "approver_id": approver_id,
                    "refusal_reason": False,
                }
            )
        # Submitted from draft or refused: no approval is open yet.
        self._dvk_reconcile_activities(
            self._get_approval_activity_type(), activities, close=False
        )
        return True

    def _dvk_prefetch_approvers(self):
        """Read at once what the core routing (``_get_approver``) reads model
        by model: the units above each model's unit, their approvers and the
        people the models are about."""
        # sudo: only the paths of the units are read, as _dvk_approver_chain
        paths = self.department_id.sudo().mapped("parent_path")
        ids = {int(i) for path in paths for i in path.split("/") if i}
        units = self.env["hr.department"].browse(ids)
        units.fetch(["dvk_approver_id"])
        units.dvk_approver_id.fetch(["active"])
        self.fetch(["registrant_id", "employee_id"])
        self.employee_id.fetch(["user_id"])

    @api.depends_context("uid")
    @api.depends("approver_id", "registrant_id", "employee_id")
    def _compute_dvk_can_decide(self):
        user = self.env.user
        is_manager = self._dvk_is_manager()
        for model in self:
            model.dvk_can_decide = user not in model._get_registrant_users() and (
                is_manager or model.approver_id == user
            )

    def _dvk_is_registration_author(self):
        """Whether the current user acts for the registrant: the registrant,
        the person the model is about, or an officer in charge of its unit.
        The predicate of the Submit, Correct and Renew buttons and of their
        methods."""
        self.ensure_one()
        return (
            self.env.user in self._dvk_subject_users() or self._dvk_in_officer_scope()
        )

    @api.depends_context("uid")
    @api.depends("registrant_id", "employee_id", "department_id")
    def _compute_dvk_is_author(self):
        # The same predicate as _dvk_is_registration_author, with the scope
        # read once for all the records.
        user = self.env.user
        for model in self:
            model.dvk_is_author = (
                user in model._dvk_subject_users() or model.dvk_in_officer_scope
            )

    @api.depends_context("uid")
    @api.depends(
        "state",
        "approver_id",
        "proposal_level_id",
        "registrant_id",
        "employee_id",
        "department_id",
    )
    def _compute_dvk_can_transitions(self):
        # Who acts, as the guards check it: the registrant's side submits
        # and corrects, the approver decides, the officer in charge does
        # the rest.
        self._dvk_set_can("dvk_can_submit", "submit", "dvk_is_author")
        self._dvk_set_can("dvk_can_correct", "reset_to_draft", "dvk_is_author")
        self._dvk_set_can("dvk_can_approve", "approve", "dvk_can_decide")
        self._dvk_set_can("dvk_can_refuse", "refuse", "dvk_can_decide")
        self.filtered(lambda m: not m.proposal_level_id).dvk_can_withdraw = False
        self.filtered("proposal_level_id")._dvk_set_can(
            "dvk_can_withdraw", "withdraw", "dvk_in_officer_scope"
        )
        self._dvk_set_can("dvk_can_carry_over", "carry_over", "dvk_in_officer_scope")
        self._dvk_set_can("dvk_can_remove", "remove", "dvk_in_officer_scope")

    def _check_can_decide(self):
        """The caller is the assigned approver (or a DVK manager) and neither
        registered the model nor is its subject (RELIABILITY (b) 13).

        Checked for the whole batch at once: the stakes of the user first,
        then the approver of each model."""
        user = self.env.user
        own = self._dvk_with_stake(user)
        if own:
            raise UserError(
                self.env._(
                    "You cannot decide on your own registration %(name)s.",
                    name=own[0].name,
                )
            )
        if self._dvk_is_manager():
            return
        others = self.filtered(lambda model: model.approver_id != user)
        if others:
            raise UserError(
                self.env._(
                    "%(name)s is awaiting the decision of %(approver)s.",
                    name=others[0].name,
                    approver=others[0].approver_id.name,
                )
            )

    def _dvk_instead_of_deleting(self):
        """A submitted registration is refused by its approver (or a
        manager); an approved, proposed or carried-over model is removed
        from the list by an officer in charge of its unit (or a manager);
        a refused one goes back to draft by whoever acts for the
        registrant; a recognised or removed one stays on record. Whoever
        cannot is told whom to ask."""
        self.ensure_one()
        user = self.env.user
        if self.state in ("recognized", "removed"):
            return self.env._("it stays on record in the campaign's history.")
        if self.state == "submitted":
            if self._dvk_is_manager() or (
                self.approver_id == user and user not in self._dvk_subject_users()
            ):
                return self.env._("refuse it instead.")
            if self.approver_id:
                return self.env._(
                    "ask %(approver)s, who decides on it, to refuse it.",
                    approver=self.approver_id.name,
                )
        elif self.state in ("approved", "proposed", "carried_over"):
            if self._dvk_in_officer_scope():
                return self.env._("remove it from the list instead.")
            officer = self.department_id._dvk_responsible_officer()
            if officer:
                return self.env._(
                    "ask %(officer)s, the DVK officer in charge of its unit, "
                    "to remove it from the list.",
                    officer=officer.name,
                )
            return self.env._("ask a DVK manager to remove it from the list.")
        elif self.state == "refused" and self._dvk_is_registration_author():
            return self.env._("correct it as a draft, then delete it.")
        return self._dvk_ask_officer_in_charge()

    def _dvk_stake_domain(self, user):
        """Members of the model have a stake in it too."""
        return super()._dvk_stake_domain(user) | Domain(
            "member_ids.user_id", "=", user.id
        )

    def _dvk_check_can_decide(self, action):
        """The guard of approve and refuse: the state of the table, the
        approver's rule (:meth:`_check_can_decide`), and the state again once
        the records are locked: of two approvers at once, the second waits on
        the lock, then is refused by the state (RELIABILITY (b) 26)."""
        self._dvk_check_transition(action)
        self._check_can_decide()
        self.lock_for_update()
        self.invalidate_recordset(["state"])
        self._dvk_check_transition(action)

    def action_approve(self):
        self._dvk_check_can_decide("approve")
        today = fields.Date.context_today(self)
        text = self.env._("Registration approved by %(user)s.", user=self.env.user.name)
        self._dvk_workflow_write(
            {"state": self._dvk_transition("approve").target, "approval_date": today},
            {m.id: self._dvk_body(text) for m in self},
            {m.id: m._dvk_subject_users().partner_id for m in self},
            grouped=True,
        )
        self._dvk_reconcile_activities(
            self._get_approval_activity_type(), feedback=self.env._("Approved")
        )
        return True

    def action_refuse(self, reason=None):
        """Refuse a submitted registration; the reason is mandatory."""
        if not reason or not rules.normalize_text(reason):
            raise ValidationError(self.env._("Give the reason for the refusal."))
        self._dvk_check_can_decide("refuse")
        text = self.env._(
            "Registration refused by %(user)s. Reason:", user=self.env.user.name
        )
        self._dvk_workflow_write(
            {
                "state": self._dvk_transition("refuse").target,
                "refusal_reason": reason,
            },
            {m.id: self._dvk_body(text, reason) for m in self},
            {m.id: m._dvk_subject_users().partner_id for m in self},
            grouped=True,
        )
        self._dvk_reconcile_activities(
            self._get_approval_activity_type(),
            feedback=self.env._("Refused: %(reason)s", reason=reason),
        )
        return True

    def action_refuse_wizard(self):
        return self.env["dvk.reason.wizard"]._open_for(self, "refuse")

    def action_remove_wizard(self):
        return self.env["dvk.reason.wizard"]._open_for(self, "remove")

    def action_reset_to_draft(self):
        """A refused registration goes back to draft to be corrected."""
        self._dvk_check_transition("reset_to_draft")
        for model in self:
            if not model._dvk_is_registration_author():
                raise UserError(
                    self.env._(
                        "Only the registrant can correct %(name)s.", name=model.name
                    )
                )
        self._dvk_workflow_write(
            {"state": self._dvk_transition("reset_to_draft").target}
        )
        return True
