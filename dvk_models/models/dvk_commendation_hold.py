from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

PERIOD_RULE = "no_commendation_disciplinary_period"
PENDING_RULE = "no_commendation_pending_case"
ACHIEVEMENT_RULE = "achievements_from_period_end"


class DvkCommendationHold(models.AbstractModel):
    """Who may not be proposed for commendation on a date (NĐ 152/2025/NĐ-CP
    from 1/7/2025, NĐ 98/2023/NĐ-CP before): a person during a disciplinary
    period, a person or a unit while discipline is being considered or an
    investigation, inspection, complaint or denunciation about them is being
    verified. The rules in force on the date are ``dvk.rule`` records; each
    refusal names the case or the period, until when, and the rule's source.
    Batched: a constant number of queries for any number of subjects."""

    _name = "dvk.commendation.hold"
    _description = "DVK Commendation on Hold"

    def _fmt(self, value):
        return value.strftime("%d/%m/%Y") if value else ""

    @api.model
    def _dvk_period_domain(self, employee_ids, date):
        """The disciplines whose period covers ``date``."""
        return (
            Domain("employee_id", "in", list(employee_ids))
            & Domain("date", "<=", date)
            & Domain("period_end", ">=", date)
        )

    @api.model
    def _dvk_period_reason(self, discipline, date, with_name=True):
        """Why ``discipline`` holds its person's commendation on ``date``;
        empty when its period does not cover the date or no rule is in
        force."""
        if not (
            discipline.period_end and discipline.date <= date <= discipline.period_end
        ):
            return ""
        Rule = self.env["dvk.rule"]
        if not Rule._dvk_rule(PERIOD_RULE, date=date):
            return ""
        forms = dict(discipline._fields["form"]._description_selection(self.env))
        values = {
            "name": discipline.employee_id.name,
            "form": forms.get(discipline.form, discipline.form).lower(),
            "date": self._fmt(discipline.date),
            "ref": discipline.decision_ref or "-",
            "end": self._fmt(discipline.period_end),
            "cite": Rule._dvk_cite(PERIOD_RULE, date=date),
        }
        if with_name:
            return self.env._(
                "%(name)s is in a disciplinary period (%(form)s of %(date)s, "
                "Decision %(ref)s) until %(end)s: no proposal for commendation "
                "during it%(cite)s",
                **values,
            )
        return self.env._(
            "In a disciplinary period (%(form)s of %(date)s, Decision %(ref)s) "
            "until %(end)s: no proposal for commendation during it%(cite)s",
            **values,
        )

    @api.model
    def _dvk_pending_cases(self, subjects, date):
        """{key: the first case open on ``date`` about the subject}:
        ``subjects`` is a list of (key, employee id, unit id); a person's
        cases name him, a unit's cases name the unit and no person. Empty
        when no rule is in force on the date."""
        if not subjects or not self.env["dvk.rule"]._dvk_rule(PENDING_RULE, date=date):
            return {}
        employee_ids = {emp for _k, emp, _u in subjects if emp}
        unit_ids = {unit for _k, emp, unit in subjects if not emp and unit}
        subject_domain = Domain.OR(
            [
                *(
                    [Domain("employee_id", "in", list(employee_ids))]
                    if employee_ids
                    else []
                ),
                *(
                    [
                        Domain("employee_id", "=", False)
                        & Domain("department_id", "in", list(unit_ids))
                    ]
                    if unit_ids
                    else []
                ),
            ]
        )
        if subject_domain.is_false():
            return {}
        # sudo: a case on hold counts whoever proposes; only what is needed
        # to name it is read
        Case = self.env["hr.dvk.pending.case"].sudo()
        cases = Case.search_fetch(
            subject_domain
            & Domain("date_opened", "<=", date)
            & (Domain("date_closed", "=", False) | Domain("date_closed", ">", date)),
            ["employee_id", "department_id", "kind", "date_opened", "reference"],
            order="date_opened, id",
        )
        first = {}
        for case in cases:
            if case.employee_id:
                first.setdefault(("e", case.employee_id.id), case)
            else:
                first.setdefault(("d", case.department_id.id), case)
        found = {}
        for key, emp, unit in subjects:
            case = first.get(("e", emp)) if emp else first.get(("d", unit))
            if case:
                found[key] = case
        return found

    @api.model
    def _dvk_pending_reason(self, case, date, with_name=True):
        kinds = dict(case._fields["kind"]._description_selection(self.env))
        values = {
            "name": case.employee_id.name or case.department_id.name,
            "kind": kinds.get(case.kind, case.kind).lower(),
            "date": self._fmt(case.date_opened),
            "ref": case.reference or "-",
            "cite": self.env["dvk.rule"]._dvk_cite(PENDING_RULE, date=date),
        }
        if with_name:
            return self.env._(
                "%(name)s: %(kind)s opened on %(date)s (%(ref)s) is not "
                "concluded: no proposal for commendation while it is under "
                "way%(cite)s. Record its closing date once it is concluded",
                **values,
            )
        return self.env._(
            "%(kind)s opened on %(date)s (%(ref)s) is not concluded: no "
            "proposal for commendation while it is under way%(cite)s",
            **values,
        )

    @api.model
    def _dvk_holds(self, subjects, date):
        """{key: [reasons]} of the ``subjects`` (key, employee id, unit id)
        that may not be proposed for commendation on ``date``; two queries
        whatever their number."""
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        holds = {}
        employee_ids = {emp for _k, emp, _u in subjects if emp}
        if employee_ids and self.env["dvk.rule"]._dvk_rule(PERIOD_RULE, date=date):
            # sudo: discipline is read only to say whether someone may be
            # proposed, whoever proposes
            Discipline = self.env["hr.discipline"].sudo()
            disciplines = Discipline.search_fetch(
                self._dvk_period_domain(employee_ids, date),
                ["employee_id", "date", "form", "decision_ref", "period_end"],
                order="period_end desc, id",
            )
            longest = {}
            for discipline in disciplines:
                longest.setdefault(discipline.employee_id.id, discipline)
            for key, emp, _unit in subjects:
                if emp in longest:
                    holds.setdefault(key, []).append(
                        self._dvk_period_reason(longest[emp], date)
                    )
        for key, case in self._dvk_pending_cases(subjects, date).items():
            holds.setdefault(key, []).append(self._dvk_pending_reason(case, date))
        return holds

    @api.model
    def _dvk_check_holds(self, subjects, date):
        """Raise when one of the ``subjects`` is on hold on ``date``."""
        holds = self._dvk_holds(subjects, date)
        reasons = [reason for found in holds.values() for reason in found]
        if reasons:
            raise UserError(
                self.env._(
                    "No proposal for commendation on %(date)s:\n%(reasons)s.",
                    date=self._fmt(fields.Date.to_date(date)),
                    reasons=";\n".join(reasons[:5]),
                )
            )
