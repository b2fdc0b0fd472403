from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain


class HrDepartment(models.Model):
    _name = "hr.department"
    _inherit = [
        "hr.department",
        "dvk.numbering.body.mixin",
        "dvk.receiver.body.mixin",
    ]

    dvk_level_id = fields.Many2one(
        "dvk.level",
        string="DVK Level",
        ondelete="restrict",
        help="The level at which this unit recognises models (cơ sở, huyện, tỉnh).",
    )
    dvk_approver_id = fields.Many2one(
        "res.users",
        string="DVK Approver",
        compute="_compute_dvk_approver_id",
        store=True,
        readonly=False,
        help="Approves the DVK registrations of this unit; defaults to the user "
        "of the unit's manager.",
    )
    dvk_receiver_id = fields.Many2one(
        "hr.department",
        string="Registrations Received By",
        help="The unit that receives this unit's registrations (guidance "
        "01-HD/BCĐ §4), "
        "e.g. the district mass-mobilisation board.",
    )
    dvk_decision_symbol = fields.Char(
        string="Decision Symbol",
        help="The unit's own abbreviation in the numbers of its decisions (Decree "
        '30/2020/NĐ-CP, guidance 36-HD/VPTW): ĐU gives "12-QĐ/ĐU" for a Party '
        'committee, UBND "12/QĐ-UBND" for a People\'s Committee, BCĐ "12/QĐ-BCĐ" '
        "for a steering committee. The unit issues no decision without it.",
    )
    dvk_is_party_body = fields.Boolean(
        string="Party Body",
        help="Documents of a Party body carry the Party header (ĐẢNG CỘNG SẢN "
        "VIỆT NAM) instead of the national one (Decree 30/2020/NĐ-CP).",
    )
    dvk_signing_place = fields.Char(
        string="Place of Signing",
        help="Place name printed before the date of the unit's documents: the "
        "province, district or commune where it sits (Decree 30/2020/NĐ-CP), "
        "e.g. Trà Vinh, Càng Long. A unit without a DVK level of its own (a "
        "village cell, an association, an office of an agency) and a steering "
        "committee print the place of the unit they belong to; any other unit "
        "prints its own, or dots for the clerk.",
    )
    dvk_header_name = fields.Char(
        string="Name in Document Headers",
        help="The unit's name as its documents print it under the superior "
        "body, e.g. HUYỆN ỦY CHÂU THÀNH or BAN CHỈ ĐẠO QCDC VÀ PHONG TRÀO "
        "“DÂN VẬN KHÉO”. Empty: the unit's name.",
    )
    dvk_superior_name = fields.Char(
        string="Superior Body in Document Headers",
        help="The line printed above the unit's name in the header of its "
        "documents: the superior Party organisation for a Party body (ĐẢNG BỘ "
        "TỈNH TRÀ VINH above HUYỆN ỦY CHÂU THÀNH, guidance 36-HD/VPTW), the "
        "governing body for a state body (UBND TỈNH TRÀ VINH above SỞ TÀI "
        "CHÍNH, Decree 30/2020/NĐ-CP). Empty: the nearest unit above of the "
        "same kind (a Party body above a Party body), never a steering "
        "committee.",
    )
    dvk_sign_on_behalf = fields.Char(
        string="Signs on Behalf Of",
        help="The collective body in whose name the unit's documents are "
        "signed, printed after T/M (Party) or TM. (state): HUYỆN ỦY, BAN "
        "THƯỜNG VỤ, BAN CHỈ ĐẠO. Empty: the unit's name for a Party body or a "
        "steering committee, nothing for a unit whose head signs alone.",
    )
    dvk_head_title = fields.Char(
        string="Title of the Head in Signatures",
        help="The title under which the head of the unit signs for it, e.g. BÍ "
        "THƯ for a party committee, TRƯỞNG BAN for a steering committee, CHỦ "
        "TỊCH for a union. Empty: Bí thư for a Party body, Trưởng ban for a "
        "steering committee, else the head's job title.",
    )
    dvk_deputy_title = fields.Char(
        string="Title of a Deputy in Signatures",
        help="The title under which a deputy signs for the unit, e.g. PHÓ BÍ "
        "THƯ, PHÓ TRƯỞNG BAN (a state body adds KT. and the head's title "
        "above it). Empty: Phó Bí thư for a Party body, Phó Trưởng ban for a "
        "steering committee, else the signer's job title.",
    )
    dvk_is_steering_committee = fields.Boolean(
        string="DVK Steering Committee",
        help="The steering committee for grassroots democracy and the Dân vận khéo "
        "movement of its level.",
    )
    dvk_officer_ids = fields.Many2many(
        "res.users",
        "dvk_department_officer_rel",
        "department_id",
        "user_id",
        string="DVK Officers",
    )
    dvk_predecessor_ids = fields.Many2many(
        "hr.department",
        "dvk_department_lineage_rel",
        "successor_id",
        "predecessor_id",
        string="Formed From",
        context={"active_test": False, "hierarchical_naming": False},
        help="The units merged into this one or split to form it (recorded by "
        "the Merge or Split Units wizard): their history counts for it.",
    )
    dvk_successor_ids = fields.Many2many(
        "hr.department",
        "dvk_department_lineage_rel",
        "predecessor_id",
        "successor_id",
        string="Succeeded By",
        context={"active_test": False, "hierarchical_naming": False},
        help="The units that took over this one when it was merged or split.",
    )
    dvk_lineage_date = fields.Date(
        string="Merged or Split On",
        tracking=True,
        help="The date from which the successors took over this unit.",
    )
    dvk_formerly = fields.Char(
        string="Formerly",
        compute="_compute_dvk_formerly",
        help='Printed after the unit\'s name in reports: "(formerly ...)".',
    )
    # Every internal user reads units: the DVK figures only for DVK users
    # (the discipline one for officers), who may read what they count.
    dvk_model_count = fields.Integer(
        string="DVK Models",
        compute="_compute_dvk_counts",
        groups="dvk_models.group_dvk_user",
    )
    dvk_exemplar_count = fields.Integer(
        string="DVK Exemplars",
        compute="_compute_dvk_counts",
        groups="dvk_models.group_dvk_user",
    )
    dvk_title_count = fields.Integer(
        string="Emulation Title Count",
        compute="_compute_dvk_counts",
        groups="dvk_models.group_dvk_user",
    )
    # Counted whoever reads it: who may see that a unit's people were
    # disciplined is this field's group.
    dvk_discipline_count = fields.Integer(
        string="Disciplinary Action Count",
        compute="_compute_dvk_counts",
        groups="dvk_models.group_dvk_officer",
    )
    dvk_registrable = fields.Boolean(
        string="Registrable by Me",
        compute="_compute_dvk_registrable",
        search="_search_dvk_registrable",
        help="Units the current user may register models and exemplars for: "
        "his own units, and for an officer the units in his charge and below "
        "them (all for a DVK manager).",
    )

    @api.model
    def _dvk_registrable_domain(self):
        """The units the pickers of a registration offer: what the server
        accepts (the staff's own unit, ``_dvk_check_registrant``; the units
        of the officers' record rules)."""
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            return Domain.TRUE
        # sudo: the user's own units, not the content of HR records
        domain = Domain("id", "in", user.sudo().employee_ids.department_id.ids)
        if user.has_group("dvk_models.group_dvk_officer"):
            domain |= Domain("id", "child_of", user.dvk_scope_department_ids.ids)
        return domain

    @api.depends_context("uid")
    def _compute_dvk_registrable(self):
        allowed = self.filtered_domain(self._dvk_registrable_domain())
        for unit in self:
            unit.dvk_registrable = unit in allowed

    def _search_dvk_registrable(self, operator, value):
        if operator != "in":
            return NotImplemented
        wanted = set(value) & {True, False}
        if len(wanted) != 1:
            return Domain.TRUE if wanted else Domain.FALSE
        domain = self._dvk_registrable_domain()
        return domain if True in wanted else ~domain

    @api.model
    def _dvk_config_fields(self, vals):
        """The DVK settings of a unit among ``vals``: every stored field named
        ``dvk_*`` (the sector addons' included)."""
        return {
            fname
            for fname in vals
            if fname.startswith("dvk_") and self._fields[fname].store
        }

    def _dvk_check_configure(self):
        """DESIGN §3: who approves, receives, issues and recognises is DVK
        configuration: DVK managers set it everywhere, officers for the units
        in their charge; HR rights alone are not enough."""
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            return
        if user.has_group("dvk_models.group_dvk_officer"):
            outside = self - user._dvk_scope_units()
            if not outside:
                return
            raise AccessError(
                self.env._(
                    "The DVK settings of %(units)s are outside the units in your "
                    "charge.",
                    units=", ".join(outside.mapped("name")),
                )
            )
        raise AccessError(
            self.env._("Only a DVK manager or officer can change the DVK settings.")
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            any(vals.get(f) for f in self._dvk_config_fields(vals))
            for vals in vals_list
        ):
            if not self.env.user.has_group("dvk_models.group_dvk_manager"):
                raise AccessError(
                    self.env._(
                        "Only a DVK manager can create a unit with DVK settings."
                    )
                )
        departments = super().create(vals_list)
        self.env["res.users"]._dvk_sync_derived_groups()
        return departments

    def write(self, vals):
        dvk_fields = self._dvk_config_fields(vals)
        if self.env.su or not dvk_fields:
            res = super().write(vals)
        else:
            self._dvk_check_configure()
            others = {f: v for f, v in vals.items() if f not in dvk_fields}
            if others:
                super().write(others)
            # sudo: the caller's right to the DVK settings was checked just
            # above; DVK managers and officers need no HR rights on the unit.
            res = super(HrDepartment, self.sudo()).write(
                {f: vals[f] for f in dvk_fields}
            )
        if dvk_fields or {"parent_id", "active", "manager_id"} & set(vals):
            # Who approves, and whom a sector's units count, follow the tree.
            self.env["res.users"]._dvk_sync_derived_groups()
        return res

    @api.depends("manager_id.user_id")
    def _compute_dvk_approver_id(self):
        for department in self:
            if department.manager_id.user_id:
                department.dvk_approver_id = department.manager_id.user_id

    @api.depends("name", "dvk_predecessor_ids.name")
    def _compute_dvk_formerly(self):
        for department in self:
            department.dvk_formerly = department._dvk_formerly_on() or False

    def _dvk_formerly_on(self, date=None):
        """The "formerly ..." note of the unit for the records of a period
        ending on ``date``: the units it had taken over by then (every one
        without a date), but those of its own name (the commune police of An
        Trường took over the one of the same name). A unit that took over
        nobody by then has none, so its own records of earlier years print
        its name alone."""
        self.ensure_one()
        # sudo: the names of the units it was formed from, archived ones too
        predecessors = self.sudo().dvk_predecessor_ids
        if date:
            predecessors = predecessors.filtered(
                lambda p: not p.dvk_lineage_date or p.dvk_lineage_date <= date
            )
        # A unit that kept its name through the merger is no "formerly".
        predecessors = predecessors.filtered(lambda p: p.name != self.name)
        if not predecessors:
            return ""
        return self.env._(
            "formerly %(names)s", names=", ".join(predecessors.mapped("name"))
        )

    def _dvk_name_with_formerly(self, date=None):
        """The unit's name, with "(formerly ...)" when it had taken over other
        units by ``date`` (the end of the period of the record printed)."""
        self.ensure_one()
        formerly = self._dvk_formerly_on(date)
        if not formerly:
            return self.name or ""
        return f"{self.name} ({formerly})"

    def _dvk_lineage_predecessors(self):
        """Every unit these units took over, directly or through earlier
        mergers and splits (archived ones included), in one query per
        generation."""
        # sudo: the lineage of units, not their records, is read
        Department = self.sudo().with_context(active_test=False)
        found = Department.browse()
        current = Department.browse(self.ids)
        while current:
            found |= current
            current = Department.search([("dvk_successor_ids", "in", current.ids)])
            current -= found
        return self.browse((found - Department.browse(self.ids)).ids)

    def _dvk_lineage_predecessor_map(self):
        """{unit id: ids of every unit it took over, directly or through
        earlier mergers and splits} for these units, in one query per
        generation whatever their number."""
        # sudo: the lineage of units, not their records, is read
        Department = self.sudo().with_context(active_test=False)
        units = Department.browse(self.ids)
        units.fetch(["dvk_predecessor_ids"])
        found = {unit.id: set() for unit in units}
        frontier = {unit.id: set(unit.dvk_predecessor_ids.ids) for unit in units}
        while frontier := {owner: ids for owner, ids in frontier.items() if ids}:
            for owner, ids in frontier.items():
                found[owner] |= ids
            generation = Department.browse(set().union(*frontier.values()))
            generation.fetch(["dvk_predecessor_ids"])
            frontier = {
                owner: set(Department.browse(ids).dvk_predecessor_ids.ids)
                - found[owner]
                - {owner}
                for owner, ids in frontier.items()
            }
        return found

    def _dvk_lineage_current(self):
        """The units that carry these units on today: the unit itself when
        still active, else its successors (followed through later mergers)."""
        # sudo: the lineage of units, not their records, is read
        Department = self.sudo().with_context(active_test=False)
        result = Department.browse()
        seen = Department.browse()
        current = Department.browse(self.ids)
        while current:
            seen |= current
            result |= current.filtered(lambda d: d.active or not d.dvk_successor_ids)
            current = current.filtered(lambda d: not d.active).dvk_successor_ids - seen
        return self.browse(result.ids)

    def _compute_dvk_counts(self):
        """How many models, exemplar files, titles and disciplinary actions
        the unit has: facts about the unit, the same for everyone who may read
        them, not the number of those the reader could open."""
        domain = [("department_id", "in", self._origin.ids)]
        counts = {}
        for key, model in (
            ("dvk_model_count", "dvk.model"),
            ("dvk_exemplar_count", "dvk.exemplar"),
            ("dvk_title_count", "hr.emulation.title"),
            ("dvk_discipline_count", "hr.discipline"),
        ):
            # sudo: a count per unit, whatever the reader's rights
            Records = self.env[model].sudo()
            counts[key] = {
                department.id: count
                for department, count in Records._read_group(
                    domain, ["department_id"], ["__count"]
                )
            }
        for department in self:
            for key, per_department in counts.items():
                department[key] = per_department.get(department._origin.id, 0)

    def _dvk_document_number(self, kind, number, party=None, blank_symbol=""):
        """The number and symbol of a document of kind ``kind`` (BC, TTr, QĐ)
        this unit issues: "05-BC/BCĐH" for a Party body (guidance
        36-HD/VPTW), "05/BC-BCĐ" for a state body (Decree 30/2020/NĐ-CP).
        ``number`` is the number drawn (two digits at least) or a blank left
        for the clerk; ``party`` forces the format. No unit: no symbol;
        ``blank_symbol`` (dots for the clerk) stands for a missing symbol on
        a form printed before it is numbered."""
        if len(self) > 1:
            self.ensure_one()
        if isinstance(number, int):
            number = f"{number:02d}"
        if party is None:
            party = bool(self.dvk_is_party_body)
        symbol = self.dvk_decision_symbol or blank_symbol
        if party:
            return f"{number}-{kind}/{symbol}" if symbol else number
        return f"{number}/{kind}-{symbol}" if symbol else f"{number}/{kind}"

    def _dvk_open(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("department_id", "=", self.id)],
            "context": {"default_department_id": self.id},
        }

    def action_open_dvk_models(self):
        return self._dvk_open("dvk.model", self.env._("Models"))

    def action_open_dvk_exemplars(self):
        return self._dvk_open("dvk.exemplar", self.env._("Exemplars"))

    def action_open_dvk_titles(self):
        return self._dvk_open("hr.emulation.title", self.env._("Emulation Titles"))

    def action_open_dvk_disciplines(self):
        return self._dvk_open("hr.discipline", self.env._("Disciplinary Actions"))

    def _dvk_responsible_officer(self):
        """The DVK officer in charge of this unit or of the nearest unit above
        it (an empty recordset when none is)."""
        self.ensure_one()
        for unit in self._dvk_approver_chain():
            # sudo: reading who is in charge of a unit, not their records
            officers = unit.sudo().dvk_officer_ids.filtered("active")
            if officers:
                return officers[0]
        return self.env["res.users"]

    def _dvk_approver_chain(self):
        """This unit then its parents, nearest first (uses parent_path)."""
        self.ensure_one()
        # sudo: only the path of the unit is read
        path = self.sudo().parent_path
        ids = [int(i) for i in path.split("/") if i]
        return self.browse(reversed(ids))
