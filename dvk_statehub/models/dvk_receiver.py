from odoo import fields, models


class DvkReceiver(models.Model):
    _inherit = "dvk.receiver"

    kind = fields.Selection(
        selection_add=[("home_affairs", "Sở Nội vụ addressed by the agencies")],
        ondelete={"home_affairs": "cascade"},
    )
