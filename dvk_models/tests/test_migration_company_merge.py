"""The 19.0.1.5.0 migration on a database of the previous version: the old
one-campaign-a-year table constraint, which would refuse the campaigns taken
over by a merged province's, is dropped; the new unique index stays."""

from odoo.tests import TransactionCase, tagged

from .common import run_migration

OLD = "dvk_campaign_year_profile_uniq"
NEW = "dvk_campaign_year_profile_company_uniq"


def _migrate(cr):
    run_migration("dvk_models", "19.0.1.5.0", "pre-migrate", cr, "19.0.1.4.0")


@tagged("post_install", "-at_install")
class TestMigrationCompanyMerge(TransactionCase):
    def _constraints(self):
        self.env.cr.execute(
            "SELECT conname FROM pg_constraint "
            "WHERE conrelid = 'dvk_campaign'::regclass"
        )
        return {row[0] for row in self.env.cr.fetchall()}

    def _indexes(self):
        self.env.cr.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'dvk_campaign'"
        )
        return {row[0] for row in self.env.cr.fetchall()}

    def test_old_constraint_is_dropped(self):
        """Rule: after the migration no table constraint counts the campaigns
        taken over; the unique index that leaves them out is in place, and a
        second run does nothing."""
        self.env.cr.execute(
            f'ALTER TABLE dvk_campaign ADD CONSTRAINT "{OLD}" '
            "UNIQUE (company_id, profile_id, year)"
        )
        self.assertIn(OLD, self._constraints())
        _migrate(self.env.cr)
        self.assertNotIn(OLD, self._constraints())
        self.assertIn(NEW, self._indexes())
        _migrate(self.env.cr)
        self.assertNotIn(OLD, self._constraints())
