"""The 19.0.1.2.0 migration of dvk_union on a campaign of the previous
version: its two union date columns become scoped deadline lines."""

import datetime

from odoo.tests import TransactionCase, tagged

from odoo.addons.dvk_models.tests.common import run_migration

D = datetime.date


@tagged("post_install", "-at_install")
class TestUnionMigration(TransactionCase):
    def test_union_columns_become_scoped_lines(self):
        """Seed 004 §V: the base and district registration (February) and
        the summary to the provincial federation (10/3) held in the dropped
        union columns become deadline lines with their levels; the campaign's
        registration date is the province-level line."""
        campaign = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo Công đoàn 2026", "year": 2026, "profile": "union"}
        )
        self.env.flush_all()
        cr = self.env.cr
        # The previous shape: the two columns, the three dates, no lines.
        cr.execute(
            "ALTER TABLE dvk_campaign ADD COLUMN union_base_registration_deadline "
            "date, ADD COLUMN union_summary_deadline date"
        )
        cr.execute(
            "UPDATE dvk_campaign SET union_base_registration_deadline = '2026-02-27',"
            " union_summary_deadline = '2026-03-09', registration_deadline ="
            " '2026-03-30' WHERE id = %s",
            [campaign.id],
        )
        cr.execute(
            "DELETE FROM dvk_campaign_deadline WHERE campaign_id = %s", [campaign.id]
        )
        self.env.invalidate_all()
        run_migration("dvk_models", "19.0.1.3.0", "post-migrate", cr, "19.0.1.2.0")
        run_migration("dvk_union", "19.0.1.2.0", "pre-migrate", cr, "19.0.1.1.0")
        run_migration("dvk_union", "19.0.1.2.0", "post-migrate", cr, "19.0.1.1.0")
        self.env.invalidate_all()
        level = self.env.ref
        lines = campaign.deadline_ids
        registrations = lines.filtered(lambda d: d.kind == "registration")
        self.assertEqual(
            {(d.date, tuple(d.level_ids.mapped("code"))) for d in registrations},
            {
                (D(2026, 2, 27), ("grassroots", "district")),
                (D(2026, 3, 30), ("province",)),
            },
        )
        summary = lines.filtered(lambda d: d.kind == "summary")
        self.assertEqual(summary.date, D(2026, 3, 9))
        self.assertEqual(summary.level_ids, level("dvk_models.dvk_level_district"))
        union = level("dvk_union.dvk_profile_union")
        self.assertEqual(lines.rule_id, union.deadline_rule_ids)
        self.assertEqual(campaign.registration_deadline, D(2026, 3, 30))
