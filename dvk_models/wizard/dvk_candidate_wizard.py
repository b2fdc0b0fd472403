from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class DvkCandidateWizard(models.TransientModel):
    """Find eligible candidates: scan a unit subtree for a year, say for each
    person (or unit) why they pass or fail the criteria set's automatic checks,
    and open draft exemplar files only for the candidates the officer ticks."""

    _name = "dvk.candidate.wizard"
    _description = "Find Eligible Exemplar Candidates"

    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        domain="[('state', '!=', 'draft')]",
        default=lambda self: self.env["dvk.campaign"]._dvk_campaign_at_work(),
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        required=True,
        default=lambda self: self._default_department_id(),
        context={"hierarchical_naming": False},
        help="The unit whose people or sub-units are scanned, with everything "
        "below it.",
    )
    subject_type = fields.Selection(
        [("individual", "Individuals"), ("collective", "Units")],
        required=True,
        default="individual",
    )
    criteria_set_id = fields.Many2one(
        "dvk.criteria.set",
        compute="_compute_criteria_set_id",
        store=True,
        readonly=False,
        domain="[('target', '=', 'exemplar')]",
    )
    line_ids = fields.One2many("dvk.candidate.wizard.line", "wizard_id")
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")
    passed_count = fields.Integer(compute="_compute_counts")
    failed_count = fields.Integer(compute="_compute_counts")

    @api.model
    def _default_department_id(self):
        """The unit in the officer's charge, when he has one."""
        units = self.env.user.dvk_department_ids
        return units if len(units) == 1 else units.browse()

    @api.depends("campaign_id", "subject_type")
    def _compute_criteria_set_id(self):
        for wizard in self:
            if wizard.campaign_id:
                wizard.criteria_set_id = self.env["dvk.criteria.set"]._find_for(
                    "exemplar", wizard.campaign_id.profile, wizard.subject_type
                )

    @api.depends("line_ids.eligible")
    def _compute_counts(self):
        for wizard in self:
            wizard.passed_count = len(wizard.line_ids.filtered("eligible"))
            wizard.failed_count = len(wizard.line_ids) - wizard.passed_count

    def _subjects(self):
        """People (or units) of the subtree the user may act on."""
        self.ensure_one()
        self.env["dvk.exemplar"]._dvk_check_officer_scope_units(self.department_id)
        units = self.env["hr.department"].search(
            [("id", "child_of", self.department_id.id)]
        )
        if self.subject_type == "collective":
            return units
        # sudo: officers may lack HR rights; they see the names of the people of
        # the units in their charge (scope checked above)
        employees = self.env["hr.employee"].sudo()
        return employees.search([("department_id", "in", units.ids)])

    def _check_owner(self):
        if self.create_uid != self.env.user:
            raise UserError(self.env._("This dialog belongs to another user."))

    def action_scan(self):
        """List who passes and who fails, and why, from the HR records.
        Searching opens no exemplar file: the officer chooses for whom."""
        self.ensure_one()
        self._check_owner()
        if not self.criteria_set_id:
            raise UserError(
                self.env._("No criteria set for exemplars of this profile.")
            )
        subjects = self._subjects()
        year = self.campaign_id.year
        Eligibility = self.env["dvk.eligibility"]
        collective = self.subject_type == "collective"
        no_employee, no_model = self.env["hr.employee"], self.env["dvk.model"]
        rows = [
            (s.id, "collective", year, no_employee, s, no_model)
            if collective
            else (s.id, "individual", year, s, s.department_id, no_model)
            for s in subjects
        ]
        items = Eligibility._items(rows)
        answers = Eligibility._evaluate(self.criteria_set_id, items)
        # The recognised models each candidate's file will list: those of the
        # campaign among the ones the checks cite (seed 002 §III.2: the
        # exemplar built or took part in them).
        recognized = Eligibility._recognized_models(items)
        fname = "department_id" if collective else "employee_id"
        existing = {
            e[fname].id: e.id
            for e in self.env["dvk.exemplar"].search_fetch(
                [
                    ("campaign_id", "=", self.campaign_id.id),
                    ("subject_type", "=", self.subject_type),
                    (fname, "in", subjects.ids),
                    ("state", "!=", "refused"),
                ],
                [fname],
            )
        }
        lines = []
        for subject in subjects:
            results = answers[subject.id]
            failed = [why for _criterion, ok, why in results if not ok]
            passed = [why for _criterion, ok, why in results if ok]
            lines.append(
                {
                    "wizard_id": self.id,
                    "employee_id": False if collective else subject.id,
                    "department_id": subject.id
                    if collective
                    else subject.department_id.id,
                    "eligible": not failed,
                    "reason": Eligibility._join_reasons(failed),
                    "pass_reason": "" if failed else Eligibility._join_reasons(passed),
                    "exemplar_id": existing.get(subject.id, False),
                    "selected": not failed and subject.id not in existing,
                    "model_ids": [
                        Command.set(
                            recognized[subject.id]
                            .filtered(lambda m: m.campaign_id == self.campaign_id)
                            .ids
                        )
                    ],
                }
            )
        self.line_ids.unlink()
        self.env["dvk.candidate.wizard.line"].create(lines)
        self.state = "done"
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Eligible Candidates"),
            "context": {"dialog_size": "extra-large"},
        }

    def _prepare_exemplar_vals(self, line):
        """Hook: the draft exemplar file opened for a chosen candidate."""
        return {
            "campaign_id": self.campaign_id.id,
            "subject_type": self.subject_type,
            "employee_id": line.employee_id.id,
            "department_id": line.department_id.id,
            "criteria_set_id": self.criteria_set_id.id,
            # sudo: the models the finder found, also those of units outside
            # the officer's charge that the person took part in
            "model_ids": [Command.set(line.sudo().model_ids.ids)],
        }

    def _update_exemplar_models(self, lines):
        """Link to the draft files of ``lines`` the models the finder cites
        that they do not list yet (a model recognised after the file was
        opened); a file past its draft is left as it was submitted. One
        write per file that lacks a model, none for the others."""
        # sudo: the models the finder found, also those of units outside the
        # officer's charge that the person took part in (as at creation)
        for line in lines.sudo():
            exemplar = line.exemplar_id
            missing = line.model_ids - exemplar.model_ids
            if missing and exemplar.state == "draft":
                self.env["dvk.exemplar"].browse(exemplar.id).write(
                    {"model_ids": [Command.link(model.id) for model in missing]}
                )

    def action_create_exemplars(self):
        """Open draft exemplar files for the eligible candidates the officer
        ticked (those who have none yet), add to the draft files of the
        others the models found since they were opened, then show them."""
        self.ensure_one()
        self._check_owner()
        chosen = self.line_ids.filtered(lambda line: line.selected and line.eligible)
        if not chosen:
            raise UserError(
                self.env._(
                    "Tick the eligible candidates for whom to open an exemplar file."
                )
            )
        self.env["dvk.exemplar"]._dvk_check_officer_scope_units(self.department_id)
        new = chosen.filtered(lambda line: not line.exemplar_id)
        created = self.env["dvk.exemplar"].create(
            [self._prepare_exemplar_vals(line) for line in new]
        )
        for line, exemplar in zip(new, created, strict=True):
            line.exemplar_id = exemplar
        self._update_exemplar_models(chosen - new)
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.exemplar",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "name": self.env._("Exemplars"),
            "domain": [("id", "in", chosen.exemplar_id.ids)],
        }


