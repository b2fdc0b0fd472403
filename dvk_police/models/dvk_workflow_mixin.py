from odoo import fields, models

# The dvk.rule stating who recognises under the police profile.
RULE_POLICE_MATRIX = "police_recognition_matrix"


class DvkWorkflowMixin(models.AbstractModel):
    _inherit = "dvk.workflow.mixin"

    def _dvk_competent_bodies(self, level, date):
        """Police profile (seed 002 §I step 2 and step 4): the authority of
        the matrix recognises the models and exemplars it approves — the
        provincial police leadership those of its units, the district police
        those of its teams and of the commune police, and, with no district
        police above them on ``date`` (dissolved on 1/3/2025), the provincial
        police those of the commune police. It issues the decision as the
        unit of its level nearest at or above it; above that level, the core
        rule climbs from it. The commune police itself recognises nothing."""
        police = self._dvk_police_matrix_records()
        bodies = super(DvkWorkflowMixin, self - police)._dvk_competent_bodies(
            level, date
        )
        if not police:
            return bodies
        Department = self.env["hr.department"]
        issuers = police._dvk_police_matrix_issuers(date)
        above = {}
        for record in police:
            issuer = issuers[record]
            if not issuer or issuer.dvk_level_id == level:
                bodies[record] = Department.browse(issuer.ids)
            elif level._is_above(issuer.dvk_level_id):
                if issuer.id not in above:
                    above[issuer.id] = self._dvk_recognising_units(issuer, level)
                bodies[record] = Department.browse(above[issuer.id][issuer.id])
            else:
                bodies[record] = Department
        return bodies

    def _dvk_competent_rule_code(self):
        if self._dvk_police_matrix_records():
            return RULE_POLICE_MATRIX
        return super()._dvk_competent_rule_code()

    def _dvk_police_matrix_records(self):
        """The records the police matrix governs: of the police profile (or
        one sharing its rules) whose campaign routes by it, in a police
        unit."""
        police = self._dvk_of_profile("police").filtered(
            lambda r: r.campaign_id.profile_id.routing == "police"
        )
        # sudo: the kind of the records' units is configuration
        kinds = police.department_id.sudo().filtered("dvk_police_unit_kind")
        return police.filtered(lambda r: r.department_id in kinds)

    def _dvk_police_matrix_issuers(self, date):
        """{record: the unit issuing the matrix authority's decisions on
        ``date``}: the authority itself, or the nearest unit above it
        holding a DVK level (a provincial department's teams: the provincial
        police). The district police row applies while the chain in force on
        ``date`` has the district level."""
        # sudo: the police tree and its kinds are configuration
        units = self.department_id.sudo()
        units.fetch(["parent_path"])
        ids = {
            int(i) for path in units.mapped("parent_path") for i in path.split("/") if i
        }
        tree = units.browse(ids)
        tree.fetch(["dvk_police_kind", "dvk_level_id", "dvk_lineage_date", "active"])
        with_district = {}
        result = {}
        for record in self:
            profile = record.campaign_id.profile_id
            if profile not in with_district:
                with_district[profile] = "district" in profile._dvk_levels_at(
                    date or fields.Date.context_today(self)
                ).mapped("code")
            # sudo: the police tree is configuration
            unit = record.department_id.sudo()._dvk_police_unit()
            authority = unit._dvk_police_authority(with_district[profile], date)
            result[record] = (
                next(
                    (u for u in authority._dvk_approver_chain() if u.dvk_level_id),
                    units.browse(),
                )
                if authority
                else units.browse()
            )
        return result

    def _dvk_police_first_level(self):
        """The level at which the matrix first recognises this police
        record, on today's date (empty for the others)."""
        self.ensure_one()
        if not self._dvk_police_matrix_records():
            return self.env["dvk.level"]
        issuer = self._dvk_police_matrix_issuers(None)[self]
        return issuer.dvk_level_id

    def _dvk_default_proposal_level(self):
        """Police profile: a record not yet recognised is proposed at the
        level of the matrix authority that recognises it (seed 002 §I)."""
        if not self.recognized_level_id:
            level = self._dvk_police_first_level()
            if level:
                return level
        return super()._dvk_default_proposal_level()

    def _dvk_check_level_ladder(self, level):
        """Police profile: the matrix authority recognises first at its own
        level (a commune police's model at the district police, or at the
        provincial police from 1/3/2025); above it, the core ladder."""
        first = self.filtered(
            lambda r: not r.recognized_level_id and r._dvk_police_first_level() == level
        )
        return super(DvkWorkflowMixin, self - first)._dvk_check_level_ladder(level)
