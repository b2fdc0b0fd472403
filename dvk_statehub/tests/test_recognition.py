from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DvkStatehubCommon


@tagged("post_install", "-at_install")
class TestStatehubRecognition(DvkStatehubCommon):
    def test_criteria_sets_of_the_profile(self):
        """Rule: seed 003 Điều 7.1 — a model is scored on the five factors
        a-đ; Điều 5 — collective exemplars on criteria a-đ, individual ones on
        a-d."""
        model = self._model(self.commune, "Dân vận khéo trong hiến đất")
        self.assertEqual(
            model.criteria_set_id,
            self.env.ref("dvk_statehub.criteria_set_statehub_model"),
        )
        self.assertEqual(
            model.criteria_set_id.criterion_ids.mapped("code"),
            ["A", "B", "C", "D", "Đ"],
        )
        Set = self.env["dvk.criteria.set"]
        collective = Set._find_for("exemplar", "statehub", "collective")
        individual = Set._find_for("exemplar", "statehub", "individual")
        self.assertEqual(
            collective.criterion_ids.mapped("code"), ["A", "B", "C", "D", "Đ"]
        )
        self.assertEqual(individual.criterion_ids.mapped("code"), ["A", "B", "C", "D"])

    def test_recognised_by_the_committee_of_its_agency(self):
        """Rule: seed 003 Điều 7.2 — the steering committee of the same level,
        the agency's own, recognises; another agency's committee cannot."""
        model = self._approved(self.district_body, "Một cửa thân thiện")
        with self.assertRaises(UserError):
            self._recognize(model, self.bcd_dept)
        self.assertEqual(model.state, "approved")
        self._recognize(model, self.bcd_district)
        self.assertEqual(model.state, "recognized")
        self.assertEqual(model.recognized_level_id, self.level_district)

    def test_commune_committee_recognises_at_grassroots(self):
        """Rule: seed 003 Điều 7.2 — a commune's committee recognises its
        models at the commune (grassroots) level."""
        model = self._recognized(self.commune, "Hiến đất làm đường", self.bcd_commune)
        self.assertEqual(model.recognized_level_id, self.level_grassroots)

    def test_inspection_on_the_chatter(self):
        """Rule: seed 003 Điều 6.4 — inspections during implementation are
        recorded (date, who, findings, difficulties solved) on the model's
        chatter; a model not being implemented is not inspected."""
        model = self._approved(self.commune, "Hiến đất làm đường")
        Inspection = self.env["dvk.statehub.inspection"].with_user(self.user_officer)
        with freeze_time("2026-06-10"):
            inspection = Inspection.create(
                {
                    "model_id": model.id,
                    "inspected_by": "Đoàn kiểm tra Ban Chỉ đạo xã",
                    "findings": "Đã vận động 12 hộ hiến đất",
                    "difficulties_solved": "Tháo gỡ vướng mắc đo đạc",
                }
            )
        self.assertEqual(model.statehub_inspection_count, 1)
        bodies = " ".join(model.message_ids.mapped("body"))
        self.assertIn("Đã vận động 12 hộ hiến đất", bodies)
        self.assertIn("Tháo gỡ vướng mắc đo đạc", bodies)
        with self.assertRaises(ValidationError):
            inspection.date = "2025-12-01"
        draft = self._model(self.commune, "Chưa phê duyệt")
        with self.assertRaises(ValidationError):
            Inspection.create(
                {"model_id": draft.id, "inspected_by": "Chủ tịch xã", "findings": "x"}
            )

    def test_commendation_route(self):
        """Rule: seed 003 Điều 7.2 — the commune committee proposes to the
        commune People's Committee, a district's to the district People's
        Committee, a department's to the head of the department; the
        authority's decision commends."""
        Commendation = self.env["dvk.statehub.commendation"].with_user(
            self.user_officer
        )
        commune_model = self._recognized(
            self.commune, "Hiến đất làm đường", self.bcd_commune
        )
        dept_model = self._recognized(self.dept, "Công khai tài chính", self.bcd_dept)
        district_model = self._recognized(
            self.district_body, "Một cửa thân thiện", self.bcd_district
        )
        for committee, model, authority, title in (
            (self.bcd_commune, commune_model, self.commune, "Chủ tịch"),
            (self.bcd_district, district_model, self.district, "Chủ tịch"),
            (self.bcd_dept, dept_model, self.dept, "Thủ trưởng"),
        ):
            proposal = Commendation.create(
                {
                    "campaign_id": self.campaign.id,
                    "committee_id": committee.id,
                    "model_ids": [(6, 0, model.ids)],
                }
            )
            self.assertEqual(proposal.authority_id, authority)
            self.assertEqual(proposal.authority_title, f"{title} {authority.name}")
            if authority == self.district:
                # Sent while the district People's Committees still stood.
                proposal.date = "2025-06-30"
            proposal.action_submit()
            with self.assertRaises(UserError):
                proposal.action_commend()
            proposal.write(
                {"decision_ref": "15/QĐ-UBND", "decision_date": "2026-10-20"}
            )
            proposal.action_commend()
            self.assertEqual(proposal.state, "commended")
            self.assertIn("15/QĐ-UBND", model.message_ids[0].body)
            html, _f = self.env["ir.actions.report"]._render_qweb_html(
                "dvk_statehub.report_dvk_statehub_commendation", proposal.ids
            )
            self.assertIn(f"Kính gửi: {title} {authority.name}", html.decode())
        with self.assertRaises(ValidationError):
            Commendation.create(
                {
                    "campaign_id": self.campaign.id,
                    "committee_id": self.bcd_dept.id,
                    "model_ids": [(6, 0, commune_model.ids)],
                }
            )
