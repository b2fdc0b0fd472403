from odoo import fields, models


class DvkStatehubFieldNote(models.Model):
    """What a field means under a profile: the state-agency regulation
    (Article 4) describes its own four groups of models, and prints its own
    field codes (KT, VH-XH, AN-QP, XD HTCT)."""

    _name = "dvk.statehub.field.note"
    _description = "DVK Field Description of a Profile"
    _inherit = ["dvk.profile.mixin"]
    _order = "profile_id, sequence, id"

    sequence = fields.Integer(default=10)
    field_id = fields.Many2one("dvk.field", required=True, ondelete="cascade")
    name = fields.Char(string="Group of Models", required=True, translate=True)
    code_label = fields.Char(
        string="Printed Code", help="The code printed on the forms, e.g. VH-XH."
    )
    description = fields.Text(translate=True)

    _field_uniq = models.Constraint(
        "UNIQUE(profile_id, field_id)",
        "A field is described once per guidance profile.",
    )
