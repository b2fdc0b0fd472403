from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    dvk_department_ids = fields.Many2many(
        "hr.department",
        "dvk_department_officer_rel",
        "user_id",
        "department_id",
        string="DVK Units in Charge",
        context={"hierarchical_naming": False},
        help="An officer sees and handles the DVK records of these units and of "
        "every unit below them.",
    )

    dvk_scope_department_ids = fields.Many2many(
        "hr.department",
        string="DVK Units in Scope",
        compute="_compute_dvk_scope_department_ids",
        context={"active_test": False},
        help="The units in charge and every unit they took over by a merger or "
        "split: the record rules give the subtrees of these units, so the "
        "history of merged units stays visible.",
    )

    @api.depends("dvk_department_ids")
    def _compute_dvk_scope_department_ids(self):
        Department = self.env["hr.department"]
        for user in self:
            # sudo: the units below those in charge and their lineage, to
            # build the record rules of the user
            All = Department.sudo()
            units = All.search(
                [("id", "child_of", user.dvk_department_ids.ids)]
            ).with_env(self.env)
            user.dvk_scope_department_ids = (
                user.dvk_department_ids | units._dvk_lineage_predecessors()
            )

    def _dvk_scope_units(self):
        """The units an officer acts on: those in his charge and every unit
        below them, and the units these took over by a merger or split with
        everything below those (the one definition the workflow, the
        decisions, the dashboard and the unit settings share)."""
        self.ensure_one()
        Department = self.env["hr.department"]
        units = Department.search([("id", "child_of", self.dvk_department_ids.ids)])
        predecessors = units._dvk_lineage_predecessors()
        if predecessors:
            units |= Department.with_context(active_test=False).search(
                [("id", "child_of", predecessors.ids)]
            )
        return units

    def _get_activity_groups(self):
        """The systray badge counts what is late or due today. A DVK approval
        falls due at the registration deadline, weeks ahead, yet it waits on
        the approver from the day it is submitted: the DVK model row counts
        its planned activities too (its row opens them all, see
        activity_menu_patch.js)."""
        groups = super()._get_activity_groups()
        for group in groups:
            if group.get("model") == "dvk.model":
                group["total_count"] += group.get("planned_count", 0)
        return groups
