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

    def _dvk_describe(self):
        self.ensure_one()
        return " ".join(
            part
            for part in (self.name, f"{self.target:g}" if self.target else "", self.uom)
            if part
        )

    def _dvk_changes_by_model(self, prefix=""):
        changes = {}
        for line in self:
            changes.setdefault(line.model_id, []).append(prefix + line._dvk_describe())
        return changes

    @api.model_create_multi
    def create(self, vals_list):
        # Adding a target changes the plan: open until the model is proposed
        # (dvk.model.plan), and tracked past the draft.
        targets = super().create(vals_list)
        targets.model_id._dvk_check_write({"target_ids": True})
        targets.model_id._dvk_log_plan_change(targets._dvk_changes_by_model("+ "))
        return targets

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen_plan(self):
        self.model_id._dvk_check_write({"target_ids": True})
        self.model_id._dvk_log_plan_change(self._dvk_changes_by_model("- "))

    def write(self, vals):
        # Actual results are followed all year long; the plan itself follows
        # its model's plan (dvk.model.plan).
        plan = set(vals) - {"actual", "note"}
        if plan:
            self.model_id._dvk_check_write({"target_ids": True})
        elif self.model_id.filtered(lambda m: m.state == "recognized"):
            self.model_id._dvk_check_write({"target_ids": True})
        before = self._dvk_changes_by_model() if plan else {}
        result = super().write(vals)
        if plan:
            after = self._dvk_changes_by_model()
            self.model_id._dvk_log_plan_change(
                {
                    model: [
                        f"{old} → {new}"
                        for old, new in zip(before[model], after[model], strict=True)
                        if old != new
                    ]
                    for model in after
                }
            )
        return result