class DvkCandidateWizardLine(models.TransientModel):
    _name = "dvk.candidate.wizard.line"
    _description = "Eligible Candidate"
    _order = "eligible desc, id"

    wizard_id = fields.Many2one(
        "dvk.candidate.wizard", required=True, ondelete="cascade"
    )
    employee_id = fields.Many2one("hr.employee")
    department_id = fields.Many2one(
        "hr.department", string="Unit", context={"hierarchical_naming": False}
    )
    eligible = fields.Boolean()
    reason = fields.Text(string="Why Not")
    pass_reason = fields.Text(string="Why Eligible")
    explanation = fields.Text(string="Why", compute="_compute_explanation")
    exemplar_id = fields.Many2one("dvk.exemplar", string="Exemplar File")
    model_ids = fields.Many2many(
        "dvk.model",
        string="Recognised Models",
        help="The recognised models of the campaign the candidate built or took "
        "part in (a unit: its own and those of the units below it); the "
        "exemplar file opened for the candidate lists them.",
    )
    selected = fields.Boolean(
        string="Open a File",
        help="Tick the eligible candidates for whom to open an exemplar file.",
    )

    @api.depends("eligible", "reason", "pass_reason")
    def _compute_explanation(self):
        for line in self:
            line.explanation = line.pass_reason if line.eligible else line.reason
