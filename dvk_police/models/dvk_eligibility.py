from odoo import api, models

from odoo.addons.dvk_models.models.dvk_eligibility import Item, Items


class DvkEligibility(models.AbstractModel):
    _inherit = "dvk.eligibility"

    @api.model
    def _check_led_unit_models(self, items, min_count):
        """Leaders (seed 002 §III.2.2, last criterion): the person directly
        leads the unit's mass-mobilisation work effectively, read as "the unit
        they head has at least ``min_count`` recognised models in the year"."""
        # sudo: who heads which unit, to check the unit's models
        Department = self.env["hr.department"].sudo()
        units = Department.search_fetch(
            [("manager_id", "in", [i.employee_id for i in items if i.employee_id])],
            ["manager_id", "name"],
        )
        led = {}
        for unit in units:
            led.setdefault(unit.manager_id.id, unit.browse())
            led[unit.manager_id.id] |= unit
        unit_items = Items(
            [
                Item((item.key, unit.id), "collective", item.year, 0, unit.id)
                for item in items
                for unit in led.get(item.employee_id, [])
            ]
        )
        answers = (
            self._check_recognized_models(unit_items, min_count) if unit_items else {}
        )
        result = {}
        for item in items:
            own = led.get(item.employee_id, units.browse())
            passing = own.filtered(
                lambda u, k=item.key: answers.get((k, u.id), (False, ""))[0]
            )
            if passing:
                result[item.key] = (
                    True,
                    self.env._(
                        "as head of %(units)s: %(models)s",
                        units=", ".join(passing.mapped("name")),
                        models="; ".join(answers[(item.key, u.id)][1] for u in passing),
                    ),
                )
            else:
                result[item.key] = (
                    False,
                    self.env._(
                        "As head of %(units)s: the unit has no recognised model "
                        "in %(year)s",
                        units=", ".join(own.mapped("name")) or "-",
                        year=item.year,
                    ),
                )
        return result
