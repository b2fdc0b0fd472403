from odoo import api, fields, models
from odoo.exceptions import UserError


class DvkCandidateWizard(models.TransientModel):
    """Find eligible candidates: scan a unit subtree for a year and open draft
    exemplar files for those who pass the criteria set's automatic checks."""

    _name = "dvk.candidate.wizard"
    _description = "Find Eligible Exemplar Candidates"

    campaign_id = fields.Many2one(
        "dvk.campaign", required=True, domain="[('state', '!=', 'draft')]"
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        required=True,
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

    def action_scan(self):
        self.ensure_one()
        if self.create_uid != self.env.user:
            raise UserError(self.env._("This dialog belongs to another user."))
        if not self.criteria_set_id:
            raise UserError(
                self.env._("No criteria set for exemplars of this profile.")
            )
        subjects = self._subjects()
        year = self.campaign_id.year
        Eligibility = self.env["dvk.eligibility"]
        if self.subject_type == "collective":
            rows = [
                (
                    d.id,
                    "collective",
                    year,
                    self.env["hr.employee"],
                    d,
                    self.env["dvk.model"],
                )
                for d in subjects
            ]
        else:
            rows = [
                (e.id, "individual", year, e, e.department_id, self.env["dvk.model"])
                for e in subjects
            ]
        answers = Eligibility._evaluate(self.criteria_set_id, Eligibility._items(rows))
        Exemplar = self.env["dvk.exemplar"]
        fname = "department_id" if self.subject_type == "collective" else "employee_id"
        existing = {
            getattr(e, fname).id: e
            for e in Exemplar.search(
                [
                    ("campaign_id", "=", self.campaign_id.id),
                    ("subject_type", "=", self.subject_type),
                    (fname, "in", subjects.ids),
                    ("state", "!=", "refused"),
                ]
            )
        }
        to_create, lines = [], []
        for subject in subjects:
            results = answers[subject.id]
            reasons = [why for _criterion, ok, why in results if not ok]
            line = {
                "wizard_id": self.id,
                fname: subject.id,
                "eligible": not reasons,
                "reason": "\n".join(reasons),
                "exemplar_id": existing.get(subject.id, Exemplar).id,
            }
            lines.append(line)
            if not reasons and subject.id not in existing:
                to_create.append(
                    {
                        "campaign_id": self.campaign_id.id,
                        "subject_type": self.subject_type,
                        "employee_id": subject.id if fname == "employee_id" else False,
                        "department_id": subject.id
                        if fname == "department_id"
                        else subject.department_id.id,
                        "criteria_set_id": self.criteria_set_id.id,
                    }
                )
        created = Exemplar.create(to_create)
        by_subject = {getattr(e, fname).id: e.id for e in created}
        for line in lines:
            line["exemplar_id"] = line["exemplar_id"] or by_subject.get(line[fname])
        self.line_ids.unlink()
        self.env["dvk.candidate.wizard.line"].create(lines)
        self.state = "done"
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Eligible Candidates"),
        }

    def action_open_exemplars(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.exemplar",
            "view_mode": "list,form",
            "name": self.env._("Exemplars"),
            "domain": [("id", "in", self.line_ids.exemplar_id.ids)],
        }


class DvkCandidateWizardLine(models.TransientModel):
    _name = "dvk.candidate.wizard.line"
    _description = "Eligible Candidate"
    _order = "eligible desc, id"

    wizard_id = fields.Many2one(
        "dvk.candidate.wizard", required=True, ondelete="cascade"
    )
    employee_id = fields.Many2one("hr.employee")
    department_id = fields.Many2one("hr.department", string="Unit")
    eligible = fields.Boolean()
    reason = fields.Text(string="Why Not")
    exemplar_id = fields.Many2one("dvk.exemplar", string="Exemplar File")
