"""No proposal for commendation while a case about the unit is under way
(NĐ 152/2025/NĐ-CP, in force 1/7/2025; issue 24 item 7): the state agencies'
commendation proposal (seed 003 Điều 7.2) is refused on its date, naming the
case and the decree."""

import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DvkStatehubCommon


@tagged("post_install", "-at_install")
class TestStatehubCommendationHold(DvkStatehubCommon):
    def test_proposal_refused_while_an_inspection_is_under_way(self):
        """NĐ 152/2025/NĐ-CP: the commune committee's proposal to commend
        the commune's model is refused while an inspection about the commune
        is under way on the proposal's date; once the case is closed, it is
        sent."""
        model = self._recognized(self.commune, "Hiến đất làm đường", self.bcd_commune)
        case = self.env["hr.dvk.pending.case"].create(
            {
                "department_id": self.commune.id,
                "kind": "inspection",
                "date_opened": datetime.date(2026, 9, 1),
                "reference": "7/QĐ-TTr",
            }
        )
        proposal = (
            self.env["dvk.statehub.commendation"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "committee_id": self.bcd_commune.id,
                    "model_ids": [(6, 0, model.ids)],
                    "date": datetime.date(2026, 10, 15),
                }
            )
        )
        with self.assertRaises(UserError) as capture:
            proposal.action_submit()
        self.assertIn("7/QĐ-TTr", str(capture.exception))
        self.assertIn("152/2025/NĐ-CP", str(capture.exception))
        self.assertEqual(proposal.state, "draft")
        case.date_closed = datetime.date(2026, 10, 15)
        proposal.action_submit()
        self.assertEqual(proposal.state, "submitted")
