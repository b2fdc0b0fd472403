from odoo import api, fields, models
from odoo.exceptions import UserError

REACHES = [
    ("base", "Within its Base Union"),
    ("district", "District- or Sector-wide"),
    ("province", "Province-wide"),
]


class DvkUnionReachMixin(models.AbstractModel):
    """The reach of a union model or exemplar (seed 004 §IV): how far its
    influence goes decides who recognises and commends it."""

    _name = "dvk.union.reach.mixin"
    _description = "DVK Trade Union Reach"

    union_reach = fields.Selection(
        REACHES,
        string="Reach",
        tracking=True,
        help="How far the influence of the model goes (provincial labour "
        "federation guidance, §IV): the union of that reach recognises and "
        "commends it.",
    )
    union_authority_id = fields.Many2one(
        "hr.department",
        string="Recognised By",
        compute="_compute_union_authority_id",
        help="The union (or, province-wide, the provincial People's Committee) "
        "that recognises and commends it, from its reach.",
    )

    union_profile = fields.Boolean(
        string="Follows the Trade-Union Guidance",
        compute="_compute_union_profile",
        help="The campaign's profile is the trade union's or shares its rules.",
    )

    @api.depends("profile")
    def _compute_union_profile(self):
        union = self._dvk_union_records()
        for record in self:
            record.union_profile = record in union

    @api.depends("union_reach", "department_id", "department_id.parent_path")
    def _compute_union_authority_id(self):
        for record in self:
            if record.union_reach and record.department_id:
                record.union_authority_id = record.department_id._dvk_union_authority(
                    record.union_reach
                )
            else:
                record.union_authority_id = False

    def _dvk_union_records(self):
        return self._dvk_of_profile("union")

    def _dvk_union_reach_level(self):
        """The level at which the reach is recognised: the level of the unit
        of that reach."""
        self.ensure_one()
        return self.union_authority_id.dvk_level_id

    def _dvk_union_proposal_level(self):
        """Seed 004 §IV.4: a union record with a stated reach is proposed at
        the level of its reach (none otherwise: the core's default). The
        default of the models' and exemplars' proposal level."""
        self.ensure_one()
        if self._dvk_union_records() and self.union_reach:
            return self._dvk_union_reach_level()
        return self.env["dvk.level"]

    def _dvk_union_check_reach(self, level):
        """Seed 004 §IV.4: "xét tầm ảnh hưởng, mức độ, phạm vi ở cấp nào thì
        cấp đó ra quyết định công nhận và khen thưởng" — a union record is
        proposed at the level of its reach, to the unit of that reach."""
        labels = dict(self._fields["union_reach"]._description_selection(self.env))
        for record in self._dvk_union_records():
            if not record.union_reach:
                raise UserError(
                    self.env._(
                        "State the reach of %(name)s (within its base union, "
                        "district- or sector-wide, province-wide): it decides who "
                        "recognises it.",
                        name=record.display_name,
                    )
                )
            authority = record.union_authority_id
            if not authority:
                raise UserError(
                    self.env._(
                        "No unit recognises %(name)s with a %(reach)s reach: set "
                        "the union kinds of its unit and of the units above it "
                        "(and the provincial People's Committee on the "
                        "provincial federation).",
                        name=record.display_name,
                        reach=labels[record.union_reach].lower(),
                    )
                )
            if authority.dvk_level_id != level:
                raise UserError(
                    self.env._(
                        "%(name)s has a %(reach)s reach: it is recognised at "
                        "%(right)s by %(authority)s, not at %(level)s.",
                        name=record.display_name,
                        reach=labels[record.union_reach].lower(),
                        right=authority.dvk_level_id.name or "-",
                        authority=authority.display_name,
                        level=level.name,
                    )
                )
