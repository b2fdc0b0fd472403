import datetime
from dataclasses import dataclass, field

from odoo import api, fields, models
from odoo.fields import Domain

from .dvk_commendation_hold import ACHIEVEMENT_RULE


@dataclass(frozen=True)
class Item:
    """One subject to check: a person or a unit in a year, and optionally the
    model being scored. ``key`` is whatever the caller maps results back to."""

    key: object
    subject_type: str
    year: int
    employee_id: int = 0
    department_id: int = 0
    model_id: int = 0


@dataclass
class Items:
    items: list = field(default_factory=list)
    leader_keys: frozenset = frozenset()

    def __iter__(self):
        return iter(self.items)

    def __bool__(self):
        return bool(self.items)

    def leaders(self):
        return self.leader_keys

    def only(self, keys):
        return Items([i for i in self.items if i.key in keys], self.leader_keys)

    def years(self):
        return {i.year for i in self.items}


class DvkEligibility(models.AbstractModel):
    """The automatic checks of the criteria, computed for many subjects at once
    with a number of queries that does not depend on their count."""

    _name = "dvk.eligibility"
    _description = "DVK Eligibility Checks"

    # ------------------------------------------------------------------
    # Building the items
    # ------------------------------------------------------------------
    @api.model
    def _items(self, rows):
        """``rows``: (key, subject_type, year, employee, department, model)."""
        items = [
            Item(key, subject_type, year, emp.id, dept.id, model.id)
            for key, subject_type, year, emp, dept, model in rows
        ]
        employee_ids = {i.employee_id for i in items if i.employee_id}
        leaders = set()
        if employee_ids:
            # sudo: who heads a unit decides whether leader criteria apply
            departments = self.env["hr.department"].sudo()
            managers = {
                d.manager_id.id
                for d in departments.search_fetch(
                    [("manager_id", "in", list(employee_ids))], ["manager_id"]
                )
            }
            leaders = {i.key for i in items if i.employee_id in managers}
        return Items(items, frozenset(leaders))

    @api.model
    def _evaluate(self, criteria_set, items):
        """{key: [(criterion, ok, reason)]} for the automatic criteria."""
        results = {item.key: [] for item in items}
        if not items:
            # Nobody to check (a unit without people): the checks need years.
            return results
        for criterion in criteria_set.criterion_ids.filtered(
            lambda c: c.check != "manual"
        ):
            answers = criterion._evaluate(items)
            for item in items:
                ok, reason = answers.get(item.key, (True, ""))
                reason = self._cite_criterion(criterion, reason)
                results[item.key].append((criterion, ok, reason))
        return results

    @api.model
    def _cite_criterion(self, criterion, reason):
        """The reason followed by the criterion's source (issue 24 item 12):
        "Lao động tiên tiến 2026 (theo Hướng dẫn …, mục III.2.2)"."""
        if not reason or not criterion.source:
            return reason
        return self.env._(
            "%(reason)s (according to %(document)s)",
            reason=reason,
            document=criterion.source,
        )

    @api.model
    def _join_reasons(self, reasons):
        """One sentence of the reasons, in the order of the criteria:
        "Lao động tiên tiến 2026; not disciplined in 2026"."""
        text = "; ".join(r for r in reasons if r)
        return text[:1].upper() + text[1:]

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _fmt_date(self, value):
        return value.strftime("%d/%m/%Y") if value else ""

    @api.model
    def _check_title(self, criterion, items, by_unit):
        """Seed 002 §III.2.2, seed 004 §III.3.c: the subject holds one of the
        criterion's titles, or a higher one of the same ladder (family), in
        the year the criterion reads: the evaluated year, or (the default)
        the evaluated year when the subject already holds a title of the
        ladder for it, else the year before (yearly titles are awarded at
        year end, after recognition closes)."""
        # sudo: eligibility reads titles of every person checked, whoever asks
        Title = self.env["hr.emulation.title"].sudo()
        thresholds = {}
        for title_type in criterion.title_type_ids:
            rank = thresholds.get(title_type.family, title_type.rank)
            thresholds[title_type.family] = min(rank, title_type.rank)
        subject_type = criterion.title_type_ids[:1].subject_type
        fname = "department_id" if by_unit else "employee_id"
        ids = {i.department_id if by_unit else i.employee_id for i in items} - {0}
        fallback = criterion.title_year == "awarded_or_previous"
        years = items.years() | ({y - 1 for y in items.years()} if fallback else set())
        held, awarded = {}, set()
        if ids:
            for record, year, title_type in Title._read_group(
                [
                    (fname, "in", list(ids)),
                    ("year", "in", list(years)),
                    ("type_id.family", "in", list(thresholds)),
                    ("type_id.subject_type", "=", subject_type),
                ],
                [fname, "year", "type_id"],
            ):
                # Any title of the ladder says the year is already awarded.
                awarded.add((record.id, year))
                if title_type.rank < thresholds[title_type.family]:
                    continue
                # The highest title held says best why the subject passes.
                best = held.get((record.id, year))
                if not best or title_type.rank > best.rank:
                    held[(record.id, year)] = title_type
        label = criterion._title_label()
        result = {}
        for item in items:
            holder = item.department_id if by_unit else item.employee_id
            year = self._dvk_title_year_read(holder, item.year, awarded, fallback)
            if (holder, year) in held:
                ok = True
                why = self.env._(
                    "%(title)s %(year)s", title=held[(holder, year)].name, year=year
                )
            elif by_unit:
                ok = False
                why = self.env._(
                    "The unit does not hold the title %(title)s in %(year)s",
                    title=label,
                    year=year,
                )
            else:
                ok = False
                why = self.env._(
                    "No %(title)s title in %(year)s", title=label, year=year
                )
            result[item.key] = (ok, self._dvk_title_year_note(why, year, item.year))
        return result

    @api.model
    def _dvk_title_year_read(self, holder, year, awarded, fallback):
        """Issue 24 item 4: the year a yearly title is read for. Titles are
        awarded at year end while recognition closes in the autumn: with
        ``fallback`` the evaluated ``year`` is read once ``holder`` has a
        title of it in ``awarded`` ({(holder, year)}), else the year before."""
        if fallback and (holder, year) not in awarded:
            return year - 1
        return year

    @api.model
    def _dvk_title_year_note(self, why, read, year):
        """``why`` saying, when the year read is not the evaluated one, that
        the titles of the evaluated year are not awarded yet."""
        if read == year:
            return why
        return self.env._(
            "%(reason)s (the titles of %(year)s are not awarded yet)",
            reason=why,
            year=year,
        )

    @api.model
    def _check_discipline(self, items, by_unit):
        """Seed 002 §III.2 "not disciplined in the year" (a unit: no member
        disciplined in the year), and the law on commendation as in force
        today (NĐ 152/2025/NĐ-CP from 1/7/2025, NĐ 98/2023/NĐ-CP before,
        ``dvk.rule``): no proposal during a disciplinary period or while a
        case about the person or the unit is under way, and a year's
        achievements count only when the year began after the end of the
        person's disciplinary period."""
        # sudo: discipline is read only to say whether someone is eligible
        Discipline = self.env["hr.discipline"].sudo()
        # sudo: the unit tree is needed to find members of units in any scope
        Department = self.env["hr.department"].sudo()
        Hold = self.env["dvk.commendation.hold"]
        Rule = self.env["dvk.rule"]
        today = fields.Date.context_today(self)
        years = items.years()
        first_day = datetime.date(min(years), 1, 1)
        last_day = datetime.date(max(years), 12, 31)
        in_years = Domain("date", ">=", first_day) & Domain("date", "<=", last_day)
        if by_unit:
            units = Department.browse({i.department_id for i in items} - {0})
            domain = in_years & Domain("department_id", "child_of", units.ids)
        else:
            domain = Domain(
                "employee_id", "in", list({i.employee_id for i in items} - {0})
            ) & (
                # The year's own disciplines, and those whose period runs
                # into a checked year or today (one query for both).
                in_years
                | (
                    Domain("period_end", ">=", min(first_day, today))
                    & Domain("date", "<=", max(last_day, today))
                )
            )
        records = Discipline.search_fetch(
            domain,
            ["employee_id", "department_id", "date", "form", "decision_ref"]
            + ([] if by_unit else ["period_end"]),
            order="date",
        )
        forms = dict(Discipline._fields["form"]._description_selection(self.env))
        by_key = {}
        periods = {}
        for rec in records:
            if by_unit:
                if not rec.department_id:
                    continue
                path = [int(x) for x in rec.department_id.parent_path.split("/") if x]
                for dept_id in path:
                    by_key.setdefault(("d", dept_id, rec.date.year), rec)
            else:
                if first_day <= rec.date <= last_day:
                    by_key.setdefault(("e", rec.employee_id.id, rec.date.year), rec)
                if rec.period_end:
                    periods.setdefault(rec.employee_id.id, []).append(rec)
        pending = Hold._dvk_pending_cases(
            [
                (item.key, 0 if by_unit else item.employee_id, item.department_id)
                for item in items
            ],
            today,
        )
        counts_from_end = bool(Rule._dvk_rule(ACHIEVEMENT_RULE, date=today))
        result = {}
        for item in items:
            key = (
                ("d", item.department_id, item.year)
                if by_unit
                else ("e", item.employee_id, item.year)
            )
            rec = by_key.get(key)
            if not rec:
                hold = self._discipline_hold(
                    item, periods.get(item.employee_id, []), today, counts_from_end
                )
                if not hold and item.key in pending:
                    hold = Hold._dvk_pending_reason(
                        pending[item.key], today, with_name=False
                    )
                if hold:
                    result[item.key] = (False, self._join_reasons([hold]))
                    continue
                if by_unit:
                    why = self.env._(
                        "no member disciplined in %(year)s", year=item.year
                    )
                else:
                    why = self.env._("not disciplined in %(year)s", year=item.year)
                result[item.key] = (True, why)
                continue
            values = {
                "form": forms.get(rec.form, rec.form).lower(),
                "date": self._fmt_date(rec.date),
                "ref": rec.decision_ref or "",
                "name": rec.employee_id.name,
            }
            if by_unit:
                reason = self.env._(
                    "%(name)s disciplined by %(form)s on %(date)s (Decision %(ref)s)",
                    **values,
                )
            else:
                reason = self.env._(
                    "Disciplined by %(form)s on %(date)s (Decision %(ref)s)",
                    **values,
                )
            result[item.key] = (False, reason)
        return result

    @api.model
    def _discipline_hold(self, item, disciplines, today, counts_from_end):
        """Why a person's disciplinary periods (``disciplines``, by date)
        stop the item: a period covering today (no proposal during it), else
        one ending in or after the item's year that began before it (the
        year's achievements do not count: they count from the period's
        end). Empty when neither."""
        Hold = self.env["dvk.commendation.hold"]
        for discipline in disciplines:
            reason = Hold._dvk_period_reason(discipline, today, with_name=False)
            if reason:
                return reason
        if not counts_from_end:
            return ""
        year_start = datetime.date(item.year, 1, 1)
        for discipline in disciplines:
            if discipline.date < year_start <= discipline.period_end:
                return self.env._(
                    "Achievements count from the end of the disciplinary period "
                    "(%(form)s of %(date)s, until %(end)s); the year %(year)s "
                    "began before it%(cite)s",
                    form=dict(
                        discipline._fields["form"]._description_selection(self.env)
                    )
                    .get(discipline.form, discipline.form)
                    .lower(),
                    date=self._fmt_date(discipline.date),
                    end=self._fmt_date(discipline.period_end),
                    year=item.year,
                    cite=self.env["dvk.rule"]._dvk_cite(ACHIEVEMENT_RULE, date=today),
                )
        return ""

    @api.model
    def _recognized_models(self, items):
        """{item key: the models recognised in the item's year that count for
        it}: a person's own models and those they take part in, a unit's
        collective models and those of the units below it; found, as the
        checks, for any reader and in a constant number of queries."""
        # sudo: finds recognised models of people and units being checked
        Model = self.env["dvk.model"].sudo()
        # sudo: the unit tree is needed to find models of units in any scope
        Department = self.env["hr.department"].sudo()
        years = list(items.years())
        employees = {i.employee_id for i in items if i.subject_type == "individual"}
        units = Department.browse(
            {i.department_id for i in items if i.subject_type == "collective"} - {0}
        )
        found = {}
        base = [("year", "in", years), ("recognized_level_id", "!=", False)]
        if employees:
            # The person's own models and those they take part in, found each
            # through its index: as one OR, PostgreSQL reads every model of
            # the year for each search (seconds on 100,000 models).
            ids = Model._search(base + [("employee_id", "in", list(employees))])
            ids = [*ids, *Model._search(base + [("member_ids", "in", list(employees))])]
            for model in Model.search_fetch(
                [("id", "in", ids)],
                ["employee_id", "member_ids", "year", "name", "campaign_id"],
            ):
                for emp in {model.employee_id.id, *model.member_ids.ids} & employees:
                    found.setdefault(("e", emp, model.year), {})[model.id] = None
        if units:
            for model in Model.search_fetch(
                # A unit counts its own (collective) models and those of the
                # units below it, not its members' individual ones.
                base
                + [
                    ("department_id", "child_of", units.ids),
                    ("subject_type", "=", "collective"),
                ],
                ["department_id", "year", "name", "campaign_id"],
            ):
                path = {int(x) for x in model.department_id.parent_path.split("/") if x}
                for unit_id in path & set(units.ids):
                    found.setdefault(("d", unit_id, model.year), {})[model.id] = None
        # Each key's models are the keys of a dict: in the order found, once.
        return {
            item.key: Model.browse(
                list(
                    found.get(
                        ("e", item.employee_id, item.year)
                        if item.subject_type == "individual"
                        else ("d", item.department_id, item.year),
                        {},
                    )
                )
            )
            for item in items
        }

    @api.model
    def _check_recognized_models(self, items, min_count):
        recognized = self._recognized_models(items)
        result = {}
        for item in items:
            models_ = recognized[item.key]
            count = len(models_)
            if count >= min_count:
                listed = ", ".join(f"“{n}”" for n in models_.mapped("name"))
                if item.subject_type == "individual":
                    why = self.env._(
                        "took part in the recognised model(s) %(names)s", names=listed
                    )
                else:
                    why = self.env._(
                        "recognised model(s) of the unit: %(names)s", names=listed
                    )
                result[item.key] = (True, why)
            elif not count:
                result[item.key] = (
                    False,
                    self.env._("No recognised model in %(year)s", year=item.year),
                )
            else:
                result[item.key] = (
                    False,
                    self.env._(
                        "%(count)s of the %(min)s recognised models required in "
                        "%(year)s",
                        count=count,
                        year=item.year,
                        min=min_count,
                    ),
                )
        return result

    @api.model
    def _check_registered_on_time(self, items):
        # sudo: reads registration dates of the models being checked
        models_ = self.env["dvk.model"].sudo().browse({i.model_id for i in items} - {0})
        late = {}
        for model in models_:
            deadline = model._dvk_deadline("registration")
            if not model.registration_date:
                late[model.id] = self.env._("Not registered yet")
            elif deadline and model.registration_date > deadline:
                late[model.id] = self.env._(
                    "Registered on %(date)s, after the deadline of %(deadline)s",
                    date=self._fmt_date(model.registration_date),
                    deadline=self._fmt_date(deadline),
                )
        result = {}
        for item in items:
            if not item.model_id:
                result[item.key] = (True, "")
            elif item.model_id in late:
                result[item.key] = (False, late[item.model_id])
            else:
                result[item.key] = (True, self.env._("registered on time"))
        return result
