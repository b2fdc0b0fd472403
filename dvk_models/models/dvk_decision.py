from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import rules


class DvkDecision(models.Model):
    """A numbered recognition decision (quyết định công nhận).

    The number is drawn, gapless per company, level and year, only when the
    decision is confirmed; confirming recognises every line at once.
    """

    _name = "dvk.decision"
    _description = "DVK Recognition Decision"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", readonly=True, copy=False, default="/", tracking=True
    )
    title = fields.Char(
        compute="_compute_title",
        store=True,
        readonly=False,
        help="Subject of the decision as printed under its title.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
    )
    year = fields.Integer(related="campaign_id.year", store=True)
    level_id = fields.Many2one(
        "dvk.level", required=True, ondelete="restrict", tracking=True
    )
    authority_department_id = fields.Many2one(
        "hr.department",
        string="Issuing Unit",
        required=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    signer_id = fields.Many2one(
        "hr.employee", string="Signed By", tracking=True, check_company=True
    )
    signer_title = fields.Char(
        string="Signer's Position", help="e.g. TRƯỞNG BAN, PHÓ TRƯỞNG BAN"
    )
    line_ids = fields.One2many("dvk.decision.line", "decision_id", string="Lines")
    line_count = fields.Integer(compute="_compute_line_count")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    note = fields.Html(
        string="Grounds", help="The legal texts and proposals the decision rests on."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _number_uniq = models.UniqueIndex(
        "(company_id, level_id, year, name) WHERE name != '/'",
        "This decision number is already used at this level this year.",
    )

    @api.depends("level_id", "campaign_id")
    def _compute_title(self):
        for decision in self:
            if decision.title:
                continue
            decision.title = self.env._(
                'Recognising "Dân vận khéo" models and exemplars of %(year)s',
                year=decision.campaign_id.year or "",
            )

    @api.depends("line_ids")
    def _compute_line_count(self):
        counts = dict(
            self.env["dvk.decision.line"]._read_group(
                [("decision_id", "in", self.ids)], ["decision_id"], ["__count"]
            )
        )
        for decision in self:
            decision.line_count = counts.get(decision, 0)

    @api.constrains("date", "campaign_id")
    def _check_date(self):
        for decision in self:
            if decision.date.year < decision.campaign_id.year:
                raise ValidationError(
                    self.env._(
                        "A decision of the %(year)s campaign cannot be dated "
                        "before that year.",
                        year=decision.campaign_id.year,
                    )
                )

    def write(self, vals):
        if not self.env.su:
            if {"state", "name", "cancel_reason"} & set(vals):
                raise UserError(
                    self.env._(
                        "The number and state of a decision change only through "
                        "its Confirm and Cancel buttons."
                    )
                )
            locked = self.filtered(lambda d: d.state != "draft")
            if locked and set(vals) - {
                f for f in vals if f.startswith(("message_", "activity_"))
            }:
                raise UserError(
                    self.env._(
                        "The decision %(name)s is %(state)s and can no longer be "
                        "changed; issue a new decision instead.",
                        name=locked[0].name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[locked[0].state],
                    )
                )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if (
                    vals.get("state", "draft") != "draft"
                    or vals.get("name", "/") != "/"
                    or vals.get("cancel_reason")
                ):
                    raise UserError(
                        self.env._(
                            "A decision is created as a draft; its number is "
                            "drawn when it is confirmed."
                        )
                    )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if any(decision.state != "draft" for decision in self):
            raise UserError(
                self.env._("An issued decision cannot be deleted; cancel it.")
            )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for vals in vals_list:
            vals.pop("line_ids", None)
        return vals_list

    # ------------------------------------------------------------------
    # Numbering
    # ------------------------------------------------------------------
    def _get_sequence(self):
        """The gapless sequence of the decision's company and level; one
        number range per year."""
        self.ensure_one()
        code = f"dvk.decision.{self.level_id.code}"
        # sudo: sequences are configuration that officers may not read
        sequence_model = self.env["ir.sequence"].sudo()
        sequence = sequence_model.search(
            [("code", "=", code), ("company_id", "=", self.company_id.id)], limit=1
        )
        if not sequence:
            sequence = sequence_model.create(
                {
                    "name": self.env._(
                        "DVK decisions - %(level)s", level=self.level_id.name
                    ),
                    "code": code,
                    "company_id": self.company_id.id,
                    "implementation": "no_gap",
                    "use_date_range": True,
                    "padding": 2,
                    "number_increment": 1,
                }
            )
        return sequence

    def _format_number(self, number):
        """Hook: "12/QĐ-BCĐ" from the sequence number and the issuing unit."""
        self.ensure_one()
        symbol = self.authority_department_id.dvk_decision_symbol or "BCĐ"
        return f"{number}/QĐ-{symbol}"

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_can_confirm(self):
        """Hook: raise when a decision cannot be issued."""
        for decision in self:
            if not decision.line_ids:
                raise UserError(
                    self.env._("The decision has no model or exemplar to recognise.")
                )
            wrong = decision.line_ids.filtered(
                lambda line, d=decision: (
                    line.record_state != "proposed"
                    or line.record_proposal_level_id != d.level_id
                    or line.record_campaign_id != d.campaign_id
                )
            )
            if wrong:
                raise UserError(
                    self.env._(
                        "These lines are not proposed at %(level)s in %(campaign)s: "
                        "%(names)s.",
                        level=decision.level_id.name,
                        campaign=decision.campaign_id.name,
                        names=", ".join(wrong.mapped("display_name")),
                    )
                )
        self.line_ids.model_id._check_recognizable(self)
        self.line_ids.exemplar_id._check_recognizable(self)

    def action_confirm(self):
        """Issue the decision: draw its number and recognise every line."""
        if not self.env.user.has_group("dvk_models.group_dvk_officer"):
            raise UserError(self.env._("Only a DVK officer can issue decisions."))
        for decision in self:
            if decision.state != "draft":
                raise UserError(
                    self.env._(
                        "The decision %(name)s has already been issued.",
                        name=decision.name,
                    )
                )
        self.check_access("write")
        self.lock_for_update()
        self._check_can_confirm()
        for decision in self:
            sequence = decision._get_sequence()
            number = sequence.next_by_id(sequence_date=decision.date)
            # sudo: number and state are written only here, after the checks
            decision.sudo().write(
                {"state": "confirmed", "name": decision._format_number(number)}
            )
            models_ = decision.line_ids.model_id
            exemplars = decision.line_ids.exemplar_id
            models_._dvk_workflow_write(
                {"state": "recognized", "proposal_level_id": False}
            )
            exemplars._dvk_workflow_write(
                {"state": "recognized", "proposal_level_id": False}
            )
            text = self.env._(
                "Recognised at %(level)s by decision %(number)s of %(date)s.",
                level=decision.level_id.name,
                number=decision.name,
                date=rules.vn_date(decision.date),
            )
            body = models_._dvk_body(text)
            models_._dvk_log_batch({m.id: body for m in models_})
            exemplars._dvk_log_batch({e.id: body for e in exemplars})
        return True

    def action_cancel(self, reason=None):
        """Cancel an issued decision (DVK manager): its lines go back to the
        proposed state and their recognised level is recomputed."""
        if not self.env.user.has_group("dvk_models.group_dvk_manager"):
            raise UserError(self.env._("Only a DVK manager can cancel a decision."))
        if not reason or not rules.normalize_text(reason):
            raise ValidationError(self.env._("Give the reason for the cancellation."))
        for decision in self:
            if decision.state != "confirmed":
                raise UserError(self.env._("Only an issued decision can be cancelled."))
        self.lock_for_update()
        for decision in self:
            # sudo: state is written only here, after the checks
            decision.sudo().write({"state": "cancelled", "cancel_reason": reason})
            models_ = decision.line_ids.model_id
            exemplars = decision.line_ids.exemplar_id
            models_._dvk_workflow_write(
                {"state": "proposed", "proposal_level_id": decision.level_id.id}
            )
            exemplars._dvk_workflow_write(
                {"state": "proposed", "proposal_level_id": decision.level_id.id}
            )
            text = self.env._(
                "Decision %(number)s cancelled; the recognition is withdrawn. Reason:",
                number=decision.name,
            )
            body = models_._dvk_body(text, reason)
            models_._dvk_log_batch({m.id: body for m in models_})
            exemplars._dvk_log_batch({e.id: body for e in exemplars})
        return True

    def action_cancel_wizard(self):
        return self.env["dvk.reason.wizard"]._open_for(self, "cancel")

    def action_add_proposed(self):
        """Fill the draft with everything proposed at its level in its campaign."""
        self.ensure_one()
        # Public method (RELIABILITY A2): only the officers of the issuing unit
        # may change the decision.
        self.check_access("write")
        if self.state != "draft":
            raise UserError(self.env._("Only a draft decision can be filled."))
        domain = [
            ("campaign_id", "=", self.campaign_id.id),
            ("state", "=", "proposed"),
            ("proposal_level_id", "=", self.level_id.id),
        ]
        taken = self.env["dvk.decision.line"].search(
            [("decision_id.state", "=", "draft")]
        )
        models_ = self.env["dvk.model"].search(
            domain + [("id", "not in", taken.model_id.ids)]
        )
        exemplars = self.env["dvk.exemplar"].search(
            domain + [("id", "not in", taken.exemplar_id.ids)]
        )
        self.env["dvk.decision.line"].create(
            [{"decision_id": self.id, "model_id": m.id} for m in models_]
            + [{"decision_id": self.id, "exemplar_id": e.id} for e in exemplars]
        )
        return True
