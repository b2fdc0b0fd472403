from odoo import api, fields, models

# The level of each reach (seed 004 §IV): the level of the union that
# recognises a model of that reach.
REACH_LEVELS = {
    "base": "dvk_models.dvk_level_grassroots",
    "district": "dvk_models.dvk_level_district",
    "province": "dvk_models.dvk_level_province",
}


class DvkModel(models.Model):
    _name = "dvk.model"
    _inherit = ["dvk.model", "dvk.union.reach.mixin"]

    union_level_id = fields.Many2one(
        "dvk.level",
        string="Level Registered For",
        compute="_compute_union_level_id",
        store=True,
        index="btree_not_null",
        help="The level the model is registered to be carried out at "
        "(provincial labour federation guidance, §V.1): the level of its "
        "reach once stated, else its target level. The registration "
        "summaries list it and the coverage counts the province-level ones "
        "from it.",
    )

    union_event_ids = fields.One2many(
        "dvk.union.replication.event", "model_id", string="Site Visits and Conferences"
    )
    union_event_count = fields.Integer(
        string="Site Visits and Conferences Count",
        compute="_compute_union_event_count",
    )
    union_spread_count = fields.Integer(
        string="Replications and Events",
        compute="_compute_union_event_count",
        help="Replications in other units plus the site visits and conferences "
        "held to spread the model (guidance §II.1.4).",
    )

    @api.depends("union_event_ids", "replication_ids")
    def _compute_union_event_count(self):
        """Site visits and conferences of the model, counted the same for
        every reader."""
        # sudo: a count per model, whatever the reader's rights
        Event = self.env["dvk.union.replication.event"].sudo()
        counts = {
            model.id: count
            for model, count in Event._read_group(
                [("model_id", "in", self._origin.ids)], ["model_id"], ["__count"]
            )
        }
        for model in self:
            events = counts.get(model._origin.id, 0)
            model.union_event_count = events
            model.union_spread_count = events + model.replication_count

    @api.depends("union_reach", "level_id")
    def _compute_union_level_id(self):
        levels = {
            reach: self.env.ref(xmlid, raise_if_not_found=False)
            for reach, xmlid in REACH_LEVELS.items()
        }
        for model in self:
            model.union_level_id = (
                levels.get(model.union_reach) if model.union_reach else model.level_id
            )

    @api.onchange("union_reach", "department_id")
    def _onchange_union_reach(self):
        # The target level follows the reach: the level of the unit that
        # recognises a model of that reach.
        if self.union_reach and self.union_authority_id.dvk_level_id:
            self.level_id = self.union_authority_id.dvk_level_id

    def _dvk_default_proposal_level(self):
        """Union profile: the level of the record's reach."""
        return self._dvk_union_proposal_level() or super()._dvk_default_proposal_level()

    def _dvk_check_level_ladder(self, level):
        """Union profile: the reach decides the level (seed 004 §IV.4), not
        the ladder of the Party guidance."""
        union = self._dvk_union_records()
        result = super(DvkModel, self - union)._dvk_check_level_ladder(level)
        union._dvk_union_check_reach(level)
        return result

    def action_open_union_events(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.union.replication.event",
            "name": self.env._("Site Visits and Conferences"),
            "view_mode": "list,form",
            "domain": [("model_id", "=", self.id)],
            "context": {"default_model_id": self.id},
        }
