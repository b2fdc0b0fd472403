from markupsafe import Markup

from odoo import models
from odoo.tools import format_date


class MailActivity(models.Model):
    _inherit = "mail.activity"

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
