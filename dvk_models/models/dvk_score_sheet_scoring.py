from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DvkScoreSheetScoring(models.AbstractModel):
    """The scores of a sheet: one line per criterion of its set, the
    automatic criteria filled and explained from the HR records, and the
    totals, band and result."""

    _name = "dvk.score.sheet.scoring"
    _description = "DVK Score Sheet Scores"

    total = fields.Float(compute="_compute_totals", store=True, tracking=True)
    weighted_total = fields.Float(compute="_compute_totals", store=True)
    percent = fields.Float(
        string="Score (%)", compute="_compute_totals", store=True, aggregator="avg"
    )
    mandatory_ok = fields.Boolean(
        string="Knock-out Criteria Met", compute="_compute_totals", store=True
    )
    band_id = fields.Many2one(
        "dvk.criteria.band", compute="_compute_totals", store=True
    )
    passed = fields.Boolean(compute="_compute_totals", store=True)
    # Not stored: the band's name is read in the reader's language.
    result = fields.Char(compute="_compute_result")

    @api.depends(
        "criteria_set_id",
        "line_ids.score",
        "line_ids.passed",
        "criteria_set_id.band_ids.min_percent",
    )
    def _compute_totals(self):
        for sheet in self:
            if not sheet.criteria_set_id:
                # A new sheet whose criteria set is not chosen yet scores
                # nothing: no total, no band, and it does not pass.
                sheet.update(
                    {
                        "total": 0.0,
                        "weighted_total": 0.0,
                        "percent": 0.0,
                        "mandatory_ok": False,
                        "band_id": False,
                        "passed": False,
                    }
                )
                continue
            lines = sheet.line_ids
            sheet.total = round(sum(lines.mapped("score")), 2)
            weighted = sum(line.score * line.criterion_id.weight for line in lines)
            maximum = sum(
                line.criterion_id.max_score * line.criterion_id.weight for line in lines
            )
            sheet.weighted_total = round(weighted, 2)
            sheet.percent = round(100.0 * weighted / maximum, 2) if maximum else 0.0
            sheet.mandatory_ok = all(
                line.passed for line in lines if line.criterion_id.mandatory
            )
            band = sheet.criteria_set_id._band_for(sheet.percent)
            sheet.band_id = band
            sheet.passed = sheet.mandatory_ok and (not band or band.passing)

    @api.depends("criteria_set_id", "mandatory_ok", "band_id.name")
    @api.depends_context("lang")
    def _compute_result(self):
        for sheet in self:
            if not sheet.criteria_set_id:
                sheet.result = ""
            elif not sheet.mandatory_ok:
                sheet.result = self.env._("Fails a knock-out criterion")
            else:
                sheet.result = sheet.band_id.name or ""

    @api.constrains("criteria_set_id", "model_id", "exemplar_id")
    def _check_set_target(self):
        for sheet in self:
            target = "model" if sheet.model_id else "exemplar"
            if sheet.criteria_set_id.target != target:
                raise ValidationError(
                    self.env._(
                        "The criteria set %(set)s is not meant for this kind of "
                        "record.",
                        set=sheet.criteria_set_id.display_name,
                    )
                )

    @api.onchange("model_id", "exemplar_id")
    def _onchange_record(self):
        """A new sheet takes the criteria set its record is scored against,
        unless a set meant for that kind of record is already chosen."""
        record = self._dvk_record()
        target = "model" if self.model_id else "exemplar"
        if record and self.criteria_set_id.target != target:
            self.criteria_set_id = record.criteria_set_id

    def _sync_lines(self):
        """One line per criterion of the set; automatic lines filled now."""
        Line = self.env["dvk.score.sheet.line"]
        to_create = []
        for sheet in self:
            present = sheet.line_ids.criterion_id
            for criterion in sheet.criteria_set_id.criterion_ids - present:
                to_create.append({"sheet_id": sheet.id, "criterion_id": criterion.id})
        if to_create:
            Line.create(to_create)
        self._refresh_automatic()

    def _eligibility_rows(self):
        rows = []
        for sheet in self:
            record = sheet._dvk_record()
            rows.append(
                (
                    sheet.id,
                    record.subject_type,
                    record.year,
                    record.employee_id,
                    record.department_id,
                    sheet.model_id,
                )
            )
        return rows

    def _refresh_automatic(self):
        """Fill and explain the automatic criteria from the HR records."""
        drafts = self.filtered(lambda s: s.state == "draft")
        if not drafts:
            return
        Eligibility = self.env["dvk.eligibility"]
        items = Eligibility._items(drafts._eligibility_rows())
        for criteria_set in drafts.criteria_set_id:
            sheets = drafts.filtered(lambda s, cs=criteria_set: s.criteria_set_id == cs)
            subset = items.only(set(sheets.ids))
            answers = Eligibility._evaluate(criteria_set, subset)
            for sheet in sheets:
                by_criterion = {c.id: (ok, why) for c, ok, why in answers[sheet.id]}
                for line in sheet.line_ids:
                    if line.criterion_id.id not in by_criterion:
                        continue
                    ok, why = by_criterion[line.criterion_id.id]
                    # sudo: automatic criteria are written by this refresh
                    # only, never by a caller (no context key unlocks them)
                    line.sudo()._dvk_write_auto(
                        {
                            "score": line.criterion_id.max_score if ok else 0.0,
                            "explanation": Eligibility._join_reasons([why])
                            or self.env._("Met"),
                        }
                    )

    def action_refresh(self):
        self._check_evaluator()
        self._refresh_automatic()
        return True
