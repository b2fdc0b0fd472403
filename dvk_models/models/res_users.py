from odoo import api, fields, models
from odoo.fields import Command


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

    def _get_invalidation_fields(self):
        # The record rules of an officer read his units in charge: a change
        # of them must reach his next request, as a change of his groups does.
        return super()._get_invalidation_fields() | {"dvk_department_ids"}

    def write(self, vals):
        res = super().write(vals)
        if "dvk_department_ids" in vals:
            self._dvk_sync_derived_groups()
        return res

    def _dvk_home_action(self):
        """The action this user lands in after logging in when no home
        action is set on him (see ir.http session_info): the DVK dashboard
        for DVK users; sector addons name the landing of their own groups."""
        self.ensure_one()
        if self._is_internal() and self.has_group("dvk_models.group_dvk_user"):
            return self.env.ref(
                "dvk_models.dvk_campaign_action_dashboard", raise_if_not_found=False
            )
        return None

    # ------------------------------------------------------------------
    # Groups that follow the organisation
    # ------------------------------------------------------------------
    @api.model
    def _dvk_derived_groups(self):
        """Hook: {group xml id: method returning the users of the group}.

        These groups are not granted by hand: the organisation says who is in
        them (who approves, whom a sector's units count), and they decide
        only what the menus and lists show; record rules and the workflow's
        guards decide what users may do. Sectors add their own."""
        return {"dvk_models.group_dvk_approver": self._dvk_approver_group_users}

    @api.model
    def _dvk_approver_group_users(self):
        """The approvers of units: those who may have registrations to decide
        (the nearest unit's approver is whom every routing asks)."""
        # sudo: who approves for the units, to build the menus
        Department = self.env["hr.department"].sudo()
        units = Department.search([("dvk_approver_id", "!=", False)])
        return units.dvk_approver_id

    @api.model
    def _dvk_users_of_units(self, units):
        """The users who belong to ``units``: the people of these units and
        of the units below them, their approvers, and the officers in charge
        of one of them or of a unit above one of them."""
        # sudo: the organisation (units, people's users, officers in charge)
        # is read to build the menus, not the content of HR records
        Department = self.env["hr.department"].sudo()
        subtree = Department.search([("id", "child_of", units.ids)]) if units else units
        if not subtree:
            return self.browse()
        # sudo: see above
        Employee = self.env["hr.employee"].sudo()
        employees = Employee.search(
            [("department_id", "in", subtree.ids), ("user_id", "!=", False)]
        )
        chains = {
            int(unit_id)
            for path in subtree.mapped("parent_path")
            for unit_id in path.split("/")
            if unit_id
        }
        # sudo: see above
        Users = self.sudo()
        officers = Users.search([("dvk_department_ids", "in", list(chains))])
        users = employees.user_id | subtree.dvk_approver_id | officers
        return self.browse(users.ids)

    @api.model
    def _dvk_sync_derived_groups(self, rules_changed=True):
        """Bring each group of :meth:`_dvk_derived_groups` in line with the
        organisation: called when the units, their people, approvers or
        officers change. A few queries per group, whatever the number of
        users.

        ``rules_changed``: the change may alter what the record rules read
        of a user (his units, the PV05 offices he is in), so their cached
        domains are dropped; a new person without a user changes none."""
        # sudo: the groups follow the organisation whoever changed it (an HR
        # officer moving a person, a DVK officer setting an approver)
        Users = self.sudo().with_context(active_test=False)
        for xmlid, members in self._dvk_derived_groups().items():
            group = self.env.ref(xmlid, raise_if_not_found=False)
            if not group:
                continue
            wanted = Users.browse(members().ids).filtered(lambda u: not u.share)
            current = Users.search([("group_ids", "in", group.ids)])
            if wanted - current:
                (wanted - current).write({"group_ids": [Command.link(group.id)]})
            if current - wanted:
                (current - wanted).write({"group_ids": [Command.unlink(group.id)]})
        if rules_changed:
            # Rules read the units of a user (decisions published to them)
            # and the provinces PV05 follows: a move of a person or a unit
            # reaches the next request. What was written is flushed first (as
            # ir.rule does before it clears the cache): a constraint of the
            # write fails in the write, not later inside the evaluation of a
            # rule, which would hide it under a ValueError.
            self.env.flush_all()
            self.env.registry.clear_cache()

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
