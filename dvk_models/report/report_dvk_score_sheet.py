"""Bản tự đánh giá, chấm điểm and phiếu chấm điểm: the score sheets."""

from odoo import api, fields, models

from .dvk_report_format import vn_number


class ReportDvkScoreSheet(models.AbstractModel):
    """Bản tự đánh giá, chấm điểm (self) or phiếu chấm điểm (council)."""

    _name = "report.dvk_models.report_dvk_score_sheet"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Score Sheet"
    _dvk_model = "dvk.score.sheet"

    @api.model
    def _dvk_council_body(self, sheet):
        """The body whose council scores the record of a council sheet, whose
        paper the sheet is: the unit of the level the record is proposed at
        (else the level it aims at) at or above the record's unit, the one
        whose decisions recognise at that level, or its steering committee
        of that level when it has one (the board that recognises for a state
        agency); else the unit the scorer works for; else the record's
        unit."""
        record = sheet.model_id or sheet.exemplar_id
        level = record.proposal_level_id or record._dvk_default_proposal_level()
        if level:
            for unit in self._dvk_ancestors(record.department_id):
                if unit.dvk_level_id != level:
                    continue
                board = unit.child_ids.filtered(
                    lambda u, level=level: (
                        u.dvk_is_steering_committee and u.dvk_level_id == level
                    )
                )
                return board[:1] or unit
        return self._dvk_user_unit(sheet.evaluator_id) or record.department_id

    @api.model
    def _dvk_prepare(self, docs, data):
        sheets = {}
        for sheet in docs:
            record = sheet.model_id or sheet.exemplar_id
            is_model = bool(sheet.model_id)
            what = "MÔ HÌNH" if is_model else "ĐIỂN HÌNH"
            lines = []
            max_total = 0.0
            for index, line in enumerate(sheet.line_ids, start=1):
                criterion = line.criterion_id
                max_total += criterion.max_score
                lines.append(
                    {
                        "index": index,
                        "code": criterion.code,
                        "name": criterion.name,
                        "mandatory": criterion.mandatory,
                        "source": criterion.source or "",
                        "max": vn_number(criterion.max_score),
                        "score": vn_number(line.score) if line.scored else "",
                        "note": line.explanation or "",
                    }
                )
            if not sheet.mandatory_ok:
                band = "Không đạt (không đáp ứng tiêu chí bắt buộc)"
            else:
                band = sheet.band_id.name or ""
            done_date = (
                fields.Date.context_today(self, sheet.write_date)
                if sheet.state == "done"
                else None
            )
            evaluator = sheet.evaluator_id.name or ""
            if sheet.kind == "self":
                title = "BẢN TỰ ĐÁNH GIÁ, CHẤM ĐIỂM"
                score_label = "Điểm tự chấm"
                # sudo: the name of the unit's head, not the content of HR
                # records (the same reading as _dvk_self_assessors)
                head = record.department_id.sudo().manager_id
                if record.subject_type == "individual":
                    signer = "NGƯỜI TỰ ĐÁNH GIÁ"
                    left = self._dvk_person_signature(
                        "XÁC NHẬN CỦA CẤP ỦY (THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ)", ""
                    )
                elif head.user_id and head.user_id == sheet.evaluator_id:
                    signer = "THỦ TRƯỞNG ĐƠN VỊ"
                    left = self._dvk_person_signature(
                        "XÁC NHẬN CỦA CẤP ỦY (THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ)", ""
                    )
                else:
                    # Filled by the registrant for the unit: they sign as the
                    # one who drew it up, and the head of the unit, who
                    # answers for it, signs beside them; nobody is printed
                    # as the head who is not.
                    signer = "NGƯỜI LẬP"
                    left = self._dvk_person_signature(
                        "THỦ TRƯỞNG ĐƠN VỊ", head.name or ""
                    )
            else:
                title = "PHIẾU CHẤM ĐIỂM"
                score_label = "Điểm chấm"
                signer = "NGƯỜI CHẤM ĐIỂM"
                left = False
            # A self-assessment is the unit's paper; a council sheet the
            # council's, under the body it scores for.
            body = (
                record.department_id
                if sheet.kind == "self"
                else self._dvk_council_body(sheet)
            )
            sheets[sheet.id] = {
                "header": self._dvk_header(body, date=done_date),
                "title": title,
                "subtitle": f'{what} "DÂN VẬN KHÉO" NĂM {record.year}',
                "is_model": is_model,
                "record_name": record.name or "",
                "subject": self._dvk_subject(record),
                "field": sheet.model_id.field_id.name or "",
                "criteria_set": sheet.criteria_set_id.display_name or "",
                "score_label": score_label,
                "lines": lines,
                "max_total": vn_number(max_total),
                "total": vn_number(sheet.total),
                "percent": vn_number(sheet.percent),
                "weighted": any(
                    line.criterion_id.weight != 1.0 for line in sheet.line_ids
                ),
                "band": band,
                "evaluator": evaluator,
                "left_signature": left,
                "signature": self._dvk_person_signature(signer, evaluator),
            }
        return {"sheets": sheets}
