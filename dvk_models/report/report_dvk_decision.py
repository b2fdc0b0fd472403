"""Quyết định công nhận: the recognition decision and its annexed list."""

from odoo import api, models

from ..tools import rules
from ..tools.rules import vn_sort_key
from .dvk_report_format import BLANK_NUMBER, DOTS_DATE, REPORT_LANG


class ReportDvkDecision(models.AbstractModel):
    """Quyết định công nhận with its annexed list; a decision whose lines
    carry a form of commendation recognises and commends in one act (seed 004
    §IV.4) and says so in an article of its own."""

    _name = "report.dvk_models.report_dvk_decision"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Recognition Decision"
    _dvk_model = "dvk.decision"

    # The forms of commendation as the decisions name them.
    AWARD_NAMES = {"giay_khen": "Giấy khen", "bang_khen": "Bằng khen"}
    AWARD_OTHER = "Hình thức khen thưởng khác"

    @api.model
    def _dvk_decision_title(self, decision):
        """The subject printed under QUYẾT ĐỊNH: the one the form shows (the
        decision's default subject, which says so when it also commends), in
        Vietnamese (a text of the code reads its translation from the
        addon's files, installed language or not); a subject the officer
        wrote is printed as written."""
        if decision.own_title:
            return decision.own_title
        return decision._default_title(
            decision.campaign_id.year, decision._dvk_commends(), REPORT_LANG
        )

    @api.model
    def _dvk_legal_bases(self, decision):
        """The legal bases of the decision, one per line, each printed as
        "Căn cứ ...;" (Decree 30/2020/NĐ-CP)."""
        bases = []
        for line in (decision.legal_basis or "").splitlines():
            text = line.strip().rstrip(";,.").strip()
            if not text:
                continue
            if not text.casefold().startswith("căn cứ"):
                text = f"Căn cứ {text}"
            bases.append(f"{text};")
        return bases

    @api.model
    def _dvk_award_name(self, line):
        """The form of commendation of a line as the decision names it: "Giấy
        khen", "Bằng khen", or the other form its details give."""
        if line.award_form == "other":
            return (line.award_note or "").strip() or self.AWARD_OTHER
        return self.AWARD_NAMES.get(line.award_form, "")

    @api.model
    def _dvk_award_cell(self, line):
        """The award column of the annexed list: the form, and its details
        (e.g. the reward) when the form is named apart from them."""
        if not line.award_form:
            return ""
        name = self._dvk_award_name(line)
        note = (line.award_note or "").strip()
        if note and line.award_form != "other":
            return f"{name} ({note})"
        return name

    @api.model
    def _dvk_award_articles(self, decision, unit):
        """The commendation granted with the recognition, one sentence per
        form of commendation, e.g. "Tặng Giấy khen của Công đoàn cơ sở ...
        cho 02 tập thể và 01 cá nhân ..." (numbers of two digits, as the
        decisions write them)."""
        groups = {}
        for line in decision.line_ids.filtered("award_form"):
            name = self._dvk_award_name(line)
            entry = groups.setdefault(name, {"collective": 0, "individual": 0})
            kind = "individual" if line.subject_type == "individual" else "collective"
            entry[kind] += 1
        sentences = []
        grantor = decision._dvk_award_grantor() or unit.name or ""
        for name, counts in groups.items():
            who = []
            if counts["collective"]:
                who.append(f"{counts['collective']:02d} tập thể")
            if counts["individual"]:
                who.append(f"{counts['individual']:02d} cá nhân")
            sentences.append(
                f"Tặng {name} của {grantor} cho {' và '.join(who)} "
                'có mô hình, điển hình "Dân vận khéo" tiêu biểu năm '
                f"{decision.campaign_id.year} (có tên trong danh sách kèm theo)."
            )
        return sentences

    @api.model
    def _dvk_prepare(self, docs, data):
        # The lines name models and exemplars the user must be allowed to see.
        docs.line_ids.model_id.check_access("read")
        docs.line_ids.exemplar_id.check_access("read")
        decisions = {}
        for decision in docs:
            unit = decision.authority_department_id
            numbered = bool(decision.name)
            # A draft shows the number left blank, in the decision's format.
            number = (
                decision.name if numbered else decision._format_number(BLANK_NUMBER)
            )
            models_ = decision.line_ids.model_id
            exemplars = decision.line_ids.exemplar_id
            model_awards = {
                line.model_id.id: self._dvk_award_cell(line)
                for line in decision.line_ids
                if line.model_id
            }
            exemplar_awards = {
                line.exemplar_id.id: self._dvk_award_cell(line)
                for line in decision.line_ids
                if line.exemplar_id
            }
            # A decision prints as issued: the units of its list keep the
            # names they had, without "(formerly ...)".
            model_rows = self.with_context(dvk_as_issued=True)._dvk_model_rows(models_)
            for row in model_rows:
                row["award"] = model_awards.get(row["record"].id, "")
            exemplar_rows = [
                {
                    "index": index,
                    "name": exemplar.name or "",
                    "kind": (
                        "Cá nhân"
                        if exemplar.subject_type == "individual"
                        else "Tập thể"
                    ),
                    "unit": exemplar.department_id.name or "",
                    "award": exemplar_awards.get(exemplar.id, ""),
                }
                for index, exemplar in enumerate(
                    exemplars.sorted(lambda e: vn_sort_key(e.name)), start=1
                )
            ]
            what = []
            if models_:
                what.append(f"{len(models_)} mô hình")
            if exemplars:
                what.append(f"{len(exemplars)} điển hình")
            signature = self._dvk_unit_signature(
                unit, signer=decision.signer_id, position=decision.signer_title
            )
            annex_ref = "Kèm theo Quyết định số {} {} của {}".format(
                number,
                rules.vn_date(decision.date) if numbered else DOTS_DATE,
                unit.name or "",
            )
            stamp = {"draft": "DỰ THẢO", "cancelled": "ĐÃ HỦY"}.get(decision.state)
            award_articles = self._dvk_award_articles(decision, unit)
            receiver = self._dvk_receiver(unit, decision.date)
            notified = decision._dvk_notified_units() - receiver - unit
            decisions[decision.id] = {
                "stamp": stamp,
                "header": self._dvk_header(
                    unit,
                    number=number,
                    date=decision.date if numbered else None,
                    party=decision._dvk_is_party_format(),
                ),
                "number": number,
                "date": rules.vn_date(decision.date),
                "title": self._dvk_decision_title(decision),
                "legal_bases": self._dvk_legal_bases(decision),
                # A draft of a year no guidance governs says so where its
                # bases would be.
                "missing_bases": (
                    decision.state == "draft" and not self._dvk_legal_bases(decision)
                ),
                "proposals": decision._dvk_proposals_considered(),
                "annex_ref": annex_ref,
                "authority": (unit.name or "").upper(),
                "unit_name": unit.name or "",
                "year": decision.campaign_id.year,
                "level": self._dvk_level_phrase(
                    decision.level_id, decision.campaign_id
                ),
                "what": " và ".join(what) or "mô hình, điển hình",
                "award_articles": award_articles,
                "has_awards": bool(award_articles),
                # Article 2 grants the commendation when there is one.
                "article_keep": 3 if award_articles else 2,
                "article_execute": 4 if award_articles else 3,
                "model_rows": model_rows,
                "exemplar_rows": exemplar_rows,
                "report_to": receiver.name or "",
                "notified": notified.mapped("name"),
                "signature": signature,
            }
        return {"decisions": decisions}
