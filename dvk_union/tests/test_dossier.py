"""Commendation dossier of seed 004 §IV.4: submission letter with the
appraisal minutes and the minutes of the upper union's standing committee;
achievement report ×2; achievement summary ×2; the proposing body's letter
×2 (only for collectives and individuals under it). A proposal to an upper
union is refused naming what is missing, with its copy count; a base union
recognising its own model asks for none of it."""

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import DvkUnionCommon

DOCS = {
    "SUBMISSION": ("Submission letter", 1),
    "APPRAISAL": ("Appraisal minutes", 1),
    "STANDING": ("Minutes of the standing committee of the upper-level union", 1),
    "ACHIEVEMENT": ("Achievement report", 2),
    "SUMMARY": ("Achievement summary", 2),
    "PROPOSER": ("Proposal letter of the agency, unit or enterprise", 2),
}


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestUnionDossier(DvkUnionCommon):
    def _candidate(self, unit, reach="district", **kw):
        # Proposed to the district federation: the dossier goes with a
        # proposal to the upper union (a base union's own recognition needs
        # none, see test_dossier_only_for_the_upper_union).
        model = self._approved(unit, union_reach=reach, **kw)
        self._title(self.title_dvxs, employee=self.worker)
        self._self_assess(model)
        return model

    def test_each_missing_document_named_with_copies(self):
        """Rule: §IV.4 — for each document of the dossier, a proposal without
        it is refused naming it (with "2 copies" for those required twice);
        once every document is in, the proposal goes through."""
        model = self._candidate(self.base_group)
        for code, (name, copies) in DOCS.items():
            with self.subTest(code=code):
                self._attach(model, codes=set(DOCS) - {code})
                with self.assertRaises(UserError) as capture:
                    model.with_user(self.user_officer).action_propose()
                message = str(capture.exception)
                expected = f"{name} (2 copies)" if copies == 2 else name
                self.assertIn(expected, message)
                for other, (other_name, _c) in DOCS.items():
                    if other != code and other_name not in name:
                        self.assertNotIn(other_name, message)
                lines = self.env["dvk.dossier.line"].search(
                    [("model_id", "=", model.id)]
                )
                lines.write({"attachment_ids": [(5,)], "copies_received": 0})
        self._attach(model)
        model.with_user(self.user_officer).action_propose()
        self.assertEqual(model.state, "proposed")

    def test_one_copy_short_refused(self):
        """Rule: §IV.4 — the achievement report is needed in two copies: one
        copy received is refused, saying so."""
        model = self._candidate(self.base_group)
        self._attach(model)
        line = self.env["dvk.dossier.line"].search(
            [("model_id", "=", model.id), ("template_id.code", "=", "ACHIEVEMENT")]
        )
        line.copies_received = 1
        with self.assertRaises(UserError) as capture:
            model.with_user(self.user_officer).action_propose()
        self.assertIn(
            "Achievement report (2 copies required, 1 received)",
            str(capture.exception),
        )

    def test_proposer_letter_only_for_collectives_under_a_body(self):
        """Rule: §IV.4 — the proposing body's letter is asked only for
        collectives and individuals under an agency, unit or enterprise: a
        union unit proposing itself does not need it; a person does."""
        self._title(self.title_cdcsvm, department=self.base)
        union_model = self._candidate(self.base)
        self._attach(union_model, codes=set(DOCS) - {"PROPOSER"})
        union_model.with_user(self.user_officer).action_propose()
        self.assertEqual(union_model.state, "proposed")
        person = self._candidate(
            self.base_group,
            subject_type="individual",
            employee_id=self.worker.id,
            name="Vận động công nhân gia nhập công đoàn",
        )
        self._attach(person, codes=set(DOCS) - {"PROPOSER"})
        with self.assertRaises(UserError) as capture:
            person.with_user(self.user_officer).action_propose()
        self.assertIn(DOCS["PROPOSER"][0], str(capture.exception))

    def test_dossier_only_for_the_upper_union(self):
        """Rule: §IV.4 — the commendation dossier (submission with the
        minutes of the standing committee of the union directly above the
        base, reports, summaries, letters) goes with a proposal to the upper
        union: a model whose reach is its own base union is proposed and
        recognised by the base union without it; the same model with a
        district reach is refused until the dossier is complete."""
        own = self._candidate(self.base_group, reach="base")
        own.with_user(self.user_officer).action_propose()
        self.assertEqual(own.state, "proposed")
        self.assertFalse(own.dossier_missing)
        decision = self.env["dvk.decision"].create(
            {
                "campaign_id": self.campaign.id,
                "level_id": self.level_grassroots.id,
                "authority_department_id": self.base.id,
                "date": "2026-03-02",
                "line_ids": [(0, 0, {"model_id": own.id})],
            }
        )
        decision.action_confirm()
        self.assertEqual(own.state, "recognized")
        upper = self._candidate(self.base_group, name="Mái ấm công đoàn phân xưởng cắt")
        with self.assertRaises(UserError):
            upper.with_user(self.user_officer).action_propose()
        self.assertEqual(upper.state, "approved")
        missing = self.env["dvk.dossier.line"].search(
            [
                ("model_id", "=", upper.id),
                ("provided", "=", False),
                ("not_required", "=", False),
            ]
        )
        self.assertEqual(set(missing.template_id.mapped("code")), set(DOCS))
        self._attach(upper)
        upper.with_user(self.user_officer).action_propose()
        self.assertEqual(upper.state, "proposed")
