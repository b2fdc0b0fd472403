from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class DvkScoreSheetCouncil(models.AbstractModel):
    """Who fills a score sheet: the registrant, the person concerned or the
    head of the unit for a self-assessment; for the council, the officers in
    charge of the record's unit, never someone with a stake in it."""

    _name = "dvk.score.sheet.council"
    _description = "DVK Score Sheet Evaluators"

    dvk_can_fill = fields.Boolean(
        compute="_compute_dvk_can_fill",
        help="The current user fills and finishes this sheet: its evaluator or a "
        "DVK manager, never someone with a stake in a record the council "
        "scores.",
    )
    dvk_can_score_council = fields.Boolean(
        compute="_compute_dvk_can_score_council",
        help="The current user may sit on the council of the record: the kind "
        "Council is offered to him only.",
    )

    @api.constrains("model_id", "exemplar_id", "evaluator_id", "kind")
    def _check_conflict_of_interest(self):
        """A council evaluator may not score a model of his own unit or one he
        takes part in, nor his own exemplar file; a self-assessment is made by
        the registrant, the person concerned or the head of the unit."""
        for sheet in self:
            record = sheet._dvk_record()
            if sheet.kind == "self":
                # Seed 001 §3: the unit assesses its own model; an officer
                # filling it would print as the unit's head.
                if sheet.evaluator_id in record._dvk_self_assessors():
                    continue
                raise ValidationError(
                    self.env._(
                        "The self-assessment of %(name)s is made by its "
                        "registrant, the person concerned or the head of the "
                        "unit.",
                        name=record.display_name,
                    )
                )
            reason = sheet._dvk_conflict_reason(record, sheet.evaluator_id)
            if reason:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot score %(name)s: %(reason)s.",
                        user=sheet.evaluator_id.name,
                        name=record.display_name,
                        reason=reason,
                    )
                )

    @api.model
    def _dvk_conflict_reason(self, record, user):
        """Why ``user`` may not sit on the council of ``record`` (a model or
        an exemplar), or None: he takes part in it, it belongs to his unit,
        he registered it, or it is his own or his unit's exemplar file."""
        employees = user.employee_ids
        if record._name == "dvk.model":
            if employees & (record.employee_id | record.member_ids):
                return self.env._("you take part in it")
            if record.department_id in employees.department_id:
                return self.env._("it belongs to your unit")
            if user in record._dvk_subject_users():
                return self.env._("you registered it")
            return None
        if record.employee_id and record.employee_id in employees:
            return self.env._("it is your own exemplar file")
        if record.subject_type == "collective" and (
            record.department_id in employees.department_id
        ):
            return self.env._("it is your own unit's exemplar file")
        return None

    @api.depends_context("uid")
    @api.depends("evaluator_id", "kind", "model_id", "exemplar_id")
    def _compute_dvk_can_fill(self):
        """The predicate of the Refresh and Finish buttons: what
        :meth:`_check_evaluator` accepts."""
        user = self.env.user
        is_manager = user.has_group("dvk_models.group_dvk_manager")
        for sheet in self:
            record = sheet._dvk_record()
            sheet.dvk_can_fill = (sheet.evaluator_id == user or is_manager) and not (
                sheet.kind == "council"
                and record
                # sudo: who registered or takes part in the record
                and user in record.sudo()._get_registrant_users()
            )

    def _check_evaluator(self):
        self._check_not_interested()
        for sheet in self:
            if sheet.evaluator_id != self.env.user and not self.env.user.has_group(
                "dvk_models.group_dvk_manager"
            ):
                raise UserError(
                    self.env._(
                        "Only %(user)s can fill this score sheet.",
                        user=sheet.evaluator_id.name,
                    )
                )

    def _dvk_may_score_council(self):
        """Whether the current user may sit on the council of the sheet's
        record (:meth:`_check_council_member`); before a record is chosen,
        whether he sits on any council: a DVK officer or manager."""
        self.ensure_one()
        record = self._dvk_record()
        if record:
            return record._dvk_in_officer_scope()
        return self.env.su or self.env.user.has_group("dvk_models.group_dvk_officer")

    @api.depends_context("uid")
    @api.depends("model_id", "exemplar_id")
    def _compute_dvk_can_score_council(self):
        """The predicate that offers the kind Council on the form, the one
        :meth:`_check_council_member` checks on save."""
        for sheet in self:
            sheet.dvk_can_score_council = sheet._dvk_may_score_council()

    def _check_council_member(self):
        """A council sheet is the work of the council of the record's level:
        DVK officers in charge of the record's unit (or a DVK manager), never
        any user who picks a record, since every finished council sheet
        counts in the record's council score."""
        if self.env.su:
            return
        for sheet in self.filtered(lambda s: s.kind == "council"):
            record = sheet._dvk_record()
            if not sheet._dvk_may_score_council():
                raise UserError(
                    self.env._(
                        "Only a DVK officer in charge of %(unit)s sits on the "
                        "council of %(name)s.",
                        # sudo: the unit's name, for the message
                        unit=record.sudo().department_id.name,
                        name=record.display_name,
                    )
                )

    def _check_not_interested(self):
        """Nobody fills a council sheet of a record they registered, take part
        in or are the subject of, whatever their rights (a DVK manager
        included): the council judges others' work."""
        if self.env.su:
            return
        user = self.env.user
        for sheet in self.filtered(lambda s: s.kind == "council"):
            record = sheet._dvk_record()
            # sudo: who registered or takes part in the record, not its content
            if user in record.sudo()._get_registrant_users():
                raise UserError(
                    self.env._(
                        "You cannot fill a council score sheet of %(name)s: you "
                        "registered it, take part in it or are its subject.",
                        name=record.display_name,
                    )
                )
