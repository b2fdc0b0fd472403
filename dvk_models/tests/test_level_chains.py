"""Level chains by period (two-tier local government from 1/7/2025): seed 001
§3's "recognised at the level just below" follows the chain in force for the
campaign; earlier years keep theirs."""

import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, freeze_time, tagged

from .common import DvkCommon

D = datetime.date


@tagged("post_install", "-at_install")
class TestLevelChains(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.party = cls.env.ref("dvk_models.dvk_profile_party")
        cls.step_district = cls.env.ref("dvk_models.dvk_profile_party_level_district")
        # The chain as shipped: district until 30/6/2025.
        cls.step_district.date_to = D(2025, 6, 30)

    def _recognised_grassroots(self, campaign, name):
        model = self._approved(campaign_id=campaign.id, name=name)
        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": campaign.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.commune.id,
                    "date": datetime.date.today(),
                    "line_ids": [Command.create({"model_id": model.id})],
                }
            )
        )
        decision.action_confirm()
        return model

    def test_shipped_party_chain_by_date(self):
        """The party chain is data: grassroots → district → province until
        30/6/2025, grassroots → province from 1/7/2025."""
        self.assertEqual(
            self.party._dvk_levels_at(D(2025, 6, 30)),
            self.level_grassroots | self.level_district | self.level_province,
        )
        self.assertEqual(
            self.party._dvk_levels_at(D(2025, 7, 1)),
            self.level_grassroots | self.level_province,
        )
        self.assertEqual(
            self.party._dvk_levels_at(D(2025, 7, 1)).mapped("code"),
            ["grassroots", "province"],
        )

    def test_campaign_date_picks_the_chain(self):
        """The campaign's level chain date (by default its end, when it
        recognises) picks the chain: 2024 keeps the district, 2025 and 2026
        have none; a manager can move the date."""
        c2024 = self._open_campaign(2024)
        c2025 = self._open_campaign(2025)
        self.assertEqual(c2024.level_date, D(2024, 12, 31))
        self.assertIn(self.level_district, c2024.level_chain_ids)
        self.assertNotIn(self.level_district, c2025.level_chain_ids)
        self.assertNotIn(self.level_district, self.campaign.level_chain_ids)
        with Form(c2025) as form:
            form.level_date = D(2025, 6, 1)
        self.assertIn(self.level_district, c2025.level_chain_ids)

    @freeze_time("2026-02-10")
    def test_province_just_above_grassroots_after_change(self):
        """Seed 001 §3 after 1/7/2025: a grassroots-recognised model is
        proposed at province directly; district is no longer a level of the
        campaign; the default next level is the province."""
        model = self._recognised_grassroots(self.campaign, "Dân vận khéo hai cấp")
        self.assertEqual(model._dvk_default_proposal_level(), self.level_province)
        with self.assertRaisesRegex(UserError, "not a level of"):
            model.with_user(self.user_officer).action_propose(self.level_district)
        model.with_user(self.user_manager).action_propose(self.level_province)
        self.assertEqual(model.proposal_level_id, self.level_province)
        rules_ = model._dvk_proposal_rules(self.level_province)
        self.assertTrue(any("at Grassroots before" in r for r in rules_), rules_)

    @freeze_time("2024-02-10")
    def test_earlier_year_keeps_district_step(self):
        """A 2024 campaign keeps the three-tier chain: a grassroots model must
        be recognised at district before being proposed at province."""
        c2024 = self._open_campaign(2024)
        model = self._recognised_grassroots(c2024, "Dân vận khéo ba cấp")
        self.assertEqual(model._dvk_default_proposal_level(), self.level_district)
        with self.assertRaisesRegex(UserError, "must first be recognised at District"):
            model.with_user(self.user_manager).action_propose(self.level_province)
        model.with_user(self.user_officer).action_propose(self.level_district)
        self.assertEqual(model.proposal_level_id, self.level_district)

    def test_step_period_is_checked(self):
        """A step cannot end before it starts."""
        with self.assertRaises(ValidationError):
            self.step_district.date_from = D(2025, 7, 1)

    def test_propose_dialog_offers_the_chain_in_force(self):
        """The proposal dialog offers only the levels of the chain in force."""
        model = self._approved(name="Dân vận khéo hộp thoại")
        action = model.with_user(self.user_officer).action_propose_wizard()
        wizard = self.env[action["res_model"]].browse(action["res_id"])
        self.assertNotIn(self.level_district, wizard.allowed_level_ids)
        self.assertIn(self.level_grassroots, wizard.allowed_level_ids)
        # Its level picker names the levels as the campaign's chain does.
        self.assertEqual(wizard.campaign_id, self.campaign)
        arch = wizard.get_view(action.get("view_id"), "form")["arch"]
        self.assertIn("'dvk_campaign_id': campaign_id", arch)

    @freeze_time("2026-02-10")
    def test_target_level_picker_and_check_follow_the_chain(self):
        """Rule: a model's target level is a level of the chain in force for
        its campaign: the picker offers only those, named as the chain's step
        names them (``document_name``), and the server refuses another (a
        2026 party model cannot aim at the district tier ended 30/6/2025)."""
        form = Form(self.env["dvk.model"].with_user(self.user_staff))
        form.name = "Dân vận khéo chọn cấp"
        form.campaign_id = self.campaign
        form.department_id = self.commune
        form.field_id = self.field_kt
        domain = self.env["dvk.model"]._fields["level_id"].domain
        self.assertEqual(domain, "[('id', 'in', level_chain_ids)]")
        self.assertEqual(
            form.level_chain_ids[:], self.level_grassroots | self.level_province
        )
        with self.assertRaises(ValidationError):
            self._create_model(level_id=self.level_district.id)
        model = self._create_model(level_id=self.level_province.id)
        self.assertEqual(model.level_id, self.level_province)

        step = self.env.ref("dvk_models.dvk_profile_party_level_province")
        step.document_name = "tỉnh (Ban Thường vụ Tỉnh ủy)"
        Level = self.env["dvk.level"].with_user(self.user_staff)
        in_campaign = Level.with_context(dvk_campaign_id=self.campaign.id)
        self.assertEqual(
            in_campaign.browse(self.level_province.id).display_name,
            "Tỉnh (Ban Thường vụ Tỉnh ủy)",
        )
        self.assertEqual(
            in_campaign.browse(self.level_grassroots.id).display_name,
            self.level_grassroots.with_user(self.user_staff).name,
        )
        self.assertEqual(
            Level.browse(self.level_province.id).display_name,
            self.level_province.with_user(self.user_staff).name,
        )

    @freeze_time("2026-02-10")
    def test_next_year_keeps_the_target_level_only_in_its_chain(self):
        """Rule: a model registered again or carried over into a campaign
        whose chain has no longer its target level (the district tier after
        1/7/2025) starts without one instead of being refused."""
        c2024 = self._open_campaign(2024)
        old = self._create_model(
            campaign_id=c2024.id,
            level_id=self.level_district.id,
            date_start=D(2024, 3, 1),
            date_end=D(2024, 10, 1),
        )
        self.assertFalse(old._prepare_next_year_vals(self.campaign)["level_id"])
        old.level_id = self.level_grassroots
        self.assertEqual(
            old._prepare_next_year_vals(self.campaign)["level_id"],
            self.level_grassroots.id,
        )

    @freeze_time("2026-02-10")
    def test_decision_level_follows_the_chain_on_its_date(self):
        """Rule: a decision's level picker offers the levels of the chain in
        force on its date, and issuing refuses the same: no district-level
        decision dated after the district tier ended on 30/6/2025; one dated
        before keeps it."""
        c2024 = self._open_campaign(2024)
        Decision = self.env["dvk.decision"].with_user(self.user_officer)
        # Before the campaign is chosen no level is offered: its chain decides.
        self.assertFalse(Decision.new({"campaign_id": False}).level_chain_ids)
        with Form(Decision) as form:
            form.campaign_id = c2024
            form.date = D(2025, 6, 20)
            self.assertIn(self.level_district, form.level_chain_ids)
            form.level_id = self.level_district
            form.date = D(2026, 1, 15)
            # The later date falls under the two-tier chain: the level goes.
            self.assertNotIn(self.level_district, form.level_chain_ids)
            self.assertFalse(form.level_id)
            form.level_id = self.level_grassroots
            form.authority_department_id = self.commune
        arch = Decision.get_view(False, "form")["arch"]
        self.assertIn("'dvk_campaign_id': campaign_id", arch)
        late = Decision.create(
            {
                "campaign_id": c2024.id,
                "level_id": self.level_district.id,
                "authority_department_id": self.district.id,
                "date": D(2026, 1, 15),
            }
        )
        with self.assertRaisesRegex(UserError, "30/06/2025") as caught:
            late.action_confirm()
        self.assertIn("15/01/2026", str(caught.exception))
        late.date = D(2025, 6, 20)
        self.assertIn(self.level_district, late.level_chain_ids)
        late._dvk_check_level_in_chain()

    def test_level_search_more_lists_what_the_dropdown_offers(self):
        """Rule: a level picker's "Search More..." dialog lists the levels its
        dropdown offers, named as the dropdown names them (the campaign's
        chain), without creating any: the decision, model and proposal
        pickers open the pick list (display names, no create), not the
        configuration list with its archive toggles."""
        views = {
            "dvk.decision": "form",
            "dvk.model": "form",
            "dvk.propose.wizard": "form",
        }
        for model, kind in views.items():
            arch = self.env[model].get_view(False, kind)["arch"]
            self.assertIn("dvk_models.dvk_level_view_list_pick", arch, model)
        pick = self.env.ref("dvk_models.dvk_level_view_list_pick")
        Level = self.env["dvk.level"].with_context(
            dvk_campaign_id=self.campaign.id,
            list_view_ref="dvk_models.dvk_level_view_list_pick",
        )
        view = Level.get_view(view_type="list")
        self.assertEqual(view["id"], pick.id)
        self.assertIn('create="false"', view["arch"])
        self.assertIn('name="display_name"', view["arch"])
        self.assertNotIn("boolean_toggle", view["arch"])
        # The dialog reads what the dropdown reads: the campaign's chain.
        chain = Level.search([("id", "in", self.campaign.level_chain_ids.ids)])
        self.assertEqual(
            chain.mapped("display_name"),
            [self.campaign._dvk_level_name(level) for level in chain],
        )
        self.assertNotIn(self.level_district, chain)
