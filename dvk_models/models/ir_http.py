from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """DVK users land in the DVK app: a user of the DVK groups without a
        home action of his own opens the DVK dashboard after logging in,
        instead of the first app of the menu (Discuss). A home action set on
        the user still wins."""
        info = super().session_info()
        if info.get("home_action_id") or not info.get("uid"):
            return info
        action = self.env.user._dvk_home_action()
        if action:
            info["home_action_id"] = action.id
        return info
