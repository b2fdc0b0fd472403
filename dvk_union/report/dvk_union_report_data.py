"""Values of the trade-union forms (seed 004): the submission letter with its
dossier list, the achievement summary, the registration summary of a district
federation or sector union to the provincial federation, and the coverage
report. The header is the union's: the union above, then the issuing union,
beside the national motto. Documents are read as the current user."""

from odoo import api, models

from odoo.addons.dvk_models.report.dvk_report_data import short_date
from odoo.addons.dvk_models.tools.rules import vn_sort_key

from ..models.hr_department import UPPER_KINDS

REACH_LABELS = {
    "base": "Trong phạm vi công đoàn cơ sở",
    "district": "Phạm vi cấp huyện, ngành",
    "province": "Phạm vi toàn tỉnh",
}
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


class ReportDvkUnionMixin(models.AbstractModel):
    _name = "dvk.union.report.mixin"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Trade Union Printed Form Helpers"
    # Seed 004's forms: the union's header and authorities.
    _dvk_profiles = ("union",)

    @api.model
    def _dvk_union_header(self, unit, kind, date=None):
        """The union header: the superior body of the unit's data, else the
        union directly above (e.g. LĐLĐ TỈNH NINH THUẬN), over the issuing
        union, the number left blank for the clerk."""
        header = self._dvk_header(unit, self._dvk_number(unit, kind), date)
        above = unit and unit._dvk_union_ancestor(
            ("base", "district", "sector", "province")
        )
        if above and not unit.dvk_superior_name:
            header["upper"] = (above.dvk_header_name or above.name).upper()
        return header

    @api.model
    def _dvk_union_reach_label(self, record):
        """The reach of a model as union documents word it: the level
        between the base unions and the province is named by the campaign's
        chain ("Phạm vi cấp trên trực tiếp cơ sở" since the district
        federations ended), else the guidance's own words."""
        if record.union_reach == "district":
            level = self.env.ref("dvk_models.dvk_level_district")
            if self._dvk_level_step(level, record.campaign_id).document_name:
                return f"Phạm vi {self._dvk_level_phrase(level, record.campaign_id)}"
        return REACH_LABELS.get(record.union_reach, "")

    @api.model
    def _dvk_union_level_label(self, model):
        """ "Cấp tỉnh", "Cấp cơ sở" ...: the level a model is registered to be
        carried out at, in the words of its campaign's chain."""
        phrase = self._dvk_level_phrase(model.union_level_id, model.campaign_id)
        return phrase[:1].upper() + phrase[1:]

    @api.model
    def _dvk_default_titles(self, unit):
        """A union is led by its chairman (Chủ tịch), with vice-chairmen."""
        if unit.dvk_union_kind:
            return "Chủ tịch", "Phó Chủ tịch"
        return super()._dvk_default_titles(unit)

    @api.model
    def _dvk_union_proposer(self, record):
        """Who proposes a record to the unit of its reach: the provincial
        federation for a province-wide one, else the union unit just below
        the recognising one (the base union for district-wide reach)."""
        unit = record.department_id
        if record.union_reach == "province":
            return unit._dvk_union_province() or unit
        if record.union_reach == "district":
            return unit._dvk_union_unit(("base",)) or unit
        return unit

    @api.model
    def _dvk_union_receiver(self, record):
        """The recognising unit; the provincial DVK board for a province-wide
        record, which submits it to the People's Committee."""
        if record.union_reach == "province":
            province = record.department_id._dvk_union_province()
            # sudo: the board is configuration of the federation
            board = province.sudo().dvk_union_board_id
            return board.name or ""
        return record.union_authority_id.name or ""

    @api.model
    def _dvk_union_dossier(self, record):
        """The dossier list: each document, its copies and what was handed in."""
        record._dossier_sync()
        fname = record._dvk_line_field()
        lines = self.env["dvk.dossier.line"].search(
            [(fname, "=", record.id), ("stage", "=", "propose")]
        )
        rows = []
        for line in lines:
            rows.append(
                {
                    "name": line.template_id.with_context(lang=self._dvk_lang()).name,
                    "copies": f"{line.copies:02d} bản",
                    "reference": line.reference or "",
                    "status": (
                        "Không áp dụng"
                        if line.not_required
                        else ("Đã có" if line.provided else "Còn thiếu")
                    ),
                }
            )
        return rows


