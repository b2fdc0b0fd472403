"""The registration list of models (XLSX)."""

from odoo import models

from .dvk_xlsx_base import HEADER_ROW


class DvkModelRegistrationXlsx(models.AbstractModel):
    """The registration list: one row per selected model."""

    _name = "report.dvk_models.model_registration_xlsx"
    _inherit = "report.dvk_models.xlsx_base"
    _description = "DVK Registration List (XLSX)"

    _dvk_fields = (
        "name",
        "campaign_id",
        "subject_type",
        "department_id",
        "employee_id",
        "field_id",
        "category_id",
        "level_id",
        "area",
        "registration_date",
        "is_supplementary",
        "approver_id",
        "state",
        "recognized_level_id",
    )

    def _dvk_columns(self):
        return [
            (self.env._("No."), 6, "number"),
            (self.env._("Model"), 45, "text"),
            (self.env._("Unit"), 28, "text"),
            (self.env._("Person"), 24, "text"),
            (self.env._("Field"), 22, "text"),
            (self.env._("Category"), 22, "text"),
            (self.env._("Target Level"), 14, "center"),
            (self.env._("Scope and Address"), 28, "text"),
            (self.env._("Registration Date"), 14, "date"),
            (self.env._("Supplementary"), 14, "center"),
            (self.env._("Approver"), 22, "text"),
            (self.env._("State"), 14, "center"),
            (self.env._("Recognised Level"), 14, "center"),
        ]

    def _dvk_rows(self, values):
        """Rows of the sheet from the ``read()`` values of the models."""

        def names(model_name, *fnames):
            return self._dvk_names(
                model_name, (vals[f] for vals in values for f in fnames)
            )

        units = self._dvk_unit_names(
            (vals["department_id"], vals["campaign_id"]) for vals in values
        )
        people = names("hr.employee", "employee_id")
        fields_ = names("dvk.field", "field_id")
        categories = names("dvk.category", "category_id")
        levels = names("dvk.level", "level_id", "recognized_level_id")
        approvers = names("res.users", "approver_id")
        states = self._dvk_selection("dvk.model", "state")
        for number, vals in enumerate(values, start=1):
            person = ""
            if vals["subject_type"] == "individual":
                person = people.get(vals["employee_id"], "")
            yield [
                number,
                vals["name"],
                units.get((vals["department_id"], vals["campaign_id"]), ""),
                person,
                fields_.get(vals["field_id"], ""),
                categories.get(vals["category_id"], ""),
                levels.get(vals["level_id"], ""),
                vals["area"],
                vals["registration_date"],
                self._dvk_yes_no(vals["is_supplementary"]),
                approvers.get(vals["approver_id"], ""),
                states.get(vals["state"], vals["state"]),
                levels.get(vals["recognized_level_id"], ""),
            ]

    def generate_xlsx_report(self, workbook, data, objs):
        # As the user, all at once: AccessError for a model out of scope.
        values = self._dvk_read(objs, self._dvk_fields)
        formats = self._dvk_formats(workbook)
        columns = self._dvk_columns()
        sheet = self._dvk_add_sheet(
            workbook,
            formats,
            self.env._("Models"),
            self.env._('Registration list of "Dân vận khéo" models'),
            self._dvk_campaign_subtitle(vals["campaign_id"] for vals in values),
            columns,
        )
        next_row = self._dvk_write_rows(sheet, formats, columns, self._dvk_rows(values))
        self._dvk_autofilter(sheet, HEADER_ROW, next_row, len(columns))
