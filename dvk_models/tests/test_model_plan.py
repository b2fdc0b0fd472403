"""The plan comes after approval (seed 000 §II.1 step 2; seed 002 §I step
3.2): the registrant's side and the approver write the plan of an approved
model until it is proposed; what was registered stays as approved."""

import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from .common import DvkCommon

PLAN = {
    "objective": "Vận động 100% hộ dân hiến đất",
    "measures": "Họp dân từng ấp",
    "expected_result": "5 km đường bê tông",
    "date_start": datetime.date(2026, 3, 1),
    "date_end": datetime.date(2026, 9, 30),
}


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestModelPlan(DvkCommon):
    def test_plan_before_approval_is_frozen(self):
        """Seed 000 §II.1 step 2: a submitted model waits for its approval;
        its plan cannot change meanwhile (the draft is where it is
        registered)."""
        model = self._submitted()
        registered = model.objective
        with self.assertRaises(UserError) as refusal:
            model.with_user(self.user_staff).write({"objective": "Đổi"})
        # The refusal cites the rule's source, from its data.
        self.assertIn("07-HD/ĐUK", str(refusal.exception))
        self.assertEqual(model.objective, registered)

    def test_plan_after_approval_by_registrant_and_approver(self):
        """Seed 000 §II.1 step 2: once approved, the registrant and the
        approver complete the plan (objectives, measures, timeline, expected
        result, targets, monitoring officer); the form lets them."""
        model = self._approved()
        for user in (self.user_staff, self.user_approver):
            with self.subTest(user=user.login):
                record = model.with_user(user)
                self.assertTrue(record.dvk_can_edit_plan)
                record.write(dict(PLAN, measures=f"Họp dân ({user.login})"))
                record.target_ids = [
                    (0, 0, {"name": f"Hộ hiến đất {user.login}", "target": 50})
                ]
        model.with_user(self.user_approver).monitor_id = self.emp_district_head
        self.assertRecordValues(
            model,
            [dict(PLAN, measures="Họp dân (dvk_appr)", state="approved")],
        )
        self.assertEqual(len(model.target_ids), 2)

    def test_plan_not_for_others(self):
        """Seed 000 §II.1 step 2: the plan is the registrant's and the
        approver's; a colleague of the unit who may read the model cannot
        change it, and the form shows it read-only to him."""
        model = self._approved()
        other = model.with_user(self.user_staff2)
        self.assertFalse(other.dvk_can_edit_plan)
        with self.assertRaises(UserError):
            other.write({"objective": "Không phải của tôi"})

    def test_registration_stays_frozen_after_approval(self):
        """Seed 000 §II.1 step 2: what was approved — name, field, unit and
        subject — stays as approved while the plan is written."""
        model = self._approved()
        frozen = {
            "name": "Tên khác",
            "field_id": self.field_vhxh.id,
            "department_id": self.commune_other.id,
            "subject_type": "individual",
        }
        for user in (self.user_staff, self.user_approver):
            for fname, value in frozen.items():
                with self.subTest(user=user.login, field=fname):
                    with self.assertRaises(UserError):
                        model.with_user(user).write({fname: value, "objective": "x"})
        self.assertEqual(model.name, "Dân vận khéo trong hiến đất làm đường")

    def test_plan_frozen_once_proposed(self):
        """Seed 000 §II.1 step 2: the plan is written until the proposal;
        the proposed model is judged on it, so it no longer changes —
        targets included — while actual results are still reported."""
        model = self._approved()
        model.with_user(self.user_staff).write(PLAN)
        model.with_user(self.user_staff).target_ids = [
            (0, 0, {"name": "Hộ hiến đất", "target": 50})
        ]
        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertEqual(model.state, "proposed")
        for user in (self.user_staff, self.user_approver):
            record = model.with_user(user)
            self.assertFalse(record.dvk_can_edit_plan)
            with self.subTest(user=user.login), self.assertRaises(UserError):
                record.write({"measures": "Sau khi đề nghị"})
            with self.subTest(user=user.login), self.assertRaises(UserError):
                record.target_ids.write({"target": 10})
        model.with_user(self.user_staff).target_ids.write({"actual": 42})
        self.assertEqual(model.target_ids.actual, 42)

    def test_plan_changes_are_tracked(self):
        """Seed 000 §II.1 step 2: each change of an approved model's plan
        is kept in its history, the targets' too."""
        model = self._approved()
        self.env.flush_all()
        self.env.cr.flush()
        # The tests' environment turns tracking off; the users' does not.
        record = model.with_user(self.user_staff).with_context(
            tracking_disable=False, mail_notrack=False
        )
        record.objective = "Mục tiêu mới"
        record.target_ids = [(0, 0, {"name": "Hộ hiến đất", "target": 50})]
        record.target_ids.target = 60
        record.target_ids.unlink()
        # Tracking values are written when the transaction commits.
        self.env.flush_all()
        self.env.cr.flush()
        model = model.with_env(self.env)
        model.invalidate_recordset(["message_ids"])
        tracked = model.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "objective"
        )
        self.assertEqual(
            tracked.new_value_char or tracked.new_value_text, "Mục tiêu mới"
        )
        notes = model.message_ids.mapped("body")
        for change in (
            "+ Hộ hiến đất 50",
            "Hộ hiến đất 50 → Hộ hiến đất 60",
            "- Hộ hiến đất 60",
        ):
            with self.subTest(change=change):
                self.assertTrue(any(change in str(body) for body in notes), notes)

    def test_form_opens_plan_after_approval(self):
        """Seed 000 §II.1 step 2: on the form, the approver finds the plan
        open after approval and the registration read-only."""
        model = self._approved()
        with Form(model.with_user(self.user_approver)) as form:
            form.objective = "Mục tiêu từ người duyệt"
            self.assertTrue(form._get_modifier("name", "readonly"))
            self.assertTrue(form._get_modifier("department_id", "readonly"))
            self.assertFalse(form._get_modifier("objective", "readonly"))
        self.assertEqual(model.objective, "Mục tiêu từ người duyệt")
