from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DvkUnionCommitteeBasis(models.Model):
    """A legal basis of the provincial People's Committee's decisions that
    recognise and commend province-wide union models (seed 004 §IV.3), with
    the dates it is in force: a state decision cites the laws that give the
    People's Committee its competence and govern commendation (the Law on
    Emulation and Commendation and its decree of the day, the Law on the
    Organisation of Local Government), not the union's own guidance."""

    _name = "dvk.union.committee.basis"
    _description = "DVK Legal Basis of the People's Committee's Union Decisions"
    _order = "sequence, date_from, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Legal Basis",
        required=True,
        help='As the decision cites it after "Căn cứ", e.g. "Luật Thi đua, '
        'khen thưởng ngày 15 tháng 6 năm 2022".',
    )
    date_from = fields.Date(
        string="In Force From", help="Empty: since before any campaign."
    )
    date_to = fields.Date(string="In Force Until", help="Empty: still in force.")
    active = fields.Boolean(default=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for basis in self:
            if basis.date_from and basis.date_to and basis.date_to < basis.date_from:
                raise ValidationError(
                    self.env._(
                        "The legal basis %(name)s ends before it starts.",
                        name=basis.name,
                    )
                )

    @api.model
    def _dvk_in_force(self, date):
        """The bases in force on ``date``, in the order decisions cite them."""
        return self.search(
            [
                "|",
                ("date_from", "=", False),
                ("date_from", "<=", date),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", date),
            ]
        )
