from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrDvkPendingCase(models.Model):
    """A case under way about a person or a unit: discipline being
    considered, an investigation, an inspection, or a complaint or
    denunciation being verified. While it is open, the person or the unit is
    not proposed for commendation (NĐ 152/2025/NĐ-CP, before it NĐ
    98/2023/NĐ-CP: the rule in force is dated data, ``dvk.rule``)."""

    _name = "hr.dvk.pending.case"
    _description = "Pending Case (Commendation on Hold)"
    _inherit = ["mail.thread"]
    _order = "date_opened desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee",
        string="Person",
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        help="The person the case is about; leave empty for a case about the "
        "unit itself.",
    )
    department_id = fields.Many2one(
        "hr.department",
        context={"hierarchical_naming": False},
        string="Unit",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="The unit the case is about, or the person's unit.",
    )
    kind = fields.Selection(
        [
            ("discipline", "Discipline being considered"),
            ("investigation", "Investigation"),
            ("inspection", "Inspection"),
            ("complaint", "Complaint or denunciation being verified"),
        ],
        string="Kind of Case",
        required=True,
        tracking=True,
    )
    date_opened = fields.Date(
        string="Opened On",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        index=True,
    )
    date_closed = fields.Date(
        string="Closed On",
        tracking=True,
        index=True,
        help="The day the case was concluded: from that day, commendation "
        "may be proposed again.",
    )
    closed = fields.Boolean(
        compute="_compute_closed",
        store=True,
        help="Concluded: a closing date is recorded.",
    )
    reference = fields.Char(
        tracking=True, help="The document that opened the case, e.g. 12/QĐ-TTr."
    )
    note = fields.Text()
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("employee_id")
    def _compute_department_id(self):
        for case in self:
            if case.employee_id:
                case.department_id = case.employee_id.department_id

    @api.depends("date_closed")
    def _compute_closed(self):
        for case in self:
            case.closed = bool(case.date_closed)

    @api.depends("kind", "employee_id", "department_id", "date_opened")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for case in self:
            subject = case.employee_id.name or case.department_id.name
            opened = case.date_opened and case.date_opened.strftime("%d/%m/%Y")
            case.display_name = " - ".join(
                p for p in (kinds.get(case.kind, ""), opened, subject) if p
            )

    @api.constrains("employee_id", "department_id")
    def _check_subject(self):
        for case in self:
            if not case.department_id:
                raise ValidationError(
                    self.env._(
                        "Name the unit the case is about, or the person with his unit."
                    )
                )

    @api.constrains("date_opened", "date_closed")
    def _check_dates(self):
        for case in self:
            if case.date_closed and case.date_closed < case.date_opened:
                raise ValidationError(
                    self.env._(
                        "The case %(case)s is closed before it was opened.",
                        case=case.display_name,
                    )
                )

    def _creation_message(self):
        """The chatter's first line, in words an officer uses."""
        return self.env._("Pending case recorded")
