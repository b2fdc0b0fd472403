from odoo import fields, models


class DvkProfile(models.Model):
    _inherit = "dvk.profile"

    routing = fields.Selection(
        selection_add=[("police", "Police authority matrix")],
        ondelete={"police": "set default"},
    )
