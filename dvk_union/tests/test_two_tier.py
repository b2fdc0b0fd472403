"""Trade unions under the two-tier local government: the district and city
labour federations ended on 30/6/2025; the sector unions (and the unions of
the economic and industrial zones) carry the level between the base unions
and the province on."""

import datetime

from odoo.tests import TransactionCase, tagged

from odoo.addons.dvk_models.tests.common import run_migration

D = datetime.date


@tagged("post_install", "-at_install")
class TestUnionTwoTier(TransactionCase):
    def _district_authority(self, date):
        profile = self.env.ref("dvk_union.dvk_profile_union")
        district = self.env.ref("dvk_models.dvk_level_district")
        steps = profile._dvk_steps_at(date)
        self.assertEqual(
            steps.level_id.mapped("code"), ["grassroots", "district", "province"]
        )
        return steps.filtered(lambda s: s.level_id == district).authority

    def test_chain_by_period(self):
        """Rule: until 30/6/2025 the district federations and the sector
        unions recognise district-wide models; from 1/7/2025 the sector unions
        and the zone unions, the upper-level unions directly above the base
        unions. The levels stay."""
        self.assertEqual(
            self._district_authority(D(2025, 6, 30)),
            "LĐLĐ huyện, thành phố; công đoàn ngành",
        )
        self.assertEqual(
            self._district_authority(D(2026, 12, 31)),
            "Công đoàn ngành, công đoàn các khu kinh tế, khu công nghiệp "
            "(công đoàn cấp trên trực tiếp cơ sở)",
        )

    def test_migration_ends_the_district_federations(self):
        """Rule: on a database of the previous version (district step open
        ended), the migration ends the district federations' step on
        30/6/2025, so that a campaign of 2026 names the sector unions alone;
        a step an administrator dated is kept."""
        step = self.env.ref("dvk_union.dvk_profile_union_level_district")
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE dvk_profile_level SET date_to = NULL WHERE id = %s", [step.id]
        )
        self.env.invalidate_all()
        run_migration(
            "dvk_union", "19.0.1.3.0", "post-migrate", self.env.cr, "19.0.1.2.0"
        )
        self.env.invalidate_all()
        self.assertEqual(step.date_to, D(2025, 6, 30))
        step.date_to = D(2025, 12, 31)
        self.env.flush_all()
        run_migration(
            "dvk_union", "19.0.1.3.0", "post-migrate", self.env.cr, "19.0.1.2.0"
        )
        self.env.invalidate_all()
        self.assertEqual(step.date_to, D(2025, 12, 31))
