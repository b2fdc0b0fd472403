import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class DvkScoreSheetLine(models.Model):
    _name = "dvk.score.sheet.line"
    _description = "DVK Score Sheet Line"
    _order = "sheet_id, sequence, id"

    sheet_id = fields.Many2one(
        "dvk.score.sheet", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one("dvk.criterion", required=True, ondelete="restrict")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    code = fields.Char(related="criterion_id.code")
    guidance = fields.Text(related="criterion_id.guidance")
    max_score = fields.Float(related="criterion_id.max_score")
    mandatory = fields.Boolean(related="criterion_id.mandatory")
    is_auto = fields.Boolean(compute="_compute_is_auto")
    score = fields.Float()
    scored = fields.Boolean(
        help="Set once a person (or the system, for automatic criteria) has "
        "given the score, so that 0 is a real score."
    )
    passed = fields.Boolean(compute="_compute_passed", store=True)
    explanation = fields.Text()

    _line_uniq = models.Constraint(
        "UNIQUE(sheet_id, criterion_id)", "A criterion appears once per sheet."
    )

    @api.depends("criterion_id.check")
    def _compute_is_auto(self):
        for line in self:
            line.is_auto = line.criterion_id.check != "manual"

    @api.depends("score", "criterion_id.pass_score", "criterion_id.check", "scored")
    def _compute_passed(self):
        for line in self:
            criterion = line.criterion_id
            if criterion.check != "manual":
                line.passed = line.score >= criterion.max_score
            else:
                line.passed = line.scored and line.score >= criterion.pass_score

    @api.constrains("score", "criterion_id")
    def _check_score(self):
        for line in self:
            criterion = line.criterion_id
            decimals = line.sheet_id.criteria_set_id.score_decimals
            if math.isnan(line.score) or math.isinf(line.score):
                raise ValidationError(self.env._("A score must be a number."))
            if not 0 <= line.score <= criterion.max_score:
                raise ValidationError(
                    self.env._(
                        "The score of %(code)s must lie between 0 and %(max)s.",
                        code=criterion.code,
                        max=criterion.max_score,
                    )
                )
            if round(line.score, decimals) != line.score:
                raise ValidationError(
                    self.env._(
                        "The score of %(code)s allows at most %(decimals)s decimals.",
                        code=criterion.code,
                        decimals=decimals,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # A score given with the line is given, as in write().
        vals_list = [
            dict(vals, scored=True) if "score" in vals else vals for vals in vals_list
        ]
        lines = super().create(vals_list)
        if not self.env.su:
            if lines.sheet_id.filtered(lambda s: s.state == "done"):
                raise UserError(self.env._("A finished score sheet is locked."))
            # Scores typed into a sheet made in someone else's name: only the
            # evaluator (or a manager) fills a sheet.
            lines.filtered("scored").sheet_id._check_evaluator()
            lines.sheet_id._dvk_lock_sheets()
            if lines.filtered(lambda line: line.scored and line.is_auto):
                raise UserError(
                    self.env._("Automatic criteria are scored by the system.")
                )
        return lines

    def write(self, vals):
        if not self.env.su:
            if self.sheet_id.filtered(lambda s: s.state == "done"):
                raise UserError(self.env._("A finished score sheet is locked."))
            if {"score", "scored", "explanation"} & set(vals) and self.filtered(
                "is_auto"
            ):
                raise UserError(
                    self.env._("Automatic criteria are scored by the system.")
                )
            self.sheet_id._check_evaluator()
        self.sheet_id._dvk_lock_sheets()
        if "score" in vals:
            vals = dict(vals, scored=True)
        return super().write(vals)

    def _dvk_write_auto(self, vals):
        """The system's own path for automatic criteria (see
        ``_refresh_automatic``): only as the superuser, on draft sheets."""
        if not self.env.su:
            raise UserError(self.env._("Automatic criteria are scored by the system."))
        if self.sheet_id.filtered(lambda s: s.state == "done"):
            raise UserError(self.env._("A finished score sheet is locked."))
        return self.write(vals)
