from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DvkUnionReplicationEvent(models.Model):
    """A site visit or a conference held to spread a model (seed 004
    §II.1.4): hearing how the model was born and grew where it runs, or a
    review conference that praises, commends and replicates it."""

    _name = "dvk.union.replication.event"
    _description = "DVK Site Visit or Replication Conference"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    model_id = fields.Many2one(
        "dvk.model",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    kind = fields.Selection(
        [("site_visit", "Site Visit"), ("conference", "Conference")],
        required=True,
        default="site_visit",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    place = fields.Char(required=True, tracking=True)
    unit_ids = fields.Many2many(
        "hr.department",
        "dvk_union_event_unit_rel",
        "event_id",
        "department_id",
        string="Units Attending",
    )
    unit_count = fields.Integer(
        string="Number of Units", compute="_compute_unit_count", store=True
    )
    participant_count = fields.Integer(string="Participants")
    note = fields.Text()
    campaign_id = fields.Many2one(related="model_id.campaign_id", store=True)
    department_id = fields.Many2one(
        related="model_id.department_id", store=True, index=True
    )
    company_id = fields.Many2one(related="model_id.company_id", store=True, index=True)

    _participants_positive = models.Constraint(
        "CHECK(participant_count >= 0)", "The number of participants is negative."
    )

    @api.depends("unit_ids")
    def _compute_unit_count(self):
        for event in self:
            event.unit_count = len(event.unit_ids)

    @api.depends("kind", "model_id.name", "date")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for event in self:
            event.display_name = self.env._(
                "%(kind)s of %(date)s - %(model)s",
                kind=kinds.get(event.kind, ""),
                date=event.date.strftime("%d/%m/%Y") if event.date else "",
                model=event.model_id.name or "",
            )

    @api.constrains("date", "model_id")
    def _check_date(self):
        for event in self:
            if event.model_id.state in ("draft", "refused"):
                raise ValidationError(
                    self.env._(
                        "%(model)s is not registered yet: only a registered "
                        "model is replicated.",
                        model=event.model_id.name,
                    )
                )
            if event.date.year != event.model_id.year:
                raise ValidationError(
                    self.env._(
                        "The %(kind)s is dated outside %(year)s, the year of "
                        "%(model)s.",
                        kind=dict(
                            self._fields["kind"]._description_selection(self.env)
                        )[event.kind].lower(),
                        year=event.model_id.year,
                        model=event.model_id.name,
                    )
                )
