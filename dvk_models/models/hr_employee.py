from collections.abc import Iterable

from odoo import api, fields, models
from odoo.fields import Domain

# hr requires every field of hr.employee that hr.employee.public lacks to be
# restricted to HR officers (groups="hr.group_hr_user"): users without HR
# rights read employees through the public model, and a field missing there
# makes their read() fail. A field on both models is read by every internal
# user: the DVK figures are on both, counted among what the reader may read.
COUNTED = (
    ("dvk_model_count", "dvk.model"),
    ("dvk_exemplar_count", "dvk.exemplar"),
    ("dvk_title_count", "hr.emulation.title"),
    ("dvk_discipline_count", "hr.discipline"),
)


def dvk_listed_unit(domain):
    """The unit whose people a DVK person picker lists first: the one unit
    of a ``('dvk_unit_ids', 'in', [unit])`` condition of ``domain``."""
    for condition in Domain(domain or Domain.TRUE).iter_conditions():
        if condition.field_expr != "dvk_unit_ids" or condition.operator != "in":
            continue
        value = condition.value
        if isinstance(value, str) or not isinstance(value, Iterable):
            value = [value]
        ids = [v for v in value if v]
        if len(ids) == 1 and isinstance(ids[0], int):
            return ids[0]
    return None


def unit_ids_of(department):
    """The unit and every unit above it, read from its parent path."""
    # sudo: only the path of the unit is read
    path = department.sudo().parent_path or ""
    return [int(i) for i in path.split("/") if i]


def search_dvk_unit_ids(operator, value):
    """People whose unit is one of ``value`` or below it (no unit: False)."""
    if operator not in ("in", "not in"):
        return NotImplemented
    ids = [v for v in value if v]
    domain = Domain("department_id", "child_of", ids) if ids else Domain.FALSE
    if False in value:
        domain |= Domain("department_id", "=", False)
    return domain if operator == "in" else ~domain


def unit_first_name_search(name_search, name, domain, operator, limit):
    """A DVK person picker of a unit lists the unit's own people first, then
    the rest of its subtree (``name_search``: the model's own)."""
    unit_id = dvk_listed_unit(domain)
    if not unit_id:
        return name_search(name, domain, operator, limit)
    domain = Domain(domain or Domain.TRUE)
    own = name_search(
        name, domain & Domain("department_id", "=", unit_id), operator, limit
    )
    if limit and len(own) >= limit:
        return own
    others = name_search(
        name,
        domain & Domain("department_id", "!=", unit_id),
        operator,
        limit - len(own) if limit else limit,
    )
    return own + others


def assign_dvk_unit_ids(records):
    """The unit and the units above it of employees (private or public
    records), whoever reads them: they place the person in the tree."""
    Department = records.env["hr.department"]
    for record in records:
        # sudo: the person's unit, not the content of his HR record (a new
        # private record is computed for users without HR rights too)
        unit = record.sudo().department_id
        record.dvk_unit_ids = Department.browse(unit_ids_of(unit))


