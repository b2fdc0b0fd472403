"""Criteria of seed 004 §III as criteria sets with automatic checks, each
failure explained in plain words: upper-level unions (III.1.b base unions
hold "CĐCS vững mạnh", III.1.d no "hot spot"), collective models (III.2.c a
base union holds "CĐCS vững mạnh"), individuals (III.3.b recognised model,
III.3.c yearly "Đoàn viên xuất sắc")."""

import datetime

from odoo.tests import freeze_time, tagged

from .common import DvkUnionCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-15")
class TestUnionCriteria(DvkUnionCommon):
    def _exemplar(self, unit, employee=None):
        return (
            self.env["dvk.exemplar"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "subject_type": "individual" if employee else "collective",
                    "department_id": unit.id,
                    "employee_id": employee.id if employee else False,
                }
            )
        )

    def _recognise(self, unit, reach="base"):
        """A model of ``unit`` recognised at its reach (as the superuser: the
        authority tests cover the flow)."""
        model = self._ready(unit, reach)
        model.with_user(self.user_officer).action_propose()
        authority = model.union_authority_id
        self.env["dvk.decision"].create(
            {
                "campaign_id": self.campaign.id,
                "level_id": authority.dvk_level_id.id,
                "authority_department_id": authority.id,
                "date": datetime.date(2026, 9, 15),
                "line_ids": [(0, 0, {"model_id": model.id})],
            }
        ).action_confirm()
        return model

    def test_sets_follow_subject_and_unit_kind(self):
        """Rule: §III — a district federation or sector union is judged by the
        upper-level criteria (III.1), another collective by III.2, a person
        by III.3; models by III.2 (collective) or III.3 (individual)."""
        self.assertEqual(
            self._exemplar(self.district).criteria_set_id,
            self.env.ref("dvk_union.criteria_set_union_exemplar_upper"),
        )
        self.assertEqual(
            self._exemplar(self.base).criteria_set_id,
            self.env.ref("dvk_union.criteria_set_union_exemplar_collective"),
        )
        self.assertEqual(
            self._exemplar(self.base_group, self.worker).criteria_set_id,
            self.env.ref("dvk_union.criteria_set_union_exemplar_individual"),
        )
        self.assertEqual(
            self._model(self.base).criteria_set_id,
            self.env.ref("dvk_union.criteria_set_union_model_collective"),
        )

    def test_individual_needs_excellent_member_title_exactly(self):
        """Rule: §III.3.c — the person holds "Đoàn viên xuất sắc" in the year;
        "Lao động tiên tiến", of the same rank, does not count, nor does the
        title of two years before (while 2026 is not awarded, 2025 is read:
        issue 24 item 4)."""
        # sudo: test set-up, the worker joins a recognised (locked) model
        self._recognise(self.base_group, "base").sudo().member_ids = self.worker
        exemplar = self._exemplar(self.base_group, self.worker)
        self._title(self.title_ldtt, employee=self.worker)
        self._title(self.title_dvxs, year=2024, employee=self.worker)
        exemplar.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn(
            "No Excellent Union Member title in 2025", exemplar.eligibility_reason
        )
        self._title(self.title_dvxs, employee=self.worker)
        exemplar.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
        self.assertTrue(exemplar.eligibility_ok, exemplar.eligibility_reason)

    def test_individual_needs_recognised_model(self):
        """Rule: §III.3.b — the person built or took part in a model
        recognised in the year."""
        self._title(self.title_dvxs, employee=self.worker)
        exemplar = self._exemplar(self.base_group, self.worker)
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn("No recognised model in 2026", exemplar.eligibility_reason)

    def test_base_union_model_needs_strong_union_title(self):
        """Rule: §III.2.c — a collective model of a base union needs the
        title "CĐCS vững mạnh" in the year (an advanced labour collective
        title is not it); the union group of a base union is not concerned."""
        self._title(self.title_ttldtt, department=self.base2)
        model = self._approved(self.base2, union_reach="base")
        sheet = self._self_assess(model)
        line = sheet.line_ids.filtered(lambda line: line.criterion_id.code == "C2")
        self.assertEqual(line.score, 0.0)
        self.assertIn(
            "does not hold the title Strong Grassroots Trade Union in 2026",
            line.explanation,
        )
        self.assertFalse(model.self_assessed)
        group_model = self._approved(self.base_group, union_reach="base")
        sheet = self._self_assess(group_model)
        self.assertTrue(group_model.self_assessed)

    def test_upper_union_base_unions_strong(self):
        """Rule: §III.1.b — every base union under the district federation
        holds "CĐCS vững mạnh"; the ones that do not are named."""
        self._recognise(self.base, "district")
        self._recognise(self.base2, "district")
        exemplar = self._exemplar(self.district)
        # base and base2 got the title in _ready: both hold it.
        self.assertTrue(exemplar.eligibility_ok, exemplar.eligibility_reason)
        self.env["hr.emulation.title"].search(
            [("department_id", "=", self.base2.id)]
        ).unlink()
        exemplar.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn(self.base2.name, exemplar.eligibility_reason)
        self.assertNotIn(self.base.name + ",", exemplar.eligibility_reason)

    def test_base_unions_lacking_the_title_in_vietnamese_order(self):
        """Rule: §III.1.b with RELIABILITY (b) 29 (issue 23) — the base unions
        that do not hold "CĐCS vững mạnh" are named in Vietnamese dictionary
        order (đ after d and before e), as the printed lists name units."""
        self._recognise(self.base, "district")
        self._recognise(self.base2, "district")
        for place in ("Ea Súp", "Đông Hải"):
            self.env["hr.department"].create(
                {
                    "name": f"Công đoàn cơ sở xã {place}",
                    "parent_id": self.district.id,
                    "dvk_union_kind": "base",
                    "dvk_level_id": self.level_grassroots.id,
                }
            )
        exemplar = self._exemplar(self.district)
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn(
            "Công đoàn cơ sở xã Đông Hải, Công đoàn cơ sở xã Ea Súp",
            exemplar.eligibility_reason,
        )

    def test_upper_union_needs_many_models(self):
        """Rule: §III.1.a — an upper-level union has many effective models:
        at least two recognised in the year; one is not enough."""
        self._recognise(self.base, "district")
        exemplar = self._exemplar(self.district)
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn("1 of the 2 recognised models", exemplar.eligibility_reason)

    def test_upper_union_no_hot_spot(self):
        """Rule: §III.1.d — a work stoppage at a base union in the year is a
        "hot spot" that fails the district federation, named with its date;
        one of the previous year does not."""
        self._recognise(self.base, "district")
        self._recognise(self.base2, "district")
        Incident = self.env["dvk.union.labour.incident"].with_user(self.user_officer)
        Incident.create(
            {
                "name": "Ngừng việc tập thể năm trước",
                "kind": "stoppage",
                "date": datetime.date(2025, 12, 30),
                "department_id": self.base_group.id,
            }
        )
        exemplar = self._exemplar(self.district)
        self.assertTrue(exemplar.eligibility_ok, exemplar.eligibility_reason)
        Incident.create(
            {
                "name": "Ngừng việc tập thể phân xưởng cắt",
                "kind": "stoppage",
                "date": datetime.date(2026, 1, 1),
                "department_id": self.base_group.id,
            }
        )
        exemplar.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn(
            'A "hot spot" in 2026: work stoppage at Tổ công đoàn Phân xưởng cắt '
            "on 01/01/2026",
            exemplar.eligibility_reason,
        )
        # The sector union is not touched by the district's stoppage.
        sector = self._exemplar(self.sector)
        self.assertNotIn("hot spot", sector.eligibility_reason)
