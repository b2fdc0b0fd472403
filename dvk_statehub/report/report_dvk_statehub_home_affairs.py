"""The report of the agencies to Sở Nội vụ (Article 8)."""

from odoo import api, models

from odoo.addons.dvk_models.report.dvk_report_format import BLANK_NUMBER

from .dvk_statehub_report_mixin import REGULATION


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
                # The Sở Nội vụ chosen on the report, else the one the
                # issuer addressed on the report's date.
                "addressee": report.addressee_id.name
                or self.env["dvk.receiver"]
                ._dvk_on(
                    issuer,
                    "home_affairs",
                    report.date_sent or self._dvk_today(),
                    inherit=True,
                )
                ._dvk_text(),
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
