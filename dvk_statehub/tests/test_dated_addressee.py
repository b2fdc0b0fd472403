"""Bodies that changed in 2025 (issue 24, item 9), for the state agencies:
the report to Sở Nội vụ addresses the Sở Nội vụ of its date (the merged
province from 1/7/2025), and no proposal goes to a district People's
Committee after 30/6/2025."""

import datetime
import html
import re

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DvkStatehubCommon

HOME_AFFAIRS = "dvk_statehub.report_dvk_statehub_home_affairs"
TAGS = re.compile(r"<[^>]*>")


@tagged("post_install", "-at_install")
class TestStatehubDatedAddressee(DvkStatehubCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Trà Vinh merged into Vĩnh Long on 1/7/2025: the agencies' reports
        # go to the Sở Nội vụ of the merged province from that day.
        cls.home_affairs_vl = cls.env["hr.department"].create(
            {
                "name": "Sở Nội vụ tỉnh Vĩnh Long",
                "parent_id": cls.root.id,
                "dvk_statehub_kind": "department",
                "dvk_statehub_home_affairs": True,
            }
        )
        cls.env["dvk.receiver"].create(
            [
                {
                    "department_id": cls.root.id,
                    "kind": "home_affairs",
                    "receiver_id": cls.home_affairs.id,
                    "date_to": datetime.date(2025, 6, 30),
                },
                {
                    "department_id": cls.root.id,
                    "kind": "home_affairs",
                    "receiver_id": cls.home_affairs_vl.id,
                    "date_from": datetime.date(2025, 7, 1),
                },
            ]
        )

    def _printed_addressee(self, day):
        with freeze_time(day):
            report = (
                self.env["dvk.statehub.report"]
                .with_user(self.user_officer)
                .create(
                    {
                        "campaign_id": self.campaigns[2025].id,
                        "kind": "registration",
                        "issuer_department_id": self.dept.id,
                    }
                )
            )
            addressee = report.addressee_id
            report.addressee_id = False
            content, _kind = self.env["ir.actions.report"]._render_qweb_html(
                HOME_AFFAIRS, report.ids
            )
        text = " ".join(html.unescape(TAGS.sub(" ", content.decode())).split())
        return addressee, text

    def test_addressee_of_the_report_date(self):
        """Nghị quyết 203/2025/QH15 and the merger of the provinces on
        1/7/2025: a report of 30/6/2025 addresses Sở Nội vụ tỉnh Trà Vinh,
        one of 1/7/2025 Sở Nội vụ tỉnh Vĩnh Long (by default, and printed
        when the report names none)."""
        before, text_before = self._printed_addressee("2025-06-30")
        after, text_after = self._printed_addressee("2025-07-01")
        self.assertEqual(before, self.home_affairs)
        self.assertEqual(after, self.home_affairs_vl)
        self.assertIn("Kính gửi: Sở Nội vụ tỉnh Trà Vinh", text_before)
        self.assertIn("Kính gửi: Sở Nội vụ tỉnh Vĩnh Long", text_after)

    def test_no_proposal_to_district_committee_after_30_june_2025(self):
        """Nghị quyết 203/2025/QH15: the district People's Committees ended
        on 30/6/2025; a district steering committee's proposal dated
        30/6/2025 still goes to it, one dated 1/7/2025 is refused."""
        model = self._recognized(
            self.district_body, "Một cửa thân thiện", self.bcd_district
        )
        Commendation = self.env["dvk.statehub.commendation"].with_user(
            self.user_officer
        )

        def proposal(day):
            return Commendation.create(
                {
                    "campaign_id": self.campaign.id,
                    "committee_id": self.bcd_district.id,
                    "model_ids": [(6, 0, model.ids)],
                    "date": day,
                }
            )

        late = proposal("2025-07-01")
        with self.assertRaises(UserError) as refused:
            late.action_submit()
        self.assertIn("Nghị quyết 203/2025/QH15", str(refused.exception))
        self.assertEqual(late.state, "draft")
        in_time = proposal("2025-06-30")
        in_time.action_submit()
        self.assertEqual(in_time.state, "submitted")
