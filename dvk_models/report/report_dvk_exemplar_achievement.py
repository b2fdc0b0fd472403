"""Báo cáo thành tích: the achievement report of an exemplar."""

from odoo import api, models

from .dvk_report_format import short_date


class ReportDvkExemplarAchievement(models.AbstractModel):
    """Báo cáo thành tích: outline of the achievement report of an exemplar,
    filled from its file, its recognised models and its emulation titles."""

    _name = "report.dvk_models.report_dvk_exemplar_achievement"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Achievement Report"
    _dvk_model = "dvk.exemplar"

    @api.model
    def _dvk_prepare(self, docs, data):
        titles = self.env["hr.emulation.title"].search(
            [
                "|",
                ("employee_id", "in", docs.employee_id.ids),
                ("department_id", "in", docs.department_id.ids),
            ],
            order="year desc, id desc",
        )
        reports = {}
        for exemplar in docs:
            individual = exemplar.subject_type == "individual"
            unit = exemplar.department_id
            if individual:
                own_titles = titles.filtered(
                    lambda t, e=exemplar: t.employee_id == e.employee_id
                )
                signature = self._dvk_person_signature(
                    "NGƯỜI BÁO CÁO THÀNH TÍCH", exemplar.employee_id.name or ""
                )
            else:
                own_titles = titles.filtered(
                    lambda t, e=exemplar: (
                        not t.employee_id and t.department_id == e.department_id
                    )
                )
                signature = self._dvk_unit_signature(
                    unit, note="(Ký, ghi rõ họ tên, đóng dấu)"
                )
            upper = self._dvk_receiver(unit, self._dvk_proposal_date(exemplar))
            reports[exemplar.id] = {
                "header": self._dvk_header(
                    unit, date=self._dvk_proposal_date(exemplar)
                ),
                "individual": individual,
                "name": exemplar.name or "",
                "job_title": self._dvk_job_title(exemplar.employee_id),
                "unit_name": unit.name or "",
                "upper_name": upper.name or "",
                "manager": unit.manager_id.name or "",
                "year": exemplar.year,
                "model_rows": self._dvk_model_rows(exemplar.model_ids),
                "titles": [
                    {
                        "year": title.year,
                        "name": title.type_id.name or "",
                        "decision": " ".join(
                            filter(None, [title.decision_ref, short_date(title.date)])
                        ),
                    }
                    for title in own_titles
                ],
                "upper_signature": self._dvk_person_signature(
                    (upper.name or "Thủ trưởng đơn vị cấp trên").upper(),
                    "",
                    note="(Ký, đóng dấu)",
                    prefix="XÁC NHẬN CỦA CẤP TRÌNH KHEN",
                ),
                "signature": signature,
            }
        return {"reports": reports}
