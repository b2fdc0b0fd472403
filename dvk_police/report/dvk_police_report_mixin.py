"""The base of the police forms (seed 002): who a police document is
addressed to, as the approval routing stood on its date. Each form is one
small report in a file of its own (``report_dvk_police_*.py``)."""

from odoo import api, models


class ReportDvkPoliceMixin(models.AbstractModel):
    _name = "dvk.police.report.mixin"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Police Printed Form Helpers"
    # Seed 002's forms: they address the police leadership and PV05.
    _dvk_profiles = ("police",)

    @api.model
    def _dvk_police_authority_name(self, unit, with_district=True):
        """Who a document of today is addressed to (seed 002 §I step 2);
        without the district police for a campaign after 1/3/2025."""
        police_unit = unit._dvk_police_unit()
        authority = (
            police_unit._dvk_police_authority(with_district) if police_unit else unit
        )
        return self._dvk_police_addressee(authority)

    @api.model
    def _dvk_police_addressee(self, authority):
        """ "Trưởng Công an huyện ..." for a district police, "Lãnh đạo ..."
        for the provincial police and its units."""
        if not authority:
            return ""
        if authority.dvk_police_kind == "district":
            return f"Trưởng {authority.name}"
        return f"Lãnh đạo {authority.name}"

    @api.model
    def _dvk_police_authority_on(self, record, date):
        """The police unit whose head decides on ``record``, as the approval
        routing stood on ``date`` (the date of the document printed), so
        that a document reprints as issued: a district police dissolved
        since still decides for the records before its end, and when the
        record's approver decided for a unit merged since into today's
        authority (the district police into the provincial police on
        1/3/2025), that unit."""
        police_unit = record.department_id._dvk_police_unit()
        if not police_unit:
            return police_unit
        authority = police_unit._dvk_police_authority(
            record._dvk_police_with_district(), date
        )
        return self._dvk_unit_on(authority, date, record.approver_id)
