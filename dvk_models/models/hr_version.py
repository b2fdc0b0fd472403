from odoo import api, models


class HrVersion(models.Model):
    _inherit = "hr.version"

    @api.model_create_multi
    def create(self, vals_list):
        versions = super().create(vals_list)
        # A new person's first version: the person's create syncs the
        # groups once the user is linked; a later version may move him.
        if any(
            vals.get("department_id") and vals.get("employee_id") for vals in vals_list
        ):
            self.env["res.users"]._dvk_sync_derived_groups()
        return versions

    def write(self, vals):
        res = super().write(vals)
        # A person's unit lives on the version since Odoo 19: the groups that
        # follow the organisation follow it (res.users). A version linked to
        # its person as he is created is synced by the person's create.
        if "department_id" in vals and "employee_id" not in vals:
            self.env["res.users"]._dvk_sync_derived_groups()
        return res
