"""Who recognises a police model (issue 24 item 2; seed 002 §I step 2 and
step 4): the authority of the approval matrix, at the level of the unit that
issues its decisions — the district police for its teams and commune police
(the provincial police once the district police were dissolved on
1/3/2025), the provincial police for its units and mass organisations. The
commune police recognises nothing itself."""

import datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import DvkPoliceCommon

D = datetime.date
SOURCE = "Hướng dẫn ngày 15/7/2022 của Công an tỉnh"


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestPoliceCompetentBody(DvkPoliceCommon):
    def _proposed(self, unit, level=None):
        """A model of ``unit`` proposed at ``level`` (the level of the
        authority that recognises it by default)."""
        model = self._approved(unit)
        self._self_assess(model)
        self._annual_done(model)
        self._attach(model, stages=("propose",))
        model.with_user(self.user_officer).action_propose(level)
        return model

    def _draft(self, model, level, authority):
        return (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": model.campaign_id.id,
                    "level_id": level.id,
                    "authority_department_id": authority.id,
                    "date": D(2026, 10, 10),
                    "line_ids": [(0, 0, {"model_id": model.id})],
                }
            )
        )

    def test_commune_police_does_not_recognise_its_own_model(self):
        """Rule: seed 002 §I step 2 — a commune police reports its models to
        the commune party committee, the district police chief approves and
        recognises them: the commune police's own grassroots decision on its
        model is refused, naming the district police and the rule."""
        model = self._proposed(self.commune, self.level_grassroots)
        with self.assertRaises(UserError) as capture:
            self._draft(model, self.level_grassroots, self.commune)
        message = str(capture.exception)
        self.assertIn(self.district.name, message)
        self.assertIn(SOURCE, message)

    def test_district_police_recognises_commune_police_model(self):
        """Rule: seed 002 §I step 2 and step 4 — the commune police's model
        is proposed at the district police's level by default and recognised
        there by the district police."""
        model = self._proposed(self.commune)
        self.assertEqual(model.proposal_level_id, self.level_district)
        self._attach(model, codes=("ACHIEVEMENT",))
        decision = self._draft(model, self.level_district, self.district)
        decision.with_user(self.user_officer).action_confirm()
        self.assertEqual(model.recognized_level_id, self.level_district)

    def test_provincial_units_by_the_provincial_police(self):
        """Rule: seed 002 §I step 2 — the provincial police leadership
        recognises the models of its units and mass organisations, and those
        of a department's teams through the department (which issues no
        decision of its own level): the province, at provincial level."""
        for unit in (self.mass_org, self.pc06_team):
            model = self._proposed(unit)
            self.assertEqual(model.proposal_level_id, self.level_province)
            bodies = model._dvk_competent_bodies(self.level_province, D(2026, 10, 10))
            self.assertEqual(bodies[model], self.province)


@tagged("post_install", "-at_install")
class TestPoliceCompetentBodyDated(DvkPoliceCommon):
    """The matrix at the date of the decision: the district police row ends
    with the district police on 28/2/2025."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("dvk_police.dvk_profile_police_level_district").date_to = D(
            2025, 2, 28
        )
        cls.campaign_2025 = cls.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo Công an tỉnh 2025",
                "year": 2025,
                "profile": "police",
                "date_start": D(2025, 1, 1),
                "date_end": D(2025, 12, 31),
                "registration_deadline": D(2025, 3, 29),
                "proposal_deadline": D(2025, 9, 30),
                "recognition_deadline": D(2025, 10, 14),
            }
        )
        cls.campaign_2025.action_open()

    def _proposed_at(self, level):
        Model = self.env["dvk.model"]
        # sudo: test fixture set-up (a proposal as it stood), not the
        # behaviour under test
        return Model.sudo().create(
            {
                "name": f"Dân vận khéo - Công an xã An Trường - {level.name}",
                "campaign_id": self.campaign_2025.id,
                "subject_type": "collective",
                "department_id": self.commune.id,
                "field_id": self.field_anqp.id,
                "state": "proposed",
                "proposal_level_id": level.id,
            }
        )

    def _draft(self, model, level, authority, date):
        return (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign_2025.id,
                    "level_id": level.id,
                    "authority_department_id": authority.id,
                    "date": date,
                    "line_ids": [(0, 0, {"model_id": model.id})],
                }
            )
        )

    def test_district_police_until_28_february_2025(self):
        """Rule: seed 002 §I step 2, district police dissolved on 1/3/2025 —
        the district police recognises its commune police's model on
        28/2/2025, not on 1/3/2025 (then the provincial police does)."""
        model = self._proposed_at(self.level_district)
        decision = self._draft(
            model, self.level_district, self.district, D(2025, 2, 28)
        )
        self.assertEqual(decision.line_ids.model_id, model)
        decision.unlink()
        with self.assertRaises(UserError) as capture:
            self._draft(model, self.level_district, self.district, D(2025, 3, 1))
        self.assertIn(self.province.name, str(capture.exception))

    def test_provincial_police_from_1_march_2025(self):
        """Rule: seed 002 §I step 2, district police dissolved on 1/3/2025 —
        from 1/3/2025 the provincial police leadership recognises the commune
        police's model at provincial level; on 28/2/2025 the district police
        still did at district level."""
        model = self._proposed_at(self.level_province)
        after = model._dvk_competent_bodies(self.level_district, D(2025, 3, 1))
        before = model._dvk_competent_bodies(self.level_district, D(2025, 2, 28))
        self.assertFalse(after[model])
        self.assertEqual(before[model], self.district)
        decision = self._draft(model, self.level_province, self.province, D(2025, 3, 1))
        self.assertEqual(decision.line_ids.model_id, model)
