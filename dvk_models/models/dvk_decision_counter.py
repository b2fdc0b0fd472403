from odoo import api, fields, models
from odoo.tools import SQL

from .dvk_numbering_body import ALL_KINDS


class DvkDecisionCounter(models.Model):
    """A numbering series of an issuing body: the last number it gave in a
    period to one kind of document (or to every kind, in a shared register).

    The body's data choose the period and the split (see
    dvk.numbering.body.mixin): a state body numbers its documents from 01 on
    1 January each year (Decree 30/2020/NĐ-CP); a Party committee numbers
    each kind of document from 01 in each term of the committee (guidance
    36-HD/VPTW, section II.1, point 1.3.1.a). One row per body, kind and
    period, drawn in SQL: the first draw of a period inserts the row, and
    every draw increments it under a row lock, so two transactions never get
    the same number and a rolled-back confirmation leaves no gap.
    """

    _name = "dvk.decision.counter"
    _description = "DVK Numbering Series"
    _order = "period_start desc, authority_department_id, document_type"
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
    document_type = fields.Char(
        string="Kind of Document",
        required=True,
        readonly=True,
        default=ALL_KINDS,
        help="The symbol of the kind of document the series numbers (QĐ, BC…), "
        "or * when every kind of document of the body shares the register.",
    )
    period_start = fields.Date(required=True, readonly=True)
    period_end = fields.Date(
        readonly=True,
        help="Empty while the committee's term runs.",
    )
    term_id = fields.Many2one("dvk.numbering.term", readonly=True, ondelete="set null")
    year = fields.Integer(
        readonly=True, help="The year the period starts in (a calendar year's own)."
    )
    last = fields.Integer(string="Last Number", required=True, readonly=True)

    _series_uniq = models.UniqueIndex(
        "(authority_department_id, document_type, period_start)",
        "An issuing unit has one numbering series per kind of document and period.",
    )

    @api.model
    def _issued_numbers(self, authority, series):
        """Hook: one SELECT per kind of numbered document, each giving the
        highest number ``authority`` issued in the period of ``series`` for
        its kind (NULL for none). A sector addon that numbers other
        documents from the same register adds its own."""
        if series["kind"] not in (ALL_KINDS, "QĐ"):
            return []
        return [
            SQL(
                """
                SELECT MAX(sequence_number) FROM dvk_decision
                 WHERE authority_department_id = %(unit)s
                   AND sequence_number IS NOT NULL
                   AND date >= %(start)s
                   AND (%(end)s::date IS NULL OR date <= %(end)s::date)
                """,
                unit=authority.id,
                start=series["start"],
                end=series["end"],
            )
        ]

    @api.model
    def _draw(self, authority, series):
        """Next number of ``authority`` in ``series`` (from
        ``authority._dvk_numbering_series``). The first draw of a period
        creates the counter (after the numbers already issued in the period,
        should the row have been lost or the series changed); a concurrent
        draw waits for the other transaction and then fails with a
        serialisation error, which the RPC layer retries in a fresh
        transaction."""
        authority.ensure_one()
        issued = SQL(", ").join(
            [SQL("0")]
            + [
                SQL("COALESCE((%s), 0)", query)
                for query in self._issued_numbers(authority, series)
            ]
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO dvk_decision_counter
                    (authority_department_id, document_type, period_start,
                     period_end, term_id, year, last,
                     create_uid, create_date, write_uid, write_date)
                VALUES (%(unit)s, %(kind)s, %(start)s, %(end)s, %(term)s,
                        %(year)s, GREATEST(%(issued)s),
                        %(uid)s, NOW() AT TIME ZONE 'UTC',
                        %(uid)s, NOW() AT TIME ZONE 'UTC')
                ON CONFLICT (authority_department_id, document_type, period_start)
                DO NOTHING
                """,
                unit=authority.id,
                kind=series["kind"],
                start=series["start"],
                end=series["end"],
                term=series["term"].id or None,
                year=series["start"].year,
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
                 WHERE authority_department_id = %(unit)s
                   AND document_type = %(kind)s
                   AND period_start = %(start)s
             RETURNING last
                """,
                unit=authority.id,
                kind=series["kind"],
                start=series["start"],
                uid=self.env.uid,
            )
        )
        number = self.env.cr.fetchone()[0]
        self.invalidate_model(["last"])
        return number
