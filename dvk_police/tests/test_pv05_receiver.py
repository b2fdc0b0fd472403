"""PV05's report names the provincial Party board of its date (issue 24,
item 9): the provincial Ban Dân vận merged into the Ban Tuyên giáo và Dân
vận in 2025, so the board is dated data of the province's police."""

import datetime

from odoo.tests import freeze_time, tagged

from .common import DvkPoliceCommon

PV05 = "report.dvk_police.report_dvk_police_pv05"


@tagged("post_install", "-at_install")
class TestPv05Receiver(DvkPoliceCommon):
    def _board(self, day):
        with freeze_time(day):
            data = self.env[PV05]._dvk_prepare(self.campaign, {})
        return data["reports"][self.campaign.id]["receivers"][1]

    def test_board_of_the_report_date(self):
        """The provincial Ban Dân vận merged into the Ban Tuyên giáo và Dân
        vận (2025): a PV05 report of 30/6/2025 names the Ban Dân vận Tỉnh
        ủy, one of 1/7/2025 the Ban Tuyên giáo và Dân vận Tỉnh ủy; without
        any data it leaves the name for the clerk, never a body's name."""
        self.env["dvk.receiver"].create(
            [
                {
                    "department_id": self.province.id,
                    "kind": "police_informed",
                    "name": "Ban Dân vận Tỉnh ủy",
                    "date_to": datetime.date(2025, 6, 30),
                },
                {
                    "department_id": self.province.id,
                    "kind": "police_informed",
                    "name": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
                    "date_from": datetime.date(2025, 7, 1),
                },
            ]
        )
        self.assertEqual(self._board("2025-06-30"), "Ban Dân vận Tỉnh ủy")
        self.assertEqual(self._board("2025-07-01"), "Ban Tuyên giáo và Dân vận Tỉnh ủy")
        self.province.dvk_dated_receiver_ids.unlink()
        self.province.dvk_police_informed_id = False
        self.assertNotIn("Ban", self._board("2025-07-01"))
