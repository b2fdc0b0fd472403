from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# The level of each reach (seed 004 §IV): the level of the union that
# recognises a model of that reach.
REACH_LEVELS = {
    "base": "dvk_models.dvk_level_grassroots",
    "district": "dvk_models.dvk_level_district",
    "province": "dvk_models.dvk_level_province",
}

# Seed 004 §III.3.b: "có thể nhân ra diện rộng (phạm vi CĐCS, huyện, toàn
# tỉnh, ngành hoặc toàn quốc)".
REPLICABLE_SCOPES = [
    ("base", "Base Union"),
    ("district", "District"),
    ("province", "Province"),
    ("sector", "Sector"),
    ("national", "Nationwide"),
]
REPLICABLE_FIELDS = (
    "union_replicable_scope",
    "union_replicable_reason",
    "union_replicable_user_id",
    "union_replicable_date",
)


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

    # Seed 004 §III.3.b: the officer's finding that the model can be
    # replicated, which counts for an individual exemplar as a recognition.
    union_replicable_scope = fields.Selection(
        REPLICABLE_SCOPES,
        string="Replicable Within",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set by the DVK officer in charge: the model can be replicated "
        "within this scope (provincial labour federation guidance, §III.3.b). "
        "For an individual exemplar it counts as a recognised model.",
    )
    union_replicable_reason = fields.Text(
        string="Why Replicable", readonly=True, copy=False, tracking=True
    )
    union_replicable_user_id = fields.Many2one(
        "res.users", string="Found Replicable By", readonly=True, copy=False
    )
    union_replicable_date = fields.Date(
        string="Found Replicable On", readonly=True, copy=False, tracking=True
    )
    union_can_mark_replicable = fields.Boolean(
        string="Can State Replicable",
        compute="_compute_union_can_mark_replicable",
        help="The current user may state whether the model can be replicated: "
        "a DVK officer in charge of its unit (or a manager), on a model of "
        "the trade-union guidance that is approved or further.",
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

    @api.depends_context("uid")
    @api.depends("state", "profile")
    def _compute_union_can_mark_replicable(self):
        """The predicate of the button: what
        :meth:`_dvk_union_set_replicable` accepts."""
        allowed = self._dvk_union_replicable_allowed()
        for model in self:
            model.union_can_mark_replicable = model in allowed

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

    def _dvk_protected_fields(self):
        # Only the officer's step writes the replicable finding.
        return super()._dvk_protected_fields() | set(REPLICABLE_FIELDS)

    def _dvk_union_replicable_states(self):
        """States of a model carried out far enough to be judged replicable."""
        return ("approved", "proposed", "recognized")

    def _dvk_union_replicable_allowed(self):
        """The models of ``self`` whose replicable finding the current user
        may state: union-guidance models, approved or further, in his charge
        as an officer (or any, for a manager)."""
        union = self._dvk_union_records().filtered(
            lambda m: m.state in m._dvk_union_replicable_states()
        )
        if self.env.su or self._dvk_is_manager():
            return union
        if not self._dvk_is_officer():
            return union.browse()
        scope = self._dvk_officer_scope()
        return union.filtered(lambda m: m.department_id in scope)

    def _dvk_union_set_replicable(self, scope, reason):
        """Seed 004 §III.3.b: the officer states that the models can be
        replicated within ``scope`` (or, ``scope`` empty, withdraws that
        finding), with the reason; both are tracked on the model."""
        cite = self.env["dvk.rule"]._dvk_cite("union_individual_model_replicable")
        if not (reason or "").strip():
            raise ValidationError(
                self.env._(
                    "Give the reason why the model can (or can no longer) be "
                    "replicated: an individual exemplar counts it as a "
                    "recognised model%(cite)s.",
                    cite=cite,
                )
            )
        refused = self - self._dvk_union_replicable_allowed()
        if refused:
            raise UserError(
                self.env._(
                    "%(name)s: only the DVK officer in charge of its unit (or a "
                    "DVK manager) states that a trade-union model, approved or "
                    "further, can be replicated%(cite)s.",
                    name=refused[0].display_name,
                    cite=cite,
                )
            )
        today = fields.Date.context_today(self)
        self._dvk_workflow_write(
            {
                "union_replicable_scope": scope or False,
                "union_replicable_reason": reason.strip(),
                "union_replicable_user_id": self.env.uid if scope else False,
                "union_replicable_date": today if scope else False,
            }
        )
        return True

    def action_open_union_replicable(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.union.replicable.wizard",
            "name": self.env._("Replicable Model"),
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model_id": self.id,
                "default_scope": self.union_replicable_scope,
            },
        }

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
