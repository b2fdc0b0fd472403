from odoo import fields, models


class DvkModelTarget(models.Model):
    """A measurable target of a model's plan (chỉ tiêu)."""

    _name = "dvk.model.target"
    _description = "DVK Model Target"
    _order = "sequence, id"

    model_id = fields.Many2one(
        "dvk.model", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Indicator", required=True)
    target = fields.Float()
    actual = fields.Float()
    uom = fields.Char(string="Unit of Measure", help="e.g. households, meetings, %")
    note = fields.Char()
    achieved = fields.Boolean(compute="_compute_achieved")

    _target_positive = models.Constraint(
        "CHECK(target >= 0 AND actual >= 0)",
        "Targets and actual results cannot be negative.",
    )

    def _compute_achieved(self):
        for line in self:
            line.achieved = bool(line.target) and line.actual >= line.target

    def write(self, vals):
        # Actual results are followed all year long; the plan itself is frozen
        # with its model once submitted.
        if set(vals) - {"actual", "note"}:
            self.model_id._dvk_check_write({"target_ids": True})
        elif self.model_id.filtered(lambda m: m.state == "recognized"):
            self.model_id._dvk_check_write({"target_ids": True})
        return super().write(vals)
