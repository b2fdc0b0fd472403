"""Criteria of seed 004 §III as criteria sets with automatic checks, each
failure explained in plain words: upper-level unions (III.1.b a base union
itself holds "CĐCS vững mạnh", III.1.d no "hot spot"), collective models
(III.2.c a base union holds "CĐCS vững mạnh"), individuals (III.3.b a
recognised or replicable model, III.3.c yearly "Đoàn viên xuất sắc")."""

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
        recognised (or found replicable) in the year: with neither, the
        exemplar is not eligible."""
        self._title(self.title_dvxs, employee=self.worker)
        exemplar = self._exemplar(self.base_group, self.worker)
        self.assertFalse(exemplar.eligibility_ok)
        ok, _reason = self._criterion_result(
            "dvk_union.criterion_union_exemplar_individual_b",
            self.base_group,
            self.worker,
        )
        self.assertFalse(ok)

    def test_base_union_model_needs_strong_union_title(self):
        """Rule: §III.2.c — a collective model of a base union needs the
        title "CĐCS vững mạnh" in the year (an advanced labour collective
        title is not it); the union group of a base union is not concerned.
        Issue 24 item 4: while the year's titles are not awarded, the year
        before is read, and the explanation says so."""
        self._title(self.title_ttldtt, department=self.base2)
        model = self._approved(self.base2, union_reach="base")
        sheet = self._self_assess(model)
        line = sheet.line_ids.filtered(lambda line: line.criterion_id.code == "C2")
        self.assertEqual(line.score, 0.0)
        self.assertIn(
            "does not hold the title Strong Grassroots Trade Union in 2025",
            line.explanation,
        )
        self.assertIn("2026", line.explanation)
        self.assertFalse(model.self_assessed)
        group_model = self._approved(self.base_group, union_reach="base")
        sheet = self._self_assess(group_model)
        self.assertTrue(group_model.self_assessed)

    def _criterion_result(self, xmlid, unit, employee=None, year=2026):
        """(ok, reason) of one criterion's automatic check for a unit or a
        person in ``year``: the check itself, whatever the other criteria."""
        criterion = self.env.ref(xmlid)
        Eligibility = self.env["dvk.eligibility"]
        items = Eligibility._items(
            [
                (
                    "key",
                    "individual" if employee else "collective",
                    year,
                    employee or self.env["hr.employee"],
                    unit,
                    self.env["dvk.model"],
                )
            ]
        )
        return criterion._evaluate(items)["key"]

    def test_upper_union_base_units_not_required_strong(self):
        """Rule: §III.1.b — "hằng năm đều hoàn thành tốt nhiệm vụ chính trị
        được giao; nếu là tập thể ở các công đoàn cơ sở phải đạt danh hiệu
        công đoàn cơ sở vững mạnh": a district federation passes criterion B
        although a base union below it does not hold "CĐCS vững mạnh" (the
        title is asked of a base union itself, not of every one below)."""
        self._title(self.title_cdcsvm, department=self.base)
        ok, _reason = self._criterion_result(
            "dvk_union.criterion_union_exemplar_upper_b", self.district
        )
        self.assertTrue(ok)
        ok, _reason = self._criterion_result(
            "dvk_union.criterion_union_exemplar_upper_b", self.sector
        )
        self.assertTrue(ok)

    def test_upper_union_criterion_asks_a_base_union_itself(self):
        """Rule: §III.1.b — the check of criterion B asks "CĐCS vững mạnh" of
        a collective that is a base union. Issue 24 item 4: the yearly title
        is read for the evaluated year once awarded, else for the year before
        (the default), and the explanation names the year read: a title of
        two years ago fails, one of last year passes while this year's is not
        awarded, this year's passes."""
        xmlid = "dvk_union.criterion_union_exemplar_upper_b"
        criterion = self.env.ref(xmlid)
        self.assertEqual(criterion.check, "union_base_strong")
        self.assertEqual(criterion.title_year, "awarded_or_previous")
        self._title(self.title_cdcsvm, year=2024, department=self.base2)
        ok, reason = self._criterion_result(xmlid, self.base2)
        self.assertFalse(ok)
        self.assertIn("2025", reason)
        self._title(self.title_cdcsvm, year=2025, department=self.base2)
        ok, reason = self._criterion_result(xmlid, self.base2)
        self.assertTrue(ok)
        self.assertIn("2025", reason)
        self.assertIn("2026", reason)
        self._title(self.title_cdcsvm, department=self.base2)
        ok, reason = self._criterion_result(xmlid, self.base2)
        self.assertTrue(ok)
        self.assertNotIn("2025", reason)

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
