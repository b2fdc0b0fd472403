"""Bảng tổng hợp đăng ký: the registration summary of a district federation
or sector union."""

from odoo import api, models

from odoo.addons.dvk_models.tools.rules import vn_sort_key

from ..models.hr_department import UPPER_KINDS
from .dvk_union_report_mixin import missing_names

STATE_LABELS = {
    "draft": "Dự thảo",
    "submitted": "Đã đăng ký, chờ phê duyệt",
    "approved": "Đã phê duyệt, đang thực hiện",
    "proposed": "Đã đề nghị công nhận",
    "recognized": "Đã được công nhận",
    "refused": "Không phê duyệt",
    "removed": "Đưa ra khỏi danh sách",
    "carried_over": "Chuyển đánh giá năm sau",
}


class ReportDvkUnionRegistrationSummary(models.AbstractModel):
    """Bảng tổng hợp đăng ký mô hình of each district federation or sector
    union, sent to the provincial federation by 10/3 (seed 004 §V.1)."""

    _name = "report.dvk_union.report_dvk_union_registration_summary"
    _inherit = ["dvk.union.report.mixin"]
    _description = "DVK Report: Trade Union Registration Summary"
    _dvk_model = "dvk.union.coverage"

    @api.model
    def _dvk_prepare(self, docs, data):
        summaries = {}
        Model = self.env["dvk.model"]
        for coverage in docs:
            uppers = coverage.line_ids.upper_id
            models_ = Model.search(
                [
                    ("campaign_id", "=", coverage.campaign_id.id),
                    ("department_id", "child_of", uppers.ids),
                    ("state", "not in", ("draft", "refused")),
                ]
            )
            pages = []
            # The district federations and sector unions send their summary
            # to the provincial federation (§V.1); a row of base unions
            # directly under the federation sends none.
            for line in coverage.line_ids.filtered(
                lambda line: line.upper_id.dvk_union_kind in UPPER_KINDS
            ):
                upper = line.upper_id
                own = models_.filtered(
                    lambda m, u=upper: m.department_id._dvk_union_upper() == u
                )
                rows = []
                for model in sorted(
                    own,
                    key=lambda m: (
                        vn_sort_key(m.department_id.name),
                        vn_sort_key(m.name),
                    ),
                ):
                    rows.append(
                        {
                            "name": model.name,
                            "subject": self._dvk_subject(model),
                            "field": model.field_id.name or "",
                            "category": model.category_id.code or "",
                            "reach": self._dvk_union_reach_label(model),
                            "level": self._dvk_union_level_label(model),
                            "state": STATE_LABELS.get(model.state, ""),
                        }
                    )
                province = upper._dvk_union_province()
                pages.append(
                    {
                        "header": self._dvk_union_header(
                            upper, "BC", self._dvk_today()
                        ),
                        "unit_name": upper.name,
                        "receiver": province.name or "Liên đoàn Lao động tỉnh",
                        "rows": rows,
                        "province_count": line.province_count,
                        "base_count": line.base_count,
                        "covered_count": line.covered_count,
                        "missing": missing_names(line),
                        "year": coverage.campaign_id.year,
                        "signature": self._dvk_unit_signature(
                            upper, position="Chủ tịch"
                        ),
                    }
                )
            summaries[coverage.id] = pages
        return {"summaries": summaries, "upper_kinds": UPPER_KINDS}
