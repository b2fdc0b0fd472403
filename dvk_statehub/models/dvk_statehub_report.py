from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

# What only the report's own steps write: computing the figures and sending
# (which issues the report: number, date).
ISSUED_FIELDS = (
    "state",
    "number",
    "sequence_number",
    "number_year",
    "number_period_start",
    "date_sent",
)
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
    # The report's concerns, one file each (dvk_statehub_report_*.py).
    _inherit = [
        "dvk.statehub.report.compute",
        "dvk.statehub.report.send",
        "mail.thread",
        "mail.activity.mixin",
    ]
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
    number_period_start = fields.Date(
        string="Numbering Period Start",
        readonly=True,
        copy=False,
        help="The start of the period of the issuing unit's numbering series "
        "the number was drawn in (1 January for a body numbering by year).",
    )
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
        "(issuer_department_id, number_period_start, sequence_number) "
        "WHERE sequence_number IS NOT NULL",
        "This number is already used by a report of the issuing unit in its "
        "numbering period.",
    )

    @api.model
    def _default_issuer_department_id(self):
        """The unit in the user's charge, when there is one."""
        units = self.env.user.dvk_department_ids
        return units if len(units) == 1 else self.env["hr.department"]

    @api.model
    def _default_addressee_id(self):
        """Sở Nội vụ of the company in force today, when it has one: the
        dated addressee of the company's units (a merged province addresses
        the Sở Nội vụ of the new province from the day of the merger), else
        its only Sở Nội vụ."""
        today = fields.Date.context_today(self)
        # sudo: which Sở Nội vụ the agencies address is configuration
        receivers = self.env["dvk.receiver"].sudo()
        dated = receivers.search(
            [
                ("kind", "=", "home_affairs"),
                ("receiver_id", "!=", False),
                ("department_id.company_id", "in", [False, self.env.company.id]),
                "|",
                ("date_from", "=", False),
                ("date_from", "<=", today),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", today),
            ]
        )
        if len(dated.receiver_id) == 1:
            return self.env["hr.department"].browse(dated.receiver_id.ids)
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
        string="Can Send",
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
