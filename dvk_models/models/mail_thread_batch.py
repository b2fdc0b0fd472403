from markupsafe import Markup

from odoo import models
from odoo.fields import Command
from odoo.tools import html2plaintext


class DvkMailThreadBatch(models.AbstractModel):
    """Chatter and activities in batch, for models whose business methods act
    on many records at once (approvals, decisions, reminders, reports).

    ``mail.thread`` logs, tracks and notifies record by record, and
    ``activity_schedule`` notifies each activity on its own: a batch of 500
    would cost 500 times the queries. These methods do the same work in one
    create per kind of record (messages, tracking values, notifications,
    mails, activities) and tell each person once.

    Class attribute read: ``_dvk_notice_links`` (how many records a grouped
    notice links). The activity reconciler is in the sibling file
    ``mail_thread_batch_activities.py``.
    """

    _name = "dvk.mail.thread.batch"
    _inherit = ["mail.thread"]
    _description = "DVK Chatter and Activities in Batch"

    def _dvk_log_batch(self, bodies, notify=None, grouped=False, keep=False):
        """Post one note per record and tell the given partners, each the way
        they chose in their preferences (Odoo inbox or email).

        The notes go through ``mail.thread._message_log_batch``; the
        notifications are created in one batch too, so that batch approvals
        stay O(1) in queries whatever the number of records.

        :param dict bodies: {record id: Markup body}
        :param dict notify: {record id: res.partner recordset}
        :param bool grouped: see :meth:`_dvk_notify_batch`
        :param bool keep: see :meth:`_dvk_notify_batch`
        """
        author = self.env.user.partner_id
        # sudo: the caller's access to the records was checked by the workflow
        # method; notes and notifications are system side effects of it.
        messages = self.sudo()._message_log_batch(
            bodies, author_id=author.id, email_from=author.email_formatted
        )
        if notify:
            self._dvk_notify_batch(messages, notify, grouped, keep)
        return messages

    def _dvk_notify_batch(self, messages, notify, grouped=False, keep=False):
        """Tell the partners of ``notify`` ({record id: res.partner}) of the
        chatter ``messages`` of those records, each the way they chose in
        their preferences (Odoo inbox or email).

        With ``grouped``, a partner concerned by several records of the batch
        gets one notice listing them, not one notification (or mail) per
        record (the registrant of many approved models); otherwise, and for
        a partner concerned by one record, each message is notified (copies
        a sector owes for every record). With ``keep``, the messages are
        copies to keep (the police's tracking copies): they land in the
        Odoo inbox of every internal user, and by email as well for those
        who chose emails. Messages, notifications and mails are created in
        one batch each, whatever the number of records and partners."""
        author = self.env.user.partner_id
        by_record = {message.res_id: message for message in messages}
        concerned = {}  # partner: [record messages]
        for record_id, recipients in notify.items():
            message = by_record.get(record_id)
            if message:
                for partner in recipients - author:
                    concerned.setdefault(partner, []).append(message)
        if not concerned:
            return messages
        names = {record.id: record.display_name for record in self.browse(notify)}
        several = {p: m for p, m in concerned.items() if grouped and len(m) > 1}
        pairs = [
            (m, p) for p, found in concerned.items() if p not in several for m in found
        ]
        subjects = {m.id: names[m.res_id] for m, _p in pairs}
        if several:
            notices = self._dvk_create_notices(several, names)
            pairs += list(zip(notices, several, strict=True))
            subjects.update({notice.id: notice.subject for notice in notices})
        partners = self.env["res.partner"].union(*concerned)
        # sudo: the notification preference of the recipients (their users)
        users = partners.sudo().with_context(active_test=False).user_ids
        by_email = {
            user.partner_id.id for user in users if user.notification_type == "email"
        }
        inbox = {user.partner_id.id for user in users} - by_email
        if keep:
            inbox = {user.partner_id.id for user in users if not user.share}
        notif_vals = []
        emailed = {}  # message: partners
        for message, partner in pairs:
            if partner.id in inbox:
                notif_vals.append(
                    {
                        "mail_message_id": message.id,
                        "res_partner_id": partner.id,
                        "notification_type": "inbox",
                        "is_read": False,
                    }
                )
            if partner.id in by_email and partner.email:
                emailed[message] = emailed.get(message, partner.browse()) | partner
        if emailed:
            # sudo: see above; outgoing mails are queued for the mail cron
            Mail = self.env["mail.mail"].sudo()
            mails = Mail.create(
                [
                    {
                        "mail_message_id": message.id,
                        "body_html": message.body,
                        "subject": subjects[message.id],
                        "recipient_ids": [Command.set(recipients.ids)],
                        "auto_delete": True,
                        "email_from": author.email_formatted,
                    }
                    for message, recipients in emailed.items()
                ]
            )
            notif_vals += [
                {
                    "mail_message_id": mail.mail_message_id.id,
                    "res_partner_id": partner.id,
                    "notification_type": "email",
                    "mail_mail_id": mail.id,
                    "notification_status": "ready",
                    "is_read": True,
                }
                for mail in mails
                for partner in mail.recipient_ids
                # One notification per partner and message: a copy kept in
                # the inbox is mailed as well, without a second one.
                if partner.id not in inbox
            ]
        if notif_vals:
            # sudo: see above
            self.env["mail.notification"].sudo().create(notif_vals)
        return messages

    # A notice links at most this many records of each note (or activities
    # assigned at once); the others are counted (each record keeps its note in
    # its own chatter, each activity is in the user's activities).
    _dvk_notice_links = 50

    def _dvk_create_notices(self, grouped, names):
        """One notice per partner of ``grouped`` ({partner: [chatter messages
        of several records]}), not part of any record's chatter: each
        distinct note once, followed by links to its records."""
        author = self.env.user.partner_id
        description = self.env["ir.model"]._get(self._name).display_name
        limit = self._dvk_notice_links
        vals_list = []
        for partner, found in grouped.items():
            env = self.with_context(lang=partner.lang).env if partner.lang else self.env
            by_body = {}
            for message in found:
                by_body.setdefault(message.body, []).append(message.res_id)
            parts = []
            for body, record_ids in by_body.items():
                links = Markup("").join(
                    Markup('<li><a href="/odoo/%s/%s">%s</a></li>')
                    % (self._name, record_id, names[record_id])
                    for record_id in record_ids[:limit]
                )
                if len(record_ids) > limit:
                    links += Markup("<li>%s</li>") % env._(
                        "and %(count)s more", count=len(record_ids) - limit
                    )
                parts.append(Markup("%s<ul>%s</ul>") % (body, links))
            vals_list.append(
                {
                    "message_type": "user_notification",
                    "subtype_id": self.env.ref("mail.mt_note").id,
                    "is_internal": True,
                    "author_id": author.id,
                    "email_from": author.email_formatted,
                    "subject": env._(
                        "%(count)s records (%(model)s): %(what)s",
                        count=len(found),
                        model=description,
                        what=html2plaintext(found[0].body).strip().split("\n")[0],
                    ),
                    "body": Markup("").join(parts),
                    "partner_ids": [Command.set(partner.ids)],
                }
            )
        # sudo: see _dvk_log_batch; notices are system side effects too
        return self.env["mail.message"].sudo().create(vals_list)

    @staticmethod
    def _dvk_body(text, reason=None):
        if reason:
            return Markup("<p>%s</p><p>%s</p>") % (text, reason)
        return Markup("<p>%s</p>") % text

    def _dvk_write_with_batch_tracking(
        self, vals, bodies=None, notify=None, grouped=False
    ):
        """Write and log the tracked changes of all records at once: the
        tracking values come from mail.thread's ``_mail_track``, the notes from
        ``_message_log_batch``, so that batch workflow actions stay O(1) in
        queries (mail.thread's own tracking logs record by record). A record
        with a body in ``bodies`` gets it in the same message as its tracked
        values; ``notify`` tells partners of those messages (``grouped``: see
        :meth:`_dvk_notify_batch`)."""
        # Changes written earlier in this transaction are logged now, by
        # mail.thread itself, so that its commit-time tracking does not log the
        # workflow change a second time (nothing pending costs no query).
        self._track_finalize()
        # Read and recompute without mail.thread's tracking too: the stored
        # computed fields (recognised level) are logged here, not again at
        # commit.
        records = self.with_context(mail_notrack=True)
        # Only the tracked fields the write can change: those written and the
        # computed ones; the others keep their values (and reading them all,
        # record by record, is most of the cost in a batch).
        fnames = {
            fname
            for fname in records._track_get_fields()
            if fname in vals
            or records._fields[fname].compute
            or records._fields[fname].related
        }
        initial = {record.id: {f: record[f] for f in fnames} for record in records}
        result = records.write(vals)
        tracked_fields = records.fields_get(
            fnames, attributes=("string", "type", "selection", "currency_field")
        )
        changed = {}
        for record in records:
            _changes, commands = record._mail_track(tracked_fields, initial[record.id])
            if commands:
                changed[record.id] = [values for _c, _i, values in commands]
        bodies = bodies or {}
        logged = list(dict.fromkeys([*changed, *bodies]))
        if logged:
            author = self.env.user.partner_id
            messages = self.browse(logged)._message_log_batch(
                {res_id: bodies.get(res_id, "") for res_id in logged},
                author_id=author.id,
                email_from=author.email_formatted,
            )
            # sudo: tracking values are system records of the logged notes
            self.env["mail.tracking.value"].sudo().create(
                [
                    dict(values, mail_message_id=message.id)
                    for message in messages
                    for values in changed.get(message.res_id, ())
                ]
            )
            if notify:
                self._dvk_notify_batch(messages, notify, grouped)
        return result
