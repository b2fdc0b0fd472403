from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DvkUnionLabourIncident(models.Model):
    """A collective labour dispute or work stoppage at a unit: a "hot spot"
    that keeps the upper-level union from the DVK title of the year (seed 004
    §III.1.d)."""

    _name = "dvk.union.labour.incident"
    _description = "DVK Collective Labour Dispute or Work Stoppage"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Summary", required=True, tracking=True)
    kind = fields.Selection(
        [
            ("dispute", "Collective Labour Dispute"),
            ("stoppage", "Work Stoppage"),
        ],
        required=True,
        default="dispute",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
        help="The base union or enterprise where it happened.",
    )
    workers_involved = fields.Integer()
    description = fields.Text()
    settlement = fields.Text(string="How It Was Settled")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _workers_positive = models.Constraint(
        "CHECK(workers_involved >= 0)", "The number of workers cannot be negative."
    )

    @api.depends("date")
    def _compute_year(self):
        for incident in self:
            incident.year = incident.date.year if incident.date else 0

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for incident in self:
            if incident.date > today:
                raise ValidationError(
                    self.env._("%(name)s is dated in the future.", name=incident.name)
                )
