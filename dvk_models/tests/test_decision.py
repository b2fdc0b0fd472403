"""Recognition decisions (quyết định công nhận): gapless numbering drawn on
confirmation, the level ladder of seed 001 §3, read-only decided records,
cancellation, exemplars and copies."""

import datetime
import re
from contextlib import contextmanager

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import DvkCommon

D = datetime.date
DECISION_DATE = D(2026, 10, 10)


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDecision(DvkCommon):
    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @contextmanager
    def _assertRaisesExact(self, exception, text=None):
        """assertRaises (which rolls back to a savepoint) on exactly this class,
        with ``text`` in the message."""
        with self.assertRaises(exception) as capture:
            yield capture
        self.assertIs(type(capture.exception), exception)
        if text:
            self.assertIn(text, str(capture.exception))

    def _names(self, count):
        return [
            f"Dân vận khéo số {i} trong xây dựng nông thôn mới" for i in range(count)
        ]

    def _next_number(self, level, date=DECISION_DATE):
        """The number the gapless sequence of ``level`` will give next for
        ``date`` (1 when nothing was drawn yet that year)."""
        # no_gap sequences are bumped in SQL: read them fresh.
        self.env["ir.sequence"].invalidate_model()
        self.env["ir.sequence.date_range"].invalidate_model()
        sequence = self.env["ir.sequence"].search(
            [
                ("code", "=", f"dvk.decision.{level.code}"),
                ("company_id", "=", self.company.id),
            ],
            limit=1,
        )
        date_range = sequence.date_range_ids.filtered(
            lambda r: r.date_from <= date <= r.date_to
        )
        return date_range.number_next_actual if date_range else 1

    def _recognised(self, level=None, authority=None, **kw):
        """A model proposed at grassroots and recognised by a confirmed
        decision at ``level`` (after the lower levels, seed 001 §3)."""
        model = self._proposed(**kw)
        decision = self._decision(model)
        decision.action_confirm()
        if level and level != self.level_grassroots:
            model.with_user(self.user_officer).action_propose(level)
            decision = self._decision(model, level=level, authority=authority)
            decision.action_confirm()
        return model, decision

    def _district_model(self, **kw):
        """An approved model of the district itself (a unit at district
        level), registered by the district officer."""
        model = self._create_model(
            user=self.user_officer,
            department_id=self.district.id,
            level_id=self.level_district.id,
            **kw,
        )
        model.action_submit()
        model.with_user(self.user_district_head).action_approve()
        return model

    def _tracking(self, record, fname):
        return self.env["mail.tracking.value"].search(
            [
                ("field_id.model", "=", record._name),
                ("field_id.name", "=", fname),
                ("mail_message_id.model", "=", record._name),
                ("mail_message_id.res_id", "=", record.id),
            ]
        )

    # ------------------------------------------------------------------
    # Numbering
    # ------------------------------------------------------------------
    def test_number_drawn_on_confirm_only(self):
        """RELIABILITY A8 gapless numbering / DESIGN §3: a draft decision keeps
        "/"; the number is drawn on confirmation, formatted "NN/QĐ-<symbol of
        the issuing unit>", and cannot be set by hand."""
        model = self._proposed()
        decision = self._decision(model)
        self.assertRecordValues(decision, [{"name": "/", "state": "draft"}])
        decision.write({"signer_title": "TRƯỞNG BAN", "note": "<p>Căn cứ</p>"})
        self.assertEqual(decision.name, "/")
        with self._assertRaisesExact(UserError, "Confirm and Cancel buttons"):
            decision.write({"name": "99/QĐ-BCĐH"})
        with self._assertRaisesExact(UserError, "drawn when it is confirmed"):
            self.env["dvk.decision"].with_user(self.user_officer).create(
                {
                    "name": "99/QĐ-BCĐH",
                    "campaign_id": self.campaign.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.district.id,
                }
            )

        expected = self._next_number(self.level_grassroots)
        decision.action_confirm()
        self.assertRecordValues(
            decision,
            [{"name": f"{expected:02d}/QĐ-BCĐH", "state": "confirmed"}],
        )
        self.assertRegex(decision.name, r"^\d{2,}/QĐ-BCĐH$")
        self.assertEqual(model.state, "recognized")
        with self._assertRaisesExact(UserError, "has already been issued"):
            decision.action_confirm()

        # An issuing unit without a symbol of its own prints "BCĐ".
        other = self._proposed(name="Dân vận khéo trong xóa đói giảm nghèo")
        second = self._decision(other, authority=self.commune_other)
        second.action_confirm()
        self.assertEqual(second.name, f"{expected + 1:02d}/QĐ-BCĐ")

    def test_numbers_consecutive_without_gap(self):
        """RELIABILITY (b) 22: N decisions of the same company, level and year
        get consecutive numbers, with no gap after a draft is deleted or a
        confirmation fails."""
        models_ = self.env["dvk.model"]
        for name in self._names(4):
            models_ |= self._proposed(name=name)
        decisions = [self._decision(model) for model in models_]
        decisions[1].unlink()
        self.assertFalse(decisions[1].exists())
        empty = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.district.id,
                    "date": DECISION_DATE,
                }
            )
        )
        start = self._next_number(self.level_grassroots)
        with self._assertRaisesExact(UserError, "has no model or exemplar"):
            empty.action_confirm()
        self.assertEqual(empty.name, "/")

        numbers = []
        for decision in (decisions[0], decisions[2], decisions[3]):
            decision.action_confirm()
            numbers.append(int(decision.name.split("/")[0]))
        self.assertEqual(numbers, [start, start + 1, start + 2])
        self.assertEqual(self._next_number(self.level_grassroots), start + 3)

    def test_numbers_per_level(self):
        """RELIABILITY A8 / DESIGN §5: each level has its own number range (the
        unique key is company, level, year and number)."""
        grassroots_next = self._next_number(self.level_grassroots)
        district_next = self._next_number(self.level_district)
        model = self._district_model()
        self._self_assess(model)
        model.with_user(self.user_officer).action_propose(self.level_district)
        decision = self._decision(model, level=self.level_district)
        decision.action_confirm()
        self.assertEqual(decision.name, f"{district_next:02d}/QĐ-BCĐH")
        self.assertEqual(self._next_number(self.level_grassroots), grassroots_next)

    # ------------------------------------------------------------------
    # Levels (seed 001 §3)
    # ------------------------------------------------------------------
    def test_recognized_level_is_highest_reached(self):
        """DESIGN §5 recognized_level_id / seed 001 §3: the recognised level is
        the highest level among the confirmed decisions naming the model; it
        cannot be proposed again at a level already reached."""
        model, _decision = self._recognised()
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
        with self._assertRaisesExact(UserError, "already recognised at"):
            model.with_user(self.user_officer).action_propose(self.level_grassroots)
        model.with_user(self.user_officer).action_propose(self.level_district)
        self.assertRecordValues(
            model,
            [
                {
                    "state": "proposed",
                    "proposal_level_id": self.level_district.id,
                    "recognized_level_id": self.level_grassroots.id,
                }
            ],
        )
        self._decision(model, level=self.level_district).action_confirm()
        self.assertRecordValues(
            model,
            [{"state": "recognized", "recognized_level_id": self.level_district.id}],
        )
        self.assertEqual(len(model.decision_line_ids), 2)

    def test_district_requires_grassroots_first(self):
        """Seed 001 §3: a district model is chosen from grassroots models, so
        proposing a commune model at district before its grassroots
        recognition raises UserError."""
        model = self._approved()
        with self._assertRaisesExact(UserError, "must first be recognised at"):
            model.with_user(self.user_officer).action_propose(self.level_district)
        self.assertRecordValues(
            model, [{"state": "approved", "proposal_level_id": False}]
        )

    def test_province_requires_district_first(self):
        """Seed 001 §3: a provincial model is chosen from district-commended
        models; grassroots recognition alone is not enough."""
        model, _decision = self._recognised()
        with self._assertRaisesExact(UserError, "must first be recognised at"):
            model.with_user(self.user_officer).action_propose(self.level_province)
        self.assertEqual(model.state, "recognized")
        model.with_user(self.user_officer).action_propose(self.level_district)
        self._decision(model, level=self.level_district).action_confirm()
        model.with_user(self.user_officer).action_propose(self.level_province)
        self.assertRecordValues(
            model,
            [{"state": "proposed", "proposal_level_id": self.level_province.id}],
        )

    def test_district_unit_proposes_at_district_directly(self):
        """Seed 001 §3-4: the models of district bodies are registered with the
        district board, so a unit whose own level is district proposes at
        district without a grassroots recognition."""
        model = self._district_model()
        self.assertEqual(model.approver_id, self.user_district_head)
        self._self_assess(model)
        model.with_user(self.user_officer).action_propose()
        self.assertRecordValues(
            model,
            [{"state": "proposed", "proposal_level_id": self.level_district.id}],
        )
        self._decision(model, level=self.level_district).action_confirm()
        self.assertRecordValues(
            model,
            [{"state": "recognized", "recognized_level_id": self.level_district.id}],
        )
        # Its next step, province, still needs the district recognition it has.
        model.with_user(self.user_officer).action_propose(self.level_province)
        self.assertEqual(model.proposal_level_id, self.level_province)

    def test_line_must_match_level_and_campaign(self):
        """DESIGN §3 / §4 (no recognition without approval, no skipped
        states): a decision line names a record proposed at the decision's
        level in the decision's campaign; anything else raises
        ValidationError."""
        proposed = self._proposed()
        with self._assertRaisesExact(ValidationError, "not proposed for recognition"):
            self._decision(proposed, level=self.level_district)
        approved = self._approved(name="Dân vận khéo trong an sinh xã hội")
        with self._assertRaisesExact(ValidationError, "not proposed for recognition"):
            self._decision(approved)
        campaign_2027 = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo 2027", "year": 2027, "profile": "party"}
        )
        with self._assertRaisesExact(ValidationError, "another campaign"):
            self.env["dvk.decision"].with_user(self.user_officer).create(
                {
                    "campaign_id": campaign_2027.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.district.id,
                    "date": D(2027, 10, 10),
                    "line_ids": [Command.create({"model_id": proposed.id})],
                }
            )
        # Adding a line to a draft afterwards is checked the same way.
        decision = self._decision(proposed)
        with self._assertRaisesExact(ValidationError, "not proposed for recognition"):
            decision.write({"line_ids": [Command.create({"model_id": approved.id})]})
        self.assertEqual(decision.line_ids.model_id, proposed)

    def test_decision_date_not_before_campaign_year(self):
        """DESIGN §4 (dates outside the campaign): a decision of the 2026
        campaign cannot be dated in 2025."""
        model = self._proposed()
        decision = self._decision(model)
        with self._assertRaisesExact(ValidationError, "cannot be dated before"):
            decision.date = D(2025, 12, 31)

    # ------------------------------------------------------------------
    # Read-only once decided
    # ------------------------------------------------------------------
    def test_confirmed_decision_read_only(self):
        """DESIGN §3 / RELIABILITY (b) 15, A8: a confirmed decision and its lines
        cannot be changed or deleted (UserError); corrections go through a
        new decision."""
        model, decision = self._recognised()
        for user in (self.user_officer, self.user_manager):
            as_user = decision.with_user(user)
            for vals in (
                {"date": D(2026, 10, 11)},
                {"signer_title": "PHÓ TRƯỞNG BAN"},
                {"level_id": self.level_district.id},
                {"authority_department_id": self.commune.id},
            ):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self._assertRaisesExact(UserError, "can no longer be changed"),
                ):
                    as_user.write(vals)
            with self._assertRaisesExact(UserError, "cannot be deleted"):
                as_user.unlink()
            with self._assertRaisesExact(UserError, "cannot be changed"):
                as_user.line_ids.write({"note": "Sửa"})
            with self._assertRaisesExact(UserError, "cannot be changed"):
                as_user.line_ids.unlink()
        other = self._proposed(name="Dân vận khéo trong vận động hiến máu")
        with self._assertRaisesExact(UserError, "cannot be changed"):
            self.env["dvk.decision.line"].with_user(self.user_officer).create(
                {"decision_id": decision.id, "model_id": other.id}
            )
        decision.invalidate_recordset()
        self.assertRecordValues(
            decision,
            [{"state": "confirmed", "date": DECISION_DATE, "line_count": 1}],
        )
        self.assertEqual(model.state, "recognized")

    def test_recognized_model_read_only(self):
        """DESIGN §3 / RELIABILITY (b) 15: a recognised model is read-only for
        its registrant, the officer and the manager (UserError), and cannot
        be deleted."""
        model, _decision = self._recognised()
        for user in (self.user_staff, self.user_officer, self.user_manager):
            as_user = model.with_user(user)
            for vals in (
                {"name": "Tên đã sửa"},
                {"objective": "Mục tiêu mới"},
                {"field_id": self.field_vhxh.id},
                {"date_end": D(2026, 11, 30)},
                {"level_id": self.level_province.id},
                {"result_summary": "Kết quả viết lại sau khi công nhận"},
            ):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self._assertRaisesExact(UserError, "is recognised"),
                ):
                    as_user.write(vals)
            with self._assertRaisesExact(UserError, "workflow buttons"):
                as_user.write({"state": "approved"})
            with self._assertRaisesExact(UserError, "cannot be deleted"):
                as_user.unlink()
        model.invalidate_recordset()
        self.assertRecordValues(
            model,
            [
                {
                    "state": "recognized",
                    "name": "Dân vận khéo trong hiến đất làm đường",
                    "field_id": self.field_kt.id,
                }
            ],
        )

    # ------------------------------------------------------------------
    # Cancellation
    # ------------------------------------------------------------------
    def test_cancel_only_manager_with_reason(self):
        """DESIGN §3 (corrections through a new decision) / RELIABILITY (b) 16:
        only a DVK manager cancels an issued decision, with a reason; its
        models go back to proposed at its level and their recognised level is
        recomputed. Its number is not reused."""
        model, decision = self._recognised()
        number = decision.name
        with self._assertRaisesExact(UserError, "Only a DVK manager"):
            decision.with_user(self.user_officer).action_cancel(reason="Sai sót")
        for reason in (None, "", "  \n "):
            with self._assertRaisesExact(
                ValidationError, "reason for the cancellation"
            ):
                decision.with_user(self.user_manager).action_cancel(reason=reason)
        self.assertEqual(decision.state, "confirmed")

        action = decision.with_user(self.user_manager).action_cancel_wizard()
        wizard = (
            self.env["dvk.reason.wizard"]
            .with_user(self.user_manager)
            .browse(action["res_id"])
        )
        wizard.reason = "Ghi sai tên mô hình"
        wizard.action_confirm()
        self.assertRecordValues(
            decision,
            [
                {
                    "state": "cancelled",
                    "cancel_reason": "Ghi sai tên mô hình",
                    "name": number,
                }
            ],
        )
        self.assertRecordValues(
            model,
            [
                {
                    "state": "proposed",
                    "proposal_level_id": self.level_grassroots.id,
                    "recognized_level_id": False,
                }
            ],
        )
        with self._assertRaisesExact(UserError, "Only an issued decision"):
            decision.with_user(self.user_manager).action_cancel(reason="Lần nữa")

        # A new decision recognises the model again, with the next number.
        expected = self._next_number(self.level_grassroots)
        new = self._decision(model)
        new.action_confirm()
        self.assertEqual(new.name, f"{expected:02d}/QĐ-BCĐH")
        self.assertNotEqual(new.name, number)
        self.assertEqual(model.recognized_level_id, self.level_grassroots)

    def test_cancel_recomputes_to_lower_level(self):
        """DESIGN §5 recognized_level_id: cancelling the district decision of a
        model also recognised at grassroots brings it back to grassroots."""
        model, district_decision = self._recognised(level=self.level_district)
        self.assertEqual(model.recognized_level_id, self.level_district)
        district_decision.with_user(self.user_manager).action_cancel(
            reason="Chưa đủ hồ sơ"
        )
        self.assertRecordValues(
            model,
            [
                {
                    "state": "proposed",
                    "proposal_level_id": self.level_district.id,
                    "recognized_level_id": self.level_grassroots.id,
                }
            ],
        )

    def test_cancel_draft_refused(self):
        """RELIABILITY (b) 12: only an issued decision can be cancelled; a draft
        is deleted instead."""
        decision = self._decision(self._proposed())
        with self._assertRaisesExact(UserError, "Only an issued decision"):
            decision.with_user(self.user_manager).action_cancel(reason="Nhầm")
        decision.with_user(self.user_officer).unlink()
        self.assertFalse(decision.exists())

    def test_cancel_is_tracked(self):
        """DESIGN §4 / RELIABILITY (b) 23: the cancellation is tracked in the
        chatter: the decision's state, and the model's state and recognised
        level, each with old and new values; the reason is posted."""
        model, decision = self._recognised()
        tracked = self.env(
            context=dict(self.env.context, tracking_disable=False, mail_notrack=False)
        )
        self.env.flush_all()
        self.env.cr.flush()
        decision.with_env(tracked).with_user(self.user_manager).action_cancel(
            reason="Sai thẩm quyền ký"
        )
        self.env.flush_all()
        self.env.cr.flush()
        decision.invalidate_recordset(["message_ids"])
        model.invalidate_recordset(["message_ids"])

        state = self._tracking(decision, "state")
        self.assertEqual(len(state), 1)
        self.assertRecordValues(
            state, [{"old_value_char": "Confirmed", "new_value_char": "Cancelled"}]
        )
        self.assertEqual(len(self._tracking(decision, "cancel_reason")), 1)
        model_state = self._tracking(model, "state")
        self.assertEqual(len(model_state), 1)
        self.assertRecordValues(
            model_state,
            [{"old_value_char": "Recognised", "new_value_char": "Proposed"}],
        )
        level = self._tracking(model, "recognized_level_id")
        self.assertEqual(len(level), 1)
        self.assertRecordValues(
            level,
            [
                {
                    "old_value_integer": self.level_grassroots.id,
                    "new_value_integer": 0,
                }
            ],
        )
        bodies = " ".join(str(m.body) for m in model.message_ids)
        self.assertIn("cancelled", bodies)
        self.assertIn("Sai thẩm quyền ký", bodies)

    # ------------------------------------------------------------------
    # Exemplars, copies
    # ------------------------------------------------------------------
    def test_exemplar_recognised_by_decision(self):
        """Seed 002 exemplar criteria / DESIGN §3: an exemplar needs at least
        one recognised model; once proposed it is recognised by a confirmed
        decision like a model."""
        Exemplar = self.env["dvk.exemplar"].with_user(self.user_officer)
        model = self._approved()
        exemplar = Exemplar.create(
            {
                "campaign_id": self.campaign.id,
                "subject_type": "collective",
                "department_id": self.commune.id,
                "model_ids": [Command.set(model.ids)],
            }
        )
        self.assertFalse(exemplar.eligibility_ok)
        with self._assertRaisesExact(UserError, "is not eligible"):
            exemplar.action_propose(self.level_grassroots)

        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        self._decision(model).action_confirm()
        exemplar.invalidate_recordset(["eligibility_ok"])
        self.assertTrue(exemplar.eligibility_ok)
        self._self_assess(exemplar)
        exemplar.action_propose(self.level_grassroots)
        self.assertRecordValues(
            exemplar,
            [{"state": "proposed", "proposal_level_id": self.level_grassroots.id}],
        )
        expected = self._next_number(self.level_grassroots)
        decision = self._decision(exemplar)
        decision.action_confirm()
        self.assertEqual(decision.name, f"{expected:02d}/QĐ-BCĐH")
        self.assertEqual(decision.line_ids.exemplar_id, exemplar)
        self.assertRecordValues(
            exemplar,
            [
                {
                    "state": "recognized",
                    "recognized_level_id": self.level_grassroots.id,
                    "proposal_level_id": False,
                }
            ],
        )
        with self._assertRaisesExact(UserError, "is recognised"):
            exemplar.write({"achievement_summary": "<p>Sửa</p>"})

    def test_copy_model_is_fresh_draft(self):
        """RELIABILITY (b) 15, A8: copy() of a decided model gives a draft
        without approver, registration date, decision or lineage fields."""
        model, _decision = self._recognised()
        late = self._create_model(name="Dân vận khéo trong phòng chống lũ")
        with freeze_time("2026-05-05"):
            late.action_submit()
        for original in (model, late):
            with self.subTest(state=original.state):
                copy = original.copy()
                self.assertRecordValues(
                    copy,
                    [
                        {
                            "name": f"{original.name} (copy)",
                            "state": "draft",
                            "approver_id": False,
                            "approval_date": False,
                            "registration_date": False,
                            "is_supplementary": False,
                            "proposal_level_id": False,
                            "recognized_level_id": False,
                            "previous_id": False,
                            "refusal_reason": False,
                            "consecutive_years": 0,
                        }
                    ],
                )
                self.assertFalse(copy.activity_ids)
                self.assertFalse(copy.decision_line_ids)

    def test_copy_decision_is_fresh_draft(self):
        """RELIABILITY A8: copy() of a confirmed decision is a draft without
        number and without lines."""
        _model, decision = self._recognised()
        copy = decision.with_user(self.user_officer).copy()
        self.assertRecordValues(
            copy,
            [
                {
                    "name": "/",
                    "state": "draft",
                    "cancel_reason": False,
                    "line_count": 0,
                    "level_id": self.level_grassroots.id,
                }
            ],
        )
        self.assertTrue(re.match(r"^\d+/QĐ-BCĐH$", decision.name))
