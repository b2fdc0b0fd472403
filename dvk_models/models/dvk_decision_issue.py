from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..tools import rules


class DvkDecisionIssue(models.AbstractModel):
    """Issuing a decision and undoing it: the draft's checks, the gapless
    number, confirmation (recognising every line), cancellation with its
    reason, and the deletion of a draft."""

    _name = "dvk.decision.issue"
    _description = "DVK Decision Issue and Cancellation"

    number_year = fields.Integer(
        compute="_compute_number_year",
        store=True,
        help="The calendar year of the decision's date (a body numbering by "
        "year restarts at 01 each year; one numbering by term, each term).",
    )
    sequence_number = fields.Integer(
        string="Number in the Series", readonly=True, copy=False
    )
    number_period_start = fields.Date(
        string="Numbering Period Start",
        readonly=True,
        copy=False,
        help="The start of the period of the issuing unit's numbering series "
        "the number was drawn in: 1 January for a body numbering by year, the "
        "first day of the committee's term for one numbering by term.",
    )
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    can_cancel = fields.Boolean(
        compute="_compute_can_cancel",
        help="Whether the current user may cancel this issued decision: a DVK "
        "manager, or an officer of the unit that issued (or recorded) it.",
    )
    draft_warning = fields.Text(
        compute="_compute_draft_warning",
        help="What the draft still lacks to be issued as an official document.",
    )

    _number_uniq = models.UniqueIndex(
        "(authority_department_id, number_period_start, sequence_number) "
        "WHERE sequence_number IS NOT NULL",
        "This number is already used by a decision of the issuing unit in its "
        "numbering period.",
    )

    @api.depends("date")
    def _compute_number_year(self):
        for decision in self:
            decision.number_year = decision.date.year if decision.date else 0

    @api.depends_context("uid")
    @api.depends("state", "authority_department_id")
    def _compute_can_cancel(self):
        # The same predicate as the guard of action_cancel.
        scope = None
        if self.env.user.has_group("dvk_models.group_dvk_officer"):
            scope = self.env.user._dvk_scope_units()
        for decision in self:
            decision.can_cancel = decision._dvk_cancel_refusal(scope) is None

    @api.depends(
        "state",
        "date",
        "authority_department_id.dvk_decision_symbol",
        "authority_department_id.dvk_numbering_period",
        "authority_department_id.dvk_numbering_term_ids",
        "signer_id",
        "legal_basis",
        "campaign_id",
    )
    def _compute_draft_warning(self):
        for decision in self:
            if decision.state != "draft":
                decision.draft_warning = False
                continue
            decision.draft_warning = "\n".join(decision._dvk_draft_warnings()) or False

    # ------------------------------------------------------------------
    # Numbering
    # ------------------------------------------------------------------
    def _draw_number(self):
        """The next number of the issuing unit's series of decisions for the
        decision's date (its year, or its committee's term), drawn race-free
        and gaplessly (see dvk.decision.counter): the number and the start
        of the series' period."""
        self.ensure_one()
        self.flush_recordset(["authority_department_id", "date"])
        unit = self.authority_department_id
        series = unit._dvk_numbering_series(self.date, "QĐ")
        number = self.env["dvk.decision.counter"]._draw(unit, series)
        return number, series["start"]

    def _dvk_is_party_format(self):
        """Party header and numbering, or state ones: the campaign profile's
        document format, else the kind of the issuing unit."""
        self.ensure_one()
        document_format = self.campaign_id.profile_id.document_format
        if document_format in ("party", "state"):
            return document_format == "party"
        return bool(self.authority_department_id.dvk_is_party_body)

    def _format_number(self, number):
        """Hook: the number as printed, from the number drawn (or a blank for
        a draft) and the issuing unit: "12-QĐ/ĐU" for a Party body (guidance
        36-HD/VPTW), "12/QĐ-UBND" for a state body (Decree 30/2020/NĐ-CP).
        Numbers below 10 take a leading zero."""
        self.ensure_one()
        if isinstance(number, int):
            number = f"{number:02d}"
        unit = self.authority_department_id
        # No symbol of the unit's own: dots for the clerk, never another
        # body's symbol (confirming asks for it first).
        symbol = unit.dvk_decision_symbol or "....."
        if self._dvk_is_party_format():
            return f"{number}-QĐ/{symbol}"
        return f"{number}/QĐ-{symbol}"

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_can_confirm(self):
        """Hook: raise when a decision cannot be issued."""
        self._dvk_check_level_in_chain()
        for decision in self:
            unit = decision.authority_department_id
            if not unit.dvk_decision_symbol:
                raise UserError(
                    self.env._(
                        "%(unit)s has no decision symbol of its own (the part "
                        'after "QĐ" in its numbers, e.g. ĐU for a Party '
                        "committee, UBND for a People's Committee): set it on "
                        "the unit before issuing its decision.",
                        unit=unit.display_name,
                    )
                )
            if not decision.line_ids:
                raise UserError(
                    self.env._("The decision has no model or exemplar to recognise.")
                )
            # Decree 30/2020/NĐ-CP: an issued decision states its legal bases
            # ("Căn cứ ..."); a draft may wait for them, not the issue.
            if not (decision.legal_basis or "").strip():
                raise UserError(
                    self.env._(
                        'The decision cites no legal basis ("Căn cứ ..."), '
                        "which an issued decision must state. %(advice)s",
                        advice=decision.campaign_id._dvk_missing_guidance_message(),
                    )
                )
            wrong = decision.line_ids.filtered(
                lambda line, d=decision: (
                    line.record_proposal_level_id != d.level_id
                    or line.record_campaign_id != d.campaign_id
                )
            )
            if wrong:
                raise UserError(
                    self.env._(
                        "These lines are not proposed at %(level)s in %(campaign)s: "
                        "%(names)s.",
                        level=decision.level_id.name,
                        campaign=decision.campaign_id.name,
                        names=", ".join(wrong.mapped("display_name")),
                    )
                )
        self.line_ids.model_id._check_recognizable(self)
        self.line_ids.exemplar_id._check_recognizable(self)

    def _dvk_draft_warnings(self):
        """Hook: what the draft lacks to be issued as an official document,
        in words the officer acts on (shown above the draft)."""
        self.ensure_one()
        warnings = []
        unit = self.authority_department_id
        if unit and not unit.dvk_decision_symbol:
            warnings.append(
                self.env._(
                    "%(unit)s has no decision symbol of its own: set it on the "
                    "unit (e.g. ĐU, UBND) before confirming.",
                    unit=unit.display_name,
                )
            )
        if unit and not self.signer_id:
            warnings.append(
                self.env._(
                    "Nobody signs the decision yet: choose the signer (by default "
                    "the head of %(unit)s, which has none recorded).",
                    unit=unit.display_name,
                )
            )
        numbering = unit._dvk_numbering_warning(self.date)
        if numbering:
            warnings.append(numbering)
        campaign = self.campaign_id
        if campaign and not (self.legal_basis or "").strip():
            warnings.append(campaign._dvk_missing_guidance_message())
        return warnings

    def action_confirm(self):
        """Issue the decision: draw its number and recognise every line."""
        if not self.env.user.has_group("dvk_models.group_dvk_officer"):
            raise UserError(self.env._("Only a DVK officer can issue decisions."))
        for decision in self:
            if decision.state != "draft":
                raise UserError(
                    self.env._(
                        "The decision %(name)s has already been issued.",
                        name=decision.name,
                    )
                )
        self._check_authority_scope()
        self.check_access("write")
        self._check_authority_level()
        self.lock_for_update()
        self._lock_line_records()
        self._check_can_confirm()
        for decision in self:
            number, period_start = decision._draw_number()
            # sudo: number and state are written only here, after the checks
            decision.sudo().write(
                {
                    "state": "confirmed",
                    "sequence_number": number,
                    "number_period_start": period_start,
                    "name": decision._format_number(number),
                }
            )
            models_ = decision.line_ids.model_id
            exemplars = decision.line_ids.exemplar_id
            text = self.env._(
                "Recognised at %(level)s by decision %(number)s of %(date)s.",
                level=decision.level_id.name,
                number=decision.name,
                date=rules.vn_date(decision.date),
            )
            body = models_._dvk_body(text)
            # The registrants hear of the recognition the way they hear of
            # the approval: one notice each, listing their records.
            models_._dvk_workflow_write(
                {"state": "recognized", "proposal_level_id": False},
                {m.id: body for m in models_},
                models_._dvk_registrant_partners(),
                grouped=True,
            )
            exemplars._dvk_workflow_write(
                {"state": "recognized", "proposal_level_id": False},
                {e.id: body for e in exemplars},
                exemplars._dvk_registrant_partners(),
                grouped=True,
            )
        return True

    def _lock_line_records(self):
        """Lock the models and exemplars the decisions recognise, waiting for
        a concurrent confirmation: once it commits, this transaction fails
        with a serialisation error and its retry sees them recognised, so two
        decisions never recognise the same record (RELIABILITY (b) 26)."""
        for records in (self.line_ids.model_id, self.line_ids.exemplar_id):
            if records:
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE",
                        SQL.identifier(records._table),
                        tuple(records.ids),
                    )
                )
                records.invalidate_recordset(["state", "proposal_level_id"])
        self.line_ids.invalidate_recordset(
            ["record_state", "record_proposal_level_id", "record_campaign_id"]
        )

    def _dvk_cancel_refusal(self, scope=None):
        """Why the current user may not cancel this decision, as the error to
        raise, or None: only an issued decision is cancelled, by a DVK manager
        or by an officer of a unit that records it (its issuing unit, or one
        above it). The Cancel button shows by the same predicate."""
        self.ensure_one()
        if self.state != "confirmed":
            return UserError(self.env._("Only an issued decision can be cancelled."))
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            return None
        if not user.has_group("dvk_models.group_dvk_officer"):
            return AccessError(
                self.env._(
                    "Only the officer of the issuing unit or a DVK manager can "
                    "cancel a decision."
                )
            )
        if not self._dvk_in_officer_scope(scope):
            return AccessError(
                self.env._(
                    "%(unit)s is outside the units in your charge: only its "
                    "officer or a DVK manager can cancel its decision %(name)s.",
                    unit=self.authority_department_id.display_name,
                    name=self.name,
                )
            )
        return None

    def action_cancel(self, reason=None):
        """Cancel an issued decision, with the reason (the officer of the
        issuing unit or a DVK manager): its lines go back to where the
        remaining decisions leave them and their recognised level is
        recomputed; the number is not reused."""
        for decision in self:
            refusal = decision._dvk_cancel_refusal()
            if refusal:
                raise refusal
        if not reason or not rules.normalize_text(reason):
            raise ValidationError(self.env._("Give the reason for the cancellation."))
        self.check_access("write")
        self.lock_for_update()
        Model = self.env["dvk.model"]
        for decision in self:
            # sudo: state is written only here, after the checks
            decision.sudo().write({"state": "cancelled", "cancel_reason": reason})
            models_ = decision.line_ids.model_id
            exemplars = decision.line_ids.exemplar_id
            models_._dvk_restore_after_cancel(decision.level_id)
            exemplars._dvk_restore_after_cancel(decision.level_id)
            text = self.env._(
                "Decision %(number)s cancelled; the recognition is withdrawn. Reason:",
                number=decision.name,
            )
            body = Model._dvk_body(text, reason)
            # The reason goes to the registrants, as the cancel dialog says.
            models_._dvk_log_batch(
                {m.id: body for m in models_},
                models_._dvk_registrant_partners(),
                grouped=True,
            )
            exemplars._dvk_log_batch(
                {e.id: body for e in exemplars},
                exemplars._dvk_registrant_partners(),
                grouped=True,
            )
            decision.message_post(
                body=Model._dvk_body(
                    self.env._(
                        "Decision cancelled: its %(count)s models and exemplars "
                        "are back where the other decisions leave them. Reason:",
                        count=len(decision.line_ids),
                    ),
                    reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_cancel_wizard(self):
        # Refused before the dialog opens, with the same words as the action.
        for decision in self:
            refusal = decision._dvk_cancel_refusal()
            if refusal:
                raise refusal
        return self.env["dvk.reason.wizard"]._open_for(self, "cancel")

    def action_delete_draft(self):
        """Delete draft decisions, the form's Delete button: shown by
        ``dvk_can_issue`` on a draft, the predicate checked here; an issued
        or cancelled decision stays on record (its form and list offer no
        Delete, which the server would refuse)."""
        for decision in self:
            if decision.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft decision can be deleted; cancel an issued "
                        "decision instead."
                    )
                )
            if not decision.dvk_can_issue:
                raise AccessError(
                    self.env._(
                        "Only the officer of the issuing unit or a DVK manager "
                        "can delete this draft decision."
                    )
                )
        self.unlink()
        # Back to the list of decisions in place of the breadcrumbs, which
        # still lead to the deleted draft ("record not found"), as Odoo does
        # after deleting from a form.
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_decision_action"
        )
        action["target"] = "main"
        return action
