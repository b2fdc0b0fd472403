from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrEmulationTitle(models.Model):
    """A title awarded to a person or a unit for one year.

    Revoking a title archives it, so the history stays readable.
    """

    _name = "hr.emulation.title"
    _description = "Emulation Title"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"
    _check_company_auto = True

    type_id = fields.Many2one(
        "hr.emulation.title.type",
        string="Title",
        required=True,
        ondelete="restrict",
        tracking=True,
    )
    subject_type = fields.Selection(related="type_id.subject_type", store=True)
    year = fields.Integer(required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        context={"hierarchical_naming": False},
        string="Unit",
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        help="The unit holding a collective title.",
    )
    decision_ref = fields.Char(
        string="Decision", tracking=True, help="Number and date of the decision."
    )
    date = fields.Date(string="Decision Date")
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _year_valid = models.Constraint(
        "CHECK(year > 1945 AND year < 2200)", "The year of a title is not valid."
    )

    def write(self, vals):
        revoked = self.filtered("active") if vals.get("active") is False else None
        res = super().write(vals)
        if revoked:
            revoked._dvk_flag_revocation()
        return res

    def _dvk_flag_revocation(self):
        """A revoked title may make proposed or recognised exemplars ineligible."""
        self.env["dvk.eligibility.watch"]._flag(
            [
                (
                    title.employee_id,
                    title.department_id,
                    title.year,
                    self.env._(
                        "The title %(title)s %(year)s of %(holder)s was revoked.",
                        title=title.type_id.name,
                        year=title.year,
                        holder=(title.employee_id or title.department_id).name,
                    ),
                )
                for title in self
            ],
            units_above=False,
        )

    @api.depends("type_id", "year", "employee_id", "department_id")
    def _compute_display_name(self):
        for title in self:
            holder = title.employee_id or title.department_id
            # A title being entered names only what is known yet.
            held = " ".join(str(p) for p in (title.type_id.name, title.year) if p)
            title.display_name = " - ".join(p for p in (held, holder.name) if p)

    @api.constrains("type_id", "employee_id", "department_id")
    def _check_subject(self):
        for title in self:
            if title.subject_type == "individual" and (
                not title.employee_id or title.department_id
            ):
                raise ValidationError(
                    self.env._(
                        "The title %(title)s is awarded to a person: set the "
                        "employee and not the unit.",
                        title=title.type_id.name,
                    )
                )
            if title.subject_type == "collective" and (
                not title.department_id or title.employee_id
            ):
                raise ValidationError(
                    self.env._(
                        "The title %(title)s is awarded to a unit: set the unit "
                        "and not an employee.",
                        title=title.type_id.name,
                    )
                )

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Emulation title recorded")
