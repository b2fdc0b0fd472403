from odoo import api, fields, models
from odoo.exceptions import UserError


class DvkModelLinkPreviousWizard(models.TransientModel):
    """Asks which of last year's models a model registered anew continues,
    and why. It only collects them: the model's method checks the officer's
    rights and every rule of the link (Decision 976/QĐ-UBND, Article 7.3)."""

    _name = "dvk.model.link.previous.wizard"
    _description = "DVK Link to Last Year's Model"

    model_id = fields.Many2one("dvk.model", required=True, ondelete="cascade")
    year = fields.Integer(related="model_id.year")
    previous_id = fields.Many2one(
        "dvk.model",
        string="Last Year's Model",
        domain="[('year', '=', year - 1), ('state', '=', 'recognized'), "
        "('next_ids', '=', False), ('subject_type', '=', subject_type)]",
    )
    subject_type = fields.Selection(related="model_id.subject_type")
    # Not required in the database: the dialog record exists before the
    # reason is typed; the model's method refuses an empty one.
    reason = fields.Text()

    @api.onchange("model_id")
    def _onchange_model_id(self):
        """Suggest the recognised model of last year of the same subject and
        name, when there is exactly one."""
        model = self.model_id
        if not model or self.previous_id:
            return
        candidates = self.env["dvk.model"].search(
            [
                ("year", "=", model.year - 1),
                ("state", "=", "recognized"),
                ("next_ids", "=", False),
                ("subject_key", "=", model.subject_key),
                ("name_key", "=", model.name_key),
            ],
            limit=2,
        )
        if len(candidates) == 1:
            self.previous_id = candidates

    def action_confirm(self):
        self.ensure_one()
        if self.create_uid != self.env.user:
            raise UserError(self.env._("This dialog belongs to another user."))
        if not self.previous_id:
            raise UserError(self.env._("Choose last year's model."))
        self.model_id.check_access("read")
        self.model_id._dvk_link_previous(self.previous_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
