from odoo import api, models


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
            year = self._dvk_title_year_read(
                item.employee_id, item.year, held, fallback
            )
            if (item.employee_id, year) in held:
                ok = True
                why = self.env._("%(title)s %(year)s", title=label, year=year)
            else:
                ok = False
                why = self.env._(
                    "No %(title)s title in %(year)s", title=label, year=year
                )
            result[item.key] = (ok, self._dvk_title_year_note(why, year, item.year))
        return result

    @api.model
    def _check_union_base_strong(self, items, titles, title_year="evaluated"):
        """Seed 004 §III.2.c and §III.1.b: a collective that is a base union
        holds "CĐCS vững mạnh" in the year; other subjects are not concerned.
        With ``title_year`` "awarded_or_previous" the year before is read
        while the evaluated year's title is not awarded yet (issue 24 item 4)."""
        # sudo: the kind of the units checked, whoever asks
        Department = self.env["hr.department"].sudo()
        units = Department.browse(
            {i.department_id for i in items if i.subject_type == "collective"} - {0}
        )
        bases = set(units.filtered(lambda u: u.dvk_union_kind == "base").ids)
        fallback = title_year == "awarded_or_previous"
        years = items.years() | ({y - 1 for y in items.years()} if fallback else set())
        held = self._dvk_union_held("department_id", bases, years, titles)
        label = self._dvk_union_title_label(titles)
        result = {}
        for item in items:
            if item.subject_type != "collective" or item.department_id not in bases:
                result[item.key] = (True, "")
                continue
            year = self._dvk_title_year_read(
                item.department_id, item.year, held, fallback
            )
            if (item.department_id, year) in held:
                ok = True
                why = self.env._("%(title)s %(year)s", title=label, year=year)
            else:
                ok = False
                why = self.env._(
                    "The base union does not hold the title %(title)s in %(year)s",
                    title=label,
                    year=year,
                )
            result[item.key] = (ok, self._dvk_title_year_note(why, year, item.year))
        return result

    @api.model
    def _check_union_recognized_or_replicable(self, items, min_count):
        """Seed 004 §III.3.b: the person built or carried out models "đã được
        công nhận hoặc có thể nhân ra diện rộng" — recognised in the year, or
        found replicable by the DVK officer (base union, district, province,
        sector or nationwide); either counts."""
        recognized = self._recognized_models(items)
        replicable = self._dvk_union_replicable_models(items)
        cite = self.env["dvk.rule"]._dvk_cite("union_individual_model_replicable")
        scopes = dict(
            self.env["dvk.model"]
            ._fields["union_replicable_scope"]
            ._description_selection(self.env)
        )
        result = {}
        for item in items:
            found = recognized[item.key] | replicable.get(
                item.key, recognized[item.key].browse()
            )
            if len(found) >= min_count:
                parts = []
                for model in found:
                    if model in recognized[item.key]:
                        parts.append(f"“{model.name}”")
                    else:
                        parts.append(
                            self.env._(
                                "“%(name)s” (replicable: %(scope)s)",
                                name=model.name,
                                scope=scopes.get(model.union_replicable_scope, ""),
                            )
                        )
                result[item.key] = (
                    True,
                    self.env._(
                        "took part in the model(s) %(names)s", names=", ".join(parts)
                    ),
                )
            else:
                result[item.key] = (
                    False,
                    self.env._(
                        "%(count)s of the %(min)s models recognised or found "
                        "replicable required in %(year)s%(cite)s",
                        count=len(found),
                        min=min_count,
                        year=item.year,
                        cite=cite,
                    ),
                )
        return result

    @api.model
    def _dvk_union_replicable_models(self, items):
        """{item key: the person's models of the item's year (own or taken
        part in) found replicable}, for any reader, in a constant number of
        queries."""
        employees = {i.employee_id for i in items if i.subject_type == "individual"}
        employees.discard(0)
        if not employees:
            return {}
        # sudo: finds the models of the people being checked, whoever asks
        Model = self.env["dvk.model"].sudo()
        base = [
            ("year", "in", list(items.years())),
            ("union_replicable_scope", "!=", False),
            ("state", "in", list(Model._dvk_union_replicable_states())),
        ]
        ids = Model._search(base + [("employee_id", "in", list(employees))])
        ids = [*ids, *Model._search(base + [("member_ids", "in", list(employees))])]
        found = {}
        for model in Model.search_fetch(
            [("id", "in", ids)],
            ["employee_id", "member_ids", "year", "name", "union_replicable_scope"],
            order="id",
        ):
            for emp in {model.employee_id.id, *model.member_ids.ids} & employees:
                found.setdefault((emp, model.year), Model.browse())
                found[(emp, model.year)] |= model
        return {
            item.key: found[(item.employee_id, item.year)]
            for item in items
            if item.subject_type == "individual"
            and (item.employee_id, item.year) in found
        }

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
