from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _dvk_derived_groups(self):
        groups = super()._dvk_derived_groups()
        groups["dvk_union.group_dvk_union_sector"] = self._dvk_union_users
        return groups

    @api.model
    def _dvk_union_users(self):
        """The users of the trade-union units (seed 004): their people,
        approvers and the officers in charge of them."""
        # sudo: the kinds of units are configuration, read to build the menus
        Department = self.env["hr.department"].sudo()
        units = Department.search([("dvk_union_kind", "!=", False)])
        return self._dvk_users_of_units(units)
