"""PV05's aggregate report of a police campaign's models."""

from odoo import api, models

from odoo.addons.dvk_models.report.dvk_report_format import DOTS_NAME, short_date
from odoo.addons.dvk_models.tools.rules import vn_sort_key

KIND_ORDER = ["province", "province_unit", "mass_org", "district", "team", "commune"]
KIND_LABELS = {
    "province": "Cơ quan Công an tỉnh",
    "province_unit": "Công an các đơn vị thuộc Công an tỉnh",
    "mass_org": "Các tổ chức quần chúng Công an tỉnh",
    "district": "Công an cấp huyện",
    "team": "Đội nghiệp vụ và tương đương",
    "commune": "Công an cấp xã",
}
STATE_LABELS = {
    "approved": "Đã phê duyệt, đang thực hiện",
    "proposed": "Đã đề nghị công nhận",
    "recognized": "Đã được công nhận",
    "carried_over": "Chuyển đánh giá năm sau",
}


class ReportDvkPolicePv05(models.AbstractModel):
    """PV05's aggregate report of the approved models of a police campaign,
    for the Ministry (through Cục V05) and the provincial mass-mobilisation
    board (seed 002 §I step 2)."""

    _name = "report.dvk_police.report_dvk_police_pv05"
    _inherit = ["dvk.police.report.mixin"]
    _description = "DVK Police PV05 Aggregate Report"
    _dvk_model = "dvk.campaign"

    @api.model
    def _dvk_pv05_rows(self, campaign):
        models_ = self.env["dvk.model"].search(
            [
                ("campaign_id", "=", campaign.id),
                ("state", "in", list(STATE_LABELS)),
            ]
        )
        groups = {}
        for model in models_:
            kind = model.department_id.dvk_police_unit_kind or "province"
            groups.setdefault(kind, []).append(
                {
                    "name": model.name,
                    "subject": self._dvk_subject(model),
                    "field": model.field_id.name or "",
                    "approver": model.approver_id.name or "",
                    "approval_date": short_date(model.approval_date),
                    "state": STATE_LABELS[model.state],
                    "recognized": bool(model.recognized_level_id),
                }
            )
        sections = []
        index = 0
        for kind in KIND_ORDER:
            rows = sorted(
                groups.get(kind, []),
                key=lambda r: (vn_sort_key(r["subject"]), vn_sort_key(r["name"])),
            )
            if not rows:
                continue
            for row in rows:
                index += 1
                row["index"] = index
            sections.append(
                {
                    "label": KIND_LABELS[kind],
                    "rows": rows,
                    "recognized": sum(1 for r in rows if r["recognized"]),
                }
            )
        return sections, len(models_), sum(1 for m in models_ if m.recognized_level_id)

    @api.model
    def _dvk_prepare(self, docs, data):
        reports = {}
        for campaign in docs:
            pv05 = self.env["hr.department"].search(
                [("dvk_police_is_pv05", "=", True)], limit=1
            )
            province = pv05._dvk_police_ancestor(("province",)) if pv05 else pv05
            date = self._dvk_today()
            # The provincial Party board of the report's date (the Ban Dân
            # vận merged into the Ban Tuyên giáo và Dân vận in 2025): its
            # dated receiver, else the unit informed, else dots for the clerk
            # (never a body's name the data do not give).
            board = self.env["dvk.receiver"]._dvk_on(
                province, "police_informed", date
            )._dvk_text() or (province.dvk_police_informed_id.name or DOTS_NAME)
            sections, total, recognized = self._dvk_pv05_rows(campaign)
            reports[campaign.id] = {
                "header": self._dvk_header(
                    pv05,
                    number=self._dvk_number(pv05, "BC") if pv05 else False,
                    date=date,
                ),
                "receivers": [
                    "Cục V05 - Bộ Công an",
                    board,
                ],
                "province": province.name or self.env.company.name,
                "sections": sections,
                "total": total,
                "recognized": recognized,
                "signature": self._dvk_unit_signature(pv05)
                if pv05
                else self._dvk_person_signature("TRƯỞNG PHÒNG", ""),
            }
        return {"reports": reports}
