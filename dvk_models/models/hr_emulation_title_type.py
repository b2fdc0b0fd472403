from odoo import fields, models


class HrEmulationTitleType(models.Model):
    """Emulation title (danh hiệu thi đua); ``rank`` makes "X or higher" a
    comparison within the title's ``family`` (ladder): Lao động tiên tiến =
    Chiến sĩ tiên tiến < Chiến sĩ thi đua cơ sở < …, while "Đoàn viên xuất
    sắc" and "Công đoàn cơ sở vững mạnh" are ladders of their own (seed 002
    §III.2.2, seed 004 §III.3.c and §III.1.b)."""

    _name = "hr.emulation.title.type"
    _description = "Emulation Title Type"
    _order = "subject_type, rank, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    family = fields.Selection(
        [
            ("emulation", "Emulation titles"),
            ("union_member", "Union member titles"),
            ("union_base", "Base trade union titles"),
        ],
        string="Ladder",
        required=True,
        default="emulation",
        help="Titles are compared only within their ladder: Excellent Union "
        "Member is not an Advanced Worker of the same rank.",
    )
    rank = fields.Integer(
        required=True,
        default=10,
        help="Higher ranks are higher titles of the same ladder; titles of the "
        "same ladder and rank are equivalent (Lao động tiên tiến and Chiến sĩ "
        "tiên tiến).",
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
