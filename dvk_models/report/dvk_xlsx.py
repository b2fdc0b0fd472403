"""XLSX exports (OCA report_xlsx): registration list, recognition results,
statistics, and models recognised in consecutive years.

Three rules hold for every export:

- Text never becomes a formula, a link or a number: the workbook options
  forbid the conversions and every text cell is written with
  ``write_string`` as well (RELIABILITY.md A6, (b) 30).
- The records are those the user selected, read as the user, so record rules
  apply and a record outside the user's scope raises ``AccessError``
  (RELIABILITY (b) 9). Only the names of the records they link to (unit,
  person, approver...) are read as superuser, exactly as ``read()`` and the
  list views show them.
- The number of queries does not grow with the number of rows: the records are
  read at once, then one query per related model gives the names.
"""

from odoo import api, models

from ..tools.rules import vn_sort_key
from ..tools.xlsx_table import TableWorksheet

# A text cell starting with one of these would be a formula in a spreadsheet
# that re-evaluates it; such cells also get Excel's quote prefix.
_FORMULA_PREFIXES = ("=", "+", "-", "@")

# Rows of a sheet: the title, the subtitle, then the header.
_TITLE_ROW = 0
_SUBTITLE_ROW = 1
_HEADER_ROW = 2


class DvkXlsxBase(models.AbstractModel):
    """What every DVK export shares: safe workbook options, formats, a title,
    a frozen and filtered header row, and typed cell writers."""

    _name = "report.dvk_models.xlsx_base"
    _inherit = "report.report_xlsx.abstract"
    _description = "DVK XLSX Export"

    def get_workbook_options(self):
        options = dict(super().get_workbook_options())
        options.update(
            {
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "default_date_format": "dd/mm/yyyy",
                "in_memory": True,
            }
        )
        return options

    # ------------------------------------------------------------------
    # Workbook helpers
    # ------------------------------------------------------------------
    def _dvk_formats(self, workbook):
        base = {"font_name": "Times New Roman", "font_size": 12, "valign": "top"}

        def add(**props):
            return workbook.add_format(dict(base, **props))

        return {
            "title": add(bold=True, font_size=14, align="center", valign="vcenter"),
            "subtitle": add(italic=True, align="center", valign="vcenter"),
            "header": add(
                bold=True,
                text_wrap=True,
                align="center",
                valign="vcenter",
                border=1,
                bg_color="#DDEBF7",
            ),
            "text": add(text_wrap=True, border=1),
            "text_quoted": add(text_wrap=True, border=1, quote_prefix=True),
            "center": add(align="center", border=1),
            "number": add(align="center", border=1, num_format="0"),
            # A rate in %, one decimal (50.0): a number Excel sums and sorts.
            "decimal": add(align="center", border=1, num_format="0.0"),
            "date": add(align="center", border=1, num_format="dd/mm/yyyy"),
            "total_label": add(bold=True, border=1, bg_color="#F2F2F2"),
            "total": add(
                bold=True, align="center", border=1, num_format="0", bg_color="#F2F2F2"
            ),
            "total_decimal": add(
                bold=True,
                align="center",
                border=1,
                num_format="0.0",
                bg_color="#F2F2F2",
            ),
        }

    def _dvk_title(self, sheet, formats, title, subtitle, ncols):
        """The title and subtitle rows, merged across the ``ncols`` columns."""
        sheet.set_row(_TITLE_ROW, 30)
        for row, text, fmt in (
            (_TITLE_ROW, title, formats["title"]),
            (_SUBTITLE_ROW, subtitle, formats["subtitle"]),
        ):
            sheet.merge_range(row, 0, row, ncols - 1, "", fmt)
            if text:
                sheet.write_string(row, 0, text, fmt)

    def _dvk_add_sheet(self, workbook, formats, name, title, subtitle, columns):
        """A sheet with its title, subtitle and header row (frozen); ``columns``
        is a list of ``(label, width, kind)``. Returns the sheet."""
        sheet = workbook.add_worksheet(name[:31], worksheet_class=TableWorksheet)
        self._dvk_title(sheet, formats, title, subtitle, len(columns))
        for col, (label, width, _kind) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(_HEADER_ROW, col, label, formats["header"])
        sheet.freeze_panes(_HEADER_ROW + 1, 0)
        self._dvk_page_setup(sheet, _HEADER_ROW)
        return sheet

    def _dvk_page_setup(self, sheet, header_row):
        sheet.set_paper(9)  # A4
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(header_row, header_row)

    def _dvk_write(self, sheet, row, col, value, formats, kind="text"):
        """Write one cell by the type of ``value``; any text goes through
        ``write_string``, so it is never read as a formula."""
        if value is None or value is False or value == "":
            sheet.write_blank(row, col, None, formats[kind])
        elif kind == "date":
            sheet.write_datetime(row, col, value, formats["date"])
        elif isinstance(value, int | float) and not isinstance(value, bool):
            sheet.write_number(row, col, value, formats[kind])
        else:
            text = str(value)
            fmt = formats[kind]
            if text.startswith(_FORMULA_PREFIXES):
                fmt = formats["text_quoted"]
            sheet.write_string(row, col, text, fmt)

    def _dvk_write_rows(self, sheet, formats, columns, rows):
        """Write ``rows`` (lists of values, one per column) under the header
        row, as :meth:`_dvk_write` does; returns the next free row. On a sheet
        of :meth:`_dvk_add_sheet`, the rows go straight into the sheet's XML
        (tools/xlsx_table.py): tens of thousands of rows."""
        kinds = [kind for _label, _width, kind in columns]
        cell_formats = [formats[kind] for kind in kinds]
        if isinstance(sheet, TableWorksheet):
            return sheet.write_table(
                _HEADER_ROW + 1,
                kinds,
                cell_formats,
                (_FORMULA_PREFIXES, formats["text_quoted"]),
                rows,
            )
        dates = [kind == "date" for kind in kinds]
        quoted = formats["text_quoted"]
        write_blank = sheet.write_blank
        write_datetime = sheet.write_datetime
        write_number = sheet.write_number
        write_string = sheet.write_string
        row = _HEADER_ROW + 1
        for values in rows:
            for col, value in enumerate(values):
                fmt = cell_formats[col]
                if value is None or value is False or value == "":
                    write_blank(row, col, None, fmt)
                elif dates[col]:
                    write_datetime(row, col, value, fmt)
                elif type(value) in (int, float):
                    write_number(row, col, value, fmt)
                else:
                    text = str(value)
                    if text.startswith(_FORMULA_PREFIXES):
                        fmt = quoted
                    write_string(row, col, text, fmt)
            row += 1
        return row

    def _dvk_autofilter(self, sheet, header_row, next_row, ncols):
        sheet.autofilter(header_row, 0, max(next_row - 1, header_row), ncols - 1)

    # ------------------------------------------------------------------
    # Data helpers
    # ------------------------------------------------------------------
    @api.model
    def _dvk_names(self, model_name, ids, hierarchical=False):
        """``{id: display name}`` of the records ``ids`` of ``model_name``, in
        one query (plus its fixed dependencies), however many ids there are.

        The ids are links held by records the user has just read. Their names
        are read as superuser, as ``read()`` and the list views do
        (Many2one.convert_to_read): seeing a link follows the record holding
        it, and officers have no access to hr.employee itself.
        """
        ids = sorted({i for i in ids if i})
        if not ids:
            return {}
        # sudo: names of records linked to records read as the user (see above)
        comodel = self.env[model_name].sudo()
        records = comodel.with_context(
            active_test=False, hierarchical_naming=hierarchical
        ).search_fetch([("id", "in", ids)], ["display_name"])
        return {record.id: record.display_name for record in records}

    @api.model
    def _dvk_unit_names(self, pairs):
        """``{(unit id, campaign id): name}`` of the units of ``pairs`` as the
        lists print them: "C (formerly A, B)" for the records of a campaign
        ending after C took over A and B (unit mergers and splits), the name
        alone otherwise. A fixed number of queries whatever the number of
        pairs; names read as superuser, as in :meth:`_dvk_names`."""
        pairs = {(unit_id, campaign_id) for unit_id, campaign_id in pairs if unit_id}
        if not pairs:
            return {}
        # sudo: names of units linked to records read as the user (see
        # _dvk_names), and of the units they took over, archived ones too
        Department = self.env["hr.department"].sudo().with_context(active_test=False)
        units = Department.browse({unit_id for unit_id, _c in pairs})
        units.fetch(["name", "dvk_predecessor_ids"])
        ends = {}
        if units.dvk_predecessor_ids:
            units.dvk_predecessor_ids.fetch(["name", "dvk_lineage_date"])
            # sudo: the end dates of the campaigns of records read as the user
            Campaign = self.env["dvk.campaign"].sudo()
            campaigns = Campaign.browse(
                {campaign_id for _u, campaign_id in pairs if campaign_id}
            )
            campaigns.fetch(["date_end"])
            ends = {campaign.id: campaign.date_end for campaign in campaigns}
        return {
            (unit_id, campaign_id): Department.browse(unit_id)._dvk_name_with_formerly(
                ends.get(campaign_id)
            )
            for unit_id, campaign_id in pairs
        }

    @api.model
    def _dvk_read(self, records, fnames):
        """The values of the stored fields ``fnames`` of ``records``, in their
        order, as ``read(fnames, load=None)`` gives them (ids for the
        many2ones, False for empty values), but as rows of one query, without
        building a record per row: an export reads tens of thousands.

        The user's rights are those of ``read()``, checked the way
        ``fetch()`` checks them: the record rules are part of the query, and
        a record they leave out raises AccessError; each field's access is
        checked too. A record that no longer exists is left out."""
        for fname in fnames:
            field = records._fields[fname]
            if not (field.store and field.column_type) or field.translate:
                raise ValueError(f"{fname} is not a plain stored column")
            records._check_field_access(field, "read")
        records.flush_model(fnames)
        query = records._search([("id", "in", records.ids)], active_test=False)
        columns = ["id", *fnames]
        rows = {
            row[0]: {
                column: False if value is None else value
                for column, value in zip(columns, row, strict=True)
            }
            for row in self.env.execute_query(
                query.select(
                    *(
                        records._field_to_sql(records._table, column, query)
                        for column in columns
                    )
                )
            )
        }
        if len(rows) < len(set(records.ids)):
            forbidden = records.browse(set(records.ids) - set(rows)).exists()
            if forbidden:
                raise self.env["ir.rule"]._make_access_error("read", forbidden)
        return [rows[i] for i in records.ids if i in rows]

    @api.model
    def _dvk_selection(self, model_name, fname):
        field = self.env[model_name]._fields[fname]
        return dict(field._description_selection(self.env))

    @api.model
    def _dvk_campaign_subtitle(self, campaign_ids):
        names = self._dvk_names("dvk.campaign", campaign_ids)
        if not names:
            return ""
        return self.env._(
            "Campaign: %(names)s",
            names="; ".join(sorted(names.values(), key=vn_sort_key)),
        )

    @api.model
    def _dvk_yes_no(self, value):
        return self.env._("Yes") if value else self.env._("No")


