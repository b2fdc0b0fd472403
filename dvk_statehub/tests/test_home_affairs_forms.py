"""The report to Sở Nội vụ as the agencies download it: its file name says
which agency sent which report; the signer's position on the form is the
one the report prints."""

import html
import io
import re
from urllib.parse import unquote

from openpyxl import load_workbook

from odoo.http import content_disposition
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval, time

from odoo.addons.dvk_models.tests.common import run_migration

from .common import DvkStatehubCommon

HOME_AFFAIRS = "dvk_statehub.report_dvk_statehub_home_affairs"
TAGS = re.compile(r"<[^>]*>")
ACTIONS = (
    "dvk_statehub.dvk_statehub_home_affairs_report",
    "dvk_statehub.dvk_statehub_home_affairs_report_xlsx",
)


@tagged("post_install", "-at_install")
class TestHomeAffairsForms(DvkStatehubCommon):
    def _report(self, issuer, kind="registration"):
        report = (
            self.env["dvk.statehub.report"]
            .with_user(self.user_officer)
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

    def _file_name(self, xmlid, record, lang):
        """The file name of the download, as addons/web/controllers/report.py
        computes it in the user's language (the expression is translated)."""
        action = self.env.ref(xmlid).with_context(lang=lang)
        name = safe_eval(
            action.print_report_name,
            {"object": record.with_context(lang=lang), "time": time},
        )
        header = content_disposition(f"{name}.{action.report_type[:4]}")
        return unquote(header.partition("; filename*=UTF-8''")[2], encoding="utf-8")

    def test_download_names_the_agency_and_the_report(self):
        """Rule (issue 22): the report to Sở Nội vụ downloads, PDF and XLSX,
        as "Báo cáo gửi Sở Nội vụ - <issuing unit> - <report>", read by Sở
        Nội vụ's own user: the February and October reports of the year, and
        those of two agencies, no longer share one name; a slash in a name
        does not make a folder."""
        self.bcd_district.name = "Ban Chỉ đạo QCDC/DVK huyện Càng Long"
        reports = (
            self._report(self.bcd_dept)
            | self._report(self.bcd_dept, kind="results")
            | self._report(self.bcd_district)
        )
        langs = {"en_US", self.env["res.lang"]._get_code("vi_VN") or "en_US"}
        for lang in sorted(langs):
            for xmlid in ACTIONS:
                names = set()
                for report in reports.with_user(self.user_home_affairs):
                    with self.subTest(lang=lang, action=xmlid, report=report.id):
                        name = self._file_name(xmlid, report, lang)
                        issuer = report.issuer_department_id.name.replace("/", "-")
                        title = report.with_context(lang=lang).name
                        self.assertTrue(
                            name.startswith(
                                f"Báo cáo gửi Sở Nội vụ - {issuer} - {title}"
                            ),
                            name,
                        )
                        self.assertNotIn("/", name)
                        names.add(name)
                self.assertEqual(len(names), 3)

    def test_upgrade_names_the_home_affairs_report(self):
        """Rule (issue 22): a database upgraded from 19.0.1.4.0 kept the
        Vietnamese translation of the former name (the year alone), which
        the upgrade drops so that the Vietnamese of i18n/vi.po loads in its
        place, for the PDF and the XLSX."""
        old = "'Báo cáo gửi Sở Nội vụ %s' % object.year"
        cr = self.env.cr
        self.env.flush_all()
        actions = self.env["ir.actions.report"]
        for xmlid in ACTIONS:
            actions |= self.env.ref(xmlid)
        cr.execute(
            "UPDATE ir_act_report_xml SET print_report_name = "
            "print_report_name || jsonb_build_object('vi_VN', %s::text) "
            "WHERE id IN %s",
            [old, tuple(actions.ids)],
        )
        run_migration("dvk_statehub", "19.0.1.5.0", "post-migrate", cr, "19.0.1.4.0")
        cr.execute(
            "SELECT print_report_name FROM ir_act_report_xml WHERE id IN %s",
            [tuple(actions.ids)],
        )
        for (value,) in cr.fetchall():
            self.assertEqual(list(value), ["en_US"])
            self.assertIn("object.issuer_department_id.name", value["en_US"])
        vi = self.env["res.lang"]._get_code("vi_VN")
        if vi:
            module = self.env["ir.module.module"].search(
                [("name", "=", "dvk_statehub")]
            )
            module._update_translations(vi)
            self.env.invalidate_all()
            for action in actions.with_context(lang=vi):
                self.assertNotEqual(action.print_report_name, old)

    def _text(self, report):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html(HOME_AFFAIRS, report.ids)
        )
        return " ".join(html.unescape(TAGS.sub(" ", content.decode())).split())

    def test_signer_title_on_screen_is_the_printed_one(self):
        """Rule (issue 22): one definition of the signer's position — the
        form shows the title the report prints (the head of the issuing
        steering committee, TRƯỞNG BAN; a deputy's when someone else signs),
        it follows the issuing unit and the signer as they are changed, and
        the report prints the field, also when the officer types another
        title."""
        deputy = self.env["hr.employee"].create({"name": "Nguyễn Văn Phó"})
        self.bcd_district.dvk_head_title = "Trưởng Ban Chỉ đạo"
        with Form(self.env["dvk.statehub.report"].with_user(self.user_officer)) as form:
            form.campaign_id = self.campaign
            form.issuer_department_id = self.bcd_dept
            self.assertEqual(form.signer_id, self.emp_bcd_dept)
            self.assertEqual(form.signer_title, "TRƯỞNG BAN")
            form.issuer_department_id = self.bcd_district
            self.assertEqual(form.signer_title, "TRƯỞNG BAN CHỈ ĐẠO")
            form.issuer_department_id = self.bcd_dept
            form.signer_id = deputy
            self.assertEqual(form.signer_title, "PHÓ TRƯỞNG BAN")
        report = form.record
        self.assertEqual(report.signer_title, "PHÓ TRƯỞNG BAN")
        self.assertIn(
            "PHÓ TRƯỞNG BAN (Ký, ghi rõ họ tên, đóng dấu) Nguyễn Văn Phó",
            self._text(report),
        )
        report.signer_title = "Ủy viên thường trực"
        self.assertIn(
            "ỦY VIÊN THƯỜNG TRỰC (Ký, ghi rõ họ tên, đóng dấu) Nguyễn Văn Phó",
            self._text(report),
        )

    def test_upgrade_fills_the_printed_signer_title(self):
        """Rule (issue 22): a report saved before the signer's position was
        filled in (empty: the print derived it), sent or not, shows after
        the upgrade the title it prints; a typed title is kept."""
        sent = self._report(self.bcd_dept)
        typed = self._report(self.bcd_district)
        typed.signer_title = "Ủy viên thường trực"
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            "UPDATE dvk_statehub_report SET signer_title = NULL, state = 'sent' "
            "WHERE id = %s",
            [sent.id],
        )
        self.env.invalidate_all()
        self.assertFalse(sent.signer_title)
        printed = self._text(sent)
        self.assertIn("TRƯỞNG BAN (Ký, ghi rõ họ tên, đóng dấu) Lê Văn Tài", printed)
        run_migration("dvk_statehub", "19.0.1.5.0", "post-migrate", cr, "19.0.1.4.0")
        self.env.invalidate_all()
        self.assertRecordValues(
            sent | typed,
            [
                {"state": "sent", "signer_title": "TRƯỞNG BAN"},
                {"state": "draft", "signer_title": "Ủy viên thường trực"},
            ],
        )

    def test_export_has_the_number_and_the_total_row(self):
        """Rule (issue 22, seed 003 Điều 8): the export of the report to Sở
        Nội vụ is headed with the report's number and symbol, as its PDF,
        and ends with the PDF's total row: the sums of its figures, as
        numbers."""
        self._approved(self.dept_unit, "Công khai tài chính công")
        self._approved(self.commune, "Hiến đất làm đường")
        report = self._report(self.bcd_dept)
        report.with_user(self.user_officer).action_send()
        self.assertTrue(report.number)
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_xlsx("dvk_statehub.home_affairs_xlsx", report.ids, {})
        )
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        self.assertIn(f"Số: {report.number}", sheet.cell(1, 1).value)
        rows = list(sheet.iter_rows(min_row=4, values_only=True))
        lines = report.line_ids
        self.assertEqual(len(rows), len(lines) + 1)
        total = rows[-1]
        self.assertEqual(total[1], "Tổng cộng")
        self.assertEqual(
            total[4:8],
            (
                sum(lines.mapped("collective_count")),
                sum(lines.mapped("individual_count")),
                sum(lines.mapped("registered_count")),
                sum(lines.mapped("approved_count")),
            ),
        )
        self.assertGreaterEqual(total[6], 2)
        self.assertIn(f"Số: {report.number}", self._text(report))

    def test_export_sheets_are_named_in_vietnamese(self):
        """Rule (issue 22): the export of the report to Sở Nội vụ is a
        Vietnamese file: its sheets are named in Vietnamese (the figures
        "Đăng ký" or "Kết quả", the list "liên tiếp"), never by the report's
        technical kind, each name unique and at most 31 characters."""
        registration = self._report(self.bcd_dept)
        results = self._report(self.bcd_dept, kind="results")
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_xlsx(
                "dvk_statehub.home_affairs_xlsx", (registration | results).ids, {}
            )
        )
        names = load_workbook(io.BytesIO(content)).sheetnames
        self.assertEqual(
            names,
            [
                f"{registration.id} Đăng ký",
                f"{results.id} Kết quả",
                f"{results.id} liên tiếp",
            ],
        )
        for name in names:
            self.assertNotIn("registration", name)
            self.assertNotIn("results", name)
            self.assertLessEqual(len(name), 31)
