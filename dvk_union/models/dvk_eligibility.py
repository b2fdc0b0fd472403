from odoo import api, models

from odoo.addons.dvk_models.tools.rules import vn_sort_key


class DvkEligibility(models.AbstractModel):
    _inherit = "dvk.eligibility"

    @api.model
    def _dvk_union_held(self, fname, ids, years, titles):
        """{(holder id, year)} of the holders of exactly ``titles``."""
        if not ids:
            return set()
        # sudo: eligibility reads titles of every subject checked, whoever asks
        Title = self.env["hr.emulation.title"].sudo()
        return {
            (holder.id, year)
            for holder, year in Title._read_group(
                [
                    (fname, "in", list(ids)),
                    ("year", "in", list(years)),
                    ("type_id", "in", titles.ids),
                ],
                [fname, "year"],
            )
        }

    @api.model
    def _dvk_union_title_label(self, titles):
        return " / ".join(titles.mapped("name"))

    @api.model
    def _check_union_title(self, items, titles, title_year="evaluated"):
        """Seed 004 §III.3.c: the person holds "Đoàn viên xuất sắc" in the
        year; an equally ranked title (Lao động tiên tiến) does not count.
        With ``title_year`` "awarded_or_previous" the year before is read
        while the evaluated year's title is not awarded yet (issue 24 item 4)."""
        fallback = title_year == "awarded_or_previous"
        years = items.years() | ({y - 1 for y in items.years()} if fallback else set())
        held = self._dvk_union_held(
            "employee_id", {i.employee_id for i in items} - {0}, years, titles
        )
        label = self._dvk_union_title_label(titles)
        result = {}
        for item in items:
            year = item.year
            if fallback and (item.employee_id, year) not in held:
                year -= 1
            if (item.employee_id, year) in held:
                ok = True
                why = self.env._("%(title)s %(year)s", title=label, year=year)
            else:
                ok = False
                why = self.env._(
                    "No %(title)s title in %(year)s", title=label, year=year
                )
            if year != item.year:
                why = self.env._(
                    "%(reason)s (the titles of %(year)s are not awarded yet)",
                    reason=why,
                    year=item.year,
                )
            result[item.key] = (ok, why)
        return result

    @api.model
    def _check_union_base_strong(self, items, titles):
        """Seed 004 §III.2.c: a collective that is a base union holds "CĐCS
        vững mạnh" in the year; other subjects are not concerned."""
        # sudo: the kind of the units checked, whoever asks
        Department = self.env["hr.department"].sudo()
        units = Department.browse(
            {i.department_id for i in items if i.subject_type == "collective"} - {0}
        )
        bases = set(units.filtered(lambda u: u.dvk_union_kind == "base").ids)
        held = self._dvk_union_held("department_id", bases, items.years(), titles)
        label = self._dvk_union_title_label(titles)
        result = {}
        for item in items:
            if item.subject_type != "collective" or item.department_id not in bases:
                result[item.key] = (True, "")
            elif (item.department_id, item.year) in held:
                result[item.key] = (True, "")
            else:
                result[item.key] = (
                    False,
                    self.env._(
                        "The base union does not hold the title %(title)s in %(year)s",
                        title=label,
                        year=item.year,
                    ),
                )
        return result

    @api.model
    def _check_union_base_units_strong(self, items, titles):
        """Seed 004 §III.1.b: the base unions under an upper-level union hold
        "CĐCS vững mạnh" in the year; those that do not are named."""
        # sudo: the union tree below the units checked, whoever asks
        Department = self.env["hr.department"].sudo()
        uppers = Department.browse({i.department_id for i in items} - {0})
        bases = Department.search_fetch(
            [("id", "child_of", uppers.ids), ("dvk_union_kind", "=", "base")],
            ["name", "parent_path"],
        )
        held = self._dvk_union_held(
            "department_id", set(bases.ids), items.years(), titles
        )
        below = {}
        for base in bases:
            for unit_id in {int(x) for x in base.parent_path.split("/") if x}:
                below.setdefault(unit_id, []).append(base)
        label = self._dvk_union_title_label(titles)
        result = {}
        for item in items:
            lacking = [
                base.name
                for base in below.get(item.department_id, [])
                if (base.id, item.year) not in held and base.id != item.department_id
            ]
            if not lacking:
                result[item.key] = (True, "")
            else:
                result[item.key] = (
                    False,
                    self.env._(
                        "Base unions without the title %(title)s in %(year)s: "
                        "%(units)s",
                        title=label,
                        year=item.year,
                        units=", ".join(sorted(lacking, key=vn_sort_key)),
                    ),
                )
        return result

    @api.model
    def _check_union_no_hot_spot(self, items):
        """Seed 004 §III.1.d: no "hot spot": no collective labour dispute or
        work stoppage recorded in the unit or below it in the year."""
        # sudo: incidents are read only to say whether a unit is eligible
        Incident = self.env["dvk.union.labour.incident"].sudo()
        # sudo: the unit tree is needed to find incidents of units in any scope
        Department = self.env["hr.department"].sudo()
        units = Department.browse({i.department_id for i in items} - {0})
        years = items.years()
        if not units or not years:
            return {item.key: (True, "") for item in items}
        incidents = Incident.search_fetch(
            [
                ("department_id", "child_of", units.ids),
                ("date", ">=", f"{min(years)}-01-01"),
                ("date", "<=", f"{max(years)}-12-31"),
            ],
            ["department_id", "date", "kind"],
            order="date, id",
        )
        kinds = dict(Incident._fields["kind"]._description_selection(self.env))
        first = {}
        for incident in incidents:
            path = [int(x) for x in incident.department_id.parent_path.split("/") if x]
            for unit_id in path:
                first.setdefault((unit_id, incident.date.year), incident)
        result = {}
        for item in items:
            incident = first.get((item.department_id, item.year))
            if not incident:
                result[item.key] = (True, "")
                continue
            result[item.key] = (
                False,
                self.env._(
                    'A "hot spot" in %(year)s: %(kind)s at %(unit)s on %(date)s',
                    year=item.year,
                    kind=kinds.get(incident.kind, incident.kind).lower(),
                    unit=incident.department_id.name,
                    date=self._fmt_date(incident.date),
                ),
            )
        return result
