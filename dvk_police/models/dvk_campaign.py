from odoo import models
from odoo.fields import Domain


class DvkCampaign(models.Model):
    _inherit = "dvk.campaign"

    def _summary_unit_domain(self):
        domain = super()._summary_unit_domain()
        if self._dvk_of_profile("police"):
            # Seed 002: the police units report, not the party committees.
            domain &= Domain("dvk_police_kind", "!=", False)
        return domain

    # ------------------------------------------------------------------
    # Dashboard: the reader's charge by the police routing (seed 002 §I)
    # ------------------------------------------------------------------
    def _dashboard_scope(self):
        """A member of a PV05 office reads the approved models of the
        provincial police it belongs to (seed 002 §I step 2, record rule
        dvk_police_model_rule_pv05): its units are in his scope too."""
        units, label = super()._dashboard_scope()
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            return units, label
        followed = user.dvk_police_followed_ids
        if not followed:
            return units, label
        # sudo: the units of the provincial police the user follows, whose
        # models his record rules let him read
        Department = self.env["hr.department"].sudo()
        subtree = Department.search([("id", "child_of", followed.ids)])
        if not subtree - units:
            return units, label
        return (
            units | units.browse(subtree.ids),
            self.env._("%(scope)s and the provincial police you follow", scope=label),
        )

    def _dashboard_approved_unit_ids(self):
        """Police campaigns: the units of the police tree go to the head of
        their competent police unit (``dvk.model._get_approver``), not to
        the nearest approver of the tree: the user approves the units whose
        competent unit he heads."""
        result = super()._dashboard_approved_unit_ids()
        police = self.filtered(lambda campaign: campaign.profile_id.routing == "police")
        if not police:
            return result
        with_district = all(
            "district" in campaign._dvk_level_chain().mapped("code")
            for campaign in police
        )
        # sudo: who approves for the units (the organisation), not the
        # content of the units' records
        Department = self.env["hr.department"].sudo()
        tree = Department.search([("dvk_police_unit_kind", "!=", False)])
        approver_of = {}
        routed = []
        for unit in tree:
            head = unit._dvk_police_unit()
            if head.id not in approver_of:
                approver_of[head.id] = head._dvk_police_approver(with_district).id
            if approver_of[head.id] == self.env.uid:
                routed.append(unit.id)
        police_units = set(tree.ids)
        return [i for i in result if i not in police_units] + routed
