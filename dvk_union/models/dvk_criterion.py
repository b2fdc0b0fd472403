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
                "union_base_units_strong": self.env._(
                    "Every base union below holds the title Strong Grassroots "
                    "Trade Union"
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
            items, self._dvk_union_titles()
        )

    def _check_union_base_units_strong(self, items):
        return self.env["dvk.eligibility"]._check_union_base_units_strong(
            items, self._dvk_union_titles()
        )

    def _check_union_no_hot_spot(self, items):
        return self.env["dvk.eligibility"]._check_union_no_hot_spot(items)
