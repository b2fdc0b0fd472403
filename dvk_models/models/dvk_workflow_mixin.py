from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command


class DvkWorkflowMixin(models.AbstractModel):
    """What models and exemplars share: their subject, and a state that only
    guarded business methods may change (RELIABILITY.md A3)."""

    _name = "dvk.workflow.mixin"
    _description = "DVK Workflow Mixin"

    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('state', '!=', 'closed')]",
    )
    profile = fields.Selection(related="campaign_id.profile", store=True)
    year = fields.Integer(related="campaign_id.year", store=True)
    subject_type = fields.Selection(
        [("collective", "Collective"), ("individual", "Individual")],
        required=True,
        default="collective",
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        help="The collective itself, or the unit of the individual.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        help="The individual, for an individual subject.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    proposal_level_id = fields.Many2one(
        "dvk.level",
        string="Proposed Level",
        readonly=True,
        copy=False,
        tracking=True,
        ondelete="restrict",
        help="The level at which the record is proposed for recognition.",
    )
    recognized_level_id = fields.Many2one(
        "dvk.level",
        string="Recognised Level",
        compute="_compute_recognized_level_id",
        store=True,
        copy=False,
        tracking=True,
        help="The highest level reached through confirmed decisions.",
    )
    decision_line_ids = fields.One2many(
        "dvk.decision.line", compute="_compute_decision_line_ids"
    )
    refusal_reason = fields.Text(readonly=True, copy=False, tracking=True)
    criteria_set_id = fields.Many2one(
        "dvk.criteria.set",
        compute="_compute_criteria_set_id",
        store=True,
        readonly=False,
        ondelete="restrict",
        tracking=True,
        help="The criteria the record is scored and checked against; it follows "
        "the campaign's profile and the subject type.",
    )
    self_score = fields.Float(string="Self-assessment (%)", compute="_compute_scores")
    self_assessed = fields.Boolean(
        string="Self-assessed",
        compute="_compute_scores",
        help="A finished self-assessment sheet meets its knock-out criteria.",
    )
    council_score = fields.Float(string="Council Score (%)", compute="_compute_scores")
    council_spread = fields.Float(
        compute="_compute_scores",
        help="Gap between the highest and the lowest council sheet.",
    )
    council_count = fields.Integer(string="Council Sheets", compute="_compute_scores")
    council_passed = fields.Boolean(
        string="Passed by the Council", compute="_compute_scores"
    )

    # Fields only the guarded workflow methods may write.
    _dvk_protected_fields = frozenset(
        {"state", "proposal_level_id", "recognized_level_id", "refusal_reason"}
    )
    # Fields that may still change once a record is past draft.
    _dvk_always_writable = frozenset()

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        # The public profile: users without HR rights (DVK staff and officers)
        # cannot read the unit through hr.employee since Odoo 19 (hr.version).
        employee = self.env["hr.employee.public"].browse(self.employee_id.ids)
        if employee.department_id:
            self.department_id = employee.department_id

    @api.constrains("subject_type", "employee_id")
    def _check_subject(self):
        for record in self:
            if record.subject_type == "individual" and not record.employee_id:
                raise ValidationError(
                    self.env._("An individual registration needs the employee.")
                )

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------
    def _dvk_locked_states(self):
        """States in which the record can no longer be edited at all."""
        return ("recognized",)

    def _dvk_editable_states(self):
        return ("draft", "refused")

    def _dvk_check_write(self, vals):
        if self.env.su:
            return
        protected = self._dvk_protected_fields & set(vals)
        if protected:
            raise UserError(
                self.env._(
                    "%(fields)s can only be changed by the workflow buttons.",
                    fields=", ".join(
                        self._fields[f].get_description(self.env)["string"]
                        for f in sorted(protected)
                    ),
                )
            )
        touched = {f for f in vals if not f.startswith(("message_", "activity_"))}
        if not touched:
            return
        # The always-writable fields follow a record past draft, but not once
        # it is locked (recognised): corrections go through a new decision.
        free = touched - self._dvk_always_writable
        for record in self:
            if record.state in record._dvk_locked_states():
                raise UserError(
                    self.env._(
                        "%(name)s is recognised and can no longer be changed; "
                        "corrections go through a new decision.",
                        name=record.display_name,
                    )
                )
            if free and record.state not in record._dvk_editable_states():
                raise UserError(
                    self.env._(
                        "%(name)s has been submitted and can no longer be edited "
                        "in this state (%(state)s).",
                        name=record.display_name,
                        state=dict(
                            record._fields["state"]._description_selection(self.env)
                        )[record.state],
                    )
                )

    def write(self, vals):
        self._dvk_check_write(vals)
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("state", "draft") != "draft" or (
                    self._dvk_protected_fields - {"state"}
                ) & {k for k, v in vals.items() if v}:
                    raise UserError(
                        self.env._(
                            "A new record always starts as a draft; its state "
                            "changes through the workflow buttons."
                        )
                    )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        for record in self:
            if record.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s has left the draft state and cannot be deleted; "
                        "remove it from the list or refuse it instead.",
                        name=record.display_name,
                    )
                )

    def _dvk_workflow_write(self, vals):
        """Write workflow fields once the calling business method has checked
        the caller's rights and the records' states.

        The change is tracked here, for all records at once, instead of record
        by record when the transaction commits (mail.thread), so that batch
        workflow actions stay O(1) in queries (DESIGN §4).
        """
        # sudo: state and workflow fields are refused to plain writes
        # (see _dvk_check_write); this is the one door the guarded methods use.
        records = self.sudo()
        context = self.env.context
        if (
            not records
            or not isinstance(records, self.env.registry["mail.thread"])
            or context.get("tracking_disable")
            or context.get("mail_notrack")
        ):
            return records.write(vals)
        fnames = records._track_get_fields()
        # Records created in this transaction are not tracked (mail.thread
        # marks them with None), as in the core.
        pending = self.env.cr.precommit.data.get(f"mail.tracking.{self._name}", {})
        tracked = records.filtered(
            lambda r: not (r.id in pending and pending[r.id] is None)
        )
        initial = {record.id: {f: record[f] for f in fnames} for record in tracked}
        result = records.with_context(mail_notrack=True).write(vals)
        tracked._dvk_track_batch(fnames, initial)
        return result

    def _dvk_track_batch(self, fnames, initial):
        """Log the tracking values of ``self`` (sudo) against ``initial``, one
        message per changed record, created in one batch."""
        tracked_fields = self.fields_get(
            fnames, attributes=("string", "type", "selection", "currency_field")
        )
        author = self.env.user.partner_id
        email_from = author.email_formatted
        base = {
            "author_id": author.id,
            "email_from": email_from,
            "model": self._name,
            "record_alias_domain_id": False,
            "record_company_id": False,
            "message_type": "notification",
            "is_internal": True,
            "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
            "email_add_signature": False,
            "reply_to": self.env["mail.thread"]._notify_get_reply_to(
                default=email_from, author_id=author.id
            )[False],
        }
        changed = {}
        logged = {}
        for record in self:
            changes, commands = record._mail_track(tracked_fields, initial[record.id])
            logged[record.id] = changes
            if commands:
                changed[record.id] = [vals for _c, _i, vals in commands]
        # What is logged here must not be logged again when mail.thread
        # finalises its own tracking at commit: for an earlier write in the
        # transaction, or for the stored computed fields (recognised level)
        # recomputed while reading the new values above.
        pending = self.env.cr.precommit.data.get(f"mail.tracking.{self._name}", {})
        for record in self:
            earlier = pending.get(record.id)
            if earlier:
                for fname in logged[record.id] & set(earlier):
                    earlier[fname] = record[fname]
        if not changed:
            return
        messages = self._message_create(
            [dict(base, res_id=res_id, body="") for res_id in changed]
        )
        # The tracking values of all messages in one batch (as one2many
        # commands, mail.message would create them message by message).
        self.env["mail.tracking.value"].sudo().create(
            [
                dict(vals, mail_message_id=message.id)
                for message, values in zip(messages, changed.values(), strict=True)
                for vals in values
            ]
        )

    def _dvk_check_state(self, allowed, action):
        for record in self:
            if record.state not in allowed:
                raise UserError(
                    self.env._(
                        '%(name)s cannot be %(action)s from the state "%(state)s".',
                        name=record.display_name,
                        action=action,
                        state=dict(
                            record._fields["state"]._description_selection(self.env)
                        )[record.state],
                    )
                )

    def _dvk_is_manager(self):
        return self.env.user.has_group("dvk_models.group_dvk_manager")

    def _dvk_is_officer(self):
        return self.env.user.has_group("dvk_models.group_dvk_officer")

    def _dvk_subject_users(self):
        """Users who registered the record or are its subject."""
        self.ensure_one()
        return self.create_uid | self.employee_id.user_id

    def _dvk_officer_scope(self):
        """The units the user acts on as an officer: those in his charge and
        every unit below them."""
        return self.env["hr.department"].search(
            [("id", "child_of", self.env.user.dvk_department_ids.ids)]
        )

    def _dvk_check_officer_scope(self):
        """Officers act on the units in their charge and below; managers on all."""
        if self._dvk_is_manager():
            return
        if not self._dvk_is_officer():
            raise UserError(self.env._("Only a DVK officer or manager can do this."))
        scope = self._dvk_officer_scope()
        outside = self.filtered(lambda r: r.department_id not in scope)
        if outside:
            raise UserError(
                self.env._(
                    "%(names)s belong to units outside your charge.",
                    names=", ".join(outside.mapped("display_name")),
                )
            )

    @api.model
    def _dvk_check_officer_scope_units(self, units):
        """Same rule for units chosen in a wizard."""
        if self._dvk_is_manager():
            return
        if not self._dvk_is_officer():
            raise UserError(self.env._("Only a DVK officer or manager can do this."))
        outside = units - self._dvk_officer_scope()
        if outside:
            raise UserError(
                self.env._(
                    "%(units)s are outside the units in your charge.",
                    units=", ".join(outside.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Levels
    # ------------------------------------------------------------------
    # Confirming or cancelling a decision changes the state of its records:
    # the lines are read again, so the guards never see a stale list.
    @api.depends("state")
    def _compute_decision_line_ids(self):
        fname = self._dvk_line_field()
        lines = self.env["dvk.decision.line"].search([(fname, "in", self.ids)])
        by_record = lines.grouped(fname)
        for record in self:
            record.decision_line_ids = by_record.get(record, lines.browse())

    @api.depends("state")
    def _compute_recognized_level_id(self):
        """Highest level among the confirmed decisions naming the record."""
        fname = self._dvk_line_field()
        records = self.filtered("id")
        best = {}
        if records:
            # sudo: only the levels of confirmed decisions are read
            all_lines = self.env["dvk.decision.line"].sudo()
            lines = all_lines.search_fetch(
                [(fname, "in", records.ids), ("decision_id.state", "=", "confirmed")],
                [fname, "level_id"],
            )
            for line in lines:
                key = line[fname].id
                level = line.level_id
                if key not in best or level._is_above(best[key]):
                    best[key] = level
        for record in self:
            record.recognized_level_id = best.get(record.id, False)

    def _dvk_line_field(self):
        """Name of the decision-line (and score-sheet) field pointing at this
        model."""
        raise NotImplementedError

    def _dvk_target(self):
        """The criteria-set target of this model: "model" or "exemplar"."""
        raise NotImplementedError

    @api.depends("campaign_id.profile", "subject_type")
    def _compute_criteria_set_id(self):
        CriteriaSet = self.env["dvk.criteria.set"]
        found = {}
        for record in self:
            key = (record.campaign_id.profile, record.subject_type)
            if not key[0]:
                continue
            if key not in found:
                found[key] = CriteriaSet._find_for(record._dvk_target(), *key)
            record.criteria_set_id = found[key]

    def _compute_scores(self):
        """Self-assessment and aggregated council scores, from the finished
        sheets scored against the record's criteria set (mean of the council
        sheets, without the highest and lowest when the set says so and there
        are five or more)."""
        fname = self._dvk_line_field()
        sheets = self.env["dvk.score.sheet"].search_fetch(
            [(fname, "in", self.ids), ("state", "=", "done")],
            [fname, "kind", "criteria_set_id", "percent", "mandatory_ok", "passed"],
            order="id",
        )
        by_record = {}
        for sheet in sheets:
            by_record.setdefault(sheet[fname].id, []).append(sheet)
        for record in self:
            own = [
                s
                for s in by_record.get(record.id, [])
                if s.criteria_set_id == record.criteria_set_id
            ]
            selfs = [s for s in own if s.kind == "self"]
            council = [s for s in own if s.kind == "council"]
            last_self = selfs[-1] if selfs else None
            record.self_score = last_self.percent if last_self else 0.0
            record.self_assessed = bool(last_self and last_self.mandatory_ok)
            record.council_count = len(council)
            if not council:
                record.council_score = 0.0
                record.council_spread = 0.0
                record.council_passed = False
                continue
            scores = sorted(s.percent for s in council)
            record.council_spread = round(scores[-1] - scores[0], 2)
            if record.criteria_set_id.drop_extremes and len(scores) >= 5:
                scores = scores[1:-1]
            record.council_score = round(sum(scores) / len(scores), 2)
            band = record.criteria_set_id._band_for(record.council_score)
            knocked_out = sum(1 for s in council if not s.mandatory_ok)
            record.council_passed = (not band or band.passing) and (
                knocked_out * 2 < len(council)
            )

    def _dvk_check_self_assessment(self):
        """Seed 001 §3: every level of recognition needs the self-assessment
        score sheet; it must be finished and meet its knock-out criteria."""
        missing = self.filtered(lambda r: r.criteria_set_id and not r.self_assessed)
        if missing:
            raise UserError(
                self.env._(
                    "%(names)s need a finished self-assessment score sheet that "
                    "meets its knock-out criteria before being proposed.",
                    names=", ".join(missing.mapped("display_name")),
                )
            )

    def action_open_score_sheets(self):
        self.ensure_one()
        fname = self._dvk_line_field()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.score.sheet",
            "name": self.env._("Score Sheets"),
            "view_mode": "list,form",
            "domain": [(fname, "=", self.id)],
            "context": {
                f"default_{fname}": self.id,
                "default_criteria_set_id": self.criteria_set_id.id,
            },
        }

    def action_self_assess(self):
        """Open (or start) the registrant's self-assessment sheet."""
        self.ensure_one()
        if not self.criteria_set_id:
            raise UserError(
                self.env._(
                    "No criteria set applies to %(name)s.", name=self.display_name
                )
            )
        fname = self._dvk_line_field()
        Sheet = self.env["dvk.score.sheet"]
        sheet = Sheet.search(
            [
                (fname, "=", self.id),
                ("kind", "=", "self"),
                ("criteria_set_id", "=", self.criteria_set_id.id),
            ],
            order="id desc",
            limit=1,
        )
        if not sheet:
            sheet = Sheet.create(
                {
                    fname: self.id,
                    "kind": "self",
                    "criteria_set_id": self.criteria_set_id.id,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.score.sheet",
            "res_id": sheet.id,
            "view_mode": "form",
        }

    def _check_recognizable(self, decisions):
        """Hook: raise when these records cannot be recognised by ``decisions``.

        The core has no further condition than the decision's own checks;
        scoring and sector addons add theirs (self-assessment, dossiers).
        """
        return True

    def _dvk_check_propose_level(self, level):
        """Seed 001 §3: above the unit's own level, the level just below must
        have recognised the record first (district from grassroots, province
        from district)."""
        below = level._previous()
        for record in self:
            own = record.department_id.dvk_level_id
            if record.recognized_level_id and not level._is_above(
                record.recognized_level_id
            ):
                raise UserError(
                    self.env._(
                        "%(name)s is already recognised at %(level)s; propose it "
                        "at a higher level.",
                        name=record.display_name,
                        level=record.recognized_level_id.name,
                    )
                )
            if own and not level._is_above(own):
                continue
            if not below:
                continue
            reached = record.recognized_level_id
            if not reached or below._is_above(reached):
                raise UserError(
                    self.env._(
                        "%(name)s must first be recognised at %(below)s before "
                        "being proposed at %(level)s.",
                        name=record.display_name,
                        below=below.name,
                        level=level.name,
                    )
                )

    # ------------------------------------------------------------------
    # Chatter in batch
    # ------------------------------------------------------------------
    def _dvk_log_batch(self, bodies, notify=None):
        """Post one note per record and notify partners in their inbox.

        Everything is created in a constant number of queries, whatever the
        number of records, so batch approvals stay O(1).

        :param dict bodies: {record id: Markup body}
        :param dict notify: {record id: res.partner recordset}
        """
        notify = notify or {}
        author = self.env.user.partner_id
        subtype = self.env.ref("mail.mt_note")
        # One reply-to for the batch; mail.message would otherwise look for an
        # alias record by record.
        reply_to = self.env["mail.thread"]._notify_get_reply_to(
            default=author.email_formatted, author_id=author.id
        )[False]
        vals_list = []
        for record in self:
            partners = notify.get(record.id, self.env["res.partner"]) - author
            vals_list.append(
                {
                    "model": self._name,
                    "res_id": record.id,
                    "body": bodies[record.id],
                    "message_type": "notification",
                    "subtype_id": subtype.id,
                    "author_id": author.id,
                    "email_from": author.email_formatted,
                    "reply_to": reply_to,
                    "partner_ids": [Command.set(partners.ids)],
                }
            )
        # sudo: the caller's access to the records was checked by the workflow
        # method; messages and inbox notifications are system side effects.
        messages = self.env["mail.message"].sudo().create(vals_list)
        notif_vals = [
            {
                "mail_message_id": message.id,
                "res_partner_id": partner.id,
                "notification_type": "inbox",
                "is_read": False,
            }
            for message in messages
            for partner in message.partner_ids
        ]
        if notif_vals:
            # sudo: see above
            self.env["mail.notification"].sudo().create(notif_vals)
        return messages

    @staticmethod
    def _dvk_body(text, reason=None):
        if reason:
            return Markup("<p>%s</p><p>%s</p>") % (text, reason)
        return Markup("<p>%s</p>") % text
