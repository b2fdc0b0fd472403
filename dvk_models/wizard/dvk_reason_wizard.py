from odoo import api, fields, models
from odoo.exceptions import UserError


class DvkReasonWizard(models.TransientModel):
    """Asks the reason of a refusal, a removal or a cancellation.

    The wizard only collects the reason: the business method it calls re-checks
    the rights and states of the records (RELIABILITY.md A5).
    """

    _name = "dvk.reason.wizard"
    _description = "DVK Reason"

    action = fields.Selection(
        [
            ("refuse", "Refuse"),
            ("remove", "Remove from the list"),
            ("cancel", "Cancel the decision"),
        ],
        required=True,
        readonly=True,
    )
    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Json(required=True, readonly=True)
    # Not required in the database: the dialog record is created before the
    # user types the reason; the business method refuses an empty reason
    # with a ValidationError (RELIABILITY (b) 16).
    reason = fields.Text()
    removal_reason = fields.Selection(
        [("ineffective", "Ineffective"), ("discontinued", "Discontinued")]
    )

    _ALLOWED = {
        ("dvk.model", "refuse"),
        ("dvk.model", "remove"),
        ("dvk.exemplar", "refuse"),
        ("dvk.decision", "cancel"),
    }

    @api.model
    def _open_for(self, records, action):
        wizard = self.create(
            {"action": action, "res_model": records._name, "res_ids": records.ids}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
            "name": dict(self._fields["action"]._description_selection(self.env))[
                action
            ],
        }

    def action_confirm(self):
        self.ensure_one()
        if self.create_uid != self.env.user:
            raise UserError(self.env._("This dialog belongs to another user."))
        if (self.res_model, self.action) not in self._ALLOWED:
            raise UserError(self.env._("This action is not available here."))
        records = self.env[self.res_model].browse(self.res_ids).exists()
        records.check_access("write")
        if self.action == "refuse":
            records.action_refuse(reason=self.reason)
        elif self.action == "remove":
            records.action_remove(reason=self.removal_reason, note=self.reason)
        else:
            records.action_cancel(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
