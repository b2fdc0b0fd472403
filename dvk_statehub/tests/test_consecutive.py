import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DvkStatehubCommon


@tagged("post_install", "-at_install")
class TestStatehubConsecutiveYears(DvkStatehubCommon):
    def _renew(self, model, **vals):
        with freeze_time("2026-02-05"):
            new = model.with_user(self.user_officer).action_renew()
            new = self.env["dvk.model"].browse(new["res_id"])
            # The renewal states its implementation time (seed 003 Điều 6).
            vals = {
                "date_start": datetime.date(2026, 3, 1),
                "date_end": datetime.date(2026, 11, 30),
                **vals,
            }
            new.with_user(self.user_officer).write(vals)
            new.with_user(self.user_officer).action_submit()
        with freeze_time("2026-02-20"):
            new.with_user(new.approver_id).action_approve()
        return new

    def _results(self):
        report = (
            self.env["dvk.statehub.report"]
            .with_user(self.user_officer)
            .create({"campaign_id": self.campaign.id, "kind": "results"})
        )
        report.action_compute()
        return report

    def test_two_year_streaks_in_one_year_and_broken_out(self):
        """Rule: seed 003 Điều 7.3 — the list sent to Sở Nội vụ holds the
        models and exemplars recognised two or more consecutive years; a
        model recognised one year only, or whose previous year was not
        recognised (a broken chain), is not on it."""
        old = self._recognized(
            self.commune, "Hiến đất làm đường", self.bcd_commune, 2025
        )
        renewed = self._renew(old)
        self._recognize(renewed, self.bcd_commune)
        self.assertEqual(renewed.consecutive_years, 2)
        single = self._recognized(self.commune, "Chỉ một năm", self.bcd_commune)
        # Broken: approved in 2025, carried over without recognition.
        carried = self._approved(self.commune, "Chuyển năm sau", 2025)
        with freeze_time("2026-01-10"):
            new = carried.with_user(self.user_officer).action_carry_over()
        carried_next = self.env["dvk.model"].browse(new["res_id"])
        self._recognize(carried_next, self.bcd_commune)
        self.assertEqual(carried_next.consecutive_years, 1)
        report = self._results()
        names = set(report.consecutive_ids.mapped("name"))
        self.assertEqual(names, {"Hiến đất làm đường"})
        line = report.consecutive_ids
        self.assertEqual((line.years, line.year_list), (2, "2025, 2026"))
        self.assertNotIn(single.name, names)

    def test_renewal_in_a_successor_unit_keeps_the_streak(self):
        """Rule: seed 003 Điều 7.3 with DESIGN §2 (restructuring) — a model
        renewed in the unit that succeeds its old one keeps its streak."""
        old = self._recognized(
            self.district_body, "Một cửa thân thiện", self.bcd_district, 2025
        )
        renewed = self._renew(old, department_id=self.district_body2.id)
        self._recognize(renewed, self.bcd_district)
        self.assertEqual(renewed.consecutive_years, 2)
        report = self._results()
        self.assertEqual(report.consecutive_ids.mapped("name"), ["Một cửa thân thiện"])
        self.assertEqual(report.consecutive_ids.agency_id, self.district)

    def _exemplar(self, year):
        with freeze_time(f"{year}-05-10"):
            exemplar = (
                self.env["dvk.exemplar"]
                .with_user(self.user_officer)
                .create(
                    {
                        "campaign_id": self.campaigns[year].id,
                        "subject_type": "collective",
                        "department_id": self.dept.id,
                    }
                )
            )
        self._recognize(exemplar, self.bcd_dept, year)
        return exemplar

    def test_exemplars_recognised_two_years(self):
        """Rule: seed 003 Điều 7.3 — an exemplar (the same collective)
        recognised two years running is on the list; one recognised once is
        not."""
        self._exemplar(2026)
        self.assertFalse(self._results().consecutive_ids)
        self._exemplar(2025)
        report = self._results()
        self.assertEqual(report.consecutive_ids.record_type, "exemplar")
        self.assertEqual(report.consecutive_ids.years, 2)
