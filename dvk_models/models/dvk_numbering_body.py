import datetime

from odoo import fields, models
from odoo.exceptions import UserError

# The key of a series shared by every kind of document of a body.
ALL_KINDS = "*"


class DvkNumberingBody(models.AbstractModel):
    """How an issuing body numbers its documents: one register a year for
    every kind of document, a series per kind each year, or a series per
    kind each term of the committee. Mixed into hr.department."""

    _name = "dvk.numbering.body.mixin"
    _description = "DVK Numbering of an Issuing Body"

    dvk_numbering_period = fields.Selection(
        [
            ("year", "One register a year"),
            ("year_type", "A series per kind of document each year"),
            ("term", "A series per kind of document each term"),
        ],
        string="Document Numbering",
        help="How the body numbers its documents from 01. Empty: by the kind "
        "of body. A Party committee numbers each kind of document from 01 in "
        "each term of the committee (guidance 36-HD/VPTW, section II.1, point "
        "1.3.1.a) once its terms are recorded; a state body numbers its "
        "documents from 01 on 1 January each year (Decree 30/2020/NĐ-CP).",
    )
    dvk_numbering_term_ids = fields.One2many(
        "dvk.numbering.term",
        "department_id",
        string="Committee Terms",
        # Configuration of DVK numbering: people outside DVK reading the
        # units (integrations, exports) do not get it.
        groups="dvk_models.group_dvk_user",
        help="The terms (nhiệm kỳ) of the committee, with their dates: the "
        "periods of its numbering when it numbers by term.",
    )

    def _dvk_numbering_mode(self):
        """The numbering chosen in the body's data, else the default of its
        kind: by term for a Party body that recorded its terms, else one
        register a year."""
        self.ensure_one()
        if self.dvk_numbering_period:
            return self.dvk_numbering_period
        if self.dvk_is_party_body and self.dvk_numbering_term_ids:
            return "term"
        return "year"

    def _dvk_term_on(self, date):
        """The committee's term in force on ``date`` (empty when none)."""
        self.ensure_one()
        return self.dvk_numbering_term_ids.filtered(
            lambda t: t.date_from <= date and (not t.date_to or date <= t.date_to)
        )[:1]

    def _dvk_numbering_series(self, date, kind):
        """The series a document of ``kind`` (its symbol: QĐ, BC…) dated
        ``date`` takes its number from: a dict with the series' ``kind``
        (ALL_KINDS for a shared register), the ``start`` and ``end`` of its
        period (``end`` empty for a term still running) and its ``term``."""
        self.ensure_one()
        mode = self._dvk_numbering_mode()
        if mode == "term":
            term = self._dvk_term_on(date)
            if not term:
                raise UserError(
                    self.env._(
                        "%(unit)s numbers its documents by term of the committee "
                        "but no term recorded on it covers %(date)s: record the "
                        "term (with its dates) on the unit first%(rule)s.",
                        unit=self.display_name,
                        date=date.strftime("%d/%m/%Y"),
                        rule=self.env["dvk.rule"]._dvk_cite(
                            "document_numbering_party", date
                        ),
                    )
                )
            return {
                "kind": kind,
                "start": term.date_from,
                "end": term.date_to or None,
                "term": term,
            }
        return {
            "kind": kind if mode == "year_type" else ALL_KINDS,
            "start": datetime.date(date.year, 1, 1),
            "end": datetime.date(date.year, 12, 31),
            "term": self.env["dvk.numbering.term"],
        }

    def _dvk_numbering_warning(self, date):
        """The draft warning of a Party body numbering by calendar year for
        want of a recorded term (empty when there is nothing to say)."""
        unit = self[:1]
        if (
            not unit
            or not date
            or not unit.dvk_is_party_body
            or unit.dvk_numbering_period
            or unit.dvk_numbering_term_ids
        ):
            return ""
        return self.env._(
            "%(unit)s records no term of its committee: its decisions are "
            "numbered by calendar year. A Party committee numbers each kind of "
            "document from 01 in each term%(rule)s: record its terms on the unit.",
            unit=unit.display_name,
            rule=self.env["dvk.rule"]._dvk_cite("document_numbering_party", date),
        )
