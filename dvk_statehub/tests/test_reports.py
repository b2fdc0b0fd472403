import datetime
import io

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import DvkStatehubCommon


@tagged("post_install", "-at_install")
class TestStatehubHomeAffairsReports(DvkStatehubCommon):
    def _report(self, kind, user=None):
        """A report computed by the agencies' officer (the province's, by
        default), who sends it to Sở Nội vụ."""
        report = (
            self.env["dvk.statehub.report"]
            .with_user(user or self.user_officer)
            .create({"campaign_id": self.campaign.id, "kind": kind})
        )
        report.action_compute()
        return report

    def test_due_dates_from_the_profile(self):
        """Rule: seed 003 Điều 8 — the number of registered models is sent in
        February, results and proposals in October: the due dates are the
        campaign's lines of the profile's rules."""
        self.assertEqual(
            self._report("registration").date_due, datetime.date(2026, 2, 28)
        )
        self.assertEqual(self._report("results").date_due, datetime.date(2026, 10, 31))

    def test_reminder_reaches_the_agencies(self):
        """Rule: seed 003 Điều 8 — before the February report is due, the
        officers of the agencies get a reminder; units of other sectors do
        not."""
        officer = self.user_officer
        self.dept.dvk_officer_ids = officer
        self.env["hr.department"].create(
            {
                "name": "Đảng ủy xã",
                "dvk_level_id": self.level_grassroots.id,
                "dvk_officer_ids": [(6, 0, officer.ids)],
            }
        )
        with freeze_time("2026-02-26"):
            self.campaign._send_deadline_reminders()
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "dvk.campaign"), ("res_id", "=", self.campaign.id)]
        )
        summaries = " ".join(activities.mapped("summary"))
        self.assertIn(self.dept.name, summaries)
        self.assertNotIn("Đảng ủy xã", summaries)

    def test_february_counts_equal_the_registrations(self):
        """Rule: seed 003 Điều 8 — February: the number of registered models
        per agency (drafts and refused registrations are not registered)."""
        self._submitted(self.district_body, "Một cửa thân thiện")
        self._approved(self.district_body2, "Văn hóa công sở")
        self._approved(self.commune, "Hiến đất làm đường", field_id=self.field_kt.id)
        self._model(self.commune, "Còn là bản nháp")
        refused = self._submitted(self.dept, "Bị từ chối")
        refused.with_user(self.user_bcd_dept).action_refuse("Trùng lặp")
        report = self._report("registration")
        by_agency = {}
        for line in report.line_ids:
            by_agency[line.agency_id] = by_agency.get(line.agency_id, 0) + (
                line.registered_count
            )
        self.assertEqual(by_agency, {self.district: 2, self.commune: 1})
        self.assertEqual(report.registered_total, 3)
        self.assertEqual(sum(report.line_ids.mapped("approved_count")), 2)
        commune_line = report.line_ids.filtered(
            lambda line: line.agency_id == self.commune
        )
        self.assertEqual(commune_line.field_id, self.field_kt)
        html, _f = self.env["ir.actions.report"]._render_qweb_html(
            "dvk_statehub.report_dvk_statehub_home_affairs", report.ids
        )
        self.assertIn("Kính gửi: Sở Nội vụ tỉnh Trà Vinh", html.decode())
        self.assertIn(self.district.name, html.decode())

    def test_levels_read_on_screen_as_on_paper(self):
        """Rule: one naming of the levels (issue 22 item 7): since 1/7/2025
        the level between the communes and the province is that of the
        provincial departments (the chain's "sở, ban, ngành", seed 003 Điều
        7.2 after the two-tier reform), and the figures on the screen name it
        as the PDF and the XLSX do, not as the former "Huyện"."""
        self._approved(
            self.dept, "Công khai tài chính", level_id=self.level_district.id
        )
        self._approved(self.commune, "Hiến đất", level_id=self.level_grassroots.id)
        report = self._report("registration")
        labels = {line.level_id: line.level_label for line in report.line_ids}
        self.assertEqual(
            labels,
            {
                self.level_district: "Sở, ban, ngành",
                self.level_grassroots: self.level_grassroots.name,
            },
        )
        self.assertNotEqual(labels[self.level_district], self.level_district.name)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "dvk_statehub.report_dvk_statehub_home_affairs", report.ids
            )[0]
            .decode()
        )
        self.assertIn("Sở, ban, ngành", html)

    def test_october_counts_equal_the_results(self):
        """Rule: seed 003 Điều 8 — October: recognition results by agency,
        field and level, and the commendation proposals."""
        recognized = self._recognized(self.commune, "Hiến đất", self.bcd_commune)
        self._recognized(self.dept, "Công khai tài chính", self.bcd_dept)
        self._approved(self.district_body, "Chưa công nhận")
        self.env["dvk.statehub.commendation"].with_user(self.user_officer).create(
            {
                "campaign_id": self.campaign.id,
                "committee_id": self.bcd_commune.id,
                "model_ids": [(6, 0, recognized.ids)],
            }
        ).action_submit()
        report = self._report("results")
        figures = {
            (line.agency_id, line.level_id): (
                line.recognized_count,
                line.commendation_count,
            )
            for line in report.line_ids
        }
        self.assertEqual(
            figures,
            {
                (self.commune, self.level_grassroots): (1, 1),
                (self.dept, self.level_district): (1, 0),
            },
        )
        self.assertEqual(report.recognized_total, 2)
        self.assertEqual(report.commendation_total, 1)

    def test_home_affairs_sees_the_aggregate_only(self):
        """Rule: seed 003 Điều 9 — Sở Nội vụ gathers the province-wide
        figures of every agency, but does not read the agencies' records."""
        model = self._approved(self.commune, "Hiến đất làm đường")
        self._approved(self.dept, "Công khai tài chính")
        report = self._report("registration")
        self.assertEqual(report.registered_total, 2)
        self.assertEqual(
            set(report.line_ids.agency_id.mapped("name")),
            {self.commune.name, self.dept.name},
        )
        as_home_affairs = report.with_user(self.user_home_affairs)
        self.assertEqual(as_home_affairs.registered_total, 2)
        self.assertEqual(len(as_home_affairs.line_ids), len(report.line_ids))
        with self.assertRaises(AccessError):
            model.with_user(self.user_home_affairs).read(["name"])
        table = self._table(self.commune)
        with self.assertRaises(AccessError):
            table.with_user(self.user_home_affairs).read(["name"])
        results = self._report("results")
        with self.assertRaises(AccessError):
            results.consecutive_ids.with_user(self.user_home_affairs).read(["model_id"])
        # An agency's officer counts the units in his charge only.
        local = new_officer = self.env["res.users"].create(
            {
                "name": "Cán bộ xã",
                "login": "sh_local",
                "group_ids": [
                    (6, 0, [self.env.ref("dvk_models.group_dvk_officer").id])
                ],
                "dvk_department_ids": [(6, 0, self.commune.ids)],
            }
        )
        local = self._report("registration", user=new_officer)
        self.assertEqual(local.line_ids.agency_id, self.commune)
        with self.assertRaises(AccessError):
            report.with_user(new_officer).read(["name"])

    def test_province_wide_figures_equal_the_reports(self):
        """Issue 22 item 7: "Province-wide Figures" counts each year as its
        reports do, one definition for both: the registered models of the
        February report (not of the October one), the recognitions of the
        October report, only the latest computation of a report (an earlier
        one of the same campaign, kind and units is left out), and not the
        agencies' own reports already included in the province-wide one."""
        self._approved(self.commune, "Hiến đất làm đường")
        self._submitted(self.district_body, "Một cửa thân thiện")
        self._recognized(self.dept, "Công khai tài chính", self.bcd_dept)
        earlier = self._report("registration")
        self.assertEqual(earlier.registered_total, 3)
        self._submitted(self.district_body2, "Văn hóa công sở")
        report = self._report("registration")
        results = self._report("results")
        local = self.env["res.users"].create(
            {
                "name": "Cán bộ xã",
                "login": "sh_local_figures",
                "group_ids": [
                    (6, 0, [self.env.ref("dvk_models.group_dvk_officer").id])
                ],
                "dvk_department_ids": [(6, 0, self.commune.ids)],
            }
        )
        own = self._report("registration", user=local)
        self.assertEqual(own.registered_total, 1)
        self.assertEqual(report.registered_total, 4)
        self.assertEqual(results.recognized_total, 1)
        self.assertTrue(report.is_current and results.is_current)
        self.assertFalse(earlier.is_current)

        action = self.env.ref("dvk_statehub.dvk_statehub_report_line_action")
        for user, registered, recognized in (
            (self.user_home_affairs, 4, 1),
            (self.user_manager, 4, 1),
            # An officer reads the figures of his own reports.
            (local, 1, 0),
        ):
            with self.subTest(user=user.login):
                Line = self.env["dvk.statehub.report.line"].with_user(user)
                domain = safe_eval(action.domain, {"uid": user.id})
                lines = Line.search(domain + [("year", "=", 2026)])
                self.assertEqual(sum(lines.mapped("registered_count")), registered)
                self.assertEqual(sum(lines.mapped("recognized_count")), recognized)
        # The October report counts no registration: its figures are those
        # of its month only, and so are the columns of its XLSX.
        self.assertFalse(sum(results.line_ids.mapped("registered_count")))
        for record, wanted, unwanted in (
            (report, "Số mô hình đăng ký", "Được công nhận"),
            (results, "Được công nhận", "Số mô hình đăng ký"),
        ):
            content, _kind = (
                self.env["ir.actions.report"]
                .with_user(self.user_home_affairs)
                ._render_xlsx(
                    "dvk_statehub.dvk_statehub_home_affairs_report_xlsx",
                    record.ids,
                    {},
                )
            )
            sheet = load_workbook(io.BytesIO(content)).worksheets[0]
            cells = {c.value for row in sheet.iter_rows() for c in row if c.value}
            self.assertIn(wanted, cells)
            self.assertNotIn(unwanted, cells)

    def test_compute_again_records_when_and_by_whom(self):
        """Rule (issue 22): computing a draft report again replaces its
        figures; the report records when it was counted ("Computed On" moves
        to the new time) and the chatter keeps a line of each computation."""
        tracked = dict(self.env.context, tracking_disable=False, mail_notrack=False)
        with freeze_time("2026-10-20 02:00:00"):
            report = self._report("results").with_env(self.env(context=tracked))
        self.env.flush_all()
        self.env.cr.flush()  # the first computation's tracking is done with
        with freeze_time("2026-10-27 03:30:00"):
            report.with_user(self.user_officer).action_compute()
            self.env.flush_all()
            self.env.cr.flush()  # runs the precommit hooks that write tracking
        self.assertEqual(report.date_computed, datetime.datetime(2026, 10, 27, 3, 30))
        field = self.env["ir.model.fields"]._get("dvk.statehub.report", "date_computed")
        tracking = self.env["mail.tracking.value"].search(
            [
                ("field_id", "=", field.id),
                ("mail_message_id.model", "=", "dvk.statehub.report"),
                ("mail_message_id.res_id", "=", report.id),
            ],
            order="id desc",
            limit=1,
        )
        self.assertEqual(
            tracking.new_value_datetime, datetime.datetime(2026, 10, 27, 3, 30)
        )
        self.assertEqual(
            tracking.old_value_datetime, datetime.datetime(2026, 10, 20, 2, 0)
        )
        self.assertEqual(
            tracking.mail_message_id.author_id, self.user_officer.partner_id
        )

    def test_report_queries_do_not_grow(self):
        """Rule: DESIGN §4 — computing the province-wide report (a DVK
        manager's) costs the same queries for many registrations as for few
        (seed 003 Điều 8)."""
        counts = []
        for batch in (2, 8):
            for i in range(batch):
                self._submitted(self.district_body, f"Mô hình {batch}-{i}")
            report = (
                self.env["dvk.statehub.report"]
                .with_user(self.user_manager)
                .create({"campaign_id": self.campaign.id, "kind": "registration"})
            )
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            report.action_compute()
            counts.append(self.cr.sql_log_count - before)
        self.assertLessEqual(counts[1], counts[0] + 2)

    def test_home_affairs_reads_what_is_sent_to_it(self):
        """Rule (issue 22 items 9, 11): the agencies' officer computes and
        sends the report; Sở Nội vụ, to whom it is addressed, reads it and
        cannot compute, send or create one (no Compute or Send button, the
        same predicate refuses the call), and it is no DVK user: it creates
        no model (no "New"), reads no model, decision or registration
        table."""
        self._recognized(self.commune, "Hiến đất", self.bcd_commune)
        chair = self.env["hr.employee"].create({"name": "Lê Văn Chủ Tịch"})
        self.root.manager_id = chair
        report = self._report("registration")
        # The province's officer is in charge of every agency: the report is
        # province-wide, as a manager's, issued by the provincial People's
        # Committee in his charge and signed by its head.
        self.assertFalse(report.scope_department_ids)
        self.assertEqual(report.issuer_department_id, self.root)
        self.assertEqual(report.signer_id, chair)
        self.assertTrue(report.dvk_can_prepare and report.dvk_can_send)
        as_home_affairs = report.with_user(self.user_home_affairs)
        self.assertFalse(as_home_affairs.dvk_can_prepare)
        self.assertFalse(as_home_affairs.dvk_can_send)
        with self.assertRaises(UserError):
            as_home_affairs.action_compute()
        with self.assertRaises(UserError):
            as_home_affairs.action_send()
        Report = self.env["dvk.statehub.report"].with_user(self.user_home_affairs)
        self.assertFalse(Report.has_access("create"))
        self.assertFalse(Report.browse().has_access("write"))
        report.with_user(self.user_officer).action_send()
        self.assertEqual(as_home_affairs.state, "sent")
        self.assertFalse(as_home_affairs.dvk_can_prepare)
        # It prints what it receives.
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_home_affairs)
            ._render_qweb_pdf(
                "dvk_statehub.report_dvk_statehub_home_affairs", report.ids
            )
        )
        self.assertIn("Sở Nội vụ", html.decode())
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_home_affairs)
            ._render("dvk_statehub.home_affairs_xlsx", report.ids)
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content)
        for model_name in ("dvk.model", "dvk.decision", "dvk.statehub.registration"):
            with self.subTest(model=model_name):
                Model = self.env[model_name].with_user(self.user_home_affairs)
                self.assertFalse(Model.has_access("read"))
                self.assertFalse(Model.has_access("create"))
        self.assertFalse(self.user_home_affairs.has_group("dvk_models.group_dvk_user"))
        self.assertTrue(
            self.user_home_affairs.has_group("dvk_statehub.group_dvk_statehub_sector")
        )

    def test_home_affairs_finds_the_sent_report_in_its_inbox(self):
        """Rule: seed 003 Điều 8-9 — when the agencies send a report, Sở Nội
        vụ's officers of the company get it in their inbox; a draft or a
        recomputation notifies nobody, and nobody outside Sở Nội vụ is
        notified."""
        self._approved(self.commune, "Hiến đất làm đường")
        report = self._report("registration")
        report.with_user(self.user_officer).issuer_department_id = self.bcd_commune
        other_company = self.env["res.company"].create({"name": "Tỉnh khác"})
        elsewhere = self.env["res.users"].create(
            {
                "name": "Sở Nội vụ tỉnh khác",
                "login": "sh_snv_other",
                "company_id": other_company.id,
                "company_ids": [(6, 0, other_company.ids)],
                "group_ids": [
                    (
                        6,
                        0,
                        [
                            self.env.ref(
                                "dvk_statehub.group_dvk_statehub_home_affairs"
                            ).id
                        ],
                    )
                ],
            }
        )
        Notification = self.env["mail.notification"]

        def inbox(user):
            return Notification.search(
                [
                    ("res_partner_id", "=", user.partner_id.id),
                    ("notification_type", "=", "inbox"),
                    ("mail_message_id.model", "=", "dvk.statehub.report"),
                    ("mail_message_id.res_id", "=", report.id),
                ]
            )

        report.with_user(self.user_officer).action_compute()
        self.assertFalse(inbox(self.user_home_affairs))
        report.with_user(self.user_officer).action_send()
        self.assertEqual(len(inbox(self.user_home_affairs)), 1)
        self.assertIn(report.number, inbox(self.user_home_affairs).mail_message_id.body)
        # Sở Nội vụ reads the message on the report sent to it.
        inbox(self.user_home_affairs).mail_message_id.with_user(
            self.user_home_affairs
        ).read(["body"])
        self.assertFalse(inbox(elsewhere))
        self.assertFalse(inbox(self.user_officer) | inbox(self.user_bcd_commune))

    def test_commendation_figures_agree_with_the_list(self):
        """Rule: seed 003 Điều 7.2-7.3 and Điều 8 (issue 22 item 7) — the
        October report counts as proposed for commendation each model its
        steering committee proposed and each model on the list of those
        recognised two or more consecutive years proposed for the
        province's commendation: one definition for the figures on screen,
        the printed table and the printed list, each model counted once."""
        old = self._recognized(self.dept, "Công khai tài chính", self.bcd_dept, 2025)
        with freeze_time("2026-02-05"):
            renewed = self.env["dvk.model"].browse(
                old.with_user(self.user_officer).action_renew()["res_id"]
            )
            # The renewal states its implementation time (seed 003 Điều 6).
            renewed.with_user(self.user_officer).write(
                {
                    "date_start": datetime.date(2026, 3, 1),
                    "date_end": datetime.date(2026, 11, 30),
                }
            )
            renewed.with_user(self.user_officer).action_submit()
        with freeze_time("2026-02-20"):
            renewed.with_user(renewed.approver_id).action_approve()
        self._recognize(renewed, self.bcd_dept)
        proposed = self._recognized(self.commune, "Hiến đất", self.bcd_commune)
        self._recognized(self.commune, "Chỉ công nhận", self.bcd_commune)
        # The list's model proposed by its committee as well: counted once.
        self.env["dvk.statehub.commendation"].with_user(self.user_officer).create(
            {
                "campaign_id": self.campaign.id,
                "committee_id": self.bcd_commune.id,
                "model_ids": [(6, 0, proposed.ids)],
            }
        ).action_submit()
        self.env["dvk.statehub.commendation"].with_user(self.user_officer).create(
            {
                "campaign_id": self.campaign.id,
                "committee_id": self.bcd_dept.id,
                "model_ids": [(6, 0, renewed.ids)],
            }
        ).action_submit()
        report = self._report("results")
        listed = report.consecutive_ids.filtered(lambda c: c.record_type == "model")
        self.assertEqual(listed.mapped("name"), [renewed.name])
        by_agency = {
            line.agency_id: line.commendation_count for line in report.line_ids
        }
        self.assertEqual(by_agency, {self.dept: 1, self.commune: 1})
        self.assertEqual(report.commendation_total, 2)
        # Without the committee's proposal, the listed model still counts.
        renewed_only = self._report("results")
        # sudo: test fixture, the proposal as if it had never held the model
        self.env["dvk.statehub.commendation"].sudo().search(
            [("model_ids", "in", renewed.ids)]
        ).model_ids = [(3, renewed.id)]
        renewed_only.action_compute()
        self.assertEqual(
            {line.agency_id: line.commendation_count for line in renewed_only.line_ids},
            {self.dept: 1, self.commune: 1},
        )
        values = self.env[
            "report.dvk_statehub.report_dvk_statehub_home_affairs"
        ]._dvk_prepare(renewed_only, {})["reports"][renewed_only.id]
        self.assertEqual(
            values["totals"]["commendation"], renewed_only.commendation_total
        )

    def test_summary_issued_by_the_committee_of_the_user(self):
        """Seed 003 Điều 8: an agency's results are sent by its steering
        committee: Mẫu số 3 printed by the head of the district's committee
        (the unit he heads, no employee unit given) is issued under that
        committee, never under a unit below it."""
        values = (
            self.env["report.dvk_models.report_dvk_campaign_summary"]
            .with_user(self.user_bcd_district)
            ._get_report_values(self.campaign.ids)
        )
        header = values["summaries"][self.campaign.id]["header"]
        self.assertEqual(header["unit"], self.bcd_district.name.upper())
        self.assertIn("/BC-BCĐ", header["number"])
