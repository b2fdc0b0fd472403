"""The dashboard of a police reader covers the units of the models he sees
(issue 22, walk): the head of the provincial police approves by the police
routing (seed 002 §I step 2), not by the nearest approver of the tree, and
PV05 follows its province's police; their coverage was 0% beside the
models they read. The issuer picker of a police officer offers what the
server accepts from him."""

from odoo.tests import freeze_time, tagged

from odoo.addons.dvk_models.tests.test_issuer_picker import (
    assert_issuer_picker_agrees,
)

from .common import DvkPoliceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestPoliceDashboard(DvkPoliceCommon):
    def _visible_units(self, user):
        models = (
            self.env["dvk.model"]
            .with_user(user)
            .search([("campaign_id", "=", self.campaign.id)])
        )
        return models.department_id

    def test_dashboard_covers_the_units_of_the_models_the_reader_sees(self):
        """Rule: a police reader's dashboard coverage is over the units
        whose models he sees: the units whose registrations the police
        routing sends to him (the leader: the provincial units and the mass
        organisations; the head of PC06: its teams), and for PV05 the units
        of the provincial police it follows. Every unit of a model the
        reader can open is in his scope, and the coverage counts them."""
        for unit in (self.mass_org, self.pc06, self.pc06_team, self.commune):
            self._approved(unit)
        self.env.invalidate_all()
        for user in (self.user_leader, self.user_pc06, self.user_pv05):
            with self.subTest(user=user.login):
                campaign = self.campaign.with_user(user)
                units = campaign._dashboard_units()
                visible = self._visible_units(user)
                self.assertTrue(visible)
                self.assertEqual(visible - units, self.Department)
                self.assertGreater(campaign.dash_coverage, 0.0)
        # The routing, not the tree: the leader answers for the mass
        # organisation (which has its own head) and not for PC06's team.
        leader = self.campaign.with_user(self.user_leader)._dashboard_units()
        self.assertIn(self.mass_org, leader)
        self.assertNotIn(self.pc06_team, leader)
        # PV05 follows the whole provincial police.
        pv05 = self.campaign.with_user(self.user_pv05)._dashboard_units()
        self.assertIn(self.pc06_team, pv05)
        self.assertIn(self.commune, pv05)


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestPoliceIssuerPicker(DvkPoliceCommon):
    def test_police_officer_is_offered_the_police_units_in_his_charge(self):
        """Rule: the issuer picker of the provincial police's officer (PV05
        records the province's decisions) offers the police units of the
        decision's level in his charge, not another province's police, and
        the server accepts exactly those."""
        other = self.Department.create(
            {
                "name": "Công an tỉnh Vĩnh Long",
                "dvk_police_kind": "province",
                "dvk_level_id": self.level_province.id,
            }
        )
        offered = assert_issuer_picker_agrees(
            self,
            self.user_officer,
            self.campaign,
            self.level_province,
            self.province | other,
        )
        self.assertEqual(offered, self.province)
