from odoo import models

from .hr_department import AGENCY_KINDS


class DvkWorkflowMixin(models.AbstractModel):
    _inherit = "dvk.workflow.mixin"

    def _dvk_competent_bodies(self, level, date):
        """State agencies (Decision 976/QĐ-UBND, Article 7.2): below the
        province, the steering committee for grassroots democracy and DVK of
        the record's own agency recognises it; provincial recognition follows
        the core rule (Article 7.3's provincial route)."""
        statehub = self.browse()
        province = self.env["ir.model.data"]._xmlid_to_res_id(
            "dvk_models.dvk_level_province"
        )
        if level.id != province:
            statehub = self._dvk_of_profile("statehub")
        bodies = super(DvkWorkflowMixin, self - statehub)._dvk_competent_bodies(
            level, date
        )
        for record in statehub:
            # sudo: who recognises is configuration of the agencies
            bodies[record] = record.department_id.sudo()._dvk_statehub_committee()
        return bodies

    def _dvk_check_level_ladder(self, level):
        """State agencies (Decision 976/QĐ-UBND, Article 7.2): the steering
        committee of the agency's own level recognises directly, whatever the
        level of the registering body below it; above it, the core ladder."""
        own = self._dvk_of_profile("statehub").filtered(
            lambda r: r.department_id._dvk_statehub_committee().dvk_level_id == level
        )
        return super(DvkWorkflowMixin, self - own)._dvk_check_level_ladder(level)

    def _dvk_level_below(self, level):
        """State agencies under the two-tier local government: the level
        just below ``level`` is one that an agency above the record's own
        agency holds. A commune People's Committee under its district (before
        1/7/2025) comes through the district's level; once the district
        People's Committee is dissolved and the commune comes under the
        province, its models recognised at the commune go to the province
        directly."""
        below = super()._dvk_level_below(level)
        if not self._dvk_of_profile("statehub") or not below:
            return below
        agency = self.department_id._dvk_statehub_agency()
        own = (
            self.department_id._dvk_statehub_committee().dvk_level_id
            or agency.dvk_level_id
        )
        if not agency or not own or not below._is_above(own):
            return below
        # sudo: the kinds and levels of the units above are configuration
        above = agency.sudo()._dvk_approver_chain()[1:]
        held = above.filtered(lambda u: u.dvk_statehub_kind in AGENCY_KINDS)
        chain = self._dvk_level_chain()
        while below and below._is_above(own) and below not in held.dvk_level_id:
            index = chain.ids.index(below.id) if below in chain else 0
            below = chain[index - 1] if index else own
        return below
