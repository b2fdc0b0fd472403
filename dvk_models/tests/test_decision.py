"""Recognition decisions (quyết định công nhận): gapless numbering drawn on
confirmation per issuing unit and year, issued by a unit of the decision's
level, the level ladder of seed 001 §3, lines changed only on drafts,
read-only decided records, cancellation, exemplars and copies."""

import datetime
import re
from contextlib import contextmanager

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

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

    def _counter(self, authority, year=DECISION_DATE.year):
        # The counter is bumped in SQL: read it fresh.
        self.env["dvk.decision.counter"].invalidate_model()
        return self.env["dvk.decision.counter"].search(
            [("authority_department_id", "=", authority.id), ("year", "=", year)]
        )

    def _next_number(self, authority, year=DECISION_DATE.year):
        """The number ``authority`` gives its next decision dated in ``year``
        (1 when it issued none yet that year)."""
        return self._counter(authority, year).last + 1

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
        """RELIABILITY A8 gapless numbering / DESIGN §3: a draft decision has
        no number (never a "/"); the number is drawn on confirmation,
        formatted "NN/QĐ-<symbol of the issuing unit>", and cannot be set by
        hand."""
        model = self._proposed()
        decision = self._decision(model)
        self.assertRecordValues(decision, [{"name": False, "state": "draft"}])
        decision.write({"signer_title": "TRƯỞNG BAN", "note": "<p>Căn cứ</p>"})
        self.assertFalse(decision.name)
        with self._assertRaisesExact(UserError, "Confirm and Cancel buttons"):
            decision.write({"name": "99/QĐ-BCĐH"})
        with self._assertRaisesExact(UserError, "drawn when it is confirmed"):
            self.env["dvk.decision"].with_user(self.user_officer).create(
                {
                    "name": "99/QĐ-BCĐH",
                    "campaign_id": self.campaign.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.commune.id,
                }
            )
        self.assertFalse(self._counter(self.commune), "nothing drawn on draft")

        decision.action_confirm()
        self.assertRecordValues(
            decision,
            [{"name": "01/QĐ-BCĐX", "state": "confirmed", "sequence_number": 1}],
        )
        self.assertEqual(model.state, "recognized")
        with self._assertRaisesExact(UserError, "has already been issued"):
            decision.action_confirm()

        # An issuing unit without a symbol of its own is asked for it, never
        # given another body's; it numbers its own decisions from 01.
        self.commune_other.dvk_decision_symbol = False
        other = self._proposed(name="Dân vận khéo trong xóa đói giảm nghèo")
        second = self._decision(other, authority=self.commune_other)
        with self._assertRaisesExact(UserError, "no decision symbol"):
            second.action_confirm()
        self.commune_other.dvk_decision_symbol = "ĐU"
        second.action_confirm()
        self.assertEqual(second.name, "01/QĐ-ĐU")

    def test_numbers_consecutive_without_gap(self):
        """RELIABILITY (b) 22: N decisions of the same issuing unit and year
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
                    "authority_department_id": self.commune.id,
                    "date": DECISION_DATE,
                }
            )
        )
        start = self._next_number(self.commune)
        with self._assertRaisesExact(UserError, "has no model or exemplar"):
            empty.action_confirm()
        self.assertFalse(empty.name)

        numbers = []
        for decision in (decisions[0], decisions[2], decisions[3]):
            decision.action_confirm()
            numbers.append(int(decision.name.split("/")[0]))
        self.assertEqual(numbers, [1, 2, 3])
        self.assertEqual(start, 1)
        self.assertEqual(self._next_number(self.commune), 4)

    def test_numbers_per_issuing_unit(self):
        """Decree 30/2020/NĐ-CP, DESIGN §3: each issuing unit numbers its own
        decisions from 01 (the unique key is issuing unit, year and number),
        whatever the numbers other units gave."""
        grassroots = self._decision(self._proposed())
        grassroots.action_confirm()
        model = self._district_model()
        self._self_assess(model)
        model.with_user(self.user_officer).action_propose(self.level_district)
        decision = self._decision(model, level=self.level_district)
        decision.action_confirm()
        self.assertEqual(grassroots.name, "01/QĐ-BCĐX")
        self.assertEqual(decision.name, "01/QĐ-BCĐH")
        self.assertEqual(self._next_number(self.commune), 2)
        self.assertEqual(self._next_number(self.district), 2)

    def test_numbers_restart_with_the_date_year(self):
        """Decree 30/2020/NĐ-CP: numbers restart at 01 with the calendar year
        of the decision's date, not the campaign's year: a decision of the
        2026 campaign dated January 2027 is 01 of 2027."""
        first = self._decision(self._proposed())
        first.action_confirm()
        late = self._decision(
            self._proposed(name="Dân vận khéo trong giữ gìn vệ sinh môi trường")
        )
        late.date = D(2027, 1, 5)
        late.action_confirm()
        self.assertEqual((first.name, late.name), ("01/QĐ-BCĐX", "01/QĐ-BCĐX"))
        self.assertRecordValues(
            first | late,
            [
                {"number_year": 2026, "sequence_number": 1, "year": 2026},
                {"number_year": 2027, "sequence_number": 1, "year": 2026},
            ],
        )
        self.assertEqual(self._next_number(self.commune, 2026), 2)
        self.assertEqual(self._next_number(self.commune, 2027), 2)

    def test_number_format_party_and_state_bodies(self):
        """Guidance 36-HD/VPTW and Decree 30/2020/NĐ-CP: a Party body numbers
        "01-QĐ/ĐU" (hyphen before the type, slash before the body), a state
        body "01/QĐ-UBND"; numbers below 10 take a leading zero."""
        self.commune.write({"dvk_is_party_body": True, "dvk_decision_symbol": "ĐU"})
        self.commune_other.dvk_decision_symbol = "UBND"
        party = self._decision(self._proposed())
        state = self._decision(
            self._proposed(name="Dân vận khéo trong cải cách hành chính"),
            authority=self.commune_other,
        )
        (party | state).action_confirm()
        self.assertEqual((party.name, state.name), ("01-QĐ/ĐU", "01/QĐ-UBND"))
        self.assertEqual(party._format_number(12), "12-QĐ/ĐU")
        self.assertEqual(state._format_number(12), "12/QĐ-UBND")

    def test_counter_readable_by_managers_only(self):
        """RELIABILITY (b) 1, A8: the number counters are configuration that
        managers read; nobody writes them except the draw on confirmation
        (AccessError for officers, and for managers' writes)."""
        self._decision(self._proposed()).action_confirm()
        counter = self._counter(self.commune)
        self.assertEqual(counter.last, 1)
        Counter = self.env["dvk.decision.counter"]
        self.assertEqual(
            Counter.with_user(self.user_manager).search_count(
                [("id", "=", counter.id)]
            ),
            1,
        )
        with self.assertRaises(AccessError):
            Counter.with_user(self.user_officer).search([])
        with self.assertRaises(AccessError):
            counter.with_user(self.user_manager).write({"last": 0})
        with self.assertRaises(AccessError):
            Counter.with_user(self.user_manager).create(
                {"authority_department_id": self.commune.id, "year": 2030, "last": 5}
            )
        self.assertEqual(self._counter(self.commune).last, 1)

    # ------------------------------------------------------------------
    # Issuing unit (seed 001 §3, seed 003 Đ7.2)
    # ------------------------------------------------------------------
    def test_issued_by_unit_of_its_level(self):
        """Seed 001 §3, seed 003 Đ7.2: a decision at a level is issued by a
        unit of that level: a commune cannot issue a district decision, nor
        the district a grassroots one, nor a unit without level any; even
        the superuser gets ValidationError naming the unit and the level."""
        Decision = self.env["dvk.decision"]
        base = {"campaign_id": self.campaign.id, "date": DECISION_DATE}
        for user, env_decision in (
            (self.user_officer, Decision.with_user(self.user_officer)),
            ("superuser", Decision),
        ):
            for unit, level, text in (
                (self.commune, self.level_district, "Đảng ủy xã Hòa Lợi"),
                (self.district, self.level_grassroots, "Huyện ủy Châu Thành"),
            ):
                with (
                    self.subTest(user=str(user), unit=unit.name),
                    self._assertRaisesExact(ValidationError, text) as capture,
                ):
                    env_decision.create(
                        dict(
                            base,
                            level_id=level.id,
                            authority_department_id=unit.id,
                        )
                    )
                self.assertIn(level.name, str(capture.exception))
        self.district.dvk_level_id = False
        with self._assertRaisesExact(ValidationError, "has no DVK level"):
            Decision.create(
                dict(
                    base,
                    level_id=self.level_district.id,
                    authority_department_id=self.district.id,
                )
            )
        self.district.dvk_level_id = self.level_district
        decision = self._decision(self._proposed())
        with self._assertRaisesExact(ValidationError, "cannot issue a decision"):
            decision.write({"authority_department_id": self.district.id})
        self.assertEqual(decision.authority_department_id, self.commune)

    def test_issuing_unit_in_the_officers_charge(self):
        """DESIGN §3, RELIABILITY (b) 3: an officer writes, changes and
        confirms only decisions of units in his charge (AccessError naming
        the unit); the province's decisions are the manager's."""
        model, _decision = self._recognised(level=self.level_district)
        model.with_user(self.user_officer).action_propose(self.level_province)
        province_vals = {
            "campaign_id": self.campaign.id,
            "level_id": self.level_province.id,
            "authority_department_id": self.province.id,
            "date": DECISION_DATE,
        }
        with self._assertRaisesExact(AccessError, "Tỉnh ủy"):
            self.env["dvk.decision"].with_user(self.user_officer).create(province_vals)
        decision = self._decision(model, level=self.level_province)
        self.assertEqual(decision.env.user, self.user_manager)
        as_officer = decision.with_user(self.user_officer)
        with self.assertRaises(AccessError):
            as_officer.write({"signer_title": "TRƯỞNG BAN"})
        with self._assertRaisesExact(AccessError, "Tỉnh ủy"):
            as_officer.action_confirm()
        self.assertRecordValues(decision, [{"state": "draft", "name": False}])
        decision.action_confirm()
        self.assertRecordValues(
            model,
            [{"state": "recognized", "recognized_level_id": self.level_province.id}],
        )
        self.assertEqual(decision.name, "01/QĐ-BCĐT")

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
                    "state": "recognized",
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
        with self._assertRaisesExact(UserError, "must first be recognised at") as cm:
            model.with_user(self.user_officer).action_propose(self.level_district)
        # Issue 24 item 12: the refusal cites the rule's source, from its data.
        self.assertIn("Hướng dẫn ngày 19/4/2021", str(cm.exception))
        self.assertIn("mục 3", str(cm.exception))
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
        # Still recognised at district while the provincial proposal runs.
        self.assertRecordValues(
            model,
            [{"state": "recognized", "proposal_level_id": self.level_province.id}],
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
                    "authority_department_id": self.commune.id,
                    "date": D(2027, 10, 10),
                    "line_ids": [Command.create({"model_id": proposed.id})],
                }
            )
        # Adding a line to a draft afterwards is checked the same way.
        decision = self._decision(proposed)
        with self._assertRaisesExact(ValidationError, "not proposed for recognition"):
            decision.write({"line_ids": [Command.create({"model_id": approved.id})]})
        self.assertEqual(decision.line_ids.model_id, proposed)

    def test_line_moves_only_between_drafts(self):
        """DESIGN §3 (decided lines are read-only): a line is moved to another
        decision only while both decisions are drafts: moving a draft's line
        into an issued decision, or an issued decision's line out, raises
        UserError even as the superuser; both decisions keep their lines."""
        draft = self._decision(self._proposed())
        other = self._proposed(name="Dân vận khéo trong chuyển đổi số")
        issued = self._decision(other)
        issued.action_confirm()
        line = draft.line_ids
        # sudo: the rule must hold for the superuser too
        for env_line in (line.with_user(self.user_officer), line.sudo()):
            with (
                self.subTest(su=env_line.env.su),
                self._assertRaisesExact(UserError, "cannot be changed"),
            ):
                env_line.write({"decision_id": issued.id})
        for env_line in (
            issued.line_ids.with_user(self.user_officer),
            # sudo: the rule must hold for the superuser too
            issued.line_ids.sudo(),
        ):
            with (
                self.subTest(su=env_line.env.su),
                self._assertRaisesExact(UserError, "cannot be changed"),
            ):
                env_line.write({"decision_id": draft.id})
        # Between two drafts the line moves.
        second = self._decision(
            self._proposed(name="Dân vận khéo trong bảo vệ môi trường")
        )
        line.write({"decision_id": second.id})
        self.assertEqual(len(second.line_ids), 2)
        self.assertEqual(issued.line_ids.model_id, other)
        self.assertFalse(draft.line_ids)

    def test_issued_decision_lines_refused_even_as_superuser(self):
        """DESIGN §3: a line on an issued or cancelled decision is refused
        whatever its content and whoever writes it, the superuser included
        (UserError); only the confirmation itself, which writes no line,
        changes such a decision."""
        model, decision = self._recognised()
        other = self._proposed(name="Dân vận khéo trong phòng chống ma túy")
        Line = self.env["dvk.decision.line"]
        # sudo: the rule must hold even for the superuser
        for env_line in (Line.with_user(self.user_officer), Line.sudo()):
            with (
                self.subTest(su=env_line.env.su),
                self._assertRaisesExact(UserError, "cannot be changed"),
            ):
                env_line.create({"decision_id": decision.id, "model_id": other.id})
        # sudo: the rule must hold even for the superuser
        with self._assertRaisesExact(UserError, "cannot be changed"):
            # sudo: the rule must hold for the superuser too
            decision.line_ids.sudo().write({"note": "Sửa"})
        with self._assertRaisesExact(UserError, "cannot be changed"):
            # sudo: the rule must hold for the superuser too
            decision.line_ids.sudo().unlink()
        decision.with_user(self.user_manager).action_cancel(reason="Sai tên")
        with self._assertRaisesExact(UserError, "cannot be changed"):
            # sudo: the rule must hold for the superuser too
            decision.line_ids.sudo().write({"model_id": other.id})
        self.assertEqual(decision.line_ids.model_id, model)

    def test_moved_line_checked_against_its_new_decision(self):
        """DESIGN §3 / §4: a line moved to another draft is checked against
        that decision: its record must be proposed at the new decision's
        level (ValidationError), and the new decision must be one the
        officer may change (AccessError)."""
        model = self._proposed()
        draft = self._decision(model)
        district_model = self._district_model()
        self._self_assess(district_model)
        district_model.with_user(self.user_officer).action_propose(self.level_district)
        district_decision = self._decision(district_model, level=self.level_district)
        with self._assertRaisesExact(ValidationError, "not proposed for recognition"):
            draft.line_ids.write({"decision_id": district_decision.id})
        # A draft of a district outside the officer's charge.
        far = self.env["hr.department"].create(
            {
                "name": "Ủy ban xã Xa Xôi",
                "dvk_level_id": self.level_grassroots.id,
            }
        )
        far_decision = self._decision(
            self._proposed(name="Dân vận khéo trong khuyến học"),
            authority=far,
            user=self.user_manager,
        )
        with self.assertRaises(AccessError):
            draft.line_ids.with_user(self.user_officer).write(
                {"decision_id": far_decision.id}
            )
        self.assertEqual(draft.line_ids.model_id, model)
        self.assertEqual(len(far_decision.line_ids), 1)

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
                {"authority_department_id": self.commune_other.id},
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
        a DVK manager (or the issuing unit's officer, see
        test_decision_cancel) cancels an issued decision, with a reason; a
        user who is no officer cannot; its models go back to proposed at its
        level and their recognised level is recomputed. Its number is not
        reused."""
        model, decision = self._recognised()
        number = decision.name
        with self._assertRaisesExact(AccessError, "issuing unit"):
            decision.with_user(self.user_approver).action_cancel(reason="Sai sót")
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
        expected = self._next_number(self.commune)
        new = self._decision(model)
        new.action_confirm()
        self.assertEqual(new.name, f"{expected:02d}/QĐ-BCĐX")
        self.assertNotEqual(new.name, number)
        self.assertEqual(model.recognized_level_id, self.level_grassroots)

    def test_cancel_recomputes_to_lower_level(self):
        """DESIGN §5 recognized_level_id: cancelling the district decision of a
        model also recognised at grassroots brings it back to grassroots: it
        stays recognised there, its district proposal open again."""
        model, district_decision = self._recognised(level=self.level_district)
        self.assertEqual(model.recognized_level_id, self.level_district)
        district_decision.with_user(self.user_manager).action_cancel(
            reason="Chưa đủ hồ sơ"
        )
        self.assertRecordValues(
            model,
            [
                {
                    "state": "recognized",
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
        expected = self._next_number(self.commune)
        decision = self._decision(exemplar)
        decision.action_confirm()
        self.assertEqual(decision.name, f"{expected:02d}/QĐ-BCĐX")
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
                    "name": False,
                    "state": "draft",
                    "cancel_reason": False,
                    "line_count": 0,
                    "level_id": self.level_grassroots.id,
                }
            ],
        )
        self.assertTrue(re.match(r"^\d+/QĐ-BCĐX$", decision.name))

    # ------------------------------------------------------------------
    # A new decision's defaults (issue 14: journeys without a dead end)
    # ------------------------------------------------------------------
    def test_new_decision_defaults(self):
        """A new decision opens on the campaign whose proposals wait for it,
        the level they wait at and, when one unit of that level is in the
        officer's charge, that unit as issuer; the officer changing the level
        gets that level's unit, or an empty issuer to choose among several;
        the issuing unit's head is the default signer."""
        model = self._proposed()
        form = Form(self.env["dvk.decision"].with_user(self.user_officer))
        self.assertEqual(form.campaign_id, self.campaign)
        self.assertEqual(form.level_id, self.level_grassroots)
        self.assertFalse(
            form.authority_department_id,
            "the officer's communes are below his district: none is chosen",
        )
        form.level_id = self.level_district
        self.assertEqual(form.authority_department_id, self.district)
        self.assertEqual(form.signer_id, self.emp_district_head, "its head signs")
        form.authority_department_id = self.district
        form.level_id = self.level_grassroots
        self.assertFalse(form.authority_department_id, "a district cannot issue it")
        form.authority_department_id = self.commune
        decision = form.save()
        decision.action_add_proposed()
        self.assertEqual(decision.line_ids.model_id, model)

    def test_new_decision_without_waiting_proposals(self):
        """With no proposal waiting and no campaign running for the officer's
        unit, nothing is guessed: the officer chooses campaign and level."""
        with freeze_time("2027-03-01"):
            form = Form(self.env["dvk.decision"].with_user(self.user_officer))
            self.assertFalse(form.campaign_id)
            self.assertFalse(form.level_id)
