"""The registration table annexed to the regulation (Article 6.2)."""

from odoo import api, models

from odoo.addons.dvk_models.report.dvk_report_format import DOTS_NAME, short_date

from .dvk_statehub_report_mixin import ANNEX_REF


class ReportDvkStatehubRegistration(models.AbstractModel):
    """The registration table (Bảng đăng ký mô hình, điển hình "Dân vận
    khéo") of Article 6.2, with its three signature blocks."""

    _name = "report.dvk_statehub.report_dvk_statehub_registration"
    _inherit = ["dvk.statehub.report.mixin"]
    _description = "DVK Report: Registration Table (State Agencies)"
    _dvk_model = "dvk.statehub.registration"
    _dvk_profiles = None

    @api.model
    def _dvk_prepare(self, docs, data):
        codes = self._dvk_field_codes()
        tables = {}
        lines = docs.line_ids
        lines.model_id.fetch(
            ["name", "subject_type", "department_id", "employee_id", "field_id"]
        )
        for table in docs:
            rows = []
            for index, line in enumerate(table.line_ids, start=1):
                model = line.model_id
                subject = line.subject_name
                if model.subject_type != "individual":
                    # "C (formerly A, B)" for a unit that took over others
                    subject = self._dvk_unit_name(
                        model.department_id, self._dvk_period_end(model)
                    )
                rows.append(
                    {
                        "index": index,
                        "subject": subject,
                        "name": model.name,
                        "field": codes.get(model.field_id.id)
                        or model.field_id.code
                        or "",
                        "period": self._dvk_period(model.date_start, model.date_end),
                        "result": model.expected_result or "",
                        "note": line.note or "",
                    }
                )
            unit = table.department_id
            approved = table.state == "approved"
            tables[table.id] = {
                "header": self._dvk_header(
                    unit, None, table.approval_date, party=False
                ),
                "rows": rows,
                "leadership": self._dvk_person_signature(
                    "XÁC NHẬN, DUYỆT CỦA LÃNH ĐẠO CƠ QUAN, ĐƠN VỊ",
                    unit.manager_id.name or DOTS_NAME,
                    note="(Ký tên, đóng dấu)",
                ),
                "committee": self._dvk_person_signature(
                    "XÁC NHẬN, DUYỆT CỦA BCĐ QCDC VÀ PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO”",
                    (table.approver_id.name if approved else "") or DOTS_NAME,
                    note=(
                        f"(Đã phê duyệt ngày {short_date(table.approval_date)})"
                        if approved
                        else "(Ký tên, đóng dấu)"
                    ),
                ),
                "registrant": self._dvk_person_signature(
                    "TẬP THỂ/CÁ NHÂN ĐĂNG KÝ", DOTS_NAME, note="(Ký tên)"
                ),
                "annex_ref": self._dvk_cite(ANNEX_REF, table.campaign_id),
            }
        return {"tables": tables}
