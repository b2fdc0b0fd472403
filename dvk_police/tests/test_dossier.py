import datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import DvkPoliceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestPoliceDossier(DvkPoliceCommon):
    """Seed 002 §II: the building dossier (8 documents) and the recognition
    dossier (5 documents); each step is refused, naming what is missing."""

    def test_templates(self):
        """Rule: the police profile ships 8 building and 5 recognition
        documents for models; only the build decision is optional."""
        templates = self.env["dvk.dossier.template"].search(
            [("profile", "=", "police"), ("target", "=", "model")]
        )
        self.assertEqual(len(templates), 13)
        self.assertEqual(
            templates.filtered(lambda t: not t.mandatory).mapped("code"), ["DEC_BUILD"]
        )

    def test_submit_refused_without_request_and_survey(self):
        """Rule: the request for approval (văn bản xin chủ trương) and the
        survey report go with the registration (seed 002 §I steps 1-2)."""
        model = self._model(self.commune)
        with self.assertRaisesRegex(UserError, "Request for approval") as error:
            model.with_user(self.user_officer).action_submit()
        self.assertIn("Survey report", str(error.exception))
        self._attach(model, codes=("REQUEST",))
        with self.assertRaisesRegex(UserError, "Survey report") as error:
            model.with_user(self.user_officer).action_submit()
        self.assertNotIn("Request for approval", str(error.exception))
        self._attach(model, codes=("SURVEY",))
        model.with_user(self.user_officer).action_submit()
        self.assertEqual(model.state, "submitted")

    def _ready_to_propose(self, unit):
        model = self._approved(unit)
        self._self_assess(model)
        self._annual_done(model)
        return model

    def test_propose_refused_without_building_documents(self):
        """Rule: the approval decision, the party resolution, the plan, the
        steering-board and operating-rules decisions and the recognition
        dossier must be attached before proposing (seed 002 §I step 3, §II);
        the build decision is only "if any"."""
        model = self._ready_to_propose(self.commune)
        propose = model.with_user(self.user_officer).action_propose
        with self.assertRaises(UserError) as error:
            propose(self.level_grassroots)
        message = str(error.exception)
        for name in (
            "Approval decision of the competent authority",
            "Resolution of the party committee on building the model",
            "Plan for building the model",
            "Decision setting up the steering board",
            "Decision issuing the operating rules",
            "Submission letter proposing recognition",
            "Minutes of the meeting",
            "Report on the results of the model",
            "Documents proving the model's activity",
        ):
            self.assertIn(name, message)
        self.assertNotIn("Decision to build the model", message)
        self.assertNotIn("Achievement report", message)
        self._attach(model, stages=("propose",), codes=None)
        propose(self.level_grassroots)
        self.assertEqual(model.state, "proposed")

    def test_mass_organisation_exempt_from_resolution(self):
        """Rule: mass organisations (and their sections) need no party
        committee resolution (seed 002 §II.1); a police unit does."""
        for unit, exempt in (
            (self.mass_org, True),
            (self.mass_org_section, True),
            (self.pc06, False),
        ):
            with self.subTest(unit=unit.name):
                model = self._ready_to_propose(unit)
                self._attach(
                    model,
                    codes=(
                        "APPROVAL",
                        "PLAN",
                        "DEC_BOARD",
                        "DEC_RULES",
                        "SUBMISSION",
                        "MINUTES",
                        "RESULT",
                        "EVIDENCE",
                    ),
                )
                propose = model.with_user(self.user_officer).action_propose
                if exempt:
                    propose(self.level_grassroots)
                    self.assertEqual(model.state, "proposed")
                else:
                    with self.assertRaisesRegex(
                        UserError, "Resolution of the party committee"
                    ):
                        propose(self.level_grassroots)

    def test_recognition_refused_without_achievement_report(self):
        """Rule: the decision recognising a model needs the achievement report
        of the recognition dossier (seed 002 §II.2); the district police
        recognises its commune police's model (seed 002 §I step 2)."""
        model = self._ready_to_propose(self.commune)
        self._attach(model, stages=("propose",))
        model.with_user(self.user_officer).action_propose(self.level_district)
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "level_id": self.level_district.id,
                    "authority_department_id": self.district.id,
                    "date": datetime.date(2026, 3, 10),
                    "line_ids": [(0, 0, {"model_id": model.id})],
                }
            )
        )
        with self.assertRaisesRegex(UserError, "Achievement report"):
            decision.with_user(self.user_officer).action_confirm()
        self._attach(model, codes=("ACHIEVEMENT",))
        decision.with_user(self.user_officer).action_confirm()
        self.assertEqual(model.state, "recognized")
