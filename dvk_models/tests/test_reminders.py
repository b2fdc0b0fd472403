import datetime

from odoo.tests import freeze_time, tagged

from .common import DvkCommon

D = datetime.date


@tagged("post_install", "-at_install")
class TestDeadlineReminders(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A Monday-Friday calendar with 30/04 and 01/05 as public holidays.
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "Giờ hành chính", "tz": "Asia/Ho_Chi_Minh"}
        )
        cls.env["resource.calendar.leaves"].create(
            [
                {
                    "name": "Ngày Giải phóng miền Nam",
                    "calendar_id": cls.calendar.id,
                    "date_from": "2026-04-29 17:00:00",
                    "date_to": "2026-05-01 16:59:59",
                }
            ]
        )
        cls.company.resource_calendar_id = cls.calendar
        cls.campaign.reminder_days = 3
        cls.reminder_type = cls.env.ref("dvk_models.mail_activity_type_dvk_deadline")
        cls.cron = cls.env.ref("dvk_models.ir_cron_dvk_deadline_reminders")

    def _reminders(self):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "dvk.campaign"),
                ("res_id", "=", self.campaign.id),
                ("activity_type_id", "=", self.reminder_type.id),
            ]
        )

    def _run_cron(self):
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def test_cron_twice_creates_reminders_once(self):
        """Issue 5 §4: N working days before the registration deadline, one
        reminder per responsible user and unit with something to do; a second
        run creates nothing (idempotent)."""
        with freeze_time("2026-02-10"):
            draft = self._create_model(name="Mô hình nháp")
            self._submitted(name="Mô hình chờ duyệt")
            self._create_model(
                user=self.user_other,
                name="Mô hình xã khác",
                department_id=self.commune_other.id,
            )
        with freeze_time("2026-03-26"):
            self._run_cron()
            first = self._reminders()
            self._run_cron()
            second = self._reminders()
        self.assertEqual(first, second)
        self.assertEqual(
            sorted(first.mapped("user_id.login")),
            ["dvk_appr", "dvk_other", "dvk_staff"],
        )
        self.assertTrue(all(a.date_deadline == D(2026, 3, 29) for a in first))
        staff = first.filtered(lambda a: a.user_id == self.user_staff)
        self.assertIn(self.commune.name, staff.summary)
        self.assertIn(draft.name, staff.note)

    def test_no_reminder_before_the_window(self):
        """Issue 5 §4: nothing is scheduled earlier than N working days before
        the deadline (29/03/2026 is a Sunday: 3 working days before it start on
        Wednesday 25/03)."""
        with freeze_time("2026-02-10"):
            self._create_model()
        with freeze_time("2026-03-24"):
            self._run_cron()
        self.assertFalse(self._reminders())
        with freeze_time("2026-03-25"):
            self._run_cron()
        self.assertEqual(len(self._reminders()), 1)

    def test_working_days_skip_public_holidays(self):
        """Issue 5 §4: working days come from the company calendar and its
        public holidays: 3 working days before Monday 04/05/2026, with 30/04
        and 01/05 off, start on Monday 27/04 (not Wednesday 29/04)."""
        start = self.campaign._reminder_start(D(2026, 5, 4))
        self.assertEqual(start, D(2026, 4, 27))
        self.company.resource_calendar_id = self.env["resource.calendar"].create(
            {"name": "Không nghỉ lễ", "tz": "Asia/Ho_Chi_Minh"}
        )
        self.assertEqual(self.campaign._reminder_start(D(2026, 5, 4)), D(2026, 4, 29))

    def test_proposal_deadline_reminds_the_officer(self):
        """Issue 5 §4: before the proposal deadline, the officer in charge of
        the unit is reminded of approved models not yet proposed (here a model
        aiming at province level, which the 01/10 deadline binds: seed 001
        §4)."""
        self.district.dvk_officer_ids = self.user_officer
        with freeze_time("2026-02-10"):
            self._approved(level_id=self.level_province.id)
        with freeze_time("2026-09-28"):
            self._run_cron()
        reminders = self._reminders()
        self.assertEqual(reminders.user_id, self.user_officer)
        self.assertEqual(reminders.date_deadline, D(2026, 9, 30))


@tagged("post_install", "-at_install")
class TestOverdueAndDashboard(DvkCommon):
    def test_overdue_flag(self):
        """Issue 5 §4: a draft past the registration deadline (unless
        supplementary), an approved model past the proposal deadline of its
        level (01/10 for province level, seed 001 §4) and a proposed one past
        the recognition deadline are overdue."""
        with freeze_time("2026-02-10"):
            draft = self._create_model(name="Nháp quá hạn")
            adhoc = self._create_model(name="Bổ sung")
            # Supplementary is an officer's judgement (seed 000 §II.2).
            adhoc.with_user(self.user_officer).is_supplementary = True
            approved = self._approved(name="Đã duyệt", level_id=self.level_province.id)
        Model = self.env["dvk.model"]
        with freeze_time("2026-03-29"):
            self.assertFalse(Model.search([("is_overdue", "=", True)]))
        with freeze_time("2026-03-30"):
            draft.invalidate_recordset(["is_overdue"])
            self.assertTrue(draft.is_overdue)
            self.assertFalse(adhoc.is_overdue)
            self.assertEqual(Model.search([("is_overdue", "=", True)]), draft)
            self.assertIn(adhoc, Model.search([("is_overdue", "=", False)]))
        with freeze_time("2026-10-01"):
            self.assertEqual(
                Model.search([("is_overdue", "=", True)]), draft | approved
            )

    def test_dashboard_counts_follow_scope(self):
        """Issue 5 §3: the dashboard counts models of the officer's scope and
        campaign: by state, supplementary, awaiting my approval, coverage."""
        with freeze_time("2026-02-10"):
            self._submitted(name="Chờ duyệt")
            self._approved(name="Đã duyệt")
            self._create_model(
                user=self.user_other,
                name="Xã khác",
                department_id=self.commune_other.id,
            )
        campaign = self.campaign.with_user(self.user_officer)
        self.assertEqual(campaign.dash_model_count, 3)
        self.assertEqual(campaign.dash_submitted_count, 1)
        # Units of the district subtree: district, commune, commune_other.
        self.assertEqual(campaign.dash_coverage, round(200 / 3, 1))
        submitted = (
            self.env["dvk.model"]
            .with_user(self.user_officer)
            .search(campaign.action_dash_submitted()["domain"])
        )
        self.assertEqual(submitted.mapped("name"), ["Chờ duyệt"])
        approver_view = self.campaign.with_user(self.user_approver)
        self.assertEqual(approver_view.dash_to_approve_count, 1)
        self.assertEqual(approver_view.dash_model_count, 2)
        action = approver_view.action_dash_to_approve()
        self.assertEqual(
            self.env["dvk.model"]
            .with_user(self.user_approver)
            .search(action["domain"])
            .mapped("name"),
            ["Chờ duyệt"],
        )
