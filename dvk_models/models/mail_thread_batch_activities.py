from odoo import models
from odoo.tools import clean_context


class DvkMailThreadBatch(models.AbstractModel):
    """Activities in batch: the one activity reconciler of the business
    methods (models, exemplars, reminders, police reports, state-agency
    tables)."""

    _inherit = "dvk.mail.thread.batch"

    # ------------------------------------------------------------------
    # Activities: one reconciler, schedule / feedback / unlink in batch
    # ------------------------------------------------------------------
    def _dvk_reconcile_activities(
        self,
        activity_type,
        schedule=None,
        feedback=None,
        *,
        close=True,
        done=False,
        only_automated=False,
        notify="grouped",
    ):
        """The one way business methods keep the activities of
        ``activity_type`` in line with the state of ``self``, in batch: a
        number of queries that does not grow with the number of records.
        Returns the new activities.

        Two steps, each optional:

        1. Close (``close``, the default) the open activities of the type on
           the records of ``self`` (see :meth:`_dvk_close_activities`):

           - deleted, when no ``feedback`` is given (``activity_unlink``);
           - archived with ``feedback`` in one write (``action_archive``);
           - with ``done``, marked done as ``activity_feedback`` does:
             Odoo's "done" message with the feedback in each record's
             chatter, checked as the current user (an approval is marked
             done only by its assignee or a DVK manager).

           ``only_automated`` closes only the activities scheduled by the
           software, as ``activity_unlink`` and ``activity_feedback`` do,
           leaving those a user scheduled by hand (a generic To-Do).
           ``close=False`` keeps them: the caller schedules more (reminders,
           flags) and decides itself what is already there.
        2. Schedule ``schedule`` ({record id: activity values, or a list of
           them for several activities on one record}) in one create (see
           :meth:`_dvk_schedule_activities`), the assigned users told as
           ``notify`` says:

           - ``"grouped"`` (default): a user assigned one activity gets
             Odoo's own notice of it, a user assigned several gets one
             notice listing them (a batch approval);
           - ``"each"``: Odoo's own notice for each activity, as
             ``activity_schedule`` sends it;
           - ``False``: none; the users find them in their activities
             (daily reminders).

        ``activity_type`` is a ``mail.activity.type`` record or its XML id
        (as ``activity_schedule`` takes it).

        Hooks, extended with ``super()``:
        :meth:`_dvk_open_activities` (which activities are open, hence
        closed) and :meth:`_dvk_prepare_activity_values` (the values of
        each new activity: defaults of the type, as ``activity_schedule``).
        """
        if isinstance(activity_type, str):
            activity_type = self._dvk_activity_type(activity_type)
        if close:
            self._dvk_close_activities(
                activity_type, feedback, done=done, only_automated=only_automated
            )
        return self._dvk_schedule_activities(
            activity_type, schedule or {}, notify=notify
        )

    def _dvk_activity_type(self, xmlid):
        """The activity type of ``xmlid``, found as ``activity_schedule``
        finds it: through the cached XML ids, with no query of its own."""
        type_id = self.env["ir.model.data"]._xmlid_to_res_id(xmlid)
        return self.env["mail.activity.type"].browse(type_id)

    def _dvk_open_activities(self, activity_type, only_automated=False):
        """Hook: the open activities of ``activity_type`` on the records of
        ``self`` (only those the software scheduled, with
        ``only_automated``), read at once for the batch."""
        return self.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == activity_type
                and (a.automated or not only_automated)
            )
        )

    def _dvk_prepare_activity_values(self, activity_type, model_id, record_id, vals):
        """Hook: the ``mail.activity`` values of one activity of
        ``activity_type`` on the record ``record_id``: the defaults
        ``activity_schedule`` gives (the type's summary, note and default
        user, automated), overridden by the caller's ``vals``."""
        values = {
            "activity_type_id": activity_type.id,
            "automated": True,
            "res_model_id": model_id,
            "res_id": record_id,
            **vals,
        }
        # The type's defaults only when missing, as activity_schedule (and
        # without reading the type when the caller gives them all).
        if not values.get("summary"):
            values["summary"] = activity_type.summary
        if not values.get("note"):
            values["note"] = activity_type.default_note
        if not values.get("user_id") and activity_type.default_user_id:
            values["user_id"] = activity_type.default_user_id.id
        return values

    def _dvk_schedule_activities(self, activity_type, vals_by_record, notify="grouped"):
        """Schedule the activities of ``vals_by_record`` in a single
        ``mail.activity`` create, and tell the assigned users as ``notify``
        says (see :meth:`_dvk_reconcile_activities`).

        ``activity_schedule`` would notify each activity on its own (a message
        and possibly a mail per record); in the ``"grouped"`` mode a user
        assigned one activity gets exactly Odoo's own notice of it, and a user
        assigned several gets one notice listing them all, so that a batch
        costs the same number of queries whatever its size.

        :param dict vals_by_record: {record id: {"user_id", "date_deadline",
            "summary"} (and any other ``mail.activity`` value), or a list of
            such values for several activities on the record}
        """
        if not vals_by_record:
            return self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [
            self._dvk_prepare_activity_values(activity_type, model_id, record_id, vals)
            for record_id, values in vals_by_record.items()
            for vals in (values if isinstance(values, list) else [values])
        ]
        Activity = self.env["mail.activity"]
        if notify == "each":
            # mail.activity notifies each activity on its own, as for
            # activity_schedule
            return Activity.create(vals_list)
        # quick_update: mail.activity would notify each activity on its own;
        # the notices are sent below, as ``notify`` says.
        activities = Activity.with_context(mail_activity_quick_update=True).create(
            vals_list
        )
        if not notify:
            return activities
        to_notify = activities.filtered(lambda a: a.user_id != self.env.user)
        for user, assigned in to_notify.grouped("user_id").items():
            if len(assigned) == 1:
                assigned._dvk_notify_assigned()
            else:
                assigned._dvk_notify_assigned_group(user, self._dvk_notice_links)
        return activities

    def _dvk_close_activities(
        self, activity_type, feedback=None, done=False, only_automated=False
    ):
        """Close the open activities of ``activity_type`` on ``self`` (see
        :meth:`_dvk_open_activities`): marked done with ``done`` (Odoo's
        ``_action_done``, as ``activity_feedback``: its "done" message in the
        chatter, as the current user), else archived with ``feedback`` in
        one write (what ``action_archive`` does, the feedback in the same
        write), or deleted when no feedback is given."""
        activities = self._dvk_open_activities(activity_type, only_automated)
        if not activities:
            return activities
        if done:
            # As the current user, as activity_feedback: Odoo's checks (and
            # the assignee-only rule of approvals) apply to marking done.
            activities.with_context(clean_context(self.env.context))._action_done(
                feedback=feedback
            )
            return activities
        # sudo: the user who acts may not own every activity (a manager
        # decides in the approver's place); closing them is part of his act.
        activities = activities.sudo()  # see the comment above
        if feedback is None:
            activities.unlink()
            return activities.browse()
        activities.write({"feedback": feedback, "active": False})
        return activities
