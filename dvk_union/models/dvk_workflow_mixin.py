from odoo import models


class DvkWorkflowMixin(models.AbstractModel):
    _inherit = "dvk.workflow.mixin"

    def _dvk_competent_bodies(self, level, date):
        """Union profile (seed 004 §IV): the unit of the record's reach
        recognises it, whatever the level asked — its base union, its
        district federation or sector union, or the provincial People's
        Committee (``union_authority_id``); the proposal already sits at the
        level of that unit. A record without a reach has no competent body."""
        union = self._dvk_of_profile("union")
        bodies = super(DvkWorkflowMixin, self - union)._dvk_competent_bodies(
            level, date
        )
        for record in union:
            # sudo: who recognises is configuration of the unions
            bodies[record] = record.sudo().union_authority_id
        return bodies
