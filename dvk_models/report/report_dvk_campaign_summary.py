"""Mẫu số 3: the summary of the models recognised in a campaign."""

from odoo import api, models

from .dvk_report_format import DOTS_NAME


class ReportDvkCampaignSummary(models.AbstractModel):
    """Mẫu số 3: the models of a campaign recognised in the units the user
    may see, sent to the upper level, with totals by field. The rows are
    fetched with a fixed number of queries whatever their count."""

    _name = "report.dvk_models.report_dvk_campaign_summary"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Summary of Recognised Models (Form 3)"
    _dvk_model = "dvk.campaign"

    @api.model
    def _dvk_summary_unit(self, data):
        """The unit that sends the summary: the one asked for in ``data``,
        else the body the user works for and reports for
        (``_dvk_user_unit``), whatever the profile: never the unit of the
        models he happens to see."""
        unit_id = data.get("department_id")
        if unit_id:
            unit = self.env["hr.department"].browse(unit_id)
            unit.check_access("read")
            return unit
        return self._dvk_user_unit()

    @api.model
    def _dvk_summary_domain(self, campaign, unit=None):
        """Recognised models of the campaign, of ``unit`` and below when one
        is asked for; record rules keep only those the user may see."""
        domain = [
            ("campaign_id", "=", campaign.id),
            ("recognized_level_id", "!=", False),
            ("state", "!=", "removed"),
        ]
        if unit:
            domain.append(("department_id", "child_of", unit.id))
        return domain

    @api.model
    def _dvk_prepare(self, docs, data):
        unit = self._dvk_summary_unit(data)
        scope = unit if data.get("department_id") else None
        Model = self.env["dvk.model"]
        summaries = {}
        for campaign in docs:
            models_ = Model.search_fetch(
                self._dvk_summary_domain(campaign, scope),
                [
                    "name",
                    "subject_type",
                    "department_id",
                    "employee_id",
                    "field_id",
                    "level_id",
                    "recognized_level_id",
                    "result_summary",
                    "is_supplementary",
                    "replicated_from_id",
                    "consecutive_years",
                ],
            )
            rows = self._dvk_model_rows(models_)
            totals, grand = self._dvk_totals_by_field(rows)
            # A user of no unit at all (a DVK manager without an employee
            # record) sends the summary of the unit that holds every model
            # listed.
            issuer = unit or self._dvk_common_unit(models_.department_id)
            receiver = self._dvk_receiver(issuer)
            summaries[campaign.id] = {
                "header": self._dvk_header(
                    issuer,
                    number=self._dvk_number(issuer, "BC"),
                    date=self._dvk_today(),
                ),
                "unit_name": issuer.name or DOTS_NAME,
                "receiver": receiver.name or "",
                "rows": rows,
                "totals": totals,
                "grand": grand,
                "signature": self._dvk_unit_signature(issuer),
            }
        return {"summaries": summaries}