class DvkModelRegistrationXlsx(models.AbstractModel):
    """The registration list: one row per selected model."""

    _name = "report.dvk_models.model_registration_xlsx"
    _inherit = "report.dvk_models.xlsx_base"
    _description = "DVK Registration List (XLSX)"

    _dvk_fields = (
        "name",
        "campaign_id",
        "subject_type",
        "department_id",
        "employee_id",
        "field_id",
        "category_id",
        "level_id",
        "area",
        "registration_date",
        "is_supplementary",
        "approver_id",
        "state",
        "recognized_level_id",
    )

    def _dvk_columns(self):
        return [
            (self.env._("No."), 6, "number"),
            (self.env._("Model"), 45, "text"),
            (self.env._("Unit"), 28, "text"),
            (self.env._("Person"), 24, "text"),
            (self.env._("Field"), 22, "text"),
            (self.env._("Category"), 22, "text"),
            (self.env._("Target Level"), 14, "center"),
            (self.env._("Scope and Address"), 28, "text"),
            (self.env._("Registration Date"), 14, "date"),
            (self.env._("Supplementary"), 14, "center"),
            (self.env._("Approver"), 22, "text"),
            (self.env._("State"), 14, "center"),
            (self.env._("Recognised Level"), 14, "center"),
        ]

    def _dvk_rows(self, values):
        """Rows of the sheet from the ``read()`` values of the models."""

        def names(model_name, *fnames):
            return self._dvk_names(
                model_name, (vals[f] for vals in values for f in fnames)
            )

        units = self._dvk_unit_names(
            (vals["department_id"], vals["campaign_id"]) for vals in values
        )
        people = names("hr.employee", "employee_id")
        fields_ = names("dvk.field", "field_id")
        categories = names("dvk.category", "category_id")
        levels = names("dvk.level", "level_id", "recognized_level_id")
        approvers = names("res.users", "approver_id")
        states = self._dvk_selection("dvk.model", "state")
        for number, vals in enumerate(values, start=1):
            person = ""
            if vals["subject_type"] == "individual":
                person = people.get(vals["employee_id"], "")
            yield [
                number,
                vals["name"],
                units.get((vals["department_id"], vals["campaign_id"]), ""),
                person,
                fields_.get(vals["field_id"], ""),
                categories.get(vals["category_id"], ""),
                levels.get(vals["level_id"], ""),
                vals["area"],
                vals["registration_date"],
                self._dvk_yes_no(vals["is_supplementary"]),
                approvers.get(vals["approver_id"], ""),
                states.get(vals["state"], vals["state"]),
                levels.get(vals["recognized_level_id"], ""),
            ]

    def generate_xlsx_report(self, workbook, data, objs):
        # As the user, all at once: AccessError for a model out of scope.
        values = self._dvk_read(objs, self._dvk_fields)
        formats = self._dvk_formats(workbook)
        columns = self._dvk_columns()
        sheet = self._dvk_add_sheet(
            workbook,
            formats,
            self.env._("Models"),
            self.env._('Registration list of "Dân vận khéo" models'),
            self._dvk_campaign_subtitle(vals["campaign_id"] for vals in values),
            columns,
        )
        next_row = self._dvk_write_rows(sheet, formats, columns, self._dvk_rows(values))
        self._dvk_autofilter(sheet, _HEADER_ROW, next_row, len(columns))


