"""The statistics of a campaign's models (XLSX)."""

from odoo import models

from ..tools.rules import vn_sort_key
from .dvk_xlsx_base import HEADER_ROW


class DvkCampaignStatisticsXlsx(models.AbstractModel):
    """Counts of the campaign's models (those the user can see) by unit and
    field, split by target level, recognised level and state, with row and
    column totals."""

    _name = "report.dvk_models.campaign_statistics_xlsx"
    _inherit = "report.dvk_models.xlsx_base"
    _description = "DVK Statistics (XLSX)"

    _dvk_groupby = (
        "department_id",
        "field_id",
        "level_id",
        "recognized_level_id",
        "state",
    )

    def _dvk_groups(self, campaigns):
        """One ``_read_group`` query, as the user: record rules restrict the
        counts to the models the user can see."""
        return self.env["dvk.model"]._read_group(
            [("campaign_id", "in", campaigns.ids)],
            list(self._dvk_groupby),
            ["__count"],
        )

    def _dvk_count_columns(self, groups):
        """The count columns: ``(group label, label, key)``, key being
        ``(dimension, value)``; levels in their order, states in theirs."""
        level_ids = {g[i].id for g in groups for i in (2, 3) if g[i]}
        levels = (
            self.env["dvk.level"]
            .with_context(active_test=False)
            .search_fetch(
                ["|", ("active", "=", True), ("id", "in", list(level_ids))],
                ["name", "sequence"],
                order="sequence, id",
            )
        )
        columns = []
        for dimension, group_label, none_label in (
            ("target", self.env._("Target Level"), self.env._("Not Set")),
            (
                "recognized",
                self.env._("Recognised Level"),
                self.env._("Not Recognised"),
            ),
        ):
            columns += [(group_label, lvl.name, (dimension, lvl.id)) for lvl in levels]
            columns.append((group_label, none_label, (dimension, False)))
        for state, label in self._dvk_selection("dvk.model", "state").items():
            columns.append((self.env._("State"), label, ("state", state)))
        return columns

    def _dvk_tables(self, groups):
        """Counts per (unit, field) and per field: ``{row key: {column key:
        count}}``."""
        by_unit = {}
        by_field = {}
        for unit, field, level, recognized, state, count in groups:
            keys = (("target", level.id), ("recognized", recognized.id))
            keys += (("state", state),)
            for table, row_key in (
                (by_unit, (unit.id, field.id)),
                (by_field, field.id),
            ):
                counts = table.setdefault(row_key, {})
                for key in keys:
                    counts[key] = counts.get(key, 0) + count
                counts["total"] = counts.get("total", 0) + count
        return by_unit, by_field

    def _dvk_write_table(self, sheet, formats, labels, rows, count_columns):
        """Two header rows (groups of columns, then the columns), the rows of
        counts with their total, then the totals row. ``labels`` are the
        leading text columns as ``(label, width)``; ``rows`` pairs their values
        with the counts."""
        group_row = HEADER_ROW
        header_row = HEADER_ROW + 1
        lead = len(labels)
        headers = [label for label, _width in labels]
        headers += [label for _group, label, _key in count_columns]
        headers.append(self.env._("Total"))
        groups = [""] * lead + [group for group, _l, _k in count_columns] + [""]
        for col, label in enumerate(headers):
            width = labels[col][1] if col < lead else 12
            sheet.set_column(col, col, width)
            sheet.write_string(header_row, col, label, formats["header"])
        start = 0
        for col in range(1, len(groups) + 1):
            if col < len(groups) and groups[col] == groups[start]:
                continue
            if col - 1 > start:
                sheet.merge_range(
                    group_row, start, group_row, col - 1, "", formats["header"]
                )
            sheet.write_string(group_row, start, groups[start], formats["header"])
            start = col
        sheet.freeze_panes(header_row + 1, lead)
        self._dvk_page_setup(sheet, header_row)

        row = header_row + 1
        totals = {}
        keys = [key for _group, _label, key in count_columns] + ["total"]
        for values, counts in rows:
            for col, value in enumerate(values):
                self._dvk_write(sheet, row, col, value, formats)
            for offset, key in enumerate(keys):
                count = counts.get(key, 0)
                sheet.write_number(row, lead + offset, count, formats["number"])
                totals[key] = totals.get(key, 0) + count
            row += 1
        self._dvk_autofilter(sheet, header_row, row, len(headers))
        sheet.write_string(row, 0, self.env._("Total"), formats["total_label"])
        for col in range(1, lead):
            sheet.write_blank(row, col, None, formats["total_label"])
        for offset, key in enumerate(keys):
            sheet.write_number(row, lead + offset, totals.get(key, 0), formats["total"])

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        groups = self._dvk_groups(objs)
        count_columns = self._dvk_count_columns(groups)
        by_unit, by_field = self._dvk_tables(groups)
        units = self._dvk_names(
            "hr.department", (unit_id for unit_id, _f in by_unit), hierarchical=True
        )
        # "(formerly ...)" after the units that took over others by the end
        # of the latest campaign counted.
        period_end = max(objs.mapped("date_end"), default=None)
        # sudo: the lineage of units whose names are printed (see _dvk_names)
        Department = self.env["hr.department"].sudo().with_context(active_test=False)
        for unit in Department.browse(list(units)):
            formerly = unit._dvk_formerly_on(period_end)
            if formerly:
                units[unit.id] = f"{units[unit.id]} ({formerly})"
        fields_ = (
            self.env["dvk.field"]
            .with_context(active_test=False)
            .search_fetch(
                [("id", "in", list(by_field))],
                ["name", "sequence"],
                order="sequence, id",
            )
        )
        field_rank = {field.id: rank for rank, field in enumerate(fields_)}
        field_names = {field.id: field.name for field in fields_}
        formats = self._dvk_formats(workbook)
        subtitle = self._dvk_campaign_subtitle(objs.ids)
        title = self.env._('Statistics of "Dân vận khéo" models')

        sheet = workbook.add_worksheet(self.env._("By Unit and Field")[:31])
        self._dvk_title(sheet, formats, title, subtitle, len(count_columns) + 3)
        unit_keys = sorted(
            by_unit,
            key=lambda k: (vn_sort_key(units.get(k[0], "")), field_rank.get(k[1], 0)),
        )
        unit_rows = [
            ([units.get(key[0], ""), field_names.get(key[1], "")], by_unit[key])
            for key in unit_keys
        ]
        self._dvk_write_table(
            sheet,
            formats,
            [(self.env._("Unit"), 40), (self.env._("Field"), 24)],
            unit_rows,
            count_columns,
        )

        sheet = workbook.add_worksheet(self.env._("By Field")[:31])
        self._dvk_title(sheet, formats, title, subtitle, len(count_columns) + 2)
        self._dvk_write_table(
            sheet,
            formats,
            [(self.env._("Field"), 30)],
            [
                ([field_names.get(field_id, "")], by_field[field_id])
                for field_id in sorted(by_field, key=lambda f: field_rank.get(f, 0))
            ],
            count_columns,
        )
