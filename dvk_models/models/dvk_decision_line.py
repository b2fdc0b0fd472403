from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .dvk_record_link_mixin import ONE_RECORD_CHECK


class DvkDecisionLine(models.Model):
    """One model or exemplar recognised by a decision."""

    _name = "dvk.decision.line"
    _description = "DVK Decision Line"
    _inherit = ["dvk.record.link.mixin"]
    _order = "decision_id, sequence, id"

    decision_id = fields.Many2one(
        "dvk.decision", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    # A decision names its records for good: they cannot be deleted.
    model_id = fields.Many2one(ondelete="restrict")
    exemplar_id = fields.Many2one(ondelete="restrict")
    level_id = fields.Many2one(related="decision_id.level_id", store=True)
    decision_state = fields.Selection(related="decision_id.state", store=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        compute="_compute_record",
        store=True,
        context={"hierarchical_naming": False},
    )
    subject_type = fields.Selection(
        [("collective", "Collective"), ("individual", "Individual")],
        compute="_compute_record",
        store=True,
    )
    field_id = fields.Many2one("dvk.field", related="model_id.field_id")
    record_state = fields.Char(compute="_compute_record_status")
    record_campaign_id = fields.Many2one(
        "dvk.campaign", compute="_compute_record_status"
    )
    record_proposal_level_id = fields.Many2one(
        "dvk.level", compute="_compute_record_status"
    )
    note = fields.Char()

    _one_record = models.Constraint(
        ONE_RECORD_CHECK,
        "A decision line names either a model or an exemplar.",
    )
    _model_uniq = models.UniqueIndex(
        "(decision_id, model_id) WHERE model_id IS NOT NULL",
        "This model is already in the decision.",
    )
    _exemplar_uniq = models.UniqueIndex(
        "(decision_id, exemplar_id) WHERE exemplar_id IS NOT NULL",
        "This exemplar is already in the decision.",
    )

    @api.depends("model_id", "exemplar_id")
    def _compute_display_name(self):
        for line in self:
            # sudo: a decision names its records to whoever may read it
            record = line._dvk_record().sudo()
            line.display_name = record.display_name or ""

    @api.depends(
        "model_id.department_id",
        "exemplar_id.department_id",
        "model_id.subject_type",
        "exemplar_id.subject_type",
    )
    def _compute_record(self):
        for line in self:
            record = line._dvk_record()
            line.department_id = record.department_id
            line.subject_type = record.subject_type

    def _compute_record_status(self):
        """Where the line's record stands, for the checks of the decision:
        the same whoever reads the decision."""
        for line in self:
            # sudo: only the state, campaign and proposed level are read
            record = line._dvk_record().sudo()
            line.record_state = record.state
            line.record_campaign_id = record.campaign_id.id
            line.record_proposal_level_id = record.proposal_level_id.id

    @api.constrains("model_id", "exemplar_id", "decision_id")
    def _check_record(self):
        for line in self:
            record = line._dvk_record()
            decision = line.decision_id
            if record.campaign_id != decision.campaign_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s belongs to another campaign than the decision.",
                        name=record.display_name,
                    )
                )
            # A proposal under way: proposed, or recognised lower and
            # proposed higher (the state then stays recognised).
            if record.proposal_level_id != decision.level_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s is not proposed for recognition at %(level)s.",
                        name=record.display_name,
                        level=decision.level_id.name,
                    )
                )

    @api.model
    def _check_decision_draft(self, decisions):
        """Lines are written only on draft decisions, even by the superuser:
        confirming and cancelling change the decision, never its lines."""
        issued = decisions.filtered(lambda d: d.state != "draft")
        if issued:
            raise UserError(
                self.env._(
                    "The lines of an issued decision cannot be changed: %(name)s.",
                    name=", ".join(issued.mapped("display_name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_decision_draft(
            self.env["dvk.decision"].browse(
                {vals["decision_id"] for vals in vals_list if vals.get("decision_id")}
            )
        )
        lines = super().create(vals_list)
        self._check_decision_draft(lines.decision_id)
        lines._check_record_access()
        lines.decision_id._dvk_check_competence(lines)
        return lines

    def write(self, vals):
        # Both the decision the line leaves and the one it joins must be drafts.
        self._check_decision_draft(self.decision_id)
        res = super().write(vals)
        if "decision_id" in vals:
            self._check_decision_draft(self.decision_id)
            if not self.env.su:
                # Record rules are checked on the line's old decision only.
                self.decision_id.check_access("write")
        if {"model_id", "exemplar_id", "decision_id"} & set(vals):
            self._check_record_access()
            self.decision_id._dvk_check_competence(self)
        return res

    def _check_record_access(self):
        """A decision names only records its author may see: an officer cannot
        recognise a model outside the units in his charge (RELIABILITY (b) 3).
        Checked explicitly, as constraints may read values already cached."""
        self.model_id.check_access("read")
        self.exemplar_id.check_access("read")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        self._check_decision_draft(self.decision_id)
