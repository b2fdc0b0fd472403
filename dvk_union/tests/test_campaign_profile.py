import datetime

from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestUnionProfile(TransactionCase):
    def test_profile_and_default_deadlines(self):
        """Rule: seed 004 §V — base and district unions register in February,
        the provincial level in March, summaries reach the provincial union by
        10/3; in a leap year February ends on the 29th. Each is a deadline
        line of the campaign with its scope. The guidance sets no proposal or
        recognition date: the campaign borrows none of seed 001 §4."""
        grassroots = self.env.ref("dvk_models.dvk_level_grassroots")
        district = self.env.ref("dvk_models.dvk_level_district")
        province = self.env.ref("dvk_models.dvk_level_province")
        with Form(self.env["dvk.campaign"]) as form:
            form.year = 2028
            form.profile_id = self.env.ref("dvk_union.dvk_profile_union")
            form.name = "Dân vận khéo Công đoàn 2028"
        campaign = form.save()
        self.assertEqual(campaign.profile, "union")
        lines = campaign.deadline_ids
        base = lines.filtered(lambda d: d.kind == "registration" and d.date.month == 2)
        self.assertEqual(base.date, datetime.date(2028, 2, 29))
        self.assertEqual(base.level_ids, grassroots | district)
        self.assertEqual(base.scope, "base and district unions")
        upper = lines.filtered(lambda d: d.kind == "registration" and d.date.month == 3)
        self.assertEqual(upper.date, datetime.date(2028, 3, 31))
        self.assertEqual(upper.level_ids, province)
        summary = lines.filtered(lambda d: d.kind == "summary")
        self.assertEqual(summary.date, datetime.date(2028, 3, 10))
        self.assertEqual(summary.level_ids, district)
        # The contract field shows the latest registration line (no line
        # without scope).
        self.assertEqual(campaign.registration_deadline, datetime.date(2028, 3, 31))
        self.assertFalse(campaign.proposal_deadline)
        self.assertFalse(campaign.recognition_deadline)
