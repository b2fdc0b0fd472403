from odoo import api, models

from .hr_department import UPPER_KINDS


class DvkExemplar(models.Model):
    _name = "dvk.exemplar"
    _inherit = ["dvk.exemplar", "dvk.union.reach.mixin"]

    @api.depends("department_id.dvk_union_kind")
    def _compute_criteria_set_id(self):
        """Union profile: a district federation or a sector union is judged
        by the criteria of upper-level unions (seed 004 §III.1), any other
        collective by those of collective models (§III.2)."""
        result = super()._compute_criteria_set_id()
        CriteriaSet = self.env["dvk.criteria.set"]
        Profile = self.env["dvk.profile"]
        upper = {}
        for exemplar in self._dvk_of_profile("union"):
            if (
                exemplar.subject_type == "collective"
                and exemplar.department_id.dvk_union_kind in UPPER_KINDS
            ):
                if exemplar.profile not in upper:
                    upper[exemplar.profile] = CriteriaSet._dvk_union_find(
                        "exemplar",
                        upper=True,
                        codes=Profile._dvk_rule_codes_of(exemplar.profile),
                    )
                if upper[exemplar.profile]:
                    exemplar.criteria_set_id = upper[exemplar.profile]
        return result

    def _dvk_check_level_ladder(self, level):
        """Union profile: the reach decides the level (seed 004 §IV.4), not
        the ladder of the Party guidance."""
        union = self._dvk_union_records()
        result = super(DvkExemplar, self - union)._dvk_check_level_ladder(level)
        union._dvk_union_check_reach(level)
        return result

    def _dvk_default_proposal_level(self):
        """Union profile: the level of the record's reach."""
        return self._dvk_union_proposal_level() or super()._dvk_default_proposal_level()
