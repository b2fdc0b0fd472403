"""State agencies under the two-tier local government (1/7/2025): the district
People's Committees were dissolved and the commune People's Committees came
under the province. The chain keeps the level between them for the provincial
departments; a commune under the province proposes to the province
directly."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.dvk_models.tests.common import run_migration

from .common import DvkStatehubCommon

D = datetime.date


@tagged("post_install", "-at_install")
class TestStatehubTwoTier(DvkStatehubCommon):
    def test_chain_by_period(self):
        """Rule: until 30/6/2025 the district level is recognised by the
        district committees and the departments' committees; from 1/7/2025
        by the provincial departments' committees alone. The levels stay."""
        before = self.profile._dvk_steps_at(D(2025, 6, 30))
        after = self.profile._dvk_steps_at(self.campaign.level_date)
        district = self.level_district
        self.assertEqual(before.level_id, after.level_id)
        self.assertEqual(
            before.filtered(lambda s: s.level_id == district).authority,
            "Ban Chỉ đạo huyện; Ban Chỉ đạo sở, ngành",
        )
        self.assertEqual(
            after.filtered(lambda s: s.level_id == district).authority,
            "Ban Chỉ đạo sở, ban, ngành tỉnh",
        )
        self.assertEqual(
            self.campaign.level_chain_ids.mapped("code"),
            ["grassroots", "district", "province"],
        )

    def _proposed_to_province(self, model):
        with freeze_time("2026-09-25"):
            model.with_user(self.user_officer).action_propose(
                self.env.ref("dvk_models.dvk_level_province")
            )

    def test_commune_under_its_district_climbs_through_it(self):
        """Rule: a commune People's Committee under its district People's
        Committee proposes to the province only what the district level
        recognised first."""
        model = self._recognized(self.commune, "Hiến đất làm đường", self.bcd_commune)
        with self.assertRaisesRegex(UserError, "must first be recognised"):
            self._proposed_to_province(model)

    def test_commune_under_the_province_proposes_directly(self):
        """Rule: once its district was dissolved and the commune came under the
        province, a model its committee recognised goes to the province
        directly; a department's model still needs its department's level."""
        self.commune.parent_id = self.root
        model = self._recognized(self.commune, "Hiến đất làm đường", self.bcd_commune)
        self._proposed_to_province(model)
        self.assertEqual(model.proposal_level_id.code, "province")
        unit_model = self._approved(self.dept_unit, "Dịch vụ tài chính công thân thiện")
        with freeze_time("2026-09-15"):
            self._self_assess(unit_model)
        with self.assertRaisesRegex(UserError, "must first be recognised"):
            self._proposed_to_province(unit_model)

    def test_migration_ends_the_district_committees(self):
        """Rule: on a database of the previous version (district step open
        ended), the migration ends the district committees' step on
        30/6/2025; a step an administrator dated is kept."""
        step = self.env.ref("dvk_statehub.dvk_profile_statehub_level_district")
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE dvk_profile_level SET date_to = NULL WHERE id = %s", [step.id]
        )
        self.env.invalidate_all()
        run_migration(
            "dvk_statehub", "19.0.1.3.0", "post-migrate", self.env.cr, "19.0.1.2.0"
        )
        self.env.invalidate_all()
        self.assertEqual(step.date_to, D(2025, 6, 30))
        step.date_to = D(2025, 12, 31)
        self.env.flush_all()
        run_migration(
            "dvk_statehub", "19.0.1.3.0", "post-migrate", self.env.cr, "19.0.1.2.0"
        )
        self.env.invalidate_all()
        self.assertEqual(step.date_to, D(2025, 12, 31))

    def test_registration_table_names_the_merged_commune_formerly(self):
        """Rule (issue 11): once a commune took over another (here on
        1/1/2026), the registration table of a year ending after the merger
        lists its collective as "Mỹ Cẩm (trước đây là Nhị Long)"; the table
        of the year before prints the name alone. The table prints in
        Vietnamese, installed here as under odoo-bin --load-language."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["dvk_models"], ["vi_VN"])
        other = self.env["hr.department"].create(
            {
                "name": "Ủy ban nhân dân xã Nhị Long",
                "parent_id": self.district.id,
                "dvk_statehub_kind": "commune",
                "dvk_level_id": self.level_grassroots.id,
            }
        )
        self._submitted(self.commune, "Hiến đất làm đường", year=2025)
        self.env["dvk.unit.lineage.wizard"].with_user(self.user_manager).create(
            {
                "mode": "merge",
                "date": D(2026, 1, 1),
                "source_ids": [Command.set(other.ids)],
                "successor_id": self.commune.id,
            }
        ).action_apply()
        self._submitted(self.commune, "Một cửa thân thiện")
        Report = self.env["report.dvk_statehub.report_dvk_statehub_registration"]
        subjects = {}
        for year in (2025, 2026):
            table = self._table(self.commune, year)
            table.action_build()
            values = Report.with_user(self.user_officer)._get_report_values(table.ids)
            subjects[year] = [r["subject"] for r in values["tables"][table.id]["rows"]]
        self.assertEqual(subjects[2025], ["Ủy ban nhân dân xã Mỹ Cẩm"])
        self.assertEqual(
            subjects[2026],
            ["Ủy ban nhân dân xã Mỹ Cẩm (trước đây là Ủy ban nhân dân xã Nhị Long)"],
        )
