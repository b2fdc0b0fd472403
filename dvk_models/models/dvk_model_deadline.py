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
    def _overdue_states(self):
        """Hook: per kind of deadline line, the models still to act on once it
        has passed."""
        return {
            "registration": Domain("state", "=", "draft")
            & Domain("is_supplementary", "=", False),
            "approval": Domain("state", "=", "submitted"),
            "proposal": Domain("state", "=", "approved"),
            # proposed, or recognised lower and proposed higher
            "recognition": Domain("proposal_level_id", "!=", False),
        }

    @api.model
    def _level_domain(self, levels):
        """Models of these levels: the level they aim at, else their unit's."""
        return Domain("level_id", "in", levels.ids) | (
            Domain("level_id", "=", False)
            & Domain("department_id.dvk_level_id", "in", levels.ids)
        )

    @api.model
    def _overdue_domain(self):
        """Hook: what makes a model overdue, from its campaign's deadline
        lines.

        For each kind of line, the models still to act on (drafts unless
        supplementary, submitted, approved, proposed) whose binding lines have
        all passed: the lines scoped to the model's level, else the lines
        without scope.
        """
        today = fields.Date.context_today(self)
        path = "campaign_id.deadline_ids"
        levels = self.env["dvk.level"].with_context(active_test=False).search([])
        overdue = Domain.FALSE
        for kind, pending in self._overdue_states().items():
            of_kind = Domain("kind", "=", kind)
            unscoped = of_kind & Domain("level_ids", "=", False)
            unscoped_passed = Domain(path, "any", unscoped) & Domain(
                path, "not any", unscoped & Domain("date", ">=", today)
            )
            by_level = Domain("level_id", "=", False) & Domain(
                "department_id.dvk_level_id", "=", False
            )
            by_level &= unscoped_passed
            for level in levels:
                scoped = of_kind & Domain("level_ids", "in", level.ids)
                scoped_passed = Domain(path, "any", scoped) & Domain(
                    path, "not any", scoped & Domain("date", ">=", today)
                )
                by_level |= self._level_domain(level) & (
                    scoped_passed | (Domain(path, "not any", scoped) & unscoped_passed)
                )
            overdue |= pending & by_level
        return overdue

    def _dvk_scope_level(self):
        """The level a deadline's scope is read against: the aimed level,
        else the unit's level."""
        self.ensure_one()
        return self.level_id or self.department_id.dvk_level_id

    def _dvk_deadline(self, kind):
        """The date by which this model's step of ``kind`` is due: the latest
        of the lines binding it (scoped to its level, else without scope)."""
        self.ensure_one()
        lines = self.campaign_id.deadline_ids._for_level(kind, self._dvk_scope_level())
        return max(lines.mapped("date"), default=False)

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
