from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command, Domain

from odoo.addons.dvk_models.tools import rules

# Rows a table may hold when it goes to the steering committee: registrations
# waiting for it, and those a committee approved already (rows taken over
# from a former province's approved table, when provinces merged).
ROW_STATES = ("submitted", "approved", "proposed", "recognized")


class DvkStatehubRegistration(models.Model):
    """The registration table of a unit for a year (Decision 976/QĐ-UBND,
    Article 6.2 and its annexed form): every model the unit's collectives and
    people register, one row each, approved by the agency's steering committee
    for grassroots democracy and DVK in one act."""

    _name = "dvk.statehub.registration"
    _description = "DVK Registration Table (State Agencies)"
    _inherit = ["dvk.mail.thread.batch", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('profile', '=', 'statehub')]",
    )
    year = fields.Integer(related="campaign_id.year", store=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        context={"hierarchical_naming": False},
    )
    committee_id = fields.Many2one(
        "hr.department",
        string="Steering Committee",
        compute="_compute_committee_id",
        store=True,
        context={"hierarchical_naming": False},
        help="The steering committee for grassroots democracy and DVK that "
        "approves the table (Article 6.2).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many(
        "dvk.statehub.registration.line", "registration_id", string="Rows", copy=False
    )
    line_count = fields.Integer(string="Row Count", compute="_compute_line_count")
    approver_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approval_date = fields.Date(readonly=True, copy=False, tracking=True)
    refusal_reason = fields.Text(readonly=True, copy=False, tracking=True)
    note = fields.Text()
    dvk_can_decide = fields.Boolean(
        compute="_compute_dvk_can_decide",
        help="The current user approves or refuses this table: the approver of "
        "the steering committee it was submitted to, or a DVK manager.",
    )

    _unit_year_uniq = models.Constraint(
        "UNIQUE(campaign_id, department_id)",
        "The unit already has a registration table for this campaign.",
    )

    @api.depends_context("lang")
    @api.depends("department_id.name", "year")
    def _compute_name(self):
        for table in self:
            table.name = self.env._(
                "Registration table of %(unit)s, %(year)s",
                unit=table.department_id.name or "",
                year=table.year or "",
            )

    @api.depends("department_id")
    def _compute_committee_id(self):
        for table in self:
            unit = table.department_id
            table.committee_id = unit._dvk_statehub_committee() if unit else False

    @api.depends("line_ids")
    def _compute_line_count(self):
        for table in self:
            # sudo: how many rows the table has, whoever reads it
            table.line_count = len(table.sudo().line_ids)

    @api.constrains("campaign_id")
    def _check_campaign_profile(self):
        for table in self:
            if not table.campaign_id._dvk_of_profile("statehub"):
                raise ValidationError(
                    self.env._(
                        "A registration table belongs to a campaign of the state "
                        "agencies profile; %(campaign)s follows another guidance.",
                        campaign=table.campaign_id.display_name,
                    )
                )

    def write(self, vals):
        if not self.env.su and {"campaign_id", "department_id"} & set(vals):
            started = self.filtered(lambda t: t.state != "draft")
            if started:
                raise UserError(
                    self.env._(
                        "%(name)s has been submitted: its unit and campaign can no "
                        "longer change.",
                        name=started[0].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if any(table.state == "approved" for table in self):
            raise UserError(self.env._("An approved registration table is kept."))

    # ------------------------------------------------------------------
    # Rows
    # ------------------------------------------------------------------
    def _get_registration_domain(self):
        """Hook: the registrations a table is built from: the submitted models
        of the unit and the units below it in the campaign, in no table yet."""
        self.ensure_one()
        return (
            Domain("campaign_id", "=", self.campaign_id.id)
            & Domain("department_id", "child_of", self.department_id.id)
            & Domain("state", "=", "submitted")
            & Domain("statehub_line_ids", "=", False)
        )

    def action_build(self):
        """Fill the table with the unit's registrations (Article 6.2)."""
        for table in self:
            table._check_state(("draft",))
            models_ = self.env["dvk.model"].search(
                table._get_registration_domain(), order="subject_type, id"
            )
            start = len(table.line_ids)
            table.write(
                {
                    "line_ids": [
                        Command.create({"model_id": model.id, "sequence": start + i})
                        for i, model in enumerate(models_, start=1)
                    ]
                }
            )
        return True

    def _check_state(self, allowed):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for table in self:
            if table.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: this step is not possible now.",
                        name=table.name,
                        state=labels[table.state],
                    )
                )

    def _check_rows_submitted(self):
        for table in self:
            if not table.line_ids:
                raise UserError(
                    self.env._("%(name)s has no row to approve.", name=table.name)
                )
            waiting = table.line_ids.model_id.filtered(
                lambda m: m.state not in ROW_STATES
            )
            if waiting:
                raise UserError(
                    self.env._(
                        "Every row of %(name)s must be a submitted registration; "
                        "%(models)s is not.",
                        name=table.name,
                        models=", ".join(waiting.mapped("name")),
                    )
                )

    def _get_approver(self):
        """Hook: who approves the table: the approver of the agency's steering
        committee, who also approves each of its rows."""
        self.ensure_one()
        # sudo: the committee's approver is configuration of the agency
        return self.committee_id.sudo().dvk_approver_id

    def action_submit(self):
        """Send the table to the steering committee for approval."""
        self._check_state(("draft", "refused"))
        self._check_rows_submitted()
        schedule = {}  # table id: values of its approval activity
        for table in self:
            approver = table._get_approver()
            if not approver:
                raise UserError(
                    self.env._(
                        "%(unit)s has no steering committee with an approver: set "
                        "the steering committee of its agency and its DVK approver.",
                        unit=table.department_id.display_name,
                    )
                )
            table.check_access("write")
            # sudo: state and approver are written only by these steps
            table.sudo().write(
                {
                    "state": "submitted",
                    "approver_id": approver.id,
                    "refusal_reason": False,
                }
            )
            schedule[table.id] = {
                "date_deadline": fields.Date.context_today(self),
                "summary": self.env._("Approve %(name)s", name=table.name),
                "user_id": approver.id,
            }
        self._dvk_reconcile_activities(
            "dvk_statehub.mail_activity_type_statehub_table_approval",
            schedule,
            close=False,
            notify="each",
        )
        return True

    @api.depends_context("uid")
    @api.depends("approver_id")
    def _compute_dvk_can_decide(self):
        """The predicate of the Approve button: what _check_can_decide
        accepts."""
        user = self.env.user
        is_manager = user.has_group("dvk_models.group_dvk_manager")
        for table in self:
            table.dvk_can_decide = table.approver_id == user or is_manager

    def _check_can_decide(self):
        for table in self:
            if not table.dvk_can_decide:
                raise UserError(
                    self.env._(
                        "%(name)s is awaiting the approval of %(approver)s, for "
                        "the steering committee.",
                        name=table.name,
                        approver=table.approver_id.name or "-",
                    )
                )

    def action_approve(self):
        """Article 6.2-6.3: the steering committee approves the table as one
        act; every row's registration is approved with it, and only those."""
        self._check_state(("submitted",))
        self._check_can_decide()
        self._check_rows_submitted()
        # The core approval of each registration waiting for it: its
        # approver, its activity, its chatter. Rows approved already (taken
        # over from a former province's table) keep their approval.
        self.line_ids.model_id.filtered(
            lambda m: m.state == "submitted"
        ).action_approve()
        today = fields.Date.context_today(self)
        # sudo: state written by this step after the checks above
        self.sudo().write({"state": "approved", "approval_date": today})
        self._dvk_reconcile_activities(
            "dvk_statehub.mail_activity_type_statehub_table_approval",
            feedback=self.env._("Approved"),
            done=True,
            only_automated=True,
        )
        for table in self:
            table.message_post(
                body=self.env._(
                    "Registration table approved by %(user)s for %(committee)s: "
                    "%(count)s rows.",
                    user=self.env.user.name,
                    committee=table.committee_id.name or "-",
                    count=len(table.line_ids),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_refuse(self, reason=None):
        """The committee sends the table back with a reason: its rows are
        refused (the registrants correct and submit them again)."""
        if not reason or not rules.normalize_text(reason):
            raise ValidationError(self.env._("Give the reason for the refusal."))
        self._check_state(("submitted",))
        self._check_can_decide()
        self.line_ids.model_id.filtered(lambda m: m.state == "submitted").action_refuse(
            reason
        )
        # sudo: state written by this step after the checks above
        self.sudo().write({"state": "refused", "refusal_reason": reason})
        self._dvk_reconcile_activities(
            "dvk_statehub.mail_activity_type_statehub_table_approval",
            feedback=self.env._("Refused: %(reason)s", reason=reason),
            done=True,
            only_automated=True,
        )
        return True

    def action_reset_to_draft(self):
        self._check_state(("refused",))
        # sudo: state written by this step
        self.sudo().write({"state": "draft"})
        return True


class DvkStatehubRegistrationLine(models.Model):
    """A row of the registration table: one registered model."""

    _name = "dvk.statehub.registration.line"
    _description = "DVK Registration Table Row"
    _order = "registration_id, sequence, id"

    registration_id = fields.Many2one(
        "dvk.statehub.registration", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    model_id = fields.Many2one(
        "dvk.model", required=True, ondelete="restrict", index=True
    )
    subject_type = fields.Selection(related="model_id.subject_type")
    subject_name = fields.Char(
        string="Collective or Individual", compute="_compute_subject_name"
    )
    field_id = fields.Many2one(related="model_id.field_id")
    date_start = fields.Date(related="model_id.date_start")
    date_end = fields.Date(related="model_id.date_end")
    expected_result = fields.Text(related="model_id.expected_result")
    model_state = fields.Selection(related="model_id.state", string="Model State")
    note = fields.Char()
    company_id = fields.Many2one(related="registration_id.company_id", store=True)

    _model_uniq = models.UniqueIndex(
        "(model_id)", "A model is a row of one registration table only."
    )

    @api.depends(
        "model_id.subject_type", "model_id.department_id", "model_id.employee_id"
    )
    def _compute_subject_name(self):
        for line in self:
            model = line.model_id
            if model.subject_type == "individual":
                line.subject_name = model.employee_id.name or ""
            else:
                line.subject_name = model.department_id.name or ""

    @api.constrains("model_id", "registration_id")
    def _check_model(self):
        for line in self:
            table = line.registration_id
            model = line.model_id
            if model.campaign_id != table.campaign_id or not (
                model.department_id.parent_path or ""
            ).startswith(table.department_id.parent_path or "-"):
                raise ValidationError(
                    self.env._(
                        "%(model)s is not a registration of %(unit)s in %(campaign)s.",
                        model=model.name,
                        unit=table.department_id.name,
                        campaign=table.campaign_id.name,
                    )
                )

    def write(self, vals):
        if not self.env.su and set(vals) - {"note", "sequence"}:
            self.registration_id._check_state(("draft", "refused"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(
            line.registration_id.state in ("submitted", "approved") for line in self
        ):
            raise UserError(
                self.env._(
                    "The rows of a submitted or approved registration table are kept."
                )
            )
