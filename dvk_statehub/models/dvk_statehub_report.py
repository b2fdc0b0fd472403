from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command, Domain

from .hr_department import AGENCY_KINDS

# What only the report's own steps write: computing the figures and sending
# (which issues the report: number, date).
ISSUED_FIELDS = ("state", "number", "sequence_number", "number_year", "date_sent")
# The document's parts, fixed once the report is sent.
DOCUMENT_FIELDS = (
    "kind",
    "campaign_id",
    "issuer_department_id",
    "addressee_id",
    "signer_id",
    "signer_title",
    "recipients",
)
DEFAULT_RECIPIENTS = "Như trên;\nLưu: VT."

REPORT_RULES = {
    "registration": "dvk_statehub.dvk_profile_statehub_rule_summary_registration",
    "results": "dvk_statehub.dvk_profile_statehub_rule_summary_results",
}
# Registrations count from their submission: drafts are not registered yet,
# refused ones are not registered.
UNREGISTERED_STATES = ("draft", "refused")
COMMENDATION_STATES = ("submitted", "commended")


class DvkStatehubReport(models.Model):
    """A report of the agencies to Sở Nội vụ (Decision 976/QĐ-UBND, Article
    8): in February the number of registered models, in October the
    recognition results and the commendation proposals, with the list of
    models and exemplars recognised two or more consecutive years (Article
    7.3). Its figures are kept on the report, so that a Sở Nội vụ officer
    reads the province-wide aggregate without reading the agencies' records
    (Article 9)."""

    _name = "dvk.statehub.report"
    _description = "DVK Report to the Department of Home Affairs"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, kind, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    kind = fields.Selection(
        [
            ("registration", "Registered Models (February)"),
            ("results", "Recognition Results and Commendation Proposals (October)"),
        ],
        required=True,
        default="registration",
        tracking=True,
    )
    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        domain="[('profile', '=', 'statehub')]",
    )
    year = fields.Integer(related="campaign_id.year", store=True)
    date_due = fields.Date(
        string="Due Date",
        compute="_compute_date_due",
        store=True,
        help="From the campaign's deadline line of the profile's rule.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent to Sở Nội vụ")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    # tracked: each computation leaves a line in the chatter (who counted
    # again, and when), as the figures it replaces are not kept
    date_computed = fields.Datetime(
        string="Computed On", readonly=True, copy=False, tracking=True
    )
    date_sent = fields.Date(readonly=True, copy=False, tracking=True)
    scope_department_ids = fields.Many2many(
        "hr.department",
        string="Units Covered",
        readonly=True,
        copy=False,
        help="Empty: every agency of the province.",
    )
    province_wide = fields.Boolean(
        string="Province-wide",
        compute="_compute_province_wide",
        store=True,
        help="The report covers every agency of the province.",
    )
    is_current = fields.Boolean(
        string="Latest Figures",
        compute="_compute_is_current",
        search="_search_is_current",
        help="The latest computed report of its campaign, kind and units: "
        "its figures are those in force (the province-wide figures add up "
        "these reports only, never an older computation of the same ones).",
    )
    line_ids = fields.One2many(
        "dvk.statehub.report.line", "report_id", string="Figures", readonly=True
    )
    consecutive_ids = fields.One2many(
        "dvk.statehub.report.consecutive",
        "report_id",
        string="Recognised Two or More Consecutive Years",
        readonly=True,
    )
    registered_total = fields.Integer(compute="_compute_totals")
    recognized_total = fields.Integer(compute="_compute_totals")
    commendation_total = fields.Integer(compute="_compute_totals")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    # The report is an official document (Decree 30/2020/NĐ-CP): issued by a
    # unit, numbered in its register when sent, signed, with its recipients.
    issuer_department_id = fields.Many2one(
        "hr.department",
        string="Issuing Unit",
        default=lambda self: self._default_issuer_department_id(),
        ondelete="restrict",
        tracking=True,
        check_company=True,
        context={"hierarchical_naming": False},
        help="The body that issues and signs the report: its header name, "
        "superior body, symbol and place of signing are printed from the "
        "unit's data.",
    )
    addressee_id = fields.Many2one(
        "hr.department",
        string="Addressed To",
        default=lambda self: self._default_addressee_id(),
        ondelete="restrict",
        tracking=True,
        check_company=True,
        context={"hierarchical_naming": False},
        domain="[('dvk_statehub_home_affairs', '=', True)]",
        help="Sở Nội vụ of the province, printed after Kính gửi.",
    )
    number = fields.Char(
        string="Number and Symbol",
        readonly=True,
        copy=False,
        tracking=True,
        help="Drawn from the issuing unit's register of the year when the "
        "report is sent, e.g. 05/BC-BCĐ.",
    )
    sequence_number = fields.Integer(
        string="Number in the Year", readonly=True, copy=False
    )
    number_year = fields.Integer(string="Year of the Number", readonly=True, copy=False)
    signer_id = fields.Many2one(
        "hr.employee",
        string="Signed By",
        compute="_compute_signer_id",
        store=True,
        readonly=False,
        tracking=True,
        check_company=True,
        help="The head of the issuing unit unless someone else signs.",
    )
    signer_title = fields.Char(
        string="Signer's Position",
        compute="_compute_signer_title",
        store=True,
        readonly=False,
        help="Printed above the signer's name. By default the title of the "
        "head (or of a deputy, when someone else signs) in the issuing unit's "
        "data, e.g. TRƯỞNG BAN, PHÓ TRƯỞNG BAN.",
    )
    recipients = fields.Text(
        default=DEFAULT_RECIPIENTS,
        help="Nơi nhận: one recipient per line, as printed at the foot of the report.",
    )

    _number_uniq = models.UniqueIndex(
        "(issuer_department_id, number_year, sequence_number) "
        "WHERE sequence_number IS NOT NULL",
        "This number is already used by a report of the issuing unit this year.",
    )

    @api.model
    def _default_issuer_department_id(self):
        """The unit in the user's charge, when there is one."""
        units = self.env.user.dvk_department_ids
        return units if len(units) == 1 else self.env["hr.department"]

    @api.model
    def _default_addressee_id(self):
        """Sở Nội vụ of the company, when it has one."""
        home_affairs = self.env["hr.department"].search(
            [
                ("dvk_statehub_home_affairs", "=", True),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            limit=2,
        )
        return home_affairs if len(home_affairs) == 1 else home_affairs.browse()

    @api.depends("issuer_department_id")
    def _compute_signer_id(self):
        for report in self:
            if report.state != "draft":
                continue
            # sudo: the issuing unit's head (a name and a position), not the
            # content of HR records
            report.signer_id = report.issuer_department_id.sudo().manager_id

    @api.depends("issuer_department_id", "signer_id")
    def _compute_signer_title(self):
        # The title the report prints: a sent report keeps the one it was
        # issued with.
        for report in self:
            if report.state != "draft":
                continue
            report.signer_title = report._dvk_default_signer_title()

    def _dvk_default_signer_title(self):
        """The signer's title from the issuing unit's data, as the printed
        report words it (False without an issuing unit)."""
        self.ensure_one()
        if not self.issuer_department_id:
            return False
        Forms = self.env["report.dvk_statehub.report_dvk_statehub_home_affairs"]
        return Forms._dvk_signer_title(self.issuer_department_id, self.signer_id)

    dvk_can_prepare = fields.Boolean(
        compute="_compute_dvk_can_prepare",
        help="The current user computes and sends this report: the agencies' "
        "DVK officer who may write it, or a DVK manager; Sở Nội vụ, to whom it "
        "is addressed, reads it.",
    )

    dvk_can_send = fields.Boolean(
        compute="_compute_dvk_can_send",
        help="The current user sends this report: he prepares it and its "
        "issuing unit is in his charge (or he is a DVK manager).",
    )

    @api.depends_context("uid")
    def _compute_dvk_can_prepare(self):
        """The predicate of the Compute button: what
        :meth:`_statehub_check_preparer` accepts."""
        if not self._statehub_is_preparer():
            self.dvk_can_prepare = False
            return
        writable = self._filtered_access("write")
        for report in self:
            report.dvk_can_prepare = report in writable

    @api.depends_context("uid")
    @api.depends("issuer_department_id")
    def _compute_dvk_can_send(self):
        """The predicate of the Send button: what :meth:`action_send`'s
        guards accept (:meth:`_statehub_check_preparer` and
        :meth:`_check_issuer_scope`)."""
        outside = self._statehub_issuers_outside_scope()
        for report in self:
            report.dvk_can_send = (
                report.dvk_can_prepare and not report.issuer_department_id & outside
            )

    @api.depends_context("lang")
    @api.depends("kind", "year")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for report in self:
            report.name = f"{kinds.get(report.kind, '')} {report.year or ''}".strip()

    @api.depends("kind", "campaign_id.deadline_ids.date")
    def _compute_date_due(self):
        for report in self:
            report.date_due = (
                report.campaign_id._statehub_deadline(REPORT_RULES[report.kind])
                if report.campaign_id
                else False
            )

    @api.depends("scope_department_ids")
    def _compute_province_wide(self):
        for report in self:
            report.province_wide = not report.scope_department_ids

    @api.model
    def _statehub_current_ids(self):
        """Ids of the latest computed report of each company, campaign, kind
        and set of units covered. A fact about the reports, whoever reads
        them: a newer computation elsewhere makes a report an old one."""
        # sudo: only when and for what each report was computed is read
        reports = self.sudo().search_fetch(
            [("date_computed", "!=", False)],
            ["company_id", "campaign_id", "kind", "date_computed"],
            order="date_computed desc, id desc",
        )
        latest = {}
        for report in reports:
            key = (
                report.company_id.id,
                report.campaign_id.id,
                report.kind,
                tuple(sorted(report.scope_department_ids.ids)),
            )
            latest.setdefault(key, report.id)
        return set(latest.values())

    def _compute_is_current(self):
        current = self._statehub_current_ids()
        for report in self:
            report.is_current = report._origin.id in current

    def _search_is_current(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        wanted = {bool(v) for v in value}
        if len(wanted) != 1:
            return Domain.TRUE if (operator == "in") == bool(wanted) else Domain.FALSE
        current = list(self._statehub_current_ids())
        if (True in wanted) == (operator == "in"):
            return Domain("id", "in", current)
        return Domain("id", "not in", current)

    @api.depends("line_ids")
    def _compute_totals(self):
        for report in self:
            lines = report.line_ids
            report.registered_total = sum(lines.mapped("registered_count"))
            report.recognized_total = sum(lines.mapped("recognized_count"))
            report.commendation_total = sum(lines.mapped("commendation_count"))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "draft") != "draft"
            or any(vals.get(fname) for fname in ISSUED_FIELDS[1:])
            for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "A report is created as a draft; its number is drawn when it "
                    "is sent."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if set(ISSUED_FIELDS) & set(vals):
                raise UserError(
                    self.env._(
                        "The number, date and state of a report change only "
                        "when it is computed and sent."
                    )
                )
            sent = self.filtered(lambda r: r.state != "draft")
            if sent and set(DOCUMENT_FIELDS) & set(vals):
                raise UserError(
                    self.env._(
                        "%(name)s has been sent to Sở Nội vụ: it is kept as issued.",
                        name=sent[0].display_name,
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    def _statehub_is_province_wide(self):
        return self.env.user.has_group("dvk_models.group_dvk_manager")

    def _statehub_is_preparer(self):
        """The agencies prepare their reports (Article 8): a DVK officer or
        manager; Sở Nội vụ receives them."""
        return self.env.user.has_group("dvk_models.group_dvk_officer")

    def _statehub_check_preparer(self):
        if not self._statehub_is_preparer():
            raise UserError(
                self.env._(
                    "The agencies' DVK officers compute and send their reports to "
                    "Sở Nội vụ, which reads them."
                )
            )
        self.check_access("write")

    def _statehub_scope(self):
        """The units the report covers: every agency for DVK managers and for
        an officer in charge of them all (the province's), the units in an
        officer's charge otherwise."""
        self._statehub_check_preparer()
        if self._statehub_is_province_wide():
            return None
        scope = self.env.user._dvk_scope_units()
        # sudo: which units are agencies is configuration
        Department = self.env["hr.department"].sudo()
        agencies = Department.search(
            [
                ("dvk_statehub_kind", "in", AGENCY_KINDS),
                ("company_id", "in", [self.company_id.id, False]),
            ]
        )
        if agencies and not agencies - scope:
            return None
        return scope

    def _statehub_agency_map(self, units):
        """``{unit id: agency}`` for ``units``: the nearest unit of an agency
        kind at or above each, in one query whatever their number."""
        # sudo: the organisation tree is configuration, read for the counts
        Department = self.env["hr.department"].sudo()
        agencies = Department.with_context(active_test=False).search_fetch(
            [("dvk_statehub_kind", "in", AGENCY_KINDS)], ["parent_path", "name"]
        )
        by_id = {agency.id: agency for agency in agencies}
        result = {}
        for unit in units:
            ids = [int(i) for i in (unit.parent_path or "").split("/") if i]
            agency = next((by_id[i] for i in reversed(ids) if i in by_id), None)
            result[unit.id] = self.env["hr.department"].browse(
                agency.id if agency else unit.id
            )
        return result

    def _statehub_models(self, scope):
        domain = Domain("campaign_id", "=", self.campaign_id.id) & Domain(
            "company_id", "=", self.company_id.id
        )
        if scope is not None:
            domain &= Domain("department_id", "in", scope.ids)
        # sudo: the report keeps counts and names only (Article 9), whoever
        # reads it; the scope above limits what an officer counts.
        return (
            self.env["dvk.model"]
            .sudo()  # sudo: counts and names only go to the report
            .search_fetch(
                domain,
                [
                    "department_id",
                    "field_id",
                    "subject_type",
                    "state",
                    "approval_date",
                    "recognized_level_id",
                    "level_id",
                    "consecutive_years",
                ],
            )
        )

    def _statehub_line_values(self, models_, scope):
        """Counts per (agency, field, level): the level a model is recognised
        at (results), else the level it aims at."""
        units = models_.department_id
        units.fetch(["parent_path"])
        agency_of = self._statehub_agency_map(units)
        commended = set()
        inspections = {}
        if self.kind == "results":
            # sudo: counted, not shown (see _statehub_models)
            proposals = (
                self.env["dvk.statehub.commendation"]
                .sudo()  # sudo: counts and names only go to the report
                .search_fetch(
                    [
                        ("campaign_id", "=", self.campaign_id.id),
                        ("state", "in", COMMENDATION_STATES),
                    ],
                    ["model_ids"],
                )
            )
            # Proposed for commendation: by a steering committee (Article
            # 7.2) or on the list for the province (Article 7.3), one
            # definition for the figures and the list.
            commended = set(proposals.model_ids.ids) | set(
                self._statehub_streak_models(models_).ids
            )
            # sudo: counted, not shown (see _statehub_models)
            inspections = dict(
                self.env["dvk.statehub.inspection"]
                .sudo()  # sudo: counts and names only go to the report
                ._read_group(
                    [("model_id", "in", models_.ids)], ["model_id"], ["__count"]
                )
            )
            inspections = {model.id: count for model, count in inspections.items()}
        groups = {}
        for model in models_:
            if model.state in UNREGISTERED_STATES:
                continue
            recognized = bool(model.recognized_level_id)
            if self.kind == "results" and not (recognized or model.id in commended):
                continue
            level = model.recognized_level_id if recognized else model.level_id
            key = (agency_of[model.department_id.id].id, model.field_id.id, level.id)
            entry = groups.setdefault(
                key,
                {
                    "collective_count": 0,
                    "individual_count": 0,
                    "registered_count": 0,
                    "approved_count": 0,
                    "recognized_count": 0,
                    "commendation_count": 0,
                    "inspection_count": 0,
                },
            )
            entry[
                "individual_count"
                if model.subject_type == "individual"
                else "collective_count"
            ] += 1
            # Each figure is counted by the report of its month only
            # (Article 8), so that figures of the February and October
            # reports of a year never add up to each other.
            if self.kind == "registration":
                entry["registered_count"] += 1
                if model.approval_date:
                    entry["approved_count"] += 1
                continue
            if recognized:
                entry["recognized_count"] += 1
            if model.id in commended:
                entry["commendation_count"] += 1
            entry["inspection_count"] += inspections.get(model.id, 0)
        return [
            dict(values, agency_id=agency, field_id=field, level_id=level)
            for (agency, field, level), values in sorted(
                groups.items(), key=lambda item: tuple(v or 0 for v in item[0])
            )
        ]

    def _statehub_exemplar_streaks(self, scope):
        """Recognised exemplars of the year with the number of consecutive
        years, up to it, their subject (the unit or the person) was
        recognised as a state-agency exemplar."""
        domain = (
            Domain(
                "profile",
                "in",
                self.env["dvk.profile"]._dvk_codes_following("statehub"),
            )
            & Domain("state", "=", "recognized")
            & Domain("company_id", "=", self.company_id.id)
            & Domain("year", "<=", self.year)
        )
        # sudo: names and years only go to the report (Article 9)
        exemplars = (
            self.env["dvk.exemplar"]
            .sudo()  # sudo: counts and names only go to the report
            .search_fetch(
                domain, ["year", "subject_type", "department_id", "employee_id", "name"]
            )
        )
        years = {}
        for exemplar in exemplars:
            years.setdefault(self._statehub_subject_key(exemplar), set()).add(
                exemplar.year
            )
        result = []
        for exemplar in exemplars:
            if exemplar.year != self.year:
                continue
            if scope is not None and exemplar.department_id not in scope:
                continue
            done = years[self._statehub_subject_key(exemplar)]
            streak = 0
            while self.year - streak in done:
                streak += 1
            result.append((exemplar, streak))
        return result

    @staticmethod
    def _statehub_subject_key(exemplar):
        if exemplar.subject_type == "individual":
            return ("e", exemplar.employee_id.id)
        return ("d", exemplar.department_id.id)

    @api.model
    def _statehub_streak_models(self, models_):
        """The models of ``models_`` on the list of Article 7.3, proposed for
        the province's commendation: recognised two or more consecutive
        years."""
        return models_.filtered(
            lambda m: m.state == "recognized" and m.consecutive_years >= 2
        )

    def _statehub_consecutive_values(self, models_, scope):
        """Article 7.3: models (the core's consecutive years along the
        previous-year lineage, so a renewal in a successor unit keeps its
        streak) and exemplars recognised two or more consecutive years."""
        streaks = self._statehub_streak_models(models_)
        exemplars = [
            (e, n) for e, n in self._statehub_exemplar_streaks(scope) if n >= 2
        ]
        units = streaks.department_id | self.env["hr.department"].browse(
            [e.department_id.id for e, _n in exemplars]
        )
        agency_of = self._statehub_agency_map(units.sudo())  # sudo: tree only
        streaks.fetch(["name", "employee_id"])
        values = []
        for model in streaks:
            values.append(
                {
                    "record_type": "model",
                    "model_id": model.id,
                    "name": model.name,
                    "subject_name": model.employee_id.name
                    if model.subject_type == "individual"
                    else model.department_id.name,
                    "agency_id": agency_of[model.department_id.id].id,
                    "field_id": model.field_id.id,
                    "level_id": model.recognized_level_id.id,
                    "years": model.consecutive_years,
                    "year_list": ", ".join(
                        str(y)
                        for y in range(
                            self.year - model.consecutive_years + 1, self.year + 1
                        )
                    ),
                }
            )
        for exemplar, streak in exemplars:
            values.append(
                {
                    "record_type": "exemplar",
                    "exemplar_id": exemplar.id,
                    "name": exemplar.name,
                    "subject_name": exemplar.employee_id.name
                    if exemplar.subject_type == "individual"
                    else exemplar.department_id.name,
                    "agency_id": agency_of[exemplar.department_id.id].id,
                    "years": streak,
                    "year_list": ", ".join(
                        str(y) for y in range(self.year - streak + 1, self.year + 1)
                    ),
                }
            )
        return values

    def action_compute(self):
        """Count the registrations or results of the year again."""
        self._statehub_check_preparer()
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._("A report sent to Sở Nội vụ is kept."))
            scope = report._statehub_scope()
            models_ = report._statehub_models(scope)
            lines = report._statehub_line_values(models_, scope)
            consecutive = (
                report._statehub_consecutive_values(models_, scope)
                if report.kind == "results"
                else []
            )
            # sudo: the figures are written only by this computation
            report.sudo().write(
                {
                    "line_ids": [Command.clear()]
                    + [Command.create(vals) for vals in lines],
                    "consecutive_ids": [Command.clear()]
                    + [Command.create(vals) for vals in consecutive],
                    "date_computed": fields.Datetime.now(),
                    "scope_department_ids": [
                        Command.set(scope.ids if scope is not None else [])
                    ],
                }
            )
        return True

    def _statehub_issuers_outside_scope(self):
        """The issuing units of these reports that are outside the current
        user's charge: none for DVK managers, who issue for any unit."""
        if self.env.su or self.env.user.has_group("dvk_models.group_dvk_manager"):
            return self.env["hr.department"]
        return self.issuer_department_id - self.env.user._dvk_scope_units()

    def _check_issuer_scope(self):
        """A report is issued in the name of a unit in the sender's charge
        (or below it), as decisions are; DVK managers issue for any unit."""
        outside = self._statehub_issuers_outside_scope()
        if outside:
            raise AccessError(
                self.env._(
                    "%(unit)s is outside the units in your charge: you cannot "
                    "issue its reports.",
                    unit=", ".join(outside.mapped("display_name")),
                )
            )

    def action_send(self):
        """Issue the report: its number is drawn from the issuing unit's
        register of the year (gapless, race-free, shared with the unit's
        decisions), dated today."""
        self._statehub_check_preparer()
        for report in self:
            if report.state != "draft" or not report.date_computed:
                raise UserError(self.env._("Compute the report before sending it."))
            if not report.issuer_department_id or not report.signer_id:
                raise UserError(
                    self.env._(
                        "Choose the issuing unit and the signer of %(name)s "
                        "before sending it.",
                        name=report.display_name,
                    )
                )
        self._check_issuer_scope()
        self.check_access("write")
        self.lock_for_update()
        today = fields.Date.context_today(self)
        for report in self:
            issuer = report.issuer_department_id
            number = self.env["dvk.decision.counter"]._draw(issuer, today.year)
            # sudo: number, date and state written by this step after the
            # checks above
            report.sudo().write(
                {
                    "state": "sent",
                    "date_sent": today,
                    "sequence_number": number,
                    "number_year": today.year,
                    "number": issuer._dvk_document_number("BC", number, party=False),
                }
            )
        self._statehub_notify_home_affairs()
        return True

    def _statehub_notify_home_affairs(self):
        """Sở Nội vụ's officers of the report's company find the sent report
        in their Odoo inbox (Article 9: it gathers what the agencies send),
        as a copy to keep whatever their notification preference, as the
        police's tracking copies; one batch of messages and notifications."""
        group = self.env.ref("dvk_statehub.group_dvk_statehub_home_affairs")
        users = (
            self.env["res.users"]
            .sudo()  # sudo: who the officers of Sở Nội vụ are is configuration
            .search(
                [
                    ("all_group_ids", "in", group.ids),
                    ("company_ids", "in", self.company_id.ids),
                    ("share", "=", False),
                ]
            )
        )
        notif_vals = []
        for report in self:
            readers = users.filtered(lambda u, r=report: r.company_id in u.company_ids)
            if not readers:
                continue
            message = report.message_post(
                body=self.env._(
                    "%(name)s, %(number)s of %(issuer)s, has been sent to Sở Nội vụ.",
                    name=report.display_name,
                    number=report.number,
                    issuer=report.issuer_department_id.name,
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            notif_vals += [
                {
                    "mail_message_id": message.id,
                    "res_partner_id": partner.id,
                    "notification_type": "inbox",
                    "is_read": False,
                }
                for partner in readers.partner_id
            ]
        if notif_vals:
            # sudo: the notices of the recipients, created by this step only
            self.env["mail.notification"].sudo().create(notif_vals)


class DvkStatehubReportLine(models.Model):
    _name = "dvk.statehub.report.line"
    _description = "DVK Report to Sở Nội vụ: Figures"
    _order = "report_id, agency_id, field_id, level_id, id"

    report_id = fields.Many2one(
        "dvk.statehub.report", required=True, ondelete="cascade", index=True
    )
    agency_id = fields.Many2one(
        "hr.department", ondelete="set null", context={"hierarchical_naming": False}
    )
    field_id = fields.Many2one("dvk.field", ondelete="set null")
    level_id = fields.Many2one(
        "dvk.level", string="Level in the Ladder", ondelete="set null"
    )
    level_label = fields.Char(
        string="Level",
        compute="_compute_level_label",
        help="The level in the words of the campaign's chain, as the report "
        'prints it (the provincial departments are "sở, ban, ngành").',
    )
    collective_count = fields.Integer(string="Collectives")
    individual_count = fields.Integer(string="Individuals")
    registered_count = fields.Integer(string="Registered")
    approved_count = fields.Integer(string="Approved")
    recognized_count = fields.Integer(string="Recognised")
    commendation_count = fields.Integer(string="Proposed for Commendation")
    inspection_count = fields.Integer(string="Inspections")
    kind = fields.Selection(related="report_id.kind", store=True)
    year = fields.Integer(related="report_id.year", store=True)
    campaign_id = fields.Many2one(related="report_id.campaign_id", store=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True)

    @api.depends("level_id", "campaign_id")
    def _compute_level_label(self):
        """The one naming of a level that the screen, the PDF and the XLSX
        share: the campaign's chain (``dvk.campaign._dvk_level_name``)."""
        for line in self:
            line.level_label = line.campaign_id._dvk_level_name(line.level_id)


class DvkStatehubReportConsecutive(models.Model):
    _name = "dvk.statehub.report.consecutive"
    _description = "DVK Report to Sở Nội vụ: Consecutive Years"
    _order = "report_id, years desc, agency_id, id"

    report_id = fields.Many2one(
        "dvk.statehub.report", required=True, ondelete="cascade", index=True
    )
    record_type = fields.Selection(
        [("model", "Model"), ("exemplar", "Exemplar")],
        string="Record Kind",
        required=True,
    )
    model_id = fields.Many2one(
        "dvk.model", ondelete="set null", groups="dvk_models.group_dvk_officer"
    )
    exemplar_id = fields.Many2one(
        "dvk.exemplar", ondelete="set null", groups="dvk_models.group_dvk_officer"
    )
    name = fields.Char(required=True)
    subject_name = fields.Char(string="Collective or Individual")
    agency_id = fields.Many2one(
        "hr.department", ondelete="set null", context={"hierarchical_naming": False}
    )
    field_id = fields.Many2one("dvk.field", ondelete="set null")
    level_id = fields.Many2one(
        "dvk.level", string="Recognised Level", ondelete="set null"
    )
    years = fields.Integer(string="Consecutive Years")
    year_list = fields.Char(string="Years")
    company_id = fields.Many2one(related="report_id.company_id", store=True)
