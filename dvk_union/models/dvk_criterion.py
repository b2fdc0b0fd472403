from odoo import api, models


class DvkCriterion(models.Model):
    _inherit = "dvk.criterion"

    @api.model
    def _get_check_registry(self):
        registry = super()._get_check_registry()
        registry.update(
            {
                "union_title": self.env._(
                    "Holds exactly this title in the year (no equivalent title)"
                ),
                "union_base_strong": self.env._(
                    "A base union holds the title Strong Grassroots Trade Union"
                ),
                "union_model_recognized_or_replicable": self.env._(
                    "At least N models of the person recognised, or found "
                    "replicable, in the year"
                ),
                "union_no_hot_spot": self.env._(
                    "No collective labour dispute or work stoppage in the year"
                ),
            }
        )
        return registry

    def _dvk_union_titles(self):
        """The titles a union check asks for; Strong Grassroots Trade Union
        when the criterion names none."""
        return self.title_type_ids or self.env.ref("dvk_models.title_type_cdcsvm")

    def _check_union_title(self, items):
        return self.env["dvk.eligibility"]._check_union_title(
            items, self._dvk_union_titles(), self.title_year
        )

    def _check_union_base_strong(self, items):
        return self.env["dvk.eligibility"]._check_union_base_strong(
            items, self._dvk_union_titles(), self.title_year
        )

    def _check_union_model_recognized_or_replicable(self, items):
        return self.env["dvk.eligibility"]._check_union_recognized_or_replicable(
            items, self.min_count
        )

    def _check_union_no_hot_spot(self, items):
        return self.env["dvk.eligibility"]._check_union_no_hot_spot(items)
