from odoo import fields, models


class DvkReceiver(models.Model):
    _inherit = "dvk.receiver"

    kind = fields.Selection(
        selection_add=[
            ("police_informed", "Party board receiving the police's reports")
        ],
        ondelete={"police_informed": "cascade"},
    )
