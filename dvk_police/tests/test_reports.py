import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import DvkPoliceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestPoliceReports(DvkPoliceCommon):
    """The police forms print in the state administrative format, in
    Vietnamese (seed 002 §I step 2, §II.2)."""

    def _render(self, xmlid, records, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        html, _kind = Report._render_qweb_pdf(xmlid, records.ids)
        return html.decode()

    def test_request_for_approval(self):
        """Rule: the request (văn bản xin chủ trương) is addressed to the
        competent authority: the district police chief for a commune police."""
        model = self._submitted(self.commune, area="Ấp Giồng Lức")
        text = self._render("dvk_police.action_report_dvk_police_request", model)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
        self.assertIn("Xin chủ trương xây dựng mô hình", text)
        self.assertIn("Trưởng Công an huyện Càng Long", text)
        self.assertIn("Ấp Giồng Lức", text)

    def test_submission_letter(self):
        """Rule: the police submission letter (tờ trình) lists the models."""
        models = self._submitted(self.commune) | self._submitted(
            self.district_team, name="Camera an ninh khu dân cư"
        )
        text = self._render("dvk_police.action_report_dvk_police_submission", models)
        self.assertIn("TỜ TRÌNH", text)
        self.assertIn("Đề nghị công nhận mô hình", text)
        self.assertIn("Camera an ninh khu dân cư", text)

    def test_submission_letter_reprints_as_issued(self):
        """Rule (issue 22, reprint as issued): the police submission letter
        is dated the day the models were proposed, also when printed again
        later; a letter of models not yet proposed is dated the day it is
        printed."""
        model = self._approved(self.commune)
        self._self_assess(model)
        self._annual_done(model)
        self._attach(model)
        xmlid = "dvk_police.action_report_dvk_police_submission"
        self.assertIn("ngày 10 tháng 3 năm 2026", self._render(xmlid, model))
        with freeze_time("2026-03-16"):
            model.with_user(self.user_officer).action_propose(self.level_grassroots)
        with freeze_time("2026-12-07"):
            text = self._render(xmlid, model)
        self.assertIn("ngày 16 tháng 3 năm 2026", text)
        self.assertNotIn("ngày 07 tháng 12 năm 2026", text)

    def _print_menu(self, records, user):
        """The report actions the form's Print menu offers ``user`` on
        ``records``: those bound to their model, kept by their domain."""
        views = records.with_user(user).get_views([(False, "form")], {"toolbar": True})
        bound = views["views"]["form"]["toolbar"].get("print", [])
        Report = self.env["ir.actions.report"].with_user(user)
        valid = Report.browse([action["id"] for action in bound])
        return valid.browse(valid.get_valid_action_reports(records._name, records.ids))

    def test_print_menu_offers_one_submission_letter(self):
        """Rule: a police model has one submission letter, the police's: the
        general letter is not offered on the models of a profile whose sector
        prints its own (the profile's flag, set by the sector), and is still
        offered on a Party model."""
        core = self.env.ref("dvk_models.dvk_model_report_submission")
        police = self.env.ref("dvk_police.action_report_dvk_police_submission")
        self.assertTrue(self.campaign.profile_id.own_submission_letter)
        model = self._submitted(self.commune)
        for user in (self.user_officer, self.user_pv05):
            with self.subTest(user=user.login):
                menu = self._print_menu(model, user)
                self.assertIn(police, menu)
                self.assertNotIn(core, menu)
        party_campaign = self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo 2026",
                "year": 2026,
                "profile": "party",
                "date_start": datetime.date(2026, 1, 1),
                "date_end": datetime.date(2026, 12, 31),
            }
        )
        self.assertFalse(party_campaign.profile_id.own_submission_letter)
        party_model = self.env["dvk.model"].create(
            {
                "name": "Dân vận khéo trong hiến đất làm đường",
                "campaign_id": party_campaign.id,
                "subject_type": "collective",
                "department_id": self.commune.id,
                "field_id": self.field_anqp.id,
                "level_id": self.level_grassroots.id,
            }
        )
        menu = self._print_menu(party_model, self.user_officer)
        self.assertIn(core, menu)
        self.assertNotIn(police, menu)

    def test_pv05_aggregate(self):
        """Rule: PV05 aggregates the approved models for the Ministry (Cục
        V05) and the provincial board, grouped by kind of unit; models still
        awaiting approval are left out."""
        self._approved(self.commune)
        self._approved(self.pc06, name="Tổ tự quản về an ninh trật tự")
        self._submitted(self.district_team, name="Chưa phê duyệt")
        text = self._render("dvk_police.action_report_dvk_police_pv05", self.campaign)
        self.assertIn("Cục V05 - Bộ Công an", text)
        self.assertIn("Ban Dân vận Tỉnh ủy", text)
        self.assertIn("Công an cấp xã", text)
        self.assertIn("Công an các đơn vị thuộc Công an tỉnh", text)
        self.assertIn("Tổ tự quản về an ninh trật tự", text)
        self.assertNotIn("Chưa phê duyệt", text)
        self.assertIn("PHÒNG CÔNG TÁC ĐẢNG VÀ CÔNG TÁC CHÍNH TRỊ", text)

    def test_summary_issued_by_pv05(self):
        """Rule: Mẫu số 3 printed by the head of PV05 is the report of PV05,
        under the provincial police (seed 002 §I step 2: PV05 gathers and
        reports), never one of the commune police whose model he sees."""
        self.pv05.dvk_decision_symbol = "PV05"
        self._recognized(self.commune)
        values = (
            self.env["report.dvk_models.report_dvk_campaign_summary"]
            .with_user(self.user_pv05)
            ._get_report_values(self.campaign.ids)
        )
        header = values["summaries"][self.campaign.id]["header"]
        self.assertEqual(header["upper"], "CÔNG AN TỈNH TRÀ VINH")
        self.assertEqual(header["unit"], "PHÒNG CÔNG TÁC ĐẢNG VÀ CÔNG TÁC CHÍNH TRỊ")
        self.assertIn("/BC-PV05", header["number"])

    def test_request_out_of_scope(self):
        """Rule: a user who cannot read the model cannot print it."""
        model = self._submitted(self.commune)
        stranger = new_test_user(
            self.env, login="pol_stranger", groups="dvk_models.group_dvk_user"
        )
        with self.assertRaises(AccessError):
            self._render(
                "dvk_police.action_report_dvk_police_request", model, user=stranger
            )

    def test_police_forms_only_for_police_records(self):
        """Issue "Every user's journey" 3: the police forms follow the
        record's profile: the print menu offers them on police records only
        (action domain) and printing one for a party campaign is refused
        with a clear message instead of addressing the Ministry of Public
        Security."""
        party = self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo khối Đảng 2026",
                "year": 2026,
                "profile": "party",
                "date_start": datetime.date(2026, 1, 1),
                "date_end": datetime.date(2026, 12, 31),
                "registration_deadline": datetime.date(2026, 3, 29),
                "recognition_deadline": datetime.date(2026, 10, 14),
            }
        )
        for xmlid in (
            "dvk_police.action_report_dvk_police_request",
            "dvk_police.action_report_dvk_police_submission",
            "dvk_police.action_report_dvk_police_pv05",
        ):
            with self.subTest(report=xmlid):
                action = self.env.ref(xmlid)
                self.assertEqual(action.domain, "[('profile', '=', 'police')]")
        # The message names the record (whatever the runner's language).
        with self.assertRaisesRegex(UserError, "Dân vận khéo khối Đảng 2026"):
            self._render("dvk_police.action_report_dvk_police_pv05", party)
        text = self._render("dvk_police.action_report_dvk_police_pv05", self.campaign)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
