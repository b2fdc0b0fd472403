"""The "DVK approval" activity belongs to its approver (issue 22 item 10):
nobody else marks it done, edits, reschedules or cancels it, over RPC too,
and the chatter offers those buttons only to who may use them."""

import datetime

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common import DvkCommon


@tagged("post_install", "-at_install", "access_rights")
@freeze_time("2026-02-10")
class TestApprovalActivityGuard(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.approval_type = cls.env.ref("dvk_models.mail_activity_type_dvk_approval")

    def _approval(self, model):
        activity = model.with_env(self.env).activity_ids.filtered(
            lambda a: a.activity_type_id == self.approval_type
        )
        self.assertEqual(len(activity), 1)
        return activity

    def test_registrant_cannot_mark_the_approval_done(self):
        """Rule: only its assignee or a DVK manager handles a DVK approval
        activity. The registrant, who may write her model, gets an
        AccessError when she marks the approver's activity done through the
        ORM (what the chatter and XML-RPC call), and the approver keeps his
        to-do; the model stays submitted."""
        model = self._submitted()
        activity = self._approval(model)
        as_registrant = activity.with_user(self.user_staff)
        with self.assertRaises(AccessError):
            as_registrant.action_feedback(feedback="Xong rồi")
        with self.assertRaises(AccessError):
            as_registrant.action_done()
        self.assertRecordValues(
            activity,
            [{"active": True, "user_id": self.user_approver.id, "feedback": False}],
        )
        self.assertRecordValues(model.with_env(self.env), [{"state": "submitted"}])

    def test_only_the_assignee_or_a_manager_handles_it(self):
        """Rule: editing, rescheduling and cancelling a DVK approval activity
        are refused (AccessError) to the registrant, a participant and an
        officer in charge of the unit; the chatter's buttons follow
        ``can_write``, which is False for them and True for the approver and
        a DVK manager, who may reschedule it."""
        model = self._submitted()
        model.with_env(self.env).member_ids = self.emp_staff2
        activity = self._approval(model)
        deadline = activity.date_deadline
        for user in (self.user_staff, self.user_staff2, self.user_officer):
            with self.subTest(user=user.login):
                as_user = activity.with_user(user)
                self.assertFalse(as_user.can_write)
                with self.assertRaises(AccessError):
                    as_user.write({"date_deadline": datetime.date(2026, 3, 1)})
                with self.assertRaises(AccessError):
                    as_user.action_reschedule_tomorrow()
                with self.assertRaises(AccessError):
                    as_user.write({"user_id": user.id})
                with self.assertRaises(AccessError):
                    as_user.action_cancel()
                with self.assertRaises(AccessError):
                    as_user.unlink()
        self.assertRecordValues(
            activity,
            [
                {
                    "active": True,
                    "date_deadline": deadline,
                    "user_id": self.user_approver.id,
                }
            ],
        )
        for user in (self.user_approver, self.user_manager):
            with self.subTest(user=user.login):
                self.assertTrue(activity.with_user(user).can_write)
        activity.with_user(self.user_approver).write(
            {"date_deadline": datetime.date(2026, 2, 20)}
        )
        activity.with_user(self.user_manager).action_reschedule_tomorrow()
        self.assertEqual(activity.date_deadline, datetime.date(2026, 2, 11))

    def test_approver_may_still_close_it_by_hand(self):
        """Rule (RELIABILITY (b) 14): the approver may mark his own activity
        done; that is not an approval, the model stays submitted until he
        approves through the guarded method."""
        model = self._submitted()
        self._approval(model).with_user(self.user_approver).action_done()
        self.assertFalse(
            model.with_env(self.env).activity_ids.filtered(
                lambda a: a.activity_type_id == self.approval_type
            )
        )
        self.assertRecordValues(model.with_env(self.env), [{"state": "submitted"}])
        model.with_user(self.user_approver).action_approve()
        self.assertEqual(model.with_env(self.env).state, "approved")

    def test_other_activities_keep_odoo_rules(self):
        """Rule: the guard is for approvals only; a to-do scheduled on the
        model for its registrant is handled by whoever Odoo lets write it."""
        model = self._submitted()
        todo = model.with_env(self.env).activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_approver.id
        )
        as_registrant = todo.with_user(self.user_staff)
        self.assertTrue(as_registrant.can_write)
        as_registrant.action_feedback(feedback="Đã bổ sung")
        self.assertFalse(todo.active)
