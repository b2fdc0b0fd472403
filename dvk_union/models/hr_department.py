from odoo import api, fields, models

# Kinds of trade-union units (seed 004 §IV, §V) and the DVK level each one
# recognises at: a base union its own models, district federations and sector
# unions district-wide ones; the provincial federation proposes province-wide
# ones (the provincial People's Committee recognises them).
UNION_KINDS = [
    ("base", "Base Union"),
    ("district", "District or City Labour Federation"),
    ("sector", "Sector Union"),
    ("province", "Provincial Labour Federation"),
]
UPPER_KINDS = ("district", "sector")
KIND_LEVELS = {
    "base": "dvk_models.dvk_level_grassroots",
    "district": "dvk_models.dvk_level_district",
    "sector": "dvk_models.dvk_level_district",
    "province": "dvk_models.dvk_level_province",
}


class HrDepartment(models.Model):
    _inherit = "hr.department"

    dvk_union_kind = fields.Selection(
        UNION_KINDS,
        string="Trade Union Kind",
        index=True,
        help="Decides which union recognises the unit's DVK models by their "
        "reach (provincial labour federation guidance, §IV).",
    )
    dvk_union_unit_kind = fields.Selection(
        UNION_KINDS,
        string="Kind of the Union Unit",
        compute="_compute_dvk_union_unit_kind",
        store=True,
        recursive=True,
        help="The kind of the nearest union unit at or above this unit: a "
        "workshop or union group counts as its base union.",
    )
    dvk_union_board_id = fields.Many2one(
        "hr.department",
        string="Provincial DVK Board",
        help="For the provincial federation: the provincial party committee's "
        "mass-mobilisation board it proposes province-wide models to.",
    )
    dvk_union_committee_id = fields.Many2one(
        "hr.department",
        string="Provincial People's Committee",
        help="For the provincial federation: the People's Committee that "
        "recognises province-wide models on the board's submission.",
    )

    @api.depends("dvk_union_kind", "parent_id.dvk_union_unit_kind")
    def _compute_dvk_union_unit_kind(self):
        for unit in self:
            unit.dvk_union_unit_kind = (
                unit.dvk_union_kind or unit.parent_id.dvk_union_unit_kind
            )

    @api.onchange("dvk_union_kind")
    def _onchange_dvk_union_kind(self):
        # The core level the kind fits onto, as a default the user may change.
        if self.dvk_union_kind and not self.dvk_level_id:
            self.dvk_level_id = self.env.ref(KIND_LEVELS[self.dvk_union_kind])

    def _dvk_union_unit(self, kinds=None):
        """The nearest unit at or above this one with a union kind (among
        ``kinds`` when given)."""
        self.ensure_one()
        for unit in self._dvk_approver_chain():
            if unit.dvk_union_kind and (not kinds or unit.dvk_union_kind in kinds):
                return unit
        return self.browse()

    def _dvk_union_ancestor(self, kinds):
        """The nearest unit strictly above this one with one of ``kinds``."""
        self.ensure_one()
        for unit in self._dvk_approver_chain()[1:]:
            if unit.dvk_union_kind in kinds:
                return unit
        return self.browse()

    def _dvk_union_province(self):
        """The provincial federation at or above this unit."""
        self.ensure_one()
        return self._dvk_union_unit(("province",))

    def _dvk_union_upper(self):
        """The district federation or sector union at or above this unit (the
        upper-level union directly over a base union)."""
        self.ensure_one()
        return self._dvk_union_unit(UPPER_KINDS)

    def _dvk_union_authority(self, reach):
        """The unit that recognises (and commends) a model of this unit with
        ``reach`` (seed 004 §IV.1-3): its base union, its district federation
        or sector union, or the provincial People's Committee that the
        provincial federation proposes to through the provincial board."""
        self.ensure_one()
        if reach == "base":
            return self._dvk_union_unit(("base",))
        if reach == "district":
            return self._dvk_union_upper()
        if reach == "province":
            # sudo: who recognises is configuration, read whoever proposes
            province = self._dvk_union_province().sudo()
            return self.browse(province.dvk_union_committee_id.ids)
        return self.browse()
