"""Values of the state-agency forms (Decision 976/QĐ-UBND of the Trà Vinh
People's Committee): the registration table annexed to the regulation, the
steering committee's proposal for commendation, and the reports to Sở Nội vụ.
State documents: the national header of Decree 30/2020/NĐ-CP. Read as the
current user."""

import datetime

from odoo import api, models

from odoo.addons.dvk_models.report.dvk_report_data import (
    BLANK_NUMBER,
    DOTS_NAME,
    short_date,
)

ANNEX_REF = (
    "(Kèm theo Quyết định số: 976/QĐ-UBND ngày 26 tháng 6 năm 2023 "
    "của Ủy ban nhân dân tỉnh Trà Vinh)"
)
REGULATION = (
    "Quyết định số 976/QĐ-UBND ngày 26 tháng 6 năm 2023 của Ủy ban nhân dân "
    "tỉnh Trà Vinh"
)
REGULATION_TITLE = (
    f"{REGULATION} ban hành Quy định tiêu chí xây dựng và phương pháp đánh giá "
    "mô hình, điển hình “Dân vận khéo” trong các cơ quan hành chính Nhà nước "
    "trên địa bàn tỉnh Trà Vinh"
)


class ReportDvkStatehubMixin(models.AbstractModel):
    _name = "dvk.statehub.report.mixin"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK State Agencies Printed Form Helpers"
    _dvk_profiles = ("statehub",)

    @api.model
    def _dvk_field_codes(self):
        """The codes the regulation prints (KT, VH-XH, AN-QP, XD HTCT)."""
        notes = self.env["dvk.statehub.field.note"].search(
            [("profile", "=", "statehub")]
        )
        return {note.field_id.id: note.code_label for note in notes}

    @api.model
    def _dvk_cite(self, text, campaign):
        """A citation of the regulation as read in the campaign's period: the
        former province it names followed by "(nay là tỉnh ...)" once it was
        merged (the units' lineage)."""
        date = campaign.date_end or (
            datetime.date(campaign.year, 12, 31) if campaign.year else None
        )
        return self.env["hr.department"]._dvk_now_named(text, date)

    @api.model
    def _dvk_period(self, date_start, date_end):
        if date_start and date_end:
            return f"{short_date(date_start)} - {short_date(date_end)}"
        return short_date(date_start or date_end)


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


class ReportDvkStatehubCommendation(models.AbstractModel):
    """The steering committee's submission letter proposing commendation to
    the People's Committee or the head of the department (Article 7.2)."""

    _name = "report.dvk_statehub.report_dvk_statehub_commendation"
    _inherit = ["dvk.statehub.report.mixin"]
    _description = "DVK Report: Commendation Proposal (State Agencies)"
    _dvk_model = "dvk.statehub.commendation"
    _dvk_profiles = None

    @api.model
    def _dvk_prepare(self, docs, data):
        letters = {}
        award = {
            "giay_khen": "Giấy khen",
            "bang_khen": "Bằng khen",
            "other": "hình thức khen thưởng khác",
        }
        for letter in docs:
            committee = letter.committee_id
            rows = self._dvk_model_rows(letter.model_ids)
            exemplars = [
                {"index": i, "name": e.name, "subject": self._dvk_subject(e)}
                for i, e in enumerate(letter.exemplar_ids, start=len(rows) + 1)
            ]
            letters[letter.id] = {
                "header": self._dvk_header(
                    committee,
                    letter.name or self._dvk_number(committee, "TTr"),
                    letter.date,
                    party=False,
                ),
                "receiver": letter.authority_title,
                "rows": rows,
                "exemplars": exemplars,
                "award": award.get(letter.award_form, ""),
                "regulation": self._dvk_cite(REGULATION_TITLE, letter.campaign_id),
                "signature": self._dvk_unit_signature(committee),
            }
        return {"letters": letters}


class ReportDvkStatehubHomeAffairs(models.AbstractModel):
    """The report of the agencies to Sở Nội vụ (Article 8), with the list of
    Article 7.3 for the October report."""

    _name = "report.dvk_statehub.report_dvk_statehub_home_affairs"
    _inherit = ["dvk.statehub.report.mixin"]
    _description = "DVK Report: Report to Sở Nội vụ"
    _dvk_model = "dvk.statehub.report"
    _dvk_profiles = None

    @api.model
    def _dvk_prepare(self, docs, data):
        codes = self._dvk_field_codes()
        reports = {}
        for report in docs:
            # The issuing unit's data, never the company's name.
            issuer = report.issuer_department_id
            number = report.number or issuer._dvk_document_number(
                "BC", BLANK_NUMBER, party=False
            )
            # The agencies of the year, "C (formerly A, B)" when C took over
            # A and B by the end of the campaign.
            period_end = report.campaign_id.date_end
            rows = [
                {
                    "agency": self._dvk_unit_name(line.agency_id, period_end),
                    "field": codes.get(line.field_id.id) or line.field_id.code or "",
                    "level": line.level_label,
                    "collective": line.collective_count,
                    "individual": line.individual_count,
                    "registered": line.registered_count,
                    "approved": line.approved_count,
                    "recognized": line.recognized_count,
                    "commendation": line.commendation_count,
                }
                for line in report.line_ids
            ]
            reports[report.id] = {
                "stamp": "DỰ THẢO" if report.state == "draft" else False,
                "header": self._dvk_header(
                    issuer, number, report.date_sent, party=False
                ),
                "addressee": report.addressee_id.name or "",
                "regulation": self._dvk_cite(REGULATION, report.campaign_id),
                "recipients": [
                    line.strip()
                    for line in (report.recipients or "").splitlines()
                    if line.strip()
                ],
                "signature": self._dvk_unit_signature(
                    issuer,
                    signer=report.signer_id,
                    position=report.signer_title,
                    note="(Ký, ghi rõ họ tên, đóng dấu)",
                ),
                "rows": rows,
                "totals": {
                    key: sum(r[key] for r in rows)
                    for key in (
                        "collective",
                        "individual",
                        "registered",
                        "approved",
                        "recognized",
                        "commendation",
                    )
                },
                "consecutive": [
                    {
                        "index": i,
                        "kind": "Mô hình" if c.record_type == "model" else "Điển hình",
                        "name": c.name,
                        "subject": c.subject_name or "",
                        "agency": self._dvk_unit_name(c.agency_id, period_end),
                        "years": c.years,
                        "year_list": c.year_list or "",
                    }
                    for i, c in enumerate(report.consecutive_ids, start=1)
                ],
            }
        return {"reports": reports}


class ReportDvkDecision(models.AbstractModel):
    _inherit = "report.dvk_models.report_dvk_decision"

    @api.model
    def _dvk_legal_bases(self, decision):
        """A guidance document naming a province merged by the decision's
        date is cited with "(nay là tỉnh ...)" (the units' lineage); an
        earlier decision reprints as issued."""
        return [
            self.env["hr.department"]._dvk_now_named(basis, decision.date)
            for basis in super()._dvk_legal_bases(decision)
        ]
