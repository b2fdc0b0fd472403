from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DvkStatehubInspection(models.Model):
    """An inspection of a model during its implementation (Decision
    976/QĐ-UBND, Article 6.4): the head of the agency follows, inspects and
    evaluates the registered models and removes the difficulties met. Each
    one is written on the model's chatter and read in the annual
    evaluation."""

    _name = "dvk.statehub.inspection"
    _description = "DVK Model Inspection (State Agencies)"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    model_id = fields.Many2one(
        "dvk.model",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        domain="[('profile', '=', 'statehub'), "
        "('state', 'in', ('approved', 'proposed'))]",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    inspector_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    inspected_by = fields.Char(
        required=True,
        tracking=True,
        help="Who inspected, e.g. the head of the unit or the steering "
        "committee's inspection team.",
    )
    findings = fields.Text(required=True, tracking=True)
    difficulties_solved = fields.Text(
        tracking=True,
        help="The difficulties and obstacles removed during the inspection.",
    )
    department_id = fields.Many2one(
        related="model_id.department_id", store=True, index=True, string="Unit"
    )
    campaign_id = fields.Many2one(related="model_id.campaign_id", store=True)
    company_id = fields.Many2one(related="model_id.company_id", store=True, index=True)

    @api.constrains("model_id", "date")
    def _check_during_implementation(self):
        for inspection in self:
            model = inspection.model_id
            campaign = model.campaign_id
            if not model._dvk_of_profile("statehub"):
                raise ValidationError(
                    self.env._(
                        "%(name)s follows another guidance than the state "
                        "agencies regulation.",
                        name=model.name,
                    )
                )
            start = model.approval_date or campaign.date_start
            if not start <= inspection.date <= campaign.date_end:
                raise ValidationError(
                    self.env._(
                        "An inspection of %(name)s falls during its implementation: "
                        "from its approval (%(start)s) to the end of the campaign "
                        "(%(end)s).",
                        name=model.name,
                        start=start.strftime("%d/%m/%Y"),
                        end=campaign.date_end.strftime("%d/%m/%Y"),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        inspections = super().create(vals_list)
        for inspection in inspections:
            if inspection.model_id.state not in ("approved", "proposed"):
                raise ValidationError(
                    self.env._(
                        "%(name)s is not being implemented (approved or proposed): "
                        "it cannot be inspected.",
                        name=inspection.model_id.name,
                    )
                )
            inspection.model_id.message_post(
                body=inspection._dvk_chatter_body(), subtype_xmlid="mail.mt_note"
            )
        return inspections

    def _dvk_chatter_body(self):
        self.ensure_one()
        text = self.env._(
            "Inspection of %(date)s by %(who)s. Findings: %(findings)s",
            date=self.date.strftime("%d/%m/%Y"),
            who=self.inspected_by,
            findings=self.findings,
        )
        if self.difficulties_solved:
            text += " " + self.env._(
                "Difficulties solved: %(solved)s", solved=self.difficulties_solved
            )
        return text
