"""A wrongly issued decision is withdrawn by the officer who issued it: the
officer of the issuing unit (or of a unit above it) cancels it with the
reason, its models go back to where the other decisions leave them, and the
chatter of the decision and of each model says why. The Cancel button shows
to exactly those who may use it; deleting an issued decision names that
button (DESIGN §3: corrections go through a new decision)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import DvkCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDecisionCancel(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district_other = cls.env["hr.department"].create(
            {
                "name": "Huyện ủy Càng Long",
                "parent_id": cls.province.id,
                "dvk_level_id": cls.level_district.id,
                "dvk_decision_symbol": "HU",
            }
        )
        cls.user_officer_other = new_test_user(
            cls.env,
            login="dvk_off_cl",
            groups="dvk_models.group_dvk_officer",
            name="Officer of another district",
        )
        cls.user_officer_other.dvk_department_ids = cls.district_other

    def _issued(self):
        model = self._proposed()
        decision = self._decision(model)
        decision.action_confirm()
        return model, decision

    def _cancel_through_dialog(self, decision, user, reason):
        action = decision.with_user(user).action_cancel_wizard()
        wizard = self.env["dvk.reason.wizard"].with_user(user).browse(action["res_id"])
        wizard.reason = reason
        wizard.action_confirm()

    def test_issuing_officer_cancels_with_reason(self):
        """Rule: the officer of the issuing unit's district (the commune is in
        his charge) cancels the decision he issued, through the reason
        dialog; the model goes back to proposed at the decision's level, the
        number stays with the cancelled decision, and the reason is in the
        chatter of the decision and of the model."""
        model, decision = self._issued()
        number = decision.name
        self._cancel_through_dialog(decision, self.user_officer, "Ghi sai tên mô hình")
        self.assertRecordValues(
            decision,
            [
                {
                    "state": "cancelled",
                    "name": number,
                    "cancel_reason": "Ghi sai tên mô hình",
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
        decision_bodies = " ".join(str(m.body) for m in decision.message_ids)
        self.assertIn("Ghi sai tên mô hình", decision_bodies)
        model_bodies = " ".join(str(m.body) for m in model.message_ids)
        self.assertIn("Ghi sai tên mô hình", model_bodies)
        self.assertIn(number, model_bodies)

    def test_officer_of_another_subtree_refused(self):
        """Rule: an officer whose units do not hold the issuing unit cannot
        cancel its decision (AccessError), neither by the dialog nor by the
        action; a DVK user who is no officer cannot either. The decision
        stays issued."""
        model, decision = self._issued()
        with self.assertRaises(AccessError):
            decision.with_user(self.user_officer_other).action_cancel(reason="Sai")
        with self.assertRaises(AccessError):
            decision.with_user(self.user_officer_other).action_cancel_wizard()
        with self.assertRaises(AccessError):
            decision.with_user(self.user_approver).action_cancel(reason="Sai")
        self.assertEqual(decision.state, "confirmed")
        self.assertEqual(model.state, "recognized")

    def test_cancel_button_shown_to_who_can_cancel(self):
        """Rule: the Cancel button shows by the predicate of the server's
        guard: to the issuing officer and to a DVK manager on an issued
        decision; not to an officer of another subtree, to a user who is no
        officer, nor on a draft or a cancelled decision."""
        _model, decision = self._issued()
        draft = self._decision(self._proposed(name="Dân vận khéo nhà văn hóa ấp"))

        def shown(record, user):
            record = record.with_user(user)
            record.invalidate_recordset(["can_cancel"])
            return record.can_cancel

        self.assertTrue(shown(decision, self.user_officer))
        self.assertTrue(shown(decision, self.user_manager))
        self.assertFalse(shown(decision, self.user_officer_other))
        self.assertFalse(shown(decision, self.user_approver))
        self.assertFalse(shown(draft, self.user_officer))
        decision.with_user(self.user_manager).action_cancel(reason="Sai cấp")
        self.assertFalse(shown(decision, self.user_manager))
        view = self.env["dvk.decision"].get_view(
            self.env.ref("dvk_models.dvk_decision_view_form").id
        )["arch"]
        self.assertIn('name="action_cancel_wizard"', view)
        self.assertRegex(
            view, r'<button name="action_cancel_wizard"[^>]*invisible="not can_cancel"'
        )

    def test_delete_refused_naming_the_cancel_button(self):
        """Rule: an issued decision is never deleted; the refusal names the
        way that exists (its Cancel Decision button, with the reason), and a
        cancelled decision stays on record."""
        _model, decision = self._issued()
        with self.assertRaises(UserError) as capture:
            decision.with_user(self.user_officer).unlink()
        self.assertIn("Cancel Decision", str(capture.exception))
        decision.with_user(self.user_officer).action_cancel(reason="Sai cấp")
        with self.assertRaises(UserError):
            decision.with_user(self.user_officer).unlink()
        self.assertTrue(decision.exists())
