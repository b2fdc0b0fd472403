"""The recognition results of decisions (XLSX)."""

from odoo import models

from .dvk_xlsx_base import HEADER_ROW


class DvkDecisionResultsXlsx(models.AbstractModel):
    """Recognition results: one row per line of the selected decisions."""

    _name = "report.dvk_models.decision_results_xlsx"
    _inherit = "report.dvk_models.xlsx_base"
    _description = "DVK Recognition Results (XLSX)"

    def _dvk_columns(self):
        return [
            (self.env._("No."), 6, "number"),
            (self.env._("Decision Number"), 16, "center"),
            (self.env._("Decision Date"), 14, "date"),
            (self.env._("Level"), 14, "center"),
            (self.env._("Unit"), 28, "text"),
            (self.env._("Model or Exemplar"), 45, "text"),
            (self.env._("Type"), 12, "center"),
            (self.env._("Field"), 22, "text"),
            (self.env._("Form of Commendation"), 22, "text"),
            (self.env._("Commendation Details"), 24, "text"),
            (self.env._("Decision State"), 14, "center"),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        # As the user, all at once: AccessError for a decision out of scope.
        decisions = {
            vals["id"]: vals
            for vals in objs.read(
                ["name", "date", "campaign_id", "level_id", "state"], load=None
            )
        }
        lines = self.env["dvk.decision.line"].search_fetch(
            [("decision_id", "in", list(decisions))],
            [
                "decision_id",
                "model_id",
                "exemplar_id",
                "department_id",
                "award_form",
                "award_note",
            ],
        )
        by_decision = {}
        for line in lines:
            by_decision.setdefault(line.decision_id.id, []).append(line)
        # The names and fields of the models that decisions the user can read
        # name, as the decision's lines show them (many2one names and the
        # related field_id are read as superuser); one query for all.
        all_models = self.env["dvk.model"].sudo()  # sudo: see the comment above
        named = all_models.with_context(active_test=False).search_fetch(
            [("id", "in", lines.model_id.ids)], ["name", "field_id"]
        )
        models_ = {model.id: model.display_name for model in named}
        model_fields = {model.id: model.field_id.id for model in named}
        exemplars = self._dvk_names("dvk.exemplar", lines.exemplar_id.ids)
        units = self._dvk_names("hr.department", lines.department_id.ids)
        fields_ = self._dvk_names("dvk.field", model_fields.values())
        levels = self._dvk_names(
            "dvk.level", (vals["level_id"] for vals in decisions.values())
        )
        states = self._dvk_selection("dvk.decision", "state")
        awards = self._dvk_selection("dvk.decision.line", "award_form")
        kind_model = self.env._("Model")
        kind_exemplar = self.env._("Exemplar")

        def rows():
            number = 0
            for decision_id in objs.ids:
                decision = decisions[decision_id]
                for line in by_decision.get(decision_id, []):
                    number += 1
                    model_id = line.model_id.id
                    yield [
                        number,
                        decision["name"] or "",
                        decision["date"],
                        levels.get(decision["level_id"], ""),
                        units.get(line.department_id.id, ""),
                        models_.get(model_id)
                        if model_id
                        else exemplars.get(line.exemplar_id.id, ""),
                        kind_model if model_id else kind_exemplar,
                        fields_.get(model_fields.get(model_id), ""),
                        awards.get(line.award_form, "") if line.award_form else "",
                        line.award_note or "",
                        states.get(decision["state"], decision["state"]),
                    ]

        formats = self._dvk_formats(workbook)
        columns = self._dvk_columns()
        sheet = self._dvk_add_sheet(
            workbook,
            formats,
            self.env._("Recognition Results"),
            self.env._('Recognition results of "Dân vận khéo" models and exemplars'),
            self._dvk_campaign_subtitle(
                vals["campaign_id"] for vals in decisions.values()
            ),
            columns,
        )
        next_row = self._dvk_write_rows(sheet, formats, columns, rows())
        self._dvk_autofilter(sheet, HEADER_ROW, next_row, len(columns))
