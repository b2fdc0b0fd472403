from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from ..tools import rules

_lt = LazyTranslate(__name__)

# The default subjects of a decision, read in the reader's language on its
# form and printed in Vietnamese: a decision whose lines carry a form of
# commendation recognises and commends in one act (seed 004 §IV.4).
DEFAULT_TITLE = _lt('Recognising "Dân vận khéo" models and exemplars of %(year)s')
DEFAULT_TITLE_COMMENDING = _lt(
    'Recognising and commending "Dân vận khéo" models and exemplars of %(year)s'
)


class DvkDecision(models.Model):
    """A numbered recognition decision (quyết định công nhận).

    It is issued by a unit of its own level (seed 001 §3, seed 003 Đ7.2). The
    number is drawn only when the decision is confirmed, gapless from 01 each
    calendar year of its date per issuing unit (Decree 30/2020/NĐ-CP, guidance
    36-HD/VPTW); confirming recognises every line at once.
    """

    _name = "dvk.decision"
    _description = "DVK Recognition Decision"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # A draft has no number: the field stays empty until confirmation draws
    # it (never a "/" that would show in lists, titles and the chatter).
    name = fields.Char(string="Number", readonly=True, copy=False, tracking=True)
    # The subject the officer wrote; the default one is not stored but read
    # in the reader's language (stored, it kept the language of whoever
    # created the draft: English for the demo data and the imports).
    own_title = fields.Char(
        string="Own Subject",
        help="The subject the officer wrote; empty: the default subject of "
        "the campaign's year.",
    )
    title = fields.Char(
        compute="_compute_title",
        inverse="_inverse_title",
        readonly=False,
        help="Subject of the decision as printed under its title.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        # Decisions answer the proposals of a running campaign of the
        # officer's sectors (the campaigns his dashboard lists).
        domain="[('state', '=', 'open'), ('dvk_concerns_me', '=', True)]",
        default=lambda self: self.env["dvk.campaign"]._dvk_campaign_at_work(),
    )
    year = fields.Integer(related="campaign_id.year", store=True)
    number_year = fields.Integer(
        compute="_compute_number_year",
        store=True,
        help="The calendar year of the decision's date: numbers restart at 01 "
        "each year for each issuing unit.",
    )
    sequence_number = fields.Integer(
        string="Number in the Year", readonly=True, copy=False
    )
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
    line_ids = fields.One2many("dvk.decision.line", "decision_id", string="Lines")
    line_count = fields.Integer(compute="_compute_line_count")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    can_cancel = fields.Boolean(
        compute="_compute_can_cancel",
        help="Whether the current user may cancel this issued decision: a DVK "
        "manager, or an officer of the unit that issued (or recorded) it.",
    )
    draft_warning = fields.Text(
        compute="_compute_draft_warning",
        help="What the draft still lacks to be issued as an official document.",
    )
    legal_basis = fields.Text(
        string="Legal Bases",
        compute="_compute_legal_basis",
        store=True,
        readonly=False,
        help='One legal basis per line, printed as "Căn cứ ...;"; taken from the '
        "guidance documents of the campaign.",
    )
    note = fields.Html(
        string="Proposals Considered",
        help="Printed after the legal bases, e.g. the proposals the decision "
        "answers; left empty, the decision cites the proposals of the units.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
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

    _number_uniq = models.UniqueIndex(
        "(authority_department_id, number_year, sequence_number) "
        "WHERE sequence_number IS NOT NULL",
        "This number is already used by a decision of the issuing unit this year.",
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

    @api.depends("date")
    def _compute_number_year(self):
        for decision in self:
            decision.number_year = decision.date.year if decision.date else 0

    def _default_title(self, year, commends=False, lang=None):
        """The default subject, the one definition the form shows and the
        decision prints, in ``lang`` (default: the reader's language; any
        language the addon translates, installed or not)."""
        term = DEFAULT_TITLE_COMMENDING if commends else DEFAULT_TITLE
        return term._translate(lang or self.env.lang or "en_US") % {"year": year}

    def _dvk_commends(self):
        """Whether the decision also commends: one of its lines carries a
        form of commendation."""
        self.ensure_one()
        return bool(self.line_ids.filtered("award_form"))

    def _is_default_title(self, title):
        """Whether ``title`` is the default subject of some year, in the
        user's language or in English: such a title follows the campaign."""
        if not title:
            return True
        defaults = {
            self._default_title(0, commends, lang)
            for commends in (False, True)
            for lang in (self.env.lang, "en_US")
        }
        for default in defaults:
            prefix = default[:-1]
            if title.startswith(prefix) and title[len(prefix) :].strip().isdigit():
                return True
        return False

    @api.depends("own_title", "campaign_id.year", "line_ids.award_form")
    @api.depends_context("lang")
    def _compute_title(self):
        # The default subject carries the campaign's year and follows a change
        # of campaign and of the awards; a subject the user wrote is kept.
        for decision in self:
            decision.title = decision.own_title or decision._default_title(
                decision.campaign_id.year or "", decision._dvk_commends()
            )

    def _inverse_title(self):
        for decision in self:
            title = decision.title
            decision.own_title = False if decision._is_default_title(title) else title

    @api.depends("campaign_id")
    def _compute_legal_basis(self):
        for decision in self:
            decision.legal_basis = decision.campaign_id.legal_basis

    @api.depends("line_ids")
    def _compute_line_count(self):
        # sudo: how many records the decision names, whoever reads it
        Line = self.env["dvk.decision.line"].sudo()
        counts = {
            decision.id: count
            for decision, count in Line._read_group(
                [("decision_id", "in", self._origin.ids)], ["decision_id"], ["__count"]
            )
        }
        for decision in self:
            decision.line_count = counts.get(decision._origin.id, 0)

    @api.depends_context("uid")
    @api.depends("state", "authority_department_id")
    def _compute_can_cancel(self):
        # The same predicate as the guard of action_cancel.
        scope = None
        if self.env.user.has_group("dvk_models.group_dvk_officer"):
            scope = self.env.user._dvk_scope_units()
        for decision in self:
            decision.can_cancel = decision._dvk_cancel_refusal(scope) is None

    @api.depends(
        "state",
        "authority_department_id.dvk_decision_symbol",
        "signer_id",
        "legal_basis",
        "campaign_id",
    )
    def _compute_draft_warning(self):
        for decision in self:
            if decision.state != "draft":
                decision.draft_warning = False
                continue
            decision.draft_warning = "\n".join(decision._dvk_draft_warnings()) or False

    @api.depends("name", "state")
    def _compute_display_name(self):
        # A draft has no number yet: it reads "Decision (draft)" everywhere.
        for decision in self:
            decision.display_name = decision.name or self.env._("Decision (draft)")

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

    @api.constrains("date", "campaign_id")
    def _check_date(self):
        for decision in self:
            if decision.date.year < decision.campaign_id.year:
                raise ValidationError(
                    self.env._(
                        "A decision of the %(year)s campaign cannot be dated "
                        "before that year.",
                        year=decision.campaign_id.year,
                    )
                )

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

    def write(self, vals):
        if not self.env.su:
            self._check_authority_scope()
            if {
                "state",
                "name",
                "cancel_reason",
                "sequence_number",
                "number_year",
            } & set(vals):
                raise UserError(
                    self.env._(
                        "The number and state of a decision change only through "
                        "its Confirm and Cancel buttons."
                    )
                )
            locked = self.filtered(lambda d: d.state != "draft")
            if locked and set(vals) - {
                f for f in vals if f.startswith(("message_", "activity_"))
            }:
                raise UserError(
                    self.env._(
                        "The decision %(name)s is %(state)s and can no longer be "
                        "changed; issue a new decision instead.",
                        name=locked[0].name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[locked[0].state],
                    )
                )
        res = super().write(vals)
        if not self.env.su:
            # The decision as it now stands must still be one the officer
            # records (another issuing unit, another recording unit).
            self._check_authority_scope()
        return res

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if (
                    vals.get("state", "draft") != "draft"
                    or vals.get("name")
                    or vals.get("cancel_reason")
                    or vals.get("sequence_number")
                ):
                    raise UserError(
                        self.env._(
                            "A decision is created as a draft; its number is "
                            "drawn when it is confirmed."
                        )
                    )
            # Named before the record rules refuse it without a name: the
            # decision as it would be created (its computed issuer and
            # recording units), without its lines.
            if not self.env.user.has_group("dvk_models.group_dvk_manager"):
                for vals in vals_list:
                    self.new(
                        {
                            fname: value
                            for fname, value in vals.items()
                            if fname in self._fields
                            and self._fields[fname].type
                            not in ("one2many", "many2many")
                        }
                    )._check_authority_scope()
        decisions = super().create(vals_list)
        if not self.env.su:
            decisions._check_authority_scope()
        return decisions

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        for decision in self:
            if decision.state == "confirmed":
                raise UserError(
                    self.env._(
                        "The decision %(name)s is issued and cannot be deleted. "
                        'Use its "Cancel Decision" button (the officer of the '
                        "issuing unit or a DVK manager) and give the reason: its "
                        "models and exemplars go back to where they stood "
                        "before it; then issue the correct decision.",
                        name=decision.name,
                    )
                )
            if decision.state == "cancelled":
                raise UserError(
                    self.env._(
                        "The decision %(name)s is cancelled: it stays on record "
                        "with its number and the reason of its cancellation.",
                        name=decision.name,
                    )
                )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for vals in vals_list:
            vals.pop("line_ids", None)
        return vals_list

    # ------------------------------------------------------------------
    # Numbering
    # ------------------------------------------------------------------
    def _draw_number(self):
        """The next number of the issuing unit in the year of the decision's
        date, drawn race-free and gaplessly (see dvk.decision.counter)."""
        self.ensure_one()
        self.flush_recordset(["authority_department_id", "date"])
        return self.env["dvk.decision.counter"]._draw(
            self.authority_department_id, self.date.year
        )

    def _dvk_is_party_format(self):
        """Party header and numbering, or state ones: the campaign profile's
        document format, else the kind of the issuing unit."""
        self.ensure_one()
        document_format = self.campaign_id.profile_id.document_format
        if document_format in ("party", "state"):
            return document_format == "party"
        return bool(self.authority_department_id.dvk_is_party_body)

    def _format_number(self, number):
        """Hook: the number as printed, from the number drawn (or a blank for
        a draft) and the issuing unit: "12-QĐ/ĐU" for a Party body (guidance
        36-HD/VPTW), "12/QĐ-UBND" for a state body (Decree 30/2020/NĐ-CP).
        Numbers below 10 take a leading zero."""
        self.ensure_one()
        if isinstance(number, int):
            number = f"{number:02d}"
        unit = self.authority_department_id
        # No symbol of the unit's own: dots for the clerk, never another
        # body's symbol (confirming asks for it first).
        symbol = unit.dvk_decision_symbol or "....."
        if self._dvk_is_party_format():
            return f"{number}-QĐ/{symbol}"
        return f"{number}/QĐ-{symbol}"

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_can_confirm(self):
        """Hook: raise when a decision cannot be issued."""
        self._dvk_check_level_in_chain()
        for decision in self:
            unit = decision.authority_department_id
            if not unit.dvk_decision_symbol:
                raise UserError(
                    self.env._(
                        "%(unit)s has no decision symbol of its own (the part "
                        'after "QĐ" in its numbers, e.g. ĐU for a Party '
                        "committee, UBND for a People's Committee): set it on "
                        "the unit before issuing its decision.",
                        unit=unit.display_name,
                    )
                )
            if not decision.line_ids:
                raise UserError(
                    self.env._("The decision has no model or exemplar to recognise.")
                )
            # Decree 30/2020/NĐ-CP: an issued decision states its legal bases
            # ("Căn cứ ..."); a draft may wait for them, not the issue.
            if not (decision.legal_basis or "").strip():
                raise UserError(
                    self.env._(
                        'The decision cites no legal basis ("Căn cứ ..."), '
                        "which an issued decision must state. %(advice)s",
                        advice=decision.campaign_id._dvk_missing_guidance_message(),
                    )
                )
            wrong = decision.line_ids.filtered(
                lambda line, d=decision: (
                    line.record_proposal_level_id != d.level_id
                    or line.record_campaign_id != d.campaign_id
                )
            )
            if wrong:
                raise UserError(
                    self.env._(
                        "These lines are not proposed at %(level)s in %(campaign)s: "
                        "%(names)s.",
                        level=decision.level_id.name,
                        campaign=decision.campaign_id.name,
                        names=", ".join(wrong.mapped("display_name")),
                    )
                )
        self.line_ids.model_id._check_recognizable(self)
        self.line_ids.exemplar_id._check_recognizable(self)

    def _dvk_draft_warnings(self):
        """Hook: what the draft lacks to be issued as an official document,
        in words the officer acts on (shown above the draft)."""
        self.ensure_one()
        warnings = []
        unit = self.authority_department_id
        if unit and not unit.dvk_decision_symbol:
            warnings.append(
                self.env._(
                    "%(unit)s has no decision symbol of its own: set it on the "
                    "unit (e.g. ĐU, UBND) before confirming.",
                    unit=unit.display_name,
                )
            )
        if unit and not self.signer_id:
            warnings.append(
                self.env._(
                    "Nobody signs the decision yet: choose the signer (by default "
                    "the head of %(unit)s, which has none recorded).",
                    unit=unit.display_name,
                )
            )
        campaign = self.campaign_id
        if campaign and not (self.legal_basis or "").strip():
            warnings.append(campaign._dvk_missing_guidance_message())
        return warnings

    def _dvk_proposals_considered(self):
        """Hook: the proposals the decision answers, each printed as its own
        "Xét ..." ground before the articles (e.g. the submission letter a
        sector requires). The core has none: the officer writes them in the
        note, else the decision cites the proposals of the units."""
        self.ensure_one()
        return []

    def _dvk_award_grantor(self):
        """Hook: who grants the commendation the decision carries, as its
        article names him after "Tặng Giấy khen / Bằng khen của": the
        issuing unit, unless a profile says otherwise."""
        self.ensure_one()
        return self.authority_department_id.name or ""

    def _dvk_notified_units(self):
        """Hook: units that receive the issued decision besides those named in
        it and the issuing unit's superior (printed under "Nơi nhận")."""
        self.ensure_one()
        return self.env["hr.department"]

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Decision drafted")

    def action_confirm(self):
        """Issue the decision: draw its number and recognise every line."""
        if not self.env.user.has_group("dvk_models.group_dvk_officer"):
            raise UserError(self.env._("Only a DVK officer can issue decisions."))
        for decision in self:
            if decision.state != "draft":
                raise UserError(
                    self.env._(
                        "The decision %(name)s has already been issued.",
                        name=decision.name,
                    )
                )
        self._check_authority_scope()
        self.check_access("write")
        self._check_authority_level()
        self.lock_for_update()
        self._lock_line_records()
        self._check_can_confirm()
        for decision in self:
            number = decision._draw_number()
            # sudo: number and state are written only here, after the checks
            decision.sudo().write(
                {
                    "state": "confirmed",
                    "sequence_number": number,
                    "name": decision._format_number(number),
                }
            )
            models_ = decision.line_ids.model_id
            exemplars = decision.line_ids.exemplar_id
            text = self.env._(
                "Recognised at %(level)s by decision %(number)s of %(date)s.",
                level=decision.level_id.name,
                number=decision.name,
                date=rules.vn_date(decision.date),
            )
            body = models_._dvk_body(text)
            # The registrants hear of the recognition the way they hear of
            # the approval: one notice each, listing their records.
            models_._dvk_workflow_write(
                {"state": "recognized", "proposal_level_id": False},
                {m.id: body for m in models_},
                models_._dvk_registrant_partners(),
                grouped=True,
            )
            exemplars._dvk_workflow_write(
                {"state": "recognized", "proposal_level_id": False},
                {e.id: body for e in exemplars},
                exemplars._dvk_registrant_partners(),
                grouped=True,
            )
        return True

    def _lock_line_records(self):
        """Lock the models and exemplars the decisions recognise, waiting for
        a concurrent confirmation: once it commits, this transaction fails
        with a serialisation error and its retry sees them recognised, so two
        decisions never recognise the same record (RELIABILITY (b) 26)."""
        for records in (self.line_ids.model_id, self.line_ids.exemplar_id):
            if records:
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE",
                        SQL.identifier(records._table),
                        tuple(records.ids),
                    )
                )
                records.invalidate_recordset(["state", "proposal_level_id"])
        self.line_ids.invalidate_recordset(
            ["record_state", "record_proposal_level_id", "record_campaign_id"]
        )

    def _dvk_cancel_refusal(self, scope=None):
        """Why the current user may not cancel this decision, as the error to
        raise, or None: only an issued decision is cancelled, by a DVK manager
        or by an officer of a unit that records it (its issuing unit, or one
        above it). The Cancel button shows by the same predicate."""
        self.ensure_one()
        if self.state != "confirmed":
            return UserError(self.env._("Only an issued decision can be cancelled."))
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            return None
        if not user.has_group("dvk_models.group_dvk_officer"):
            return AccessError(
                self.env._(
                    "Only the officer of the issuing unit or a DVK manager can "
                    "cancel a decision."
                )
            )
        if not self._dvk_in_officer_scope(scope):
            return AccessError(
                self.env._(
                    "%(unit)s is outside the units in your charge: only its "
                    "officer or a DVK manager can cancel its decision %(name)s.",
                    unit=self.authority_department_id.display_name,
                    name=self.name,
                )
            )
        return None

    def action_cancel(self, reason=None):
        """Cancel an issued decision, with the reason (the officer of the
        issuing unit or a DVK manager): its lines go back to where the
        remaining decisions leave them and their recognised level is
        recomputed; the number is not reused."""
        for decision in self:
            refusal = decision._dvk_cancel_refusal()
            if refusal:
                raise refusal
        if not reason or not rules.normalize_text(reason):
            raise ValidationError(self.env._("Give the reason for the cancellation."))
        self.check_access("write")
        self.lock_for_update()
        Model = self.env["dvk.model"]
        for decision in self:
            # sudo: state is written only here, after the checks
            decision.sudo().write({"state": "cancelled", "cancel_reason": reason})
            models_ = decision.line_ids.model_id
            exemplars = decision.line_ids.exemplar_id
            models_._dvk_restore_after_cancel(decision.level_id)
            exemplars._dvk_restore_after_cancel(decision.level_id)
            text = self.env._(
                "Decision %(number)s cancelled; the recognition is withdrawn. Reason:",
                number=decision.name,
            )
            body = Model._dvk_body(text, reason)
            # The reason goes to the registrants, as the cancel dialog says.
            models_._dvk_log_batch(
                {m.id: body for m in models_},
                models_._dvk_registrant_partners(),
                grouped=True,
            )
            exemplars._dvk_log_batch(
                {e.id: body for e in exemplars},
                exemplars._dvk_registrant_partners(),
                grouped=True,
            )
            decision.message_post(
                body=Model._dvk_body(
                    self.env._(
                        "Decision cancelled: its %(count)s models and exemplars "
                        "are back where the other decisions leave them. Reason:",
                        count=len(decision.line_ids),
                    ),
                    reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_cancel_wizard(self):
        # Refused before the dialog opens, with the same words as the action.
        for decision in self:
            refusal = decision._dvk_cancel_refusal()
            if refusal:
                raise refusal
        return self.env["dvk.reason.wizard"]._open_for(self, "cancel")

    def action_delete_draft(self):
        """Delete draft decisions, the form's Delete button: shown by
        ``dvk_can_issue`` on a draft, the predicate checked here; an issued
        or cancelled decision stays on record (its form and list offer no
        Delete, which the server would refuse)."""
        for decision in self:
            if decision.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft decision can be deleted; cancel an issued "
                        "decision instead."
                    )
                )
            if not decision.dvk_can_issue:
                raise AccessError(
                    self.env._(
                        "Only the officer of the issuing unit or a DVK manager "
                        "can delete this draft decision."
                    )
                )
        self.unlink()
        # Back to the list of decisions in place of the breadcrumbs, which
        # still lead to the deleted draft ("record not found"), as Odoo does
        # after deleting from a form.
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_decision_action"
        )
        action["target"] = "main"
        return action

    def action_add_proposed(self):
        """Fill the draft with everything proposed at its level in its campaign."""
        self.ensure_one()
        # Public method (RELIABILITY A2): only the officers of the issuing unit
        # may change the decision.
        self.check_access("write")
        if self.state != "draft":
            raise UserError(self.env._("Only a draft decision can be filled."))
        domain = [
            ("campaign_id", "=", self.campaign_id.id),
            ("proposal_level_id", "=", self.level_id.id),
        ]
        taken = self.env["dvk.decision.line"].search(
            [("decision_id.state", "=", "draft")]
        )
        models_ = self.env["dvk.model"].search(
            domain + [("id", "not in", taken.model_id.ids)]
        )
        exemplars = self.env["dvk.exemplar"].search(
            domain + [("id", "not in", taken.exemplar_id.ids)]
        )
        self.env["dvk.decision.line"].create(
            [{"decision_id": self.id, "model_id": m.id} for m in models_]
            + [{"decision_id": self.id, "exemplar_id": e.id} for e in exemplars]
        )
        return True
