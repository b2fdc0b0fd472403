"""Decision 976/QĐ-UBND Article 7.3 and Article 9 (seed 003): the agency
lists the models and exemplars recognised two or more consecutive years and
sends the proposal for the province's commendation to Sở Nội vụ, which
gathers it and puts it forward; the province's decision commends. The
proposal is a record with its state, its lines, its rights and its printed
letter, not only a list in a report."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import DvkStatehubCommon


@tagged("post_install", "-at_install")
class TestStatehubProvinceProposal(DvkStatehubCommon):
    def _two_years(self):
        old = self._recognized(
            self.commune, "Hiến đất làm đường", self.bcd_commune, 2025
        )
        with freeze_time("2026-02-05"):
            action = old.with_user(self.user_officer).action_renew()
            new = self.env["dvk.model"].browse(action["res_id"])
            # The renewal states its implementation time (seed 003 Điều 6).
            new.with_user(self.user_officer).write(
                {
                    "date_start": datetime.date(2026, 3, 1),
                    "date_end": datetime.date(2026, 11, 30),
                }
            )
            new.with_user(self.user_officer).action_submit()
        with freeze_time("2026-02-20"):
            new.with_user(new.approver_id).action_approve()
        self._recognize(new, self.bcd_commune)
        self.assertEqual(new.consecutive_years, 2)
        return new

    def _proposal(self):
        report = (
            self.env["dvk.statehub.report"]
            .with_user(self.user_officer)
            .create({"campaign_id": self.campaign.id, "kind": "results"})
        )
        report.action_compute()
        action = report.action_create_province_proposal()
        return self.env["dvk.statehub.province.proposal"].browse(action["res_id"])

    def test_proposal_from_draft_to_decision(self):
        """Rule: Article 7.3 and Article 9 — the agency's officer sends the
        list (models recognised two consecutive years) to Sở Nội vụ, which
        alone puts it forward and records the province's decision (number
        and date required); the commended model is told in its history. Sở
        Nội vụ does not see the agency's draft."""
        model = self._two_years()
        proposal = self._proposal()
        self.assertEqual(proposal.state, "draft")
        self.assertEqual(proposal.line_ids.model_id, model)
        self.assertEqual(proposal.line_ids.years, 2)
        self.assertEqual(proposal.addressee_id, self.home_affairs)
        Proposal = self.env["dvk.statehub.province.proposal"]
        self.assertFalse(
            Proposal.with_user(self.user_home_affairs).search(
                [("id", "=", proposal.id)]
            )
        )
        as_officer = proposal.with_user(self.user_officer)
        self.assertTrue(as_officer.dvk_can_send)
        self.assertFalse(as_officer.dvk_can_review)
        with freeze_time("2026-10-05"):
            as_officer.action_send()
        self.assertEqual(proposal.state, "sent")
        self.assertEqual(proposal.date_sent, datetime.date(2026, 10, 5))
        with self.assertRaises(UserError):
            as_officer.action_propose()
        as_home = proposal.with_user(self.user_home_affairs)
        self.assertTrue(as_home.dvk_can_review)
        as_home.action_propose()
        self.assertEqual(proposal.state, "proposed")
        with self.assertRaises(UserError):
            as_home.action_decide()
        with self.assertRaises(UserError):
            as_officer.write({"decision_ref": "1234/QĐ-UBND"})
        as_home.write(
            {
                "decision_ref": "1234/QĐ-UBND",
                "decision_date": datetime.date(2026, 12, 1),
            }
        )
        as_home.action_decide()
        self.assertEqual(proposal.state, "decided")
        self.assertEqual(proposal.line_ids.result, "commended")
        self.assertTrue(
            model.message_ids.filtered(lambda m: "1234/QĐ-UBND" in (m.body or ""))
        )

    def test_sent_list_is_kept_and_refusal_needs_a_note(self):
        """Rule: Article 7.3 — once sent, the agency's letter and list are
        kept as sent (no edit, no line removed, no deletion); Sở Nội vụ that
        does not put it forward says why."""
        self._two_years()
        proposal = self._proposal()
        as_officer = proposal.with_user(self.user_officer)
        as_officer.action_send()
        with self.assertRaises(UserError):
            as_officer.write({"name": "99/TTr-BCĐ"})
        with self.assertRaises(UserError):
            proposal.line_ids.with_user(self.user_officer).unlink()
        with self.assertRaises(UserError):
            as_officer.unlink()
        as_home = proposal.with_user(self.user_home_affairs)
        with self.assertRaises(UserError):
            as_home.action_refuse()
        as_home.write({"review_note": "Chưa đủ hồ sơ theo quy định"})
        as_home.action_refuse()
        self.assertEqual(proposal.state, "refused")

    def test_two_consecutive_years_at_the_boundary(self):
        """Rule: Article 7.3 — "đạt liên tiếp 02 năm trở lên": a line of one
        year is refused when the proposal is sent, two years pass."""
        unit = self.commune
        Proposal = self.env["dvk.statehub.province.proposal"].with_user(
            self.user_officer
        )
        proposal = Proposal.create(
            {
                "campaign_id": self.campaign.id,
                "issuer_department_id": unit.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "record_type": "model",
                            "name": "Một năm",
                            "years": 1,
                            "year_list": "2026",
                        },
                    )
                ],
            }
        )
        with self.assertRaises(UserError):
            proposal.action_send()
        proposal.line_ids.write({"years": 2, "year_list": "2025, 2026"})
        proposal.action_send()
        self.assertEqual(proposal.state, "sent")

    def test_rights_and_printed_letter(self):
        """Rule: Article 7.3 — an officer reads the proposals of the units in
        his charge only; the printed letter, addressed to Sở Nội vụ, lists
        the models with their consecutive years."""
        model = self._two_years()
        proposal = self._proposal()
        other = new_test_user(
            self.env, login="sh_officer2", groups="dvk_models.group_dvk_officer"
        )
        other.dvk_department_ids = self.dept
        with self.assertRaises(AccessError):
            proposal.with_user(other).check_access("read")
        with self.assertRaises(UserError):
            proposal.with_user(other).action_send()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html(
                "dvk_statehub.report_dvk_statehub_province_proposal", proposal.ids
            )[0]
            .decode()
        )
        self.assertIn(model.name, html)
        self.assertIn("2025, 2026", html)
        self.assertIn(self.home_affairs.name, html)
