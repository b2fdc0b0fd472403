from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.safe_eval import safe_eval

from .dvk_record_link_mixin import ONE_RECORD_CHECK


class DvkDossierTemplate(models.Model):
    """A document a profile requires at a stage of a model's or an exemplar's
    life (building dossier, recognition dossier...)."""

    _name = "dvk.dossier.template"
    _description = "DVK Required Document"
    _inherit = ["dvk.profile.mixin"]
    _order = "profile, target, stage, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    target = fields.Selection(
        [("model", "Model"), ("exemplar", "Exemplar")], required=True, default="model"
    )
    stage = fields.Selection(
        [
            ("submit", "Registration"),
            ("propose", "Proposal for recognition"),
            ("recognize", "Recognition"),
        ],
        required=True,
        help="The step that is refused until the document is attached.",
    )
    subject_type = fields.Selection(
        [("collective", "Collective"), ("individual", "Individual")],
        help="Leave empty for both.",
    )
    mandatory = fields.Boolean(default=True)
    copies = fields.Integer(default=1)
    not_required_domain = fields.Char(
        string="Not Required For",
        default="[]",
        help="Records matching this domain do not need the document, e.g. "
        "mass organisations for a party resolution.",
    )
    description = fields.Text(translate=True)

    _code_uniq = models.Constraint(
        "UNIQUE(profile_id, target, code)", "This document code already exists."
    )
    _copies_positive = models.Constraint(
        "CHECK(copies > 0)", "A document needs at least one copy."
    )

    @api.constrains("not_required_domain")
    def _check_domain(self):
        for template in self:
            try:
                Domain(safe_eval(template.not_required_domain or "[]"))
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "The condition of %(name)s is not a valid domain: %(error)s",
                        name=template.name,
                        error=error,
                    )
                ) from error

    def _exempt(self, records):
        """The records the template does not apply to."""
        self.ensure_one()
        domain = safe_eval(self.not_required_domain or "[]")
        if not domain:
            return records.browse()
        return records.filtered_domain(domain)


class DvkDossierLine(models.Model):
    """One required document of a record, with its attachments."""

    _name = "dvk.dossier.line"
    _description = "DVK Dossier Document"
    _inherit = ["dvk.record.link.mixin"]
    _order = "stage, sequence, id"
    _check_company_auto = True

    template_id = fields.Many2one(
        "dvk.dossier.template", required=True, ondelete="restrict", index=True
    )
    name = fields.Char(related="template_id.name")
    stage = fields.Selection(related="template_id.stage", store=True)
    sequence = fields.Integer(related="template_id.sequence", store=True)
    copies = fields.Integer(related="template_id.copies")
    mandatory = fields.Boolean(related="template_id.mandatory")
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_company_id",
        store=True,
        index=True,
        context={"hierarchical_naming": False},
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "dvk_dossier_line_attachment_rel",
        "line_id",
        "attachment_id",
        string="Files",
    )
    reference = fields.Char(help="Number and date of the document.")
    not_required = fields.Boolean(readonly=True)
    provided = fields.Boolean(compute="_compute_provided", store=True)

    _one_record = models.Constraint(
        ONE_RECORD_CHECK,
        "A dossier document belongs to a model or to an exemplar.",
    )

    @api.depends(
        "model_id.company_id",
        "exemplar_id.company_id",
        "model_id.department_id",
        "exemplar_id.department_id",
    )
    def _compute_company_id(self):
        for line in self:
            record = line._dvk_record()
            line.company_id = record.company_id
            line.department_id = record.department_id

    @api.depends("attachment_ids")
    def _compute_provided(self):
        for line in self:
            line.provided = bool(line.attachment_ids)

    def write(self, vals):
        if not self.env.su:
            recognised = self.filtered(
                lambda line: line._dvk_record().state == "recognized"
            )
            if recognised:
                raise UserError(
                    self.env._(
                        "The dossier of %(name)s is closed: it is recognised.",
                        name=recognised[0]._dvk_record().display_name,
                    )
                )
        return super().write(vals)


