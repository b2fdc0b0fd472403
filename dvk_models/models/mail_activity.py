from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import format_date


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.model
    def _dvk_assignee_only_types(self):
        """Hook: the activity types that stand for a decision of their
        assignee (the approvals): nobody else closes, moves or cancels them,
        since the record would then wait with nobody asked. Sectors add their
        own approval types."""
        return (
            self.env.ref(
                "dvk_models.mail_activity_type_dvk_approval", raise_if_not_found=False
            )
            or self.env["mail.activity.type"]
        )

    def _dvk_handled_by_others(self):
        """The activities of ``self`` the current user may not handle: the
        approvals assigned to someone else, unless he is a DVK manager (who
        decides in any approver's place) or the system."""
        if self.env.su or self.env.user.has_group("dvk_models.group_dvk_manager"):
            return self.browse()
        uid = self.env.uid
        types = self._dvk_assignee_only_types()
        # sudo: the type and assignee of activities the user may not read
        activities = self.sudo()
        return self.browse(
            [
                activity.id
                for activity in activities
                if activity.activity_type_id in types and activity.user_id.id != uid
            ]
        )

    def _check_access(self, operation):
        """Only its assignee (or a DVK manager) writes or deletes a DVK approval
        activity: marking it done archives it, editing and rescheduling write
        it, cancelling deletes it. Odoo lets whoever may write the record do
        all of that; for an approval, that is the registrant too. Checked
        here, every write and delete is refused over RPC as well, and the
        activity's ``can_write`` (which decides the buttons the chatter
        shows) says the same."""
        result = super()._check_access(operation)
        if operation not in ("write", "unlink") or not self:
            return result
        refused = self._dvk_handled_by_others()
        if not refused:
            return result
        forbidden = refused | result[0] if result else refused
        return (forbidden, refused._dvk_assignee_only_error)

    def _dvk_assignee_only_error(self):
        activity = self[:1].sudo()  # sudo: names for the message only
        return AccessError(
            self.env._(
                '"%(activity)s" waits on %(user)s: only its assignee or a DVK '
                "manager can mark it done, edit, reschedule or cancel it.",
                activity=activity.summary or activity.activity_type_id.name,
                user=activity.user_id.name,
            )
        )

    def _action_done(self, feedback=False, attachment_ids=None):
        # The done note is posted before the activity is archived: refuse
        # first, so that no note says an approval was handled.
        self.check_access("write")
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def _dvk_notify_assigned(self):
        """Odoo's own notice of assigned activities, sent as
        ``mail.activity.create`` sends it (as superuser when the creator may
        not read the assignee's partner)."""
        readable = self.user_id.partner_id._filtered_access("read")
        hidden = self.filtered(lambda a: a.user_id.partner_id not in readable)
        # sudo: as mail.activity.create does for assignees the creator may not read
        hidden.sudo().action_notify()
        (self - hidden).action_notify()

    def _dvk_notify_assigned_group(self, user, limit=50):
        """One notice telling ``user`` of all these activities assigned to
        them at once (a batch of registrations), in their language, with a
        link to the records of the first ``limit`` of them and the count of
        the others (each is in the user's activities): instead of one
        message, and maybe one mail, per activity."""
        activities = self.with_context(lang=user.lang) if user.lang else self
        env = activities.env
        items = Markup("").join(
            Markup('<li><a href="/odoo/%s/%s">%s</a> (%s)</li>')
            % (
                activity.res_model,
                activity.res_id,
                activity.summary or activity.activity_type_id.name,
                env._("due %(date)s", date=format_date(env, activity.date_deadline)),
            )
            for activity in activities[:limit]
        )
        if len(activities) > limit:
            items += Markup("<li>%s</li>") % env._(
                "and %(count)s more", count=len(activities) - limit
            )
        types = ", ".join(activities.activity_type_id.mapped("name"))
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            env._(
                "%(count)s activities (%(types)s) have been assigned to you:",
                count=len(activities),
                types=types,
            ),
            items,
        )
        model_description = env["ir.model"]._get(activities[:1].res_model).display_name
        env["mail.thread"].message_notify(
            partner_ids=user.partner_id.ids,
            body=body,
            subject=env._(
                "%(count)s activities assigned to you: %(types)s",
                count=len(activities),
                types=types,
            ),
            model_description=model_description,
            email_layout_xmlid="mail.mail_notification_layout",
        )
