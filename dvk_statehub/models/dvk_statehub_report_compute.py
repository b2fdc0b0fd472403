from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain

from .hr_department import AGENCY_KINDS

# Registrations count from their submission: drafts are not registered yet,
# refused ones are not registered.
UNREGISTERED_STATES = ("draft", "refused")
COMMENDATION_STATES = ("submitted", "commended")


class DvkStatehubReportCompute(models.AbstractModel):
    """The figures of a report to Sở Nội vụ: the scope of its preparer,
    the registered and recognised models of the agencies in it, and the
    models and exemplars recognised in consecutive years."""

    _name = "dvk.statehub.report.compute"
    _description = "Report to the Department of Home Affairs: Figures"

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    def _statehub_is_province_wide(self):
        return self.env.user.has_group("dvk_models.group_dvk_manager")

    def _statehub_is_preparer(self):
        """The agencies prepare their reports (Article 8): a DVK officer or
        manager; Sở Nội vụ receives them."""
        return self.env.user.has_group("dvk_models.group_dvk_officer")

    def _statehub_check_preparer(self):
        if not self._statehub_is_preparer():
            raise UserError(
                self.env._(
                    "The agencies' DVK officers compute and send their reports to "
                    "Sở Nội vụ, which reads them."
                )
            )
        self.check_access("write")

    def _statehub_scope(self):
        """The units the report covers: every agency for DVK managers and for
        an officer in charge of them all (the province's), the units in an
        officer's charge otherwise."""
        self._statehub_check_preparer()
        if self._statehub_is_province_wide():
            return None
        scope = self.env.user._dvk_scope_units()
        # sudo: which units are agencies is configuration
        Department = self.env["hr.department"].sudo()
        agencies = Department.search(
            [
                ("dvk_statehub_kind", "in", AGENCY_KINDS),
                ("company_id", "in", [self.company_id.id, False]),
            ]
        )
        if agencies and not agencies - scope:
            return None
        return scope

    def _statehub_agency_map(self, units):
        """``{unit id: agency}`` for ``units``: the nearest unit of an agency
        kind at or above each, in one query whatever their number."""
        # sudo: the organisation tree is configuration, read for the counts
        Department = self.env["hr.department"].sudo()
        agencies = Department.with_context(active_test=False).search_fetch(
            [("dvk_statehub_kind", "in", AGENCY_KINDS)], ["parent_path", "name"]
        )
        by_id = {agency.id: agency for agency in agencies}
        result = {}
        for unit in units:
            ids = [int(i) for i in (unit.parent_path or "").split("/") if i]
            agency = next((by_id[i] for i in reversed(ids) if i in by_id), None)
            result[unit.id] = self.env["hr.department"].browse(
                agency.id if agency else unit.id
            )
        return result

    def _statehub_models(self, scope):
        domain = Domain("campaign_id", "=", self.campaign_id.id) & Domain(
            "company_id", "=", self.company_id.id
        )
        if scope is not None:
            domain &= Domain("department_id", "in", scope.ids)
        # sudo: the report keeps counts and names only (Article 9), whoever
        # reads it; the scope above limits what an officer counts.
        return (
            self.env["dvk.model"]
            .sudo()  # sudo: counts and names only go to the report
            .search_fetch(
                domain,
                [
                    "department_id",
                    "field_id",
                    "subject_type",
                    "state",
                    "approval_date",
                    "recognized_level_id",
                    "level_id",
                    "consecutive_years",
                ],
            )
        )

    def _statehub_line_values(self, models_, scope):
        """Counts per (agency, field, level): the level a model is recognised
        at (results), else the level it aims at."""
        units = models_.department_id
        units.fetch(["parent_path"])
        agency_of = self._statehub_agency_map(units)
        commended = set()
        inspections = {}
        if self.kind == "results":
            # sudo: counted, not shown (see _statehub_models)
            proposals = (
                self.env["dvk.statehub.commendation"]
                .sudo()  # sudo: counts and names only go to the report
                .search_fetch(
                    [
                        ("campaign_id", "=", self.campaign_id.id),
                        ("state", "in", COMMENDATION_STATES),
                    ],
                    ["model_ids"],
                )
            )
            # Proposed for commendation: by a steering committee (Article
            # 7.2) or on the list for the province (Article 7.3), one
            # definition for the figures and the list.
            commended = set(proposals.model_ids.ids) | set(
                self._statehub_streak_models(models_).ids
            )
            # sudo: counted, not shown (see _statehub_models)
            inspections = dict(
                self.env["dvk.statehub.inspection"]
                .sudo()  # sudo: counts and names only go to the report
                ._read_group(
                    [("model_id", "in", models_.ids)], ["model_id"], ["__count"]
                )
            )
            inspections = {model.id: count for model, count in inspections.items()}
        groups = {}
        for model in models_:
            if model.state in UNREGISTERED_STATES:
                continue
            recognized = bool(model.recognized_level_id)
            if self.kind == "results" and not (recognized or model.id in commended):
                continue
            level = model.recognized_level_id if recognized else model.level_id
            key = (agency_of[model.department_id.id].id, model.field_id.id, level.id)
            entry = groups.setdefault(
                key,
                {
                    "collective_count": 0,
                    "individual_count": 0,
                    "registered_count": 0,
                    "approved_count": 0,
                    "recognized_count": 0,
                    "commendation_count": 0,
                    "inspection_count": 0,
                },
            )
            entry[
                "individual_count"
                if model.subject_type == "individual"
                else "collective_count"
            ] += 1
            # Each figure is counted by the report of its month only
            # (Article 8), so that figures of the February and October
            # reports of a year never add up to each other.
            if self.kind == "registration":
                entry["registered_count"] += 1
                if model.approval_date:
                    entry["approved_count"] += 1
                continue
            if recognized:
                entry["recognized_count"] += 1
            if model.id in commended:
                entry["commendation_count"] += 1
            entry["inspection_count"] += inspections.get(model.id, 0)
        return [
            dict(values, agency_id=agency, field_id=field, level_id=level)
            for (agency, field, level), values in sorted(
                groups.items(), key=lambda item: tuple(v or 0 for v in item[0])
            )
        ]

    def _statehub_exemplar_streaks(self, scope):
        """Recognised exemplars of the year with the number of consecutive
        years, up to it, their subject (the unit or the person) was
        recognised as a state-agency exemplar."""
        domain = (
            Domain(
                "profile",
                "in",
                self.env["dvk.profile"]._dvk_codes_following("statehub"),
            )
            & Domain("state", "=", "recognized")
            & Domain("company_id", "=", self.company_id.id)
            & Domain("year", "<=", self.year)
        )
        # sudo: names and years only go to the report (Article 9)
        exemplars = (
            self.env["dvk.exemplar"]
            .sudo()  # sudo: counts and names only go to the report
            .search_fetch(
                domain, ["year", "subject_type", "department_id", "employee_id", "name"]
            )
        )
        years = {}
        for exemplar in exemplars:
            years.setdefault(self._statehub_subject_key(exemplar), set()).add(
                exemplar.year
            )
        result = []
        for exemplar in exemplars:
            if exemplar.year != self.year:
                continue
            if scope is not None and exemplar.department_id not in scope:
                continue
            done = years[self._statehub_subject_key(exemplar)]
            streak = 0
            while self.year - streak in done:
                streak += 1
            result.append((exemplar, streak))
        return result

    @staticmethod
    def _statehub_subject_key(exemplar):
        if exemplar.subject_type == "individual":
            return ("e", exemplar.employee_id.id)
        return ("d", exemplar.department_id.id)

    @api.model
    def _statehub_streak_models(self, models_):
        """The models of ``models_`` on the list of Article 7.3, proposed for
        the province's commendation: recognised two or more consecutive
        years."""
        return models_.filtered(
            lambda m: m.state == "recognized" and m.consecutive_years >= 2
        )

    def _statehub_consecutive_values(self, models_, scope):
        """Article 7.3: models (the core's consecutive years along the
        previous-year lineage, so a renewal in a successor unit keeps its
        streak) and exemplars recognised two or more consecutive years."""
        streaks = self._statehub_streak_models(models_)
        exemplars = [
            (e, n) for e, n in self._statehub_exemplar_streaks(scope) if n >= 2
        ]
        units = streaks.department_id | self.env["hr.department"].browse(
            [e.department_id.id for e, _n in exemplars]
        )
        agency_of = self._statehub_agency_map(units.sudo())  # sudo: tree only
        streaks.fetch(["name", "employee_id"])
        values = []
        for model in streaks:
            values.append(
                {
                    "record_type": "model",
                    "model_id": model.id,
                    "name": model.name,
                    "subject_name": model.employee_id.name
                    if model.subject_type == "individual"
                    else model.department_id.name,
                    "agency_id": agency_of[model.department_id.id].id,
                    "field_id": model.field_id.id,
                    "level_id": model.recognized_level_id.id,
                    "years": model.consecutive_years,
                    "year_list": ", ".join(
                        str(y)
                        for y in range(
                            self.year - model.consecutive_years + 1, self.year + 1
                        )
                    ),
                }
            )
        for exemplar, streak in exemplars:
            values.append(
                {
                    "record_type": "exemplar",
                    "exemplar_id": exemplar.id,
                    "name": exemplar.name,
                    "subject_name": exemplar.employee_id.name
                    if exemplar.subject_type == "individual"
                    else exemplar.department_id.name,
                    "agency_id": agency_of[exemplar.department_id.id].id,
                    "years": streak,
                    "year_list": ", ".join(
                        str(y) for y in range(self.year - streak + 1, self.year + 1)
                    ),
                }
            )
        return values

    def action_compute(self):
        """Count the registrations or results of the year again."""
        self._statehub_check_preparer()
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._("A report sent to Sở Nội vụ is kept."))
            scope = report._statehub_scope()
            models_ = report._statehub_models(scope)
            lines = report._statehub_line_values(models_, scope)
            consecutive = (
                report._statehub_consecutive_values(models_, scope)
                if report.kind == "results"
                else []
            )
            # sudo: the figures are written only by this computation
            report.sudo().write(
                {
                    "line_ids": [Command.clear()]
                    + [Command.create(vals) for vals in lines],
                    "consecutive_ids": [Command.clear()]
                    + [Command.create(vals) for vals in consecutive],
                    "date_computed": fields.Datetime.now(),
                    "scope_department_ids": [
                        Command.set(scope.ids if scope is not None else [])
                    ],
                }
            )
        return True
