import datetime

from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestUnionProfile(TransactionCase):
    def test_profile_and_default_deadlines(self):
        """Rule: seed 004 §V — base and district unions register in February,
        the provincial level in March, summaries reach the provincial union by
        10/3; in a leap year February ends on the 29th."""
        with Form(self.env["dvk.campaign"]) as form:
            form.year = 2028
            form.profile = "union"
            form.name = "Dân vận khéo Công đoàn 2028"
        campaign = form.save()
        self.assertEqual(campaign.profile, "union")
        self.assertEqual(
            campaign.union_base_registration_deadline, datetime.date(2028, 2, 29)
        )
        self.assertEqual(campaign.registration_deadline, datetime.date(2028, 3, 31))
        self.assertEqual(campaign.union_summary_deadline, datetime.date(2028, 3, 10))
