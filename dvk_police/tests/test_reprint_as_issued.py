"""Police documents reprint as issued: a letter names the authority of its
own date (the approval routing of that day), not the one that has taken its
place since. The district police were dissolved on 1/3/2025 and taken over by
the provincial police (recorded with the Merge or Split Units wizard, which
moves their commune police under the provincial police)."""

import datetime
import html
import re

from odoo.tests import freeze_time, tagged

from .common import DvkPoliceCommon

D = datetime.date
TAGS = re.compile(r"<[^>]*>")
REQUEST = "dvk_police.action_report_dvk_police_request"
PERIODIC = "dvk_police.action_report_dvk_police_periodic"


@tagged("post_install", "-at_install")
class TestPoliceReprintAsIssued(DvkPoliceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The police chain as shipped: district police until 28/2/2025.
        cls.env.ref("dvk_police.dvk_profile_police_level_district").date_to = D(
            2025, 2, 28
        )
        cls.province.dvk_signing_place = "Trà Vinh"
        cls.district.dvk_signing_place = "Càng Long"
        cls.commune.dvk_signing_place = "An Trường"
        with freeze_time("2025-02-03"):
            cls.campaign_2025 = cls.env["dvk.campaign"].create(
                {
                    "name": "Dân vận khéo Công an tỉnh 2025",
                    "year": 2025,
                    "profile": "police",
                    "date_start": D(2025, 1, 1),
                    "date_end": D(2025, 12, 31),
                    # The chain of its registrations: the district row.
                    "level_date": D(2025, 2, 28),
                    "registration_deadline": D(2025, 2, 15),
                    "proposal_deadline": D(2025, 6, 15),
                    "recognition_deadline": D(2025, 6, 30),
                }
            )
            cls.campaign_2025.action_open()

    def _text(self, xmlid, records):
        content, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
            xmlid, records.ids
        )
        return " ".join(html.unescape(TAGS.sub(" ", content.decode())).split())

    def _dissolve_district(self):
        """1/3/2025: the district police is merged into the provincial police
        (its commune police come directly under it)."""
        wizard = self.env["dvk.unit.lineage.wizard"].create(
            {
                "mode": "merge",
                "date": D(2025, 3, 1),
                "source_ids": [(6, 0, self.district.ids)],
                "successor_id": self.province.id,
            }
        )
        wizard.action_apply()
        self.assertFalse(self.district.active)
        self.assertEqual(self.commune.parent_id, self.province)

    def test_request_of_2025_names_the_district_chief(self):
        """Rule: seed 002 §I step 2 — a commune police's request for approval
        goes to the district police chief while the district police exists.
        Registered and approved by the chief in February 2025, the request
        reprints after the district police was dissolved (1/3/2025) as it was
        issued: "Kính gửi: Trưởng Công an huyện Càng Long", under the district
        police's name, not the provincial police that took its place."""
        with freeze_time("2025-02-10"):
            model = self._submitted(
                self.commune, campaign_id=self.campaign_2025.id, area="Ấp Giồng Lức"
            )
            self.assertEqual(model.approver_id, self.user_chief)
            model.with_user(self.user_chief).action_approve()
        self._dissolve_district()
        with freeze_time("2026-03-10"):
            text = self._text(REQUEST, model)
        self.assertIn("Kính gửi: Trưởng Công an huyện Càng Long", text)
        self.assertIn("Kính đề nghị Trưởng Công an huyện Càng Long xem xét", text)
        self.assertNotIn("Lãnh đạo Công an tỉnh Trà Vinh", text)
        self.assertIn("CÔNG AN HUYỆN CÀNG LONG CÔNG AN XÃ AN TRƯỜNG", text)
        self.assertIn("An Trường, ngày 10 tháng 02 năm 2025", text)

    def test_report_after_dissolution_goes_to_the_province(self):
        """Rule: seed 002 §I step 2 with the district police dissolved on
        1/3/2025 — the annual summary of the same model, sent in June 2025,
        went to the provincial police leadership: a document is addressed to
        the authority of its own date."""
        with freeze_time("2025-02-10"):
            model = self._submitted(self.commune, campaign_id=self.campaign_2025.id)
            model.with_user(self.user_chief).action_approve()
        self._dissolve_district()
        report = model.police_report_ids.filtered(lambda r: r.kind == "annual")
        report = report.with_user(self.user_officer)
        report.results = "Không xảy ra trộm cắp trên địa bàn ấp."
        with freeze_time("2025-06-03"):
            report.action_done()
        with freeze_time("2026-03-10"):
            text = self._text(PERIODIC, report)
        self.assertIn("Kính gửi: Lãnh đạo Công an tỉnh Trà Vinh", text)
        self.assertNotIn("Trưởng Công an huyện Càng Long", text)
        self.assertIn("CÔNG AN TỈNH TRÀ VINH CÔNG AN XÃ AN TRƯỜNG", text)

    @freeze_time("2026-03-10")
    def test_request_of_today_names_the_province(self):
        """Rule: seed 002 §I step 2 after 1/3/2025 — with the district police
        dissolved, today's request of a commune police goes to the provincial
        police leadership (through PV05)."""
        self._dissolve_district()
        model = self._submitted(self.commune)
        self.assertEqual(model.approver_id, self.user_leader)
        text = self._text(REQUEST, model)
        self.assertIn("Kính gửi: Lãnh đạo Công an tỉnh Trà Vinh", text)
        self.assertNotIn("Công an huyện Càng Long", text)
