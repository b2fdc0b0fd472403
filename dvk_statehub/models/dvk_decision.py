from odoo import models
from odoo.exceptions import UserError


class DvkDecision(models.Model):
    _inherit = "dvk.decision"

    def _check_can_confirm(self):
        """State agencies (Decision 976/QĐ-UBND, Article 7.2): a model or
        exemplar is recognised by the steering committee for grassroots
        democracy and DVK of its own agency (of the same level); provincial
        recognition goes through the provincial route (Article 7.3)."""
        result = super()._check_can_confirm()
        # The lines belong to the decision's campaign (checked by the core):
        # its profile tells which decisions this rule concerns.
        statehub = self.filtered(lambda d: d.campaign_id._dvk_of_profile("statehub"))
        if not statehub:
            return result
        province = self.env.ref("dvk_models.dvk_level_province")
        for decision in statehub.filtered(lambda d: d.level_id != province):
            records = list(decision.line_ids.model_id) + list(
                decision.line_ids.exemplar_id
            )
            for record in records:
                committee = record.department_id._dvk_statehub_committee()
                if committee != decision.authority_department_id:
                    raise UserError(
                        self.env._(
                            "%(name)s is recognised by the steering committee of "
                            "its agency (%(committee)s), not by %(unit)s.",
                            name=record.display_name,
                            committee=committee.display_name or "-",
                            unit=decision.authority_department_id.display_name,
                        )
                    )
        return result
