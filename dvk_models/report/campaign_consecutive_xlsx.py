"""The models recognised in consecutive years (XLSX)."""

from odoo import models

from ..tools.rules import vn_sort_key
from .dvk_xlsx_base import HEADER_ROW


class DvkCampaignConsecutiveXlsx(models.AbstractModel):
    """Models of the campaign (those the user can see) recognised two or more
    consecutive years, with their years and levels: the list proposed for
    provincial commendation (seed 003 Điều 7.3)."""

    _name = "report.dvk_models.campaign_consecutive_xlsx"
    _inherit = "report.dvk_models.xlsx_base"
    _description = "DVK Models Recognised in Consecutive Years (XLSX)"

    _dvk_fields = (
        "name",
        "year",
        "campaign_id",
        "subject_type",
        "department_id",
        "employee_id",
        "field_id",
        "recognized_level_id",
        "consecutive_years",
        "previous_id",
    )

    def _dvk_columns(self):
        return [
            (self.env._("No."), 6, "number"),
            (self.env._("Model"), 45, "text"),
            (self.env._("Unit"), 28, "text"),
            (self.env._("Person"), 24, "text"),
            (self.env._("Field"), 22, "text"),
            (self.env._("Consecutive Years"), 12, "number"),
            (self.env._("Years"), 20, "text"),
            (self.env._("Recognised Level by Year"), 40, "text"),
        ]

    def _dvk_levels_by_year(self, models_):
        """``{model id: {year: level id}}`` along the previous-year chain of
        each model, within its streak. One query per year of the longest
        streak, whatever the number of models; every year of the streak is
        listed, also one the user cannot open (a year of a former unit): the
        streak is a fact of the model the user reads."""
        chains = {}
        owners = {}
        for model in models_:
            chains[model.id] = {model.year: model.recognized_level_id.id}
            if model.previous_id and model.consecutive_years > 1:
                owners.setdefault(model.previous_id.id, []).append(model)
        # sudo: only the year and level of the previous years are read
        Model = self.env["dvk.model"].sudo()
        while owners:
            previous = Model.search_fetch(
                [("id", "in", list(owners))],
                ["year", "recognized_level_id", "previous_id"],
            )
            next_owners = {}
            for record in previous:
                for model in owners[record.id]:
                    first_year = model.year - model.consecutive_years + 1
                    if record.year < first_year:
                        continue
                    chains[model.id][record.year] = record.recognized_level_id.id
                    if record.previous_id and record.year > first_year:
                        next_owners.setdefault(record.previous_id.id, []).append(model)
            owners = next_owners
        return chains

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        # As the user: only the models the user can see.
        models_ = self.env["dvk.model"].search_fetch(
            [("campaign_id", "in", objs.ids), ("consecutive_years", ">=", 2)],
            list(self._dvk_fields),
        )
        chains = self._dvk_levels_by_year(models_)
        units = self._dvk_unit_names(
            (model.department_id.id, model.campaign_id.id) for model in models_
        )
        people = self._dvk_names("hr.employee", models_.employee_id.ids)
        fields_ = self._dvk_names("dvk.field", models_.field_id.ids)
        levels = self._dvk_names(
            "dvk.level", {lvl for chain in chains.values() for lvl in chain.values()}
        )

        def unit_of(model):
            return units.get((model.department_id.id, model.campaign_id.id), "")

        ordered = sorted(
            models_,
            key=lambda m: (
                vn_sort_key(unit_of(m)),
                vn_sort_key(m.name),
                m.id,
            ),
        )

        def rows():
            for number, model in enumerate(ordered, start=1):
                streak = range(model.year - model.consecutive_years + 1, model.year + 1)
                chain = chains[model.id]
                yield [
                    number,
                    model.name,
                    unit_of(model),
                    people.get(model.employee_id.id, "")
                    if model.subject_type == "individual"
                    else "",
                    fields_.get(model.field_id.id, ""),
                    model.consecutive_years,
                    ", ".join(str(year) for year in streak),
                    "; ".join(
                        f"{year}: {levels.get(chain.get(year), '?')}" for year in streak
                    ),
                ]

        formats = self._dvk_formats(workbook)
        columns = self._dvk_columns()
        sheet = self._dvk_add_sheet(
            workbook,
            formats,
            self.env._("Consecutive Years"),
            self.env._(
                '"Dân vận khéo" models recognised in two or more consecutive years'
            ),
            self._dvk_campaign_subtitle(objs.ids),
            columns,
        )
        next_row = self._dvk_write_rows(sheet, formats, columns, rows())
        self._dvk_autofilter(sheet, HEADER_ROW, next_row, len(columns))
