"""The 19.0.1.4.0 migration on a database of the previous version: the party
chain ends its district step on 30/6/2025 and the officers' record rules read
the scope that follows merged units."""

import datetime

from odoo.tests import TransactionCase, tagged

from .common import run_migration


def _migrate(cr):
    run_migration("dvk_models", "19.0.1.4.0", "post-migrate", cr, "19.0.1.3.0")


@tagged("post_install", "-at_install")
class TestMigrationTwoTier(TransactionCase):
    def test_old_shape_is_migrated(self):
        """Rule: after the migration the party's district step ends on
        30/6/2025 and no record rule reads the units in charge alone; a step
        an administrator dated himself is kept."""
        step = self.env.ref("dvk_models.dvk_profile_party_level_district")
        rule = self.env.ref("dvk_models.dvk_model_rule_officer")
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE dvk_profile_level SET date_to = NULL WHERE id = %s", [step.id]
        )
        self.env.cr.execute(
            "UPDATE ir_rule SET domain_force = replace(domain_force, "
            "'user.dvk_scope_department_ids.ids', 'user.dvk_department_ids.ids')"
        )
        self.env.invalidate_all()
        self.assertFalse(step.date_to)
        self.assertIn("user.dvk_department_ids.ids", rule.domain_force)
        _migrate(self.env.cr)
        self.env.invalidate_all()
        self.assertEqual(step.date_to, datetime.date(2025, 6, 30))
        self.assertIn("user.dvk_scope_department_ids.ids", rule.domain_force)
        self.env.cr.execute(
            "SELECT count(*) FROM ir_rule WHERE domain_force LIKE %s",
            ["%user.dvk_department_ids.ids%"],
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        # A dated step stays as the administrator set it.
        step.date_to = datetime.date(2025, 12, 31)
        self.env.flush_all()
        _migrate(self.env.cr)
        self.env.invalidate_all()
        self.assertEqual(step.date_to, datetime.date(2025, 12, 31))
