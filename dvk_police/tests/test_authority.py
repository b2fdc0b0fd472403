from odoo.tests import freeze_time, tagged

from .common import DvkPoliceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestPoliceAuthority(DvkPoliceCommon):
    """Seed 002 §I step 2: who approves a police model, and who is informed
    once it is approved."""

    def _activity_users(self, model):
        activity_type = self.env.ref("dvk_models.mail_activity_type_dvk_approval")
        return model.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ).user_id

    def test_authority_table(self):
        """Rule: the provincial police leadership approves the models of the
        units, localities and mass organisations of the provincial police;
        a unit under the provincial police approves its teams; the district
        police chief approves the district teams and the commune police."""
        table = [
            (self.pv05, self.user_leader),
            (self.pc06, self.user_leader),
            (self.district, self.user_leader),
            (self.mass_org, self.user_leader),
            (self.mass_org_section, self.user_leader),
            (self.province, self.user_leader),
            (self.pc06_team, self.user_pc06),
            (self.district_team, self.user_chief),
            (self.commune, self.user_chief),
        ]
        for unit, approver in table:
            with self.subTest(unit=unit.name):
                model = self._submitted(unit)
                self.assertEqual(model.approver_id, approver)
                self.assertEqual(self._activity_users(model), approver)

    def test_fallback_when_approver_is_registrant(self):
        """Rule: nobody approves a model they take part in; the competent
        authority above decides instead (district chief → provincial
        leadership, head of PC06 → provincial leadership)."""
        model = self._submitted(
            self.district_team, member_ids=[(6, 0, self.emp_chief.ids)]
        )
        self.assertEqual(model.approver_id, self.user_leader)
        self.assertEqual(self._activity_users(model), self.user_leader)
        model = self._submitted(self.pc06_team, member_ids=[(6, 0, self.emp_pc06.ids)])
        self.assertEqual(model.approver_id, self.user_leader)

    def test_individual_model_follows_unit(self):
        """Rule: an individual's model is approved like the models of the
        person's unit (a commune police officer → the district chief)."""
        officer = self.Employee.create(
            {"name": "Thượng úy Sơn Văn Long", "department_id": self.commune.id}
        )
        model = self._submitted(
            self.commune, subject_type="individual", employee_id=officer.id
        )
        self.assertEqual(model.approver_id, self.user_chief)

    def test_party_profile_unchanged(self):
        """Rule: the police matrix applies only to police campaigns; a party
        campaign keeps the core rule (nearest unit's approver)."""
        campaign = self.campaign.copy(
            {"name": "Dân vận khéo 2026 (Đảng)", "profile": "party"}
        )
        campaign.action_open()
        model = self._model(self.commune, campaign_id=campaign.id)
        model.with_user(self.user_officer).action_submit()
        self.assertEqual(model.approver_id, self.user_commune)

    def _notified(self, model):
        title = "copies for follow-up"
        messages = model.message_ids.filtered(lambda m: title in (m.body or ""))
        self.assertEqual(len(messages), 1, "one copy note per approved model")
        return messages.notification_ids.res_partner_id

    def test_copies_commune_police(self):
        """Rule: a commune police model approved by the district chief is
        reported by the district police to the provincial police through PV05
        and to the district board, and by the commune police to the commune
        party committee."""
        model = self._approved(self.commune)
        self.assertEqual(model.state, "approved")
        notified = self._notified(model)
        self.assertEqual(
            notified,
            (
                self.user_pv05
                | self.user_pv05_officer
                | self.user_board_d
                | self.user_committee
            ).partner_id,
        )

    def test_copies_district_team(self):
        """Rule: a district team model goes to PV05 and the district board,
        not to any commune party committee."""
        model = self._approved(self.district_team)
        notified = self._notified(model)
        self.assertEqual(
            notified,
            (self.user_pv05 | self.user_pv05_officer | self.user_board_d).partner_id,
        )
        self.assertNotIn(self.user_committee.partner_id, notified)

    def test_copies_provincial_unit(self):
        """Rule: a model approved by the provincial leadership (a unit under
        the provincial police) goes to PV05, which aggregates it for the
        Ministry (Cục V05) and the provincial board."""
        model = self._approved(self.pc06)
        notified = self._notified(model)
        self.assertEqual(notified, (self.user_pv05 | self.user_pv05_officer).partner_id)
        body = model.message_ids.filtered(
            lambda m: "copies for follow-up" in (m.body or "")
        ).body
        self.assertIn("Cục V05", body)
        self.assertIn("Ban Dân vận Tỉnh ủy", body)

    def test_copies_batch(self):
        """Rule: approving several models at once sends each its own copies."""
        models = self._submitted(self.commune) | self._submitted(
            self.district_team, name="Camera an ninh khu dân cư"
        )
        models.with_user(self.user_chief).action_approve()
        for model in models:
            self.assertIn(self.user_board_d.partner_id, self._notified(model))

    def test_new_registration_in_the_police_campaign(self):
        """Issue 14: with the party's and the police's campaigns both running,
        a commune police head's new registration starts in the police
        campaign (its units are the police's); a party committee member's
        starts in the party campaign."""
        party = self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo 2026",
                "year": 2026,
                "profile": "party",
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        party.action_open()
        self.emp_committee.department_id = self.commune_committee
        Model = self.env["dvk.model"]
        self.assertEqual(
            Model.with_user(self.user_commune)._default_campaign_id(), self.campaign
        )
        self.assertEqual(
            Model.with_user(self.user_committee)._default_campaign_id(), party
        )
