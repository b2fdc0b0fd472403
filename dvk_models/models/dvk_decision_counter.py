from odoo import api, fields, models
from odoo.tools import SQL


class DvkDecisionCounter(models.Model):
    """The last number an issuing body gave to its documents in a calendar
    year: its decisions, and the other numbered documents it issues (the
    state agencies' reports to Sở Nội vụ).

    Decree 30/2020/NĐ-CP (and guidance 36-HD/VPTW for Party bodies) numbers
    the documents of each issuing body from 01 every year, in the order the
    body issues them (Article 15: one register of the body, whatever the
    kind of document; the symbol tells the kind). One row per body and year,
    drawn in SQL: the first draw of a year inserts the row, and every draw
    increments it under a row lock, so two transactions never get the same
    number and a rolled-back confirmation leaves no gap.
    """

    _name = "dvk.decision.counter"
    _description = "DVK Decision Number Counter"
    _order = "year desc, authority_department_id"
    _rec_name = "authority_department_id"

    authority_department_id = fields.Many2one(
        "hr.department",
        context={"hierarchical_naming": False},
        string="Issuing Unit",
        required=True,
        readonly=True,
        # Derived data: a unit that goes takes its counters along (its
        # decisions, which keep the numbers, already forbid deleting it).
        ondelete="cascade",
    )
    year = fields.Integer(required=True, readonly=True)
    last = fields.Integer(string="Last Number", required=True, readonly=True)

    _authority_year_uniq = models.UniqueIndex(
        "(authority_department_id, year)",
        "An issuing unit has one decision counter per year.",
    )

    @api.model
    def _issued_numbers(self, authority, year):
        """Hook: one SELECT per kind of numbered document, each giving the
        highest number ``authority`` issued in ``year`` (NULL for none). A
        sector addon that numbers other documents from the same register
        adds its own."""
        return [
            SQL(
                """
                SELECT MAX(sequence_number) FROM dvk_decision
                 WHERE authority_department_id = %(unit)s
                   AND number_year = %(year)s
                """,
                unit=authority.id,
                year=year,
            )
        ]

    @api.model
    def _draw(self, authority, year):
        """Next number of ``authority`` in ``year``. The first draw of a year
        creates the counter (after the numbers already issued, should the
        row have been lost); a concurrent draw waits for the other
        transaction and then fails with a serialisation error, which the RPC
        layer retries in a fresh transaction."""
        authority.ensure_one()
        issued = SQL(", ").join(
            SQL("COALESCE((%s), 0)", query)
            for query in self._issued_numbers(authority, year)
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO dvk_decision_counter
                    (authority_department_id, year, last,
                     create_uid, create_date, write_uid, write_date)
                VALUES (%(unit)s, %(year)s, GREATEST(0, %(issued)s),
                        %(uid)s, NOW() AT TIME ZONE 'UTC',
                        %(uid)s, NOW() AT TIME ZONE 'UTC')
                ON CONFLICT (authority_department_id, year) DO NOTHING
                """,
                unit=authority.id,
                year=year,
                issued=issued,
                uid=self.env.uid,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE dvk_decision_counter
                   SET last = last + 1,
                       write_uid = %(uid)s,
                       write_date = NOW() AT TIME ZONE 'UTC'
                 WHERE authority_department_id = %(unit)s AND year = %(year)s
             RETURNING last
                """,
                unit=authority.id,
                year=year,
                uid=self.env.uid,
            )
        )
        number = self.env.cr.fetchone()[0]
        self.invalidate_model(["last"])
        return number
