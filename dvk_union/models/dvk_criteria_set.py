from odoo import api, fields, models


class DvkCriteriaSet(models.Model):
    _inherit = "dvk.criteria.set"

    union_upper_level = fields.Boolean(
        string="For Upper-level Unions",
        help="Trade-union profile: the set judges district federations and "
        "sector unions (guidance §III.1) rather than other collectives.",
    )

    @api.model
    def _find_for(self, target, profile, subject_type):
        codes = self.env["dvk.profile"]._dvk_rule_codes_of(profile)
        if "union" not in codes:
            return super()._find_for(target, profile, subject_type)
        return self._dvk_union_find(target, subject_type=subject_type, codes=codes)

    @api.model
    def _dvk_union_find(
        self, target, subject_type="collective", upper=False, codes=("union",)
    ):
        """The active union set for ``target`` and subject, those for
        upper-level unions only when ``upper``: of the first profile of
        ``codes`` (a profile's rule codes, its own first) that has one."""
        return self._dvk_find_in(
            codes, target, subject_type, [("union_upper_level", "=", upper)]
        )
