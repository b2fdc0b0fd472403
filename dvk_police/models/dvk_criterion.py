from odoo import api, models


class DvkCriterion(models.Model):
    _inherit = "dvk.criterion"

    @api.model
    def _get_check_registry(self):
        registry = super()._get_check_registry()
        registry["led_unit_models"] = self.env._(
            "The unit the person heads has at least N recognised models in the year"
        )
        return registry

    def _check_led_unit_models(self, items):
        return self.env["dvk.eligibility"]._check_led_unit_models(items, self.min_count)
