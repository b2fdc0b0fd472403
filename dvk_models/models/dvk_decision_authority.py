from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain


class DvkDecisionAuthority(models.AbstractModel):
    """Who issues a decision: its level in the campaign's chain, the issuing
    unit of that level (within the officer's charge) and the signer."""

    _name = "dvk.decision.authority"
    _description = "DVK Decision Issuing Authority"

    level_id = fields.Many2one(
        "dvk.level",
        required=True,
        ondelete="restrict",
        tracking=True,
        compute="_compute_level_id",
        store=True,
        readonly=False,
        precompute=True,
        # The levels of the chain in force on the decision's date (the
        # picker and _dvk_check_level_in_chain use the same predicate).
        domain="[('id', 'in', level_chain_ids)]",
    )
    level_chain_ids = fields.Many2many(
        "dvk.level",
        compute="_compute_level_chain_ids",
        help="The levels of the campaign's profile in force on the decision's "
        "date, lowest first: since 1/7/2025 no district tier for the profiles "
        "whose chain ended it.",
    )
    level_name = fields.Char(
        string="Level as Named",
        compute="_compute_level_name",
        help="The level as the campaign's chain names it (for the sector "
        'unions since 1/7/2025: "Trên trực tiếp cơ sở", not "Huyện"), as '
        "the level picker and the printed decision name it.",
    )
    authority_department_id = fields.Many2one(
        "hr.department",
        context={"hierarchical_naming": False},
        string="Issuing Unit",
        # A unit of the decision's level (_check_authority_level) the user
        # may issue for (_dvk_issuer_domain, the server's check).
        domain="level_id and [('dvk_level_id', '=', level_id), "
        "('id', 'in', dvk_issuer_ids)] or [('id', 'in', dvk_issuer_ids)]",
        required=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        compute="_compute_authority_department_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    signer_id = fields.Many2one(
        "hr.employee",
        string="Signed By",
        tracking=True,
        check_company=True,
        # The people of the issuing unit's subtree, its own first (without
        # an issuer yet, those of the units in the user's charge).
        domain="authority_department_id and [('dvk_unit_ids', 'in', "
        "[authority_department_id])] or [('dvk_registrable', '=', True)]",
        compute="_compute_signer_id",
        store=True,
        readonly=False,
        help="The head of the issuing unit unless someone else signs.",
    )
    signer_title = fields.Char(
        string="Signer's Position",
        compute="_compute_signer_title",
        store=True,
        readonly=False,
        help="Printed above the signer's name. By default from the issuing "
        "unit's data: the title of its head (e.g. BÍ THƯ, TRƯỞNG BAN), or of "
        "its deputies when someone else signs.",
    )
    dvk_issuer_ids = fields.Many2many(
        "hr.department",
        string="Units the User May Issue For",
        compute="_compute_dvk_issuer_ids",
        help="The issuing units offered to the current user: those the server "
        "accepts from him (every unit for a DVK manager).",
    )
    dvk_can_issue = fields.Boolean(
        compute="_compute_dvk_can_issue",
        help="The current user writes and issues this decision: a DVK officer "
        "in charge of its issuing unit, or a DVK manager.",
    )

    @api.depends("campaign_id.profile_id", "date")
    def _compute_level_chain_ids(self):
        for decision in self:
            decision.level_chain_ids = decision._dvk_level_chain()

    @api.depends("campaign_id", "level_id")
    def _compute_level_name(self):
        for decision in self:
            decision.level_name = decision.campaign_id._dvk_level_name(
                decision.level_id
            ) or (decision.level_id.name or "")

    def _dvk_level_chain(self):
        """The level chain in force on the decision's date for its campaign's
        profile, lowest first (every active level for a campaign without a
        profile; none before the campaign is chosen: its chain decides)."""
        self.ensure_one()
        if not self.campaign_id:
            return self.env["dvk.level"]
        profile = self.campaign_id.profile_id
        if not profile:
            return self.env["dvk.level"]._get_ordered()
        return profile._dvk_levels_at(self.date or fields.Date.context_today(self))

    @api.depends("campaign_id")
    def _compute_level_id(self):
        """The level the campaign's proposals wait at, when they all wait at
        one and it is a level of the chain on the decision's date; the
        officer chooses otherwise."""
        waiting = None
        for decision in self:
            if decision.level_id or not decision.campaign_id:
                continue
            if waiting is None:
                waiting = self.env["dvk.campaign"]._dvk_waiting_proposals()
            levels = {
                level
                for campaign, level in waiting
                if campaign == decision.campaign_id and level
            }
            if len(levels) == 1 and levels <= set(decision._dvk_level_chain()):
                decision.level_id = levels.pop()

    @api.depends("level_id")
    def _compute_authority_department_id(self):
        """The one unit of the decision's level among those in the user's
        charge (a district officer's district committee); none when several
        would fit (the communes below him)."""
        for decision in self:
            level = decision.level_id
            if decision.authority_department_id.dvk_level_id == level or not level:
                continue
            units = self.env.user.dvk_department_ids.filtered(
                lambda unit, level=level: unit.dvk_level_id == level
            )
            decision.authority_department_id = units if len(units) == 1 else False

    @api.depends("authority_department_id")
    def _compute_signer_id(self):
        for decision in self:
            if decision.state != "draft":
                continue
            # sudo: the issuing unit's head (a name and a position), not the
            # content of HR records
            decision.signer_id = decision.authority_department_id.sudo().manager_id

    @api.depends("authority_department_id", "signer_id")
    def _compute_signer_title(self):
        # The same titles as the signature printed without one: the issuing
        # unit's data (dvk_head_title, dvk_deputy_title), its kind, else the
        # signer's job title.
        Report = self.env["dvk.report.mixin"]
        for decision in self:
            if decision.state != "draft":
                continue
            unit = decision.authority_department_id
            position = unit and Report._dvk_signer_position(unit, decision.signer_id)
            decision.signer_title = position.upper() if position else False

    @api.depends_context("uid", "allowed_company_ids")
    @api.depends("campaign_id")
    def _compute_dvk_issuer_ids(self):
        """The issuing units the user may pick: every unit of his companies
        for a manager, else those of :meth:`_dvk_issuer_domain`, the
        predicate :meth:`_check_authority_scope` applies."""
        Department = self.env["hr.department"]
        if self.env.user.has_group("dvk_models.group_dvk_manager"):
            units = Department.search(
                [("company_id", "in", [False, *self.env.companies.ids])]
            )
            for decision in self:
                decision.dvk_issuer_ids = units
            return
        scope = self.env.user._dvk_scope_units()
        for decision in self:
            decision.dvk_issuer_ids = Department.search(
                decision._dvk_issuer_domain(scope)
            )

    @api.depends_context("uid")
    @api.depends("authority_department_id")
    def _compute_dvk_can_issue(self):
        """The predicate of the Add and Confirm buttons: what
        :meth:`_check_authority_scope` and the officers' write rule accept."""
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            self.dvk_can_issue = True
            return
        if not user.has_group("dvk_models.group_dvk_officer"):
            self.dvk_can_issue = False
            return
        scope = user._dvk_scope_units()
        for decision in self:
            decision.dvk_can_issue = bool(
                decision.authority_department_id
            ) and decision._dvk_in_officer_scope(scope)

    @api.constrains("level_id", "authority_department_id")
    def _check_authority_level(self):
        """Seed 001 §3, seed 003 Đ7.2: a decision at a level is issued by a
        unit of that level (the district board recognises district models),
        whoever writes it."""
        for decision in self:
            unit = decision.authority_department_id
            if unit.dvk_level_id == decision.level_id:
                continue
            if not unit.dvk_level_id:
                raise ValidationError(
                    self.env._(
                        "%(unit)s has no DVK level and cannot issue a decision "
                        "at %(level)s.",
                        unit=unit.display_name,
                        level=decision.level_id.name,
                    )
                )
            raise ValidationError(
                self.env._(
                    "%(unit)s is a unit at %(unit_level)s and cannot issue a "
                    "decision at %(level)s: a decision is issued by a unit of "
                    "its own level.",
                    unit=unit.display_name,
                    unit_level=unit.dvk_level_id.name,
                    level=decision.level_id.name,
                )
            )

    def _dvk_check_level_in_chain(self):
        """The decision's level is one of the chain in force on its date (the
        levels its picker offers): no decision at the district tier of a
        profile whose chain ended it (the two-tier local government from
        1/7/2025)."""
        for decision in self:
            chain = decision._dvk_level_chain()
            if not decision.level_id or decision.level_id in chain:
                continue
            profile = decision.campaign_id.profile_id
            # sudo: the steps of the profile's chain, configuration data
            steps = profile.sudo()._dvk_all_steps()
            ended = steps.filtered(
                lambda s, d=decision: (
                    s.level_id == d.level_id and s.date_to and s.date_to < d.date
                )
            )
            if ended:
                step = ended.sorted("date_to")[-1]
                raise UserError(
                    self.env._(
                        "%(level)s is no longer a level of %(profile)s on "
                        "%(date)s: its step (%(authority)s) ended on %(end)s "
                        "in the profile's level chain. The chain in force is "
                        "%(chain)s.",
                        level=decision.level_id.name,
                        profile=profile.display_name,
                        date=decision.date.strftime("%d/%m/%Y"),
                        authority=step.authority or step.level_id.name,
                        end=step.date_to.strftime("%d/%m/%Y"),
                        chain=" → ".join(chain.mapped("name")),
                    )
                )
            raise UserError(
                self.env._(
                    "%(level)s is not a level of %(profile)s on %(date)s: the "
                    "chain in force is %(chain)s.",
                    level=decision.level_id.name,
                    profile=profile.display_name or "-",
                    date=decision.date.strftime("%d/%m/%Y"),
                    chain=" → ".join(chain.mapped("name")),
                )
            )

    @api.onchange("date", "campaign_id")
    def _onchange_date_level(self):
        # Another date may fall under another chain: a level outside it is
        # dropped rather than refused on issuing.
        if self.level_id and self.level_id not in self._dvk_level_chain():
            self.level_id = False

    def _dvk_issuer_domain(self, scope):
        """Hook: the units an officer whose units in scope are ``scope``
        (:meth:`res.users._dvk_scope_units`) may issue this decision for:
        the one predicate of the issuer picker and of the server's check.

        The core: the units in his charge and below. A sector adds the
        authority outside its tree whose decision one of his units records
        (the provincial labour federation records the provincial People's
        Committee's decision on its province-wide models, seed 004 §IV.3);
        its record rules must then let that unit's officers read and write
        such decisions."""
        return Domain("id", "in", scope.ids)

    def _dvk_in_officer_scope(self, scope=None):
        """Whether the current user is an officer who may issue this
        decision: its issuing unit is one of :meth:`_dvk_issuer_domain`;
        ``scope``: the user's units in scope, when already known."""
        self.ensure_one()
        if scope is None:
            scope = self.env.user._dvk_scope_units()
        unit = self.authority_department_id
        return bool(unit) and bool(unit.filtered_domain(self._dvk_issuer_domain(scope)))

    def _check_authority_scope(self):
        """An officer records and issues the decisions of the units in his
        charge (and below them) only; managers everywhere. Record rules say
        the same; this names the issuing unit."""
        if self.env.su or self.env.user.has_group("dvk_models.group_dvk_manager"):
            return
        scope = self.env.user._dvk_scope_units()
        for decision in self:
            # Without an issuing unit the required field speaks first.
            if not decision.authority_department_id:
                continue
            if decision._dvk_in_officer_scope(scope):
                continue
            raise AccessError(
                self.env._(
                    "%(unit)s is outside the units in your charge: you cannot "
                    "issue its decisions.",
                    unit=decision.authority_department_id.display_name or "-",
                )
            )
