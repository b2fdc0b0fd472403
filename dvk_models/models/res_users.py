from odoo import fields, models


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

    def _dvk_scope_units(self):
        """The units an officer acts on: those in his charge and every unit
        below them (the one definition the workflow, the decisions, the
        dashboard and the unit settings share)."""
        self.ensure_one()
        return self.env["hr.department"].search(
            [("id", "child_of", self.dvk_department_ids.ids)]
        )

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
