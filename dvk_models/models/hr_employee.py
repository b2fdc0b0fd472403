from odoo import api, fields, models
from odoo.fields import Domain


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    emulation_title_ids = fields.One2many(
        "hr.emulation.title", "employee_id", string="Emulation Titles"
    )
    discipline_ids = fields.One2many(
        "hr.discipline", "employee_id", string="Disciplinary Actions"
    )
    dvk_model_count = fields.Integer(string="DVK Models", compute="_compute_dvk_counts")
    dvk_exemplar_count = fields.Integer(
        string="DVK Exemplars", compute="_compute_dvk_counts"
    )
    dvk_title_count = fields.Integer(
        string="Emulation Title Count", compute="_compute_dvk_counts"
    )
    dvk_discipline_count = fields.Integer(
        string="Disciplinary Action Count", compute="_compute_dvk_counts"
    )

    dvk_registrable = fields.Boolean(
        string="Registrable by Me",
        compute="_compute_dvk_registrable",
        search="_search_dvk_registrable",
        help="People the current user may register for: themselves, the "
        "people of the units they head, and for an officer those of the "
        "units in their charge (all for a DVK manager).",
    )

    def _compute_dvk_registrable(self):
        allowed = self.filtered_domain(self._dvk_registrable_domain())
        for employee in self:
            employee.dvk_registrable = employee in allowed

    def _search_dvk_registrable(self, operator, value):
        if operator in ("=", "!="):
            operator, value = ("in" if operator == "=" else "not in"), {value}
        if operator not in ("in", "not in"):
            return NotImplemented
        wanted = set(value) & {True, False}
        if len(wanted) != 1:
            return Domain.TRUE if (operator == "in") == bool(wanted) else Domain.FALSE
        positive = (True in wanted) == (operator == "in")
        domain = self._dvk_registrable_domain()
        return domain if positive else ~domain

    def _dvk_registrable_domain(self):
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            return Domain.TRUE
        domain = Domain("user_id", "=", user.id)
        Department = self.env["hr.department"]
        # sudo: which units the user heads, not the content of HR records
        headed = Department.sudo().search([("manager_id.user_id", "=", user.id)])
        units = headed.ids
        if user.has_group("dvk_models.group_dvk_officer"):
            units += user.dvk_department_ids.ids
        if units:
            domain |= Domain("department_id", "child_of", units)
        return domain

    def _dvk_model_domain(self):
        return [
            "|",
            ("employee_id", "in", self.ids),
            ("member_ids", "in", self.ids),
        ]

    def _compute_dvk_counts(self):
        models_ = self.env["dvk.model"].search_fetch(
            self._dvk_model_domain(), ["employee_id", "member_ids"]
        )
        counts = {}
        for model in models_:
            for employee in model.employee_id | model.member_ids:
                counts[employee.id] = counts.get(employee.id, 0) + 1
        per = {
            key: dict(
                self.env[model]._read_group(
                    [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
                )
            )
            for key, model in (
                ("dvk_exemplar_count", "dvk.exemplar"),
                ("dvk_title_count", "hr.emulation.title"),
                ("dvk_discipline_count", "hr.discipline"),
            )
        }
        for employee in self:
            employee.dvk_model_count = counts.get(employee.id, 0)
            for key, values in per.items():
                employee[key] = values.get(employee, 0)

    def _dvk_open(self, model, name, domain):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": domain,
            "context": {"default_employee_id": self.id},
        }

    def action_open_dvk_models(self):
        return self._dvk_open(
            "dvk.model", self.env._("Models"), self._dvk_model_domain()
        )

    def action_open_dvk_exemplars(self):
        return self._dvk_open(
            "dvk.exemplar", self.env._("Exemplars"), [("employee_id", "=", self.id)]
        )

    def action_open_dvk_titles(self):
        return self._dvk_open(
            "hr.emulation.title",
            self.env._("Emulation Titles"),
            [("employee_id", "=", self.id)],
        )

    def action_open_dvk_disciplines(self):
        return self._dvk_open(
            "hr.discipline",
            self.env._("Disciplinary Actions"),
            [("employee_id", "=", self.id)],
        )

    # The groups that follow the organisation (who belongs to a sector's
    # units) change with a person's user or unit.
    _dvk_group_fields = frozenset(
        {"user_id", "department_id", "active", "version_id", "current_version_id"}
    )

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        self.env["res.users"]._dvk_sync_derived_groups(
            rules_changed=any(vals.get("user_id") for vals in vals_list)
        )
        return employees

    def write(self, vals):
        res = super().write(vals)
        if self._dvk_group_fields & set(vals):
            self.env["res.users"]._dvk_sync_derived_groups()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["res.users"]._dvk_sync_derived_groups()
        return res


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # Users without HR rights search hr.employee through this model (hr's
    # _search override), so the person lists of DVK forms need it here too.
    dvk_registrable = fields.Boolean(
        string="Registrable by Me",
        compute="_compute_dvk_registrable",
        search="_search_dvk_registrable",
    )

    def _compute_dvk_registrable(self):
        domain = self.env["hr.employee"]._dvk_registrable_domain()
        allowed = self.filtered_domain(domain)
        for employee in self:
            employee.dvk_registrable = employee in allowed

    def _search_dvk_registrable(self, operator, value):
        return self.env["hr.employee"]._search_dvk_registrable(operator, value)
