import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import DvkPoliceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestPolicePeriodicReports(DvkPoliceCommon):
    """Seed 002 §I step 4: a six-month review and an annual summary per
    running model; the annual summary comes before the proposal."""

    def test_reports_created_on_approval(self):
        """Rule: approving a police model plans its six-month review (15/6)
        and its annual summary (by the proposal deadline, 30/9)."""
        model = self._approved(self.commune)
        reports = model.police_report_ids
        self.assertEqual(
            {(r.kind, r.date_due) for r in reports},
            {
                ("six_month", datetime.date(2026, 6, 15)),
                ("annual", datetime.date(2026, 9, 30)),
            },
        )
        self.assertEqual(set(reports.mapped("state")), {"todo"})
        self.assertEqual(model.police_report_count, 2)

    def test_late_approval_moves_six_month_review(self):
        """Rule: a model approved in June gets its six-month review a month
        later, and never after the annual summary."""
        Report = self.env["dvk.police.report"]
        dates = Report._due_dates(
            2026, datetime.date(2026, 9, 30), datetime.date(2026, 6, 20)
        )
        self.assertEqual(dates["six_month"], datetime.date(2026, 7, 20))
        dates = Report._due_dates(2026, None, datetime.date(2026, 9, 20))
        self.assertEqual(dates["six_month"], datetime.date(2026, 9, 30))
        self.assertEqual(dates["annual"], datetime.date(2026, 9, 30))

    def test_annual_summary_required_before_proposal(self):
        """Rule: a police model cannot be proposed for recognition before its
        annual summary is sent; the six-month review alone is not enough."""
        model = self._approved(self.commune)
        self._self_assess(model)
        self._attach(model, stages=("propose",))
        six = model.police_report_ids.filtered(lambda r: r.kind == "six_month")
        six.implementation = "Đã triển khai tại 5 ấp."
        six.with_user(self.user_officer).action_done()
        propose = model.with_user(self.user_officer).action_propose
        with self.assertRaisesRegex(UserError, "annual summary"):
            propose(self.level_grassroots)
        self._annual_done(model)
        propose(self.level_grassroots)
        self.assertEqual(model.state, "proposed")

    def test_empty_report_refused_and_state_guarded(self):
        """Rule: a report needs an assessment or a file, and its state only
        changes through its buttons."""
        model = self._approved(self.commune)
        report = model.police_report_ids[:1]
        with self.assertRaises(ValidationError):
            report.with_user(self.user_officer).action_done()
        with self.assertRaises(UserError):
            report.with_user(self.user_officer).write({"state": "done"})

    def test_reminders_once(self):
        """Rule: the registrant is reminded once of a report due within a
        week; a second run of the reminder creates nothing."""
        model = self._approved(self.commune)
        Report = self.env["dvk.police.report"]
        with freeze_time("2026-06-10"):
            self.assertEqual(Report._cron_send_reminders(), 1)
            self.assertEqual(Report._cron_send_reminders(), 0)
        six = model.police_report_ids.filtered(lambda r: r.kind == "six_month")
        self.assertEqual(six.activity_ids.user_id, self.user_officer)
        self.assertTrue(six.reminder_sent)

    def test_reports_never_assigned_to_odoobot(self):
        """Issue 14 item 8: a model loaded or imported by the system account
        (OdooBot, as the demo data is) gets its periodic reports assigned to
        the officer in charge of its unit, and the reminder goes to that
        person, never to OdooBot."""
        vals = {
            "name": "Dân vận khéo - nạp bởi hệ thống",
            "campaign_id": self.campaign.id,
            "subject_type": "collective",
            "department_id": self.commune.id,
            "field_id": self.field_anqp.id,
            "level_id": self.level_grassroots.id,
            "area": self.commune.name,
            "objective": "Giữ vững an ninh trật tự trên địa bàn",
        }
        model = self.env["dvk.model"].create(vals)
        self.assertTrue(model.registrant_id._is_superuser())
        self._attach(model, stages=("submit",))
        model.with_user(self.user_officer).action_submit()
        model.with_user(model.approver_id).action_approve()
        reports = model.police_report_ids
        self.assertEqual(len(reports), 2)
        officer = self.commune._dvk_responsible_officer()
        self.assertTrue(officer)
        self.assertEqual(reports.user_id, officer)
        with freeze_time("2026-06-10"):
            self.env["dvk.police.report"]._cron_send_reminders()
        self.assertEqual(reports.activity_ids.user_id, officer)

    def test_printable_report(self):
        """Rule: the periodic report prints as a Vietnamese report."""
        model = self._approved(self.commune)
        report = model.police_report_ids.filtered(lambda r: r.kind == "annual")
        html, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
            "dvk_police.action_report_dvk_police_periodic", report.ids
        )
        text = html.decode()
        self.assertIn("BÁO CÁO", text)
        self.assertIn("Tổng kết năm", text)
        self.assertIn(model.name, text)
