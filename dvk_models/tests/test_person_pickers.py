"""Issue 22 item 16: the person pickers of DVK forms offer the people of the
record's unit subtree in its company, the unit's own people first, instead
of every employee of the database (Odoo's English demo ones first)."""

import re

from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import DvkCommon


@tagged("post_install", "-at_install")
class TestPersonPickers(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        Employee = cls.env["hr.employee"]
        cls.cell = Department.create(
            {"name": "Chi bộ ấp Sâm Bua", "parent_id": cls.commune.id}
        )
        # Named so that the name order alone would list them first.
        cls.emp_cell = Employee.create(
            {"name": "An Văn Ấp", "department_id": cls.cell.id}
        )
        cls.emp_outsider = Employee.create({"name": "Abigail Peterson"})
        cls.emp_rd = Employee.create(
            {
                "name": "Aaron Research",
                "department_id": Department.create({"name": "Research"}).id,
            }
        )
        cls.emp_district = Employee.create(
            {"name": "Ý Thị Huyện", "department_id": cls.district.id}
        )
        cls.commune_people = cls.emp_staff | cls.emp_staff2 | cls.emp_approver

    def _offered(self, record, fname, user, limit=100, model=None):
        """The people the picker of ``fname`` offers on ``record`` to
        ``user``, in order: the field's domain evaluated on the record's
        values, as the web client does, then its autocomplete."""
        description = record.fields_get([fname])[fname]
        names = set(re.findall(r"[a-z_]+", description["domain"])) & set(record._fields)
        values = {
            name: record[name].id if record._fields[name].relational else record[name]
            for name in names
        }
        domain = safe_eval(description["domain"], values)
        # The employee avatar widgets search hr.employee.public for users
        # without HR rights (``model``).
        Comodel = self.env[model or description["relation"]].with_user(user)
        found = [i for i, _name in Comodel.name_search("", domain, limit=limit)]
        return self.env["hr.employee"].browse(found) if model else Comodel.browse(found)

    def test_participants_of_the_units_subtree_own_first(self):
        """Issue 22 item 16: a model's participants are offered from its
        unit's subtree in its company, the unit's own people first, then the
        units below; not other communes, other trees or people without unit
        (the same for a user without HR rights)."""
        model = self._create_model(user=self.user_staff)
        for user, searched in (
            (self.user_staff, None),
            (self.user_staff, "hr.employee.public"),
            (self.user_manager, None),
        ):
            with self.subTest(user=user.login, model=searched):
                offered = self._offered(model, "member_ids", user, model=searched)
                self.assertEqual(set(offered), set(self.commune_people | self.emp_cell))
                self.assertEqual(offered[-1], self.emp_cell)
                first = self._offered(model, "member_ids", user, 3, searched)
                self.assertEqual(first.ids, offered[:3].ids)
                self.assertEqual(set(first), set(self.commune_people))

    def test_monitor_from_the_committee_above(self):
        """Issue 22 item 16 and seed 000 §II.1 step 2: the committee above
        the unit assigns the monitoring officer: its people first, then the
        rest of its subtree (the unit's own included), nobody outside."""
        model = self._create_model(user=self.user_staff)
        for searched in ("hr.employee", "hr.employee.public"):
            with self.subTest(model=searched):
                offered = self._offered(
                    model, "monitor_id", self.user_staff, model=searched
                )
                self.assertEqual(offered[0], self.emp_district)
                self.assertIn(self.emp_other, offered)
                self.assertLessEqual(self.commune_people, offered)
                self.assertFalse(offered & (self.emp_outsider | self.emp_rd))

    def test_signer_of_the_issuer_own_first(self):
        """Issue 22 item 16: a decision's signer is offered from the issuing
        unit's subtree, its own people first."""
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "level_id": self.level_district.id,
                    "authority_department_id": self.district.id,
                }
            )
        )
        offered = self._offered(decision, "signer_id", self.user_officer)
        self.assertEqual(offered[0], self.emp_district)
        self.assertLessEqual(
            self.commune_people | self.emp_cell | self.emp_other, offered
        )
        self.assertFalse(offered & (self.emp_outsider | self.emp_rd))

    def test_without_unit_the_users_scope(self):
        """Issue 22 item 16: before the record has its unit (a decision
        without its issuer yet), the picker offers the people the user may
        act for (an officer: the units in his charge), not every employee."""
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .new({"campaign_id": self.campaign.id, "authority_department_id": False})
        )
        self.assertFalse(decision.authority_department_id)
        offered = self._offered(decision, "signer_id", self.user_officer)
        self.assertIn(self.emp_district, offered)
        self.assertLessEqual(self.commune_people | self.emp_other, offered)
        self.assertFalse(offered & (self.emp_outsider | self.emp_rd))

    def test_exemplar_person_and_evaluators(self):
        """Issue 22 item 16: an exemplar's person is offered among those the
        user may register (staff: himself), and a score sheet's evaluators
        among the DVK users of the company, not other internal users."""
        exemplar = self.env["dvk.exemplar"].new({"subject_type": "individual"})
        offered = self._offered(exemplar, "employee_id", self.user_staff)
        self.assertEqual(offered, self.emp_staff)
        outsider = new_test_user(self.env, login="not_dvk", groups="base.group_user")
        sheet = self.env["dvk.score.sheet"].new({"company_id": self.company.id})
        offered = self._offered(sheet, "evaluator_id", self.user_officer)
        self.assertIn(self.user_approver, offered)
        self.assertIn(self.user_officer, offered)
        self.assertNotIn(outsider, offered)
