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
        if profile != "union":
            return super()._find_for(target, profile, subject_type)
        return self._dvk_union_find(target, subject_type=subject_type)

    @api.model
    def _dvk_union_find(self, target, subject_type="collective", upper=False):
        """The active union set for ``target`` and subject, those for
        upper-level unions only when ``upper``."""
        return self.search(
            [
                ("target", "=", target),
                ("profile", "=", "union"),
                ("union_upper_level", "=", upper),
                "|",
                ("subject_type", "=", subject_type),
                ("subject_type", "=", False),
            ],
            order="subject_type desc nulls last, version desc, id desc",
            limit=1,
        )
