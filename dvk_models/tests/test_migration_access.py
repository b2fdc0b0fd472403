"""The 19.0.1.6.0 migration: the record rules that changed (noupdate data,
which an update does not rewrite) are created again from the files by the
update of an existing database."""

from odoo.tests import TransactionCase, tagged
from odoo.tools import convert_file

from .common import run_migration

OLD_RULES = {
    "dvk_decision_rule_user": "[(1, '=', 1)]",
    "dvk_dossier_line_rule_user": "[('model_id.registrant_id', '=', user.id)]",
    "dvk_score_sheet_rule_user": "[('evaluator_id', '=', user.id)]",
}


@tagged("post_install", "-at_install")
class TestMigrationAccess(TransactionCase):
    def _load_security(self):
        """What the update loads: the addon's rule files, in update mode."""
        for path in ("security/dvk_security.xml", "security/dvk_scoring_security.xml"):
            convert_file(self.env, "dvk_models", path, {}, mode="update", noupdate=True)

    def test_changed_rules_are_recreated(self):
        """Rule: a database of 19.0.1.5.0, whose decisions were readable by
        every DVK user, gets the rules of the files after the migration and
        the update (an update alone keeps the old noupdate rules); the rules
        that did not change keep their id."""
        current = {
            name: self.env.ref(f"dvk_models.{name}").domain_force for name in OLD_RULES
        }
        kept = self.env.ref("dvk_models.dvk_model_rule_officer")
        for name, domain in OLD_RULES.items():
            self.env.ref(f"dvk_models.{name}").domain_force = domain
        self.env.flush_all()
        self._load_security()
        for name, domain in OLD_RULES.items():
            self.assertEqual(self.env.ref(f"dvk_models.{name}").domain_force, domain)

        run_migration(
            "dvk_models", "19.0.1.6.0", "pre-migrate", self.env.cr, "19.0.1.5.0"
        )
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self._load_security()
        self.env.registry.clear_cache()
        for name, domain in current.items():
            self.assertEqual(self.env.ref(f"dvk_models.{name}").domain_force, domain)
        self.assertTrue(kept.exists())
        self.assertEqual(self.env.ref("dvk_models.dvk_model_rule_officer"), kept)

    def test_council_sheet_rules_are_recreated(self):
        """Rule: the 19.0.1.8.0 migration — a database whose registrants read
        the council members' sheets of their models gets the rules of the
        files (self-assessments only) after the migration and the update."""
        names = ("dvk_score_sheet_rule_user", "dvk_score_sheet_line_rule_user")
        current = {
            name: self.env.ref(f"dvk_models.{name}").domain_force for name in names
        }
        old = {
            "dvk_score_sheet_rule_user": "[('evaluator_id', '=', user.id)]",
            "dvk_score_sheet_line_rule_user": (
                "[('sheet_id.evaluator_id', '=', user.id)]"
            ),
        }
        for name in names:
            self.env.ref(f"dvk_models.{name}").domain_force = old[name]
        self.env.flush_all()
        self._load_security()
        for name in names:
            self.assertEqual(self.env.ref(f"dvk_models.{name}").domain_force, old[name])
        run_migration(
            "dvk_models", "19.0.1.8.0", "pre-council_sheets", self.env.cr, "19.0.1.7.0"
        )
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self._load_security()
        self.env.registry.clear_cache()
        for name, domain in current.items():
            self.assertIn("kind', '=', 'self')", domain)
            self.assertEqual(self.env.ref(f"dvk_models.{name}").domain_force, domain)
