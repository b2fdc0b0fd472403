from odoo import fields, models


class DvkCategory(models.Model):
    """A kind of model within a field; sector addons ship their own."""

    _name = "dvk.category"
    _description = "DVK Model Category"
    _inherit = ["dvk.profile.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    field_id = fields.Many2one("dvk.field", required=True, ondelete="restrict")
    profile_id = fields.Many2one(
        required=False,
        default=False,
        help="Leave empty for a category every profile can use.",
    )
    description = fields.Text(translate=True)
