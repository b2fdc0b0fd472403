"""The parts every printed form shares, from the issuing unit's data: the
line of the superior body above the unit's name, the place before the date,
the signature of one body with the signer's title in it, and decision
numbers that never split (Decree 30/2020/NĐ-CP; guidance 36-HD/VPTW for
Party bodies)."""

import html
import re

from odoo.tests import freeze_time, tagged

from .common import DvkCommon

SUMMARY = "dvk_models.dvk_campaign_report_summary"
TAGS = re.compile(r"<[^>]*>")
DOTS_PLACE = "................"


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestFormHeaders(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # As in a province where the tree hangs the district party committee
        # under the provincial steering committee, which is not its superior
        # Party body; the district committee recognises for the district
        # (a steering committee too) and its head is, in HR, the head of its
        # mass-mobilisation board.
        cls.province.write(
            {
                "name": "Ban Chỉ đạo QCDC và phong trào Dân vận khéo tỉnh",
                "dvk_is_steering_committee": True,
                "dvk_signing_place": "Trà Vinh",
            }
        )
        cls.district.write(
            {
                "dvk_is_party_body": True,
                "dvk_is_steering_committee": True,
                "dvk_signing_place": "Châu Thành",
            }
        )
        cls.emp_district_head.job_title = "Trưởng Ban Dân vận Huyện ủy"
        cls.Report = cls.env["report.dvk_models.report_dvk_campaign_summary"]

    def _text(self, content):
        return " ".join(html.unescape(TAGS.sub(" ", content)).split())

    def _summary(self, user=None):
        report = self.env["ir.actions.report"].with_user(user or self.user_officer)
        content, _kind = report._render_qweb_pdf(SUMMARY, self.campaign.ids)
        return content.decode()

    def test_summary_prints_the_superior_party_body_and_one_body(self):
        """Rule: guidance 36-HD/VPTW — Mẫu 3 of a district party committee
        prints above its name its superior Party body (the unit's data),
        never the steering committee the tree hangs it under; it is signed
        for one body with the title in that body (T/M HUYỆN ỦY / BÍ THƯ),
        not with the signer's post in another body; decision numbers print
        unbroken."""
        model = self._proposed()
        decision = self._decision(model)
        decision.action_confirm()
        raw = self._summary()
        text = self._text(raw)
        self.assertIn("HUYỆN ỦY CHÂU THÀNH", text)
        self.assertNotIn("BAN CHỈ ĐẠO QCDC VÀ PHONG TRÀO DÂN VẬN KHÉO TỈNH", text)
        self.assertIn("T/M HUYỆN ỦY CHÂU THÀNH BÍ THƯ Phạm Văn Huyện", text)
        self.assertNotIn("TRƯỞNG BAN DÂN VẬN", text)
        self.assertIn("Châu Thành, ngày 10 tháng 02 năm 2026", text)
        self.assertIn(f'<span class="dvk-nowrap">{decision.name}</span>', raw)
        values = self.Report.with_user(self.user_officer)._get_report_values(
            self.campaign.ids
        )
        self.assertEqual(values["summaries"][self.campaign.id]["header"]["upper"], "")

        # The unit's own data: the superior Party organisation and the body
        # it signs for.
        self.district.write(
            {
                "dvk_superior_name": "Đảng bộ tỉnh Trà Vinh",
                "dvk_sign_on_behalf": "Huyện ủy",
            }
        )
        text = self._text(self._summary())
        self.assertIn("ĐẢNG BỘ TỈNH TRÀ VINH HUYỆN ỦY CHÂU THÀNH", text)
        self.assertIn("T/M HUYỆN ỦY BÍ THƯ Phạm Văn Huyện", text)

    def test_summary_names_the_issuer_of_each_decision(self):
        """Rule: Decree 30/2020/NĐ-CP — numbers restart at 01 for each
        issuing body, so Mẫu 3 prints the issuer next to each decision's
        number and date ("Số 01-QĐ/ĐU ngày ... của Đảng ủy xã ..."): two
        communes' decisions 01 are told apart; its list has fixed columns
        in which long names wrap."""
        model = self._proposed()
        first = self._decision(model)
        first.action_confirm()
        other = self._submitted(
            user=self.user_other,
            department_id=self.commune_other.id,
            name="Dân vận khéo trong xây dựng nông thôn mới kiểu mẫu "
            "gắn với chuyển đổi số cộng đồng",
        )
        other.with_user(self.user_district_head).action_approve()
        self._self_assess(other)
        other.with_user(self.user_officer).action_propose(self.level_grassroots)
        second = self._decision(other, authority=self.commune_other)
        second.action_confirm()
        text = self._text(self._summary(self.user_manager))
        for decision in (first, second):
            self.assertIn(
                f"Số {decision.name} ngày {decision.date:%d/%m/%Y} của "
                f"{decision.authority_department_id.name}",
                text,
            )
        self.assertIn('class="dvk-table dvk-fixed"', self._summary(self.user_manager))

    def test_summary_of_a_manager_names_a_unit_not_the_company(self):
        """Rule: Decree 30/2020/NĐ-CP — the issuing body of a form is a
        unit: a DVK manager, in charge of no unit, sends Mẫu 3 as the unit
        that holds every model listed, never under the company's name."""
        self.env.company.name = "Tỉnh ủy Trà Vinh (demo)"
        model = self._proposed()
        self._decision(model).action_confirm()
        text = self._text(self._summary(self.user_manager))
        self.assertIn("ĐẢNG ỦY XÃ HÒA LỢI", text)
        self.assertNotIn("(DEMO)", text.upper())

    def test_signature_titles_come_from_the_body(self):
        """Rule: Decree 30/2020/NĐ-CP, guidance 36-HD/VPTW — a deputy signs
        a Party body's document as PHÓ BÍ THƯ under T/M, a state body's as
        "KT." and the head's title above his own; the unit's titles win over
        the defaults and over anyone's job title."""
        sign = self.Report._dvk_unit_signature
        self.district.dvk_is_steering_committee = False
        party = sign(self.district, signer=self.emp_approver)
        self.assertEqual(
            (party["prefix"], party["acting"], party["position"]),
            ("T/M HUYỆN ỦY CHÂU THÀNH", False, "PHÓ BÍ THƯ"),
        )
        self.province.manager_id = self.emp_district_head
        committee = sign(self.province, signer=self.emp_approver)
        self.assertEqual(
            (committee["prefix"], committee["acting"], committee["position"]),
            (
                "TM. BAN CHỈ ĐẠO QCDC VÀ PHONG TRÀO DÂN VẬN KHÉO TỈNH",
                "KT. TRƯỞNG BAN",
                "PHÓ TRƯỞNG BAN",
            ),
        )
        self.province.write(
            {
                "dvk_sign_on_behalf": "Ban Chỉ đạo",
                "dvk_head_title": "Trưởng Ban Chỉ đạo",
                "dvk_deputy_title": "Phó Trưởng Ban Thường trực",
            }
        )
        committee = sign(self.province, signer=self.emp_approver)
        self.assertEqual(
            (committee["prefix"], committee["acting"], committee["position"]),
            ("TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN CHỈ ĐẠO", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"),
        )
        head = sign(self.province)
        self.assertEqual(
            (head["acting"], head["position"], head["name"]),
            (False, "TRƯỞNG BAN CHỈ ĐẠO", "Phạm Văn Huyện"),
        )

    def test_place_is_the_issuing_units_own(self):
        """Rule: Decree 30/2020/NĐ-CP — the place before the date is the
        locality of the issuing body: its own data, or that of the body a
        unit without a DVK level of its own (an association, a cell) or a
        steering committee belongs to; a commune never prints its district's
        place, and dots are left to the clerk rather than a wrong place."""
        Department = self.env["hr.department"]
        association = Department.create(
            {"name": "Hội Nông dân xã Hòa Lợi", "parent_id": self.commune.id}
        )
        committee = Department.create(
            {
                "name": "Ban Chỉ đạo QCDC xã Hòa Lợi",
                "parent_id": self.commune.id,
                "dvk_level_id": self.level_grassroots.id,
                "dvk_is_steering_committee": True,
            }
        )
        place = self.Report._dvk_place
        self.assertEqual(place(self.district), "Châu Thành")
        for unit in (self.commune, association, committee):
            self.assertEqual(place(unit), DOTS_PLACE, unit.name)
        self.commune.dvk_signing_place = "Hòa Lợi"
        for unit in (self.commune, association, committee):
            self.assertEqual(place(unit), "Hòa Lợi", unit.name)
        header = self.Report._dvk_header(association, date=None)
        self.assertTrue(header["place_date"].startswith("Hòa Lợi, ngày"))
