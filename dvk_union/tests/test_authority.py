"""Authority by reach (seed 004 §IV): the base union recognises models whose
influence stays within it, district federations and sector unions the
district-wide ones, and the provincial People's Committee the province-wide
ones, on the proposal of the provincial federation submitted by the
provincial DVK board; the level that recognises also commends (§IV.4)."""

import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import DvkUnionCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestUnionAuthority(DvkUnionCommon):
    def _decision(self, records, level, authority, user=None, **kw):
        """The core's draft decision, written by the manager by default."""
        return super()._decision(
            records, level, authority, user or self.user_manager, **kw
        )

    def test_base_reach_recognised_by_base_union(self):
        """Rule: §IV.1 — a model whose influence stays within its base union
        is proposed at grassroots level and recognised by that base union,
        with a certificate of merit in the same act."""
        model = self._ready(self.base_group, "base")
        self.assertEqual(model.union_authority_id, self.base)
        model.with_user(self.user_officer).action_propose()
        self.assertEqual(model.proposal_level_id, self.level_grassroots)
        decision = self._decision(model, self.level_grassroots, self.base)
        decision.line_ids.award_form = "giay_khen"
        decision.action_confirm()
        self.assertEqual(model.state, "recognized")
        self.assertEqual(model.recognized_level_id, self.level_grassroots)

    def test_district_reach_recognised_by_district_federation(self):
        """Rule: §IV.2 — a district-wide model of a base union is recognised
        by its district federation directly (no grassroots step first), not
        by another unit of the same level."""
        model = self._ready(self.base, "district")
        self.assertEqual(model.union_authority_id, self.district)
        model.with_user(self.user_officer).action_propose()
        self.assertEqual(model.proposal_level_id, self.level_district)
        with self.assertRaises(UserError) as capture:
            self._decision(model, self.level_district, self.sector)
        self.assertIn(self.district.name, str(capture.exception))
        decision = self._decision(model, self.level_district, self.district)
        decision.action_confirm()
        self.assertEqual(model.recognized_level_id, self.level_district)

    def test_sector_reach_recognised_by_sector_union(self):
        """Rule: §IV.2 — for a base union under a sector union, the sector
        union recognises its district-wide (sector-wide) models."""
        model = self._ready(self.base3, "district")
        self.assertEqual(model.union_authority_id, self.sector)
        model.with_user(self.user_officer).action_propose()
        self._decision(model, self.level_district, self.sector).action_confirm()
        self.assertEqual(model.state, "recognized")

    def test_proposal_at_another_level_than_reach_refused(self):
        """Rule: §IV.4 — the level of the reach recognises: a base-reach
        model cannot be proposed at district level, naming who recognises it."""
        model = self._ready(self.base, "base")
        with self.assertRaises(UserError) as capture:
            model.with_user(self.user_officer).action_propose(self.level_district)
        self.assertIn(self.base.name, str(capture.exception))
        self.assertEqual(model.state, "approved")

    def test_proposal_without_reach_refused(self):
        """Rule: §IV — every union model states its reach before it is
        proposed."""
        model = self._ready(self.base, False)
        with self.assertRaises(UserError) as capture:
            model.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertIn("reach", str(capture.exception))

    def test_province_reach_by_people_committee_with_submission(self):
        """Rule: §IV.3 — a province-wide model is recognised by the provincial
        People's Committee, the provincial federation proposing and the
        provincial DVK board submitting: without the federation's submission
        letter and the board the decision is refused; with them it is issued."""
        model = self._ready(self.base, "province")
        self.assertEqual(model.union_authority_id, self.committee)
        model.with_user(self.user_officer).action_propose()
        self.assertEqual(model.proposal_level_id, self.level_province)
        with self.assertRaises(UserError) as capture:
            self._decision(model, self.level_province, self.province)
        self.assertIn(self.committee.name, str(capture.exception))
        decision = self._decision(model, self.level_province, self.committee)
        with self.assertRaises(UserError) as capture:
            decision.action_confirm()
        message = str(capture.exception)
        self.assertIn("submission letter", message)
        # The proposing federation and its board are those configured for
        # the People's Committee; the letter is the officer's to record.
        self.assertRecordValues(
            decision,
            [{"union_proposer_id": self.province.id, "union_board_id": self.board.id}],
        )
        decision.union_board_id = False
        with self.assertRaises(UserError) as capture:
            decision.action_confirm()
        self.assertIn(self.board.name, str(capture.exception))
        decision.write(
            {
                "union_proposer_id": self.province.id,
                "union_submission_ref": "45/TTr-LĐLĐ",
                "union_submission_date": datetime.date(2026, 9, 20),
                "union_board_id": self.board.id,
            }
        )
        self.assertTrue(decision.union_province_wide)
        decision.action_confirm()
        self.assertEqual(model.recognized_level_id, self.level_province)
        self.assertRecordValues(
            decision,
            [{"authority_department_id": self.committee.id, "state": "confirmed"}],
        )

    def test_second_commendation_refused_naming_first(self):
        """Rule: §IV.4 with the Law on Emulation and Commendation — a model
        commended by its base union cannot be commended a second time for the
        same year's achievement by another decision; the refusal names the
        first."""
        model = self._ready(self.base_group, "base")
        model.with_user(self.user_officer).action_propose()
        first = self._decision(model, self.level_grassroots, self.base)
        first.line_ids.award_form = "giay_khen"
        second = self._decision(model, self.level_grassroots, self.base)
        with self.assertRaises(ValidationError) as capture:
            second.line_ids.award_form = "bang_khen"
        self.assertIn(self.base.name, str(capture.exception))
        first.action_confirm()
        self.assertEqual(model.state, "recognized")

    def test_unit_kind_default_level(self):
        """Rule: §IV — union kinds fit onto the DVK levels: a base union
        recognises at grassroots, district and sector unions at district, the
        provincial federation at province."""
        from odoo.tests import Form

        with Form(self.env["hr.department"]) as form:
            form.name = "Công đoàn ngành Y tế"
            form.dvk_union_kind = "sector"
        self.assertEqual(form.record.dvk_level_id, self.level_district)
        self.assertEqual(self.base_group.dvk_union_unit_kind, "base")
