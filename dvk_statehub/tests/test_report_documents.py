"""The state-agency forms as official documents (Decree 30/2020/NĐ-CP): the
report to Sở Nội vụ issued by a unit, numbered from its register when it is
sent, dated, signed, with its recipients; the registration table dated in
the locality of its own unit and signed by its own leader and its steering
committee's signer."""

import datetime
import html
import io
import re

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import DvkStatehubCommon

HOME_AFFAIRS = "dvk_statehub.report_dvk_statehub_home_affairs"
TABLE = "dvk_statehub.report_dvk_statehub_registration"
TAGS = re.compile(r"<[^>]*>")
COMPANY_NAME = "Tỉnh ủy Trà Vinh (demo)"


@tagged("post_install", "-at_install")
class TestStatehubReportDocuments(DvkStatehubCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The company's name is no issuing body: no form prints it.
        cls.env.company.name = COMPANY_NAME
        cls.root.dvk_signing_place = "Trà Vinh"
        cls.dept.dvk_signing_place = "Trà Vinh"

    def _committee_data(self):
        """The department's steering committee as its documents print it."""
        self.bcd_dept.write(
            {
                "dvk_header_name": "Ban Chỉ đạo QCDC và phong trào thi đua "
                "“Dân vận khéo”",
                "dvk_superior_name": "Sở Tài chính tỉnh Trà Vinh",
                "dvk_sign_on_behalf": "Ban Chỉ đạo",
            }
        )

    def _text(self, report_ref, records, user):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(report_ref, records.ids)
        )
        return " ".join(html.unescape(TAGS.sub(" ", content.decode())).split())

    def _report(self, issuer, kind="registration", user=None):
        report = (
            self.env["dvk.statehub.report"]
            .with_user(user or self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "kind": kind,
                    "issuer_department_id": issuer.id,
                }
            )
        )
        report.action_compute()
        return report

    def test_report_is_issued_numbered_and_signed(self):
        """Rule: seed 003 Điều 8, Decree 30/2020/NĐ-CP — the report to Sở
        Nội vụ is an official document of its issuing unit: the unit's
        header (its superior body and name, never the company's), a number
        and symbol drawn when it is sent, place and date, Kính gửi Sở Nội
        vụ, the signature for the body and "Nơi nhận"; the draft says so."""
        self._committee_data()
        self._approved(self.dept_unit, "Công khai tài chính công")
        with freeze_time("2026-02-25"):
            report = self._report(self.bcd_dept)
        self.assertEqual(report.signer_id, self.emp_bcd_dept)
        self.assertEqual(report.addressee_id, self.home_affairs)
        draft = self._text(HOME_AFFAIRS, report, self.user_officer)
        for needle in (
            "DỰ THẢO",
            "/BC-BCĐ",
            "Trà Vinh, ngày ..... tháng ..... năm",
            "Kính gửi: Sở Nội vụ tỉnh Trà Vinh",
        ):
            self.assertIn(needle, draft)

        with freeze_time("2026-02-26"):
            report.with_user(self.user_officer).action_send()
        self.assertRecordValues(
            report,
            [{"state": "sent", "number": "01/BC-BCĐ", "sequence_number": 1}],
        )
        for user in (self.user_officer, self.user_home_affairs):
            text = self._text(HOME_AFFAIRS, report, user)
            for needle in (
                "SỞ TÀI CHÍNH TỈNH TRÀ VINH BAN CHỈ ĐẠO QCDC VÀ PHONG TRÀO THI "
                "ĐUA “DÂN VẬN KHÉO”",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Số: 01/BC-BCĐ",
                "Trà Vinh, ngày 26 tháng 02 năm 2026",
                "Kính gửi: Sở Nội vụ tỉnh Trà Vinh",
                "Nơi nhận: - Như trên; - Lưu: VT.",
                "TM. BAN CHỈ ĐẠO TRƯỞNG BAN",
                self.emp_bcd_dept.name,
            ):
                self.assertIn(needle, text)
            self.assertNotIn("DỰ THẢO", text)
            self.assertNotIn(COMPANY_NAME.upper(), text)
            self.assertNotIn(COMPANY_NAME, text)

    def test_numbers_follow_the_register_of_the_issuing_unit(self):
        """Rule: Decree 30/2020/NĐ-CP Article 15 — an issuing body numbers
        its documents from 01 each year in the order it issues them, its
        decisions and its reports in one register, without gaps: a report
        that cannot be sent takes no number; another body starts at 01."""
        model = self._approved(self.dept, "Công khai tài chính")
        decision = self._recognize(model, self.bcd_dept)
        self.assertEqual(decision.name, "01/QĐ-BCĐ")
        with freeze_time("2026-10-20"):
            first = self._report(self.bcd_dept)
            refused = self._report(self.bcd_dept, kind="results")
            refused.signer_id = False
            with self.assertRaises(UserError):
                refused.with_user(self.user_officer).action_send()
            second = self._report(self.bcd_dept, kind="results")
            other = self._report(self.bcd_commune)
            (first | second | other).with_user(self.user_officer).action_send()
        self.assertEqual(
            [first.number, second.number, other.number],
            ["02/BC-BCĐ", "03/BC-BCĐ", "01/BC-BCĐ"],
        )
        self.assertFalse(refused.number)

    def test_sent_report_is_kept_as_issued(self):
        """Rule: Decree 30/2020/NĐ-CP — a sent report is kept as issued: its
        number, date and document parts change through no write; nobody
        issues one in the name of a unit outside his charge (an officer of
        another agency is refused and draws no number); Sở Nội vụ receives
        the reports, it neither creates nor sends the agencies'."""
        report = self._report(self.bcd_dept)
        with self.assertRaises(UserError):
            report.with_user(self.user_officer).write({"number": "99/BC-BCĐ"})
        with self.assertRaises(AccessError):
            self._report(self.bcd_dept, user=self.user_home_affairs)
        with self.assertRaises(UserError):
            report.with_user(self.user_home_affairs).action_send()
        self.assertFalse(report.number)
        commune_officer = new_test_user(
            self.env,
            login="sh_off_commune",
            groups="dvk_models.group_dvk_officer",
            dvk_department_ids=[Command.set(self.commune.ids)],
        )
        foreign = self._report(self.bcd_dept, user=commune_officer)
        self.assertEqual(foreign.signer_id, self.emp_bcd_dept)
        # He computes the figures of his commune but sends nothing in the
        # department's name: no Send button, the same predicate as the guard.
        self.assertTrue(foreign.dvk_can_prepare)
        self.assertFalse(foreign.dvk_can_send)
        self.assertTrue(report.dvk_can_send)
        with self.assertRaises(AccessError):
            foreign.with_user(commune_officer).action_send()
        self.assertFalse(foreign.number)
        report.with_user(self.user_officer).action_send()
        with self.assertRaises(UserError):
            report.with_user(self.user_officer).write({"signer_title": "Phó ban"})
        with self.assertRaises(UserError):
            report.with_user(self.user_officer).write({"recipients": "Lưu: VT."})

    def test_registration_table_place_and_signers_from_the_units(self):
        """Rule: seed 003 Điều 6.2, Decree 30/2020/NĐ-CP — the registration
        table of a district is dated in the district (its own place, never
        the province's), a district body's in its district; the agency's
        leader and the steering committee's signer are each printed from
        their own data."""
        leader = self.env["hr.employee"].create({"name": "Thạch Văn Chủ Tịch"})
        self.district.write({"dvk_signing_place": "Càng Long", "manager_id": leader.id})
        self._submitted(self.district_body, "Một cửa thân thiện")
        with freeze_time("2026-02-27"):
            table = self._table(self.district)
            table.action_build()
            table.with_user(self.user_officer).action_submit()
            table.with_user(self.user_bcd_district).action_approve()
        text = self._text(TABLE, table, self.user_officer)
        self.assertIn("Càng Long, ngày 27 tháng 02 năm 2026", text)
        self.assertNotIn("Trà Vinh, ngày", text)
        self.assertRegex(
            text,
            "XÁC NHẬN, DUYỆT CỦA LÃNH ĐẠO CƠ QUAN, ĐƠN VỊ .* Thạch Văn Chủ Tịch "
            f"{self.emp_bcd_district.name}",
        )
        self.assertEqual(text.count(self.emp_bcd_district.name), 1)
        body = self._table(self.district_body)
        self.assertIn("Càng Long, ngày", self._text(TABLE, body, self.user_officer))
        # A commune without a place of its own: dots for the clerk, not its
        # district's or province's place.
        commune = self._text(TABLE, self._table(self.commune), self.user_officer)
        self.assertIn("................, ngày", commune)
        self.assertNotIn("Càng Long, ngày", commune)

    def test_home_affairs_prints_and_exports_every_report_sent_to_it(self):
        """Rule: seed 003 Điều 8-9 (issue 22 journey 7) — Sở Nội vụ prints
        and exports, without any access error, every report the agencies
        send it: each print action of the report (PDF and XLSX), for the
        February and the October report, with the levels named by the
        campaign's chain, the consecutive-years list and the signer, read
        as Sở Nội vụ's own user (it reads no model, decision or HR
        record itself)."""
        self._committee_data()
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
        self._recognized(self.commune, "Hiến đất", self.bcd_commune)
        with freeze_time("2026-10-20"):
            reports = self._report(self.bcd_dept) | self._report(
                self.bcd_dept, kind="results"
            )
            reports.with_user(self.user_officer).action_send()
        self.assertTrue(reports.consecutive_ids)
        self.assertTrue(reports.line_ids.level_id)
        actions = self.env["ir.actions.report"].search(
            [("model", "=", "dvk.statehub.report")]
        )
        self.assertEqual(set(actions.mapped("report_type")), {"qweb-pdf", "xlsx"})
        Report = self.env["ir.actions.report"].with_user(self.user_home_affairs)
        for action in actions:
            for report in reports:
                with self.subTest(action=action.report_name, kind=report.kind):
                    # What Sở Nội vụ's own request reads, not the cache of
                    # the officers' work above.
                    self.env.invalidate_all()
                    content, kind = Report._render(action.report_name, report.ids)
                    self.assertTrue(content)
                    self.assertIn(kind, ("html", "pdf", "xlsx"))
                    # The file name the download gets.
                    name = safe_eval(
                        action.print_report_name,
                        {"object": report.with_user(self.user_home_affairs)},
                    )
                    self.assertIn(str(report.year), name)
        self.env.invalidate_all()
        text = self._text(HOME_AFFAIRS, reports, self.user_home_affairs)
        self.assertIn(renewed.name, text)
        self.assertIn(self.emp_bcd_dept.name, text)
        # The export is addressed as the report is: from its addressee's data.
        self.home_affairs.name = "Sở Nội vụ tỉnh Vĩnh Long"
        content, _kind = Report._render("dvk_statehub.home_affairs_xlsx", reports.ids)
        cells = [
            str(cell.value)
            for sheet in load_workbook(io.BytesIO(content))
            for row in sheet.iter_rows()
            for cell in row
            if cell.value
        ]
        self.assertIn("Kính gửi: Sở Nội vụ tỉnh Vĩnh Long", cells)
        self.assertFalse([c for c in cells if "Trà Vinh" in c and "Kính gửi" in c])

    def test_citations_of_a_merged_province_say_what_it_is_now(self):
        """Rule: DESIGN §2 (restructuring: Trà Vinh merged into Vĩnh Long on
        1/7/2025) — the regulation of the former province, cited on the
        forms of a campaign whose period ends after its People's Committee
        was taken over, is followed by "(nay là tỉnh Vĩnh Long)", from the
        units' lineage and places; a campaign that ended before keeps the
        citation as it was, and the note is printed once."""
        self.root.dvk_signing_place = "Trà Vinh"
        merged = self.env["hr.department"].create(
            {"name": "Ủy ban nhân dân tỉnh Vĩnh Long", "dvk_signing_place": "Vĩnh Long"}
        )
        self.root.write(
            {
                "dvk_successor_ids": [(6, 0, merged.ids)],
                "dvk_lineage_date": "2025-07-01",
            }
        )
        self._approved(self.dept, "Công khai tài chính")
        report = self._report(self.bcd_dept)
        text = self._text(HOME_AFFAIRS, report, self.user_officer)
        self.assertIn(
            "của Ủy ban nhân dân tỉnh Trà Vinh (nay là tỉnh Vĩnh Long), báo cáo",
            text,
        )
        self.assertEqual(text.count("(nay là"), 1)
        table = self._table(self.dept)
        text = self._text(TABLE, table, self.user_officer)
        self.assertIn("tỉnh Trà Vinh (nay là tỉnh Vĩnh Long))", text)
        Department = self.env["hr.department"]
        cited = "Quyết định số 976/QĐ-UBND của Ủy ban nhân dân tỉnh Trà Vinh"
        self.assertEqual(
            Department._dvk_now_named(cited, datetime.date(2025, 6, 30)), cited
        )
        self.assertEqual(
            Department._dvk_now_named(cited, datetime.date(2025, 12, 31)),
            f"{cited} (nay là tỉnh Vĩnh Long)",
        )
