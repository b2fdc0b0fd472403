import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command, Domain

from ..tools import rules


class DvkModel(models.Model):
    """A "Dân vận khéo" model (mô hình): an initiative registered by a unit or a
    person, approved up the organisation tree and recognised by decision."""

    _name = "dvk.model"
    _description = "DVK Model"
    # hr.mixin: since Odoo 19, writing a many2many needs read access to its
    # comodel, which staff lack on hr.employee (member_ids); the mixin is the
    # core way around it.
    _inherit = [
        "hr.mixin",
        "dvk.workflow.mixin",
        "dvk.dossier.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "year desc, id desc"
    _check_company_auto = True
    _parent_name = "replicated_from_id"
    _parent_store = True
    _dvk_list_action = "dvk_models.dvk_model_action"

    name = fields.Char(required=True, tracking=True)
    name_key = fields.Char(
        compute="_compute_name_key", store=True, precompute=True, index=True
    )
    subject_key = fields.Char(
        compute="_compute_subject_key", store=True, precompute=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("proposed", "Proposed"),
            ("recognized", "Recognised"),
            ("refused", "Refused"),
            ("removed", "Removed"),
            ("carried_over", "Carried Over"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    member_ids = fields.Many2many(
        "hr.employee",
        "dvk_model_member_rel",
        "model_id",
        "employee_id",
        string="Participants",
        check_company=True,
        # The people of the unit's subtree, the unit's own first (without a
        # unit yet, those the user may register).
        domain="department_id and [('dvk_unit_ids', 'in', [department_id])] "
        "or [('dvk_registrable', '=', True)]",
    )
    field_id = fields.Many2one(
        "dvk.field", required=True, ondelete="restrict", tracking=True
    )
    category_id = fields.Many2one(
        "dvk.category",
        ondelete="restrict",
        domain="[('field_id', '=?', field_id), ('profile', 'in', [profile, False])]",
        tracking=True,
    )
    has_categories = fields.Boolean(
        compute="_compute_has_categories",
        help="The campaign's profile defines categories (loại hình) of models.",
    )
    level_id = fields.Many2one(
        "dvk.level",
        string="Target Level",
        ondelete="restrict",
        tracking=True,
        # The levels of the chain in force for the campaign, named as its
        # steps name them (the form passes the campaign in the context).
        domain="[('id', 'in', level_chain_ids)]",
        help="The level of recognition the model aims at.",
    )
    level_chain_ids = fields.Many2many(related="campaign_id.level_chain_ids")
    area = fields.Char(
        string="Scope and Address",
        help="Where the model is carried out (thôn, xã, đơn vị...).",
    )
    objective = fields.Text()
    measures = fields.Text()
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    expected_result = fields.Text()
    result_summary = fields.Text(
        string="Results", help="What the model achieved (self-report)."
    )
    target_ids = fields.One2many("dvk.model.target", "model_id", string="Targets")
    monitor_id = fields.Many2one(
        "hr.employee",
        string="Monitoring Officer",
        tracking=True,
        check_company=True,
        # The committee above the unit assigns him (seed 000 §II.1 step 2):
        # the people of its subtree, its own first.
        domain="(department_parent_id or department_id) and [('dvk_unit_ids', "
        "'in', [department_parent_id or department_id])] "
        "or [('dvk_registrable', '=', True)]",
        help="The officer the committee assigns to follow and guide the model.",
    )
    department_parent_id = fields.Many2one(
        related="department_id.parent_id",
        string="Unit Above",
        context={"hierarchical_naming": False},
    )
    registration_date = fields.Date(readonly=True, copy=False, tracking=True)
    is_supplementary = fields.Boolean(
        string="Supplementary",
        copy=False,
        tracking=True,
        help="Ad-hoc model registered after the registration deadline (guidance "
        "07-HD/ĐUK §II.2); checked automatically when submitted late.",
    )
    approver_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True, index=True
    )
    approval_date = fields.Date(readonly=True, copy=False)
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
    dvk_can_propose = fields.Boolean(
        compute="_compute_dvk_can_propose",
        help="The current user can propose the model for recognition: it is "
        "approved or recognised and not yet proposed, in his charge, and a "
        "recognised model's proposal to the next level is before the "
        "campaign's deadline (a DVK manager may still propose after it).",
    )
    dvk_can_renew = fields.Boolean(
        compute="_compute_dvk_can_renew",
        help="The current user can register the recognised model again in next "
        "year's campaign: he registers it and it has no next year yet.",
    )
    removal_reason = fields.Selection(
        [("ineffective", "Ineffective"), ("discontinued", "Discontinued")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    removal_note = fields.Text(readonly=True, copy=False)
    replicated_from_id = fields.Many2one(
        "dvk.model",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The model this one replicates in another unit (nhân rộng).",
    )
    parent_path = fields.Char(index=True)
    replication_ids = fields.One2many("dvk.model", "replicated_from_id")
    replication_count = fields.Integer(compute="_compute_replication_count")
    previous_id = fields.Many2one(
        "dvk.model",
        string="Previous Year",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
        help="The same model in the previous year's campaign.",
    )
    next_ids = fields.One2many("dvk.model", "previous_id", string="Next Years")
    consecutive_years = fields.Integer(
        compute="_compute_consecutive_years",
        store=True,
        precompute=True,
        recursive=True,
        help="Consecutive years, up to this one, in which the model was recognised.",
    )
    score_sheet_ids = fields.One2many("dvk.score.sheet", "model_id")
    exemplar_ids = fields.Many2many(
        "dvk.exemplar", "dvk_exemplar_model_rel", "model_id", "exemplar_id"
    )

    _dvk_protected_fields = frozenset(
        {
            "state",
            "proposal_level_id",
            "proposal_date",
            "recognized_level_id",
            "refusal_reason",
            "approver_id",
            "approval_date",
            "registration_date",
            "removal_reason",
            "removal_note",
            "previous_id",
            "registrant_id",
        }
    )
    _dvk_always_writable = frozenset({"monitor_id", "result_summary", "member_ids"})

    # The lists of models follow _order: the first page is read from this
    # index instead of sorting every model the user may see.
    _year_id_desc_idx = models.Index("(year DESC, id DESC)")
    _unique_registration = models.UniqueIndex(
        "(campaign_id, subject_key, name_key) WHERE state != 'removed'",
        "This model is already registered in this campaign for the same unit or "
        "person.",
    )

    @api.depends("name")
    def _compute_name_key(self):
        for model in self:
            model.name_key = rules.name_key(model.name)

    @api.depends("subject_type", "department_id", "employee_id")
    def _compute_subject_key(self):
        for model in self:
            if model.subject_type == "individual":
                model.subject_key = f"e{model.employee_id.id}"
            else:
                model.subject_key = f"d{model.department_id.id}"

    @api.depends("profile")
    def _compute_has_categories(self):
        """Seeds 000/001 (party) classify models by field only; the union
        guidance (seed 004 I.2) adds categories. Offer the choice only where
        the profile has some."""
        with_categories = {
            profile
            for (profile,) in self.env["dvk.category"]._read_group(
                [("profile", "in", [*set(self.mapped("profile")), False])],
                ["profile"],
            )
        }
        for model in self:
            model.has_categories = bool(
                {model.profile, False} & with_categories
            ) or bool(model.category_id)

    def _compute_replication_count(self):
        """Replications of the model, direct or through another replication,
        in any unit: a fact about the model, the same for every reader, read
        in one query for all the models."""
        # sudo: a count of replications in other units reveals no content
        origins = self._origin.sudo()
        paths = {path for path in origins.mapped("parent_path") if path}
        counts = {}
        if paths:
            found = origins.search_fetch(
                Domain.OR(Domain("parent_path", "=like", f"{path}%") for path in paths),
                ["parent_path"],
            )
            for replication in found:
                ancestors = [int(i) for i in replication.parent_path.split("/") if i]
                for ancestor in ancestors[:-1]:
                    counts[ancestor] = counts.get(ancestor, 0) + 1
        for model in self:
            model.replication_count = counts.get(model._origin.id, 0)

    @api.depends(
        "state",
        "year",
        "previous_id.consecutive_years",
        "previous_id.state",
        "previous_id.year",
    )
    def _compute_consecutive_years(self):
        for model in self:
            if model.state != "recognized":
                model.consecutive_years = 0
                continue
            previous = model.previous_id
            if previous and previous.year == model.year - 1:
                model.consecutive_years = previous.consecutive_years + 1
            else:
                model.consecutive_years = 1

    def _dvk_line_field(self):
        return "model_id"

    def _dvk_target(self):
        return "model"

    @api.depends(
        "criteria_set_id",
        "score_sheet_ids.state",
        "score_sheet_ids.percent",
        "score_sheet_ids.mandatory_ok",
    )
    def _compute_scores(self):
        return super()._compute_scores()

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("name")
    def _check_name(self):
        for model in self:
            if not rules.normalize_text(model.name):
                raise ValidationError(self.env._("The model needs a name."))
            if len(model.name) > 500:
                raise ValidationError(
                    self.env._("The name of a model is limited to 500 characters.")
                )

    @api.constrains("date_start", "date_end", "campaign_id")
    def _check_dates(self):
        for model in self:
            campaign = model.campaign_id
            if (
                model.date_start
                and model.date_end
                and model.date_end < (model.date_start)
            ):
                raise ValidationError(
                    self.env._("%(name)s ends before it starts.", name=model.name)
                )
            for value in (model.date_start, model.date_end):
                if value and not campaign.date_start <= value <= campaign.date_end:
                    raise ValidationError(
                        self.env._(
                            "The dates of %(name)s must be within the campaign "
                            "%(campaign)s (%(start)s - %(end)s).",
                            name=model.name,
                            campaign=campaign.name,
                            start=campaign.date_start.strftime("%d/%m/%Y"),
                            end=campaign.date_end.strftime("%d/%m/%Y"),
                        )
                    )

    @api.constrains("level_id", "campaign_id")
    def _check_level_in_chain(self):
        """The target level is one of the chain in force for the campaign
        (the levels its picker offers): a 2026 party model cannot aim at the
        district tier that ended on 30/6/2025."""
        for model in self:
            if not model.level_id or not model.campaign_id:
                continue
            chain = model.campaign_id._dvk_level_chain()
            if model.level_id not in chain:
                raise ValidationError(
                    self.env._(
                        "%(level)s is not a level of %(campaign)s: its chain in "
                        "force is %(chain)s.",
                        level=model.level_id.name,
                        campaign=model.campaign_id.name,
                        chain=" → ".join(chain.mapped("name")),
                    )
                )

    @api.onchange("campaign_id")
    def _onchange_campaign_id_level(self):
        # Another campaign may climb another chain: a target level outside it
        # is dropped rather than refused on saving.
        if self.level_id and self.level_id not in self.level_chain_ids:
            self.level_id = False

    @api.constrains("replicated_from_id")
    def _check_replication(self):
        if self._has_cycle("replicated_from_id"):
            raise ValidationError(
                self.env._("A model cannot replicate itself, even indirectly.")
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name"):
                vals["name"] = rules.normalize_text(vals["name"])
        # The keys of the unique registration are inserted with the new rows:
        # a model removed just before (in this transaction) must be so in the
        # database first (nothing pending costs no query).
        self.flush_model(["state", "campaign_id", "subject_key", "name_key"])
        records = super().create(vals_list)
        records._dvk_check_registrant()
        records.filtered("is_supplementary")._dvk_check_supplementary_judge()
        return records

    def _dvk_check_supplementary_judge(self):
        """Seed 000 §II.2: whether a model is supplementary is the system's
        judgement (a late submission) or an officer's, for units in charge."""
        if self.env.su:
            return
        outside = self.filtered(lambda m: not m._dvk_in_officer_scope())
        if outside:
            raise UserError(
                self.env._(
                    "Only an officer in charge of %(unit)s can mark a model as "
                    "supplementary; a late submission is marked automatically.",
                    unit=outside[0].department_id.name,
                )
            )

    def write(self, vals):
        if vals.get("name"):
            vals["name"] = rules.normalize_text(vals["name"])
        if "is_supplementary" in vals:
            self._dvk_check_supplementary_judge()
        res = super().write(vals)
        if {"employee_id", "department_id", "subject_type"} & set(vals):
            self._dvk_check_registrant()
        return res

    def _dvk_check_registrant(self):
        """Staff register for themselves or their own unit only (RELIABILITY
        (b) 5, 32); officers register for the units in their charge."""
        if self.env.su or self._dvk_is_officer():
            return
        employees = self.env.user.employee_ids
        if not employees:
            raise UserError(
                self.env._(
                    "Your user is not linked to an employee, so you cannot "
                    "register a model. Ask HR to link your employee record."
                )
            )
        for model in self:
            if model.subject_type == "individual" and (
                model.employee_id not in employees
            ):
                raise UserError(
                    self.env._("You can only register individual models for yourself.")
                )
            if model.department_id not in employees.department_id:
                raise UserError(
                    self.env._("You can only register models of your own unit.")
                )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for model, vals in zip(self, vals_list, strict=True):
            if "name" not in (default or {}):
                vals["name"] = self.env._("%(name)s (copy)", name=model.name)
        return vals_list

    # ------------------------------------------------------------------
    # Approval routing
    # ------------------------------------------------------------------
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

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_can_submit(self):
        """Hook: raise when a record cannot be submitted (dossiers, ...)."""
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

    def _check_recognizable(self, decisions):
        self._check_dossier("recognize")
        return super()._check_recognizable(decisions)

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Model registered")

    def action_submit(self):
        """Submit registrations for approval, all at once: each gets its
        approver and an approval activity; the writes, the chatter and the
        activities are made in batches, and each approver is told once."""
        self._dvk_check_state(("draft", "refused"), self.env._("submitted"))
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
        for (approver_id, supplementary), models_ in groups.items():
            models_._dvk_workflow_write(
                {
                    "state": "submitted",
                    "registration_date": today,
                    "is_supplementary": supplementary,
                    "approver_id": approver_id,
                    "refusal_reason": False,
                }
            )
        self._dvk_schedule_activities(self._get_approval_activity_type(), activities)
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

    def _dvk_renewed(self):
        """The models of ``self`` that already go on in a next year's
        campaign (renewed or carried over), whoever may read the next one."""
        # sudo: the continuation may have been created by an officer
        # (carry-over) and be hidden from the registrant by record rules.
        return self.filtered(lambda m: m.sudo().next_ids)

    @api.depends_context("uid")
    @api.depends(
        "state",
        "proposal_level_id",
        "registrant_id",
        "employee_id",
        "department_id",
        "next_ids",
    )
    def _compute_dvk_can_renew(self):
        # The guards of action_renew: a recognised model no proposal of which
        # is pending, whose registrant the user acts for, not renewed yet.
        candidates = self.filtered(
            lambda m: (
                m.state in m._dvk_renewable_states()
                and not m.proposal_level_id
                and m.dvk_is_author
            )
        )
        renewable = candidates - candidates._dvk_renewed()
        for model in self:
            model.dvk_can_renew = model in renewable

    def _dvk_self_assess_states(self):
        """The self-assessment goes with the model's proposals (seed 001 §3:
        every level needs it): from its approval, recognised or proposed."""
        return ("approved", "recognized", "proposed")

    def _dvk_renewable_states(self):
        """A recognised model is registered again next year (its consecutive
        years go on); one approved without results yet is carried over
        instead, and a carried-over one goes on already."""
        return ("recognized",)

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

    def _dvk_close_approval_activities(self, feedback):
        activity_type = self._get_approval_activity_type()
        activities = self.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        if activities:
            # sudo: the approver may not own every activity (a manager decides
            # in the approver's place); closing them is part of the decision.
            activities = activities.sudo()  # see the comment above
            # What action_archive does, with the feedback in the same write.
            activities.write({"feedback": feedback, "active": False})

    def action_approve(self):
        self._dvk_check_state(("submitted",), self.env._("approved"))
        self._check_can_decide()
        # Two approvers at once: the second waits on this lock, then fails the
        # state check above on retry (RELIABILITY (b) 26).
        self.lock_for_update()
        self.invalidate_recordset(["state"])
        self._dvk_check_state(("submitted",), self.env._("approved"))
        today = fields.Date.context_today(self)
        text = self.env._("Registration approved by %(user)s.", user=self.env.user.name)
        self._dvk_workflow_write(
            {"state": "approved", "approval_date": today},
            {m.id: self._dvk_body(text) for m in self},
            {m.id: m._dvk_subject_users().partner_id for m in self},
            grouped=True,
        )
        self._dvk_close_approval_activities(self.env._("Approved"))
        return True

    def action_refuse(self, reason=None):
        """Refuse a submitted registration; the reason is mandatory."""
        if not reason or not rules.normalize_text(reason):
            raise ValidationError(self.env._("Give the reason for the refusal."))
        self._dvk_check_state(("submitted",), self.env._("refused"))
        self._check_can_decide()
        self.lock_for_update()
        self.invalidate_recordset(["state"])
        self._dvk_check_state(("submitted",), self.env._("refused"))
        text = self.env._(
            "Registration refused by %(user)s. Reason:", user=self.env.user.name
        )
        self._dvk_workflow_write(
            {"state": "refused", "refusal_reason": reason},
            {m.id: self._dvk_body(text, reason) for m in self},
            {m.id: m._dvk_subject_users().partner_id for m in self},
            grouped=True,
        )
        self._dvk_close_approval_activities(
            self.env._("Refused: %(reason)s", reason=reason)
        )
        return True

    def action_refuse_wizard(self):
        return self.env["dvk.reason.wizard"]._open_for(self, "refuse")

    def action_remove_wizard(self):
        return self.env["dvk.reason.wizard"]._open_for(self, "remove")

    def action_reset_to_draft(self):
        """A refused registration goes back to draft to be corrected."""
        self._dvk_check_state(("refused",), self.env._("reset to draft"))
        for model in self:
            if not model._dvk_is_registration_author():
                raise UserError(
                    self.env._(
                        "Only the registrant can correct %(name)s.", name=model.name
                    )
                )
        self._dvk_workflow_write({"state": "draft"})
        return True

    def _check_can_propose(self, level):
        """Hook: raise when the records cannot be proposed at ``level``.

        Scoring and sector addons add their requirements (self-assessment,
        dossiers, periodic reports).
        """
        self._dvk_check_propose_level(level)
        self._dvk_check_self_assessment()
        self._check_dossier("propose")
        today = fields.Date.context_today(self)
        for model in self:
            own = model.department_id.dvk_level_id
            if (
                not own or level._is_above(own)
            ) and model._dvk_proposal_deadline_passed(today):
                deadline = model._dvk_deadline("proposal")
                raise UserError(
                    self.env._(
                        "The deadline for proposals to the upper level "
                        "(%(deadline)s) has passed for %(name)s.",
                        deadline=deadline.strftime("%d/%m/%Y"),
                        name=model.name,
                    )
                )

    def action_propose(self, level=None):
        """Propose approved (or lower-level recognised) models for recognition.

        ``level`` defaults to each model's target level, or its unit's level.
        """
        self._dvk_check_state(self._dvk_proposable_states(), self.env._("proposed"))
        self._dvk_check_officer_scope()
        if isinstance(level, int):
            level = self.env["dvk.level"].browse(level)
        by_level = {}
        for model in self:
            target = level or model._dvk_default_proposal_level()
            if not target:
                raise UserError(
                    self.env._(
                        "Choose the level at which to propose %(name)s.",
                        name=model.name,
                    )
                )
            by_level.setdefault(target, self.browse())
            by_level[target] |= model
        for target, models_ in by_level.items():
            models_._check_can_propose(target)
            models_._dvk_write_proposal(target)
            text = self.env._(
                "Proposed for recognition at %(level)s.", level=target.name
            )
            models_._dvk_log_batch({m.id: self._dvk_body(text) for m in models_})
        return True

    def _dvk_proposable_states(self):
        return ("approved", "recognized")

    @api.depends_context("uid")
    @api.depends("state", "proposal_level_id", "campaign_id")
    def _compute_dvk_can_propose(self):
        """The guards of :meth:`action_propose` that hold whatever level is
        chosen: state, officer scope and, for a recognised model (whose next
        proposal always goes up), the proposal deadline of
        :meth:`_check_can_propose`."""
        today = fields.Date.context_today(self)
        for model in self:
            can = bool(
                model.state in model._dvk_proposable_states()
                and not model.proposal_level_id
                and model.dvk_in_officer_scope
            )
            if can and model.state == "recognized":
                can = not model._dvk_proposal_deadline_passed(today)
            model.dvk_can_propose = can

    def _dvk_proposal_deadline_passed(self, today):
        """Seed 001 §4: the campaign's deadline for proposals to an upper
        level has passed for this model, for a user who is no DVK manager
        (a manager may still propose). The guard of :meth:`_check_can_propose`
        and the predicate of its button."""
        self.ensure_one()
        deadline = self._dvk_deadline("proposal")
        return bool(deadline and today > deadline and not self._dvk_is_manager())

    def _dvk_aimed_level(self):
        return self.level_id

    def action_withdraw_proposal(self):
        """Take a proposal back before any decision names it."""
        self._dvk_check_state(("proposed", "recognized"), self.env._("withdrawn"))
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
        self._dvk_check_state(
            ("approved", "proposed", "carried_over"),
            self.env._("removed from the list"),
        )
        self._dvk_check_officer_scope()
        label = dict(self._fields["removal_reason"]._description_selection(self.env))[
            reason
        ]
        text = self.env._("Removed from the list of models: %(reason)s.", reason=label)
        self._dvk_workflow_write(
            {
                "state": "removed",
                "removal_reason": reason,
                "removal_note": note,
                "proposal_level_id": False,
            },
            {m.id: self._dvk_body(text, note) for m in self},
        )
        return True

    def _prepare_next_year_vals(self, campaign):
        self.ensure_one()
        return {
            "name": self.name,
            "campaign_id": campaign.id,
            "subject_type": self.subject_type,
            "department_id": self._dvk_next_year_unit().id,
            "employee_id": self.employee_id.id,
            "member_ids": [Command.set(self.member_ids.ids)],
            "field_id": self.field_id.id,
            "category_id": self.category_id.id,
            # The next campaign may climb another chain (no district tier
            # from 1/7/2025): the target level only when it is still in it.
            "level_id": self.level_id.id
            if self.level_id in campaign._dvk_level_chain()
            else False,
            "area": self.area,
            "objective": self.objective,
            "measures": self.measures,
            "expected_result": self.expected_result,
            "monitor_id": self.monitor_id.id,
            "replicated_from_id": self.replicated_from_id.id,
            # The next campaign may be that of the merged province.
            "company_id": campaign.company_id.id,
            "target_ids": [
                Command.create(
                    {
                        "name": t.name,
                        "target": t.target,
                        "uom": t.uom,
                        "sequence": t.sequence,
                    }
                )
                for t in self.target_ids
            ],
        }

    def _dvk_next_year_unit(self):
        """The unit that carries the model on next year: its own, or, once it
        was merged (or split into one unit that took over its staff), its
        successor, so that the renewal continues the lineage (seed 003 Điều
        7.3: the consecutive years run across the merger)."""
        self.ensure_one()
        unit = self.department_id
        if unit.active:
            return unit
        current = unit._dvk_lineage_current()
        if self.subject_type == "individual" and self.employee_id.department_id:
            return self.employee_id.department_id
        return current[:1] if len(current) == 1 else unit

    def _dvk_next_campaign(self):
        self.ensure_one()
        campaign = self.campaign_id._next_campaign()
        if not campaign or campaign.state == "closed":
            raise UserError(
                self.env._(
                    "Create and open the %(year)s campaign of this profile first.",
                    year=self.year + 1,
                )
            )
        return campaign

    def action_carry_over(self):
        """No results yet: evaluate the model in next year's campaign (seed 000
        §II.2). The next year's record starts approved."""
        self._dvk_check_state(("approved",), self.env._("carried over"))
        self._dvk_check_officer_scope()
        created = self.browse()
        for model in self:
            campaign = model._dvk_next_campaign()
            vals = model._prepare_next_year_vals(campaign)
            vals.update(
                {
                    "state": "approved",
                    "previous_id": model.id,
                    "registrant_id": model.registrant_id.id,
                    "approver_id": model.approver_id.id,
                    "approval_date": model.approval_date,
                    "registration_date": model.registration_date,
                    "date_start": campaign.date_start,
                    "date_end": campaign.date_end,
                }
            )
            # sudo: workflow fields of the continuation are set by this method
            new = self.sudo().create(vals).sudo(False)  # workflow fields, see above
            # The continuation reaches "approved" without a button: the same
            # after-transition work as an approval happens for it.
            new._dvk_after_transition("approved")
            model._dvk_workflow_write({"state": "carried_over"})
            text = self.env._(
                "Carried over to the %(year)s evaluation.", year=campaign.year
            )
            model._dvk_log_batch({model.id: self._dvk_body(text)})
            created |= new
        return created._dvk_action_open()

    def action_renew(self):
        """Register the model again in next year's campaign (new draft)."""
        self._dvk_check_state(self._dvk_renewable_states(), self.env._("renewed"))
        created = self.browse()
        for model in self:
            # Public method (RELIABILITY A2): readers such as the approver or a
            # participant do not renew a registration in the registrant's place.
            if not model._dvk_is_registration_author():
                raise UserError(
                    self.env._(
                        "Only the registrant can renew %(name)s.", name=model.name
                    )
                )
            if model._dvk_renewed():
                raise UserError(
                    self.env._("%(name)s has already been renewed.", name=model.name)
                )
            # This year's recognition is not the last while a proposal to a
            # higher level is pending: the model is registered again once
            # that proposal is decided (or withdrawn).
            if model.proposal_level_id:
                raise UserError(
                    self.env._(
                        "%(name)s is proposed for recognition at %(level)s: "
                        "register it again next year once that proposal is "
                        "decided or withdrawn.",
                        name=model.name,
                        level=model.proposal_level_id.name,
                    )
                )
            campaign = model._dvk_next_campaign()
            vals = model._prepare_next_year_vals(campaign)
            new = self.create(vals)
            new._dvk_workflow_write(
                {"previous_id": model.id, "registrant_id": model.registrant_id.id}
            )
            created |= new
        return created._dvk_action_open()

    def _dvk_action_open(self):
        action = {
            "type": "ir.actions.act_window",
            "res_model": "dvk.model",
            "name": self.env._("Models"),
        }
        if len(self) == 1:
            action.update(view_mode="form", res_id=self.id)
        else:
            action.update(view_mode="list,form", domain=[("id", "in", self.ids)])
        return action

    def action_open_lineage(self):
        """Where this model (or its origin) has been replicated, by unit."""
        self.ensure_one()
        root = self
        if self.parent_path:
            root = self.browse(int(self.parent_path.split("/")[0]))
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.model",
            "name": self.env._("Replications of %(name)s", name=root.name),
            "view_mode": "list,pivot,form",
            "views": [
                (self.env.ref("dvk_models.dvk_model_view_list_lineage").id, "list"),
                (False, "pivot"),
                (False, "form"),
            ],
            "domain": [("id", "child_of", root.id)],
            "context": {"search_default_group_department": 1},
        }

    def action_open_previous_years(self):
        """The model year by year: the years before it and after it (its
        renewals), each with its recognised level and streak."""
        self.ensure_one()
        # sudo: only the links between the years are followed, also through a
        # year of a former unit; the list shows the years the user may read
        model = self.sudo()
        chain = model
        current = model.previous_id
        while current and current not in chain:
            chain |= current
            current = current.previous_id
        current = model.next_ids
        while current - chain:
            current -= chain
            chain |= current
            current = current.next_ids
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.model",
            "name": self.env._("Years of %(name)s", name=self.name),
            "view_mode": "list,form",
            "views": [
                (self.env.ref("dvk_models.dvk_model_view_list_years").id, "list"),
                (False, "form"),
            ],
            "domain": [("id", "in", chain.ids)],
        }
