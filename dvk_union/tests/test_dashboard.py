"""The dashboard of a trade-union reader covers the base unions of the
models he sees (issue 22, walk): the chair of a sector union decides on
the registrations of the base unions below it, and its coverage counts
those base unions."""

from odoo.tests import freeze_time, tagged

from .common import DvkUnionCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestUnionDashboard(DvkUnionCommon):
    def test_sector_chair_dashboard_covers_the_base_unions_he_decides_on(self):
        """Rule: a union chair's dashboard coverage is over the units whose
        registrations reach him (his union and the base unions below it
        without an approver of their own): every unit of a model he can
        open is in his scope, a base union running a model counts as
        covered, and one whose only model was refused does not."""
        model = self._approved(self.base3)
        self.env.invalidate_all()
        campaign = self.campaign.with_user(self.user_sector)
        units = campaign._dashboard_units()
        visible = (
            self.env["dvk.model"]
            .with_user(self.user_sector)
            .search([("campaign_id", "=", self.campaign.id)])
        )
        self.assertEqual(visible, model)
        self.assertIn(self.base3, units)
        self.assertEqual(campaign.dash_coverage, 100.0)
        # sudo: test fixture set-up, the refusal is not under test
        model.sudo().state = "refused"
        self.env.invalidate_all()
        self.assertEqual(self.campaign.with_user(self.user_sector).dash_coverage, 0.0)
