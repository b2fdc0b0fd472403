from odoo import fields, models


class DvkField(models.Model):
    """One of the four fields of a model (seed 001 §1)."""

    _name = "dvk.field"
    _description = "DVK Field"
    _order = "sequence, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="KT, VHXH, ANQP or XDHTCT.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(
        translate=True,
        help="What a model in this field must show (guidance 01-HD/BCĐ).",
    )
    category_ids = fields.One2many("dvk.category", "field_id")

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "A field with this code already exists."
    )
