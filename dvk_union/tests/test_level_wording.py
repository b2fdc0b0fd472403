"""The level printed in a form's text is named by the chain in force for the
record's campaign: since 1/7/2025 the sector unions are the "cấp trên trực
tiếp cơ sở" of union language, not a "cấp huyện"."""

import datetime

from odoo.tests import TransactionCase, tagged

D = datetime.date


@tagged("post_install", "-at_install")
class TestUnionLevelWording(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The forms print in Vietnamese once it is installed (as under
        # odoo-bin --load-language=vi_VN).
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(
            ["dvk_models", "dvk_union"], ["vi_VN"]
        )
        cls.Report = cls.env["report.dvk_models.report_dvk_decision"].with_context(
            lang="vi_VN"
        )
        # Read in Vietnamese, as the forms read them.
        cls.district = cls.env.ref("dvk_models.dvk_level_district").with_context(
            lang="vi_VN"
        )
        cls.grassroots = cls.env.ref("dvk_models.dvk_level_grassroots").with_context(
            lang="vi_VN"
        )

    def _campaign(self, year, profile="union", **kw):
        return self.env["dvk.campaign"].create(
            {
                "name": f"Dân vận khéo {profile} {year}",
                "year": year,
                "profile": profile,
                "date_start": D(year, 1, 1),
                "date_end": D(year, 12, 31),
                **kw,
            }
        )

    def test_sector_union_level_after_2025(self):
        """Rule: seed 004 §IV with the district federations ended on
        30/6/2025 — a 2026 union decision at the level between the base
        unions and the province says "cấp trên trực tiếp cơ sở" (the sector
        unions' level); a campaign on the chain of before 1/7/2025 keeps
        "cấp huyện"; other levels and profiles keep the level's own name."""
        union_2026 = self._campaign(2026)
        union_2025 = self._campaign(2025, level_date=D(2025, 6, 30))
        party_2026 = self._campaign(2026, profile="party")
        self.assertEqual(
            self.Report._dvk_level_phrase(self.district, union_2026),
            "cấp trên trực tiếp cơ sở",
        )
        self.assertEqual(
            self.Report._dvk_level_name(self.district, union_2026),
            "Trên trực tiếp cơ sở",
        )
        self.assertEqual(
            self.Report._dvk_level_phrase(self.district, union_2025), "cấp huyện"
        )
        self.assertEqual(
            self.Report._dvk_level_phrase(self.grassroots, union_2026), "cấp cơ sở"
        )
        self.assertEqual(
            self.Report._dvk_level_phrase(self.grassroots, party_2026), "cấp cơ sở"
        )
        self.assertEqual(self.Report._dvk_level_phrase(self.district), "cấp huyện")

    def test_dashboard_names_levels_by_the_chain(self):
        """Rule: the dashboard's "Recognised by level" names a 2026 union
        model recognised by a sector union "Trên trực tiếp cơ sở", the step
        of the chain in force, not "Huyện" (the district tier ended on
        30/6/2025)."""
        union_2026 = self._campaign(2026)
        union_2026.action_open()
        unit = self.env["hr.department"].create(
            {"name": "Công đoàn ngành Y tế", "dvk_level_id": self.district.id}
        )
        model = self.env["dvk.model"].create(
            {
                "name": "Công đoàn đồng hành cùng người bệnh",
                "campaign_id": union_2026.id,
                "department_id": unit.id,
                "field_id": self.env.ref("dvk_models.dvk_field_vhxh").id,
            }
        )
        # The recognition itself is tested elsewhere; here only its result
        # (the recognised level is computed from the confirmed decisions).
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE dvk_model SET state = 'recognized', recognized_level_id = %s "
            "WHERE id = %s",
            [self.district.id, model.id],
        )
        self.env.invalidate_all()
        summary = str(union_2026.with_context(lang="vi_VN").dash_summary)
        self.assertIn("Trên trực tiếp cơ sở", summary)
        self.assertNotIn("Huyện", summary)

    def test_decision_list_names_levels_by_the_chain(self):
        """Rule: the decisions list names the level of a 2026 union decision
        as its chain does, "Trên trực tiếp cơ sở" (the district tier ended on
        30/6/2025), as its picker and the printed decision do; a 2024
        decision keeps "Huyện"."""
        union_2026 = self._campaign(2026)
        decision = self.env["dvk.decision"].new(
            {"campaign_id": union_2026.id, "level_id": self.district.id}
        )
        self.assertEqual(decision.level_name, "Trên trực tiếp cơ sở")
        union_2024 = self._campaign(2024)
        decision = self.env["dvk.decision"].new(
            {"campaign_id": union_2024.id, "level_id": self.district.id}
        )
        self.assertEqual(
            decision.level_name, self.env["dvk.level"].browse(self.district.id).name
        )