class DvkDossierMixin(models.AbstractModel):
    """Required documents of a record, per profile and stage."""

    _name = "dvk.dossier.mixin"
    _description = "DVK Dossier"

    dossier_missing = fields.Text(
        string="Missing Documents", compute="_compute_dossier_missing"
    )
    dossier_required = fields.Boolean(
        string="Documents Required",
        compute="_compute_dossier_required",
        help="The profile of the record asks for documents (a dossier).",
    )

    def _dossier_templates(self, stage=None):
        """Templates applying to these records' profile, target and subject."""
        domain = [("target", "=", self._dvk_target())]
        if stage:
            domain.append(("stage", "=", stage))
        templates = self.env["dvk.dossier.template"].search(domain)
        return templates

    def _dossier_sync(self):
        """Create the dossier lines the records' profile requires."""
        Line = self.env["dvk.dossier.line"]
        fname = self._dvk_line_field()
        templates = self._dossier_templates()
        if not templates:
            return
        # sudo: the checklist is kept complete whoever opens it
        existing = Line.sudo().search([(fname, "in", self.ids)])
        present = {(line[fname].id, line.template_id.id): line for line in existing}
        vals_list = []
        effective = self._dossier_effective_codes(templates)
        for template in templates:
            candidates = self.filtered(
                lambda r, t=template: (
                    effective[r.profile] == t.profile
                    and (not t.subject_type or r.subject_type == t.subject_type)
                )
            )
            exempt = template._exempt(candidates)
            for record in candidates:
                line = present.get((record.id, template.id))
                if line:
                    if line.not_required != (record in exempt):
                        line.not_required = record in exempt
                    continue
                vals_list.append(
                    {
                        fname: record.id,
                        "template_id": template.id,
                        "not_required": record in exempt,
                    }
                )
        if vals_list:
            # sudo: the required documents follow from the profile's data;
            # creating their checklist is a system side effect.
            Line.sudo().create(vals_list)

    def _dossier_effective_codes(self, templates):
        """{profile code: the code whose templates the records of that
        profile follow}: the first of its rule codes that has any, so that a
        profile variant falls back on the one it shares."""
        template_codes = set(templates.mapped("profile"))
        effective = {}
        for record in self:
            if record.profile not in effective:
                profile = record.campaign_id.profile_id
                codes = profile._rule_codes() if profile else []
                effective[record.profile] = next(
                    (code for code in codes if code in template_codes), None
                )
        return effective

    @api.depends("profile", "subject_type")
    def _compute_dossier_required(self):
        templates = self._dossier_templates()
        effective = self._dossier_effective_codes(templates)
        for record in self:
            code = effective.get(record.profile)
            record.dossier_required = bool(code) and any(
                t.profile == code
                and (not t.subject_type or t.subject_type == record.subject_type)
                for t in templates
            )

    def _compute_dossier_missing(self):
        """The mandatory documents still missing: a fact about the record,
        the same for every reader (the step's check reads them so too)."""
        fname = self._dvk_line_field()
        # sudo: only the names of the missing documents are read
        Line = self.env["dvk.dossier.line"].sudo()
        lines = Line.search(
            [
                (fname, "in", self._origin.ids),
                ("provided", "=", False),
                ("not_required", "=", False),
                ("template_id.mandatory", "=", True),
            ]
        )
        by_record = {record.id: group for record, group in lines.grouped(fname).items()}
        for record in self:
            missing = by_record.get(record._origin.id, lines.browse())
            record.dossier_missing = "\n".join(
                line._dvk_missing_label() for line in missing
            )

    def _check_dossier(self, stage):
        """Refuse the step while mandatory documents of ``stage`` (or of an
        earlier stage) are missing, naming them."""
        stages = ["submit", "propose", "recognize"]
        wanted = stages[: stages.index(stage) + 1]
        self._dossier_sync()
        fname = self._dvk_line_field()
        # sudo: the check must see the whole checklist, whoever asks
        all_lines = self.env["dvk.dossier.line"].sudo()
        lines = all_lines.search(
            [
                (fname, "in", self.ids),
                ("stage", "in", wanted),
                ("provided", "=", False),
                ("not_required", "=", False),
                ("template_id.mandatory", "=", True),
            ]
        )
        for record, missing in lines.grouped(fname).items():
            raise UserError(
                self.env._(
                    "%(name)s lacks these documents: %(documents)s.",
                    name=record.display_name,
                    documents="; ".join(line._dvk_missing_label() for line in missing),
                )
            )

    def action_open_dossier(self):
        self.ensure_one()
        self._dossier_sync()
        fname = self._dvk_line_field()
        if self.dossier_required:
            help_text = self.env._("No document is listed for this record yet.")
        else:
            help_text = self.env._(
                "The guidance of this campaign requires no document for this "
                "record: there is nothing to attach."
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.dossier.line",
            "name": self.env._("Dossier of %(name)s", name=self.display_name),
            "view_mode": "list",
            "domain": [(fname, "=", self.id)],
            "context": {f"default_{fname}": self.id},
            "help": Markup("<p>%s</p>") % help_text,
        }
