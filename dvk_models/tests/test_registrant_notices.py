"""The registrant hears of what happens to his registration: besides its
approval and refusal, its recognition by a decision and the cancellation of
that decision (with the reason, as the cancel dialog says) reach him, the way
he chose in his preferences (Odoo inbox or email), and the registrant of
several records of one decision gets one notice listing them."""

from odoo.tests import freeze_time, tagged

from .common import DvkCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestRegistrantNotices(DvkCommon):
    def _notified(self, partner, records, text):
        """The notifications of ``partner`` for messages about ``records``
        (their chatter or a notice listing them) whose body holds ``text``."""
        notifications = self.env["mail.notification"].search(
            [("res_partner_id", "=", partner.id)]
        )
        return notifications.filtered(
            lambda n: (
                text in str(n.mail_message_id.body)
                and (
                    (
                        n.mail_message_id.model == records._name
                        and n.mail_message_id.res_id in records.ids
                    )
                    or all(
                        f"/{records._name}/{r.id}" in str(n.mail_message_id.body)
                        for r in records
                    )
                )
            )
        )

    def test_recognition_reaches_registrant(self):
        """Rule: when a decision recognises a model, its registrant is told
        (in his Odoo inbox, his preference), not only a note in the chatter."""
        self.user_staff.notification_type = "inbox"
        model = self._proposed()
        decision = self._decision(model)
        decision.with_user(self.user_officer).action_confirm()
        notified = self._notified(self.user_staff.partner_id, model, decision.name)
        self.assertEqual(notified.mapped("notification_type"), ["inbox"])
        self.assertFalse(notified.is_read)

    def test_recognition_of_several_is_one_notice(self):
        """Rule: the registrant of several models recognised by one decision
        gets one notice listing them, not one per model."""
        self.user_staff.notification_type = "inbox"
        models = self._proposed() | self._proposed(
            name="Dân vận khéo trong vệ sinh môi trường"
        )
        decision = self._decision(models)
        decision.with_user(self.user_officer).action_confirm()
        notified = self._notified(self.user_staff.partner_id, models, decision.name)
        self.assertEqual(len(notified), 1)
        self.assertEqual(notified.notification_type, "inbox")

    def test_cancellation_reason_reaches_registrant(self):
        """Rule: when the issuing officer cancels a decision, the registrant
        of each model it restored is told, with the reason (the cancel dialog
        says the reason is sent to the registrant)."""
        self.user_staff.notification_type = "inbox"
        model = self._proposed()
        decision = self._decision(model)
        decision.with_user(self.user_officer).action_confirm()
        action = decision.with_user(self.user_officer).action_cancel_wizard()
        wizard = (
            self.env["dvk.reason.wizard"]
            .with_user(self.user_officer)
            .browse(action["res_id"])
        )
        wizard.reason = "Ghi sai tên mô hình"
        wizard.action_confirm()
        self.assertEqual(model.state, "proposed")
        notified = self._notified(
            self.user_staff.partner_id, model, "Ghi sai tên mô hình"
        )
        self.assertEqual(notified.mapped("notification_type"), ["inbox"])
        self.assertIn(decision.name, str(notified.mail_message_id.body))
