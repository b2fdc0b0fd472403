from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command, Domain
from odoo.tools import html2plaintext


class DvkWorkflowMixin(models.AbstractModel):
    """What models and exemplars share: their subject, and a state that only
    guarded business methods may change (RELIABILITY.md A3)."""

    _name = "dvk.workflow.mixin"
    _description = "DVK Workflow Mixin"

    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        # Registrations are submitted in an open campaign only.
        domain="[('state', '=', 'open')]",
        default=lambda self: self._default_campaign_id(),
    )
    # Precomputed: written with the record itself rather than by an UPDATE
    # of every new row right after its INSERT.
    profile = fields.Char(related="campaign_id.profile", store=True, precompute=True)
    year = fields.Integer(related="campaign_id.year", store=True, precompute=True)
    subject_type = fields.Selection(
        [("collective", "Collective"), ("individual", "Individual")],
        required=True,
        default="collective",
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        context={"hierarchical_naming": False},
        string="Unit",
        # The units the user may register for (hr.department.dvk_registrable).
        domain="[('dvk_registrable', '=', True)]",
        default=lambda self: self._default_department_id(),
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        help="The collective itself, or the unit of the individual.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        # The people the server lets the user register (see
        # _dvk_check_registrable_employee), not every employee.
        domain="[('dvk_registrable', '=', True)]",
        help="The individual, for an individual subject.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    registrant_id = fields.Many2one(
        "res.users",
        string="Registered By",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        ondelete="restrict",
        help="The user who registered the record; a continuation made by an "
        "officer (carry-over) keeps the original registrant.",
    )
    proposal_level_id = fields.Many2one(
        "dvk.level",
        string="Proposed Level",
        readonly=True,
        copy=False,
        tracking=True,
        ondelete="restrict",
        help="The level at which the record is proposed for recognition.",
    )
    proposal_date = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the record was last proposed for recognition: the date "
        "its submission letter bears when printed again.",
    )
    recognized_level_id = fields.Many2one(
        "dvk.level",
        string="Recognised Level",
        compute="_compute_recognized_level_id",
        store=True,
        copy=False,
        tracking=True,
        help="The highest level reached through confirmed decisions.",
    )
    decision_line_ids = fields.One2many(
        "dvk.decision.line", compute="_compute_decision_line_ids"
    )
    refusal_reason = fields.Text(readonly=True, copy=False, tracking=True)
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
    dvk_in_officer_scope = fields.Boolean(
        compute="_compute_dvk_in_officer_scope",
        help="The current user acts on this record as an officer: a DVK "
        "officer in charge of its unit (or of a unit above it), or a manager.",
    )

    dvk_can_delete = fields.Boolean(
        compute="_compute_dvk_can_delete",
        help="The current user may delete this record: a draft that the access "
        "rules let him delete (the predicate of the form's Delete button, "
        "the one the server checks).",
    )

    # Fields only the guarded workflow methods may write.
    _dvk_protected_fields = frozenset(
        {
            "state",
            "proposal_level_id",
            "proposal_date",
            "recognized_level_id",
            "refusal_reason",
            "registrant_id",
        }
    )
    # Fields that may still change once a record is past draft.
    _dvk_always_writable = frozenset()

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        # The public profile: users without HR rights (DVK staff and officers)
        # cannot read the unit through hr.employee since Odoo 19 (hr.version).
        employee = self.env["hr.employee.public"].browse(self.employee_id.ids)
        if employee.department_id:
            self.department_id = employee.department_id

    @api.onchange("subject_type")
    def _onchange_subject_type(self):
        """An individual registration is first the user's own."""
        if self.subject_type == "individual" and not self.employee_id:
            self.employee_id = self.env.user.employee_id
        elif self.subject_type == "collective":
            self.employee_id = False

    def _dvk_check_registrable_employee(self):
        """One registers an individual only for oneself, the people of the
        units one heads, or (officers) of the units in one's charge."""
        if self.env.su:
            return
        people = self.employee_id
        if not people:
            return
        Employee = self.env["hr.employee"]
        # sudo: the check reads the people's units, not their HR records
        allowed = Employee.sudo().search(
            Domain("id", "in", people.ids) & Employee._dvk_registrable_domain()
        )
        outside = people - allowed
        if outside:
            raise UserError(
                self.env._(
                    "You can register an individual only for yourself, the "
                    "people of the units you head or, as an officer, of the "
                    "units in your charge: %(names)s.",
                    # sudo: the names of the people refused, for the message
                    names=", ".join(outside.sudo().mapped("name")),
                )
            )

    @api.constrains("subject_type", "employee_id")
    def _check_subject(self):
        for record in self:
            if record.subject_type == "individual" and not record.employee_id:
                raise ValidationError(
                    self.env._("An individual registration needs the employee.")
                )

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------
    def _dvk_locked_states(self):
        """States in which the record can no longer be edited at all."""
        return ("recognized",)

    def _dvk_editable_states(self):
        return ("draft", "refused")

    def _dvk_check_write(self, vals):
        if self.env.su:
            return
        if "criteria_set_id" in vals:
            self._dvk_check_criteria_set_change()
        protected = self._dvk_protected_fields & set(vals)
        if protected:
            raise UserError(
                self.env._(
                    "%(fields)s can only be changed by the workflow buttons.",
                    fields=", ".join(
                        self._fields[f].get_description(self.env)["string"]
                        for f in sorted(protected)
                    ),
                )
            )
        touched = {f for f in vals if not f.startswith(("message_", "activity_"))}
        if not touched:
            return
        # The always-writable fields follow a record past draft, but not once
        # it is locked (recognised): corrections go through a new decision.
        free = touched - self._dvk_always_writable
        for record in self:
            if record.state in record._dvk_locked_states():
                raise UserError(
                    self.env._(
                        "%(name)s is recognised and can no longer be changed; "
                        "corrections go through a new decision.",
                        name=record.display_name,
                    )
                )
            if free and record.state not in record._dvk_editable_states():
                raise UserError(
                    self.env._(
                        "%(name)s has been submitted and can no longer be edited "
                        "in this state (%(state)s).",
                        name=record.display_name,
                        state=dict(
                            record._fields["state"]._description_selection(self.env)
                        )[record.state],
                    )
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

    def write(self, vals):
        self._dvk_check_write(vals)
        result = super().write(vals)
        if vals.get("employee_id"):
            self._dvk_check_registrable_employee()
        return result

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            is_manager = self._dvk_is_manager()
            for vals in vals_list:
                if not is_manager:
                    # The set follows the profile and subject (computed).
                    vals.pop("criteria_set_id", None)
                if vals.get("registrant_id") in (self.env.uid, None):
                    vals.pop("registrant_id", None)
                if vals.get("state", "draft") != "draft" or (
                    self._dvk_protected_fields - {"state"}
                ) & {k for k, v in vals.items() if v}:
                    raise UserError(
                        self.env._(
                            "A new record always starts as a draft; its state "
                            "changes through the workflow buttons."
                        )
                    )
        records = super().create(vals_list)
        records._dvk_check_registrable_employee()
        return records

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        for record in self:
            if record.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s has left the draft state and cannot be "
                        "deleted: %(way)s",
                        name=record.display_name,
                        way=record._dvk_instead_of_deleting(),
                    )
                )

    # The list shown after deleting from the form (the deleted record's
    # breadcrumbs would lead to "record not found").
    _dvk_list_action = None

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_dvk_can_delete(self):
        """What the server checks on unlink: the access rights and record
        rules for deleting, and the draft state (:meth:`_unlink_except_not_draft`).
        Odoo offers its own Delete from the access rights alone, so the forms
        hide it and show this predicate's button instead."""
        drafts = self.filtered(lambda record: record.state == "draft")
        deletable = drafts._filtered_access("unlink") if drafts else drafts
        for record in self:
            record.dvk_can_delete = record in deletable

    def action_delete_draft(self):
        """Delete drafts, the form's Delete button: shown by ``dvk_can_delete``,
        the predicate checked here before the unlink (which checks it again)."""
        for record in self:
            if not record.dvk_can_delete:
                if record.state != "draft":
                    # The unlink guard's message, with the way instead.
                    record._unlink_except_not_draft()
                raise AccessError(
                    self.env._(
                        "You may not delete %(name)s: %(ask)s",
                        name=record.display_name,
                        ask=record._dvk_ask_officer_in_charge(),
                    )
                )
        self.unlink()
        if not self._dvk_list_action:
            return {"type": "ir.actions.act_window_close"}
        action = self.env["ir.actions.act_window"]._for_xml_id(self._dvk_list_action)
        action["target"] = "main"
        return action

    def _dvk_instead_of_deleting(self):
        """Hook: what the current user can do instead of deleting this record,
        which has left the draft state: a way he has, or whom to ask (the
        rule stays: only a draft is deleted). By default the officer in
        charge of its unit refuses a draft or proposed file and sets a
        refused one back to draft; a recognised one stays on record."""
        self.ensure_one()
        if self.state == "recognized":
            return self.env._("it stays on record as a recognised one.")
        if self._dvk_in_officer_scope():
            if self.state == "refused":
                return self.env._("set it back to draft, then delete it.")
            return self.env._("refuse it instead.")
        return self._dvk_ask_officer_in_charge()

    def _dvk_ask_officer_in_charge(self):
        """The sentence naming the officer in charge of the record's unit
        (or, when none is, the DVK managers) as the one to ask."""
        self.ensure_one()
        officer = self.department_id._dvk_responsible_officer()
        if officer:
            return self.env._(
                "ask %(officer)s, the DVK officer in charge of its unit.",
                officer=officer.name,
            )
        return self.env._("ask a DVK manager.")

    def _dvk_workflow_write(self, vals, bodies=None, notify=None, grouped=False):
        """Write workflow fields once the calling business method has checked
        the caller's rights and the records' states.

        ``bodies``, ``notify`` and ``grouped`` (as for :meth:`_dvk_log_batch`)
        post the note of the action; when the changes are tracked, the note
        and the tracked values are one chatter message per record, not two."""
        # sudo: state and workflow fields are refused to plain writes
        # (see _dvk_check_write); this is the one door the guarded methods use.
        records = self.sudo()
        context = self.env.context
        if (
            not records
            or not isinstance(records, self.env.registry["mail.thread"])
            or context.get("tracking_disable")
            or context.get("mail_notrack")
        ):
            result = records.write(vals)
            if bodies:
                self._dvk_log_batch(bodies, notify, grouped)
        else:
            result = records._dvk_write_with_batch_tracking(
                vals, bodies, notify, grouped
            )
        if "state" in vals:
            self._dvk_after_transition(vals["state"])
        return result

    def _dvk_after_transition(self, state):
        """Hook: the work a sector does once records reach ``state`` (e.g. the
        police's tracking copies and periodic reports after approval).

        Every path that puts a record in a state calls it, the normal buttons
        as well as carry-over and renewal, so sectors extend this instead of
        overriding the public ``action_*`` methods. ``self`` is in the
        caller's environment.
        """
        return True

    def _dvk_write_with_batch_tracking(
        self, vals, bodies=None, notify=None, grouped=False
    ):
        """Write and log the tracked changes of all records at once: the
        tracking values come from mail.thread's ``_mail_track``, the notes from
        ``_message_log_batch``, so that batch workflow actions stay O(1) in
        queries (mail.thread's own tracking logs record by record). A record
        with a body in ``bodies`` gets it in the same message as its tracked
        values; ``notify`` tells partners of those messages (``grouped``: see
        :meth:`_dvk_notify_batch`)."""
        # Changes written earlier in this transaction are logged now, by
        # mail.thread itself, so that its commit-time tracking does not log the
        # workflow change a second time (nothing pending costs no query).
        self._track_finalize()
        # Read and recompute without mail.thread's tracking too: the stored
        # computed fields (recognised level) are logged here, not again at
        # commit.
        records = self.with_context(mail_notrack=True)
        # Only the tracked fields the write can change: those written and the
        # computed ones; the others keep their values (and reading them all,
        # record by record, is most of the cost in a batch).
        fnames = {
            fname
            for fname in records._track_get_fields()
            if fname in vals
            or records._fields[fname].compute
            or records._fields[fname].related
        }
        initial = {record.id: {f: record[f] for f in fnames} for record in records}
        result = records.write(vals)
        tracked_fields = records.fields_get(
            fnames, attributes=("string", "type", "selection", "currency_field")
        )
        changed = {}
        for record in records:
            _changes, commands = record._mail_track(tracked_fields, initial[record.id])
            if commands:
                changed[record.id] = [values for _c, _i, values in commands]
        bodies = bodies or {}
        logged = list(dict.fromkeys([*changed, *bodies]))
        if logged:
            author = self.env.user.partner_id
            messages = self.browse(logged)._message_log_batch(
                {res_id: bodies.get(res_id, "") for res_id in logged},
                author_id=author.id,
                email_from=author.email_formatted,
            )
            # sudo: tracking values are system records of the logged notes
            self.env["mail.tracking.value"].sudo().create(
                [
                    dict(values, mail_message_id=message.id)
                    for message in messages
                    for values in changed.get(message.res_id, ())
                ]
            )
            if notify:
                self._dvk_notify_batch(messages, notify, grouped)
        return result

    def _dvk_check_state(self, allowed, action):
        for record in self:
            if record.state not in allowed:
                raise UserError(
                    self.env._(
                        '%(name)s cannot be %(action)s from the state "%(state)s".',
                        name=record.display_name,
                        action=action,
                        state=dict(
                            record._fields["state"]._description_selection(self.env)
                        )[record.state],
                    )
                )

    def _dvk_is_manager(self):
        return self.env.user.has_group("dvk_models.group_dvk_manager")

    def _dvk_is_officer(self):
        return self.env.user.has_group("dvk_models.group_dvk_officer")

    def _dvk_subject_users(self):
        """Users who registered the record or are its subject."""
        self.ensure_one()
        return self.registrant_id | self.employee_id.user_id

    def _dvk_registrant_partners(self):
        """{record id: partners of its registrant and subject}: those told of
        what happens to their registration (as approval and refusal tell
        them), for :meth:`_dvk_log_batch`'s ``notify``."""
        return {record.id: record._dvk_subject_users().partner_id for record in self}

    @api.model
    def _default_department_id(self):
        """A new registration starts in the user's own unit."""
        # sudo: the user's own unit, not the content of HR records
        return self.env.user.sudo().employee_id.department_id.sudo(False)

    @api.model
    def _default_campaign_id(self):
        """The campaign a new registration belongs to: the open one that is
        running today in the user's company, or, when several are (party and
        a sector), the one whose units include the user's own unit (a
        sector's campaign before the general one). None when it stays
        ambiguous: the user chooses."""
        today = fields.Date.context_today(self)
        campaigns = self.env["dvk.campaign"].search(
            [
                ("state", "=", "open"),
                ("date_start", "<=", today),
                ("date_end", ">=", today),
                ("company_id", "=", self.env.company.id),
            ]
        )
        if len(campaigns) <= 1:
            return campaigns
        user = self.env.user
        # sudo: the user's own unit, not the content of HR records
        own = user.sudo().employee_ids.department_id.sudo(False)
        units = own | user._dvk_scope_units()
        if not units:
            return campaigns.browse()
        fitting = campaigns.filtered(
            lambda c: units.filtered_domain(c._summary_unit_domain())
        )
        specific = fitting.filtered(lambda c: not c._summary_unit_domain().is_true())
        for candidates in (specific, fitting):
            if len(candidates) == 1:
                return candidates
        return campaigns.browse()

    def _dvk_self_assessors(self):
        """Who fills the self-assessment: the registrant, the person it is
        about, or the head of the unit."""
        self.ensure_one()
        # sudo: the user of the unit's head, not the content of HR records
        head = self.department_id.sudo().manager_id.user_id
        return self._dvk_subject_users() | head

    def _dvk_self_assess_states(self):
        """Hook: the states in which the record's self-assessment is filled
        (the one list of the button and of :meth:`action_self_assess`)."""
        return ()

    @api.depends_context("uid")
    @api.depends("state", "registrant_id", "employee_id", "department_id")
    def _compute_dvk_can_self_assess(self):
        # The guards of action_self_assess: a state that takes one, a user
        # who fills it.
        user = self.env.user
        for record in self:
            record.dvk_can_self_assess = (
                bool(record.id)
                and record.state in record._dvk_self_assess_states()
                and user in record._dvk_self_assessors()
            )

    def _get_registrant_users(self):
        """Users with a stake in the record: they never decide on it nor sit
        on its council. A model that extends it extends
        :meth:`_dvk_stake_domain` the same way."""
        self.ensure_one()
        return self._dvk_subject_users()

    def _dvk_with_stake(self, user):
        """The records of ``self`` in which ``user`` has a stake (those whose
        :meth:`_get_registrant_users` include him), in one query whatever
        their number (:meth:`_dvk_stake_domain`)."""
        if not self:
            return self
        domain = Domain("id", "in", self.ids) & self._dvk_stake_domain(user)
        # sudo: narrows the caller's own records to those he has a stake in;
        # nothing is read from the people it goes through
        found = set(self.sudo().search(domain).ids)
        return self.filtered(lambda record: record.id in found)

    def _dvk_stake_domain(self, user):
        """The records in which ``user`` has a stake, as a domain: he
        registered them or they are about him."""
        return Domain("registrant_id", "=", user.id) | Domain(
            "employee_id.user_id", "=", user.id
        )

    def _dvk_officer_scope(self):
        """The units the user acts on as an officer: those in his charge and
        every unit below them."""
        return self.env.user._dvk_scope_units()

    def _dvk_in_officer_scope(self):
        """Whether the user acts as an officer on this record's unit."""
        self.ensure_one()
        if self.env.su or self._dvk_is_manager():
            return True
        return self._dvk_is_officer() and (
            self.department_id in self._dvk_officer_scope()
        )

    @api.depends_context("uid")
    @api.depends("department_id")
    def _compute_dvk_in_officer_scope(self):
        """The predicate of the officers' buttons, the one their methods check
        (:meth:`_dvk_check_officer_scope`)."""
        if self._dvk_is_manager():
            self.dvk_in_officer_scope = True
            return
        scope = self._dvk_officer_scope() if self._dvk_is_officer() else None
        for record in self:
            record.dvk_in_officer_scope = bool(
                scope is not None and record.department_id in scope
            )

    def _dvk_check_officer_scope(self):
        """Officers act on the units in their charge and below; managers on all."""
        if self._dvk_is_manager():
            return
        if not self._dvk_is_officer():
            raise UserError(self.env._("Only a DVK officer or manager can do this."))
        scope = self._dvk_officer_scope()
        outside = self.filtered(lambda r: r.department_id not in scope)
        if outside:
            raise UserError(
                self.env._(
                    "%(names)s belong to units outside your charge.",
                    names=", ".join(outside.mapped("display_name")),
                )
            )

    @api.model
    def _dvk_check_officer_scope_units(self, units):
        """Same rule for units chosen in a wizard."""
        if self._dvk_is_manager():
            return
        if not self._dvk_is_officer():
            raise UserError(self.env._("Only a DVK officer or manager can do this."))
        outside = units - self._dvk_officer_scope()
        if outside:
            raise UserError(
                self.env._(
                    "%(units)s are outside the units in your charge.",
                    units=", ".join(outside.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Levels
    # ------------------------------------------------------------------
    # Confirming or cancelling a decision changes the state of its records:
    # the lines are read again, so the guards never see a stale list.
    @api.depends("state")
    def _compute_decision_line_ids(self):
        fname = self._dvk_line_field()
        lines = self.env["dvk.decision.line"].search([(fname, "in", self.ids)])
        by_record = lines.grouped(fname)
        for record in self:
            record.decision_line_ids = by_record.get(record, lines.browse())

    @api.depends("state")
    def _compute_recognized_level_id(self):
        """Highest level among the confirmed decisions naming the record."""
        best = self._dvk_confirmed_levels()
        for record in self:
            record.recognized_level_id = best.get(record.id, False)

    def _dvk_confirmed_levels(self):
        """{record id: highest level of the confirmed decisions naming it}."""
        fname = self._dvk_line_field()
        records = self.filtered("id")
        best = {}
        if records:
            # sudo: only the levels of confirmed decisions are read
            all_lines = self.env["dvk.decision.line"].sudo()
            lines = all_lines.search_fetch(
                [(fname, "in", records.ids), ("decision_id.state", "=", "confirmed")],
                [fname, "level_id"],
            )
            for line in lines:
                key = line[fname].id
                level = line.level_id
                if key not in best or level._is_above(best[key]):
                    best[key] = level
        return best

    def _dvk_write_proposal(self, level):
        """Put the records forward at ``level``. A record already recognised
        at a lower level stays recognised while the higher proposal runs: it
        remains locked and keeps counting for consecutive years and exemplar
        eligibility (seed 001 §3); only its proposed level is set."""
        # Here rather than among the sectors' overridable checks: a record has
        # one proposal under way at a time, whatever the profile.
        pending = self.filtered("proposal_level_id")
        if pending:
            raise UserError(
                self.env._(
                    "%(name)s is already proposed at %(level)s.",
                    name=pending[0].display_name,
                    level=pending[0].proposal_level_id.name,
                )
            )
        # The day of the proposal, which its letter bears (reprint as issued).
        vals = {
            "proposal_level_id": level.id,
            "proposal_date": fields.Date.context_today(self),
        }
        recognised = self.filtered(lambda r: r.state == "recognized")
        if recognised:
            recognised._dvk_workflow_write(vals)
        others = self - recognised
        if others:
            others._dvk_workflow_write(dict(vals, state="proposed"))

    def _dvk_restore_after_cancel(self, level):
        """After a decision at ``level`` is cancelled, each record returns to
        what the remaining confirmed decisions say: recognised at the highest
        level it still holds (its proposal at ``level`` open again when that
        level is higher), or proposed at ``level`` when nothing is left."""
        held = self._dvk_confirmed_levels()
        groups = {}
        for record in self:
            best = held.get(record.id)
            if not best:
                key = ("proposed", level.id)
            elif level._is_above(best):
                key = ("recognized", level.id)
            else:
                key = ("recognized", False)
            groups.setdefault(key, self.browse())
            groups[key] |= record
        for (state, proposal), records in groups.items():
            # Writing the state recomputes the recognised level, also when
            # the record stays recognised at a lower level.
            records._dvk_workflow_write({"state": state, "proposal_level_id": proposal})

    def _dvk_line_field(self):
        """Name of the decision-line (and score-sheet) field pointing at this
        model."""
        raise NotImplementedError

    def _dvk_target(self):
        """The criteria-set target of this model: "model" or "exemplar"."""
        raise NotImplementedError

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
        missing = self.filtered(lambda r: not r.self_assessed)
        if missing:
            raise UserError(
                self.env._(
                    "%(names)s need a finished self-assessment score sheet that "
                    "meets its knock-out criteria before being proposed.",
                    names=", ".join(missing.mapped("display_name")),
                )
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
        self._dvk_check_state(
            self._dvk_self_assess_states(), self.env._("self-assessed")
        )
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
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.score.sheet",
            "res_id": sheet.id,
            "view_mode": "form",
        }

    def _check_recognizable(self, decisions):
        """Hook: raise when these records cannot be recognised by ``decisions``.

        The core has no further condition than the decision's own checks;
        scoring and sector addons add theirs (self-assessment, dossiers).
        """
        return True

    def _dvk_proposable_states(self):
        """States from which a record can be proposed for recognition."""
        return ("recognized",)

    def _dvk_aimed_level(self):
        """Hook: the level the record aims at when its unit has none."""
        return self.env["dvk.level"]

    def _dvk_default_proposal_level(self):
        """The next level of the record's chain: the one above the level it
        is recognised at, or else its unit's own level."""
        self.ensure_one()
        reached = self.recognized_level_id
        if reached:
            return self._dvk_level_chain().filtered(lambda lvl: lvl._is_above(reached))[
                :1
            ]
        level = self.department_id.dvk_level_id or self._dvk_aimed_level()
        if level:
            return level
        # A unit with no level of its own (a party cell, a trade-union group)
        # is recognised at the level of the nearest unit above it that has
        # one; else the record starts at the bottom of its chain.
        unit = self.department_id.parent_id
        while unit and not unit.dvk_level_id:
            unit = unit.parent_id
        return unit.dvk_level_id or self._dvk_level_chain()[:1]

    def _dvk_level_chain(self):
        """The level chain in force for the record's campaign, lowest first
        (``dvk.campaign._dvk_level_chain``)."""
        self.ensure_one()
        if not self.campaign_id:
            return self.env["dvk.level"]._get_ordered()
        return self.campaign_id._dvk_level_chain()

    def _dvk_level_below(self, level):
        """The level just below ``level`` in the chain in force for the
        record's campaign: seed 001 §3's "the level just below" as the period
        has it (province directly above grassroots from 1/7/2025)."""
        self.ensure_one()
        chain = self._dvk_level_chain()
        if level in chain:
            index = chain.ids.index(level.id)
            return chain[index - 1] if index else self.env["dvk.level"]
        return level._previous()

    def _dvk_proposal_rules(self, level):
        """The rules a proposal of these records at ``level`` must meet, as
        sentences for the proposal dialog, each naming the records that do
        not meet it yet (the proposal itself checks them again)."""
        rules_ = []

        def names(records):
            shown = ", ".join(records[:5].mapped("display_name"))
            if len(records) > 5:
                shown = self.env._(
                    "%(names)s and %(count)s more", names=shown, count=len(records) - 5
                )
            return shown

        own = self.filtered(
            lambda r: (
                r.department_id.dvk_level_id
                and not level._is_above(r.department_id.dvk_level_id)
            )
        )
        if own:
            rules_.append(
                self.env._(
                    "Units at %(level)s propose at their own level directly: "
                    "%(names)s.",
                    level=level.name,
                    names=names(own),
                )
            )
        climbing = self - own
        outside = climbing.filtered(lambda r: level not in r._dvk_level_chain())
        if outside:
            rules_.append(
                self.env._(
                    "%(level)s is not a level of the chain in force for the "
                    "campaign of %(names)s.",
                    level=level.name,
                    names=names(outside),
                )
            )
        by_below = {}
        for record in climbing - outside:
            below = record._dvk_level_below(level)
            by_below[below] = by_below.get(below, self.browse()) | record
        for below, records in by_below.items():
            if not below:
                continue
            missing = records.filtered(
                lambda r, below=below: (
                    not r.recognized_level_id or below._is_above(r.recognized_level_id)
                )
            )
            text = self.env._(
                "Above the unit's own level, a record must first be recognised "
                "at %(below)s before being proposed at %(level)s.",
                below=below.name,
                level=level.name,
            )
            if missing:
                text += " " + self.env._(
                    "Not yet recognised at %(below)s: %(names)s.",
                    below=below.name,
                    names=names(missing),
                )
            rules_.append(text)
        text = self.env._(
            "Every level of recognition needs a finished self-assessment that "
            "meets its knock-out criteria."
        )
        unassessed = self.filtered(lambda r: not r.self_assessed)
        if unassessed:
            text += " " + self.env._(
                "Still missing for: %(names)s.", names=names(unassessed)
            )
        rules_.append(text)
        for campaign in climbing.campaign_id:
            deadline = campaign.proposal_deadline
            if not deadline:
                continue
            today = fields.Date.context_today(self)
            if today > deadline:
                rules_.append(
                    self.env._(
                        "The deadline for proposals to the upper level of "
                        "%(campaign)s (%(date)s) has passed: only a DVK manager "
                        "can still propose.",
                        campaign=campaign.name,
                        date=deadline.strftime("%d/%m/%Y"),
                    )
                )
            else:
                rules_.append(
                    self.env._(
                        "Proposals to the upper level of %(campaign)s are due "
                        "by %(date)s.",
                        campaign=campaign.name,
                        date=deadline.strftime("%d/%m/%Y"),
                    )
                )
        return rules_

    def action_propose_wizard(self):
        """Open the proposal dialog: the level preselected as the next one of
        the records' chain, with the rules that apply."""
        return self.env["dvk.propose.wizard"]._open_for(self)

    def _dvk_check_propose_level(self, level):
        """A record is never proposed again at or below the level it
        reached; then the profile's ladder decides (``_dvk_check_level_ladder``)."""
        for record in self:
            reached = record.recognized_level_id
            if reached and not level._is_above(reached):
                raise UserError(
                    self.env._(
                        "%(name)s is already recognised at %(level)s; propose it "
                        "at a higher level.",
                        name=record.display_name,
                        level=reached.name,
                    )
                )
            chain = record._dvk_level_chain()
            if level not in chain:
                raise UserError(
                    self.env._(
                        "%(level)s is not a level of %(campaign)s: its chain in "
                        "force is %(chain)s.",
                        level=level.name,
                        campaign=record.campaign_id.display_name,
                        chain=" → ".join(chain.mapped("name")),
                    )
                )
        return self._dvk_check_level_ladder(level)

    def _dvk_check_level_ladder(self, level):
        """Hook. Seed 001 §3: above the unit's own level, the level just below
        must have recognised the record first (district from grassroots,
        province from district). A sector whose authority follows another
        rule (the union's reach) overrides it. The chain is the one in force
        for the record's campaign: from 1/7/2025 the party's province level
        comes straight after grassroots."""
        for record in self:
            below = record._dvk_level_below(level)
            if not below:
                continue
            own = record.department_id.dvk_level_id
            if own and not level._is_above(own):
                continue
            reached = record.recognized_level_id
            if not reached or below._is_above(reached):
                raise UserError(
                    self.env._(
                        "%(name)s must first be recognised at %(below)s before "
                        "being proposed at %(level)s.",
                        name=record.display_name,
                        below=below.name,
                        level=level.name,
                    )
                )
        return True

    # ------------------------------------------------------------------
    # Chatter in batch
    # ------------------------------------------------------------------
    def _dvk_log_batch(self, bodies, notify=None, grouped=False, keep=False):
        """Post one note per record and tell the given partners, each the way
        they chose in their preferences (Odoo inbox or email).

        The notes go through ``mail.thread._message_log_batch``; the
        notifications are created in one batch too, so that batch approvals
        stay O(1) in queries whatever the number of records.

        :param dict bodies: {record id: Markup body}
        :param dict notify: {record id: res.partner recordset}
        :param bool grouped: see :meth:`_dvk_notify_batch`
        :param bool keep: see :meth:`_dvk_notify_batch`
        """
        author = self.env.user.partner_id
        # sudo: the caller's access to the records was checked by the workflow
        # method; notes and notifications are system side effects of it.
        messages = self.sudo()._message_log_batch(
            bodies, author_id=author.id, email_from=author.email_formatted
        )
        if notify:
            self._dvk_notify_batch(messages, notify, grouped, keep)
        return messages

    def _dvk_notify_batch(self, messages, notify, grouped=False, keep=False):
        """Tell the partners of ``notify`` ({record id: res.partner}) of the
        chatter ``messages`` of those records, each the way they chose in
        their preferences (Odoo inbox or email).

        With ``grouped``, a partner concerned by several records of the batch
        gets one notice listing them, not one notification (or mail) per
        record (the registrant of many approved models); otherwise, and for
        a partner concerned by one record, each message is notified (copies
        a sector owes for every record). With ``keep``, the messages are
        copies to keep (the police's tracking copies): they land in the
        Odoo inbox of every internal user, and by email as well for those
        who chose emails. Messages, notifications and mails are created in
        one batch each, whatever the number of records and partners."""
        author = self.env.user.partner_id
        by_record = {message.res_id: message for message in messages}
        concerned = {}  # partner: [record messages]
        for record_id, recipients in notify.items():
            message = by_record.get(record_id)
            if message:
                for partner in recipients - author:
                    concerned.setdefault(partner, []).append(message)
        if not concerned:
            return messages
        names = {record.id: record.display_name for record in self.browse(notify)}
        several = {p: m for p, m in concerned.items() if grouped and len(m) > 1}
        pairs = [
            (m, p) for p, found in concerned.items() if p not in several for m in found
        ]
        subjects = {m.id: names[m.res_id] for m, _p in pairs}
        if several:
            notices = self._dvk_create_notices(several, names)
            pairs += list(zip(notices, several, strict=True))
            subjects.update({notice.id: notice.subject for notice in notices})
        partners = self.env["res.partner"].union(*concerned)
        # sudo: the notification preference of the recipients (their users)
        users = partners.sudo().with_context(active_test=False).user_ids
        by_email = {
            user.partner_id.id for user in users if user.notification_type == "email"
        }
        inbox = {user.partner_id.id for user in users} - by_email
        if keep:
            inbox = {user.partner_id.id for user in users if not user.share}
        notif_vals = []
        emailed = {}  # message: partners
        for message, partner in pairs:
            if partner.id in inbox:
                notif_vals.append(
                    {
                        "mail_message_id": message.id,
                        "res_partner_id": partner.id,
                        "notification_type": "inbox",
                        "is_read": False,
                    }
                )
            if partner.id in by_email and partner.email:
                emailed[message] = emailed.get(message, partner.browse()) | partner
        if emailed:
            # sudo: see above; outgoing mails are queued for the mail cron
            Mail = self.env["mail.mail"].sudo()
            mails = Mail.create(
                [
                    {
                        "mail_message_id": message.id,
                        "body_html": message.body,
                        "subject": subjects[message.id],
                        "recipient_ids": [Command.set(recipients.ids)],
                        "auto_delete": True,
                        "email_from": author.email_formatted,
                    }
                    for message, recipients in emailed.items()
                ]
            )
            notif_vals += [
                {
                    "mail_message_id": mail.mail_message_id.id,
                    "res_partner_id": partner.id,
                    "notification_type": "email",
                    "mail_mail_id": mail.id,
                    "notification_status": "ready",
                    "is_read": True,
                }
                for mail in mails
                for partner in mail.recipient_ids
                # One notification per partner and message: a copy kept in
                # the inbox is mailed as well, without a second one.
                if partner.id not in inbox
            ]
        if notif_vals:
            # sudo: see above
            self.env["mail.notification"].sudo().create(notif_vals)
        return messages

    # A notice links at most this many records of each note (or activities
    # assigned at once); the others are counted (each record keeps its note in
    # its own chatter, each activity is in the user's activities).
    _dvk_notice_links = 50

    def _dvk_create_notices(self, grouped, names):
        """One notice per partner of ``grouped`` ({partner: [chatter messages
        of several records]}), not part of any record's chatter: each
        distinct note once, followed by links to its records."""
        author = self.env.user.partner_id
        description = self.env["ir.model"]._get(self._name).display_name
        limit = self._dvk_notice_links
        vals_list = []
        for partner, found in grouped.items():
            env = self.with_context(lang=partner.lang).env if partner.lang else self.env
            by_body = {}
            for message in found:
                by_body.setdefault(message.body, []).append(message.res_id)
            parts = []
            for body, record_ids in by_body.items():
                links = Markup("").join(
                    Markup('<li><a href="/odoo/%s/%s">%s</a></li>')
                    % (self._name, record_id, names[record_id])
                    for record_id in record_ids[:limit]
                )
                if len(record_ids) > limit:
                    links += Markup("<li>%s</li>") % env._(
                        "and %(count)s more", count=len(record_ids) - limit
                    )
                parts.append(Markup("%s<ul>%s</ul>") % (body, links))
            vals_list.append(
                {
                    "message_type": "user_notification",
                    "subtype_id": self.env.ref("mail.mt_note").id,
                    "is_internal": True,
                    "author_id": author.id,
                    "email_from": author.email_formatted,
                    "subject": env._(
                        "%(count)s records (%(model)s): %(what)s",
                        count=len(found),
                        model=description,
                        what=html2plaintext(found[0].body).strip().split("\n")[0],
                    ),
                    "body": Markup("").join(parts),
                    "partner_ids": [Command.set(partner.ids)],
                }
            )
        # sudo: see _dvk_log_batch; notices are system side effects too
        return self.env["mail.message"].sudo().create(vals_list)

    def _dvk_schedule_activities(self, activity_type, vals_by_record):
        """Schedule one activity per record in a single ``mail.activity``
        create, and tell each assigned user once.

        ``activity_schedule`` would notify each activity on its own (a message
        and possibly a mail per record); here a user assigned one activity
        gets exactly Odoo's own notice of it, and a user assigned several gets
        one notice listing them all, so that a batch costs the same number of
        queries whatever its size.

        :param dict vals_by_record: {record id: {"user_id", "date_deadline",
            "summary"} (and any other ``mail.activity`` value)}
        """
        if not vals_by_record:
            return self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [
            {
                "activity_type_id": activity_type.id,
                "summary": activity_type.summary,
                "automated": True,
                "note": activity_type.default_note,
                "res_model_id": model_id,
                "res_id": record_id,
                **vals,
            }
            for record_id, vals in vals_by_record.items()
        ]
        Activity = self.env["mail.activity"]
        # quick_update: mail.activity would notify each activity on its own;
        # the notices are sent below, one per user.
        activities = Activity.with_context(mail_activity_quick_update=True).create(
            vals_list
        )
        to_notify = activities.filtered(lambda a: a.user_id != self.env.user)
        for user, assigned in to_notify.grouped("user_id").items():
            if len(assigned) == 1:
                assigned._dvk_notify_assigned()
            else:
                assigned._dvk_notify_assigned_group(user, self._dvk_notice_links)
        return activities

    @staticmethod
    def _dvk_body(text, reason=None):
        if reason:
            return Markup("<p>%s</p><p>%s</p>") % (text, reason)
        return Markup("<p>%s</p>") % text

    # --- profile predicate (moves to dvk_subject_mixin.py) ---
    def _dvk_of_profile(self, code):
        """The records of ``self`` whose campaign's profile follows the
        guidance of ``code``: that profile, or one sharing its rules (a
        variant gets the behaviour of the profile it shares, not only its
        data)."""
        codes = self.env["dvk.profile"]._dvk_codes_following(code)
        # ``profile``: the campaign's profile code, stored on the record
        return self.filtered(lambda r: r.profile in codes)
