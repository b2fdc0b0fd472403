from odoo import fields, models


class HrEmulationTitleType(models.Model):
    """Emulation title (danh hiệu thi đua); ``rank`` makes "X or higher" a
    comparison."""

    _name = "hr.emulation.title.type"
    _description = "Emulation Title Type"
    _order = "subject_type, rank, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    rank = fields.Integer(
        required=True,
        default=10,
        help="Higher ranks are higher titles; titles of the same rank are "
        "equivalent (Lao động tiên tiến and Chiến sĩ tiên tiến).",
    )
    subject_type = fields.Selection(
        [("individual", "Individual"), ("collective", "Collective")],
        required=True,
        default="individual",
    )
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "An emulation title with this code already exists."
    )
    _rank_positive = models.Constraint(
        "CHECK(rank >= 0)", "The rank of an emulation title cannot be negative."
    )
