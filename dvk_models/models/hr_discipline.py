from odoo import api, fields, models


class HrDiscipline(models.Model):
    """A disciplinary action; any in a year breaks most DVK criteria."""

    _name = "hr.discipline"
    _description = "Disciplinary Action"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
        help="The employee's unit when the action was taken.",
    )
    date = fields.Date(required=True, tracking=True, index=True)
    form = fields.Selection(
        [
            ("reprimand", "Reprimand"),
            ("warning", "Warning"),
            ("salary_downgrade", "Salary downgrade"),
            ("demotion", "Demotion"),
            ("dismissal_from_post", "Dismissal from post"),
            ("forced_resignation", "Forced resignation"),
            ("other", "Other"),
        ],
        required=True,
        tracking=True,
    )
    decision_ref = fields.Char(string="Decision", tracking=True)
    reason = fields.Text()
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("employee_id")
    def _compute_department_id(self):
        for discipline in self:
            discipline.department_id = discipline.employee_id.department_id