def assign_dvk_counts(records):
    """Compute the DVK figures of employees (private or public records)."""
    counts = records.env["hr.employee"]._dvk_counts(records.ids)
    for record in records:
        for key, _model in COUNTED:
            record[key] = counts[key].get(record.id, 0)


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    emulation_title_ids = fields.One2many(
        "hr.emulation.title",
        "employee_id",
        string="Emulation Titles",
        groups="hr.group_hr_user",
    )
    discipline_ids = fields.One2many(
        "hr.discipline",
        "employee_id",
        string="Disciplinary Actions",
        groups="hr.group_hr_user",
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
    dvk_unit_ids = fields.Many2many(
        "hr.department",
        string="Unit and Units Above",
        compute="_compute_dvk_unit_ids",
        search="_search_dvk_unit_ids",
        help="The person's unit and every unit above it. A DVK person picker "
        "of a unit offers the people whose units include it, the unit's own "
        "people first.",
    )

    dvk_registrable = fields.Boolean(
        string="Registrable by Me",
        compute="_compute_dvk_registrable",
        search="_search_dvk_registrable",
        help="People the current user may register for: themselves, the "
        "people of the units they head, and for an officer those of the "
        "units in their charge (all for a DVK manager).",
    )

    @api.depends_context("uid")
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

    @api.depends("department_id")
    def _compute_dvk_unit_ids(self):
        assign_dvk_unit_ids(self)

    def _search_dvk_unit_ids(self, operator, value):
        return search_dvk_unit_ids(operator, value)

    @api.model
    def name_search(self, name="", domain=None, operator="ilike", limit=100):
        return unit_first_name_search(
            super().name_search, name, domain, operator, limit
        )

    @api.model
    def _dvk_counts(self, ids):
        """The DVK figures of the employees ``ids``: facts about the people,
        the same for every reader who may read that kind of record at all
        (none of a kind he may not read, such as disciplinary actions for
        staff): {field name: {employee id: count}}."""
        counts = {key: {} for key, _model in COUNTED}
        for key, model in COUNTED:
            if not self.env[model].has_access("read"):
                continue
            # sudo: a count per person, whatever records the reader may open
            Records = self.env[model].sudo()
            if model == "dvk.model":
                models_ = Records.search_fetch(
                    self.browse(ids)._dvk_model_domain(), ["employee_id", "member_ids"]
                )
                for record in models_:
                    for employee_id in (record.employee_id | record.member_ids).ids:
                        counts[key][employee_id] = counts[key].get(employee_id, 0) + 1
                continue
            groups = Records._read_group(
                [("employee_id", "in", ids)], ["employee_id"], ["__count"]
            )
            counts[key] = {employee.id: count for employee, count in groups}
        return counts

    @api.depends_context("uid")
    def _compute_dvk_counts(self):
        assign_dvk_counts(self)

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

    @api.depends_context("uid")
    def _compute_dvk_registrable(self):
        domain = self.env["hr.employee"]._dvk_registrable_domain()
        allowed = self.filtered_domain(domain)
        for employee in self:
            employee.dvk_registrable = employee in allowed

    def _search_dvk_registrable(self, operator, value):
        return self.env["hr.employee"]._search_dvk_registrable(operator, value)

    # What DVK shows of a person to users without HR rights (their read of
    # hr.employee comes from here): the same figures, counted among the
    # records the reader may read, and the unit chain of the person pickers.
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
    dvk_unit_ids = fields.Many2many(
        "hr.department",
        string="Unit and Units Above",
        compute="_compute_dvk_unit_ids",
        search="_search_dvk_unit_ids",
    )

    @api.depends_context("uid")
    def _compute_dvk_counts(self):
        assign_dvk_counts(self)

    @api.depends("department_id")
    def _compute_dvk_unit_ids(self):
        assign_dvk_unit_ids(self)

    def _search_dvk_unit_ids(self, operator, value):
        return search_dvk_unit_ids(operator, value)

    @api.model
    def name_search(self, name="", domain=None, operator="ilike", limit=100):
        # The employee avatar widgets search here for users without HR rights.
        return unit_first_name_search(
            super().name_search, name, domain, operator, limit
        )

    def _dvk_employee(self):
        """The same person as an hr.employee record (same id), whose DVK
        actions need no HR rights: they read DVK records only."""
        return self.env["hr.employee"].browse(self.ids)

    def action_open_dvk_models(self):
        return self._dvk_employee().action_open_dvk_models()

    def action_open_dvk_exemplars(self):
        return self._dvk_employee().action_open_dvk_exemplars()

    def action_open_dvk_titles(self):
        return self._dvk_employee().action_open_dvk_titles()

    def action_open_dvk_disciplines(self):
        return self._dvk_employee().action_open_dvk_disciplines()
