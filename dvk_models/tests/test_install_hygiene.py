import os
import re

from odoo.tests import TransactionCase, tagged

DVK_MODULES = ("dvk_models", "dvk_police", "dvk_union", "dvk_statehub")


@tagged("post_install", "-at_install")
class TestInstallHygiene(TransactionCase):
    def _dvk_models(self):
        return [
            model
            for name, model in self.env.registry.items()
            if set(model._module.split(",") if model._module else []) & set(DVK_MODULES)
            or name.startswith("dvk.")
        ]

    def test_every_model_has_description_and_access(self):
        """Rule: every DVK model has its own _description and at least one
        access line, so installing logs neither warning (issue 2 §4)."""
        # sudo: test fixture set-up, not the behaviour under test
        access = self.env["ir.model.access"].sudo()
        for model in self._dvk_models():
            if model._abstract or not model._auto:
                continue
            self.assertNotEqual(
                model._description, model._name, f"{model._name}: no _description"
            )
            self.assertTrue(
                access.search_count([("model_id.model", "=", model._name)]),
                f"{model._name} has no access rules",
            )

    def test_install_log_has_no_warning_of_ours(self):
        """Rule: installing the four addons logs no warning or error from our
        code (issue 2 §4). The test command passes the install log."""
        path = os.environ.get("DVK_INSTALL_LOG")
        if not path or not os.path.exists(path):
            self.skipTest("run through ./setup/dvk test to get the install log")
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        self.assertIn("dvk_models", text, "the log is not the DVK install log")
        pattern = re.compile(r" (WARNING|ERROR|CRITICAL) ")
        ours = []
        for line in text.splitlines():
            if not pattern.search(line):
                continue
            # date time pid LEVEL database logger: message; the database name
            # itself contains "dvk", so only the logger and message count.
            parts = line.split(" ", 5)
            if len(parts) == 6 and "dvk" in parts[5].lower():
                ours.append(line)
        self.assertEqual(ours, [])
