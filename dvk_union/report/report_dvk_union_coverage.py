"""The coverage of base unions by models."""

from odoo import api, models

from odoo.addons.dvk_models.report.dvk_report_format import vn_fixed

from .dvk_union_report_mixin import missing_names


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
        return dict(total, share=vn_fixed(total["share"], 1))

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
                        "share": vn_fixed(line.share, 1),
                        "missing": missing_names(line),
                        "province": line.province_count,
                    }
                    for line in c.line_ids
                ]
                for c in docs
            },
        }
