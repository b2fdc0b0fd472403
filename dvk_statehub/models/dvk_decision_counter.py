from odoo import api, models
from odoo.tools import SQL

from odoo.addons.dvk_models.models.dvk_numbering_body import ALL_KINDS


class DvkDecisionCounter(models.Model):
    _inherit = "dvk.decision.counter"

    @api.model
    def _issued_numbers(self, authority, series):
        """The reports to Sở Nội vụ take their numbers from the issuing
        unit's series of reports ("BC"), by default the register it shares
        with its decisions (Decree 30/2020/NĐ-CP)."""
        queries = super()._issued_numbers(authority, series)
        if series["kind"] not in (ALL_KINDS, "BC"):
            return queries
        return queries + [
            SQL(
                """
                SELECT MAX(sequence_number) FROM dvk_statehub_report
                 WHERE issuer_department_id = %(unit)s
                   AND sequence_number IS NOT NULL
                   AND date_sent >= %(start)s
                   AND (%(end)s::date IS NULL OR date_sent <= %(end)s::date)
                """,
                unit=authority.id,
                start=series["start"],
                end=series["end"],
            )
        ]
