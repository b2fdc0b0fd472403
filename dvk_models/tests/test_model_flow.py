"""The life of a "Dân vận khéo" model: registration, approval through an
activity, refusal, correction, proposal, removal, carry-over, renewal and
replication, with the date, campaign and duplicate rules around them."""

import datetime
import unicodedata
from contextlib import contextmanager
from unittest.mock import patch

from psycopg2.errors import UniqueViolation

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import mute_logger

from .common import CAMPAIGN_BASIS, DvkCommon

D = datetime.date


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestModelFlow(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.approval_type = cls.env.ref("dvk_models.mail_activity_type_dvk_approval")

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

    def _approval_activities(self, model, done=None):
        """Approval activities of ``model``: open ones (done=False), done ones
        (done=True) or both (done=None)."""
        domain = [
            ("res_model", "=", "dvk.model"),
            ("res_id", "=", model.id),
            ("activity_type_id", "=", self.approval_type.id),
        ]
        if done is not None:
            domain.append(("active", "=", not done))
        return self.env["mail.activity"].with_context(active_test=False).search(domain)

    def _messages(self, model):
        return self.env["mail.message"].search(
            [("model", "=", "dvk.model"), ("res_id", "=", model.id)]
        )

    def _bodies(self, model):
        return " ".join(str(m.body) for m in self._messages(model))

    def _add_member(self, model, employee):
        # Set as superuser: who may pick participants is not the point here.
        model.sudo().member_ids = [Command.link(employee.id)]

    def _campaign_2027(self):
        campaign = self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo 2027",
                "year": 2027,
                "profile": "party",
                "legal_basis": CAMPAIGN_BASIS,
                "date_start": D(2027, 1, 1),
                "date_end": D(2027, 12, 31),
                "registration_deadline": D(2027, 3, 29),
                "proposal_deadline": D(2027, 9, 30),
                "recognition_deadline": D(2027, 10, 14),
            }
        )
        campaign.action_open()
        return campaign

    def _recognise(self, model, campaign, date):
        """Propose ``model`` at grassroots and recognise it by a confirmed
        decision of ``campaign``."""
        if model.state == "approved":
            if not model.self_assessed:
                self._self_assess(model)
            model.with_user(self.user_officer).action_propose(self.level_grassroots)
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": campaign.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.commune.id,
                    "date": date,
                    "line_ids": [Command.create({"model_id": model.id})],
                }
            )
        )
        decision.action_confirm()
        return decision

    # ------------------------------------------------------------------
    # Submission and approver resolution
    # ------------------------------------------------------------------
    def test_submit_routes_to_unit_approver(self):
        """DESIGN §3: approval is a mail.activity for the approver resolved from
        the tree; seed 000 §II.1 step 1: the registration is approved by the
        head of the unit. Exactly one "DVK approval" activity, with a deadline
        (the registration deadline, seed 001 §4)."""
        model = self._create_model()
        self.assertEqual(model.state, "draft")
        model.action_submit()
        self.assertRecordValues(
            model,
            [
                {
                    "state": "submitted",
                    "approver_id": self.user_approver.id,
                    "registration_date": D(2026, 2, 10),
                    "is_supplementary": False,
                }
            ],
        )
        activities = self._approval_activities(model)
        self.assertEqual(len(activities), 1)
        self.assertRecordValues(
            activities,
            [
                {
                    "user_id": self.user_approver.id,
                    "active": True,
                    "date_deadline": D(2026, 3, 29),
                }
            ],
        )
        self.assertEqual(model.activity_ids, activities)

    def _notices(self, user):
        """The notices (not chatter messages) sent to ``user``."""
        return self.env["mail.message"].search(
            [
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", user.partner_id.ids),
            ]
        )

    def test_batch_submit_tells_each_approver_once(self):
        """Issue 12: submitting a batch gives every model its own approval
        activity, all created at once, and tells each approver once, in one
        notice listing the models; a model submitted alone keeps Odoo's own
        notice of its activity."""
        alone = self._create_model(name="Mô hình một mình")
        alone.action_submit()
        notices = self._notices(self.user_approver)
        self.assertEqual(len(notices), 1)
        self.assertIn("Mô hình một mình", notices.subject)
        batch = self.env["dvk.model"].browse()
        for name in ("Mô hình thứ nhất", "Mô hình thứ hai", "Mô hình thứ ba"):
            batch |= self._create_model(name=name)
        batch.action_submit()
        for model in batch:
            activity = self._approval_activities(model)
            self.assertEqual(activity.user_id, self.user_approver)
        grouped = self._notices(self.user_approver) - notices
        self.assertEqual(len(grouped), 1, "one notice for the whole batch")
        self.assertFalse(grouped.model, "it lists the models, not one of them")
        for model in batch:
            self.assertIn(model.name, str(grouped.body))
            self.assertIn(f"/odoo/dvk.model/{model.id}", str(grouped.body))
        self.assertIn("3", grouped.subject)
        self.assertIn(self.user_approver.partner_id, batch.message_partner_ids)

    def test_batch_submit_notice_links_a_bounded_number(self):
        """Issue 12: the approver's notice of a large batch links the first
        records only (50 in production, 2 here) and counts the others; each
        is among his activities."""
        batch = self.env["dvk.model"].browse()
        for name in ("Mô hình một", "Mô hình hai", "Mô hình ba"):
            batch |= self._create_model(name=name)
        Model = type(self.env["dvk.model"])
        with patch.object(Model, "_dvk_notice_links", 2):
            batch.action_submit()
        notice = self._notices(self.user_approver)
        self.assertEqual(len(notice), 1)
        body = str(notice.body)
        self.assertEqual(body.count("/odoo/dvk.model/"), 2)
        # In the approver's language (Vietnamese under odoo-bin --load-language).
        approver_env = self.env(context={"lang": self.user_approver.lang})
        self.assertIn(approver_env._("and %(count)s more", count=1), body)
        self.assertEqual(len(batch.activity_ids), 3)

    def test_batch_approve_tells_registrant_once(self):
        """Issue 12: approving several registrations of one person in one call
        posts the note on each model's chatter but tells that person once, in
        a notice listing the models with the note; approving one model alone
        notifies its note, as before."""
        batch = self.env["dvk.model"].browse()
        for name in ("Mô hình A", "Mô hình B", "Mô hình C"):
            batch |= self._create_model(name=name)
        batch.action_submit()
        before = self._notices(self.user_staff)
        batch.with_user(self.user_approver).action_approve()
        notes = self.env["mail.message"].search(
            [
                ("model", "=", "dvk.model"),
                ("res_id", "in", batch.ids),
                ("body", "ilike", "Registration approved by"),
            ]
        )
        self.assertEqual(len(notes), 3, "each model keeps its note")
        self.assertFalse(notes.notification_ids)
        notice = self._notices(self.user_staff) - before
        self.assertEqual(len(notice), 1)
        self.assertEqual(
            notice.notification_ids.res_partner_id, self.user_staff.partner_id
        )
        for model in batch:
            self.assertIn(f"/odoo/dvk.model/{model.id}", str(notice.body))
            self.assertIn(model.name, str(notice.body))
        self.assertIn("Registration approved by Nguyễn Văn Duyệt", notice.subject)

    def test_submit_by_unit_approver_climbs_to_parent(self):
        """DESIGN §3 / core resolver: the nearest unit at or above the
        registrant's unit whose approver is not the registrant. The commune's
        approver registering climbs to the district head."""
        model = self._create_model(user=self.user_approver)
        model.action_submit()
        self.assertEqual(model.approver_id, self.user_district_head)
        activities = self._approval_activities(model)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.user_district_head)

    def test_submit_individual_subject_climbs_past_own_approval(self):
        """DESIGN §3 / RELIABILITY (b) 13: the subject of an individual model is
        a registrant too, so an officer registering the commune approver's own
        model routes it to the district head."""
        model = self._create_model(
            user=self.user_officer,
            subject_type="individual",
            employee_id=self.emp_approver.id,
        )
        model.action_submit()
        self.assertEqual(model.approver_id, self.user_district_head)

    def test_submit_without_approver_raises(self):
        """DESIGN §3 / §4: when no unit at or above the registrant's has an
        approver other than the registrant, submission fails with a clear
        UserError and the record stays a draft."""
        lone_unit = self.env["hr.department"].create(
            {"name": "Chi bộ độc lập", "dvk_level_id": self.level_grassroots.id}
        )
        model = self._create_model(user=self.user_manager, department_id=lone_unit.id)
        with self._assertRaisesExact(UserError, "No approver was found"):
            model.action_submit()
        self.assertEqual(model.state, "draft")
        self.assertFalse(self._approval_activities(model))

        # The only approver of the tree is the registrant: still nobody.
        emp_manager = self.env["hr.employee"].create(
            {"name": "Trần Văn Quản", "user_id": self.user_manager.id}
        )
        lone_unit.manager_id = emp_manager
        self.assertEqual(lone_unit.dvk_approver_id, self.user_manager)
        with self._assertRaisesExact(UserError, "No approver was found"):
            model.action_submit()
        self.assertEqual(model.state, "draft")

    def test_submit_only_by_registrant(self):
        """RELIABILITY A2/(b) 5: the registrant (or an officer) submits; another
        staff member of the same unit cannot submit someone else's draft."""
        model = self._create_model()
        self._add_member(model, self.emp_staff2)
        with self._assertRaisesExact(UserError, "Only the registrant can submit"):
            model.with_user(self.user_staff2).action_submit()
        self.assertEqual(model.state, "draft")

    # ------------------------------------------------------------------
    # Approval, refusal, correction
    # ------------------------------------------------------------------
    def test_approve_closes_activity_and_posts(self):
        """DESIGN §3: approving closes the approval activity and posts to the
        chatter (with the registrant notified); the state becomes approved."""
        model = self._submitted()
        activity = self._approval_activities(model)
        model.with_user(self.user_approver).action_approve()
        self.assertRecordValues(
            model, [{"state": "approved", "approval_date": D(2026, 2, 10)}]
        )
        self.assertFalse(self._approval_activities(model, done=False))
        self.assertFalse(activity.active)
        self.assertEqual(activity.feedback, "Approved")
        message = self._messages(model).filtered(
            lambda m: "Registration approved by Nguyễn Văn Duyệt" in str(m.body)
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.user_approver.partner_id)
        # The registrant is told (inbox, their default preference).
        self.assertIn(
            self.user_staff.partner_id, message.notification_ids.res_partner_id
        )
        with self._assertRaisesExact(UserError, "cannot be approved from the state"):
            model.with_user(self.user_approver).action_approve()

    def test_only_assigned_approver_decides(self):
        """RELIABILITY (b) 13 / A2: only the resolved approver (or a DVK
        manager) approves; another user gets UserError and nothing changes."""
        model = self._submitted()
        with self._assertRaisesExact(UserError, "awaiting the decision of"):
            model.with_user(self.user_district_head).action_approve()
        self.assertEqual(model.state, "submitted")
        model.with_user(self.user_manager).action_approve()
        self.assertEqual(model.state, "approved")
        self.assertFalse(self._approval_activities(model, done=False))

    def test_refuse_through_wizard_requires_reason(self):
        """RELIABILITY (b) 16: refusing without a reason raises
        ValidationError; the reason is kept and logged in the chatter, and the
        approval activity is closed (DESIGN §3)."""
        model = self._submitted()
        approver_model = model.with_user(self.user_approver)
        action = approver_model.action_refuse_wizard()
        self.assertEqual(action["res_model"], "dvk.reason.wizard")
        wizard = (
            self.env["dvk.reason.wizard"]
            .with_user(self.user_approver)
            .browse(action["res_id"])
        )
        self.assertEqual(wizard.action, "refuse")
        with self._assertRaisesExact(ValidationError, "reason for the refusal"):
            wizard.action_confirm()
        wizard.reason = "   "
        with self._assertRaisesExact(ValidationError, "reason for the refusal"):
            wizard.action_confirm()
        self.assertEqual(model.state, "submitted")
        self.assertEqual(len(self._approval_activities(model, done=False)), 1)

        reason = "Chưa nêu rõ chỉ tiêu và biện pháp thực hiện."
        wizard.reason = reason
        wizard.action_confirm()
        self.assertRecordValues(model, [{"state": "refused", "refusal_reason": reason}])
        self.assertFalse(self._approval_activities(model, done=False))
        done = self._approval_activities(model, done=True)
        self.assertEqual(len(done), 1)
        self.assertIn(reason, done.feedback)
        self.assertIn("Registration refused by Nguyễn Văn Duyệt", self._bodies(model))
        self.assertIn(reason, self._bodies(model))

    def test_refuse_reason_required_on_method(self):
        """RELIABILITY (b) 16 / A2: the public action_refuse re-checks the
        reason itself (an RPC caller can skip the wizard)."""
        model = self._submitted()
        for reason in (None, "", " \n\t "):
            with self._assertRaisesExact(ValidationError):
                model.with_user(self.user_approver).action_refuse(reason=reason)
        self.assertEqual(model.state, "submitted")

    def test_wizard_of_another_user_refused(self):
        """RELIABILITY A5 / (b) 10: a reason dialog belongs to its creator;
        another user cannot execute it, and the record is unchanged."""
        model = self._submitted()
        action = model.with_user(self.user_approver).action_refuse_wizard()
        wizard = self.env["dvk.reason.wizard"].browse(action["res_id"])
        wizard.reason = "Trùng lặp nội dung"
        with self._assertRaisesExact(UserError, "belongs to another user"):
            wizard.with_user(self.user_manager).action_confirm()
        self.assertEqual(model.state, "submitted")

    def test_correct_and_resubmit_after_refusal(self):
        """Seed 000 §II.1 step 1: a refused registration is corrected by its
        registrant and submitted again; the refusal reason is cleared and a
        single new approval activity is scheduled."""
        model = self._submitted()
        model.with_user(self.user_approver).action_refuse(reason="Thiếu kế hoạch")
        model.write(
            {
                "objective": "Vận động 100% hộ dân hiến đất mở rộng đường",
                "measures": "Họp dân, tuyên truyền, gương mẫu đảng viên",
            }
        )
        model.action_submit()
        self.assertRecordValues(
            model,
            [
                {
                    "state": "submitted",
                    "refusal_reason": False,
                    "approver_id": self.user_approver.id,
                }
            ],
        )
        self.assertEqual(len(self._approval_activities(model, done=False)), 1)
        self.assertEqual(len(self._approval_activities(model, done=True)), 1)
        model.with_user(self.user_approver).action_approve()
        self.assertEqual(model.state, "approved")

    def test_reset_refused_to_draft(self):
        """Seed 000 §II.1 step 1: the registrant may take a refused model back
        to draft to correct it; another staff member may not."""
        model = self._submitted()
        self._add_member(model, self.emp_staff2)
        model.with_user(self.user_approver).action_refuse(reason="Thiếu kế hoạch")
        with self._assertRaisesExact(UserError, "Only the registrant can correct"):
            model.with_user(self.user_staff2).action_reset_to_draft()
        model.action_reset_to_draft()
        self.assertEqual(model.state, "draft")
        model.name = "Dân vận khéo trong hiến đất mở đường giao thông nông thôn"
        model.action_submit()
        self.assertEqual(model.state, "submitted")

    def test_activity_done_by_hand_keeps_state(self):
        """RELIABILITY A4 / (b) 14: marking the approval activity done is not
        an approval; the state stays submitted, and the approver still has to
        approve through the guarded method."""
        model = self._submitted()
        activity = self._approval_activities(model)
        activity.with_user(self.user_approver).action_feedback(feedback="Đã xem")
        self.assertFalse(activity.active)
        self.assertRecordValues(model, [{"state": "submitted", "approval_date": False}])

        other = self._submitted(name="Dân vận khéo trong xây dựng nông thôn mới")
        self._approval_activities(other).with_user(self.user_manager).action_done()
        self.assertEqual(other.state, "submitted")
        self.assertFalse(self._approval_activities(other, done=False))

        model.with_user(self.user_approver).action_approve()
        self.assertEqual(model.state, "approved")

    def test_cannot_approve_own_registration(self):
        """DESIGN §4 / RELIABILITY (b) 13: approving or refusing one's own
        registration raises UserError, even for a DVK manager."""
        model = self._create_model(user=self.user_manager)
        model.action_submit()
        self.assertEqual(model.approver_id, self.user_approver)
        with self._assertRaisesExact(UserError, "your own registration"):
            model.with_user(self.user_manager).action_approve()
        with self._assertRaisesExact(UserError, "your own registration"):
            model.with_user(self.user_manager).action_refuse(reason="Tự từ chối")
        self.assertEqual(model.state, "submitted")

        # The subject of an individual model is refused as well.
        own = self._create_model(
            user=self.user_officer,
            subject_type="individual",
            employee_id=self.emp_staff2.id,
            name="Dân vận khéo trong chăm sóc người cao tuổi",
        )
        own.action_submit()
        with self._assertRaisesExact(UserError, "your own registration"):
            own.with_user(self.user_staff2).action_approve()
        self.assertEqual(own.state, "submitted")

    def test_member_cannot_approve_in_a_batch(self):
        """RELIABILITY (b) 13: a member of a model has a stake in it; a batch
        holding one such model is refused as a whole, nothing approved."""
        clean = self._create_model()
        joined = self._create_model(
            name="Dân vận khéo trong giữ gìn vệ sinh môi trường",
            member_ids=[Command.set(self.emp_approver.ids)],
        )
        batch = clean | joined
        batch.action_submit()
        self.assertEqual(set(batch.mapped("approver_id")), {self.user_approver})
        with self._assertRaisesExact(UserError, "your own registration"):
            batch.with_user(self.user_approver).action_approve()
        self.assertEqual(set(batch.mapped("state")), {"submitted"})
        clean.with_user(self.user_approver).action_approve()
        self.assertEqual(clean.state, "approved")

    # ------------------------------------------------------------------
    # Proposal, removal, carry-over, renewal
    # ------------------------------------------------------------------
    def test_propose(self):
        """Seed 000 §II.1 step 4 / seed 001 §3: an officer proposes an approved
        model for recognition at its unit's level; staff cannot, and a draft
        cannot be proposed (no skipped states, DESIGN §4)."""
        draft = self._create_model(name="Dân vận khéo trong phòng chống dịch")
        with self._assertRaisesExact(UserError, "cannot be proposed from the state"):
            draft.with_user(self.user_officer).action_propose(self.level_grassroots)
        model = self._approved()
        with self._assertRaisesExact(UserError, "Only a DVK officer"):
            model.with_user(self.user_staff).action_propose(self.level_grassroots)
        self.assertEqual(model.state, "approved")
        model.with_user(self.user_officer).action_propose()
        self.assertRecordValues(
            model,
            [{"state": "proposed", "proposal_level_id": self.level_grassroots.id}],
        )
        self.assertIn("Proposed for recognition at", self._bodies(model))

    def test_remove_with_reason(self):
        """Seed 000 §II.1 step 4: a model is removed from the list when it is
        ineffective or discontinued; any other reason raises ValidationError."""
        model = self._approved()
        officer_model = model.with_user(self.user_officer)
        for reason in (None, "other"):
            with self._assertRaisesExact(
                ValidationError, "ineffective or discontinued"
            ):
                officer_model.action_remove(reason=reason)
        self.assertEqual(model.state, "approved")
        officer_model.action_remove(
            reason="ineffective", note="Không duy trì họp dân định kỳ"
        )
        self.assertRecordValues(
            model,
            [
                {
                    "state": "removed",
                    "removal_reason": "ineffective",
                    "removal_note": "Không duy trì họp dân định kỳ",
                }
            ],
        )
        self.assertIn("Ineffective", self._bodies(model))

        # Through the dialog, discontinued.
        other = self._approved(name="Dân vận khéo trong giữ gìn vệ sinh môi trường")
        action = other.with_user(self.user_officer).action_remove_wizard()
        wizard = (
            self.env["dvk.reason.wizard"]
            .with_user(self.user_officer)
            .browse(action["res_id"])
        )
        wizard.write({"removal_reason": "discontinued", "reason": "Đơn vị sáp nhập"})
        wizard.action_confirm()
        self.assertRecordValues(
            other, [{"state": "removed", "removal_reason": "discontinued"}]
        )

        draft = self._create_model(name="Dân vận khéo trong cải cách hành chính")
        with self._assertRaisesExact(UserError, "cannot be removed from the list"):
            draft.with_user(self.user_officer).action_remove(reason="ineffective")

    def test_carry_over(self):
        """Seed 000 §II.2: a model without results yet is evaluated next year.
        The next year's record is approved and points to this one; this one is
        carried over. Without a next campaign the officer gets UserError."""
        model = self._approved()
        with self._assertRaisesExact(UserError, "Create and open the 2027 campaign"):
            model.with_user(self.user_officer).action_carry_over()
        self.assertEqual(model.state, "approved")
        with self._assertRaisesExact(UserError, "Only a DVK officer"):
            model.with_user(self.user_staff).action_carry_over()

        campaign_2027 = self._campaign_2027()
        action = model.with_user(self.user_officer).action_carry_over()
        nxt = self.env["dvk.model"].browse(action["res_id"])
        self.assertEqual(model.state, "carried_over")
        self.assertRecordValues(
            nxt,
            [
                {
                    "name": model.name,
                    "campaign_id": campaign_2027.id,
                    "state": "approved",
                    "previous_id": model.id,
                    "approver_id": self.user_approver.id,
                    "department_id": self.commune.id,
                    "date_start": D(2027, 1, 1),
                    "date_end": D(2027, 12, 31),
                }
            ],
        )
        self.assertEqual(model.next_ids, nxt)
        self.assertIn("Carried over to the 2027 evaluation", self._bodies(model))
        with self._assertRaisesExact(UserError, "cannot be carried over"):
            model.with_user(self.user_officer).action_carry_over()
        # The registrant cannot see the officer's continuation, yet cannot
        # register the model a second time in 2027 by renewing it.
        self.assertFalse(model.with_user(self.user_staff).dvk_can_renew)
        with self._assertRaisesExact(UserError, "cannot be renewed"):
            model.with_user(self.user_staff).action_renew()

    def test_renew(self):
        """Seed 003 Điều 7.3 (consecutive years) / DESIGN §5 action_renew: the
        recognised model is registered again in next year's campaign as a
        new draft that points to the previous year; renewing twice is
        refused, and so is renewing a model not recognised (an approved one
        without results yet is carried over instead: issue 22 item 17)."""
        campaign_2027 = self._campaign_2027()
        approved = self._approved(name="Dân vận khéo trong làm đường giao thông")
        self.assertFalse(approved.dvk_can_renew)
        with self._assertRaisesExact(UserError, "cannot be renewed"):
            approved.action_renew()
        model = self._approved()
        self._recognise(model, self.campaign, D(2026, 10, 10))
        self.assertTrue(model.with_user(self.user_staff).dvk_can_renew)
        action = model.action_renew()
        nxt = self.env["dvk.model"].browse(action["res_id"])
        self.assertRecordValues(
            nxt,
            [
                {
                    "name": model.name,
                    "campaign_id": campaign_2027.id,
                    "state": "draft",
                    "previous_id": model.id,
                    "approver_id": False,
                    "registration_date": False,
                }
            ],
        )
        self.assertEqual(model.state, "recognized")
        self.assertFalse(model.with_user(self.user_staff).dvk_can_renew)
        with self._assertRaisesExact(UserError, "already been renewed"):
            model.action_renew()
        draft = self._create_model(name="Dân vận khéo trong xóa nhà tạm")
        with self._assertRaisesExact(UserError, "cannot be renewed"):
            draft.action_renew()

    def test_consecutive_years_along_renewals(self):
        """Seed 003 Điều 7.3: a model recognised two years running counts 2
        consecutive years; a year without recognition breaks the run."""
        campaign_2027 = self._campaign_2027()
        model = self._approved()
        self._recognise(model, self.campaign, D(2026, 10, 10))
        self.assertEqual(model.state, "recognized")
        self.assertEqual(model.consecutive_years, 1)

        broken = self._approved(name="Dân vận khéo trong hiến máu tình nguyện")
        self.assertEqual(broken.consecutive_years, 0)

        nxt = self.env["dvk.model"].browse(model.action_renew()["res_id"])
        # Not recognised in 2026: carried over, it goes on approved in 2027.
        nxt_broken = self.env["dvk.model"].browse(
            broken.with_user(self.user_officer).action_carry_over()["res_id"]
        )
        self.assertEqual(nxt.consecutive_years, 0)
        # The officer made the continuation: its registrant assesses it.
        self._self_assess(nxt_broken, evaluator=self.user_staff)
        # The renewal states its timeline in the new year (seed 001 §4).
        nxt.write({"date_start": D(2027, 2, 1), "date_end": D(2027, 11, 30)})
        with freeze_time("2027-02-10"):
            nxt.action_submit()
            nxt.with_user(self.user_approver).action_approve()
            for record in nxt | nxt_broken:
                self._recognise(record, campaign_2027, D(2027, 10, 10))
        self.assertEqual(nxt.state, "recognized")
        self.assertEqual(nxt.consecutive_years, 2)
        self.assertEqual(nxt_broken.consecutive_years, 1)
        self.assertEqual(model.consecutive_years, 1)

    # ------------------------------------------------------------------
    # Replication
    # ------------------------------------------------------------------
    def test_replication_lineage(self):
        """Seed 000 §II.1 step 5 / seed 001 §4 (replicated models): a model
        replicated in another unit keeps its origin; the origin counts all
        its replications; a cycle is refused."""
        origin = self._create_model()
        copy1 = self._create_model(
            user=self.user_other,
            department_id=self.commune_other.id,
            replicated_from_id=origin.id,
        )
        copy2 = self._create_model(
            user=self.user_officer,
            department_id=self.district.id,
            replicated_from_id=copy1.id,
        )
        # Counted by the district officer, who sees the three units.
        origin, copy1, copy2 = (origin + copy1 + copy2).with_user(self.user_officer)
        self.assertEqual(origin.replication_ids, copy1)
        self.assertEqual(copy1.replication_ids, copy2)
        self.assertEqual(origin.replication_count, 2)
        self.assertEqual(copy1.replication_count, 1)
        self.assertEqual(copy2.replication_count, 0)
        lineage = origin.search([("id", "child_of", origin.id)])
        self.assertEqual(lineage, origin | copy1 | copy2)
        action = origin.action_open_lineage()
        self.assertEqual(action["domain"], [("id", "child_of", origin.id)])
        self.assertEqual(copy2.action_open_lineage()["domain"], action["domain"])

        origin = origin.with_user(self.user_staff)
        with self._assertRaisesExact(UserError, "Recursion"):
            origin.write({"replicated_from_id": copy2.id})
        with self._assertRaisesExact(UserError, "Recursion"):
            origin.write({"replicated_from_id": origin.id})
        self.assertFalse(origin.replicated_from_id)

    # ------------------------------------------------------------------
    # Dates and campaign windows
    # ------------------------------------------------------------------
    def test_supplementary_after_deadline(self):
        """Seed 000 §II.2: a model registered after the registration deadline
        is supplementary (ad-hoc); on the deadline day itself it is not."""
        on_time = self._create_model()
        late = self._create_model(name="Dân vận khéo trong phòng chống thiên tai")
        with freeze_time("2026-03-29"):
            on_time.action_submit()
        with freeze_time("2026-04-05"):
            late.action_submit()
        self.assertRecordValues(
            on_time + late,
            [
                {"is_supplementary": False, "registration_date": D(2026, 3, 29)},
                {"is_supplementary": True, "registration_date": D(2026, 4, 5)},
            ],
        )
        # Past the deadline, the approver gets a week.
        self.assertEqual(self._approval_activities(late).date_deadline, D(2026, 4, 12))

    def test_registration_window_inclusive(self):
        """RELIABILITY (b) 18: registration outside the campaign window raises
        ValidationError; the bounds are inclusive (exactly start and end are
        accepted)."""
        names = iter(
            f"Dân vận khéo số {i} trong xây dựng khu dân cư văn hóa" for i in range(4)
        )
        for day, ok in (
            ("2025-12-31", False),
            ("2026-01-01", True),
            ("2026-12-31", True),
            ("2027-01-01", False),
        ):
            model = self._create_model(name=next(names))
            with self.subTest(day=day), freeze_time(day):
                if ok:
                    model.action_submit()
                    self.assertEqual(model.state, "submitted")
                    self.assertEqual(
                        model.registration_date, datetime.date.fromisoformat(day)
                    )
                else:
                    with self._assertRaisesExact(ValidationError, "only possible from"):
                        model.action_submit()
                    self.assertEqual(model.state, "draft")

    def test_registration_window_timezone(self):
        """RELIABILITY (b) 18 timezone edge: 23:30 Asia/Ho_Chi_Minh on the last
        day is inside the campaign, 00:30 the next day is outside, whatever the
        UTC date."""
        self.user_staff.tz = "Asia/Ho_Chi_Minh"
        inside = self._create_model()
        outside = self._create_model(name="Dân vận khéo trong đền ơn đáp nghĩa")
        with freeze_time("2026-12-31 16:30:00"):
            inside.action_submit()
        self.assertEqual(inside.registration_date, D(2026, 12, 31))
        with freeze_time("2026-12-31 17:30:00"):
            with self._assertRaisesExact(ValidationError, "only possible from"):
                outside.action_submit()
        self.assertEqual(outside.state, "draft")

    def test_closed_campaign_only_supplementary(self):
        """Seed 000 §II.2: once the campaign is closed, only supplementary
        (ad-hoc) models can still be registered, by an officer of the unit; a
        draft campaign takes no registration."""
        regular = self._create_model()
        adhoc = self._create_model(name="Dân vận khéo trong ứng phó bão lũ")
        self.campaign.with_user(self.user_manager).action_close()
        with self._assertRaisesExact(UserError, "is closed"):
            regular.action_submit()
        self.assertEqual(regular.state, "draft")
        adhoc.with_user(self.user_officer).action_submit()
        self.assertRecordValues(
            adhoc, [{"state": "submitted", "is_supplementary": True}]
        )

        draft_campaign = self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo 2027",
                "year": 2027,
                "profile": "party",
                "date_start": D(2027, 1, 1),
                "date_end": D(2027, 12, 31),
                "registration_deadline": D(2027, 3, 29),
                "recognition_deadline": D(2027, 10, 14),
            }
        )
        pending = self._create_model(campaign_id=draft_campaign.id)
        with freeze_time("2027-02-10"), self._assertRaisesExact(UserError, "not open"):
            pending.action_submit()
        self.assertEqual(pending.state, "draft")

    def test_model_dates_within_campaign(self):
        """DESIGN §4 / RELIABILITY (b) 18: a model's dates outside its campaign
        raise ValidationError; the campaign bounds themselves are accepted."""
        for vals in (
            {"date_start": D(2025, 12, 31)},
            {"date_end": D(2027, 1, 1)},
            {"date_start": D(2026, 6, 1), "date_end": D(2026, 5, 31)},
        ):
            with self.subTest(vals=vals), self._assertRaisesExact(ValidationError):
                self._create_model(**vals)
        model = self._create_model(date_start=D(2026, 1, 1), date_end=D(2026, 12, 31))
        self.assertEqual(model.date_end, D(2026, 12, 31))
        with self._assertRaisesExact(ValidationError, "must be within the campaign"):
            model.date_end = D(2027, 3, 1)

    def test_campaign_end_before_start(self):
        """RELIABILITY (b) 19: a campaign ending before it starts raises
        ValidationError; shrinking a campaign under its registrations is
        re-validated."""
        with self._assertRaisesExact(ValidationError, "ends before it starts"):
            self.env["dvk.campaign"].with_user(self.user_manager).create(
                {
                    "name": "Dân vận khéo 2028",
                    "year": 2028,
                    "date_start": D(2028, 12, 31),
                    "date_end": D(2028, 1, 1),
                    "registration_deadline": D(2028, 3, 29),
                    "recognition_deadline": D(2028, 10, 14),
                }
            )
        self._create_model(date_start=D(2026, 2, 1), date_end=D(2026, 11, 30))
        with self._assertRaisesExact(ValidationError, "outside its new dates"):
            self.campaign.with_user(self.user_manager).date_end = D(2026, 10, 31)

    def test_campaign_default_deadlines(self):
        """Seed 000 §II.1-2 (bloc: register in January, recognise in November)
        and seed 001 §4 (province: before 30/3, proposals before 01/10,
        recognition before 15/10): the default deadlines of a new campaign
        follow the chosen profile, in the form and on a create without dates."""
        Campaign = self.env["dvk.campaign"].with_user(self.user_manager)
        party = self.env.ref("dvk_models.dvk_profile_party")
        bloc_profile = self.env.ref("dvk_models.dvk_profile_party_bloc")
        bloc = Campaign.create(
            {"name": "Dân vận khéo 2028", "year": 2028, "profile": "party_bloc"}
        )
        self.assertRecordValues(
            bloc,
            [
                {
                    "date_start": D(2028, 1, 1),
                    "date_end": D(2028, 12, 31),
                    "registration_deadline": D(2028, 1, 31),
                    "proposal_deadline": D(2028, 11, 30),
                    "recognition_deadline": D(2028, 11, 30),
                }
            ],
        )

        with Form(Campaign) as form:
            self.assertEqual(form.year, 2026)
            self.assertEqual(form.profile_id, party)
            self.assertEqual(form.registration_deadline, D(2026, 3, 29))
            self.assertEqual(form.proposal_deadline, D(2026, 9, 30))
            self.assertEqual(form.recognition_deadline, D(2026, 10, 14))
            self.assertEqual(form.name, '"Dân vận khéo" emulation movement 2026')
            # The default name follows the year until the user writes his own.
            form.year = 2027
            self.assertEqual(form.name, '"Dân vận khéo" emulation movement 2027')
            form.name = "Dân vận khéo emulation 2027"
            self.assertEqual(form.registration_deadline, D(2027, 3, 29))
            self.assertEqual(form.proposal_deadline, D(2027, 9, 30))
            self.assertEqual(form.recognition_deadline, D(2027, 10, 14))
            form.profile_id = bloc_profile
            self.assertEqual(form.date_start, D(2027, 1, 1))
            self.assertEqual(form.date_end, D(2027, 12, 31))
            self.assertEqual(form.registration_deadline, D(2027, 1, 31))
            self.assertEqual(form.proposal_deadline, D(2027, 11, 30))
            self.assertEqual(form.recognition_deadline, D(2027, 11, 30))
        campaign = form.record
        self.assertRecordValues(
            campaign,
            [
                {
                    "year": 2027,
                    "state": "draft",
                    "profile_id": bloc_profile.id,
                    "registration_deadline": D(2027, 1, 31),
                }
            ],
        )

    def test_campaign_create_defaults_follow_year(self):
        """Seed 001 §4 / RELIABILITY (b) 19: a campaign created in advance for
        next year (over RPC, without the deadlines) takes the deadlines of its
        own year, not of the current year."""
        campaign = (
            self.env["dvk.campaign"]
            .with_user(self.user_manager)
            .create({"name": "Dân vận khéo 2027", "year": 2027})
        )
        self.assertRecordValues(
            campaign,
            [
                {
                    "date_start": D(2027, 1, 1),
                    "date_end": D(2027, 12, 31),
                    "registration_deadline": D(2027, 3, 29),
                    "proposal_deadline": D(2027, 9, 30),
                    "recognition_deadline": D(2027, 10, 14),
                }
            ],
        )

    # ------------------------------------------------------------------
    # Names and duplicates
    # ------------------------------------------------------------------
    def test_duplicate_registration(self):
        """DESIGN §4 / RELIABILITY (b) 20, 28: the same model (name equal up to
        NFC/NFD, case and spaces) of the same unit in the same campaign raises
        UniqueViolation; another unit or another subject is allowed."""
        name = "Dân vận khéo trong hiến đất làm đường"
        self._create_model(name=name)
        twin = "  " + unicodedata.normalize("NFD", name.upper()).replace(" ", "   ")
        self.assertNotEqual(unicodedata.normalize("NFC", twin).strip(), name)
        with mute_logger("odoo.sql_db"), self.assertRaises(UniqueViolation):
            self._create_model(user=self.user_staff2, name=twin)
            self.env.flush_all()

        other_unit = self._create_model(
            user=self.user_other, name=name, department_id=self.commune_other.id
        )
        individual = self._create_model(
            name=name, subject_type="individual", employee_id=self.emp_staff.id
        )
        self.env.flush_all()
        self.assertEqual(other_unit.name_key, individual.name_key)

    def test_removed_duplicate_allows_new(self):
        """RELIABILITY (b) 20: the uniqueness ignores removed registrations (a
        partial index), so a removed model can be registered again."""
        name = "Dân vận khéo trong hiến đất làm đường"
        first = self._approved(name=name)
        first.with_user(self.user_officer).action_remove(reason="discontinued")
        again = self._create_model(name=name.upper())
        self.env.flush_all()
        self.assertEqual(again.name_key, first.name_key)
        self.assertEqual(again.state, "draft")

    def test_name_stored_nfc(self):
        """RELIABILITY (b) 28: a Vietnamese name typed in NFD is stored in NFC,
        with single inner spaces, both on create and on write."""
        name = "Dân vận khéo trong xây dựng nông thôn mới"
        nfd = unicodedata.normalize("NFD", name)
        self.assertNotEqual(nfd, name)
        model = self._create_model(name=f" {nfd.replace(' ', '  ')} ")
        self.assertEqual(model.name, name)
        self.assertEqual(self.env["dvk.model"].search([("name", "=", name)]), model)
        other = "Đồng khởi xây dựng đô thị văn minh"
        model.name = unicodedata.normalize("NFD", other)
        self.assertEqual(model.name, other)

    def test_whitespace_name_refused(self):
        """RELIABILITY (b) 32: whitespace-only required text raises
        ValidationError, on create and on write."""
        for blank in ("   ", "\u00a0\t\n"):
            with (
                self.subTest(blank=blank),
                self._assertRaisesExact(ValidationError, "needs a name"),
            ):
                self._create_model(name=blank)
        model = self._create_model()
        with self._assertRaisesExact(ValidationError, "needs a name"):
            model.name = " \u3000 "
