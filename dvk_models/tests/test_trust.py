"""Guards that hold for any caller and any context: crafted RPC-style calls
(direct write/create, made-up context keys) get the same answer as the
buttons."""

from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import DvkCommon


@tagged("post_install", "-at_install")
class TestTrust(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr = new_test_user(
            cls.env,
            login="dvk_hr",
            groups="hr.group_hr_user,dvk_models.group_dvk_user",
            name="Ngô Văn Nhân Sự",
        )
        cls.user_officer2 = new_test_user(
            cls.env,
            login="dvk_off2",
            groups="dvk_models.group_dvk_officer",
            name="Lý Thị Khen",
        )
        cls.user_officer2.dvk_department_ids = cls.district

    # ------------------------------------------------------------------
    # 1. Context never grants rights
    # ------------------------------------------------------------------
    def test_context_key_does_not_score_automatic_criteria(self):
        """Automatic criteria are written only by the system's own refresh: a
        context key such as dvk_auto unlocks nothing for a user."""
        exemplar = self._exemplar()
        sheet = (
            self.env["dvk.score.sheet"]
            .with_user(self.user_staff)
            .create(
                {
                    "exemplar_id": exemplar.id,
                    "kind": "self",
                    "criteria_set_id": exemplar.criteria_set_id.id,
                }
            )
        )
        auto = sheet.line_ids.filtered("is_auto")
        self.assertTrue(auto, "the party exemplar set has automatic criteria")
        for ctx in ({"dvk_auto": True}, {}):
            with self.assertRaises(UserError):
                auto[0].with_user(self.user_staff).with_context(**ctx).write(
                    {"score": auto[0].max_score}
                )
        with self.assertRaises(UserError):
            auto[0].with_user(self.user_staff)._dvk_write_auto({"score": 0.0})

    def test_context_key_does_not_edit_used_criteria(self):
        """A criteria set used by a finished sheet is never edited in place,
        whatever context the caller sends (dvk_versioning unlocks nothing)."""
        model = self._approved()
        criteria_set = model.criteria_set_id
        self.assertTrue(criteria_set.in_use)
        criterion = criteria_set.criterion_ids[:1]
        for ctx in ({"dvk_versioning": True}, {}):
            with self.assertRaises(UserError):
                criterion.with_user(self.user_manager).with_context(**ctx).write(
                    {"max_score": 99}
                )
            with self.assertRaises(UserError):
                criteria_set.with_user(self.user_manager).with_context(**ctx).write(
                    {"drop_extremes": True}
                )

    def test_registrant_never_fills_council_sheet(self):
        """The registrant, a participant or the subject of a record can never
        fill a council sheet of it, even as a DVK manager."""
        model = self._create_model(user=self.user_manager)
        sheet = self.env["dvk.score.sheet"].create(
            {
                "model_id": model.id,
                "kind": "council",
                "criteria_set_id": model.criteria_set_id.id,
                "evaluator_id": self.user_officer2.id,
            }
        )
        manual = sheet.line_ids.filtered(lambda line: not line.is_auto)[:1]
        with self.assertRaises(UserError):
            manual.with_user(self.user_manager).write({"score": manual.max_score})
        with self.assertRaises(UserError):
            sheet.with_user(self.user_manager).write({"note": "x", "line_ids": []})
        with self.assertRaises(UserError):
            self.env["dvk.score.sheet"].with_user(self.user_manager).create(
                {
                    "model_id": model.id,
                    "kind": "council",
                    "criteria_set_id": model.criteria_set_id.id,
                    "evaluator_id": self.user_officer.id,
                }
            )
        # The evaluator, who has no stake in it, fills it.
        manual.with_user(self.user_officer2).write({"score": manual.max_score})
        self.assertEqual(manual.score, manual.max_score)

    # ------------------------------------------------------------------
    # 4. Criteria sets
    # ------------------------------------------------------------------
    def test_criteria_set_changed_only_by_manager_before_submission(self):
        """The criteria set follows profile and subject; only a DVK manager may
        change it, and never after submission."""
        model = self._create_model()
        default_set = model.criteria_set_id
        other = (
            self.env["dvk.criteria.set"]
            .browse(default_set.id)
            .copy({"code": "PARTY_MODEL_ALT", "active": False})
        )
        with self.assertRaises(UserError):
            model.with_user(self.user_staff).write({"criteria_set_id": other.id})
        with self.assertRaises(UserError):
            model.with_user(self.user_officer).write({"criteria_set_id": other.id})
        # A crafted create keeps the set of the profile and subject.
        crafted = self._create_model(
            name="Mô hình tự chọn bộ tiêu chí", criteria_set_id=other.id
        )
        self.assertEqual(crafted.criteria_set_id, default_set)
        model.with_user(self.user_manager).write({"criteria_set_id": other.id})
        self.assertEqual(model.criteria_set_id, other)
        model.with_user(self.user_staff).action_submit()
        with self.assertRaises(UserError):
            model.with_user(self.user_manager).write(
                {"criteria_set_id": default_set.id}
            )
        exemplar_set = self.env.ref("dvk_models.criteria_set_party_exemplar_collective")
        draft = self._create_model(name="Mô hình thứ ba")
        with self.assertRaises(ValidationError):
            draft.with_user(self.user_manager).write(
                {"criteria_set_id": exemplar_set.id}
            )

    def test_proposal_refused_without_criteria_set(self):
        """When no criteria set applies, the proposal is refused naming the
        missing configuration, never a silent pass."""
        self.env.ref("dvk_models.criteria_set_party_model").active = False
        model = self._approved()
        self.assertFalse(model.criteria_set_id)
        with self.assertRaisesRegex(UserError, "(?i)criteria set"):
            model.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertEqual(model.state, "approved")

    # ------------------------------------------------------------------
    # 5. Supplementary
    # ------------------------------------------------------------------
    def test_staff_cannot_mark_supplementary(self):
        """Supplementary (seed 000 §II.2) is the system's or an officer's
        judgement: staff cannot tick it, an officer of the unit can."""
        with self.assertRaises(UserError):
            self._create_model(is_supplementary=True)
        model = self._create_model()
        with self.assertRaises(UserError):
            model.with_user(self.user_staff).write({"is_supplementary": True})
        model.with_user(self.user_officer).write({"is_supplementary": True})
        self.assertTrue(model.is_supplementary)

    @freeze_time("2026-04-15")
    def test_late_submission_flagged(self):
        """A submission after the registration deadline is flagged
        supplementary by the system."""
        model = self._submitted()
        self.assertTrue(model.is_supplementary)

    @freeze_time("2026-11-20")
    def test_closed_campaign_accepts_only_officer(self):
        """A closed campaign accepts a supplementary registration only from an
        officer of the unit."""
        model = self._create_model()
        self.campaign.with_user(self.user_manager).action_close()
        with self.assertRaises(UserError):
            model.with_user(self.user_staff).action_submit()
        self.assertEqual(model.state, "draft")
        outsider = new_test_user(
            self.env, login="dvk_off_far", groups="dvk_models.group_dvk_officer"
        )
        outsider.dvk_department_ids = self.commune_other
        with self.assertRaises(UserError):
            model.with_user(outsider).action_submit()
        model.with_user(self.user_officer).action_submit()
        self.assertRecordValues(
            model, [{"state": "submitted", "is_supplementary": True}]
        )

    # ------------------------------------------------------------------
    # 6. Units
    # ------------------------------------------------------------------
    def test_unit_dvk_settings_need_dvk_rights(self):
        """The DVK settings of a unit are written by DVK managers, and by
        officers for units in their charge; HR rights alone are not enough."""
        for fname, value in (
            ("dvk_level_id", self.level_district.id),
            ("dvk_approver_id", self.user_staff.id),
            ("dvk_receiver_id", self.province.id),
            ("dvk_officer_ids", [(4, self.user_staff.id)]),
            ("dvk_decision_symbol", "X"),
            ("dvk_is_party_body", True),
        ):
            with self.assertRaises(AccessError):
                self.commune.with_user(self.user_hr).write({fname: value})
        self.assertEqual(self.commune.dvk_level_id, self.level_grassroots)
        # HR keeps its own fields.
        self.commune.with_user(self.user_hr).write({"name": "Đảng ủy xã Hòa Lợi"})
        # An officer for the units in charge, not above them.
        self.commune.with_user(self.user_officer).write({"dvk_decision_symbol": "Y"})
        self.assertEqual(self.commune.dvk_decision_symbol, "Y")
        with self.assertRaises(AccessError):
            self.province.with_user(self.user_officer).write(
                {"dvk_decision_symbol": "Z"}
            )
        self.province.with_user(self.user_manager).write({"dvk_decision_symbol": "Z"})
        self.assertEqual(self.province.dvk_decision_symbol, "Z")
        with self.assertRaises(AccessError):
            self.env["hr.department"].with_user(self.user_hr).create(
                {"name": "Đảng ủy xã Mới", "dvk_level_id": self.level_grassroots.id}
            )

    # ------------------------------------------------------------------
    # 8. Campaign
    # ------------------------------------------------------------------
    def test_opened_campaign_frozen(self):
        """Profile, year and company of an opened campaign are frozen."""
        self.assertEqual(self.campaign.state, "open")
        other_company = self.env["res.company"].create({"name": "Tỉnh khác"})
        for vals in (
            {"year": 2027},
            {"profile": "police"},
            {"company_id": other_company.id},
        ):
            if vals.get("profile") and not self.env["dvk.profile"]._by_code("police"):
                continue
            with self.assertRaises(UserError):
                self.campaign.with_user(self.user_manager).write(vals)
        self.assertEqual(self.campaign.year, 2026)
        # Writing the same value back, or another field, is harmless.
        self.campaign.with_user(self.user_manager).write({"year": 2026, "phase": "x"})
        draft = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo 2027", "year": 2027}
        )
        draft.with_user(self.user_manager).write({"year": 2028})
        self.assertEqual(draft.year, 2028)

    # ------------------------------------------------------------------
    # 9. Carry-over and renewal
    # ------------------------------------------------------------------
    def _next_campaign(self):
        campaign = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo 2027", "year": 2027}
        )
        campaign.action_open()
        return campaign

    def test_carry_over_keeps_registrant_and_runs_hook(self):
        """A carried-over model stays its registrant's (visible and theirs to
        edit), and reaches "approved" through the same after-transition hook
        as an approval."""
        model = self._approved()
        self._next_campaign()
        Model = type(self.env["dvk.model"])
        with patch.object(
            Model,
            "_dvk_after_transition",
            autospec=True,
            side_effect=lambda records, state: True,
        ) as hook:
            action = model.with_user(self.user_officer).action_carry_over()
        new = self.env["dvk.model"].browse(action["res_id"])
        self.assertEqual(new.registrant_id, self.user_staff)
        self.assertIn(new, self.env["dvk.model"].with_user(self.user_staff).search([]))
        self.assertIn(
            ([new.id], "approved"),
            [(call.args[0].ids, call.args[1]) for call in hook.call_args_list],
        )

    def test_renewal_by_officer_keeps_registrant(self):
        """A renewal made by an officer stays the registrant's."""
        model, _decision = self._recognised_at_grassroots()
        self._next_campaign()
        action = model.with_user(self.user_officer).action_renew()
        new = self.env["dvk.model"].browse(action["res_id"])
        self.assertEqual(new.registrant_id, self.user_staff)
        new.with_user(self.user_staff).write({"objective": "Tiếp tục"})

    def test_registrant_is_protected(self):
        """Nobody writes the registrant by hand, on create or write."""
        with self.assertRaises(UserError):
            self._create_model(registrant_id=self.user_staff2.id)
        model = self._create_model()
        with self.assertRaises(UserError):
            model.with_user(self.user_staff).write(
                {"registrant_id": self.user_staff2.id}
            )

    # ------------------------------------------------------------------
    # 10. Record rules
    # ------------------------------------------------------------------
    def test_registrant_cannot_delete_council_sheet(self):
        """Registrants neither read nor delete the council's sheets of their
        records (the council's working papers)."""
        model = self._create_model()
        sheet = (
            self.env["dvk.score.sheet"]
            .with_user(self.user_officer)
            .create(
                {
                    "model_id": model.id,
                    "kind": "council",
                    "criteria_set_id": model.criteria_set_id.id,
                }
            )
        )
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_staff).read(["total"])
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_staff).unlink()
        self.assertTrue(sheet.exists())

    def test_candidate_lines_private(self):
        """Candidate lines quote people's records: another officer cannot read
        the lines of someone else's search."""
        wizard = (
            self.env["dvk.candidate.wizard"]
            .with_user(self.user_officer)
            .create(
                {"campaign_id": self.campaign.id, "department_id": self.district.id}
            )
        )
        line = (
            self.env["dvk.candidate.wizard.line"]
            .with_user(self.user_officer)
            .create(
                {
                    "wizard_id": wizard.id,
                    "employee_id": self.emp_staff.id,
                    "reason": "Bị kỷ luật khiển trách",
                }
            )
        )
        line.with_user(self.user_officer).read(["reason"])
        with self.assertRaises(AccessError):
            line.with_user(self.user_officer2).read(["reason"])

    # ------------------------------------------------------------------
    # Notifications follow each user's preference
    # ------------------------------------------------------------------
    def test_notification_follows_preference(self):
        """The registrant told of an approval gets it the way they chose:
        an email when they chose email, the Odoo inbox otherwise."""
        self.user_staff.partner_id.email = "dan@example.com"
        self.user_staff.notification_type = "email"
        self.user_staff2.notification_type = "inbox"
        by_email = self._submitted()
        in_inbox = self._create_model(
            user=self.user_staff2, name="Dân vận khéo trong vệ sinh môi trường"
        )
        in_inbox.with_user(self.user_staff2).action_submit()
        (by_email | in_inbox).with_user(self.user_approver).action_approve()
        Notification = self.env["mail.notification"]
        mail_notif = Notification.search(
            [
                ("mail_message_id.model", "=", "dvk.model"),
                ("mail_message_id.res_id", "=", by_email.id),
                ("res_partner_id", "=", self.user_staff.partner_id.id),
            ]
        )
        self.assertEqual(mail_notif.mapped("notification_type"), ["email"])
        self.assertTrue(mail_notif.mail_mail_id)
        inbox_notif = Notification.search(
            [
                ("mail_message_id.model", "=", "dvk.model"),
                ("mail_message_id.res_id", "=", in_inbox.id),
                ("res_partner_id", "=", self.user_staff2.partner_id.id),
            ]
        )
        self.assertEqual(inbox_notif.mapped("notification_type"), ["inbox"])
        self.assertFalse(inbox_notif.is_read)

    # ------------------------------------------------------------------
    # 7. State follows the level
    # ------------------------------------------------------------------
    def _recognised_at_grassroots(self):
        model = self._proposed()
        decision = self._decision(model)
        decision.action_confirm()
        return model, decision

    @freeze_time("2026-02-10")
    def test_recognised_model_stays_recognised_while_proposed_higher(self):
        """Seed 001 §3: a model recognised at grassroots and proposed at
        district stays recognised while the district proposal runs: locked,
        counted in consecutive years and among the recognised models of the
        year; the district decision finds it as a proposal at its level."""
        model, _grassroots = self._recognised_at_grassroots()
        model.with_user(self.user_officer).action_propose(self.level_district)
        self.assertRecordValues(
            model,
            [
                {
                    "state": "recognized",
                    "recognized_level_id": self.level_grassroots.id,
                    "proposal_level_id": self.level_district.id,
                    "consecutive_years": 1,
                }
            ],
        )
        with self.assertRaisesRegex(UserError, "is recognised"):
            model.with_user(self.user_staff).write({"objective": "Sửa sau"})
        with self.assertRaisesRegex(UserError, "already proposed at"):
            model.with_user(self.user_officer).action_propose(self.level_district)
        self.assertIn(
            model,
            self.env["dvk.model"].search(
                [("year", "=", 2026), ("recognized_level_id", "!=", False)]
            ),
        )
        district = self._decision(self.env["dvk.model"], level=self.level_district)
        district.action_add_proposed()
        self.assertEqual(district.line_ids.model_id, model)
        district.action_confirm()
        self.assertRecordValues(
            model,
            [
                {
                    "state": "recognized",
                    "recognized_level_id": self.level_district.id,
                    "proposal_level_id": False,
                }
            ],
        )

    @freeze_time("2026-02-10")
    def test_withdrawn_higher_proposal_keeps_recognition(self):
        """Seed 001 §3: withdrawing the district proposal of a model
        recognised at grassroots leaves it recognised at grassroots."""
        model, _grassroots = self._recognised_at_grassroots()
        model.with_user(self.user_officer).action_propose(self.level_district)
        model.with_user(self.user_officer).action_withdraw_proposal()
        self.assertRecordValues(
            model,
            [
                {
                    "state": "recognized",
                    "recognized_level_id": self.level_grassroots.id,
                    "proposal_level_id": False,
                }
            ],
        )
        with self.assertRaisesRegex(UserError, "no proposal to withdraw"):
            model.with_user(self.user_officer).action_withdraw_proposal()

    @freeze_time("2026-02-10")
    def test_cancel_restores_what_remaining_decisions_say(self):
        """Cancelling a decision restores each line to what the remaining
        confirmed decisions say, never below a recognition it still has:
        the grassroots decision cancelled while the district one stands keeps
        the model recognised at district; the district one cancelled brings it
        back to grassroots with its district proposal open again; with no
        decision left it is proposed at the cancelled level."""
        model, grassroots = self._recognised_at_grassroots()
        model.with_user(self.user_officer).action_propose(self.level_district)
        district = self._decision(model, level=self.level_district)
        district.action_confirm()

        grassroots.with_user(self.user_manager).action_cancel(reason="Sai số")
        self.assertRecordValues(
            model,
            [
                {
                    "state": "recognized",
                    "recognized_level_id": self.level_district.id,
                    "proposal_level_id": False,
                    "consecutive_years": 1,
                }
            ],
        )
        district.with_user(self.user_manager).action_cancel(reason="Sai cấp")
        self.assertRecordValues(
            model,
            [
                {
                    "state": "proposed",
                    "recognized_level_id": False,
                    "proposal_level_id": self.level_district.id,
                    "consecutive_years": 0,
                }
            ],
        )

    @freeze_time("2026-02-10")
    def test_cancel_higher_decision_reopens_its_proposal(self):
        """Cancelling the district decision of a model still recognised at
        grassroots: it stays recognised at grassroots (locked, counted) and
        its district proposal is open again for a new decision."""
        model, _grassroots = self._recognised_at_grassroots()
        model.with_user(self.user_officer).action_propose(self.level_district)
        district = self._decision(model, level=self.level_district)
        district.action_confirm()
        district.with_user(self.user_manager).action_cancel(reason="Sai cấp")
        self.assertRecordValues(
            model,
            [
                {
                    "state": "recognized",
                    "recognized_level_id": self.level_grassroots.id,
                    "proposal_level_id": self.level_district.id,
                    "consecutive_years": 1,
                }
            ],
        )
        again = self._decision(model, level=self.level_district)
        again.action_confirm()
        self.assertEqual(model.recognized_level_id, self.level_district)
