from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _dvk_home_action(self):
        """Sở Nội vụ, no DVK user, lands in the reports sent to it."""
        action = super()._dvk_home_action()
        if not action and self.has_group(
            "dvk_statehub.group_dvk_statehub_home_affairs"
        ):
            action = self.env.ref(
                "dvk_statehub.dvk_statehub_report_action", raise_if_not_found=False
            )
        return action

    @api.model
    def _dvk_derived_groups(self):
        groups = super()._dvk_derived_groups()
        groups["dvk_statehub.group_dvk_statehub_sector"] = self._dvk_statehub_users
        return groups

    @api.model
    def _dvk_statehub_users(self):
        """The users of the state agencies (seed 003 Điều 1.2): the people of
        their units, their approvers and the officers in charge of them."""
        # sudo: the kinds of units are configuration, read to build the menus
        Department = self.env["hr.department"].sudo()
        agencies = Department.search(
            [
                "|",
                ("dvk_statehub_kind", "!=", False),
                ("dvk_statehub_home_affairs", "=", True),
            ]
        )
        return self._dvk_users_of_units(agencies)
