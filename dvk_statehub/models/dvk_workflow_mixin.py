from odoo import models


class DvkWorkflowMixin(models.AbstractModel):
    _inherit = "dvk.workflow.mixin"

    def _dvk_check_level_ladder(self, level):
        """State agencies (Decision 976/QĐ-UBND, Article 7.2): the steering
        committee of the agency's own level recognises directly, whatever the
        level of the registering body below it; above it, the core ladder."""
        own = self.filtered(
            lambda r: (
                r.profile == "statehub"
                and r.department_id._dvk_statehub_committee().dvk_level_id == level
            )
        )
        return super(DvkWorkflowMixin, self - own)._dvk_check_level_ladder(level)
