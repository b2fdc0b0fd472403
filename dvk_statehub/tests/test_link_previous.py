"""Decision 976/QĐ-UBND Article 7.3 (seed 003): the list proposed for the
province's commendation holds the models recognised two or more consecutive
years. A model registered anew instead of renewed is linked by the DVK
officer to last year's model — a renewal recorded after the fact, with its
reason, logged on both years — and its streak counts; links that make no
sense are refused."""

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DvkStatehubCommon


@tagged("post_install", "-at_install")
class TestStatehubLinkPrevious(DvkStatehubCommon):
    def _link(self, model, previous, reason="Đăng ký mới nhầm, là mô hình năm trước"):
        with freeze_time("2026-09-25"):
            wizard = (
                self.env["dvk.model.link.previous.wizard"]
                .with_user(self.user_officer)
                .create(
                    {"model_id": model.id, "previous_id": previous.id, "reason": reason}
                )
            )
            return wizard.action_confirm()

    def test_link_makes_the_streak_count(self):
        """Rule: Article 7.3 — a model recognised in 2025 and registered anew
        (not renewed) in 2026 counts one year; linked by the officer to the
        2025 model, it counts two, as a renewal, and is on the list sent to
        Sở Nội vụ; the link and its reason are noted on both years."""
        old = self._recognized(
            self.commune, "Hiến đất làm đường", self.bcd_commune, 2025
        )
        new = self._recognized(self.commune, "Hiến đất làm đường", self.bcd_commune)
        self.assertEqual(new.consecutive_years, 1)
        self.assertTrue(new.with_user(self.user_officer).dvk_can_link_previous)
        self._link(new, old)
        self.assertEqual(new.previous_id, old)
        self.assertEqual(old.next_ids, new)
        self.assertEqual(new.consecutive_years, 2)
        self.assertTrue(new.previous_link_reason)
        self.assertFalse(new.with_user(self.user_officer).dvk_can_link_previous)
        for record in (new, old):
            notes = record.message_ids.filtered(
                lambda m: "Đăng ký mới nhầm" in (m.body or "")
            )
            self.assertTrue(notes, record.name)
        report = (
            self.env["dvk.statehub.report"]
            .with_user(self.user_officer)
            .create({"campaign_id": self.campaign.id, "kind": "results"})
        )
        report.action_compute()
        self.assertEqual(report.consecutive_ids.model_id, new)

    def test_links_that_make_no_sense_are_refused(self):
        """Rule: Article 7.3 — the previous year is the year before, of the
        same subject and unit (or the unit that took it over), recognised,
        not yet continued; a model is linked once, not to itself, and only by
        the officer in charge, with a reason."""
        old = self._recognized(
            self.commune, "Hiến đất làm đường", self.bcd_commune, 2025
        )
        same_year = self._recognized(self.commune, "Cùng năm", self.bcd_commune)
        new = self._approved(self.commune, "Hiến đất làm đường")
        other_unit = self._approved(self.district_body, "Hiến đất làm đường")
        not_recognised = self._approved(self.commune, "Chưa công nhận", 2025)
        with self.assertRaises(UserError):
            self._link(new, same_year)
        with self.assertRaises(UserError):
            self._link(new, new)
        with self.assertRaises(UserError):
            self._link(other_unit, old)
        with self.assertRaises(UserError):
            self._link(new, not_recognised)
        with self.assertRaises(ValidationError):
            self._link(new, old, reason=" ")
        with self.assertRaises(UserError):
            new.with_user(self.user_bcd_commune)._dvk_link_previous(old, "Lý do")
        with self.assertRaises(UserError):
            new.with_user(self.user_officer).write({"previous_id": old.id})
        self.assertFalse(new.previous_id)
        self._link(new, old)
        # Linked once; and last year's model goes on in one model only.
        with self.assertRaises(UserError):
            self._link(new, old)
        again = self._approved(self.commune, "Hiến đất làm đường (bản 2)")
        with self.assertRaises(UserError):
            self._link(again, old)

    def test_renewed_model_cannot_be_linked_again(self):
        """Rule: Article 7.3 — a model renewed in the usual way already has
        its previous year: the link is not offered and is refused."""
        old = self._recognized(self.commune, "Một cửa", self.bcd_commune, 2025)
        with freeze_time("2026-02-05"):
            action = old.with_user(self.user_officer).action_renew()
        renewed = self.env["dvk.model"].browse(action["res_id"])
        self.assertFalse(renewed.with_user(self.user_officer).dvk_can_link_previous)
        other = self._recognized(self.commune, "Khác", self.bcd_commune, 2025)
        with self.assertRaises(UserError):
            self._link(renewed, other)
