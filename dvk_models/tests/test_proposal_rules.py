"""Issue 24 items 1, 3 and 11: a proposal needs a passing self-assessment
(seed 001 §3); the deadlines govern the levels they name and a decision is
judged against the recognition deadline by its own date (seed 001 §4); a
registration states what its guidance's form names before it is submitted
(seed 001 §3-4, Mẫu 1; seed 000 §II.1)."""

import datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import DvkCommon, run_migration

D = datetime.date


@tagged("post_install", "-at_install")
class TestProposalRules(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.party_set = cls.env.ref("dvk_models.criteria_set_party_model")

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _approved_unassessed(self, **kw):
        model = self._submitted(**kw)
        model.with_user(self.user_approver).action_approve()
        return model

    def _sheet(self, record, scores, evaluator, kind="self"):
        """A finished sheet of ``record`` by ``evaluator``: ``scores`` maps
        the party criteria codes to scores (every other manual one at 10)."""
        # sudo: test fixture set-up, not the behaviour under test
        Sheet = self.env["dvk.score.sheet"].sudo()
        sheet = Sheet.create(
            {
                "model_id": record.id,
                "kind": kind,
                "criteria_set_id": record.criteria_set_id.id,
                "evaluator_id": evaluator.id,
            }
        )
        for line in sheet.line_ids.filtered(lambda line: not line.is_auto):
            line.score = scores.get(line.code, 10)
        sheet.write({"state": "done"})
        return sheet

    def _scores(self, default, **overrides):
        codes = self.party_set.criterion_ids.filtered(
            lambda c: c.check == "manual"
        ).mapped("code")
        return dict(dict.fromkeys(codes, default), **overrides)

    def _recognise(self, model, level, date):
        """Propose ``model`` at ``level`` and recognise it there by a
        decision dated ``date``."""
        if model.proposal_level_id != level:
            model.with_user(self.user_officer).action_propose(level)
        decision = self._decision(model, level=level, date=date)
        decision.with_user(decision.create_uid).action_confirm()
        return decision

    # ------------------------------------------------------------------
    # Item 1: the self-assessment must pass (seed 001 §3)
    # ------------------------------------------------------------------
    def test_self_assessment_at_the_pass_mark(self):
        """Seed 001 §3 ("Mô hình các cấp phải đảm bảo các tiêu chí theo bản tự
        đánh giá, chấm điểm"): a latest self-assessment scoring exactly the
        pass mark (50% of the party set, its lowest passing band) lets the
        model be proposed; one point below (49%), in the failing band, it is
        refused with the score and the pass mark, the model stays approved."""
        self.assertEqual(self.party_set._dvk_pass_mark(), 50.0)
        at_mark = self._approved_unassessed()
        sheet = self._sheet(at_mark, self._scores(5), self.user_staff)
        self.assertEqual(sheet.percent, 50.0)
        self.assertTrue(at_mark.self_passed)
        at_mark.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertEqual(at_mark.state, "proposed")

        below = self._approved_unassessed(name="Dân vận khéo trong hiến máu")
        sheet = self._sheet(below, self._scores(5, C10=4), self.user_staff)
        self.assertEqual(sheet.percent, 49.0)
        self.assertTrue(sheet.mandatory_ok)
        self.assertTrue(below.self_assessed)
        self.assertFalse(below.self_passed)
        with self.assertRaises(UserError) as capture:
            below.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertIn("49%", str(capture.exception))
        self.assertIn("50%", str(capture.exception))
        self.assertEqual(below.state, "approved")

    def test_older_passing_sheet_does_not_save_a_newer_failing_one(self):
        """Seed 001 §3: the proposal reads the LATEST finished
        self-assessment; an older sheet at 100% does not save a newer one in
        the failing band (36%, every knock-out criterion met)."""
        model = self._approved_unassessed()
        self._sheet(model, self._scores(10), self.user_staff)
        self.assertTrue(model.self_passed)
        newer = self._sheet(
            model, self._scores(3, C01=5, C02=5, C03=5), self.user_approver
        )
        self.assertTrue(newer.mandatory_ok)
        self.assertEqual(model._dvk_self_sheet().id, newer.id)
        self.assertFalse(model.self_passed)
        with self.assertRaises(UserError) as capture:
            model.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertIn("36%", str(capture.exception))
        self.assertEqual(model.state, "approved")

    def test_council_result_must_pass_where_the_profile_has_a_council(self):
        """Seed 001 §3 through the profile's council: where the profile has a
        council judge a level (``council_level_ids``), a record is recognised
        there only when the council's aggregated score passes: at 49% the
        decision is refused, at the pass mark (50%) it is issued; at a level
        without council the council plays no part."""
        profile = self.campaign.profile_id
        profile.council_level_ids = self.level_grassroots
        model = self._approved()
        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        decision = self._decision(model, date=D(2026, 10, 10))
        with self.assertRaises(UserError):
            decision.with_user(self.user_officer).action_confirm()
        self._sheet(model, self._scores(5, C10=4), self.user_officer, kind="council")
        self.assertEqual(model.council_score, 49.0)
        with self.assertRaises(UserError) as capture:
            decision.with_user(self.user_officer).action_confirm()
        self.assertIn("49%", str(capture.exception))
        self.assertEqual(decision.state, "draft")
        self._sheet(model, self._scores(5, C10=6), self.user_manager, kind="council")
        self.assertEqual(model.council_score, 50.0)
        decision.with_user(self.user_officer).action_confirm()
        self.assertEqual(model.state, "recognized")

        profile.council_level_ids = self.level_province
        other = self._approved(name="Dân vận khéo trong hiến máu")
        self._recognise(other, self.level_grassroots, D(2026, 10, 10))
        self.assertEqual(other.state, "recognized")

    # ------------------------------------------------------------------
    # Item 3: deadlines govern the levels they name (seed 001 §4)
    # ------------------------------------------------------------------
    def test_province_deadline_binds_province_proposals_only(self):
        """Seed 001 §4: "Đối với nội dung đề nghị công nhận mô hình cấp tỉnh
        ... trước ngày 01/10": the party profile's proposal deadline names the
        province level; on 1/10 a proposal at district level goes through,
        one at province level is refused (on 30/9 it went through)."""
        rule = self.env.ref("dvk_models.dvk_profile_party_rule_proposal")
        self.assertEqual(rule.level_ids, self.level_province)
        line = self.campaign.deadline_ids.filtered(lambda d: d.kind == "proposal")
        self.assertEqual(line.level_ids, self.level_province)
        self.assertEqual(line.date, D(2026, 9, 30))

        late = self._approved()
        on_time = self._approved(name="Dân vận khéo trong hiến máu")
        for model in late | on_time:
            self._recognise(model, self.level_grassroots, D(2026, 9, 1))
        with freeze_time("2026-09-30"):
            self._recognise(on_time, self.level_district, D(2026, 9, 30))
            on_time.with_user(self.user_officer).action_propose(self.level_province)
        self.assertEqual(on_time.proposal_level_id, self.level_province)
        with freeze_time("2026-10-01"):
            # District level: no deadline names it before recognition.
            late.with_user(self.user_officer).action_propose(self.level_district)
            self.assertEqual(late.proposal_level_id, self.level_district)
            decision = self._decision(late, level=self.level_district)
            decision.with_user(self.user_officer).action_confirm()
            self.assertFalse(late.with_user(self.user_officer).dvk_can_propose)
            with self.assertRaises(UserError) as capture:
                late.with_user(self.user_officer).action_propose(self.level_province)
            self.assertIn("30/09/2026", str(capture.exception))
        self.assertFalse(late.proposal_level_id)

    def test_police_and_union_keep_their_own_calendar(self):
        """Seeds 002 and 004: the police guidance sets no date, the union's
        only its registration dates (§V); neither borrows seed 001's 30/9 and
        14/10, so a campaign of theirs has no proposal or recognition line."""
        police = self.env["dvk.profile"]._by_code("police")
        union = self.env["dvk.profile"]._by_code("union")
        if not police or not union:
            self.skipTest("the police and union addons are not installed")
        self.assertFalse(police.deadline_rule_ids)
        self.assertFalse(
            union.deadline_rule_ids.filtered(
                lambda r: r.kind in ("proposal", "recognition")
            )
        )
        for profile in (police, union):
            campaign = self.env["dvk.campaign"].create(
                {
                    "name": f"{profile.code} 2027",
                    "year": 2027,
                    "profile_id": profile.id,
                    "date_start": D(2027, 1, 1),
                    "date_end": D(2027, 12, 31),
                }
            )
            self.assertFalse(campaign.proposal_deadline)
            self.assertFalse(campaign.recognition_deadline)

    # ------------------------------------------------------------------
    # Item 11: a decision after the recognition deadline is flagged
    # ------------------------------------------------------------------
    def test_decision_after_the_recognition_deadline(self):
        """Seed 001 §4 (recognition before 15/10): the deadline is read
        against the decision's own date. Dated the deadline day (14/10) the
        decision is not flagged; dated the day after it may still be issued,
        the draft warns the officer, the issued decision records it and the
        campaign's dashboard counts it."""
        on_day = self._proposed()
        late = self._proposed(name="Dân vận khéo trong hiến máu")
        with freeze_time("2026-10-20"):
            first = self._decision(on_day, date=D(2026, 10, 14))
            self.assertFalse(first.after_recognition_deadline)
            self.assertFalse(first.deadline_note)
            second = self._decision(late, date=D(2026, 10, 15))
            self.assertTrue(second.after_recognition_deadline)
            self.assertEqual(second.recognition_deadline, D(2026, 10, 14))
            self.assertIn("14/10/2026", second.deadline_note)
            (first | second).with_user(self.user_officer).action_confirm()
        self.assertEqual(second.state, "confirmed")
        self.assertTrue(second.after_recognition_deadline)
        self.assertIn("14/10/2026", second.deadline_note)
        self.assertFalse(first.after_recognition_deadline)
        campaign = self.campaign.with_user(self.user_officer)
        self.assertEqual(campaign.dash_late_decision_count, 1)
        action = campaign.action_dash_late_decisions()
        self.assertEqual(self.env["dvk.decision"].search(action["domain"]), second)

    # ------------------------------------------------------------------
    # Item 11: what a registration states before submission
    # ------------------------------------------------------------------
    def test_registration_states_its_plan_before_submission(self):
        """Seed 001 §3-4 (Mẫu 1): a draft is saved without scope, objectives,
        timeline or expected result; its submission is refused listing the
        missing fields by their labels, and goes through once filled."""
        model = self._create_model(
            area=False,
            objective=False,
            date_start=False,
            date_end=False,
            expected_result="  ",
        )
        self.assertEqual(model.state, "draft")
        with self.assertRaises(UserError) as capture:
            model.with_context(lang="en_US").action_submit()
        message = str(capture.exception)
        for label in ("Scope and Address", "Objective", "Start", "End"):
            self.assertIn(label, message)
        self.assertIn("Expected Result", message)
        self.assertEqual(model.state, "draft")
        model.write(
            {
                "area": "Ấp Hòa Lợi",
                "objective": "Vận động nhân dân hiến đất",
                "date_start": D(2026, 2, 1),
                "date_end": D(2026, 11, 30),
                "expected_result": "2 km đường bê tông",
            }
        )
        model.action_submit()
        self.assertEqual(model.state, "submitted")

    def test_monitoring_officer_where_the_profile_requires_one(self):
        """Seed 000 §II.1 step 2 ("phân công cán bộ theo dõi, hướng dẫn"):
        under a profile that requires a monitoring officer (the Party bloc's),
        a model without one is not proposed; with one it is. The party
        profile of seed 001 requires none."""
        bloc = self.env.ref("dvk_models.dvk_profile_party_bloc")
        self.assertTrue(bloc.monitor_required)
        self.assertFalse(self.campaign.profile_id.monitor_required)
        free = self._approved()
        free.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertEqual(free.state, "proposed")

        self.campaign.profile_id.monitor_required = True
        model = self._approved(name="Dân vận khéo trong hiến máu")
        with self.assertRaises(UserError):
            model.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertEqual(model.state, "approved")
        model.with_user(self.user_officer).monitor_id = self.emp_approver
        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertEqual(model.state, "proposed")

    def test_migration_writes_the_new_profile_data(self):
        """Issue 24 on existing databases (profiles loaded once, noupdate):
        the migration of 19.0.1.10.0 gives the party's proposal rule and the
        campaign lines made from it the province level (seed 001 §4), the
        fields its registrations state (Mẫu 1) and the Party bloc's
        monitoring officer (seed 000 §II.1 step 2)."""
        party = self.env.ref("dvk_models.dvk_profile_party")
        bloc = self.env.ref("dvk_models.dvk_profile_party_bloc")
        rule = self.env.ref("dvk_models.dvk_profile_party_rule_proposal")
        line = self.campaign.deadline_ids.filtered(lambda d: d.kind == "proposal")
        rule.level_ids = False
        line.level_ids = False
        (party | bloc).registration_field_ids = False
        bloc.monitor_required = False
        run_migration(
            "dvk_models",
            "19.0.1.10.0",
            "post-24-deadlines-registration",
            self.env.cr,
            "19.0.1.9.0",
        )
        self.env.invalidate_all()
        self.assertEqual(rule.level_ids, self.level_province)
        self.assertEqual(line.level_ids, self.level_province)
        self.assertEqual(
            sorted(party.registration_field_ids.mapped("name")),
            ["area", "date_end", "date_start", "expected_result", "objective"],
        )
        self.assertEqual(bloc.registration_field_ids.mapped("name"), ["area"])
        self.assertTrue(bloc.monitor_required)
