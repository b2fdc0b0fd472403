import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DvkStatehubCommon


@tagged("post_install", "-at_install")
class TestStatehubProfileVariant(DvkStatehubCommon):
    """A profile sharing the state agencies' rules (a variant, e.g. another
    province's regulation) behaves as the state-agency profile does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.variant = cls.env["dvk.profile"].create(
            {
                "name": "Cơ quan hành chính nhà nước (biến thể)",
                "code": "statehub_variant",
                "parent_id": cls.profile.id,
            }
        )
        cls.variant_campaign = cls.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo cơ quan hành chính nhà nước 2026 (biến thể)",
                "year": 2026,
                "profile_id": cls.variant.id,
                "date_start": datetime.date(2026, 1, 1),
                "date_end": datetime.date(2026, 12, 31),
                # A variant has its own calendar (no deadline rules here).
                "registration_deadline": datetime.date(2026, 3, 31),
                "proposal_deadline": datetime.date(2026, 9, 30),
                "recognition_deadline": datetime.date(2026, 10, 15),
            }
        )
        cls.variant_campaign.action_open()

    def test_variant_registration_approved_by_the_agency_committee(self):
        """Rule: seed 003 Điều 6.2 — in a campaign whose profile shares the
        state agencies' rules, a registration is approved by the steering
        committee of the registrant's agency, through its approver, and the
        agency's registration table may be kept for that campaign; the form
        offers the model's inspections."""
        with freeze_time("2026-02-10"):
            model = self._model(
                self.district_body,
                "Một cửa thân thiện",
                campaign_id=self.variant_campaign.id,
            )
            model.with_user(self.user_officer).action_submit()
        self.assertEqual(model.approver_id, self.user_bcd_district)
        # The form offers its inspections (same predicate).
        self.assertTrue(model.statehub_profile)
        table = (
            self.env["dvk.statehub.registration"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.variant_campaign.id,
                    "department_id": self.district.id,
                }
            )
        )
        table.action_build()
        self.assertEqual(table.line_ids.model_id, model)