class DvkDecisionResultsXlsx(models.AbstractModel):
    """Recognition results: one row per line of the selected decisions."""

    _name = "report.dvk_models.decision_results_xlsx"
    _inherit = "report.dvk_models.xlsx_base"
    _description = "DVK Recognition Results (XLSX)"

    def _dvk_columns(self):
        return [
            (self.env._("No."), 6, "number"),
            (self.env._("Decision Number"), 16, "center"),
            (self.env._("Decision Date"), 14, "date"),
            (self.env._("Level"), 14, "center"),
            (self.env._("Unit"), 28, "text"),
            (self.env._("Model or Exemplar"), 45, "text"),
            (self.env._("Type"), 12, "center"),
            (self.env._("Field"), 22, "text"),
            (self.env._("Form of Commendation"), 22, "text"),
            (self.env._("Commendation Details"), 24, "text"),
            (self.env._("Decision State"), 14, "center"),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        # As the user, all at once: AccessError for a decision out of scope.
        decisions = {
            vals["id"]: vals
            for vals in objs.read(
                ["name", "date", "campaign_id", "level_id", "state"], load=None
            )
        }
        lines = self.env["dvk.decision.line"].search_fetch(
            [("decision_id", "in", list(decisions))],
            [
                "decision_id",
                "model_id",
                "exemplar_id",
                "department_id",
                "award_form",
                "award_note",
            ],
        )
        by_decision = {}
        for line in lines:
            by_decision.setdefault(line.decision_id.id, []).append(line)
        # The names and fields of the models that decisions the user can read
        # name, as the decision's lines show them (many2one names and the
        # related field_id are read as superuser); one query for all.
        all_models = self.env["dvk.model"].sudo()  # sudo: see the comment above
        named = all_models.with_context(active_test=False).search_fetch(
            [("id", "in", lines.model_id.ids)], ["name", "field_id"]
        )
        models_ = {model.id: model.display_name for model in named}
        model_fields = {model.id: model.field_id.id for model in named}
        exemplars = self._dvk_names("dvk.exemplar", lines.exemplar_id.ids)
        units = self._dvk_names("hr.department", lines.department_id.ids)
        fields_ = self._dvk_names("dvk.field", model_fields.values())
        levels = self._dvk_names(
            "dvk.level", (vals["level_id"] for vals in decisions.values())
        )
        states = self._dvk_selection("dvk.decision", "state")
        awards = self._dvk_selection("dvk.decision.line", "award_form")
        kind_model = self.env._("Model")
        kind_exemplar = self.env._("Exemplar")

        def rows():
            number = 0
            for decision_id in objs.ids:
                decision = decisions[decision_id]
                for line in by_decision.get(decision_id, []):
                    number += 1
                    model_id = line.model_id.id
                    yield [
                        number,
                        decision["name"] or "",
                        decision["date"],
                        levels.get(decision["level_id"], ""),
                        units.get(line.department_id.id, ""),
                        models_.get(model_id)
                        if model_id
                        else exemplars.get(line.exemplar_id.id, ""),
                        kind_model if model_id else kind_exemplar,
                        fields_.get(model_fields.get(model_id), ""),
                        awards.get(line.award_form, "") if line.award_form else "",
                        line.award_note or "",
                        states.get(decision["state"], decision["state"]),
                    ]

        formats = self._dvk_formats(workbook)
        columns = self._dvk_columns()
        sheet = self._dvk_add_sheet(
            workbook,
            formats,
            self.env._("Recognition Results"),
            self.env._('Recognition results of "Dân vận khéo" models and exemplars'),
            self._dvk_campaign_subtitle(
                vals["campaign_id"] for vals in decisions.values()
            ),
            columns,
        )
        next_row = self._dvk_write_rows(sheet, formats, columns, rows())
        self._dvk_autofilter(sheet, _HEADER_ROW, next_row, len(columns))


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
        group_row = _HEADER_ROW
        header_row = _HEADER_ROW + 1
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
        self._dvk_autofilter(sheet, _HEADER_ROW, next_row, len(columns))
