"""Workflow integrity of models, exemplars, decisions and campaigns: state
and workflow fields change only through guarded business methods
(RELIABILITY.md A3, A4, A8 and (b) 11-16, 21, 23, 30)."""

import datetime
from ast import literal_eval

from psycopg2.errors import ForeignKeyViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common import DvkCommon

MODEL_STATES = (
    "draft",
    "submitted",
    "approved",
    "proposed",
    "recognized",
    "refused",
    "removed",
    "carried_over",
)

# The transition table of dvk.model: business method -> states it starts from.
MODEL_TRANSITIONS = {
    "action_submit": {"draft", "refused"},
    "action_approve": {"submitted"},
    "action_refuse": {"submitted"},
    "action_propose": {"approved", "recognized"},
    "action_withdraw_proposal": {"proposed"},
    "action_remove": {"approved", "proposed", "carried_over"},
    "action_carry_over": {"approved"},
    "action_reset_to_draft": {"refused"},
    "action_renew": {"recognized"},
}


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestWorkflowGuards(DvkCommon):
    def _force(self, records, **vals):
        """Put records in a state for the test, as the superuser would."""
        records.with_env(self.env).write(vals)
        return records.with_env(self.env)

    def _recognized(self, **kw):
        model = self._proposed(**kw)
        decision = self._decision(model)
        decision.action_confirm()
        return model.with_env(self.env), decision.with_env(self.env)

    def _call(self, records, method):
        """Call a transition with valid arguments."""
        kwargs = {
            "action_refuse": {"reason": "Thiếu kế hoạch"},
            "action_propose": {"level": self.level_grassroots},
            "action_remove": {"reason": "ineffective"},
        }.get(method, {})
        return getattr(records, method)(**kwargs)

    # ------------------------------------------------------------------
    # (b) 11: no direct write of workflow fields
    # ------------------------------------------------------------------
    def test_state_cannot_be_written(self):
        """RELIABILITY (b) 11, A3: ``write({'state': s})`` by the registrant,
        an officer or a manager raises UserError for every non-draft state,
        and the state stays draft."""
        model = self._create_model()
        for user in (self.user_staff, self.user_officer, self.user_manager):
            for state in MODEL_STATES[1:]:
                with self.subTest(user=user.login, state=state):
                    with self.assertRaises(UserError):
                        model.with_user(user).write({"state": state})
        self.assertRecordValues(model.with_env(self.env), [{"state": "draft"}])

    def test_state_cannot_be_created(self):
        """RELIABILITY (b) 11, A3: ``create({'state': s})`` by a non-superuser
        raises UserError for every non-draft state and creates nothing."""
        Model = self.env["dvk.model"]
        for user in (self.user_staff, self.user_officer, self.user_manager):
            for state in MODEL_STATES[1:]:
                with self.subTest(user=user.login, state=state):
                    with self.assertRaises(UserError):
                        Model.with_user(user).create(
                            self._model_vals(state=state, name=f"Tự duyệt {state}")
                        )
        self.assertFalse(Model.search([("name", "=like", "Tự duyệt%")]))

    def test_workflow_fields_cannot_be_written(self):
        """RELIABILITY (b) 11, A3, DESIGN §3: the approver, registration date,
        approval date, proposed and recognised levels, refusal and removal
        reasons and the previous year cannot be written nor created directly
        (UserError), even on a draft, and stay unchanged."""
        previous = self._create_model(name="Năm trước")
        model = self._create_model()
        values = {
            "approver_id": self.user_staff.id,
            "registration_date": datetime.date(2026, 2, 1),
            "approval_date": datetime.date(2026, 2, 2),
            "proposal_level_id": self.level_province.id,
            "recognized_level_id": self.level_province.id,
            "refusal_reason": "Tự ghi",
            "removal_reason": "ineffective",
            "removal_note": "Tự ghi",
            "previous_id": previous.id,
        }
        for user in (self.user_staff, self.user_officer, self.user_manager):
            for fname, value in values.items():
                with self.subTest(user=user.login, field=fname):
                    with self.assertRaises(UserError):
                        model.with_user(user).write({fname: value})
                    with self.assertRaises(UserError):
                        self.env["dvk.model"].with_user(user).create(
                            self._model_vals(name=f"Mới {fname}", **{fname: value})
                        )
        self.assertRecordValues(
            model.with_env(self.env), [dict.fromkeys(values, False)]
        )

    def test_exemplar_workflow_fields_cannot_be_written(self):
        """RELIABILITY (b) 11, A3: an officer cannot write or create an
        exemplar's state, proposed level or recognised level (UserError)."""
        exemplar = self._exemplar(subject_type="collective")
        values = {
            "state": "recognized",
            "proposal_level_id": self.level_grassroots.id,
            "recognized_level_id": self.level_grassroots.id,
            "refusal_reason": "Tự ghi",
        }
        for fname, value in values.items():
            with self.subTest(field=fname):
                with self.assertRaises(UserError):
                    exemplar.write({fname: value})
                with self.assertRaises(UserError):
                    exemplar.create(
                        {
                            "campaign_id": self.campaign.id,
                            "subject_type": "collective",
                            "department_id": self.commune_other.id,
                            fname: value,
                        }
                    )
        self.assertRecordValues(
            exemplar.with_env(self.env),
            [
                {
                    "state": "draft",
                    "proposal_level_id": False,
                    "recognized_level_id": False,
                    "refusal_reason": False,
                }
            ],
        )

    def test_decision_number_and_state_cannot_be_written(self):
        """RELIABILITY (b) 11, A8 gapless numbering: an officer cannot write
        nor create a decision's number or state (UserError); they change
        only through Confirm and Cancel."""
        decision = self._decision(self._proposed())
        for vals in (
            {"name": "99/QĐ-BCĐH"},
            {"state": "confirmed"},
            {"state": "cancelled"},
            {"cancel_reason": "Tự hủy"},
        ):
            with self.subTest(vals=vals):
                with self.assertRaises(UserError):
                    decision.write(vals)
                with self.assertRaises(UserError):
                    decision.create(
                        {
                            "campaign_id": self.campaign.id,
                            "level_id": self.level_grassroots.id,
                            "authority_department_id": self.commune.id,
                            **vals,
                        }
                    )
        self.assertRecordValues(
            decision.with_env(self.env),
            [{"name": False, "state": "draft", "cancel_reason": False}],
        )

    def test_campaign_state_cannot_be_written(self):
        """RELIABILITY (b) 11, A3: even a DVK manager cannot write or create
        a campaign's state; only Open and Close change it (UserError)."""
        Campaign = self.env["dvk.campaign"].with_user(self.user_manager)
        with self.assertRaises(UserError):
            self.campaign.with_user(self.user_manager).write({"state": "closed"})
        with self.assertRaises(UserError):
            Campaign.create(
                {
                    "name": "Dân vận khéo 2027",
                    "year": 2027,
                    "date_start": datetime.date(2027, 1, 1),
                    "date_end": datetime.date(2027, 12, 31),
                    "registration_deadline": datetime.date(2027, 3, 29),
                    "recognition_deadline": datetime.date(2027, 10, 14),
                    "state": "open",
                }
            )
        self.assertRecordValues(self.campaign, [{"state": "open"}])
        self.assertFalse(self.env["dvk.campaign"].search([("year", "=", 2027)]))

    # ------------------------------------------------------------------
    # (b) 12: the transition table
    # ------------------------------------------------------------------
    def test_transitions_outside_the_table(self):
        """RELIABILITY (b) 12, DESIGN §5: every business method called from a
        state outside the transition table (draft→approve, submitted→
        propose, approved→approve, refused→approve, ...) raises UserError,
        even for a DVK manager, and leaves the state unchanged."""
        model = self._create_model()
        base = self._force(model, approver_id=self.user_approver.id)
        for method, allowed in MODEL_TRANSITIONS.items():
            for state in MODEL_STATES:
                if state in allowed:
                    continue
                self._force(base, state=state)
                with self.subTest(method=method, state=state):
                    with self.assertRaises(UserError):
                        self._call(model.with_user(self.user_manager), method)
                    self.assertEqual(base.state, state)

    def test_allowed_transitions_work_once(self):
        """RELIABILITY (b) 12: each allowed transition succeeds once and
        repeating it raises UserError (submit, approve, propose, confirm,
        withdraw, refuse, reset to draft, remove, carry over)."""
        model = self._create_model()
        model.action_submit()
        with self.assertRaises(UserError):
            model.action_submit()
        as_approver = model.with_user(self.user_approver)
        as_approver.action_approve()
        with self.assertRaises(UserError):
            as_approver.action_approve()
        with self.assertRaises(UserError):
            as_approver.action_refuse(reason="Muộn")
        as_officer = model.with_user(self.user_officer)
        self._self_assess(model)
        as_officer.action_propose(self.level_grassroots)
        with self.assertRaises(UserError):
            as_officer.action_propose(self.level_grassroots)
        as_officer.action_withdraw_proposal()
        with self.assertRaises(UserError):
            as_officer.action_withdraw_proposal()
        self.assertEqual(model.with_env(self.env).state, "approved")
        as_officer.action_propose(self.level_grassroots)
        decision = self._decision(model)
        decision.action_confirm()
        with self.assertRaises(UserError):
            decision.action_confirm()
        self.assertEqual(model.with_env(self.env).state, "recognized")

        refused = self._submitted(name="Mô hình bị trả lại")
        refused.with_user(self.user_approver).action_refuse(reason="Thiếu kế hoạch")
        with self.assertRaises(UserError):
            refused.with_user(self.user_approver).action_refuse(reason="Lần hai")
        refused.action_reset_to_draft()
        with self.assertRaises(UserError):
            refused.action_reset_to_draft()
        self.assertRecordValues(
            refused.with_env(self.env),
            [{"state": "draft", "refusal_reason": "Thiếu kế hoạch"}],
        )

        removed = self._approved(name="Mô hình bị loại")
        removed.with_user(self.user_officer).action_remove(reason="discontinued")
        with self.assertRaises(UserError):
            removed.with_user(self.user_officer).action_remove(reason="discontinued")

        self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo 2027",
                "year": 2027,
                "date_start": datetime.date(2027, 1, 1),
                "date_end": datetime.date(2027, 12, 31),
                "registration_deadline": datetime.date(2027, 3, 29),
                "recognition_deadline": datetime.date(2027, 10, 14),
            }
        ).action_open()
        carried = self._approved(name="Mô hình chuyển năm")
        carried.with_user(self.user_officer).action_carry_over()
        with self.assertRaises(UserError):
            carried.with_user(self.user_officer).action_carry_over()
        self.assertRecordValues(
            (removed | carried).with_env(self.env),
            [{"state": "removed"}, {"state": "carried_over"}],
        )

    def test_campaign_and_decision_transitions_work_once(self):
        """RELIABILITY (b) 12: opening, closing and cancelling work once;
        repeating them raises UserError."""
        as_manager = self.campaign.with_user(self.user_manager)
        with self.assertRaises(UserError):
            as_manager.action_open()
        model, decision = self._recognized()
        decision.with_user(self.user_manager).action_cancel(reason="Sai đối tượng")
        with self.assertRaises(UserError):
            decision.with_user(self.user_manager).action_cancel(reason="Lần hai")
        self.assertRecordValues(decision, [{"state": "cancelled"}])
        self.assertRecordValues(model, [{"state": "proposed"}])
        as_manager.action_close()
        with self.assertRaises(UserError):
            as_manager.action_close()
        self.assertEqual(self.campaign.state, "closed")

    def test_exemplar_transitions_work_once(self):
        """RELIABILITY (b) 12: an exemplar is proposed once and refused once;
        proposing or refusing it again raises UserError."""
        model, _decision = self._recognized()
        exemplar = (
            self.env["dvk.exemplar"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "subject_type": "collective",
                    "department_id": self.commune.id,
                    "model_ids": [(6, 0, model.ids)],
                }
            )
        )
        self._self_assess(exemplar)
        exemplar.action_propose(self.level_grassroots)
        with self.assertRaises(UserError):
            exemplar.action_propose(self.level_grassroots)
        exemplar.action_refuse(reason="Chưa tiêu biểu")
        with self.assertRaises(UserError):
            exemplar.action_refuse(reason="Lần hai")
        self.assertRecordValues(
            exemplar.with_env(self.env),
            [{"state": "refused", "refusal_reason": "Chưa tiêu biểu"}],
        )

    # ------------------------------------------------------------------
    # (b) 13: who may decide
    # ------------------------------------------------------------------
    def test_registrant_cannot_approve(self):
        """RELIABILITY (b) 13, A3, DESIGN §4: the registrant cannot approve or
        refuse her own model (UserError), and neither can a manager who
        registered it himself."""
        model = self._submitted()
        with self.assertRaises(UserError):
            model.action_approve()
        with self.assertRaises(UserError):
            model.action_refuse(reason="Tự từ chối")
        own = self._create_model(user=self.user_manager, name="Mô hình của trưởng ban")
        own.action_submit()
        with self.assertRaises(UserError):
            own.action_approve()
        self.assertRecordValues(
            (model | own).with_env(self.env),
            [{"state": "submitted"}, {"state": "submitted"}],
        )

    def test_subject_cannot_approve(self):
        """RELIABILITY (b) 13: the person an individual model is about cannot
        approve it, even when someone else registered it (UserError)."""
        model = self._create_model(
            user=self.user_officer,
            subject_type="individual",
            employee_id=self.emp_approver.id,
            name="Cá nhân trưởng xã",
        )
        model.action_submit()
        # The commune head is the subject: the approval goes up to the district.
        self.assertEqual(model.approver_id, self.user_district_head)
        with self.assertRaises(UserError):
            model.with_user(self.user_approver).action_approve()
        # Even if the routing named the subject, he still could not decide.
        self._force(model, approver_id=self.user_approver.id)
        with self.assertRaises(UserError):
            model.with_user(self.user_approver).action_approve()
        self.assertEqual(model.with_env(self.env).state, "submitted")

    def test_only_the_assigned_approver_decides(self):
        """RELIABILITY (b) 13: a user who can see the model but is not its
        approver (an officer, a participant) gets UserError on approve and
        refuse; the assigned approver succeeds."""
        model = self._submitted()
        self._force(model, member_ids=[(6, 0, self.emp_staff2.ids)])
        for user in (self.user_officer, self.user_staff2):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    model.with_user(user).action_approve()
                with self.assertRaises(UserError):
                    model.with_user(user).action_refuse(reason="Không phải tôi")
        self.assertEqual(model.with_env(self.env).state, "submitted")
        model.with_user(self.user_approver).action_approve()
        self.assertEqual(model.with_env(self.env).state, "approved")

    # ------------------------------------------------------------------
    # (b) 14: activities are not approvals
    # ------------------------------------------------------------------
    def _approval_activities(self, model, active=True):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "dvk.model"),
                    ("res_id", "=", model.id),
                    (
                        "activity_type_id",
                        "=",
                        self.env.ref("dvk_models.mail_activity_type_dvk_approval").id,
                    ),
                    ("active", "=", active),
                ]
            )
        )

    def test_marking_the_activity_done_is_not_an_approval(self):
        """RELIABILITY (b) 14, A4: marking the approval activity done by hand,
        by the approver or a DVK manager, leaves the model submitted (the
        registrant may not mark it done at all: test_activity_guard)."""
        for user in (self.user_approver, self.user_manager):
            with self.subTest(user=user.login):
                model = self._submitted(name=f"Mô hình {user.login}")
                activity = self._approval_activities(model)
                self.assertEqual(len(activity), 1)
                activity.with_user(user).action_feedback(feedback="Đã duyệt")
                self.assertFalse(self._approval_activities(model))
                self.assertRecordValues(
                    model.with_env(self.env),
                    [{"state": "submitted", "approval_date": False}],
                )

    def test_approval_closes_exactly_one_activity(self):
        """RELIABILITY (b) 14, DESIGN §3: approving closes the one approval
        activity and leaves the model's other activities alone."""
        model = self._submitted()
        todo = model.with_env(self.env).activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_staff.id
        )
        self.assertEqual(len(self._approval_activities(model)), 1)
        model.with_user(self.user_approver).action_approve()
        self.assertFalse(self._approval_activities(model))
        done = self._approval_activities(model, active=False)
        self.assertEqual(len(done), 1)
        self.assertEqual(done.feedback, "Approved")
        self.assertTrue(todo.exists() and todo.active)
        self.assertEqual(model.with_env(self.env).activity_ids, todo)

    # ------------------------------------------------------------------
    # (b) 15: recognised records are frozen
    # ------------------------------------------------------------------
    def test_recognized_model_is_frozen(self):
        """RELIABILITY (b) 15, DESIGN §3: once recognised, every write except
        message_*/activity_* fields raises UserError, for the registrant,
        the officer and the manager alike; targets are frozen too."""
        model, _decision = self._recognized()
        model.with_env(self.env).target_ids = [
            (0, 0, {"name": "Hộ hiến đất", "target": 10})
        ]
        skip = {"id", "display_name", "create_uid", "create_date", "write_uid"}
        skip |= {"write_date", "parent_path"}
        writable = [
            fname
            for fname, field in model._fields.items()
            if fname not in skip
            and not fname.startswith(("message_", "activity_"))
            and (field.store or field.inverse)
            and not (field.compute and not field.inverse and field.readonly)
        ]
        self.assertIn("name", writable)
        self.assertIn("member_ids", writable)
        self.assertIn("result_summary", writable)
        for user in (self.user_staff, self.user_officer, self.user_manager):
            record = model.with_user(user)
            for fname in writable:
                field = model._fields[fname]
                value = field.convert_to_write(model[fname], model)
                with self.subTest(user=user.login, field=fname):
                    with self.assertRaises(UserError):
                        record.write({fname: value})
            with self.subTest(user=user.login, field="target_ids.actual"):
                with self.assertRaises(UserError):
                    record.target_ids.write({"actual": 12})
            with self.subTest(user=user.login, field="target_ids create"):
                with self.assertRaises(UserError):
                    self.env["dvk.model.target"].with_user(user).create(
                        {"model_id": model.id, "name": "Chỉ tiêu thêm", "target": 1}
                    )
            with self.subTest(user=user.login, field="target_ids unlink"):
                with self.assertRaises(UserError):
                    record.target_ids.unlink()
        self.assertEqual(len(model.target_ids), 1)
        # Following the record is still possible.
        model.with_user(self.user_staff).message_subscribe(
            partner_ids=self.user_staff2.partner_id.ids
        )
        self.assertIn(self.user_staff2.partner_id, model.message_partner_ids)
        self.assertRecordValues(
            model, [{"state": "recognized", "result_summary": False}]
        )

    def test_recognized_model_cannot_be_deleted_but_copies_to_draft(self):
        """RELIABILITY (b) 15, A8: a recognised model cannot be deleted, even
        by a manager (UserError through @api.ondelete); its copy is a draft
        without approver, dates, levels or reasons."""
        model, _decision = self._recognized()
        for user in (self.user_staff, self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    model.with_user(user).unlink()
        self.assertTrue(model.exists())
        copy = model.with_user(self.user_staff).copy()
        self.assertRecordValues(
            copy.with_env(self.env),
            [
                {
                    "state": "draft",
                    "approver_id": False,
                    "approval_date": False,
                    "registration_date": False,
                    "proposal_level_id": False,
                    "recognized_level_id": False,
                    "refusal_reason": False,
                    "previous_id": False,
                    "create_uid": self.user_staff.id,
                }
            ],
        )
        self.assertEqual(copy.with_env(self.env).name, f"{model.name} (copy)")

    def test_issued_decision_is_frozen(self):
        """RELIABILITY (b) 15, DESIGN §3: a confirmed decision cannot be
        edited, nor its lines changed, nor deleted."""
        _model, decision = self._recognized()
        as_officer = decision.with_user(self.user_officer)
        for vals in (
            {"date": datetime.date(2026, 10, 11)},
            {"signer_title": "PHÓ TRƯỞNG BAN"},
            {"level_id": self.level_district.id},
            {"note": "<p>Căn cứ sửa</p>"},
        ):
            with self.subTest(vals=vals):
                with self.assertRaises(UserError):
                    as_officer.write(vals)
        with self.assertRaises(UserError):
            as_officer.line_ids.write({"note": "Sửa"})
        with self.assertRaises(UserError):
            as_officer.line_ids.unlink()
        with self.assertRaises(UserError):
            as_officer.unlink()
        self.assertRecordValues(
            decision,
            [{"state": "confirmed", "date": datetime.date(2026, 10, 10)}],
        )
        self.assertEqual(len(decision.line_ids), 1)

    # ------------------------------------------------------------------
    # (b) 16: refusal reason
    # ------------------------------------------------------------------
    def test_refusal_needs_a_reason_and_logs_it(self):
        """RELIABILITY (b) 16: refusing without a reason (or with blanks)
        raises ValidationError; the reason is stored and posted in the
        chatter."""
        model = self._submitted()
        as_approver = model.with_user(self.user_approver)
        for reason in (None, "", "   \n "):
            with self.subTest(reason=reason):
                with self.assertRaises(ValidationError):
                    as_approver.action_refuse(reason=reason)
        self.assertEqual(model.with_env(self.env).state, "submitted")
        as_approver.action_refuse(reason="Chưa có kế hoạch triển khai")
        model = model.with_env(self.env)
        self.assertRecordValues(
            model,
            [{"state": "refused", "refusal_reason": "Chưa có kế hoạch triển khai"}],
        )
        model.invalidate_recordset(["message_ids"])
        logged = model.message_ids.filtered(
            lambda m: "Chưa có kế hoạch triển khai" in m.body
        )
        self.assertEqual(len(logged), 1)
        self.assertIn(self.user_approver.name, logged.body)
        self.assertEqual(logged.author_id, self.user_approver.partner_id)

    # ------------------------------------------------------------------
    # (b) 23: tracking
    # ------------------------------------------------------------------
    def _tracking(self, record, fname):
        field = self.env["ir.model.fields"]._get(record._name, fname)
        return self.env["mail.tracking.value"].search(
            [
                ("field_id", "=", field.id),
                ("mail_message_id.model", "=", record._name),
                ("mail_message_id.res_id", "=", record.id),
            ],
            order="id",
        )

    def _flush(self):
        self.env.flush_all()
        self.env.cr.flush()  # runs the precommit hooks that write tracking

    def test_tracking_of_state_approver_and_number(self):
        """RELIABILITY (b) 23, DESIGN §4: each change of state, of approver and
        of decision number creates exactly one mail.tracking.value with its
        old and new values."""
        tracked = dict(self.env.context, tracking_disable=False, mail_notrack=False)
        env = self.env(context=tracked)
        model = (
            env["dvk.model"]
            .with_user(self.user_staff)
            .create(self._model_vals())
            .with_env(env)
        )
        self._flush()
        self.assertFalse(self._tracking(model, "state"))
        model.with_user(self.user_staff).action_submit()
        self._flush()
        model.invalidate_recordset(["message_ids"])
        state = self._tracking(model, "state")
        self.assertRecordValues(
            state, [{"old_value_char": "Draft", "new_value_char": "Submitted"}]
        )
        approver = self._tracking(model, "approver_id")
        self.assertRecordValues(
            approver,
            [{"old_value_char": "", "new_value_char": self.user_approver.name}],
        )
        model.with_user(self.user_approver).action_approve()
        self._flush()
        state = self._tracking(model, "state")
        self.assertEqual(len(state), 2)
        self.assertRecordValues(
            state[1], [{"old_value_char": "Submitted", "new_value_char": "Approved"}]
        )
        self.assertEqual(len(self._tracking(model, "approver_id")), 1)

        self._self_assess(model)
        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        decision = self._decision(model).with_env(env)
        self._flush()
        self.assertFalse(self._tracking(decision, "name"))
        decision.with_user(self.user_officer).action_confirm()
        self._flush()
        number = self._tracking(decision, "name")
        self.assertRecordValues(
            number, [{"old_value_char": False, "new_value_char": decision.name}]
        )
        self.assertTrue(decision.name.endswith("/QĐ-BCĐX"))
        self.assertRecordValues(
            self._tracking(model, "state")[-1],
            [{"old_value_char": "Proposed", "new_value_char": "Recognised"}],
        )
        # The recognised level, recomputed from the decision, is logged once.
        self.assertRecordValues(
            self._tracking(model, "recognized_level_id"),
            [{"old_value_char": "", "new_value_char": self.level_grassroots.name}],
        )

    def test_tracking_is_not_doubled_within_a_transaction(self):
        """RELIABILITY (b) 23, A8: an edit and a workflow step in the same
        transaction log each change once: the state change is not logged
        again when mail.thread finalises its tracking at commit."""
        tracked = dict(self.env.context, tracking_disable=False, mail_notrack=False)
        env = self.env(context=tracked)
        model = (
            env["dvk.model"]
            .with_user(self.user_staff)
            .create(self._model_vals())
            .with_env(env)
        )
        self._flush()
        as_staff = model.with_user(self.user_staff)
        as_staff.write({"name": "Dân vận khéo trong xây dựng nông thôn mới"})
        as_staff.action_submit()
        self._flush()
        self.assertRecordValues(
            self._tracking(model, "state"),
            [{"old_value_char": "Draft", "new_value_char": "Submitted"}],
        )
        self.assertRecordValues(
            self._tracking(model, "name"),
            [
                {
                    "old_value_char": "Dân vận khéo trong hiến đất làm đường",
                    "new_value_char": "Dân vận khéo trong xây dựng nông thôn mới",
                }
            ],
        )

    # ------------------------------------------------------------------
    # (b) 21: referenced configuration is archived, not deleted
    # ------------------------------------------------------------------
    def test_referenced_configuration_cannot_be_deleted(self):
        """RELIABILITY (b) 21, DESIGN §4: deleting a level, field, unit or
        campaign that a model references raises UserError or
        ForeignKeyViolation; the records stay."""
        model = self._create_model().with_env(self.env)
        self.assertEqual(model.level_id, self.level_grassroots)
        as_manager = self.env["dvk.level"].with_user(self.user_manager)
        with self.assertRaises(UserError):
            as_manager.browse(self.level_grassroots.id).unlink()
        with self.assertRaises(UserError):
            self.campaign.with_user(self.user_manager).unlink()
        for record in (self.field_kt, self.commune):
            with self.subTest(record=record):
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(ForeignKeyViolation),
                    self.env.cr.savepoint(),
                ):
                    record.unlink()
                    self.env.flush_all()
        self.assertTrue(
            self.level_grassroots.exists()
            and self.field_kt.exists()
            and self.campaign.exists()
            and self.commune.exists()
        )
        self.assertEqual(model.field_id, self.field_kt)

    def test_archived_configuration_is_hidden(self):
        """RELIABILITY (b) 21: archiving a used level or field works and hides
        it from searches and selection; closing a campaign hides it from the
        campaigns a model can be registered in."""
        model = self._create_model(level_id=self.level_district.id).with_env(self.env)
        self.level_district.with_user(self.user_manager).action_archive()
        self.field_kt.with_user(self.user_manager).action_archive()
        Level = self.env["dvk.level"].with_user(self.user_staff)
        self.assertNotIn(self.level_district, Level.search([]))
        self.assertNotIn(self.level_district.id, [i for i, _n in Level.name_search("")])
        self.assertNotIn(
            self.field_kt, self.env["dvk.field"].with_user(self.user_staff).search([])
        )
        # The model keeps its (archived) references.
        self.assertRecordValues(
            model,
            [{"level_id": self.level_district.id, "field_id": self.field_kt.id}],
        )
        domain = literal_eval(self.env["dvk.model"]._fields["campaign_id"].domain)
        Campaign = self.env["dvk.campaign"].with_user(self.user_staff)
        self.assertIn(self.campaign, Campaign.search(domain))
        self.campaign.with_user(self.user_manager).action_close()
        self.assertNotIn(self.campaign, Campaign.search(domain))

    # ------------------------------------------------------------------
    # (b) 30: hostile names
    # ------------------------------------------------------------------
    def test_markup_is_stored_as_text_and_escaped(self):
        """RELIABILITY (b) 30, A7: a name with ``<script>`` is stored as plain
        text; user text (reason, user name) posted in the chatter is escaped,
        never rendered as markup."""
        script = "<script>alert('x')</script> Mô hình"
        model = self._create_model(name=script).with_env(self.env)
        self.assertEqual(model.name, script)
        model.action_submit()
        self.user_approver.name = "<b>Duyệt</b>"
        model.with_user(self.user_approver).action_refuse(reason=script)
        model.invalidate_recordset(["message_ids"])
        message = model.message_ids.filtered(lambda m: "alert" in m.body)
        self.assertEqual(len(message), 1)
        self.assertNotIn("<script>", message.body)
        self.assertIn("&lt;script&gt;", message.body)
        self.assertNotIn("<b>Duyệt</b>", message.body)
        self.assertIn("&lt;b&gt;Duyệt&lt;/b&gt;", message.body)
        self.assertEqual(model.refusal_reason, script)

    def test_name_length_is_limited(self):
        """RELIABILITY (b) 30, (b) 32: a model name over 500 characters is
        refused (ValidationError) at create and write; 500 is accepted."""
        Model = self.env["dvk.model"].with_user(self.user_staff)
        with self.assertRaises(ValidationError):
            Model.create(self._model_vals(name="x" * 501))
        model = Model.create(self._model_vals(name="y" * 500))
        with self.assertRaises(ValidationError):
            model.write({"name": "z" * 4000})
        self.assertEqual(model.with_env(self.env).name, "y" * 500)
