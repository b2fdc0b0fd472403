"""The report to Sở Nội vụ (XLSX), from the values of its PDF."""

from odoo import models

from odoo.addons.dvk_models.report.dvk_xlsx_base import HEADER_ROW

# The sheet of the figures, named in Vietnamese as the file is (the report's
# kind is a technical key).
KIND_SHEETS = {"registration": "Đăng ký", "results": "Kết quả"}


class DvkStatehubHomeAffairsXlsx(models.AbstractModel):
    _name = "report.dvk_statehub.home_affairs_xlsx"
    _inherit = "report.dvk_models.xlsx_base"
    _description = "DVK Report to Sở Nội vụ (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        report = self.env["report.dvk_statehub.report_dvk_statehub_home_affairs"]
        values = report._dvk_prepare(objs, data or {})["reports"]
        formats = self._dvk_formats(workbook)
        base_columns = [
            ("STT", 6, "number"),
            ("Cơ quan, đơn vị, địa phương", 40, "text"),
            ("Lĩnh vực", 12, "center"),
            ("Cấp", 14, "center"),
            ("Tập thể", 10, "number"),
            ("Cá nhân", 10, "number"),
        ]
        # The figures of the report's month only, as the PDF prints them.
        kind_columns = {
            "registration": [
                ("Số mô hình đăng ký", 12, "number", "registered"),
                ("Đã phê duyệt", 12, "number", "approved"),
            ],
            "results": [
                ("Được công nhận", 12, "number", "recognized"),
                ("Đề nghị khen thưởng", 12, "number", "commendation"),
            ],
        }
        for report_rec in objs:
            figures = values[report_rec.id]
            extra = kind_columns[report_rec.kind]
            columns = base_columns + [column[:3] for column in extra]
            # The number and symbol of the report, as its PDF header says
            # it ("Số: 05/BC-BCĐ", or left for the clerk on a draft).
            sheet = self._dvk_add_sheet(
                workbook,
                formats,
                f"{report_rec.id} {KIND_SHEETS[report_rec.kind]}",
                f"{report_rec.name} - {figures['header']['number']}",
                f"Kính gửi: {figures['addressee']}",
                columns,
            )
            rows = (
                [
                    index,
                    row["agency"],
                    row["field"],
                    row["level"],
                    row["collective"],
                    row["individual"],
                    *(row[column[3]] for column in extra),
                ]
                for index, row in enumerate(figures["rows"], start=1)
            )
            next_row = self._dvk_write_rows(sheet, formats, columns, rows)
            self._dvk_autofilter(sheet, HEADER_ROW, next_row, len(columns))
            # The total row of the PDF, from the same figures.
            sheet.write_blank(next_row, 0, None, formats["total_label"])
            sheet.merge_range(next_row, 1, next_row, 3, "", formats["total_label"])
            sheet.write_string(next_row, 1, "Tổng cộng", formats["total_label"])
            keys = ["collective", "individual", *(column[3] for column in extra)]
            for col, key in enumerate(keys, start=4):
                sheet.write_number(
                    next_row, col, figures["totals"][key], formats["total"]
                )
            if report_rec.kind != "results":
                continue
            list_columns = [
                ("STT", 6, "number"),
                ("Loại", 12, "text"),
                ("Tên mô hình, điển hình", 45, "text"),
                ("Tập thể, cá nhân", 30, "text"),
                ("Cơ quan, đơn vị", 30, "text"),
                ("Số năm liên tiếp", 10, "number"),
                ("Các năm", 20, "text"),
            ]
            sheet = self._dvk_add_sheet(
                workbook,
                formats,
                f"{report_rec.id} liên tiếp",
                "Danh sách mô hình, điển hình đạt liên tiếp 02 năm trở lên",
                report_rec.name,
                list_columns,
            )
            rows = (
                [
                    row["index"],
                    row["kind"],
                    row["name"],
                    row["subject"],
                    row["agency"],
                    row["years"],
                    row["year_list"],
                ]
                for row in figures["consecutive"]
            )
            next_row = self._dvk_write_rows(sheet, formats, list_columns, rows)
            self._dvk_autofilter(sheet, HEADER_ROW, next_row, len(list_columns))
