from odoo import api, fields, models
from odoo.fields import Domain


class DvkModel(models.Model):
    _inherit = "dvk.model"

    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Still waiting for a step whose campaign deadline has passed: "
        "registration, proposal to the upper level or recognition.",
    )

    @api.model
    def get_import_templates(self):
        """The XLSX template for bulk registration, with a Vietnamese guide."""
        return [
            {
                "label": self.env._("Import Template for DVK Models"),
                "template": "/dvk_models/static/xls/dvk_model_import.xlsx",
            }
        ]

    @api.model
    def _overdue_domain(self):
        """Hook: what makes a model overdue, from its campaign's deadlines.

        Drafts after the registration deadline (unless supplementary),
        approved models after the proposal deadline, proposed ones after the
        recognition deadline.
        """
        today = fields.Date.context_today(self)
        return (
            (
                Domain("state", "=", "draft")
                & Domain("is_supplementary", "=", False)
                & Domain("campaign_id.registration_deadline", "<", today)
            )
            | (
                Domain("state", "=", "approved")
                & Domain("campaign_id.proposal_deadline", "<", today)
            )
            | (
                Domain("proposal_level_id", "!=", False)
                & Domain("campaign_id.recognition_deadline", "<", today)
            )
        )

    def _compute_is_overdue(self):
        overdue = self.filtered_domain(self._overdue_domain())
        for model in self:
            model.is_overdue = model in overdue

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            return NotImplemented
        positive = (operator in ("=", "in")) == bool(
            value if operator in ("=", "!=") else True in value
        )
        domain = self._overdue_domain()
        return domain if positive else ~domain
