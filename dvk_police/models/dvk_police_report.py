import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain


class DvkPoliceReport(models.Model):
    """A periodic report of a running police model: the six-month review or
    the annual summary (seed 002 §I step 4), assessing how the model is
    carried out and its results, effect and quality."""

    _name = "dvk.police.report"
    _description = "DVK Police Periodic Report"
    _inherit = ["dvk.mail.thread.batch", "mail.thread", "mail.activity.mixin"]
    _order = "date_due, id"
    _check_company_auto = True

    model_id = fields.Many2one(
        "dvk.model",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
        check_company=True,
    )
    kind = fields.Selection(
        [("six_month", "Six-month Review"), ("annual", "Annual Summary")],
        required=True,
        readonly=True,
    )
    # Not stored: read in the reader's language, whoever created the report
    # (the approval, a cron, the demo data); searched by the model's name.
    name = fields.Char(compute="_compute_name", search="_search_name")
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done")],
        default="todo",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_due = fields.Date(string="Due Date", required=True, tracking=True)
    date_done = fields.Date(string="Date Reported", readonly=True, copy=False)
    campaign_id = fields.Many2one(related="model_id.campaign_id", store=True)
    year = fields.Integer(related="model_id.year", store=True)
    department_id = fields.Many2one(
        related="model_id.department_id",
        store=True,
        index=True,
        context={"hierarchical_naming": False},
    )
    company_id = fields.Many2one(related="model_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        compute="_compute_user_id",
        store=True,
        help="The registrant of the model, who writes the report.",
    )
    implementation = fields.Text(help="How the model has been carried out.")
    results = fields.Text(help="Results, effect and quality of the model.")
    limitations = fields.Text(string="Shortcomings and Causes")
    next_steps = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "dvk_police_report_attachment_rel",
        "report_id",
        "attachment_id",
        string="Attached Files",
    )
    reminder_sent = fields.Boolean(readonly=True, copy=False)
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_is_overdue")
    dvk_can_send = fields.Boolean(
        compute="_compute_dvk_can_act",
        help="The current user sends this report: the registrant of the model, "
        "the person it is about or a DVK officer, who may write the report.",
    )
    dvk_can_reopen = fields.Boolean(
        compute="_compute_dvk_can_act",
        help="The current user reopens this sent report: a DVK officer who may "
        "write it.",
    )

    _model_kind_uniq = models.Constraint(
        "UNIQUE(model_id, kind)", "This model already has this periodic report."
    )

    _protected_fields = frozenset(
        {"model_id", "kind", "state", "date_done", "reminder_sent"}
    )

    @api.depends_context("lang")
    @api.depends("kind", "model_id.name", "year")
    def _compute_name(self):
        labels = {
            "six_month": self.env._("Six-month Review"),
            "annual": self.env._("Annual Summary"),
        }
        for report in self:
            report.name = self.env._(
                "%(kind)s %(year)s - %(model)s",
                kind=labels.get(report.kind, ""),
                year=report.year or "",
                model=report.model_id.name or "",
            )

    def _search_name(self, operator, value):
        # The name is the kind, the year and the model's name: searched by
        # the latter, the part a user types.
        if operator in Domain.NEGATIVE_OPERATORS:
            return NotImplemented
        return Domain("model_id.name", operator, value)

    @api.depends(
        "model_id.registrant_id",
        "model_id.employee_id.user_id",
        "model_id.department_id.dvk_officer_ids",
    )
    def _compute_user_id(self):
        """The person of the model, else its registrant, else the officer in
        charge of its unit: a human who can write the report, never the
        system account (OdooBot) that loaded or imported the model."""
        for report in self:
            model = report.model_id
            candidates = [model.employee_id.user_id, model.registrant_id]
            if model.department_id:
                candidates.append(model.department_id._dvk_responsible_officer())
            report.user_id = next(
                (
                    user
                    for user in candidates
                    if user and not user._is_superuser() and not user.share
                ),
                False,
            )

    @api.depends_context("uid")
    @api.depends("model_id.registrant_id", "model_id.employee_id")
    def _compute_dvk_can_act(self):
        """The predicates of the Send and Reopen buttons: what
        :meth:`action_done` and :meth:`action_reopen` accept (PV05, which
        reads its province's reports to aggregate them, sends none)."""
        writable = self._filtered_access("write")
        officer = self.env.user.has_group("dvk_models.group_dvk_officer")
        for report in self:
            can_write = report in writable
            report.dvk_can_send = can_write and report._dvk_is_author()
            report.dvk_can_reopen = can_write and officer

    def _dvk_is_author(self):
        """Whether the current user sends the report: a DVK officer, or the
        registrant of the model or the person it is about."""
        self.ensure_one()
        if self.env.user.has_group("dvk_models.group_dvk_officer"):
            return True
        # A report being entered has no model yet: nobody's but an officer's.
        return bool(self.model_id) and self.env.user in (
            self.model_id._dvk_subject_users()
        )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for report in self:
            report.is_overdue = bool(
                report.state == "todo" and report.date_due and report.date_due < today
            )

    @api.model
    def _due_dates(self, year, proposal_deadline, approval_date):
        """{kind: due date}: the annual summary by the proposal deadline (else
        30/9), the six-month review by 15/6, or a month after a later
        approval, and never after the annual summary."""
        annual = proposal_deadline or datetime.date(year, 9, 30)
        six_month = max(
            datetime.date(year, 6, 15), approval_date + relativedelta(months=1)
        )
        return {"six_month": min(six_month, annual), "annual": annual}

    def write(self, vals):
        if not self.env.su:
            protected = self._protected_fields & set(vals)
            if protected:
                raise UserError(
                    self.env._(
                        "The state of a periodic report changes only through its "
                        "buttons."
                    )
                )
            touched = {f for f in vals if not f.startswith(("message_", "activity_"))}
            if touched and not self.env.user.has_group("dvk_models.group_dvk_officer"):
                if "date_due" in touched:
                    raise UserError(
                        self.env._("Only a DVK officer can change a due date.")
                    )
                if self.filtered(lambda r: r.state == "done"):
                    raise UserError(
                        self.env._(
                            "A report that has been sent can only be reopened by a "
                            "DVK officer."
                        )
                    )
        return super().write(vals)

    def _check_author(self):
        for report in self:
            if not report._dvk_is_author():
                raise UserError(
                    self.env._(
                        "Only the registrant of %(model)s or a DVK officer can "
                        "send its reports.",
                        model=report.model_id.name,
                    )
                )

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Periodic report created")

    def action_done(self):
        """Send the report: it needs an assessment or a file."""
        self.check_access("write")
        self._check_author()
        for report in self:
            if report.state != "todo":
                raise UserError(
                    self.env._("%(name)s has already been sent.", name=report.name)
                )
            if not (report.implementation or report.results or report.attachment_ids):
                raise ValidationError(
                    self.env._(
                        "%(name)s is empty: write the assessment or attach the "
                        "signed report.",
                        name=report.name,
                    )
                )
        # sudo: state and date are written only here, after the checks above
        self.sudo().write(
            {"state": "done", "date_done": fields.Date.context_today(self)}
        )
        # The reminder is done with: the To-Do the software scheduled goes
        # (those a user scheduled by hand stay).
        self._dvk_reconcile_activities(
            "mail.mail_activity_data_todo", only_automated=True
        )
        return True

    def action_reopen(self):
        if not self.env.user.has_group("dvk_models.group_dvk_officer"):
            raise UserError(self.env._("Only a DVK officer can reopen a report."))
        self.check_access("write")
        # sudo: see action_done
        self.sudo().write({"state": "todo", "date_done": False})
        return True

    @api.model
    def _cron_send_reminders(self, days=7):
        """Remind the registrant of each report due within ``days`` (or
        overdue) once, with an activity; a second run finds nothing to do."""
        today = fields.Date.context_today(self)
        reports = self.search(
            [
                ("state", "=", "todo"),
                ("reminder_sent", "=", False),
                ("date_due", "<=", today + datetime.timedelta(days=days)),
                ("model_id.state", "in", ("approved", "proposed")),
                ("user_id", "!=", False),
            ]
        )
        schedule = {}  # report id: values of its reminder
        for report in reports:
            # The cron runs as OdooBot: write to the responsible in their language.
            report_lang = report.with_context(lang=report.user_id.lang)
            schedule[report.id] = {
                "date_deadline": report.date_due,
                "summary": report_lang.env._(
                    "Send the report: %(name)s", name=report.name
                ),
                "user_id": report.user_id.id,
            }
        reports._dvk_reconcile_activities(
            "mail.mail_activity_data_todo",
            schedule,
            close=False,
            notify="each",
        )
        # sudo: the reminder flag is written by the system only
        reports.sudo().write({"reminder_sent": True})
        return len(reports)
