import datetime

from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestStatehubProfile(TransactionCase):
    def test_profile_and_default_deadlines(self):
        """Rule: seed 003 Điều 8 — registered models are reported to Sở Nội vụ
        in February, recognition results and proposals in October."""
        with Form(self.env["dvk.campaign"]) as form:
            form.year = 2026
            form.profile_id = self.env.ref("dvk_statehub.dvk_profile_statehub")
            form.name = "Dân vận khéo cơ quan hành chính 2026"
        campaign = form.save()
        self.assertEqual(campaign.profile, "statehub")
        self.assertEqual(campaign.registration_deadline, datetime.date(2026, 2, 28))
        self.assertEqual(campaign.recognition_deadline, datetime.date(2026, 10, 31))
        self.assertEqual(campaign.proposal_deadline, datetime.date(2026, 10, 31))
