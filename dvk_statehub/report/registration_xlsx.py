"""The registration table of the state agencies (XLSX), with the columns of
the annexed form, from the values of its PDF."""

from odoo import models

from odoo.addons.dvk_models.report.dvk_xlsx_base import HEADER_ROW


class DvkStatehubRegistrationXlsx(models.AbstractModel):
    _name = "report.dvk_statehub.registration_xlsx"
    _inherit = "report.dvk_models.xlsx_base"
    _description = "DVK Registration Table (XLSX)"

    def _dvk_columns(self):
        return [
            ("TT", 6, "number"),
            ("Tên tập thể/ cá nhân thực hiện", 30, "text"),
            ("Tên mô hình", 45, "text"),
            ("Lĩnh vực", 12, "center"),
            ("Thời gian thực hiện", 24, "center"),
            ("Kết quả ước đạt", 40, "text"),
            ("Ghi chú", 20, "text"),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        report = self.env["report.dvk_statehub.report_dvk_statehub_registration"]
        values = report._dvk_prepare(objs, data or {})["tables"]
        formats = self._dvk_formats(workbook)
        columns = self._dvk_columns()
        for table in objs:
            sheet = self._dvk_add_sheet(
                workbook,
                formats,
                f"{table.id} {table.department_id.name or ''}",
                f"BẢNG ĐĂNG KÝ MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO” NĂM {table.year}",
                f"{table.department_id.name or ''} - {values[table.id]['annex_ref']}",
                columns,
            )
            rows = (
                [
                    row["index"],
                    row["subject"],
                    row["name"],
                    row["field"],
                    row["period"],
                    row["result"],
                    row["note"],
                ]
                for row in values[table.id]["rows"]
            )
            next_row = self._dvk_write_rows(sheet, formats, columns, rows)
            self._dvk_autofilter(sheet, HEADER_ROW, next_row, len(columns))
