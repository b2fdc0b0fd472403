from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    dvk_police_followed_ids = fields.Many2many(
        "hr.department",
        string="Provincial Police Followed (PV05)",
        compute="_compute_dvk_police_followed_ids",
        context={"active_test": False},
        help="The provincial police whose approved models the user aggregates "
        "as a member, approver or officer of its PV05 office (seed 002 §I "
        "step 2): the record rules of PV05 give their units.",
    )

    def _compute_dvk_police_followed_ids(self):
        # sudo: the PV05 offices, their people and the provincial police above
        # them are read to build the user's record rules
        Department = self.env["hr.department"].sudo()
        offices = Department.search([("dvk_police_is_pv05", "=", True)])
        followed = {
            office._dvk_police_pv05_province().id: self._dvk_users_of_units(office)
            for office in offices
        }
        for user in self:
            user.dvk_police_followed_ids = self.env["hr.department"].browse(
                [province for province, users in followed.items() if user in users]
            )

    @api.model
    def _dvk_derived_groups(self):
        groups = super()._dvk_derived_groups()
        groups["dvk_police.group_dvk_police_sector"] = self._dvk_police_users_of_sector
        groups["dvk_police.group_dvk_police_pv05"] = self._dvk_police_pv05_users
        return groups

    @api.model
    def _dvk_police_users_of_sector(self):
        """The users of the police units (seed 002): their people, approvers
        and the officers in charge of them."""
        # sudo: the kinds of units are configuration, read to build the menus
        Department = self.env["hr.department"].sudo()
        units = Department.search([("dvk_police_kind", "!=", False)])
        return self._dvk_users_of_units(units)

    @api.model
    def _dvk_police_pv05_users(self):
        """The people, approvers and officers of the PV05 offices."""
        # sudo: see _dvk_police_users_of_sector
        Department = self.env["hr.department"].sudo()
        offices = Department.search([("dvk_police_is_pv05", "=", True)])
        return self._dvk_users_of_units(offices)
