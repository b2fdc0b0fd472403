"""No commendation during discipline, pending cases or a disciplinary period
(issue 24 item 7). NĐ 152/2025/NĐ-CP (14/6/2025, in force 1/7/2025; before
it NĐ 98/2023/NĐ-CP): no person or unit is proposed for commendation while
discipline is being considered or an investigation, inspection, complaint or
denunciation about them is being verified, nor during a disciplinary period;
after the period, achievements count from its end. The period lasts 12
months from the decision (Quy định 69-QĐ/TW năm 2022, Điều 2 khoản 5, the
length kept as dated data). The rules in force on a date are ``dvk.rule``
records; refusals name the case or the period, until when, and the source.

Messages are checked on their data (names, dates, decree numbers, decision
numbers), which no translation changes.
"""

import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import DvkCommon, run_migration

D = datetime.date


class HoldCase(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Exemplar files scored only by people: eligibility has nothing to
        # say, so what refuses a proposal below is the law on commendation.
        cls.manual_set = cls.env["dvk.criteria.set"].create(
            {
                "name": "Tiêu chí kiểm thử chấm tay",
                "code": "test_hold_manual",
                "target": "exemplar",
                "profile": "party",
                "criterion_ids": [
                    Command.create(
                        {"code": "A1", "name": "Tiêu chí chấm tay", "check": "manual"}
                    )
                ],
            }
        )
        cls.discipline_set = cls.env["dvk.criteria.set"].create(
            {
                "name": "Tiêu chí kiểm thử kỷ luật",
                "code": "test_hold_discipline",
                "target": "exemplar",
                "subject_type": "individual",
                "profile": "party",
                "criterion_ids": [
                    Command.create(
                        {
                            "code": "A1",
                            "name": "Không bị kỷ luật",
                            "check": "no_discipline",
                        }
                    )
                ],
            }
        )

    def _discipline(self, employee, date, form="reprimand", ref="15/QĐ-UBKT"):
        return self.env["hr.discipline"].create(
            {
                "employee_id": employee.id,
                "date": date,
                "form": form,
                "decision_ref": ref,
            }
        )

    def _case(self, opened, closed=False, employee=None, unit=None, **kw):
        vals = {
            "kind": "inspection",
            "date_opened": opened,
            "date_closed": closed,
            "reference": "12/QĐ-TTr",
        }
        if employee:
            vals["employee_id"] = employee.id
        if unit:
            vals["department_id"] = unit.id
        vals.update(kw)
        return self.env["hr.dvk.pending.case"].with_user(self.user_officer).create(vals)

    def _file(self, criteria_set=None, campaign=None, **kw):
        exemplar = self._exemplar(campaign_id=(campaign or self.campaign).id, **kw)
        # Chosen by a manager after the creation, which takes the profile's.
        exemplar.with_user(self.user_manager).criteria_set_id = (
            criteria_set or self.manual_set
        )
        self._self_assess(exemplar)
        return exemplar

    def _propose(self, exemplar):
        exemplar.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertEqual(exemplar.state, "proposed")


@tagged("post_install", "-at_install")
class TestDisciplinaryPeriod(HoldCase):
    def test_period_end_from_form_and_decision_date(self):
        """Quy định 69-QĐ/TW năm 2022, Điều 2 khoản 5 (dated data): a
        reprimand of 12/03/2026 runs 12 months, its last day 11/03/2027; the
        officer may correct the end the decision states; a form without a
        length in force has no computed end."""
        reprimand = self._discipline(self.emp_staff, D(2026, 3, 12))
        self.assertEqual(reprimand.period_end, D(2027, 3, 11))
        reprimand.period_end = D(2026, 12, 31)
        self.assertEqual(reprimand.period_end, D(2026, 12, 31))
        self.assertFalse(
            self._discipline(self.emp_staff2, D(2026, 3, 12), "other").period_end
        )
        # A length that ceased before the decision does not apply.
        self.env.ref("dvk_models.hr_discipline_period_warning_qd69").date_to = D(
            2026, 1, 31
        )
        self.assertFalse(
            self._discipline(self.emp_other, D(2026, 3, 12), "warning").period_end
        )

    @freeze_time("2026-02-10")
    def test_proposal_the_day_after_the_period(self):
        """NĐ 152/2025/NĐ-CP: no proposal for commendation during a
        disciplinary period. A reprimand of 10/02/2025 ends on 09/02/2026:
        the file is proposed on 10/02/2026."""
        self._discipline(self.emp_staff, D(2025, 2, 10))
        exemplar = self._file()
        self._propose(exemplar)

    @freeze_time("2026-02-10")
    def test_proposal_on_the_last_day_of_the_period_refused(self):
        """NĐ 152/2025/NĐ-CP: no proposal for commendation during a
        disciplinary period. A reprimand of 11/02/2025 ends on 10/02/2026:
        proposing on 10/02/2026 is refused, naming the decision, the end of
        the period and the decree."""
        self._discipline(self.emp_staff, D(2025, 2, 11), ref="9/QĐ-UBKT")
        exemplar = self._file()
        with self.assertRaises(UserError) as capture:
            self._propose(exemplar)
        message = str(capture.exception)
        for part in ("9/QĐ-UBKT", "10/02/2026", "11/02/2025", "152/2025/NĐ-CP"):
            self.assertIn(part, message)
        self.assertEqual(exemplar.state, "draft")


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestPendingCase(HoldCase):
    def test_open_case_refuses_closed_case_allows(self):
        """NĐ 152/2025/NĐ-CP: no proposal for commendation while an
        inspection about the person is under way; once it is closed (closed
        on the day of the proposal), the file is proposed."""
        case = self._case(D(2026, 1, 5), employee=self.emp_staff)
        exemplar = self._file()
        with self.assertRaises(UserError) as capture:
            self._propose(exemplar)
        message = str(capture.exception)
        for part in ("12/QĐ-TTr", "05/01/2026", "152/2025/NĐ-CP"):
            self.assertIn(part, message)
        case.date_closed = D(2026, 2, 10)
        self.assertTrue(case.closed)
        self._propose(exemplar)

    def test_unit_case_holds_the_unit_not_its_people(self):
        """NĐ 152/2025/NĐ-CP: a case about a unit holds the unit's own
        commendation; a case about one of its people does not hold the
        unit, and the unit's case does not hold its people."""
        self._case(D(2026, 1, 5), unit=self.commune)
        collective = self._file(subject_type="collective")
        with self.assertRaises(UserError) as capture:
            self._propose(collective)
        self.assertIn(self.commune.name, str(capture.exception))
        self._propose(self._file())
        other = self._file(
            subject_type="collective", department_id=self.commune_other.id
        )
        self._case(D(2026, 1, 5), employee=self.emp_other)
        self._propose(other)

    def test_case_opened_after_the_day_does_not_hold(self):
        """A case opened after the day of the proposal did not exist then:
        holds are read on the day of the act."""
        self._case(D(2026, 2, 11), employee=self.emp_staff)
        self._propose(self._file())

    def test_closed_before_opened_refused(self):
        """A case cannot be closed before it was opened."""
        with self.assertRaises(ValidationError):
            self._case(D(2026, 2, 5), closed=D(2026, 2, 4), employee=self.emp_staff)

    def test_pending_cases_follow_the_officers_units(self):
        """Pending cases are read and kept as disciplinary actions: an
        officer works on those of the units in his charge, a DVK user has no
        access."""
        case = self._case(D(2026, 1, 5), employee=self.emp_staff)
        self.assertEqual(case.department_id, self.commune)
        outside = self.env["hr.department"].create({"name": "Sở Tư pháp"})
        other = self.env["hr.dvk.pending.case"].create(
            {"kind": "complaint", "department_id": outside.id}
        )
        Case = self.env["hr.dvk.pending.case"].with_user(self.user_officer)
        self.assertEqual(Case.search([("id", "in", (case | other).ids)]), case)
        with self.assertRaises(AccessError):
            self.env["hr.dvk.pending.case"].with_user(self.user_staff).search([])


@tagged("post_install", "-at_install")
class TestRuleByDate(HoldCase):
    def test_older_decree_until_30_6_2025(self):
        """The rule in force on the day of the act: an open case holds a
        proposal on 30/06/2025 under NĐ 98/2023/NĐ-CP and on 01/07/2025 under
        NĐ 152/2025/NĐ-CP, which replaced it."""
        self._case(D(2025, 6, 1), employee=self.emp_staff)
        Hold = self.env["dvk.commendation.hold"]
        subjects = [("x", self.emp_staff.id, self.commune.id)]
        before = Hold._dvk_holds(subjects, D(2025, 6, 30))["x"][0]
        after = Hold._dvk_holds(subjects, D(2025, 7, 1))["x"][0]
        self.assertIn("98/2023/NĐ-CP", before)
        self.assertNotIn("152/2025", before)
        self.assertIn("152/2025/NĐ-CP", after)

    def test_achievements_from_period_end_from_1_7_2025(self):
        """NĐ 152/2025/NĐ-CP, from 01/07/2025: after a disciplinary period,
        achievements count from its end. A reprimand of 01/03/2024 ends on
        28/02/2025, within 2025: on 30/06/2025 (NĐ 98/2023/NĐ-CP) the 2025
        file is eligible, on 01/07/2025 it is not (the year began before the
        end of the period); the 2026 file, whose year began after it, is."""
        campaign_2025 = self._open_campaign(2025)
        self._discipline(self.emp_staff, D(2024, 3, 1))
        file_2025 = self._exemplar(campaign_id=campaign_2025.id)
        file_2026 = self._exemplar()
        files = file_2025 | file_2026
        files.with_user(self.user_manager).criteria_set_id = self.discipline_set
        with freeze_time("2025-06-30"):
            files.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
            self.assertEqual(files.mapped("eligibility_ok"), [True, True])
        with freeze_time("2025-07-01"):
            files.invalidate_recordset(["eligibility_ok", "eligibility_reason"])
            self.assertFalse(file_2025.eligibility_ok)
            self.assertIn("28/02/2025", file_2025.eligibility_reason)
            self.assertIn("152/2025/NĐ-CP", file_2025.eligibility_reason)
            self.assertTrue(file_2026.eligibility_ok)

    @freeze_time("2026-02-10")
    def test_eligibility_names_the_period_and_the_case(self):
        """The eligibility line of "not disciplined" also says, on the day it
        is read, a period under way (until when) or an open case, with the
        decree; a closed case and an ended period are silent."""
        self._discipline(self.emp_staff, D(2025, 6, 1), ref="3/QĐ-UBKT")
        self._case(D(2026, 1, 5), employee=self.emp_staff2)
        self._case(D(2026, 1, 5), closed=D(2026, 2, 1), employee=self.emp_other)
        staff, staff2, other = (
            self._exemplar(employee_id=emp.id, department_id=emp.department_id.id)
            for emp in (self.emp_staff, self.emp_staff2, self.emp_other)
        )
        (staff | staff2 | other).with_user(
            self.user_manager
        ).criteria_set_id = self.discipline_set
        self.assertFalse(staff.eligibility_ok)
        self.assertIn("31/05/2026", staff.eligibility_reason)
        self.assertIn("3/QĐ-UBKT", staff.eligibility_reason)
        self.assertFalse(staff2.eligibility_ok)
        self.assertIn("12/QĐ-TTr", staff2.eligibility_reason)
        self.assertIn("152/2025/NĐ-CP", staff2.eligibility_reason)
        self.assertTrue(other.eligibility_ok)


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestAwardLine(HoldCase):
    def test_commendation_refused_on_the_decision_date(self):
        """NĐ 152/2025/NĐ-CP: no commendation of a unit while an inspection
        about it is under way on the decision's date (10/10/2026); the
        decision may still recognise the model without commending it."""
        model = self._proposed()
        decision = self._decision(model)
        self._case(D(2026, 9, 1), unit=self.commune)
        with self.assertRaises(ValidationError) as capture:
            decision.line_ids.award_form = "giay_khen"
        self.assertIn("152/2025/NĐ-CP", str(capture.exception))
        self.assertIn("10/10/2026", str(capture.exception))
        decision.action_confirm()
        self.assertEqual(model.state, "recognized")

    def test_person_commended_the_day_after_the_period(self):
        """NĐ 152/2025/NĐ-CP: a person whose disciplinary period ends on
        09/10/2026 is commended by the decision of 10/10/2026; one whose
        period ends on 10/10/2026 is not."""
        model = self._proposed(subject_type="individual", employee_id=self.emp_staff.id)
        discipline = self._discipline(self.emp_staff, D(2025, 10, 11))
        self.assertEqual(discipline.period_end, D(2026, 10, 10))
        decision = self._decision(model)
        with self.assertRaises(ValidationError):
            decision.line_ids.award_form = "giay_khen"
        discipline.period_end = D(2026, 10, 9)
        decision.line_ids.award_form = "giay_khen"
        decision.action_confirm()
        self.assertEqual(decision.state, "confirmed")

    def test_confirming_rechecks_on_the_final_date(self):
        """The decision's date may change while it is a draft: confirming
        it checks the commendations again on the date it is issued with."""
        model = self._proposed()
        decision = self._decision(model)
        decision.line_ids.award_form = "giay_khen"
        self._case(D(2026, 10, 12), unit=self.commune)
        decision.date = D(2026, 10, 12)
        with self.assertRaises(ValidationError):
            decision.action_confirm()


@tagged("post_install", "-at_install")
class TestMigration(HoldCase):
    def test_existing_disciplines_get_their_period(self):
        """Migration 19.0.1.10.0: a discipline recorded before the periods'
        lengths existed gets the end of its period; one whose end the officer
        entered keeps it."""
        computed = self._discipline(self.emp_staff, D(2026, 3, 12))
        entered = self._discipline(self.emp_staff2, D(2026, 3, 12))
        entered.period_end = D(2026, 6, 30)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_discipline SET period_end = NULL WHERE id = %s", [computed.id]
        )
        self.env.invalidate_all()
        run_migration(
            "dvk_models", "19.0.1.10.0", "post-24-nd152", self.env.cr, "19.0.1.9.0"
        )
        self.env.invalidate_all()
        self.assertEqual(computed.period_end, D(2027, 3, 11))
        self.assertEqual(entered.period_end, D(2026, 6, 30))
