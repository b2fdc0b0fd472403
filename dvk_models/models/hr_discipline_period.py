from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class HrDisciplinePeriod(models.Model):
    """How long a form of discipline lasts, as dated data with its source:
    the end of a disciplinary period is computed from it (no commendation is
    proposed during the period), and the law that sets it may change."""

    _name = "hr.discipline.period"
    _description = "Length of a Disciplinary Period"
    _order = "form, date_from desc, id"

    form = fields.Selection(
        selection="_selection_form", string="Form of Discipline", required=True
    )
    months = fields.Integer(
        required=True,
        help="The period lasts this many months from the day of the "
        "disciplinary decision.",
    )
    source = fields.Char(
        required=True, help="The document that sets the length, as cited."
    )
    section = fields.Char(help="Its article and clause.")
    date_from = fields.Date(
        string="In Force From",
        help="Decisions from this day use this length. Empty: since always.",
    )
    date_to = fields.Date(string="In Force Until", help="Empty: still in force.")
    active = fields.Boolean(default=True)

    _months_positive = models.Constraint(
        "CHECK(months > 0)", "A disciplinary period lasts at least one month."
    )

    @api.model
    def _selection_form(self):
        return (
            self.env["hr.discipline"]._fields["form"]._description_selection(self.env)
        )

    @api.depends("form", "months")
    def _compute_display_name(self):
        forms = dict(self._selection_form())
        for period in self:
            period.display_name = self.env._(
                "%(form)s: %(months)s months",
                form=forms.get(period.form, ""),
                months=period.months,
            )

    @api.model
    def _dvk_period_ends(self, pairs):
        """{(form, date): last day of the period} for the (form, decision
        date) pairs whose form has a length in force on that date; one
        query for all pairs."""
        pairs = {(form, date) for form, date in pairs if form and date}
        if not pairs:
            return {}
        # sudo: the lengths are published configuration, read for any record
        periods = self.sudo().search_fetch(
            [("form", "in", list({form for form, _d in pairs}))],
            ["form", "months", "date_from", "date_to"],
            order="date_from desc, id",
        )
        ends = {}
        for form, date in pairs:
            period = periods.filtered(
                lambda p, f=form, d=date: (
                    p.form == f
                    and (not p.date_from or p.date_from <= d)
                    and (not p.date_to or d <= p.date_to)
                )
            )[:1]
            if period:
                # "12 months from the decision": its last day is the day
                # before the same date twelve months later.
                ends[(form, date)] = (
                    date + relativedelta(months=period.months) - relativedelta(days=1)
                )
        return ends
