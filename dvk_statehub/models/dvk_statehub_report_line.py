from odoo import api, fields, models


class DvkStatehubReportLine(models.Model):
    _name = "dvk.statehub.report.line"
    _description = "DVK Report to Sở Nội vụ: Figures"
    _order = "report_id, agency_id, field_id, level_id, id"

    report_id = fields.Many2one(
        "dvk.statehub.report", required=True, ondelete="cascade", index=True
    )
    agency_id = fields.Many2one(
        "hr.department", ondelete="set null", context={"hierarchical_naming": False}
    )
    field_id = fields.Many2one("dvk.field", ondelete="set null")
    level_id = fields.Many2one(
        "dvk.level", string="Level in the Ladder", ondelete="set null"
    )
    level_label = fields.Char(
        string="Level",
        compute="_compute_level_label",
        help="The level in the words of the campaign's chain, as the report "
        'prints it (the provincial departments are "sở, ban, ngành").',
    )
    collective_count = fields.Integer(string="Collectives")
    individual_count = fields.Integer(string="Individuals")
    registered_count = fields.Integer(string="Registered")
    approved_count = fields.Integer(string="Approved")
    recognized_count = fields.Integer(string="Recognised")
    commendation_count = fields.Integer(string="Proposed for Commendation")
    inspection_count = fields.Integer(string="Inspections")
    kind = fields.Selection(related="report_id.kind", store=True)
    year = fields.Integer(related="report_id.year", store=True)
    campaign_id = fields.Many2one(related="report_id.campaign_id", store=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True)

    @api.depends("level_id", "campaign_id")
    def _compute_level_label(self):
        """The one naming of a level that the screen, the PDF and the XLSX
        share: the campaign's chain (``dvk.campaign._dvk_level_name``)."""
        for line in self:
            line.level_label = line.campaign_id._dvk_level_name(line.level_id)


class DvkStatehubReportConsecutive(models.Model):
    _name = "dvk.statehub.report.consecutive"
    _inherit = ["dvk.statehub.consecutive.entry"]
    _description = "DVK Report to Sở Nội vụ: Consecutive Years"
    _order = "report_id, years desc, agency_id, id"

    report_id = fields.Many2one(
        "dvk.statehub.report", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True)
