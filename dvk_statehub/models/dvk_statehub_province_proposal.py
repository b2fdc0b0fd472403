from odoo import api, fields, models
from odoo.exceptions import UserError

# The document's parts, fixed once the proposal is sent to Sở Nội vụ.
DOCUMENT_FIELDS = (
    "name",
    "date",
    "campaign_id",
    "issuer_department_id",
    "addressee_id",
    "report_id",
)
# The lines guard themselves (dvk.statehub.province.proposal.line): the list
# is fixed once sent, only Sở Nội vụ's result of each line changes after.
# What Sở Nội vụ records while it reviews the proposal.
REVIEW_FIELDS = ("decision_ref", "decision_date", "review_note")


class DvkStatehubProvinceProposal(models.Model):
    """The proposal for the province's commendation of the models and
    exemplars recognised two or more consecutive years (Decision
    976/QĐ-UBND, Article 7.3): an agency lists them and sends the list to Sở
    Nội vụ, which gathers the lists and proposes their commendation (Article
    9); the province's decision then commends them, or Sở Nội vụ does not put
    the list forward."""

    _name = "dvk.statehub.province.proposal"
    _description = "DVK Proposal for the Province's Commendation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number and Symbol",
        tracking=True,
        help="Number and symbol of the agency's letter, e.g. 12/TTr-BCĐ.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        domain="[('profile', '=', 'statehub')]",
    )
    year = fields.Integer(related="campaign_id.year", store=True)
    report_id = fields.Many2one(
        "dvk.statehub.report",
        string="From the Report",
        ondelete="set null",
        check_company=True,
        help="The October report whose list of Article 7.3 the proposal takes.",
    )
    issuer_department_id = fields.Many2one(
        "hr.department",
        string="Proposed By",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        context={"hierarchical_naming": False},
        help="The agency (its steering committee) that proposes.",
    )
    addressee_id = fields.Many2one(
        "hr.department",
        string="Addressed To",
        ondelete="restrict",
        tracking=True,
        check_company=True,
        context={"hierarchical_naming": False},
        domain="[('dvk_statehub_home_affairs', '=', True)]",
        default=lambda self: self.env["dvk.statehub.report"]._default_addressee_id(),
        help="Sở Nội vụ of the province.",
    )
    line_ids = fields.One2many(
        "dvk.statehub.province.proposal.line", "proposal_id", string="Proposed"
    )
    line_count = fields.Integer(string="Records", compute="_compute_line_count")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent to Sở Nội vụ"),
            ("proposed", "Proposed by Sở Nội vụ"),
            ("decided", "Decided"),
            ("refused", "Not Put Forward"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_sent = fields.Date(readonly=True, copy=False, tracking=True)
    date_proposed = fields.Date(
        string="Put Forward On", readonly=True, copy=False, tracking=True
    )
    decision_ref = fields.Char(
        string="Commendation Decision",
        copy=False,
        tracking=True,
        help="Number of the province's commendation decision.",
    )
    decision_date = fields.Date(
        string="Date of the Decision", copy=False, tracking=True
    )
    review_note = fields.Text(
        string="Sở Nội vụ's Note",
        copy=False,
        tracking=True,
        help="Why Sở Nội vụ does not put the list forward, or its remarks.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    dvk_can_send = fields.Boolean(string="Can Send", compute="_compute_dvk_can")
    dvk_can_review = fields.Boolean(string="Can Review", compute="_compute_dvk_can")

    def _compute_line_count(self):
        for proposal in self:
            proposal.line_count = len(proposal.line_ids)

    @api.depends_context("uid")
    @api.depends("state", "issuer_department_id")
    def _compute_dvk_can(self):
        """The predicates of the buttons: what the guards of
        :meth:`action_send` and of Sở Nội vụ's steps accept."""
        sender = self._dvk_sender_allowed()
        reviewer = self._dvk_is_reviewer()
        for proposal in self:
            proposal.dvk_can_send = proposal.state == "draft" and proposal in sender
            proposal.dvk_can_review = (
                proposal.state in ("sent", "proposed") and reviewer
            )

    # ------------------------------------------------------------------
    # Who acts
    # ------------------------------------------------------------------
    def _dvk_sender_allowed(self):
        """The proposals the current user sends: a DVK officer in charge of
        the proposing agency, or a DVK manager."""
        user = self.env.user
        if self.env.su or user.has_group("dvk_models.group_dvk_manager"):
            return self
        if not user.has_group("dvk_models.group_dvk_officer"):
            return self.browse()
        scope = user._dvk_scope_units()
        return self.filtered(lambda p: p.issuer_department_id in scope)

    @api.model
    def _dvk_is_reviewer(self):
        """Sở Nội vụ's officers (and DVK managers) review the proposals
        (Article 9)."""
        user = self.env.user
        return bool(
            self.env.su
            or user.has_group("dvk_models.group_dvk_manager")
            or user.has_group("dvk_statehub.group_dvk_statehub_home_affairs")
        )

    def _dvk_check_reviewer(self):
        if not self._dvk_is_reviewer():
            raise UserError(
                self.env._(
                    "Only Sở Nội vụ (or a DVK manager) reviews a proposal for the "
                    "province's commendation%(cite)s.",
                    cite=self._dvk_cite("province_commendation_home_affairs"),
                )
            )

    def _dvk_cite(self, code):
        profile = self[:1].campaign_id.profile_id
        return self.env["dvk.rule"]._dvk_cite(code, profile=profile or None)

    def _dvk_check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for proposal in self:
            if proposal.state not in states:
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: this step is not open to it.",
                        name=proposal.display_name,
                        state=labels[proposal.state].lower(),
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.depends("name", "issuer_department_id", "year")
    def _compute_display_name(self):
        for proposal in self:
            proposal.display_name = self.env._(
                "Proposal %(number)s of %(unit)s (%(year)s)",
                number=proposal.name or "",
                unit=proposal.issuer_department_id.name or "",
                year=proposal.year or "",
            ).replace("  ", " ")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "draft") != "draft" for vals in vals_list
        ):
            raise UserError(self.env._("A proposal is created as a draft."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "state" in vals or {"date_sent", "date_proposed"} & set(vals):
                raise UserError(
                    self.env._("The state of a proposal changes through its steps.")
                )
            sent = self.filtered(lambda p: p.state != "draft")
            if sent and set(DOCUMENT_FIELDS) & set(vals):
                raise UserError(
                    self.env._(
                        "%(name)s has been sent to Sở Nội vụ: it is kept as sent.",
                        name=sent[0].display_name,
                    )
                )
            if set(REVIEW_FIELDS) & set(vals):
                self._dvk_check_reviewer()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if any(p.state != "draft" for p in self):
            raise UserError(self.env._("A proposal sent to Sở Nội vụ is kept."))

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def action_send(self):
        """The agency sends its list to Sở Nội vụ (Article 7.3)."""
        self._dvk_check_state(("draft",))
        refused = self - self._dvk_sender_allowed()
        if refused:
            raise UserError(
                self.env._(
                    "%(unit)s is outside the units in your charge: you cannot "
                    "send its proposal.",
                    unit=refused[0].issuer_department_id.name,
                )
            )
        for proposal in self:
            if not proposal.line_ids:
                raise UserError(
                    self.env._(
                        "%(name)s lists no model or exemplar recognised two or "
                        "more consecutive years%(cite)s.",
                        name=proposal.display_name,
                        cite=proposal._dvk_cite("model_consecutive_years"),
                    )
                )
            short = proposal.line_ids.filtered(lambda line: line.years < 2)
            if short:
                raise UserError(
                    self.env._(
                        "%(record)s was recognised %(years)s year(s) in a row: "
                        "the province's commendation is proposed for two or "
                        "more consecutive years%(cite)s.",
                        record=short[0].name,
                        years=short[0].years,
                        cite=proposal._dvk_cite("model_consecutive_years"),
                    )
                )
        # sudo: state and date written by this step after the checks above
        self.sudo().write(
            {"state": "sent", "date_sent": fields.Date.context_today(self)}
        )
        return True

    def action_propose(self):
        """Sở Nội vụ puts the list forward for the province's commendation
        (Article 9)."""
        self._dvk_check_reviewer()
        self._dvk_check_state(("sent",))
        # sudo: state and date written by this step after the checks above
        self.sudo().write(
            {"state": "proposed", "date_proposed": fields.Date.context_today(self)}
        )
        return True

    def action_refuse(self):
        """Sở Nội vụ does not put the list forward; its note says why."""
        self._dvk_check_reviewer()
        self._dvk_check_state(("sent", "proposed"))
        for proposal in self:
            if not (proposal.review_note or "").strip():
                raise UserError(
                    self.env._(
                        "Write in Sở Nội vụ's note why %(name)s is not put forward.",
                        name=proposal.display_name,
                    )
                )
        # sudo: state written by this step after the checks above
        self.sudo().write({"state": "refused"})
        return True

    def action_decide(self):
        """The province's decision is recorded: the lines still pending are
        commended, those marked otherwise are not; each commended model or
        exemplar is told in its history."""
        self._dvk_check_reviewer()
        self._dvk_check_state(("proposed",))
        for proposal in self:
            if not proposal.decision_ref or not proposal.decision_date:
                raise UserError(
                    self.env._(
                        "Record the number and date of the province's "
                        "commendation decision of %(name)s.",
                        name=proposal.display_name,
                    )
                )
        # sudo: results written by this step after the checks above
        self.sudo().line_ids.filtered(lambda line: line.result == "pending").write(
            {"result": "commended"}
        )
        # sudo: state written by this step after the checks above
        self.sudo().write({"state": "decided"})
        for proposal in self:
            body = self.env._(
                "Commended by the province: decision %(ref)s of %(date)s "
                "(proposal %(number)s of %(unit)s, two or more consecutive "
                "years).",
                ref=proposal.decision_ref,
                date=proposal.decision_date.strftime("%d/%m/%Y"),
                number=proposal.name or "",
                unit=proposal.issuer_department_id.name,
            )
            commended = proposal.line_ids.filtered(
                lambda line: line.result == "commended"
            )
            # sudo: the note goes on records of units in the agency's scope,
            # which Sở Nội vụ does not read
            for record in [*commended.sudo().model_id, *commended.sudo().exemplar_id]:
                record.message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def action_open_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.statehub.province.proposal.line",
            "name": self.env._("Proposed"),
            "view_mode": "list",
            "domain": [("proposal_id", "=", self.id)],
        }