class ReportDvkUnionSubmission(models.AbstractModel):
    """Tờ trình đề nghị công nhận và khen thưởng, with the dossier list."""

    _name = "report.dvk_union.report_dvk_union_submission"
    _inherit = ["dvk.union.report.mixin"]
    _description = "DVK Report: Trade Union Submission Letter"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        letters = {}
        for model in docs:
            proposer = self._dvk_union_proposer(model)
            letters[model.id] = {
                "header": self._dvk_union_header(
                    proposer, "TTr", self._dvk_proposal_date(model)
                ),
                "unit_name": proposer.name or "",
                "receiver": self._dvk_union_receiver(model) or "",
                "reach": self._dvk_union_reach_label(model),
                "subject": self._dvk_subject(model),
                "dossier": self._dvk_union_dossier(model),
                "signature": self._dvk_unit_signature(
                    proposer, position="Chủ tịch", note=None
                ),
            }
        return {"letters": letters}


class ReportDvkUnionAchievement(models.AbstractModel):
    """Tóm tắt thành tích: the achievement summary of a model."""

    _name = "report.dvk_union.report_dvk_union_achievement"
    _inherit = ["dvk.union.report.mixin"]
    _description = "DVK Report: Trade Union Achievement Summary"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        recognitions = self._dvk_recognitions(docs)
        # sudo: only counts of the replications of the models printed
        events = docs.sudo().union_event_ids
        summaries = {}
        for model in docs:
            level, decision = recognitions.get(model.id, (None, None))
            own_events = events.filtered(lambda e, m=model: e.model_id.id == m.id)
            summaries[model.id] = {
                "header": self._dvk_union_header(
                    model.department_id, "TTTT", self._dvk_proposal_date(model)
                ),
                "subject": self._dvk_subject(model),
                "reach": self._dvk_union_reach_label(model),
                "recognition": (
                    f"{self._dvk_level_name(level, model.campaign_id)}: "
                    f"Quyết định số {decision.name} ngày "
                    f"{short_date(decision.date)}"
                    if decision
                    else ""
                ),
                "events": [
                    {
                        "kind": "Tham quan thực tế"
                        if e.kind == "site_visit"
                        else "Hội nghị nhân rộng",
                        "date": short_date(e.date),
                        "place": e.place,
                        "units": e.unit_count,
                    }
                    for e in own_events.sorted("date")
                ],
                "replications": model.replication_count,
                "signature": self._dvk_unit_signature(
                    model.department_id, position="Chủ tịch"
                ),
            }
        return {"summaries": summaries}


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
                        "missing": ", ".join(line.missing_ids.mapped("name")),
                        "year": coverage.campaign_id.year,
                        "signature": self._dvk_unit_signature(
                            upper, position="Chủ tịch"
                        ),
                    }
                )
            summaries[coverage.id] = pages
        return {"summaries": summaries, "upper_kinds": UPPER_KINDS}


class ReportDvkUnionCoverage(models.AbstractModel):
    _name = "report.dvk_union.report_dvk_union_coverage"
    _inherit = ["dvk.union.report.mixin"]
    _description = "DVK Report: Coverage of Base Unions"
    _dvk_model = "dvk.union.coverage"

    @api.model
    def _dvk_coverage_total(self, coverage):
        """The total row of the table: the export's, the rate printed with a
        decimal comma."""
        total = coverage._dvk_total_row()
        return dict(total, share=f"{total['share']:.1f}".replace(".", ","))

    @api.model
    def _dvk_prepare(self, docs, data):
        documents = {}
        for coverage in docs:
            issuer = coverage.issuer_department_id
            documents[coverage.id] = {
                "header": self._dvk_union_header(issuer, "BC", coverage.date),
                "year": coverage.campaign_id.year,
                "upper_label": coverage.upper_level_label,
                "unit_name": issuer.name or "",
                "scope": (
                    "Toàn tỉnh"
                    if issuer.dvk_union_kind == "province"
                    else (issuer.name or "Tổng số")
                ),
                "recipients": [
                    line.strip()
                    for line in (coverage.recipients or "").splitlines()
                    if line.strip()
                ],
                "signature": self._dvk_unit_signature(
                    issuer,
                    signer=coverage.signer_id,
                    position=coverage.signer_title,
                ),
            }
        return {
            "documents": documents,
            "totals": {c.id: self._dvk_coverage_total(c) for c in docs},
            "coverage_rows": {
                c.id: [
                    {
                        "upper": self._dvk_unit_name(
                            line.upper_id, c.campaign_id.date_end
                        ),
                        "base_count": line.base_count,
                        "covered_count": line.covered_count,
                        "share": f"{line.share:.1f}".replace(".", ","),
                        "missing": ", ".join(
                            sorted(line.missing_ids.mapped("name"), key=vn_sort_key)
                        ),
                        "province": line.province_count,
                    }
                    for line in c.line_ids
                ]
                for c in docs
            },
        }
