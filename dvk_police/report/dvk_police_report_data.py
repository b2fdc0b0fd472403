"""Values of the police forms (seed 002): the request for approval of a model
(văn bản xin chủ trương), the police submission letter (tờ trình), PV05's
aggregate report to the Ministry (Cục V05) and the provincial board, and the
periodic reports of a model. Documents are read as the current user."""

from odoo import api, models

from odoo.addons.dvk_models.report.dvk_report_data import short_date
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


class ReportDvkPoliceMixin(models.AbstractModel):
    _name = "dvk.police.report.mixin"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Police Printed Form Helpers"
    # Seed 002's forms: they address the police leadership and PV05.
    _dvk_profiles = ("police",)

    @api.model
    def _dvk_police_authority_name(self, unit, with_district=True):
        """Who a document of today is addressed to (seed 002 §I step 2);
        without the district police for a campaign after 1/3/2025."""
        police_unit = unit._dvk_police_unit()
        authority = (
            police_unit._dvk_police_authority(with_district) if police_unit else unit
        )
        return self._dvk_police_addressee(authority)

    @api.model
    def _dvk_police_addressee(self, authority):
        """ "Trưởng Công an huyện ..." for a district police, "Lãnh đạo ..."
        for the provincial police and its units."""
        if not authority:
            return ""
        if authority.dvk_police_kind == "district":
            return f"Trưởng {authority.name}"
        return f"Lãnh đạo {authority.name}"

    @api.model
    def _dvk_police_authority_on(self, record, date):
        """The police unit whose head decides on ``record``, as the approval
        routing stood on ``date`` (the date of the document printed), so
        that a document reprints as issued: a district police dissolved
        since still decides for the records before its end, and when the
        record's approver decided for a unit merged since into today's
        authority (the district police into the provincial police on
        1/3/2025), that unit."""
        police_unit = record.department_id._dvk_police_unit()
        if not police_unit:
            return police_unit
        authority = police_unit._dvk_police_authority(
            record._dvk_police_with_district(), date
        )
        return self._dvk_unit_on(authority, date, record.approver_id)


class ReportDvkPoliceRequest(models.AbstractModel):
    """Văn bản xin chủ trương xây dựng mô hình (seed 002 §I step 2)."""

    _name = "report.dvk_police.report_dvk_police_request"
    _inherit = ["dvk.police.report.mixin"]
    _description = "DVK Police Request for Approval of a Model"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        forms = {}
        for model in docs:
            unit = model.department_id
            # Addressed as the routing stood on the day of the letter (or of
            # the approval when it has no date of its own): a letter of
            # February 2025 went to the district police chief.
            date = model.registration_date or model.approval_date
            forms[model.id] = {
                "header": self._dvk_header(
                    unit,
                    number=self._dvk_number(unit, "BC"),
                    date=date,
                    approver=model.approver_id,
                ),
                "receiver": self._dvk_police_addressee(
                    self._dvk_police_authority_on(model, date)
                ),
                "timeline": "Từ ngày {} đến ngày {}".format(
                    short_date(model.date_start) or "......",
                    short_date(model.date_end) or "......",
                ),
                "signature": self._dvk_unit_signature(unit),
            }
        return {"forms": forms}


class ReportDvkPoliceSubmission(models.AbstractModel):
    """Tờ trình đề nghị công nhận mô hình (seed 002 §II.2)."""

    _name = "report.dvk_police.report_dvk_police_submission"
    _inherit = ["dvk.police.report.mixin"]
    _description = "DVK Police Submission Letter"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        unit = self._dvk_common_unit(docs.department_id)
        rows = self._dvk_model_rows(docs)
        years = sorted(set(docs.mapped("year")))
        return {
            "letter": {
                "header": self._dvk_header(
                    unit,
                    number=self._dvk_number(unit, "TTr"),
                    date=self._dvk_proposal_date(docs),
                ),
                "unit_name": unit.name or self.env.company.name,
                "receiver": self._dvk_police_authority_name(
                    unit, all(m._dvk_police_with_district() for m in docs)
                ),
                "year": ", ".join(str(y) for y in years),
                "rows": rows,
                "signature": self._dvk_unit_signature(unit),
            }
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
            board = province.dvk_police_informed_id
            sections, total, recognized = self._dvk_pv05_rows(campaign)
            reports[campaign.id] = {
                "header": self._dvk_header(
                    pv05,
                    number=self._dvk_number(pv05, "BC") if pv05 else False,
                    date=self._dvk_today(),
                ),
                "receivers": [
                    "Cục V05 - Bộ Công an",
                    board.name or "Ban Dân vận Tỉnh ủy",
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


class ReportDvkPolicePeriodic(models.AbstractModel):
    """Báo cáo sơ kết 06 tháng / tổng kết năm of a model (seed 002 §I step 4)."""

    _name = "report.dvk_police.report_dvk_police_periodic"
    _inherit = ["dvk.police.report.mixin"]
    _description = "DVK Police Periodic Report"
    _dvk_model = "dvk.police.report"

    @api.model
    def _dvk_prepare(self, docs, data):
        forms = {}
        for report in docs:
            model = report.model_id
            unit = model.department_id
            date = report.date_done or self._dvk_today()
            forms[report.id] = {
                "header": self._dvk_header(
                    unit,
                    number=self._dvk_number(unit, "BC"),
                    date=date,
                    approver=model.approver_id,
                ),
                "kind": "Sơ kết 06 tháng"
                if report.kind == "six_month"
                else "Tổng kết năm",
                # The authority of the report's date: a summary sent in June
                # 2025 went to the provincial police, the district police
                # having ended on 1 March.
                "receiver": self._dvk_police_addressee(
                    self._dvk_police_authority_on(model, date)
                ),
                "signature": self._dvk_unit_signature(unit),
            }
        return {"forms": forms}
