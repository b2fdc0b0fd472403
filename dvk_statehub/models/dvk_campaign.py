from odoo import models
from odoo.fields import Domain

from .hr_department import AGENCY_KINDS


class DvkCampaign(models.Model):
    _inherit = "dvk.campaign"

    def _summary_unit_domain(self):
        domain = super()._summary_unit_domain()
        if self._dvk_of_profile("statehub"):
            # Decision 976/QĐ-UBND, Article 8: the agencies report to Sở Nội vụ.
            domain &= Domain("dvk_statehub_kind", "in", AGENCY_KINDS)
        return domain

    def _statehub_deadline(self, rule_xmlid):
        """The date of the campaign's deadline line made from a rule of the
        profile (the rule may have been moved by an administrator)."""
        self.ensure_one()
        rule = self.env.ref(rule_xmlid, raise_if_not_found=False)
        line = self.deadline_ids.filtered(lambda d: d.rule_id == rule)[:1]
        return line.date
