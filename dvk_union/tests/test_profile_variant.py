import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from .common import DvkUnionCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestUnionProfileVariant(DvkUnionCommon):
    """A profile sharing the trade union's rules (a variant) behaves as the
    trade-union profile does: the reach decides who recognises its models."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        union = cls.env.ref("dvk_union.dvk_profile_union")
        cls.variant = cls.env["dvk.profile"].create(
            {
                "name": "Công đoàn ngành (biến thể)",
                "code": "union_variant",
                "parent_id": union.id,
            }
        )
        cls.variant_campaign = cls.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo Công đoàn ngành 2026",
                "year": 2026,
                "profile_id": cls.variant.id,
                "date_start": datetime.date(2026, 1, 1),
                "date_end": datetime.date(2026, 12, 31),
                "registration_deadline": datetime.date(2026, 3, 31),
                "proposal_deadline": datetime.date(2026, 9, 30),
                "recognition_deadline": datetime.date(2026, 10, 15),
            }
        )
        cls.variant_campaign.action_open()

    def test_variant_proposed_at_the_level_of_its_reach(self):
        """Rule: seed 004 §IV.2, §IV.4 — a district-wide model of a campaign
        whose profile shares the trade union's rules is proposed at district
        level, the level of its reach, and not at another level."""
        model = self._ready(self.base, "district", campaign_id=self.variant_campaign.id)
        self.assertEqual(model.union_authority_id, self.district)
        with self.assertRaises(UserError):
            model.with_user(self.user_officer).action_propose(self.level_grassroots)
        model.with_user(self.user_officer).action_propose()
        self.assertEqual(model.state, "proposed")
        self.assertEqual(model.proposal_level_id, self.level_district)

    def test_variant_form_asks_for_the_reach(self):
        """Rule: the form shows the reach of a model and an exemplar of a
        campaign sharing the trade union's rules, as the server requires it
        before a proposal (same predicate for the form and the guard), and
        the campaign offers its coverage."""
        model = self._model(self.base, campaign_id=self.variant_campaign.id)
        self.assertTrue(model.union_profile)
        with Form(model.with_user(self.user_officer)) as form:
            form.union_reach = "district"
        self.assertEqual(model.union_reach, "district")
        self.assertTrue(self.variant_campaign.union_profile)
