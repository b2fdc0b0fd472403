from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
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
    # The sheet's concerns, one file each (dvk_score_sheet_*.py).
    _inherit = [
        "dvk.score.sheet.council",
        "dvk.score.sheet.scoring",
        "mail.thread",
        "dvk.record.link.mixin",
    ]
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
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )
    dvk_can_delete = fields.Boolean(
        compute="_compute_dvk_can_delete",
        help="The current user may delete this sheet: an unfinished sheet that "
        "the access rules let him delete (its evaluator, the officer in charge "
        "of its unit, a DVK manager).",
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

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Score sheet created")

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
