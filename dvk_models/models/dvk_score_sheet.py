import math

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, formatLang

from .dvk_record_link_mixin import ONE_RECORD_CHECK


class DvkScoreSheet(models.Model):
    """A self-assessment or council score sheet of a model or an exemplar.

    Automatic criteria are filled and explained by the system, manual ones by
    people; a done sheet is locked.
    """

    _name = "dvk.score.sheet"
    _description = "DVK Score Sheet"
    _inherit = ["mail.thread", "dvk.record.link.mixin"]
    _order = "id desc"
    _check_company_auto = True

    # Computed in the reader's language, not stored: a name stored when the
    # sheet was created (by a cron, an import, the demo data) read
    # "Self-assessment - ..." in English to Vietnamese users.
    name = fields.Char(compute="_compute_name", search="_search_name")
    # model_id, exemplar_id: no company check, the sheet's company is the
    # record's own (computed below); checked against it, a new sheet offered
    # no record to score.
    kind = fields.Selection(
        [("self", "Self-assessment"), ("council", "Council")],
        required=True,
        default="self",
        tracking=True,
    )
    evaluator_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        domain=lambda self: self._dvk_evaluator_domain(),
    )
    criteria_set_id = fields.Many2one(
        "dvk.criteria.set", required=True, ondelete="restrict", tracking=True
    )
    line_ids = fields.One2many("dvk.score.sheet.line", "sheet_id", string="Scores")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    total = fields.Float(compute="_compute_totals", store=True, tracking=True)
    weighted_total = fields.Float(compute="_compute_totals", store=True)
    percent = fields.Float(
        string="Score (%)", compute="_compute_totals", store=True, aggregator="avg"
    )
    mandatory_ok = fields.Boolean(
        string="Knock-out Criteria Met", compute="_compute_totals", store=True
    )
    band_id = fields.Many2one(
        "dvk.criteria.band", compute="_compute_totals", store=True
    )
    passed = fields.Boolean(compute="_compute_totals", store=True)
    # Not stored: the band's name is read in the reader's language.
    result = fields.Char(compute="_compute_result")
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )
    dvk_can_fill = fields.Boolean(
        compute="_compute_dvk_can_fill",
        help="The current user fills and finishes this sheet: its evaluator or a "
        "DVK manager, never someone with a stake in a record the council "
        "scores.",
    )
    dvk_can_delete = fields.Boolean(
        compute="_compute_dvk_can_delete",
        help="The current user may delete this sheet: an unfinished sheet that "
        "the access rules let him delete (its evaluator, the officer in charge "
        "of its unit, a DVK manager).",
    )
    dvk_can_score_council = fields.Boolean(
        compute="_compute_dvk_can_score_council",
        help="The current user may sit on the council of the record: the kind "
        "Council is offered to him only.",
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_company_id",
        store=True,
        index=True,
        context={"hierarchical_naming": False},
    )

    _one_record = models.Constraint(
        ONE_RECORD_CHECK,
        "A score sheet scores either a model or an exemplar.",
    )
    _one_sheet_per_evaluator = models.UniqueIndex(
        "(COALESCE(model_id, 0), COALESCE(exemplar_id, 0), kind, evaluator_id, "
        "criteria_set_id)",
        "This evaluator already has a sheet for this record.",
    )

    @api.depends("model_id.name", "exemplar_id.name", "kind")
    @api.depends_context("lang")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for sheet in self:
            record = sheet._dvk_record()
            parts = (kinds.get(sheet.kind), record.display_name)
            sheet.name = " - ".join(part for part in parts if part)

    def _search_name(self, operator, value):
        # The name is the kind and the record's name: searched by the latter.
        if operator in Domain.NEGATIVE_OPERATORS:
            return NotImplemented
        return Domain("model_id.name", operator, value) | Domain(
            "exemplar_id.name", operator, value
        )

    @api.depends(
        "model_id.company_id",
        "exemplar_id.company_id",
        "model_id.department_id",
        "exemplar_id.department_id",
    )
    def _compute_company_id(self):
        for sheet in self:
            record = sheet._dvk_record()
            sheet.company_id = record.company_id
            sheet.department_id = record.department_id

    @api.depends(
        "criteria_set_id",
        "line_ids.score",
        "line_ids.passed",
        "criteria_set_id.band_ids.min_percent",
    )
    def _compute_totals(self):
        for sheet in self:
            if not sheet.criteria_set_id:
                # A new sheet whose criteria set is not chosen yet scores
                # nothing: no total, no band, and it does not pass.
                sheet.update(
                    {
                        "total": 0.0,
                        "weighted_total": 0.0,
                        "percent": 0.0,
                        "mandatory_ok": False,
                        "band_id": False,
                        "passed": False,
                    }
                )
                continue
            lines = sheet.line_ids
            sheet.total = round(sum(lines.mapped("score")), 2)
            weighted = sum(line.score * line.criterion_id.weight for line in lines)
            maximum = sum(
                line.criterion_id.max_score * line.criterion_id.weight for line in lines
            )
            sheet.weighted_total = round(weighted, 2)
            sheet.percent = round(100.0 * weighted / maximum, 2) if maximum else 0.0
            sheet.mandatory_ok = all(
                line.passed for line in lines if line.criterion_id.mandatory
            )
            band = sheet.criteria_set_id._band_for(sheet.percent)
            sheet.band_id = band
            sheet.passed = sheet.mandatory_ok and (not band or band.passing)

    @api.depends("criteria_set_id", "mandatory_ok", "band_id.name")
    @api.depends_context("lang")
    def _compute_result(self):
        for sheet in self:
            if not sheet.criteria_set_id:
                sheet.result = ""
            elif not sheet.mandatory_ok:
                sheet.result = self.env._("Fails a knock-out criterion")
            else:
                sheet.result = sheet.band_id.name or ""

    @api.model
    def _dvk_evaluator_domain(self):
        """The evaluators offered: the DVK users of the sheet's company (a
        client-side domain, built with the id of the DVK user group)."""
        group = self.env.ref("dvk_models.group_dvk_user", raise_if_not_found=False)
        if not group:
            return "[('share', '=', False)]"
        return (
            f"[('share', '=', False), ('all_group_ids', 'in', [{group.id}])] + "
            "(company_id and [('company_ids', 'in', [company_id])] or [])"
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

    @api.constrains("criteria_set_id", "model_id", "exemplar_id")
    def _check_set_target(self):
        for sheet in self:
            target = "model" if sheet.model_id else "exemplar"
            if sheet.criteria_set_id.target != target:
                raise ValidationError(
                    self.env._(
                        "The criteria set %(set)s is not meant for this kind of "
                        "record.",
                        set=sheet.criteria_set_id.display_name,
                    )
                )

    @api.onchange("model_id", "exemplar_id")
    def _onchange_record(self):
        """A new sheet takes the criteria set its record is scored against,
        unless a set meant for that kind of record is already chosen."""
        record = self._dvk_record()
        target = "model" if self.model_id else "exemplar"
        if record and self.criteria_set_id.target != target:
            self.criteria_set_id = record.criteria_set_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "draft") != "draft" and not self.env.su:
                raise UserError(self.env._("A score sheet starts as a draft."))
        sheets = super().create(vals_list)
        sheets._check_not_interested()
        sheets._check_council_member()
        sheets._sync_lines()
        return sheets

    def write(self, vals):
        if not self.env.su:
            if "state" in vals:
                raise UserError(
                    self.env._("Use the Finish button to close a score sheet.")
                )
            done = self.filtered(lambda s: s.state == "done")
            if done and set(vals) - {"note"} - {
                f for f in vals if f.startswith("message_")
            }:
                raise UserError(
                    self.env._(
                        "A finished score sheet is locked: %(name)s.", name=done[0].name
                    )
                )
            if set(vals) - {"note"} - {f for f in vals if f.startswith("message_")}:
                # Only the evaluator (or a manager) fills or hands over a sheet.
                self._check_evaluator()
        changed = set(vals) - {
            f for f in vals if f.startswith(("message_", "activity_"))
        }
        if changed:
            # A note may still be added to a finished sheet.
            self._dvk_lock_sheets(check_done=bool(changed - {"note"}))
        return super().write(vals)

    def _dvk_lock_sheets(self, check_done=True):
        """Take the sheets for this transaction before changing them or their
        scores (RELIABILITY (b) 27): a second save of the same sheet waits for
        the first, and once the first commits it fails with a serialisation
        error and is retried on the saved sheet, so the sheet ends as one
        complete scoring, never half of each; a save racing the finishing of
        the sheet is then refused as locked."""
        sheets = self.filtered("id")
        if not sheets:
            return
        # Writing the row (not only locking it) is what makes a transaction
        # that read the sheet before this one commits fail instead of merging.
        self.env.cr.execute(
            SQL(
                "UPDATE dvk_score_sheet SET write_date = %s, write_uid = %s "
                "WHERE id IN %s",
                self.env.cr.now(),
                self.env.uid,
                tuple(sheets.ids),
            )
        )
        sheets.invalidate_recordset(["state", "write_date", "write_uid"])
        done = sheets.filtered(lambda s: s.state == "done")
        if done and check_done and not self.env.su:
            raise UserError(
                self.env._(
                    "A finished score sheet is locked: %(name)s.", name=done[0].name
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(sheet.state == "done" for sheet in self):
            raise UserError(self.env._("A finished score sheet cannot be deleted."))

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_dvk_can_delete(self):
        """What the server checks on unlink: the access rights and record
        rules for deleting, and the unfinished state (:meth:`_unlink_except_done`).
        Odoo offers its own Delete from the access rights alone, so the form
        hides it and shows this predicate's button instead."""
        unfinished = self.filtered(lambda sheet: sheet.state != "done")
        deletable = unfinished._filtered_access("unlink") if unfinished else unfinished
        for sheet in self:
            sheet.dvk_can_delete = sheet in deletable

    def action_delete_draft(self):
        """Delete unfinished sheets, the form's Delete button: shown by
        ``dvk_can_delete``, the predicate checked here before the unlink."""
        for sheet in self:
            if not sheet.dvk_can_delete:
                if sheet.state == "done":
                    sheet._unlink_except_done()
                raise AccessError(
                    self.env._(
                        "Only its evaluator, the officer in charge of its unit or "
                        "a DVK manager may delete the score sheet %(name)s.",
                        name=sheet.name,
                    )
                )
        self.unlink()
        # Back to the list in place of the breadcrumbs, which still lead to
        # the deleted sheet.
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_score_sheet_action"
        )
        action["target"] = "main"
        return action

    def _sync_lines(self):
        """One line per criterion of the set; automatic lines filled now."""
        Line = self.env["dvk.score.sheet.line"]
        to_create = []
        for sheet in self:
            present = sheet.line_ids.criterion_id
            for criterion in sheet.criteria_set_id.criterion_ids - present:
                to_create.append({"sheet_id": sheet.id, "criterion_id": criterion.id})
        if to_create:
            Line.create(to_create)
        self._refresh_automatic()

    def _eligibility_rows(self):
        rows = []
        for sheet in self:
            record = sheet._dvk_record()
            rows.append(
                (
                    sheet.id,
                    record.subject_type,
                    record.year,
                    record.employee_id,
                    record.department_id,
                    sheet.model_id,
                )
            )
        return rows

    def _refresh_automatic(self):
        """Fill and explain the automatic criteria from the HR records."""
        drafts = self.filtered(lambda s: s.state == "draft")
        if not drafts:
            return
        Eligibility = self.env["dvk.eligibility"]
        items = Eligibility._items(drafts._eligibility_rows())
        for criteria_set in drafts.criteria_set_id:
            sheets = drafts.filtered(lambda s, cs=criteria_set: s.criteria_set_id == cs)
            subset = items.only(set(sheets.ids))
            answers = Eligibility._evaluate(criteria_set, subset)
            for sheet in sheets:
                by_criterion = {c.id: (ok, why) for c, ok, why in answers[sheet.id]}
                for line in sheet.line_ids:
                    if line.criterion_id.id not in by_criterion:
                        continue
                    ok, why = by_criterion[line.criterion_id.id]
                    # sudo: automatic criteria are written by this refresh
                    # only, never by a caller (no context key unlocks them)
                    line.sudo()._dvk_write_auto(
                        {
                            "score": line.criterion_id.max_score if ok else 0.0,
                            "explanation": Eligibility._join_reasons([why])
                            or self.env._("Met"),
                        }
                    )

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Score sheet created")

    def action_refresh(self):
        self._check_evaluator()
        self._refresh_automatic()
        return True

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

    def action_done(self):
        """Finish the sheets: every manual criterion must be scored."""
        self._check_evaluator()
        for sheet in self:
            if sheet.state != "draft":
                raise UserError(
                    self.env._("%(name)s is already finished.", name=sheet.name)
                )
        self._dvk_lock_sheets()
        self._refresh_automatic()
        for sheet in self:
            missing = sheet.line_ids.filtered(
                lambda line: not line.is_auto and not line.scored
            )
            if missing:
                raise UserError(
                    self.env._(
                        "Score every criterion before finishing %(name)s: "
                        "%(criteria)s.",
                        name=sheet.name,
                        criteria=", ".join(missing.criterion_id.mapped("code")),
                    )
                )
        # sudo: the state of a sheet changes only here, after the checks above
        self.sudo().write({"state": "done"})
        for sheet in self:
            # sudo: the evaluator (the person an exemplar file is about, a
            # council member) may read the record without editing it; the
            # history line of the finished sheet is written as that user.
            sheet._dvk_record().sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=Markup("<p>%s</p>")
                % self.env._(
                    "%(kind)s score sheet finished by %(user)s: %(total)s "
                    "(%(result)s).",
                    kind=dict(self._fields["kind"]._description_selection(self.env))[
                        sheet.kind
                    ],
                    user=sheet.evaluator_id.name,
                    # The lists' format (Float, 2 digits), in the user's
                    # language: "84,00" in Vietnamese, never "84.0".
                    total=formatLang(self.env, sheet.weighted_total, digits=2),
                    result=sheet.result,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True


class DvkScoreSheetLine(models.Model):
    _name = "dvk.score.sheet.line"
    _description = "DVK Score Sheet Line"
    _order = "sheet_id, sequence, id"

    sheet_id = fields.Many2one(
        "dvk.score.sheet", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one("dvk.criterion", required=True, ondelete="restrict")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    code = fields.Char(related="criterion_id.code")
    guidance = fields.Text(related="criterion_id.guidance")
    max_score = fields.Float(related="criterion_id.max_score")
    mandatory = fields.Boolean(related="criterion_id.mandatory")
    is_auto = fields.Boolean(compute="_compute_is_auto")
    score = fields.Float()
    scored = fields.Boolean(
        help="Set once a person (or the system, for automatic criteria) has "
        "given the score, so that 0 is a real score."
    )
    passed = fields.Boolean(compute="_compute_passed", store=True)
    explanation = fields.Text()

    _line_uniq = models.Constraint(
        "UNIQUE(sheet_id, criterion_id)", "A criterion appears once per sheet."
    )

    @api.depends("criterion_id.check")
    def _compute_is_auto(self):
        for line in self:
            line.is_auto = line.criterion_id.check != "manual"

    @api.depends("score", "criterion_id.pass_score", "criterion_id.check", "scored")
    def _compute_passed(self):
        for line in self:
            criterion = line.criterion_id
            if criterion.check != "manual":
                line.passed = line.score >= criterion.max_score
            else:
                line.passed = line.scored and line.score >= criterion.pass_score

    @api.constrains("score", "criterion_id")
    def _check_score(self):
        for line in self:
            criterion = line.criterion_id
            decimals = line.sheet_id.criteria_set_id.score_decimals
            if math.isnan(line.score) or math.isinf(line.score):
                raise ValidationError(self.env._("A score must be a number."))
            if not 0 <= line.score <= criterion.max_score:
                raise ValidationError(
                    self.env._(
                        "The score of %(code)s must lie between 0 and %(max)s.",
                        code=criterion.code,
                        max=criterion.max_score,
                    )
                )
            if round(line.score, decimals) != line.score:
                raise ValidationError(
                    self.env._(
                        "The score of %(code)s allows at most %(decimals)s decimals.",
                        code=criterion.code,
                        decimals=decimals,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # A score given with the line is given, as in write().
        vals_list = [
            dict(vals, scored=True) if "score" in vals else vals for vals in vals_list
        ]
        lines = super().create(vals_list)
        if not self.env.su:
            if lines.sheet_id.filtered(lambda s: s.state == "done"):
                raise UserError(self.env._("A finished score sheet is locked."))
            # Scores typed into a sheet made in someone else's name: only the
            # evaluator (or a manager) fills a sheet.
            lines.filtered("scored").sheet_id._check_evaluator()
            lines.sheet_id._dvk_lock_sheets()
            if lines.filtered(lambda line: line.scored and line.is_auto):
                raise UserError(
                    self.env._("Automatic criteria are scored by the system.")
                )
        return lines

    def write(self, vals):
        if not self.env.su:
            if self.sheet_id.filtered(lambda s: s.state == "done"):
                raise UserError(self.env._("A finished score sheet is locked."))
            if {"score", "scored", "explanation"} & set(vals) and self.filtered(
                "is_auto"
            ):
                raise UserError(
                    self.env._("Automatic criteria are scored by the system.")
                )
            self.sheet_id._check_evaluator()
        self.sheet_id._dvk_lock_sheets()
        if "score" in vals:
            vals = dict(vals, scored=True)
        return super().write(vals)

    def _dvk_write_auto(self, vals):
        """The system's own path for automatic criteria (see
        ``_refresh_automatic``): only as the superuser, on draft sheets."""
        if not self.env.su:
            raise UserError(self.env._("Automatic criteria are scored by the system."))
        if self.sheet_id.filtered(lambda s: s.state == "done"):
            raise UserError(self.env._("A finished score sheet is locked."))
        return self.write(vals)
