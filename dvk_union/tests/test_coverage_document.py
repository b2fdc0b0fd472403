"""The coverage of base unions printed as an official report of the issuing
union (Decree 30/2020/NĐ-CP): national header with the union's own data,
number and symbol left for the clerk, place and date, the signature for the
union and "Nơi nhận"."""

import datetime
import html
import re

from odoo.tests import Form, freeze_time, tagged

from .common import DvkUnionCommon

COVERAGE = "dvk_union.dvk_union_coverage_report"
TAGS = re.compile(r"<[^>]*>")
COMPANY_NAME = "Liên đoàn Lao động tỉnh Ninh Thuận (demo)"


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestUnionCoverageDocument(DvkUnionCommon):
    def _text(self, wizard, user):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(COVERAGE, wizard.ids)
        )
        return " ".join(html.unescape(TAGS.sub(" ", content.decode())).split())

    def test_coverage_report_is_an_official_document(self):
        """Issue 22 item 4: the coverage PDF carries the national header
        under the issuing union's data (its superior body and name, never
        the company's), the number and symbol for the clerk, place and date,
        "Nơi nhận" with the body it reports to, and the signature for the
        union; a deputy signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"."""
        self.env.company.name = COMPANY_NAME
        self.province.write(
            {
                "dvk_superior_name": "Tổng Liên đoàn Lao động Việt Nam",
                "dvk_signing_place": "Ninh Thuận",
                "dvk_sign_on_behalf": "Ban Thường vụ",
            }
        )
        self._model(self.base).action_submit()
        Coverage = self.env["dvk.union.coverage"].with_user(self.user_officer)
        wizard = Coverage.create({"campaign_id": self.campaign.id})
        wizard.action_compute()
        self.assertEqual(wizard.issuer_department_id, self.province)
        self.assertEqual(wizard.signer_id, self.emp_province)
        self.assertEqual(wizard.date, datetime.date(2026, 3, 2))
        text = self._text(wizard, self.user_officer)
        for needle in (
            "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH THUẬN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "/BC-LĐLĐ",
            "Ninh Thuận, ngày 02 tháng 3 năm 2026",
            "Toàn tỉnh: 1/",
            "Nơi nhận: - Ban Dân vận Tỉnh ủy Ninh Thuận (để báo cáo); - Lưu: VT.",
            "TM. BAN THƯỜNG VỤ CHỦ TỊCH",
            self.emp_province.name,
        ):
            self.assertIn(needle, text)
        self.assertNotIn(COMPANY_NAME, text)

        deputy = self.env["hr.employee"].create({"name": "Lê Văn Phó"})
        wizard.signer_id = deputy
        text = self._text(wizard, self.user_officer)
        self.assertIn("TM. BAN THƯỜNG VỤ KT. CHỦ TỊCH PHÓ CHỦ TỊCH", text)
        self.assertIn("Lê Văn Phó", text)

    def test_district_federation_issues_its_own(self):
        """Issue 22 item 4: a district federation's officer prints the
        coverage as his federation's report, to the provincial federation."""
        self._model(self.base).action_submit()
        Coverage = self.env["dvk.union.coverage"].with_user(self.user_district_officer)
        wizard = Coverage.create({"campaign_id": self.campaign.id})
        wizard.action_compute()
        self.assertEqual(wizard.issuer_department_id, self.district)
        text = self._text(wizard, self.user_district_officer)
        for needle in (
            "LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH THUẬN LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ "
            "PHAN RANG - THÁP CHÀM",
            "Nơi nhận: - Liên đoàn Lao động tỉnh Ninh Thuận (để báo cáo);",
            self.emp_district.name,
        ):
            self.assertIn(needle, text)

    def test_signer_title_on_screen_is_the_printed_one(self):
        """Rule (issue 22): one definition of the signer's position — the
        form shows the title the report prints (the issuing union's head,
        CHỦ TỊCH; a deputy's, PHÓ CHỦ TỊCH, when someone else signs), it
        follows the issuing union and the signer as they are changed, and
        the report prints the field, also when the officer types another
        title."""
        deputy = self.env["hr.employee"].create({"name": "Lê Văn Phó"})
        self.district.dvk_head_title = "Chủ tịch Liên đoàn"
        self._model(self.base).action_submit()
        Coverage = self.env["dvk.union.coverage"].with_user(self.user_officer)
        wizard = Coverage.create({"campaign_id": self.campaign.id})
        wizard.action_compute()
        with Form(wizard) as form:
            self.assertEqual(form.issuer_department_id, self.province)
            self.assertEqual(form.signer_title, "CHỦ TỊCH")
            form.issuer_department_id = self.district
            self.assertEqual(form.signer_id, self.emp_district)
            self.assertEqual(form.signer_title, "CHỦ TỊCH LIÊN ĐOÀN")
            form.issuer_department_id = self.province
            form.signer_id = deputy
            self.assertEqual(form.signer_title, "PHÓ CHỦ TỊCH")
        self.assertEqual(wizard.signer_title, "PHÓ CHỦ TỊCH")
        self.assertIn(
            "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn Phó",
            self._text(wizard, self.user_officer),
        )
        wizard.signer_title = "Ủy viên Ban Thường vụ"
        self.assertIn(
            "KT. CHỦ TỊCH ỦY VIÊN BAN THƯỜNG VỤ Lê Văn Phó",
            self._text(wizard, self.user_officer),
        )
