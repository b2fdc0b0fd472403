from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

AUTHORITY_TITLES = {
    "commune": "Chủ tịch",
    "district": "Chủ tịch",
    "department": "Thủ trưởng",
    "public_unit": "Thủ trưởng",
}


class DvkStatehubCommendation(models.Model):
    """A proposal for commendation (Decision 976/QĐ-UBND, Article 7.2): after
    recognising its models, the steering committee of an agency proposes to
    the authority that commends: a commune's to the commune People's
    Committee, a district's to the district People's Committee, a
    department's to the head of the department. The submission letter goes to
    that authority, whose decision then commends."""

    _name = "dvk.statehub.commendation"
    _description = "DVK Commendation Proposal (State Agencies)"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Submission Number",
        tracking=True,
        help="Number and symbol of the submission letter, e.g. 12/TTr-BCĐ.",
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
    committee_id = fields.Many2one(
        "hr.department",
        string="Proposed By",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('dvk_is_steering_committee', '=', True)]",
        context={"hierarchical_naming": False},
        help="The steering committee that recognised the models.",
    )
    authority_id = fields.Many2one(
        "hr.department",
        string="Commending Authority",
        compute="_compute_authority_id",
        store=True,
        context={"hierarchical_naming": False},
        help="The People's Committee of the commune or district, or the "
        "department whose head commends (Article 7.2).",
    )
    authority_title = fields.Char(compute="_compute_authority_title")
    model_ids = fields.Many2many(
        "dvk.model",
        "dvk_statehub_commendation_model_rel",
        "commendation_id",
        "model_id",
        string="Models",
        domain="[('campaign_id', '=', campaign_id), ('state', '=', 'recognized')]",
    )
    exemplar_ids = fields.Many2many(
        "dvk.exemplar",
        "dvk_statehub_commendation_exemplar_rel",
        "commendation_id",
        "exemplar_id",
        string="Exemplars",
        domain="[('campaign_id', '=', campaign_id), ('state', '=', 'recognized')]",
    )
    award_form = fields.Selection(
        [
            ("giay_khen", "Certificate of Merit"),
            ("bang_khen", "Certificate of Commendation"),
            ("other", "Other Form of Commendation"),
        ],
        string="Form of Commendation",
        default="giay_khen",
        required=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("commended", "Commended"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    decision_ref = fields.Char(
        string="Commendation Decision",
        tracking=True,
        copy=False,
        help="Number of the authority's commendation decision.",
    )
    decision_date = fields.Date(string="Date of the Decision", copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("committee_id")
    def _compute_authority_id(self):
        for proposal in self:
            agency = (
                proposal.committee_id._dvk_statehub_agency()
                if proposal.committee_id
                else proposal.committee_id
            )
            proposal.authority_id = agency

    @api.depends("authority_id")
    def _compute_authority_title(self):
        for proposal in self:
            agency = proposal.authority_id
            # sudo: the kind of the agency is configuration
            kind = agency.sudo().dvk_statehub_kind
            proposal.authority_title = (
                f"{AUTHORITY_TITLES.get(kind, 'Thủ trưởng')} {agency.name}"
                if agency
                else ""
            )

    @api.constrains("model_ids", "exemplar_ids", "committee_id", "campaign_id")
    def _check_records(self):
        for proposal in self:
            for record in list(proposal.model_ids) + list(proposal.exemplar_ids):
                if (
                    record.campaign_id != proposal.campaign_id
                    or record.state != "recognized"
                    or record.department_id._dvk_statehub_committee()
                    != proposal.committee_id
                ):
                    raise ValidationError(
                        self.env._(
                            "%(name)s is not a model or exemplar recognised in "
                            "%(campaign)s by %(committee)s.",
                            name=record.display_name,
                            campaign=proposal.campaign_id.name,
                            committee=proposal.committee_id.name,
                        )
                    )

    def write(self, vals):
        if not self.env.su and set(vals) - {"decision_ref", "decision_date"}:
            if any(p.state != "draft" for p in self):
                raise UserError(
                    self.env._("A submitted proposal can no longer be edited.")
                )
        return super().write(vals)

    def _check_scope(self):
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            return
        if not user.has_group("dvk_models.group_dvk_officer"):
            raise UserError(self.env._("Only a DVK officer or manager can do this."))
        outside = self.committee_id - user._dvk_scope_units()
        if outside:
            raise UserError(
                self.env._(
                    "%(unit)s is outside the units in your charge.",
                    unit=", ".join(outside.mapped("name")),
                )
            )

    def action_submit(self):
        self._check_scope()
        for proposal in self:
            if proposal.state != "draft":
                raise UserError(self.env._("The proposal has already been sent."))
            if not proposal.model_ids and not proposal.exemplar_ids:
                raise UserError(self.env._("Add the models or exemplars proposed."))
            if not proposal.authority_id:
                raise UserError(
                    self.env._(
                        "%(committee)s belongs to no agency that could commend.",
                        committee=proposal.committee_id.name,
                    )
                )
            proposal._dvk_check_district_route()
        # sudo: state written by this step after the checks above
        self.sudo().write({"state": "submitted"})
        return True

    def _dvk_check_district_route(self):
        """The district People's Committees ended on 30/6/2025 (two-tier
        local government): from 1/7/2025 no proposal goes from a district
        steering committee to a district People's Committee. The end is the
        dated rule ``statehub_district_committee_ended``."""
        self.ensure_one()
        # sudo: the kind of the agency is configuration
        if self.authority_id.sudo().dvk_statehub_kind != "district":
            return
        Rule = self.env["dvk.rule"]
        if not Rule._dvk_rule("statehub_district_committee_ended", self.date):
            return
        raise UserError(
            self.env._(
                "%(authority)s no longer commends on %(date)s: the district "
                "People's Committees ended on 30/6/2025%(rule)s. Propose the "
                "models of %(committee)s to the authority that now commends "
                "them, or date the proposal before 1/7/2025 if it was sent then.",
                authority=self.authority_id.name,
                date=self.date.strftime("%d/%m/%Y"),
                rule=Rule._dvk_cite("statehub_district_committee_ended", self.date),
                committee=self.committee_id.name,
            )
        )

    def action_commend(self):
        """The authority's decision commends every model and exemplar of the
        proposal; its number and date are recorded on them."""
        self._check_scope()
        for proposal in self:
            if proposal.state != "submitted":
                raise UserError(self.env._("Only a submitted proposal is commended."))
            if not proposal.decision_ref or not proposal.decision_date:
                raise UserError(
                    self.env._(
                        "Record the number and date of the commendation decision."
                    )
                )
        # sudo: state written by this step after the checks above
        self.sudo().write({"state": "commended"})
        for proposal in self:
            form = dict(self._fields["award_form"]._description_selection(self.env))[
                proposal.award_form
            ]
            body = self.env._(
                "Commended (%(form)s) by decision %(ref)s of %(date)s of "
                "%(authority)s.",
                form=form,
                ref=proposal.decision_ref,
                date=proposal.decision_date.strftime("%d/%m/%Y"),
                authority=proposal.authority_id.name,
            )
            for record in list(proposal.model_ids) + list(proposal.exemplar_ids):
                record.message_post(body=body, subtype_xmlid="mail.mt_note")
        return True
