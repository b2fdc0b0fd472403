import datetime

from odoo.tests import tagged

from .common import DvkPoliceCommon


@tagged("post_install", "-at_install")
class TestPoliceCriteria(DvkPoliceCommon):
    """Seed 002 §III: the criteria of models and exemplars of the police, and
    the automatic checks of the exemplars at their boundaries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = cls.Employee.create(
            {"name": "Thượng úy Sơn Văn Long", "department_id": cls.commune.id}
        )
        cls.title_cstt = cls.env.ref("dvk_models.title_type_cstt")
        cls.title_ldtt = cls.env.ref("dvk_models.title_type_ldtt")
        cls.title_cstdcs = cls.env.ref("dvk_models.title_type_cstdcs")
        cls.title_low = cls.env["hr.emulation.title.type"].create(
            {
                "name": "Hoàn thành nhiệm vụ",
                "code": "HTNV",
                "rank": 5,
                "subject_type": "individual",
            }
        )

    def _exemplar(self, employee=None, unit=None):
        # sudo: test fixture set-up, not the behaviour under test
        Exemplar = self.env["dvk.exemplar"].sudo()
        if employee:
            return Exemplar.create(
                {
                    "campaign_id": self.campaign.id,
                    "subject_type": "individual",
                    "employee_id": employee.id,
                    "department_id": employee.department_id.id,
                }
            )
        return Exemplar.create(
            {
                "campaign_id": self.campaign.id,
                "subject_type": "collective",
                "department_id": unit.id,
            }
        )

    def _title(self, employee, title_type, year=2026):
        return self.env["hr.emulation.title"].create(
            {"type_id": title_type.id, "year": year, "employee_id": employee.id}
        )

    def _discipline(self, employee, date):
        return self.env["hr.discipline"].create(
            {
                "employee_id": employee.id,
                "date": date,
                "form": "reprimand",
                "decision_ref": "12/QĐ-CAT",
            }
        )

    def test_criteria_sets(self):
        """Rule: five model criteria (§III.1); the collective set checks one
        recognised model and no disciplined officer (§III.2.1); the individual
        set checks the title, a recognised model, no discipline and, for
        leaders only, the leader criterion (§III.2.2)."""
        model = self._model(self.commune)
        self.assertEqual(
            model.criteria_set_id, self.env.ref("dvk_police.criteria_set_police_model")
        )
        self.assertEqual(len(model.criteria_set_id.criterion_ids), 5)
        collective = self._exemplar(unit=self.commune)
        self.assertEqual(
            set(collective.criteria_set_id.criterion_ids.mapped("check")),
            {"manual", "recognized_models", "unit_no_discipline"},
        )
        individual = self._exemplar(employee=self.officer)
        criteria = individual.criteria_set_id.criterion_ids
        self.assertEqual(
            set(criteria.mapped("check")),
            {
                "manual",
                "title_rank",
                "recognized_models",
                "no_discipline",
                "led_unit_models",
            },
        )
        self.assertEqual(
            criteria.filtered("leaders_only").mapped("check"), ["led_unit_models"]
        )

    def test_individual_title_boundary(self):
        """Rule: "Chiến sĩ tiên tiến" or "Lao động tiên tiến" or higher; a
        lower title fails."""
        self._recognized(self.commune, members=self.officer)
        exemplar = self._exemplar(employee=self.officer)
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn("No Advanced", exemplar.eligibility_reason)
        for title_type, ok in (
            (self.title_low, False),
            (self.title_cstt, True),
            (self.title_ldtt, True),
            (self.title_cstdcs, True),
        ):
            with self.subTest(title=title_type.code):
                title = self._title(self.officer, title_type)
                exemplar.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
                self.assertEqual(
                    exemplar.eligibility_ok, ok, exemplar.eligibility_reason
                )
                title.unlink()

    def test_individual_title_of_last_year_and_of_two_years_ago(self):
        """Rule (seed 002 §III.2.2, issue 24 item 4): the title of the year
        of recognition, or of the year before while the year's titles are not
        awarded yet; a title of two years ago does not count, and the reason
        names the year read (2025)."""
        self._recognized(self.commune, members=self.officer)
        old = self._title(self.officer, self.title_cstt, year=2024)
        exemplar = self._exemplar(employee=self.officer)
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn("2025", exemplar.eligibility_reason)
        self.assertNotIn("2024", exemplar.eligibility_reason)
        old.year = 2025
        exemplar.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
        self.assertTrue(exemplar.eligibility_ok, exemplar.eligibility_reason)

    def test_individual_union_member_title_does_not_count(self):
        """Rule (seed 002 §III.2.2 vs seed 004 §III.3.c): "Đoàn viên xuất
        sắc" is not of the "Chiến sĩ tiên tiến / Lao động tiên tiến" ladder,
        though of the same rank number: it does not meet the police title
        criterion, whose reason names its source."""
        self._recognized(self.commune, members=self.officer)
        self._title(self.officer, self.env.ref("dvk_models.title_type_dvxs"))
        exemplar = self._exemplar(employee=self.officer)
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn("III.2.2.b", exemplar.eligibility_reason)

    def test_individual_discipline_boundary(self):
        """Rule: not disciplined in the year: a reprimand of 31/12/2025 does
        not count for 2026, one of 01/01/2026 does."""
        self._recognized(self.commune, members=self.officer)
        self._title(self.officer, self.title_cstt)
        self._discipline(self.officer, datetime.date(2025, 12, 31))
        exemplar = self._exemplar(employee=self.officer)
        self.assertTrue(exemplar.eligibility_ok, exemplar.eligibility_reason)
        self._discipline(self.officer, datetime.date(2026, 1, 1))
        exemplar.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn("01/01/2026", exemplar.eligibility_reason)

    def test_individual_recognised_model_boundary(self):
        """Rule: built or took part in at least one recognised model; none
        fails, one is enough (as owner or participant)."""
        self._title(self.officer, self.title_cstt)
        exemplar = self._exemplar(employee=self.officer)
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn("No recognised model in 2026", exemplar.eligibility_reason)
        self._recognized(self.commune, members=self.officer)
        exemplar.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
        self.assertTrue(exemplar.eligibility_ok, exemplar.eligibility_reason)

    def test_leader_criterion_only_for_unit_heads(self):
        """Rule: a leader must also lead mass-mobilisation work directly,
        read as "the unit they head has a recognised model"; the criterion is
        not applied to someone who heads no unit."""
        # The commune head and the officer both took part in a model of the
        # district team: each holds a recognised model, but the commune has
        # none of its own.
        self._recognized(self.district_team, members=self.officer | self.emp_commune)
        for employee in (self.officer, self.emp_commune):
            self._title(employee, self.title_cstt)
        plain = self._exemplar(employee=self.officer)
        leader = self._exemplar(employee=self.emp_commune)
        self.assertTrue(plain.eligibility_ok, plain.eligibility_reason)
        self.assertFalse(leader.eligibility_ok)
        self.assertIn("As head of Công an xã An Trường", leader.eligibility_reason)
        self._recognized(self.commune)
        leader.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
        self.assertTrue(leader.eligibility_ok, leader.eligibility_reason)

    def test_collective_recognised_model_boundary(self):
        """Rule: a collective exemplar has at least one recognised model;
        a unit with none fails, a model of one of its teams counts."""
        exemplar = self._exemplar(unit=self.district)
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn("No recognised model in 2026", exemplar.eligibility_reason)
        self._recognized(self.district_team)
        exemplar.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
        self.assertTrue(exemplar.eligibility_ok, exemplar.eligibility_reason)

    def test_collective_one_disciplined_officer(self):
        """Rule: no officer of the unit disciplined in the year; one officer
        of a team of the district is enough to fail the district, and the
        reason names them."""
        self._recognized(self.district_team)
        member = self.Employee.create(
            {"name": "Hạ sĩ Kim Văn Mạnh", "department_id": self.district_team.id}
        )
        self._discipline(member, datetime.date(2025, 12, 31))
        exemplar = self._exemplar(unit=self.district)
        self.assertTrue(exemplar.eligibility_ok, exemplar.eligibility_reason)
        self._discipline(member, datetime.date(2026, 1, 1))
        exemplar.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn("Hạ sĩ Kim Văn Mạnh", exemplar.eligibility_reason)
