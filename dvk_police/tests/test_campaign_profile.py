from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPoliceProfile(TransactionCase):
    def test_profile_and_default_deadlines(self):
        """Rule: the police profile exists and its campaigns carry only the
        dates of its own guidance, which sets none (seed 002 §I step 4: yearly,
        at the end of the model's implementation): no deadline is borrowed
        from the provincial board's 30/3, 01/10 and 15/10 (seed 001 §4)."""
        with Form(self.env["dvk.campaign"]) as form:
            form.year = 2027
            form.profile_id = self.env.ref("dvk_police.dvk_profile_police")
            form.name = "Dân vận khéo Công an tỉnh 2027"
        campaign = form.save()
        self.assertEqual(campaign.profile, "police")
        self.assertFalse(campaign.deadline_ids)
        self.assertFalse(campaign.registration_deadline)
        self.assertFalse(campaign.proposal_deadline)
        self.assertFalse(campaign.recognition_deadline)
