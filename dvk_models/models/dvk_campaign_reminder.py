import datetime
import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

_logger = logging.getLogger(__name__)

REMINDER_BATCH = 20


class DvkCampaign(models.Model):
    """The campaign's deadline reminders: one activity per responsible user
    and unit with something still to do before a deadline."""

    _inherit = "dvk.campaign"

    reminder_days = fields.Integer(
        string="Remind Before (Working Days)",
        default=5,
        help="Reminders are scheduled this many working days before each "
        "deadline, counted on the company's working calendar and its public "
        "holidays.",
    )

    # ------------------------------------------------------------------
    # Deadline reminders
    # ------------------------------------------------------------------
    def _deadline_kinds(self):
        """Hook: per kind of deadline line, the steps still to do before it:
        (domain of the models still to act on, who acts, label). A summary
        line has no models: the DVK officers of the units in its scope send
        the summary (``None`` as domain)."""
        return {
            "registration": [
                (
                    [("state", "=", "draft")],
                    "registrant",
                    self.env._("Submit the draft registrations"),
                ),
                (
                    [("state", "=", "submitted")],
                    "approver",
                    self.env._("Approve the submitted registrations"),
                ),
            ],
            "approval": [
                (
                    [("state", "=", "submitted")],
                    "approver",
                    self.env._("Approve the submitted registrations"),
                ),
            ],
            "proposal": [
                (
                    [("state", "=", "approved")],
                    "officer",
                    self.env._("Propose the approved models to the upper level"),
                ),
            ],
            "recognition": [
                (
                    # proposed, or recognised lower and proposed higher
                    [("proposal_level_id", "!=", False)],
                    "officer",
                    self.env._("Recognise the proposed models by decision"),
                ),
            ],
            "summary": [(None, "unit_officer", None)],
        }

    def _deadline_scope_domain(self, line):
        """The models a line binds: those of its levels; for a line without
        scope, those of levels no scoped line of the same kind covers."""
        Model = self.env["dvk.model"]
        if line.level_ids:
            return Model._level_domain(line.level_ids)
        covered = line.campaign_id.deadline_ids.filtered(
            lambda other: other.kind == line.kind
        ).level_ids
        return ~Model._level_domain(covered) if covered else Domain.TRUE

    def _reminder_start(self, deadline):
        """The day reminders start: ``reminder_days`` working days before the
        deadline on the company's calendar, public holidays excluded."""
        self.ensure_one()
        calendar = self.company_id.resource_calendar_id
        if not calendar or self.reminder_days <= 0:
            return deadline - datetime.timedelta(days=max(self.reminder_days, 0))
        start = calendar.plan_days(
            -self.reminder_days,
            datetime.datetime.combine(deadline, datetime.time.min),
            compute_leaves=True,
        )
        return start.date() if start else deadline

    def _summary_units(self, line):
        """Units that send the summary of a line: the units of its levels
        (every unit with a DVK level when it has no scope)."""
        self.ensure_one()
        domain = Domain("company_id", "in", [False, self.company_id.id])
        domain &= self._summary_unit_domain()
        if line.level_ids:
            domain &= Domain("dvk_level_id", "in", line.level_ids.ids)
        else:
            domain &= Domain("dvk_level_id", "!=", False)
        # sudo: the cron reads the units that report, whatever the user
        return self.env["hr.department"].sudo().search(domain)

    def _summary_unit_domain(self):
        """Hook: the units of the campaign's own sector (a sector addon
        narrows it to its kinds of unit, so that a union summary does not
        reach the party committees)."""
        return Domain.TRUE

    def _summary_officers(self, unit):
        """The unit's DVK officers, else the officer in charge above it."""
        # sudo: reading who is in charge of a unit, not their records
        officers = unit.sudo().dvk_officer_ids.filtered("active")
        return officers or unit._dvk_responsible_officer()

    def _responsible(self, model, who):
        if who == "registrant":
            return model.employee_id.user_id or model.registrant_id
        if who == "approver":
            return model.approver_id
        return model.department_id._dvk_responsible_officer()

    @api.model
    def _cron_deadline_reminders(self):
        """Daily: schedule one reminder per responsible user and unit that still
        has something to do before a deadline; running twice changes nothing."""
        campaigns = self.search([("state", "=", "open")])
        for start in range(0, len(campaigns), REMINDER_BATCH):
            batch = campaigns[start : start + REMINDER_BATCH]
            batch._send_deadline_reminders()
            self.env["ir.cron"]._commit_progress(
                len(batch), remaining=max(len(campaigns) - start - len(batch), 0)
            )

    def _send_deadline_reminders(self):
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("dvk_models.mail_activity_type_dvk_deadline")
        # sudo: the cron reads every campaign's pending models and activities
        Activity = self.env["mail.activity"].sudo()
        existing = {
            (a.res_id, a.user_id.id, a.date_deadline, a.summary)
            for a in Activity.with_context(active_test=False).search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        # sudo: the cron reads the pending models of every unit
        Model = self.env["dvk.model"].sudo()
        schedule = {}  # campaign id: [values of its new reminders]
        kinds = self._deadline_kinds()
        # Each reminder is written in the language of the person it reminds
        # (the cron and the demo's install run in no one's language).
        localized = {}

        def in_lang(user):
            lang = user.lang or self.env.lang or "en_US"
            if lang not in localized:
                campaigns = self.with_context(lang=lang)
                localized[lang] = (campaigns, campaigns._deadline_kinds())
            return localized[lang]

        for campaign in self:
            for line in campaign.deadline_ids:
                deadline = line.date
                if not (campaign._reminder_start(deadline) <= today <= deadline):
                    continue
                for index, (domain, who, _label) in enumerate(kinds.get(line.kind, [])):
                    if domain is None:
                        groups = {
                            (user, unit): []
                            for unit in campaign._summary_units(line)
                            for user in campaign._summary_officers(unit)
                        }
                    else:
                        pending = Model.search(
                            Domain("campaign_id", "=", campaign.id)
                            & Domain(domain)
                            & campaign._deadline_scope_domain(line)
                        )
                        groups = {}
                        for model in pending:
                            user = campaign._responsible(model, who)
                            if user:
                                groups.setdefault(
                                    (user, model.department_id), []
                                ).append(model)
                    for (user, unit), models_ in groups.items():
                        campaigns, user_kinds = in_lang(user)
                        if domain is None:
                            label = line.with_env(campaigns.env).name
                        else:
                            label = user_kinds[line.kind][index][2]
                        summary = campaigns.env._(
                            "%(todo)s of %(unit)s by %(deadline)s",
                            todo=label,
                            unit=unit.name,
                            deadline=deadline.strftime("%d/%m/%Y"),
                        )
                        key = (campaign.id, user.id, deadline, summary)
                        if key in existing:
                            continue
                        existing.add(key)
                        if models_:
                            note = Markup("<ul>%s</ul>") % Markup("").join(
                                Markup("<li>%s</li>") % m.name for m in models_
                            )
                        else:
                            local = line.with_env(campaigns.env)
                            note = Markup("<p>%s</p>") % (local.scope or local.name)
                        schedule.setdefault(campaign.id, []).append(
                            {
                                "user_id": user.id,
                                "date_deadline": deadline,
                                "summary": summary,
                                "note": note,
                                # A plain activity, as reminders always were:
                                # nothing closes them as automated ones.
                                "automated": False,
                            }
                        )
        # The reminders are told to no one: each user finds his in his
        # activities, in his language.
        # sudo: the cron schedules for the officers of every unit
        reminders = self.sudo()._dvk_reconcile_activities(
            activity_type, schedule, close=False, notify=False
        )
        _logger.info("DVK deadline reminders: %s scheduled", len(reminders))
        return len(reminders)
