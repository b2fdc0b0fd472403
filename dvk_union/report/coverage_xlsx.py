from odoo import models

from .dvk_union_report_mixin import missing_names


class DvkUnionCoverageXlsx(models.AbstractModel):
    """Coverage of base unions per union directly above them, with the base
    unions without a model and the province-level minimum."""

    _name = "report.dvk_union.coverage_xlsx"
    _inherit = "report.dvk_models.xlsx_base"
    _description = "DVK XLSX: Coverage of Base Unions"

    def _dvk_columns(self, coverage):
        """The columns; the first names the unions above the base unions in
        the words of the coverage's campaign chain."""
        return [
            (coverage.upper_level_label or "Công đoàn cấp trên", 40, "text"),
            ("Số CĐCS", 12, "number"),
            ("Số CĐCS có mô hình", 14, "number"),
            ("Tỷ lệ (%)", 12, "decimal"),
            ("CĐCS chưa có mô hình", 50, "text"),
            ("Mô hình đăng ký cấp tỉnh", 14, "number"),
            ("Đạt tối thiểu 01 mô hình cấp tỉnh", 16, "text"),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        formats = self._dvk_formats(workbook)
        for coverage in objs:
            columns = self._dvk_columns(coverage)
            sheet = self._dvk_add_sheet(
                workbook,
                formats,
                f"{coverage.campaign_id.year}",
                'TỶ LỆ CÔNG ĐOÀN CƠ SỞ CÓ MÔ HÌNH "DÂN VẬN KHÉO"',
                coverage.campaign_id.name,
                columns,
            )
            rows = [
                [
                    line.upper_id._dvk_name_with_formerly(coverage.campaign_id.date_end)
                    if line.upper_id
                    else "",
                    line.base_count,
                    line.covered_count,
                    line.share,
                    missing_names(line),
                    line.province_count,
                    "Đạt" if line.province_ok else "Chưa đạt",
                ]
                for line in coverage.line_ids
            ]
            row = self._dvk_write_rows(sheet, formats, columns, rows)
            # The total row the printed report has, from the same figures.
            total = coverage._dvk_total_row()
            sheet.write_string(row, 0, total["label"], formats["total_label"])
            for col, key in (
                (1, "base_count"),
                (2, "covered_count"),
                (5, "province_count"),
            ):
                sheet.write_number(row, col, total[key], formats["total"])
            sheet.write_number(row, 3, total["share"], formats["total_decimal"])
            for col in (4, 6):
                sheet.write_blank(row, col, None, formats["total_label"])
