"""Police without district police (dissolved on 1/3/2025): a commune police
with no district police above it is approved by the provincial police
leadership through PV05, and the copies go to the commune party committee and
PV05; seed 002's district row still applies to campaigns before the change."""

import datetime

from odoo.tests import freeze_time, tagged

from .common import DvkPoliceCommon

D = datetime.date


@tagged("post_install", "-at_install")
class TestTwoTierPolice(DvkPoliceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The police chain as shipped: district police until 28/2/2025.
        cls.env.ref("dvk_police.dvk_profile_police_level_district").date_to = D(
            2025, 2, 28
        )

    def _campaign(self, year):
        campaign = self.env["dvk.campaign"].create(
            {
                "name": f"Dân vận khéo Công an tỉnh {year}",
                "year": year,
                "profile": "police",
                "date_start": D(year, 1, 1),
                "date_end": D(year, 12, 31),
                "registration_deadline": D(year, 3, 29),
                "proposal_deadline": D(year, 9, 30),
                "recognition_deadline": D(year, 10, 14),
            }
        )
        campaign.action_open()
        return campaign

    def _notified(self, model):
        messages = model.message_ids.filtered(
            lambda m: "copies for follow-up" in (m.body or "")
        )
        self.assertEqual(len(messages), 1)
        return messages, messages.notification_ids.res_partner_id

    def test_commune_after_change_goes_to_province(self):
        """From 1/3/2025 the district police row no longer applies: the
        provincial police leadership approves a commune police model through
        PV05; copies go to PV05 and the commune party committee, not to the
        district board."""
        self.assertNotIn(self.level_district, self.campaign.level_chain_ids)
        model = self._submitted(self.commune)
        self.assertEqual(model.approver_id, self.user_leader)
        model.with_user(self.user_leader).action_approve()
        message, notified = self._notified(model)
        self.assertEqual(
            notified,
            (self.user_pv05 | self.user_pv05_officer | self.user_committee).partner_id,
        )
        self.assertIn("has no district police above it", message.body)

    @freeze_time("2024-02-10")
    def test_commune_before_change_keeps_district_row(self):
        """A 2024 campaign keeps seed 002's district row: the district police
        chief approves and the district board receives a copy."""
        campaign = self._campaign(2024)
        self.assertIn(self.level_district, campaign.level_chain_ids)
        model = self._submitted(self.commune, campaign_id=campaign.id)
        self.assertEqual(model.approver_id, self.user_chief)
        model.with_user(self.user_chief).action_approve()
        _message, notified = self._notified(model)
        self.assertIn(self.user_board_d.partner_id, notified)

    @freeze_time("2024-02-10")
    def test_dissolved_district_police_is_skipped(self):
        """Where the district police unit was dissolved (archived), its
        commune police goes to the provincial police leadership even for a
        chain that still has the district level."""
        campaign = self._campaign(2024)
        self.district.with_context(active_test=False).action_archive()
        model = self._submitted(self.commune, campaign_id=campaign.id)
        self.assertEqual(model.approver_id, self.user_leader)
