from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.fields import Domain


class DvkCampaignDashboard(models.AbstractModel):
    """The campaign's dashboard: its figures for the current user's scope
    and the campaigns that concern him."""

    _name = "dvk.campaign.dashboard"
    _description = "DVK Campaign Dashboard"

    # Dashboard figures, for the current user's scope (record rules apply).
    dash_model_count = fields.Integer(string="Models", compute="_compute_dashboard")
    dash_submitted_count = fields.Integer(
        string="Awaiting Approval", compute="_compute_dashboard"
    )
    dash_to_approve_count = fields.Integer(
        string="Awaiting My Approval", compute="_compute_dashboard"
    )
    dash_recognized_count = fields.Integer(
        string="Recognised", compute="_compute_dashboard"
    )
    dash_supplementary_count = fields.Integer(
        string="Supplementary", compute="_compute_dashboard"
    )
    dash_overdue_count = fields.Integer(string="Overdue", compute="_compute_dashboard")
    dash_late_decision_count = fields.Integer(
        string="Decisions After the Deadline",
        compute="_compute_dashboard",
        help="Issued decisions of the campaign dated after its recognition "
        "deadline for their level (seed 001 §4).",
    )
    dash_coverage = fields.Float(
        string="Coverage (%)",
        compute="_compute_dashboard",
        digits=(5, 1),
        help="Share of the units in your scope running at least one model of "
        "the campaign (for a trade-union campaign, of the base unions: the "
        "figure of its coverage report).",
    )
    dash_coverage_label = fields.Char(
        string="Coverage of", compute="_compute_dashboard"
    )
    dash_summary = fields.Html(
        string="Summary", compute="_compute_dashboard", sanitize=False
    )
    dvk_concerns_me = fields.Boolean(
        string="Concerns Me",
        compute="_compute_dvk_concerns_me",
        search="_search_dvk_concerns_me",
        help="The campaigns of the sectors of your units: for each of your "
        "own units and the units in your charge, the campaigns of its sector "
        "(trade unions, police, state agencies), else the general ones (all "
        "for a DVK manager).",
    )

    # ------------------------------------------------------------------
    # Dashboard
    # ------------------------------------------------------------------
    def _dvk_campaigns_concerning_me(self):
        """Among ``self``, the campaigns that concern the current user: for
        each of his units (his own and those in his charge), the campaigns
        whose sector counts it (``_summary_unit_domain``), the campaigns of
        a specific sector before the general ones, as a new registration
        picks its campaign; every campaign for a DVK manager."""
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            return self
        # sudo: the user's own unit, not the content of HR records
        units = user.sudo().employee_ids.department_id.sudo(False)
        if user.has_group("dvk_models.group_dvk_officer"):
            units |= user._dvk_scope_units()
        domains = [(c, c._summary_unit_domain()) for c in self]
        specific = [(c, d) for c, d in domains if not d.is_true()]
        general = self.browse(c.id for c, d in domains if d.is_true())
        if not units:
            return general
        concerned = self.browse()
        for unit in units:
            own = self.browse(c.id for c, d in specific if unit.filtered_domain(d))
            concerned |= own or general
        return concerned

    @api.depends_context("uid")
    def _compute_dvk_concerns_me(self):
        concerned = self._dvk_campaigns_concerning_me()
        for campaign in self:
            campaign.dvk_concerns_me = campaign in concerned

    def _search_dvk_concerns_me(self, operator, value):
        if operator != "in":
            return NotImplemented
        wanted = set(value) & {True, False}
        if len(wanted) != 1:
            return Domain.TRUE if wanted else Domain.FALSE
        concerned = self.search([])._dvk_campaigns_concerning_me()
        domain = Domain("id", "in", concerned.ids)
        return domain if True in wanted else ~domain

    def _dashboard_units(self):
        """Units in the user's scope (see :meth:`_dashboard_scope`)."""
        return self._dashboard_scope()[0]

    def _dashboard_scope(self):
        """Hook: (units, which units they are) the dashboard's coverage is
        over, the units whose models the reader sees: the whole company for
        a manager, the units in charge and below for an officer; else the
        user's own unit and the units whose registrations he approves
        (:meth:`_dashboard_approved_unit_ids`), as the models counted beside
        it are those he registers or approves. A sector whose readers see
        the models of other units (by its routing, or units it follows)
        extends it with them, so the coverage counts the units of the models
        the reader opens."""
        Department = self.env["hr.department"]
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            units = Department.search(
                [("company_id", "in", [False, *self.env.companies.ids])]
            )
            return units, self.env._("all units")
        if user.has_group("dvk_models.group_dvk_officer"):
            return user._dvk_scope_units(), self.env._("units in your charge")
        own = user.employee_ids.department_id
        approved = Department.browse(self._dashboard_approved_unit_ids())
        if approved - own:
            return own | approved, self.env._("your unit and the units you approve")
        return own, self.env._("your unit")

    def _dashboard_approved_unit_ids(self):
        """Hook: ids of the units whose registrations go to the user by the
        core's routing (``dvk.model._get_approver``): those whose nearest
        approver (at or above the unit) is he. A sector that routes its
        campaigns' registrations otherwise answers for its units."""
        # sudo: who approves for the units (the organisation), not the
        # content of the units' records
        Department = self.env["hr.department"].sudo()
        heads = Department.search([("dvk_approver_id", "=", self.env.uid)])
        if not heads:
            return []
        subtree = Department.search([("id", "child_of", heads.ids)])
        approver_of = {unit.id: unit.dvk_approver_id.id for unit in subtree}
        result = []
        for unit in subtree:
            chain = [int(i) for i in unit.parent_path.split("/") if i]
            nearest = next(
                (approver_of[i] for i in reversed(chain) if approver_of.get(i)),
                False,
            )
            if nearest == self.env.uid:
                result.append(unit.id)
        return result

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_dashboard(self):
        Model = self.env["dvk.model"]
        units, scope = self._dashboard_scope()
        states = dict(Model._fields["state"]._description_selection(self.env))
        base = [("campaign_id", "in", self.ids)]
        by_state = {}
        for campaign, state, count in Model._read_group(
            base, ["campaign_id", "state"], ["__count"]
        ):
            by_state.setdefault(campaign.id, {})[state] = count
        by_field = {}
        for campaign, field, count in Model._read_group(
            base, ["campaign_id", "field_id"], ["__count"]
        ):
            by_field.setdefault(campaign.id, []).append((field.display_name, count))
        by_level = {}
        for campaign, level, count in Model._read_group(
            base + [("recognized_level_id", "!=", False)],
            ["campaign_id", "recognized_level_id"],
            ["__count"],
        ):
            # The level as the campaign's chain names it: the sector unions'
            # step since 1/7/2025 is "trên trực tiếp cơ sở", not "Huyện".
            by_level.setdefault(campaign.id, []).append(
                (campaign._dvk_level_name(level), count)
            )
        coverage = self._dvk_coverage(units)
        single = {
            "supplementary": Domain("is_supplementary", "=", True),
            "overdue": Domain("is_overdue", "=", True),
            "mine": Domain("state", "=", "submitted")
            & Domain("approver_id", "=", self.env.uid),
        }
        counts = {
            key: dict(
                Model._read_group(
                    Domain.AND([Domain(base), domain]), ["campaign_id"], ["__count"]
                )
            )
            for key, domain in single.items()
        }
        late = dict(
            self.env["dvk.decision"]._read_group(
                self._dash_late_decisions_domain(), ["campaign_id"], ["__count"]
            )
        )
        for campaign in self:
            campaign.dash_late_decision_count = late.get(campaign, 0)
            states_count = by_state.get(campaign.id, {})
            campaign.dash_model_count = sum(states_count.values())
            campaign.dash_submitted_count = states_count.get("submitted", 0)
            campaign.dash_recognized_count = states_count.get("recognized", 0)
            campaign.dash_supplementary_count = counts["supplementary"].get(campaign, 0)
            campaign.dash_overdue_count = counts["overdue"].get(campaign, 0)
            campaign.dash_to_approve_count = counts["mine"].get(campaign, 0)
            covered, counted, label = coverage[campaign._origin.id]
            campaign.dash_coverage = (
                round(100.0 * covered / counted, 1) if counted else 0.0
            )
            campaign.dash_coverage_label = self.env._(
                "%(counted)s (%(scope)s)", counted=label, scope=scope
            )
            campaign.dash_summary = campaign._dashboard_table(
                [(states[s], c) for s, c in sorted(states_count.items())],
                sorted(by_field.get(campaign.id, [])),
                sorted(by_level.get(campaign.id, [])),
            )

    def _dvk_coverage(self, units):
        """Hook: {campaign id: (units covered, units counted, what is
        counted)} among ``units`` (the reader's scope): the units of today
        (a unit merged into another counts no more) running at least one
        model of the campaign, neither refused nor removed, their own or one
        of a unit they took over. The one definition the dashboard shows; a
        sector whose guidance counts other units (the base unions of a
        trade-union campaign) gives its own, the one its report prints."""
        current = units.filtered("active")
        # sudo: which units of the reader's scope run a model, whoever may
        # open the models
        Model = self.env["dvk.model"].sudo()
        holders = {}
        for campaign, department in Model._read_group(
            [
                ("campaign_id", "in", self._origin.ids),
                ("state", "not in", ("removed", "refused")),
                ("department_id", "in", units.ids),
            ],
            ["campaign_id", "department_id"],
        ):
            holders.setdefault(campaign.id, set()).add(department.id)
        # A unit formed by a merger runs the models of the units it took over.
        former = current._dvk_lineage_predecessor_map()
        label = self.env._("of units covered")
        result = {}
        for campaign in self:
            running = holders.get(campaign._origin.id, set())
            covered = [
                unit
                for unit in current.ids
                if unit in running or former.get(unit, set()) & running
            ]
            result[campaign._origin.id] = (len(covered), len(current), label)
        return result

    def _dashboard_table(self, states, fields_, levels):
        """A small HTML table; every value is escaped."""
        parts = []
        for title, rows in (
            (self.env._("By state"), states),
            (self.env._("By field"), fields_),
            (self.env._("Recognised by level"), levels),
        ):
            if not rows:
                continue
            body = Markup("").join(
                Markup("<tr><td>%s</td><td class='text-end'>%s</td></tr>")
                % (label, count)
                for label, count in rows
            )
            parts.append(
                Markup(
                    "<table class='table table-sm mb-2'><thead><tr><th>%s</th>"
                    "<th></th></tr></thead><tbody>%s</tbody></table>"
                )
                % (escape(title), body)
            )
        return Markup("").join(parts)

    def _dash_open(self, domain, name):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_model_action"
        )
        action.update(
            name=name,
            domain=[("campaign_id", "=", self.id), *domain],
            context={"default_campaign_id": self.id},
        )
        return action

    def action_dash_submitted(self):
        return self._dash_open(
            [("state", "=", "submitted")], self.env._("Awaiting Approval")
        )

    def action_dash_to_approve(self):
        return self._dash_open(
            [("state", "=", "submitted"), ("approver_id", "=", self.env.uid)],
            self.env._("Awaiting My Approval"),
        )

    def action_dash_recognized(self):
        return self._dash_open([("state", "=", "recognized")], self.env._("Recognised"))

    def action_dash_supplementary(self):
        return self._dash_open(
            [("is_supplementary", "=", True)], self.env._("Supplementary")
        )

    def action_dash_overdue(self):
        return self._dash_open([("is_overdue", "=", True)], self.env._("Overdue"))

    def _dash_late_decisions_domain(self):
        """The issued decisions of these campaigns dated after their
        recognition deadline (the reader's record rules apply)."""
        return [
            ("campaign_id", "in", self.ids),
            ("state", "=", "confirmed"),
            ("after_recognition_deadline", "=", True),
        ]

    def action_dash_late_decisions(self):
        """The campaign's decisions issued after its recognition deadline."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_decision_action"
        )
        action.update(
            name=self.env._("Decisions After the Recognition Deadline"),
            domain=self._dash_late_decisions_domain(),
            context={"default_campaign_id": self.id},
        )
        return action
