"""Titles compared within their ladder, the year a title criterion reads, and
the source every eligibility line names (issue 24 items 4 and 12).

Rules: seed 002 §III.2.2 ("Chiến sĩ tiên tiến" or "Lao động tiên tiến" or
higher: one ladder, LĐTT = CSTT < CSTĐ cơ sở < …); seed 004 §III.3.c and
§III.1.b ("Đoàn viên xuất sắc" and "Công đoàn cơ sở vững mạnh" are ladders of
their own); yearly titles are awarded at year end while recognition closes in
October–November (seed 000 §II.2.1, seed 001 §4): a title criterion reads the
evaluated year, or by default the evaluated year when already awarded and
else the year before.
"""

from odoo import Command
from odoo.tests import tagged

from .common import run_migration
from .test_eligibility import EligibilityCase


class SetInUse(Exception):
    """Raised by the stand-in of the in-use guard of criteria sets."""


SOURCE = "Hướng dẫn kiểm thử số 01/HD, mục III.2.2"


@tagged("post_install", "-at_install")
class TestTitleLadder(EligibilityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.type_dvxs = cls.env.ref("dvk_models.title_type_dvxs")
        cls.type_cdcsvm = cls.env.ref("dvk_models.title_type_cdcsvm")

    def _title_set(self, titles, title_year=None, subject_type="individual"):
        values = {
            "check": "title_rank" if subject_type == "individual" else "unit_title",
            "title_type_ids": [Command.set(titles.ids)],
            "source": SOURCE,
        }
        # The helper reads the evaluated year unless told otherwise.
        values["title_year"] = title_year or self.env["dvk.criterion"].default_get(
            ["title_year"]
        ).get("title_year")
        return self._criteria_set("ladder", [values], subject_type=subject_type)

    def _answers(self, criteria_set, subjects, year=2026):
        """{subject: (ok, reason)} of the set's only criterion for ``year``."""
        Eligibility = self.env["dvk.eligibility"]
        no_model = self.env["dvk.model"]
        rows = [
            (s, "individual", year, s, s.department_id, no_model)
            if s._name == "hr.employee"
            else (s, "collective", year, self.env["hr.employee"], s, no_model)
            for s in subjects
        ]
        answers = Eligibility._evaluate(criteria_set, Eligibility._items(rows))
        return {key: (ok, why) for key, [(_c, ok, why)] in answers.items()}

    def test_shipped_ladders(self):
        """Seed 002 §III.2.2, seed 004 §III.3.c/§III.1.b: LĐTT and CSTT share
        the emulation ladder and rank; ĐVXS and CĐCS vững mạnh have their own."""
        self.assertEqual(self.type_ldtt.family, "emulation")
        self.assertEqual(self.type_cstt.family, "emulation")
        self.assertEqual(self.type_ldtt.rank, self.type_cstt.rank)
        self.assertEqual(self.type_dvxs.family, "union_member")
        self.assertEqual(self.type_cdcsvm.family, "union_base")
        self.assertEqual(self.type_ttldtt.family, "emulation")

    def test_union_member_title_is_not_an_advanced_worker(self):
        """Seed 002 §III.2.2 vs seed 004 §III.3.c: "Đoàn viên xuất sắc" (same
        rank number as LĐTT, another ladder) does not meet "Chiến sĩ tiên tiến
        or Lao động tiên tiến or higher"; LĐTT meets a CSTT criterion and a
        higher title of the ladder (CSTĐ cơ sở) meets it too."""
        criteria_set = self._title_set(self.type_cstt, title_year="evaluated")
        self._title(self.emp_staff, self.type_dvxs)
        self._title(self.emp_staff2, self.type_ldtt)
        self._title(self.emp_extra, self.type_cstdcs)
        answers = self._answers(
            criteria_set, self.emp_staff | self.emp_staff2 | self.emp_extra
        )
        self.assertFalse(answers[self.emp_staff][0], answers[self.emp_staff][1])
        self.assertTrue(answers[self.emp_staff2][0], answers[self.emp_staff2][1])
        self.assertIn(self.type_ldtt.name, answers[self.emp_staff2][1])
        self.assertTrue(answers[self.emp_extra][0], answers[self.emp_extra][1])

    def test_union_base_title_is_not_a_labour_collective_title(self):
        """Seed 004 §III.1.b: "Công đoàn cơ sở vững mạnh" is its own ladder:
        it does not meet a "Tập thể lao động tiên tiến" criterion of the same
        rank number."""
        criteria_set = self._title_set(
            self.type_ttldtt, title_year="evaluated", subject_type="collective"
        )
        self._title(self.commune, self.type_cdcsvm)
        self._title(self.commune_other, self.type_ttldtt)
        answers = self._answers(criteria_set, self.commune | self.commune_other)
        self.assertFalse(answers[self.commune][0])
        self.assertTrue(answers[self.commune_other][0])

    def test_default_reads_last_year_until_the_year_is_awarded(self):
        """Yearly titles come at year end: by default a criterion reads the
        evaluated year when the person already holds a title of the ladder for
        it, else the year before. A title of last year passes in 2026 and the
        reason names 2025; one of two years ago fails naming 2025; once a title
        of 2026 is awarded (even a lower one), 2026 is read."""
        criteria_set = self._title_set(self.type_ldtt)
        self.assertEqual(criteria_set.criterion_ids.title_year, "awarded_or_previous")
        self._title(self.emp_staff, self.type_ldtt, year=2025)
        self._title(self.emp_staff2, self.type_ldtt, year=2024)
        self._title(self.emp_extra, self.type_ldtt, year=2025)
        self._title(self.emp_extra, self.type_below, year=2026)
        answers = self._answers(
            criteria_set, self.emp_staff | self.emp_staff2 | self.emp_extra
        )
        ok, why = answers[self.emp_staff]
        self.assertTrue(ok, why)
        self.assertIn("2025", why)
        self.assertIn("2026", why)
        ok, why = answers[self.emp_staff2]
        self.assertFalse(ok, why)
        self.assertIn("2025", why)
        self.assertNotIn("2024", why)
        ok, why = answers[self.emp_extra]
        self.assertFalse(ok, why)
        self.assertIn("2026", why)
        self.assertNotIn("2025", why)

    def test_evaluated_year_only(self):
        """A criterion set to read the evaluated year: a title of last year
        does not count and the reason names the evaluated year only."""
        criteria_set = self._title_set(self.type_ldtt, title_year="evaluated")
        self._title(self.emp_staff, self.type_ldtt, year=2025)
        self._title(self.emp_staff2, self.type_ldtt, year=2026)
        answers = self._answers(criteria_set, self.emp_staff | self.emp_staff2)
        ok, why = answers[self.emp_staff]
        self.assertFalse(ok)
        self.assertIn("2026", why)
        self.assertNotIn("2025", why)
        self.assertTrue(answers[self.emp_staff2][0])

    def test_default_for_a_unit_title(self):
        """The year read applies to unit titles too: a unit's title of last
        year passes while 2026 is not awarded."""
        criteria_set = self._title_set(self.type_ttldtt, subject_type="collective")
        self._title(self.commune, self.type_ttldtt, year=2025)
        self._title(self.commune_other, self.type_ttldtt, year=2024)
        answers = self._answers(criteria_set, self.commune | self.commune_other)
        self.assertTrue(answers[self.commune][0])
        self.assertFalse(answers[self.commune_other][0])

    def test_eligibility_lines_name_the_source(self):
        """Issue 24 item 12: every eligibility line names its criterion's
        source (document and section), on the exemplar file and on the
        automatic line of the score sheet."""
        criteria_set = self._title_set(self.type_ldtt, title_year="evaluated")
        self._title(self.emp_staff2, self.type_ldtt)
        answers = self._answers(criteria_set, self.emp_staff | self.emp_staff2)
        self.assertIn(SOURCE, answers[self.emp_staff][1])
        self.assertIn(SOURCE, answers[self.emp_staff2][1])
        exemplar = self._exemplars(criteria_set, self.emp_staff)
        self.assertFalse(exemplar.eligibility_ok)
        self.assertIn(SOURCE, exemplar.eligibility_reason)

    def test_source_editable_on_a_set_in_use(self):
        """A source documents a criterion without changing it: it can be
        corrected on a set used by finished sheets, its check cannot."""
        criteria_set = self._title_set(self.type_ldtt)
        criterion = criteria_set.criterion_ids

        def in_use(sets):
            if sets:
                raise SetInUse(sets)

        self.patch(type(criteria_set), "_check_not_in_use", in_use)
        criterion.source = "Hướng dẫn kiểm thử số 02/HD, mục 1"
        self.assertEqual(criterion.source, "Hướng dẫn kiểm thử số 02/HD, mục 1")
        with self.assertRaises(SetInUse):
            criterion.title_year = "evaluated"

    def test_migration_fills_families_and_sources(self):
        """Existing databases get the families of the shipped titles and the
        sources of the shipped criteria (noupdate data) from the data files."""
        cdcsvm, criterion = (
            self.type_cdcsvm,
            self.env.ref("dvk_models.criterion_party_model_c01"),
        )
        expected = criterion.source
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_emulation_title_type SET family = 'emulation' WHERE id = %s",
            [cdcsvm.id],
        )
        self.env.cr.execute(
            "UPDATE dvk_criterion SET source = NULL WHERE id = %s", [criterion.id]
        )
        self.env.invalidate_all()
        self.assertFalse(criterion.source)
        run_migration(
            "dvk_models",
            "19.0.1.10.0",
            "post-24-titles-sources",
            self.env.cr,
            "19.0.1.9.0",
        )
        self.env.invalidate_all()
        self.assertEqual(cdcsvm.family, "union_base")
        self.assertEqual(criterion.source, expected)
        self.assertTrue(expected)
