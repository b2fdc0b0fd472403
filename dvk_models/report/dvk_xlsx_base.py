"""The base of the XLSX exports (OCA report_xlsx). Each export is one small
model in a file of its own (``*_xlsx.py``) implementing
``generate_xlsx_report``, as OCA's ``report_partner_xlsx`` does; what they
share is here: the safe workbook, the formats (fonts, borders, number and
date formats), the title rows, the header row with its column widths, the
typed cell writers and the readers of names.

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
FORMULA_PREFIXES = ("=", "+", "-", "@")

# Rows of a sheet: the title, the subtitle, then the header.
TITLE_ROW = 0
SUBTITLE_ROW = 1
HEADER_ROW = 2


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
        sheet.set_row(TITLE_ROW, 30)
        for row, text, fmt in (
            (TITLE_ROW, title, formats["title"]),
            (SUBTITLE_ROW, subtitle, formats["subtitle"]),
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
            sheet.write_string(HEADER_ROW, col, label, formats["header"])
        sheet.freeze_panes(HEADER_ROW + 1, 0)
        self._dvk_page_setup(sheet, HEADER_ROW)
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
            if text.startswith(FORMULA_PREFIXES):
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
                HEADER_ROW + 1,
                kinds,
                cell_formats,
                (FORMULA_PREFIXES, formats["text_quoted"]),
                rows,
            )
        dates = [kind == "date" for kind in kinds]
        quoted = formats["text_quoted"]
        write_blank = sheet.write_blank
        write_datetime = sheet.write_datetime
        write_number = sheet.write_number
        write_string = sheet.write_string
        row = HEADER_ROW + 1
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
                    if text.startswith(FORMULA_PREFIXES):
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
