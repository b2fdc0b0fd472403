from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command


class DvkStatehubReportSend(models.AbstractModel):
    """Sending a report to Sở Nội vụ: issued and numbered in the name of a
    unit in the sender's charge; Sở Nội vụ's officers find it in their
    inbox."""

    _name = "dvk.statehub.report.send"
    _description = "Report to the Department of Home Affairs: Sending"

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------
    def _statehub_issuers_outside_scope(self):
        """The issuing units of these reports that are outside the current
        user's charge: none for DVK managers, who issue for any unit."""
        if self.env.su or self.env.user.has_group("dvk_models.group_dvk_manager"):
            return self.env["hr.department"]
        return self.issuer_department_id - self.env.user._dvk_scope_units()

    def _check_issuer_scope(self):
        """A report is issued in the name of a unit in the sender's charge
        (or below it), as decisions are; DVK managers issue for any unit."""
        outside = self._statehub_issuers_outside_scope()
        if outside:
            raise AccessError(
                self.env._(
                    "%(unit)s is outside the units in your charge: you cannot "
                    "issue its reports.",
                    unit=", ".join(outside.mapped("display_name")),
                )
            )

    def action_send(self):
        """Issue the report: its number is drawn from the issuing unit's
        numbering series for reports (gapless, race-free; by default the
        register of the year shared with the unit's decisions), dated
        today."""
        self._statehub_check_preparer()
        for report in self:
            if report.state != "draft" or not report.date_computed:
                raise UserError(self.env._("Compute the report before sending it."))
            if not report.issuer_department_id or not report.signer_id:
                raise UserError(
                    self.env._(
                        "Choose the issuing unit and the signer of %(name)s "
                        "before sending it.",
                        name=report.display_name,
                    )
                )
        self._check_issuer_scope()
        self.check_access("write")
        self.lock_for_update()
        today = fields.Date.context_today(self)
        for report in self:
            issuer = report.issuer_department_id
            series = issuer._dvk_numbering_series(today, "BC")
            number = self.env["dvk.decision.counter"]._draw(issuer, series)
            # sudo: number, date and state written by this step after the
            # checks above
            report.sudo().write(
                {
                    "state": "sent",
                    "date_sent": today,
                    "sequence_number": number,
                    "number_year": today.year,
                    "number_period_start": series["start"],
                    "number": issuer._dvk_document_number("BC", number, party=False),
                }
            )
        self._statehub_notify_home_affairs()
        return True

    def _statehub_notify_home_affairs(self):
        """Sở Nội vụ's officers of the report's company find the sent report
        in their Odoo inbox (Article 9: it gathers what the agencies send),
        as a copy to keep whatever their notification preference, as the
        police's tracking copies; one batch of messages and notifications."""
        group = self.env.ref("dvk_statehub.group_dvk_statehub_home_affairs")
        users = (
            self.env["res.users"]
            .sudo()  # sudo: who the officers of Sở Nội vụ are is configuration
            .search(
                [
                    ("all_group_ids", "in", group.ids),
                    ("company_ids", "in", self.company_id.ids),
                    ("share", "=", False),
                ]
            )
        )
        notif_vals = []
        for report in self:
            readers = users.filtered(lambda u, r=report: r.company_id in u.company_ids)
            if not readers:
                continue
            message = report.message_post(
                body=self.env._(
                    "%(name)s, %(number)s of %(issuer)s, has been sent to Sở Nội vụ.",
                    name=report.display_name,
                    number=report.number,
                    issuer=report.issuer_department_id.name,
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            notif_vals += [
                {
                    "mail_message_id": message.id,
                    "res_partner_id": partner.id,
                    "notification_type": "inbox",
                    "is_read": False,
                }
                for partner in readers.partner_id
            ]
        if notif_vals:
            # sudo: the notices of the recipients, created by this step only
            self.env["mail.notification"].sudo().create(notif_vals)

    # ------------------------------------------------------------------
    # The proposal for the province's commendation (Article 7.3)
    # ------------------------------------------------------------------
    def action_create_province_proposal(self):
        """Draw up, from the October report's list of models and exemplars
        recognised two or more consecutive years, the agency's proposal for
        the province's commendation: a record of its own, sent to Sở Nội vụ
        and followed to the province's decision."""
        self.ensure_one()
        self._statehub_check_preparer()
        self._check_issuer_scope()
        if self.kind != "results" or not self.consecutive_ids:
            raise UserError(
                self.env._(
                    "Compute the October report first: its list of models and "
                    "exemplars recognised two or more consecutive years is "
                    "empty%(cite)s.",
                    cite=self.env["dvk.rule"]._dvk_cite(
                        "model_consecutive_years",
                        profile=self.campaign_id.profile_id,
                    ),
                )
            )
        if not self.issuer_department_id:
            raise UserError(
                self.env._(
                    "Choose the issuing unit of %(name)s: it proposes.",
                    name=self.display_name,
                )
            )
        # sudo: the links of the report's own lines, hidden from readers
        # without officer rights only
        consecutive = self.consecutive_ids.sudo()
        lines = [
            Command.create(
                {
                    "record_type": line.record_type,
                    "model_id": line.model_id.id,
                    "exemplar_id": line.exemplar_id.id,
                    "name": line.name,
                    "subject_name": line.subject_name,
                    "agency_id": line.agency_id.id,
                    "field_id": line.field_id.id,
                    "level_id": line.level_id.id,
                    "years": line.years,
                    "year_list": line.year_list,
                }
            )
            for line in consecutive
        ]
        proposal = self.env["dvk.statehub.province.proposal"].create(
            {
                "campaign_id": self.campaign_id.id,
                "report_id": self.id,
                "issuer_department_id": self.issuer_department_id.id,
                "addressee_id": self.addressee_id.id,
                "company_id": self.company_id.id,
                "line_ids": lines,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": proposal._name,
            "res_id": proposal.id,
            "view_mode": "form",
        }
