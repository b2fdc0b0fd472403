from odoo import api, fields, models


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

    @api.model_create_multi
    def create(self, vals_list):
        # Adding a target changes the plan: frozen once submitted, like a write
        # of the model's targets (RELIABILITY (b) 15).
        targets = super().create(vals_list)
        targets.model_id._dvk_check_write({"target_ids": True})
        return targets

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen_plan(self):
        self.model_id._dvk_check_write({"target_ids": True})

    def write(self, vals):
        # Actual results are followed all year long; the plan itself is frozen
        # with its model once submitted.
        if set(vals) - {"actual", "note"}:
            self.model_id._dvk_check_write({"target_ids": True})
        elif self.model_id.filtered(lambda m: m.state == "recognized"):
            self.model_id._dvk_check_write({"target_ids": True})
        return super().write(vals)
