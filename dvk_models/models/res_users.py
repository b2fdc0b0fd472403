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
