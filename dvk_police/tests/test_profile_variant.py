import datetime

from odoo.tests import freeze_time, tagged

from .common import DvkPoliceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestPoliceProfileVariant(DvkPoliceCommon):
    """A profile sharing the police's rules (a variant, e.g. another
    province's police guidance) behaves as the police profile does, not only
    uses its data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        police = cls.env.ref("dvk_police.dvk_profile_police")
        cls.variant = cls.env["dvk.profile"].create(
            {
                "name": "Công an tỉnh (biến thể)",
                "code": "police_variant",
                "parent_id": police.id,
                "routing": police.routing,
            }
        )
        cls.variant_campaign = cls.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo Công an tỉnh 2026 (biến thể)",
                "year": 2026,
                "profile_id": cls.variant.id,
                "date_start": datetime.date(2026, 1, 1),
                "date_end": datetime.date(2026, 12, 31),
                "registration_deadline": datetime.date(2026, 3, 29),
                "proposal_deadline": datetime.date(2026, 9, 30),
                "recognition_deadline": datetime.date(2026, 10, 14),
            }
        )
        cls.variant_campaign.action_open()

    def test_variant_follows_police_rules(self):
        """Rule: a profile follows the guidance of its own code and of every
        profile whose rules it shares, and only those."""
        self.assertTrue(self.variant._dvk_follows("police"))
        self.assertTrue(self.variant._dvk_follows("police_variant"))
        self.assertFalse(self.variant._dvk_follows("party"))
        self.assertIn(
            "police_variant", self.env["dvk.profile"]._dvk_codes_following("police")
        )
        self.assertEqual(
            self.variant_campaign._dvk_of_profile("police"), self.variant_campaign
        )
        self.assertFalse(self.campaign._dvk_of_profile("police_variant"))

    def test_variant_approval_plans_periodic_reports(self):
        """Rule (seed 002 §I step 4): approving a model of a campaign whose
        profile shares the police's rules plans its six-month review and
        annual summary, as for the police profile itself, and its form offers
        them."""
        model = self._approved(self.commune, campaign_id=self.variant_campaign.id)
        self.assertEqual(model.state, "approved")
        # The form offers its periodic reports (same predicate).
        self.assertTrue(model.police_profile)
        self.assertEqual(
            {(r.kind, r.date_due) for r in model.police_report_ids},
            {
                ("six_month", datetime.date(2026, 6, 15)),
                ("annual", datetime.date(2026, 9, 30)),
            },
        )

    def test_variant_asks_for_the_police_dossier(self):
        """Rule (seed 002 §II): a model of a profile sharing the police's rules
        asks for the police's building dossier, as its checklist lists it:
        its form shows the dossier as required."""
        model = self._model(self.commune, campaign_id=self.variant_campaign.id)
        police = self._model(self.commune, name="Mô hình Công an xã")
        self.assertTrue(police.dossier_required)
        model._dossier_sync()
        lines = self.env["dvk.dossier.line"].search([("model_id", "=", model.id)])
        self.assertTrue(lines)
        self.assertTrue(model.dossier_required)
