from odoo import api, fields, models

# Kinds of police units whose head approves models (seed 002 §I step 2).
APPROVING_KINDS = ("province", "province_unit", "district")

POLICE_KINDS = [
    ("province", "Provincial Police (leadership)"),
    ("province_unit", "Unit under the Provincial Police"),
    ("district", "District Police"),
    ("team", "Professional Team or Equivalent"),
    ("commune", "Commune Police"),
    ("mass_org", "Mass Organisation of the Provincial Police"),
]


class HrDepartment(models.Model):
    _inherit = "hr.department"

    dvk_police_kind = fields.Selection(
        POLICE_KINDS,
        string="Police Unit Kind",
        index=True,
        help="Decides who approves the unit's DVK models under the police profile "
        "(seed 002 §I step 2).",
    )
    dvk_police_unit_kind = fields.Selection(
        selection=POLICE_KINDS,
        string="Kind of the Police Unit",
        compute="_compute_dvk_police_unit_kind",
        store=True,
        recursive=True,
        help="The kind of the nearest police unit at or above this unit; a "
        "section of a mass organisation counts as the mass organisation.",
    )
    dvk_police_is_pv05 = fields.Boolean(
        string="PV05 (Party and Political Work Office)",
        help="The office of the provincial police that aggregates the approved "
        "models and reports them to the Ministry (Cục V05) and to the provincial "
        "party committee's mass-mobilisation board.",
    )
    dvk_police_informed_id = fields.Many2one(
        "hr.department",
        string="Party Body Informed",
        help="The party body that follows and records the models approved for "
        "this police unit: the provincial mass-mobilisation board for the "
        "provincial police, the district board for a district police, the "
        "commune party committee for a commune police.",
    )

    @api.depends("dvk_police_kind", "parent_id.dvk_police_unit_kind")
    def _compute_dvk_police_unit_kind(self):
        for unit in self:
            unit.dvk_police_unit_kind = (
                unit.dvk_police_kind or unit.parent_id.dvk_police_unit_kind
            )

    def _dvk_police_unit(self):
        """The nearest unit at or above this one that has a police kind."""
        self.ensure_one()
        for unit in self._dvk_approver_chain():
            if unit.dvk_police_kind:
                return unit
        return self.browse()

    def _dvk_police_ancestor(self, kinds, date=None):
        """The nearest unit strictly above this one with one of ``kinds``. A
        dissolved district police is no longer anyone's superior: today an
        archived one, on ``date`` one that had ended by then (its units were
        taken over on its lineage date), so the routing of an earlier date
        still meets the district police of that time."""
        self.ensure_one()
        for unit in self._dvk_approver_chain()[1:]:
            if unit.dvk_police_kind in kinds:
                if unit.dvk_police_kind == "district" and unit._dvk_police_ended(date):
                    continue
                return unit
        return self.browse()

    def _dvk_police_ended(self, date=None):
        """Whether the unit no longer existed on ``date`` (today when none):
        ended on its lineage date, or archived without one."""
        self.ensure_one()
        # sudo: whether the unit still exists, not its records
        unit = self.sudo()
        if date and unit.dvk_lineage_date:
            return unit.dvk_lineage_date <= date
        return not unit.active

    @api.model
    def _dvk_police_approving_kinds(self, with_district=True):
        """The kinds whose head approves: without the district police when
        the campaign's chain has no district level (from 1/3/2025)."""
        if with_district:
            return APPROVING_KINDS
        return tuple(kind for kind in APPROVING_KINDS if kind != "district")

    def _dvk_police_authority(self, with_district=True, date=None):
        """The police unit whose head approves the models of this police unit
        (seed 002 §I step 2):

        - units under the provincial police, district police and mass
          organisations: the provincial police leadership;
        - professional teams of a unit under the provincial police: that unit;
        - district teams and commune police: the district police; where none
          is above them (dissolved on 1/3/2025, or ``with_district`` False for
          a campaign after that date), the provincial police leadership,
          through PV05.

        ``date``: the routing as it stood that day (``_dvk_police_ancestor``).
        """
        self.ensure_one()
        kind = self.dvk_police_kind
        if kind == "province":
            return self
        if kind in ("team", "commune"):
            above = self._dvk_police_ancestor(
                self._dvk_police_approving_kinds(with_district), date
            )
            if above:
                return above
        return self._dvk_police_ancestor(("province",), date)

    def _dvk_police_pv05_province(self):
        """The provincial police this PV05 office belongs to (the office
        itself when it has no police above it)."""
        self.ensure_one()
        if self.dvk_police_kind == "province":
            return self
        return self._dvk_police_ancestor(("province",)) or self

    def _dvk_police_pv05(self):
        """PV05 of the provincial police this unit belongs to."""
        self.ensure_one()
        province = (
            self
            if self.dvk_police_kind == "province"
            else (self._dvk_police_ancestor(("province",)))
        )
        if not province:
            return self.browse()
        # sudo: the office is looked up to route copies, not to read records
        Department = self.sudo()
        office = Department.search(
            [("id", "child_of", province.id), ("dvk_police_is_pv05", "=", True)],
            limit=1,
        )
        return self.browse(office.ids)

    def _dvk_police_users(self):
        """Who reads the copies sent to a unit: its approver (the head) and
        its DVK officers."""
        # sudo: only who is in charge of the units is read
        units = self.sudo()
        return (units.dvk_approver_id | units.dvk_officer_ids).filtered("active")

    def _dvk_police_approver(self, with_district=True, excluded=None):
        """The user who approves the registrations of this police unit
        (seed 002 §I step 2): the head of its competent unit, or of the next
        competent unit above when it has none or he is among ``excluded``
        (the registrants of the model); empty when nobody does. The routing
        (``dvk.model._get_approver``) and the dashboard's approver scope."""
        self.ensure_one()
        excluded = excluded or self.env["res.users"]
        authority = self._dvk_police_authority(with_district)
        kinds = self._dvk_police_approving_kinds(with_district)
        while authority:
            approver = authority.dvk_approver_id
            if approver and approver.active and approver not in excluded:
                return approver
            authority = authority._dvk_police_ancestor(kinds)
        return self.env["res.users"]
