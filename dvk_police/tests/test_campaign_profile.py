import datetime

from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPoliceProfile(TransactionCase):
    def test_profile_and_default_deadlines(self):
        """Rule: the police profile exists and its campaign defaults follow the
        provincial guidance the police guidance applies (seed 002, seed 001 §4):
        register before 30/3, propose before 01/10, recognise before 15/10."""
        with Form(self.env["dvk.campaign"]) as form:
            form.year = 2027
            form.profile_id = self.env.ref("dvk_police.dvk_profile_police")
            form.name = "Dân vận khéo Công an tỉnh 2027"
        campaign = form.save()
        self.assertEqual(campaign.profile, "police")
        self.assertEqual(campaign.registration_deadline, datetime.date(2027, 3, 29))
        self.assertEqual(campaign.proposal_deadline, datetime.date(2027, 9, 30))
        self.assertEqual(campaign.recognition_deadline, datetime.date(2027, 10, 14))
