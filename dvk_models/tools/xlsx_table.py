"""A worksheet that writes one large table of rows straight into its XML.

xlsxwriter keeps every cell as an object until the workbook is closed, then
writes each one through generic code (attribute lists, escaping, cell types):
for the tens of thousands of rows of a DVK export, that is most of the time.
The rows of a table have a known shape (a format per column, and text, whole
numbers, dates or blanks), so :class:`TableWorksheet` turns each row into its
``<row>`` element as soon as it is given, and writes those elements in place
at close. Everything else on the sheet (titles, headers, merged cells, column
widths, filters, panes, print set-up) goes through xlsxwriter as usual.

Text goes into the workbook's shared string table exactly as
``write_string`` puts it there, so it is never read as a formula, a number
or a link; the cells hold the index of their string.
"""

from xlsxwriter.utility import datetime_to_excel_datetime, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

# Excel's limit of characters in a cell; xlsxwriter truncates likewise.
MAX_STRING = 32767


class TableWorksheet(Worksheet):
    """A worksheet with tables written by :meth:`write_table`."""

    def __init__(self):
        super().__init__()
        self.dvk_tables = []  # (first row, last row, [row XML])

    def write_table(self, first_row, kinds, cell_formats, quoted_format, rows):
        """Write ``rows`` (lists of values, one per column) from
        ``first_row`` on; returns the next free row.

        ``kinds[col]`` is ``"date"`` for a date column; ``cell_formats[col]``
        the format of the column's cells; a text starting with one of
        ``quoted_format[0]`` gets the format ``quoted_format[1]`` (Excel's
        quote prefix). Empty values (None, False, "") are blank cells with
        the column's format, whole and real numbers are numbers, dates are
        dates, anything else is text.
        """
        if self.constant_memory:
            raise ValueError("a table cannot be written in constant_memory mode")
        prefixes, quoted = quoted_format
        refs = [xl_col_to_name(col) for col in range(len(cell_formats))]
        styles = [fmt._get_xf_index() if fmt else 0 for fmt in cell_formats]
        style_attrs = [f' s="{style}"' if style else "" for style in styles]
        quoted_attr = f' s="{quoted._get_xf_index()}"'
        dates = [kind == "date" for kind in kinds]
        shared = self.str_table._get_shared_string_index
        serials = {}
        date_1904, remove_timezone = self.date_1904, self.remove_timezone
        spans = f' spans="1:{len(cell_formats)}"'
        xml = []
        append = xml.append
        row = first_row
        for values in rows:
            number = row + 1
            cells = []
            for col, value in enumerate(values):
                ref = refs[col]
                if value is None or value is False or value == "":
                    cells.append(f'<c r="{ref}{number}"{style_attrs[col]}/>')
                elif dates[col]:
                    serial = serials.get(value)
                    if serial is None:
                        serial = serials[value] = datetime_to_excel_datetime(
                            value, date_1904, remove_timezone
                        )
                    cells.append(
                        f'<c r="{ref}{number}"{style_attrs[col]}>'
                        f"<v>{serial:.16G}</v></c>"
                    )
                elif type(value) in (int, float):
                    cells.append(
                        f'<c r="{ref}{number}"{style_attrs[col]}>'
                        f"<v>{value:.16G}</v></c>"
                    )
                else:
                    text = str(value)[:MAX_STRING]
                    attr = (
                        quoted_attr if text.startswith(prefixes) else style_attrs[col]
                    )
                    cells.append(
                        f'<c r="{ref}{number}"{attr} t="s"><v>{shared(text)}</v></c>'
                    )
            append(f'<row r="{number}"{spans}>{"".join(cells)}</row>')
            row += 1
        if row > first_row:
            # The sheet's dimensions (and its limits) as xlsxwriter keeps them.
            if self._check_dimensions(row - 1, len(cell_formats) - 1) == -1:
                raise ValueError(f"{row} rows are more than a worksheet holds")
            self._check_dimensions(first_row, 0)
            self.dvk_tables.append((first_row, row - 1, xml))
        return row

    def _write_rows(self):
        """The cells written the usual way, with the tables' rows in their
        place among them (rows must come in order in the sheet's XML)."""
        if not self.dvk_tables:
            return super()._write_rows()
        tables = sorted(self.dvk_tables, key=lambda table: table[0])
        for first, last, _xml in tables:
            overlap = [r for r in self.table if first <= r <= last and self.table[r]]
            if overlap:
                raise ValueError(
                    f"cells were written in rows {overlap[0] + 1}... of a table"
                )
        low, high = self.dim_rowmin, self.dim_rowmax
        start = low
        try:
            for first, last, xml in tables:
                if start < first:
                    self.dim_rowmin, self.dim_rowmax = start, first - 1
                    super()._write_rows()
                self.fh.write("".join(xml))
                start = last + 1
            if start <= high:
                self.dim_rowmin, self.dim_rowmax = start, high
                super()._write_rows()
        finally:
            self.dim_rowmin, self.dim_rowmax = low, high
        return None
