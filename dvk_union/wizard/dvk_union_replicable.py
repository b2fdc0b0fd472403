from odoo import fields, models
from odoo.exceptions import UserError

from ..models.dvk_model import REPLICABLE_SCOPES


class DvkUnionReplicableWizard(models.TransientModel):
    """Asks the scope and the reason of the officer's finding that a model
    can be replicated (seed 004 §III.3.b). It only collects them: the
    model's method checks the officer's rights and the model's state."""

    _name = "dvk.union.replicable.wizard"
    _description = "DVK Trade Union: Replicable Model"

    model_id = fields.Many2one("dvk.model", required=True, ondelete="cascade")
    scope = fields.Selection(
        REPLICABLE_SCOPES,
        string="Replicable Within",
        help="Leave empty to withdraw an earlier finding.",
    )
    # Not required in the database: the dialog record exists before the
    # reason is typed; the model's method refuses an empty one.
    reason = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        if self.create_uid != self.env.user:
            raise UserError(self.env._("This dialog belongs to another user."))
        self.model_id.check_access("read")
        self.model_id._dvk_union_set_replicable(self.scope, self.reason)
        return {"type": "ir.actions.act_window_close"}
