from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain


class DvkSubjectMixin(models.AbstractModel):
    """Who and what a registration is about: its campaign, its subject (a
    unit or a person) and registrant; who has a stake in it and which
    officers act on it.

    The record-link contract: a model composing this mixin says which field
    of the decision lines, dossier lines and score sheets points at it
    (:meth:`_dvk_line_field`) and which criteria sets judge it
    (:meth:`_dvk_target`).
    """

    _name = "dvk.subject.mixin"
    _inherit = ["dvk.state.mixin"]
    _description = "DVK Registration Subject"

    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        # Registrations are submitted in an open campaign only.
        domain="[('state', '=', 'open')]",
        default=lambda self: self._default_campaign_id(),
    )
    # Precomputed: written with the record itself rather than by an UPDATE
    # of every new row right after its INSERT.
    profile = fields.Char(related="campaign_id.profile", store=True, precompute=True)
    year = fields.Integer(related="campaign_id.year", store=True, precompute=True)
    subject_type = fields.Selection(
        [("collective", "Collective"), ("individual", "Individual")],
        required=True,
        default="collective",
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        context={"hierarchical_naming": False},
        string="Unit",
        # The units the user may register for (hr.department.dvk_registrable).
        domain="[('dvk_registrable', '=', True)]",
        default=lambda self: self._default_department_id(),
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        help="The collective itself, or the unit of the individual.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        # The people the server lets the user register (see
        # _dvk_check_registrable_employee), not every employee.
        domain="[('dvk_registrable', '=', True)]",
        help="The individual, for an individual subject.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    registrant_id = fields.Many2one(
        "res.users",
        string="Registered By",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        ondelete="restrict",
        help="The user who registered the record; a continuation made by an "
        "officer (carry-over) keeps the original registrant.",
    )

    dvk_in_officer_scope = fields.Boolean(
        compute="_compute_dvk_in_officer_scope",
        help="The current user acts on this record as an officer: a DVK "
        "officer in charge of its unit (or of a unit above it), or a manager.",
    )

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        # The public profile: users without HR rights (DVK staff and officers)
        # cannot read the unit through hr.employee since Odoo 19 (hr.version).
        employee = self.env["hr.employee.public"].browse(self.employee_id.ids)
        if employee.department_id:
            self.department_id = employee.department_id

    @api.onchange("subject_type")
    def _onchange_subject_type(self):
        """An individual registration is first the user's own."""
        if self.subject_type == "individual" and not self.employee_id:
            self.employee_id = self.env.user.employee_id
        elif self.subject_type == "collective":
            self.employee_id = False

    def _dvk_check_registrable_employee(self):
        """One registers an individual only for oneself, the people of the
        units one heads, or (officers) of the units in one's charge."""
        if self.env.su:
            return
        people = self.employee_id
        if not people:
            return
        Employee = self.env["hr.employee"]
        # sudo: the check reads the people's units, not their HR records
        allowed = Employee.sudo().search(
            Domain("id", "in", people.ids) & Employee._dvk_registrable_domain()
        )
        outside = people - allowed
        if outside:
            raise UserError(
                self.env._(
                    "You can register an individual only for yourself, the "
                    "people of the units you head or, as an officer, of the "
                    "units in your charge: %(names)s.",
                    # sudo: the names of the people refused, for the message
                    names=", ".join(outside.sudo().mapped("name")),
                )
            )

    @api.constrains("subject_type", "employee_id")
    def _check_subject(self):
        for record in self:
            if record.subject_type == "individual" and not record.employee_id:
                raise ValidationError(
                    self.env._("An individual registration needs the employee.")
                )

    def _dvk_instead_of_deleting(self):
        """Hook: what the current user can do instead of deleting this record,
        which has left the draft state: a way he has, or whom to ask (the
        rule stays: only a draft is deleted). By default the officer in
        charge of its unit refuses a draft or proposed file and sets a
        refused one back to draft; a recognised one stays on record."""
        self.ensure_one()
        if self.state == "recognized":
            return self.env._("it stays on record as a recognised one.")
        if self._dvk_in_officer_scope():
            if self.state == "refused":
                return self.env._("set it back to draft, then delete it.")
            return self.env._("refuse it instead.")
        return self._dvk_ask_officer_in_charge()

    def _dvk_ask_officer_in_charge(self):
        """The sentence naming the officer in charge of the record's unit
        (or, when none is, the DVK managers) as the one to ask."""
        self.ensure_one()
        officer = self.department_id._dvk_responsible_officer()
        if officer:
            return self.env._(
                "ask %(officer)s, the DVK officer in charge of its unit.",
                officer=officer.name,
            )
        return self.env._("ask a DVK manager.")

    def _dvk_is_manager(self):
        return self.env.user.has_group("dvk_models.group_dvk_manager")

    def _dvk_is_officer(self):
        return self.env.user.has_group("dvk_models.group_dvk_officer")

    def _dvk_subject_users(self):
        """Users who registered the record or are its subject."""
        self.ensure_one()
        return self.registrant_id | self.employee_id.user_id

    def _dvk_registrant_partners(self):
        """{record id: partners of its registrant and subject}: those told of
        what happens to their registration (as approval and refusal tell
        them), for :meth:`_dvk_log_batch`'s ``notify``."""
        return {record.id: record._dvk_subject_users().partner_id for record in self}

    @api.model
    def _default_department_id(self):
        """A new registration starts in the user's own unit."""
        # sudo: the user's own unit, not the content of HR records
        return self.env.user.sudo().employee_id.department_id.sudo(False)

    @api.model
    def _default_campaign_id(self):
        """The campaign a new registration belongs to: the open one that is
        running today in the user's company, or, when several are (party and
        a sector), the one whose units include the user's own unit (a
        sector's campaign before the general one). None when it stays
        ambiguous: the user chooses."""
        today = fields.Date.context_today(self)
        campaigns = self.env["dvk.campaign"].search(
            [
                ("state", "=", "open"),
                ("date_start", "<=", today),
                ("date_end", ">=", today),
                ("company_id", "=", self.env.company.id),
            ]
        )
        if len(campaigns) <= 1:
            return campaigns
        user = self.env.user
        # sudo: the user's own unit, not the content of HR records
        own = user.sudo().employee_ids.department_id.sudo(False)
        units = own | user._dvk_scope_units()
        if not units:
            return campaigns.browse()
        fitting = campaigns.filtered(
            lambda c: units.filtered_domain(c._summary_unit_domain())
        )
        specific = fitting.filtered(lambda c: not c._summary_unit_domain().is_true())
        for candidates in (specific, fitting):
            if len(candidates) == 1:
                return candidates
        return campaigns.browse()

    def _get_registrant_users(self):
        """Users with a stake in the record: they never decide on it nor sit
        on its council. A model that extends it extends
        :meth:`_dvk_stake_domain` the same way."""
        self.ensure_one()
        return self._dvk_subject_users()

    def _dvk_with_stake(self, user):
        """The records of ``self`` in which ``user`` has a stake (those whose
        :meth:`_get_registrant_users` include him), in one query whatever
        their number (:meth:`_dvk_stake_domain`)."""
        if not self:
            return self
        domain = Domain("id", "in", self.ids) & self._dvk_stake_domain(user)
        # sudo: narrows the caller's own records to those he has a stake in;
        # nothing is read from the people it goes through
        found = set(self.sudo().search(domain).ids)
        return self.filtered(lambda record: record.id in found)

    def _dvk_stake_domain(self, user):
        """The records in which ``user`` has a stake, as a domain: he
        registered them or they are about him."""
        return Domain("registrant_id", "=", user.id) | Domain(
            "employee_id.user_id", "=", user.id
        )

    def _dvk_officer_scope(self):
        """The units the user acts on as an officer: those in his charge and
        every unit below them."""
        return self.env.user._dvk_scope_units()

    def _dvk_in_officer_scope(self):
        """Whether the user acts as an officer on this record's unit."""
        self.ensure_one()
        if self.env.su or self._dvk_is_manager():
            return True
        return self._dvk_is_officer() and (
            self.department_id in self._dvk_officer_scope()
        )

    @api.depends_context("uid")
    @api.depends("department_id")
    def _compute_dvk_in_officer_scope(self):
        """The predicate of the officers' buttons, the one their methods check
        (:meth:`_dvk_check_officer_scope`)."""
        if self._dvk_is_manager():
            self.dvk_in_officer_scope = True
            return
        scope = self._dvk_officer_scope() if self._dvk_is_officer() else None
        for record in self:
            record.dvk_in_officer_scope = bool(
                scope is not None and record.department_id in scope
            )

    def _dvk_check_officer_scope(self):
        """Officers act on the units in their charge and below; managers on all."""
        if self._dvk_is_manager():
            return
        if not self._dvk_is_officer():
            raise UserError(self.env._("Only a DVK officer or manager can do this."))
        scope = self._dvk_officer_scope()
        outside = self.filtered(lambda r: r.department_id not in scope)
        if outside:
            raise UserError(
                self.env._(
                    "%(names)s belong to units outside your charge.",
                    names=", ".join(outside.mapped("display_name")),
                )
            )

    @api.model
    def _dvk_check_officer_scope_units(self, units):
        """Same rule for units chosen in a wizard."""
        if self._dvk_is_manager():
            return
        if not self._dvk_is_officer():
            raise UserError(self.env._("Only a DVK officer or manager can do this."))
        outside = units - self._dvk_officer_scope()
        if outside:
            raise UserError(
                self.env._(
                    "%(units)s are outside the units in your charge.",
                    units=", ".join(outside.mapped("display_name")),
                )
            )

    def _dvk_of_profile(self, code):
        """The records of ``self`` whose campaign's profile follows the
        guidance of ``code``: that profile, or one sharing its rules (a
        variant gets the behaviour of the profile it shares, not only its
        data)."""
        codes = self.env["dvk.profile"]._dvk_codes_following(code)
        # ``profile``: the campaign's profile code, stored on the record
        return self.filtered(lambda r: r.profile in codes)

    def _dvk_line_field(self):
        """Name of the decision-line (and score-sheet) field pointing at this
        model."""
        raise NotImplementedError

    def _dvk_target(self):
        """The criteria-set target of this model: "model" or "exemplar"."""
        raise NotImplementedError

    def _dvk_protected_fields(self):
        return super()._dvk_protected_fields() | {"registrant_id"}

    def _dvk_clean_create_vals(self, vals):
        # The registrant defaults to the user himself.
        if vals.get("registrant_id") in (self.env.uid, None):
            vals.pop("registrant_id", None)
        return super()._dvk_clean_create_vals(vals)

    def write(self, vals):
        result = super().write(vals)
        if vals.get("employee_id"):
            self._dvk_check_registrable_employee()
        return result

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._dvk_check_registrable_employee()
        return records
