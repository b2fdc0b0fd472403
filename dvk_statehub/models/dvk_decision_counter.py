from odoo import api, models
from odoo.tools import SQL


class DvkDecisionCounter(models.Model):
    _inherit = "dvk.decision.counter"

    @api.model
    def _issued_numbers(self, authority, year):
        """The reports to Sở Nội vụ take their numbers from the issuing
        unit's register too (Decree 30/2020/NĐ-CP, Article 15)."""
        return super()._issued_numbers(authority, year) + [
            SQL(
                """
                SELECT MAX(sequence_number) FROM dvk_statehub_report
                 WHERE issuer_department_id = %(unit)s
                   AND number_year = %(year)s
                """,
                unit=authority.id,
                year=year,
            )
        ]
