"""Recognise and commend in one act (seed 004 §IV.4, a core capability any
profile can use): each decision line may carry a form of commendation, and
one achievement receives one form of commendation (Law on Emulation and
Commendation); dossier documents required in several copies."""

import base64

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .common import DvkCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDecisionAward(DvkCommon):
    def _commended(self, form="giay_khen"):
        model = self._proposed()
        decision = self._decision(model)
        decision.line_ids.award_form = form
        decision.action_confirm()
        return model, decision

    def test_recognise_and_commend_in_one_act(self):
        """Rule: seed 004 §IV.4 — the level that recognises also commends: a
        confirmed decision recognises the model and records the form of
        commendation of its line."""
        model, decision = self._commended()
        self.assertEqual(model.state, "recognized")
        self.assertRecordValues(
            decision.line_ids, [{"award_form": "giay_khen", "award_year": 2026}]
        )

    def test_second_commendation_same_year_refused_naming_first(self):
        """Rule: one achievement, one form of commendation — commending the
        same model again for the same year's achievement, at a higher level,
        is refused, naming the first decision; recognising it there without
        a commendation is allowed."""
        model, first = self._commended()
        model.with_user(self.user_officer).action_propose(self.level_district)
        second = self._decision(model, level=self.level_district)
        with self.assertRaises(ValidationError) as capture:
            second.line_ids.award_form = "bang_khen"
        message = str(capture.exception)
        self.assertIn(first.name, message)
        self.assertIn("2026", message)
        self.assertIn(self.commune.name, message)
        # Recognition alone is no second commendation.
        second.action_confirm()
        self.assertEqual(model.recognized_level_id, self.level_district)

    def test_cancelled_commendation_does_not_count(self):
        """Rule: a cancelled decision commends nothing, so the record can be
        commended again by the decision that replaces it."""
        model, first = self._commended()
        first.with_user(self.user_manager).action_cancel(reason="Sai thẩm quyền")
        replacement = self._decision(model)
        replacement.line_ids.award_form = "giay_khen"
        replacement.action_confirm()
        self.assertEqual(model.state, "recognized")

    def test_two_draft_commendations_refused(self):
        """Rule: one achievement, one commendation holds for drafts too: a
        second draft commending the same model names the first draft."""
        model = self._proposed()
        first = self._decision(model)
        first.line_ids.award_form = "giay_khen"
        second = self._decision(model)
        with self.assertRaises(ValidationError) as capture:
            second.line_ids.award_form = "giay_khen"
        self.assertIn("draft", str(capture.exception))


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDossierCopies(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env["dvk.dossier.template"].create(
            {
                "name": "Achievement report",
                "code": "TEST_ACHIEVEMENT",
                "profile": cls.campaign.profile,
                "target": "model",
                "stage": "propose",
                "copies": 2,
            }
        )

    def _line(self, model):
        model._dossier_sync()
        return self.env["dvk.dossier.line"].search(
            [("model_id", "=", model.id), ("template_id", "=", self.template.id)]
        )

    def test_copies_named_when_missing(self):
        """Rule: a document required in two copies is named with its copy
        count when missing, and with the copies received when too few."""
        model = self._approved()
        line = self._line(model)
        line.attachment_ids = [
            (
                0,
                0,
                {
                    "name": "bao-cao.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4"),
                    "res_model": "dvk.model",
                    "res_id": model.id,
                },
            )
        ]
        self.assertFalse(line.provided)
        self.assertIn("Achievement report (2 copies)", model.dossier_missing)
        line.copies_received = 1
        self.assertFalse(line.provided)
        model.invalidate_recordset(["dossier_missing"])
        self.assertIn("2 copies required, 1 received", model.dossier_missing)
        line.copies_received = 2
        self.assertTrue(line.provided)
        model.invalidate_recordset(["dossier_missing"])
        self.assertFalse(model.dossier_missing)
