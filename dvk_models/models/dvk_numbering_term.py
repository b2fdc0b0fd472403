from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class DvkNumberingTerm(models.Model):
    """A term (nhiệm kỳ) of a Party committee: the period over which its
    documents are numbered from 01 for each kind of document (guidance
    36-HD/VPTW, section II.1, point 1.3.1.a). The term runs from the day
    after the closing day of the congress that elected the committee to the
    closing day of the next congress."""

    _name = "dvk.numbering.term"
    _description = "DVK Committee Term"
    _order = "department_id, date_from desc"

    department_id = fields.Many2one(
        "hr.department",
        context={"hierarchical_naming": False},
        string="Committee",
        required=True,
        index=True,
        ondelete="cascade",
    )
    name = fields.Char(
        string="Term",
        required=True,
        help="The term as the committee writes it, e.g. 2025–2030.",
    )
    date_from = fields.Date(
        string="From",
        required=True,
        help="The day after the closing day of the congress that elected the "
        "committee (or the opening day of the committee's first meeting when "
        "it met during the congress).",
    )
    date_to = fields.Date(
        string="Until",
        help="The closing day of the next congress; empty for the current term.",
    )

    @api.constrains("department_id", "date_from", "date_to")
    def _check_dates(self):
        for term in self:
            if term.date_to and term.date_to < term.date_from:
                raise ValidationError(
                    self.env._(
                        "The term %(term)s ends before it begins.", term=term.name
                    )
                )
            overlapping = self.search(
                [
                    ("id", "!=", term.id),
                    ("department_id", "=", term.department_id.id),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", term.date_from),
                ]
            ).filtered(
                lambda t, term=term: not term.date_to or t.date_from <= term.date_to
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "The terms %(term)s and %(other)s of %(unit)s overlap: a "
                        "committee numbers its documents in one term at a time.",
                        term=term.name,
                        other=overlapping[0].name,
                        unit=term.department_id.display_name,
                    )
                )

    def write(self, vals):
        if {"department_id", "date_from", "date_to"} & set(vals):
            self._dvk_check_no_numbers()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_without_numbers(self):
        self._dvk_check_no_numbers()

    def _dvk_check_no_numbers(self):
        """A term whose documents are numbered keeps its dates: moving them
        would move documents into another series."""
        # sudo: the counters are configuration that officers cannot read
        counters = self.env["dvk.decision.counter"].sudo()
        counters = counters.search([("term_id", "in", self.ids)], limit=1)
        if counters:
            raise UserError(
                self.env._(
                    "Documents of %(unit)s are already numbered in the term "
                    "%(term)s: its dates can no longer change.",
                    unit=counters.authority_department_id.display_name,
                    term=counters.term_id.name,
                )
            )
