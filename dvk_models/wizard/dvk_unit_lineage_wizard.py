from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command, Domain

# Records still under way move to the successor; decided ones (recognised,
# refused, removed, carried over) keep the unit that decided them.
OPEN_MODEL_STATES = ("draft", "submitted", "approved", "proposed")
OPEN_EXEMPLAR_STATES = ("draft", "proposed")


class DvkUnitLineageWizard(models.TransientModel):
    """Record that units merged into one (A and B became C) or that a unit was
    split (A became C and D) on a date, as the 2025 restructuring did
    (provinces merged from 63 into 34, district tier dissolved). The old
    units are archived with their successors; records under way move to a
    successor; decisions and decided records keep their historical issuer."""

    _name = "dvk.unit.lineage.wizard"
    _description = "DVK Merge or Split Units"

    mode = fields.Selection(
        [("merge", "Merge into one unit"), ("split", "Split into several units")],
        required=True,
        default="merge",
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="The date from which the successors take over.",
    )
    source_ids = fields.Many2many(
        "hr.department",
        "dvk_unit_lineage_wizard_source_rel",
        "wizard_id",
        "department_id",
        string="Former Units",
        context={"hierarchical_naming": False},
    )
    successor_id = fields.Many2one(
        "hr.department",
        string="Merged Unit",
        context={"hierarchical_naming": False},
        help="The unit the former units become; leave empty to create one with "
        "the name below.",
    )
    new_unit_name = fields.Char(
        help="Name of the merged unit to create, under the parent of the first "
        "former unit."
    )
    successor_ids = fields.Many2many(
        "hr.department",
        "dvk_unit_lineage_wizard_successor_rel",
        "wizard_id",
        "department_id",
        string="New Units",
        context={"hierarchical_naming": False},
        help="The units the former unit is split into; the first one takes its "
        "staff, sub-units and exemplars under way.",
    )
    line_ids = fields.One2many(
        "dvk.unit.lineage.wizard.line",
        "wizard_id",
        string="Models under Way",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )
    open_model_count = fields.Integer(compute="_compute_open_model_count")

    @api.depends("mode", "source_ids", "successor_ids")
    def _compute_line_ids(self):
        """A split shares out the models under way: each starts with the
        first new unit and the user chooses another where it belongs."""
        for wizard in self:
            if wizard.mode != "split" or not wizard.successor_ids:
                wizard.line_ids = [Command.clear()]
                continue
            first = wizard.successor_ids[:1]
            kept = {
                line.model_id.id: line.successor_id
                for line in wizard.line_ids
                if line.successor_id in wizard.successor_ids
            }
            models_ = wizard._open_models()
            wizard.line_ids = [Command.clear()] + [
                Command.create(
                    {
                        "model_id": model.id,
                        "successor_id": kept.get(model.id, first).id,
                    }
                )
                for model in models_
            ]

    @api.depends("source_ids")
    def _compute_open_model_count(self):
        for wizard in self:
            wizard.open_model_count = len(wizard._open_models())

    def _open_models(self):
        self.ensure_one()
        if not self.source_ids.ids:
            return self.env["dvk.model"]
        return self.env["dvk.model"].search(
            [
                ("department_id", "in", self.source_ids.ids),
                ("state", "in", OPEN_MODEL_STATES),
            ],
            order="id",
        )

    def _check_rights(self):
        if not self.env.user.has_group("dvk_models.group_dvk_manager"):
            raise AccessError(
                self.env._("Only a DVK manager can record a merger or a split.")
            )

    def _check_input(self, successors):
        self.ensure_one()
        if not self.source_ids:
            raise UserError(self.env._("Choose the former units."))
        if self.mode == "split" and len(self.source_ids) != 1:
            raise UserError(self.env._("A split starts from one former unit."))
        if self.mode == "merge" and not successors:
            raise UserError(
                self.env._("Choose the merged unit or give the name of a new one.")
            )
        if self.mode == "split" and len(successors) < 2:
            raise UserError(self.env._("A split gives at least two new units."))
        if successors & self.source_ids:
            raise UserError(self.env._("A former unit cannot be its own successor."))
        gone = self.source_ids.filtered(lambda d: not d.active)
        if gone:
            raise UserError(
                self.env._(
                    "%(units)s no longer exists: it was archived already.",
                    units=", ".join(gone.mapped("name")),
                )
            )

    def _successors(self):
        self.ensure_one()
        if self.mode == "split":
            return self.successor_ids
        if self.successor_id:
            return self.successor_id
        if not self.new_unit_name or not self.source_ids:
            return self.env["hr.department"]
        first = self.source_ids[:1]
        # sudo: the DVK manager records the merger; creating the unit it gives
        # needs no HR rights (checked in action_apply)
        Department = self.env["hr.department"].sudo()
        return Department.create(
            {
                "name": self.new_unit_name,
                "parent_id": first.parent_id.id,
                "company_id": first.company_id.id,
                "dvk_level_id": first.dvk_level_id.id,
                "dvk_is_party_body": first.dvk_is_party_body,
                "dvk_signing_place": first.dvk_signing_place,
                # The same kind of body as the units it takes over: the same
                # superior body and signing titles on its documents.
                "dvk_superior_name": first.dvk_superior_name,
                "dvk_sign_on_behalf": first.dvk_sign_on_behalf,
                "dvk_head_title": first.dvk_head_title,
                "dvk_deputy_title": first.dvk_deputy_title,
            }
        ).with_env(self.env)

    def _targets(self, successors):
        """{successor: models under way that move to it}."""
        self.ensure_one()
        if self.mode == "merge":
            return {successors: self._open_models()}
        targets = {}
        chosen = {line.model_id: line.successor_id for line in self.line_ids}
        for model in self._open_models():
            target = chosen.get(model) or successors[:1]
            targets[target] = targets.get(target, model.browse()) | model
        return targets

    def _check_duplicates(self, targets):
        """A model moving to a unit that already registered the same model in
        the same campaign would be registered twice (one query)."""
        moving = self.env["dvk.model"].union(*targets.values())
        if not moving:
            return
        Model = self.env["dvk.model"].sudo()  # sudo: duplicates in any unit count
        clashes = Model.search_fetch(
            Domain("department_id", "in", [t.id for t in targets])
            & Domain("campaign_id", "in", moving.campaign_id.ids)
            & Domain("name_key", "in", list(set(moving.mapped("name_key"))))
            & Domain("subject_type", "=", "collective")
            & Domain("state", "!=", "removed"),
            ["name", "department_id", "campaign_id", "name_key"],
        )
        seen = {(m.department_id.id, m.campaign_id.id, m.name_key) for m in clashes}
        for target, models_ in targets.items():
            for model in models_.filtered(lambda m: m.subject_type == "collective"):
                key = (target.id, model.campaign_id.id, model.name_key)
                if key in seen:
                    raise UserError(
                        self.env._(
                            "%(name)s is registered by both %(unit)s and %(target)s "
                            "in %(campaign)s: remove one of them before the merger.",
                            name=model.name,
                            unit=model.department_id.name,
                            target=target.name,
                            campaign=model.campaign_id.name,
                        )
                    )
                seen.add(key)

    def action_apply(self):
        """Archive the former units with their successors and move what is
        under way, in a number of queries that does not grow with the number
        of records moved."""
        self.ensure_one()
        self._check_rights()
        successors = self._successors()
        self._check_input(successors)
        targets = self._targets(successors)
        self._check_duplicates(targets)
        sources = self.source_ids
        main = successors[:1]
        date_text = self.date.strftime("%d/%m/%Y")
        names = ", ".join(sources.mapped("name"))
        # Models under way: one write and one batch of notes per successor.
        for target, models_ in targets.items():
            if not models_:
                continue
            text = self.env._(
                "%(units)s became %(target)s on %(date)s: the registration "
                "moves to %(target)s.",
                units=names,
                target=target.name,
                date=date_text,
            )
            models_._dvk_workflow_write({"department_id": target.id})
            models_._dvk_log_batch({m.id: models_._dvk_body(text) for m in models_})
            self._reassign_approvals(models_, target)
        exemplars = self.env["dvk.exemplar"].search(
            [
                ("department_id", "in", sources.ids),
                ("state", "in", OPEN_EXEMPLAR_STATES),
            ]
        )
        if exemplars:
            text = self.env._(
                "%(units)s became %(target)s on %(date)s: the exemplar moves "
                "to %(target)s.",
                units=names,
                target=main.name,
                date=date_text,
            )
            exemplars._dvk_workflow_write({"department_id": main.id})
            exemplars._dvk_log_batch(
                {e.id: exemplars._dvk_body(text) for e in exemplars}
            )
        self._move_unit_links(sources, successors, main)
        self._record_lineage(sources, successors)
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.department",
            "name": self.env._("Successor Units"),
            "view_mode": "list,form",
            "domain": [("id", "in", successors.ids)],
        }

    def _reassign_approvals(self, models_, target):
        """Registrations awaiting approval that moved to ``target``: when the
        approver of their new unit is another user, the registration and its
        DVK approval activity go to that approver, with a line in the
        history that tells them. An activity someone already handed to
        another user stays where it is. One write per new approver, whatever
        the number of records."""
        submitted = models_.filtered(lambda m: m.state == "submitted")
        if not submitted:
            return
        moves = {}
        for model in submitted:
            approver = model._get_approver()
            if approver and approver != model.approver_id:
                key = (model.approver_id, approver)
                moves[key] = moves.get(key, model.browse()) | model
        if not moves:
            return
        activity_type = submitted._get_approval_activity_type()
        # sudo: the activities belong to the former approvers; handing them
        # over is part of the merger the DVK manager records
        Activity = self.env["mail.activity"].sudo()
        activities = Activity.search(
            [
                ("res_model", "=", "dvk.model"),
                ("res_id", "in", submitted.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        for (former, approver), records in moves.items():
            records._dvk_workflow_write({"approver_id": approver.id})
            mine = activities.filtered(
                lambda a, ids=set(records.ids), former=former: (
                    a.res_id in ids and a.user_id == former
                )
            )
            if mine:
                # The note below tells the new approver (one batch), instead
                # of one mail per activity.
                mine.with_context(mail_activity_quick_update=True).write(
                    {"user_id": approver.id}
                )
            text = self.env._(
                "Its approval passes from %(former)s to %(approver)s, approver "
                "of %(unit)s.",
                former=former.name or "-",
                approver=approver.name,
                unit=target.name,
            )
            records._dvk_log_batch(
                {m.id: records._dvk_body(text) for m in records},
                {m.id: approver.partner_id for m in records},
            )

    def _move_unit_links(self, sources, successors, main):
        """Staff, sub-units, officers in charge and units whose registrations
        the former units received follow to the successor."""
        # sudo: the DVK manager records the merger (checked in action_apply);
        # people and units follow it without HR rights of their own.
        Employee = self.env["hr.employee"].sudo()
        Employee.search([("department_id", "in", sources.ids)]).write(
            {"department_id": main.id}
        )
        Department = self.env["hr.department"].sudo()  # sudo: see above
        Department.search([("parent_id", "in", sources.ids)]).write(
            {"parent_id": main.id}
        )
        Department.search([("dvk_receiver_id", "in", sources.ids)]).write(
            {"dvk_receiver_id": main.id}
        )
        # sudo: see above; the officers keep the history through the lineage
        Users = self.env["res.users"].sudo()
        officers = Users.search([("dvk_department_ids", "in", sources.ids)])
        if officers:
            officers.write(
                {
                    "dvk_department_ids": [Command.unlink(s.id) for s in sources]
                    + [Command.link(s.id) for s in successors]
                }
            )

    def _record_lineage(self, sources, successors):
        # sudo: lineage fields are DVK settings of the units; the DVK manager
        # right was checked in action_apply
        successors.sudo().write(
            {"dvk_predecessor_ids": [Command.link(s.id) for s in sources]}
        )
        sources.sudo().write({"dvk_lineage_date": self.date})  # sudo: see above
        date_text = self.date.strftime("%d/%m/%Y")
        successor_names = ", ".join(successors.mapped("name"))
        source_names = ", ".join(sources.mapped("name"))
        if self.mode == "merge":
            gone = self.env._(
                "Merged into %(units)s on %(date)s.",
                units=successor_names,
                date=date_text,
            )
            formed = self.env._(
                "Took over %(units)s on %(date)s (merger).",
                units=source_names,
                date=date_text,
            )
        else:
            gone = self.env._(
                "Split into %(units)s on %(date)s.",
                units=successor_names,
                date=date_text,
            )
            formed = self.env._(
                "Formed from part of %(units)s on %(date)s (split).",
                units=source_names,
                date=date_text,
            )
        # sudo: history notes on the units, see above
        for unit in sources.sudo():
            unit.message_post(body=Markup("<p>%s</p>") % gone)
        # sudo: history notes on the units, see above
        for unit in successors.sudo():
            unit.message_post(body=Markup("<p>%s</p>") % formed)
        sources.sudo().action_archive()  # sudo: see above
        # The officers' record rules read the lineage.
        self.env.registry.clear_cache()
        self.env["res.users"].invalidate_model(["dvk_scope_department_ids"])


class DvkUnitLineageWizardLine(models.TransientModel):
    """Where a model under way goes when its unit is split."""

    _name = "dvk.unit.lineage.wizard.line"
    _description = "DVK Split: Model under Way"

    wizard_id = fields.Many2one(
        "dvk.unit.lineage.wizard", required=True, ondelete="cascade"
    )
    model_id = fields.Many2one("dvk.model", required=True, ondelete="cascade")
    state = fields.Selection(related="model_id.state")
    successor_id = fields.Many2one(
        "hr.department",
        string="Goes to",
        required=True,
        domain="[('id', 'in', parent.successor_ids)]",
        context={"hierarchical_naming": False},
    )
