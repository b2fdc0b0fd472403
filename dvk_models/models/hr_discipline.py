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
        context={"hierarchical_naming": False},
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
    period_end = fields.Date(
        string="Disciplinary Period Until",
        compute="_compute_period_end",
        store=True,
        readonly=False,
        tracking=True,
        help="The last day of the disciplinary period, computed from the form "
        "and the date of the decision (Configuration > Disciplinary Periods); "
        "correct it when the decision says otherwise. No commendation is "
        "proposed until this day, and achievements count from its end.",
    )
    reason = fields.Text()
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("form", "date", "employee_id")
    def _compute_display_name(self):
        """ "Khiển trách 12/03/2026 - Nguyễn Văn A": what was decided, when, and
        whom (a record being entered names only what is known yet)."""
        forms = dict(self._fields["form"]._description_selection(self.env))
        for discipline in self:
            taken = " ".join(
                p
                for p in (
                    forms.get(discipline.form, ""),
                    discipline.date and discipline.date.strftime("%d/%m/%Y"),
                )
                if p
            )
            discipline.display_name = " - ".join(
                p for p in (taken, discipline.employee_id.name) if p
            )

    @api.model_create_multi
    def create(self, vals_list):
        disciplines = super().create(vals_list)
        disciplines._dvk_flag_exemplars()
        return disciplines

    def write(self, vals):
        res = super().write(vals)
        if {"date", "employee_id"} & set(vals) or vals.get("active"):
            self._dvk_flag_exemplars()
        return res

    def _dvk_flag_exemplars(self):
        """A discipline recorded after the fact may make proposed or recognised
        exemplars of its year ineligible."""
        forms = dict(self._fields["form"]._description_selection(self.env))
        self.env["dvk.eligibility.watch"]._flag(
            [
                (
                    discipline.employee_id,
                    discipline.department_id,
                    discipline.date.year,
                    self.env._(
                        "%(name)s was disciplined (%(form)s) on %(date)s "
                        "(Decision %(ref)s).",
                        name=discipline.employee_id.name,
                        form=forms.get(discipline.form, "").lower(),
                        date=discipline.date.strftime("%d/%m/%Y"),
                        ref=discipline.decision_ref or "",
                    ),
                )
                for discipline in self.filtered("active")
            ]
        )

    @api.depends("form", "date")
    def _compute_period_end(self):
        ends = self.env["hr.discipline.period"]._dvk_period_ends(
            (d.form, d.date) for d in self
        )
        for discipline in self:
            discipline.period_end = ends.get((discipline.form, discipline.date))

    @api.depends("employee_id")
    def _compute_department_id(self):
        for discipline in self:
            discipline.department_id = discipline.employee_id.department_id

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Disciplinary action recorded")
