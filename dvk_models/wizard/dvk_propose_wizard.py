from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class DvkProposeWizard(models.TransientModel):
    """Propose models or exemplars for recognition at a chosen level.

    The level is preselected as the next one of the records' chain and the
    rule that applies to it is shown; the business method ``action_propose``
    re-checks rights, states and rules (RELIABILITY.md A5).
    """

    _name = "dvk.propose.wizard"
    _description = "DVK Proposal for Recognition"

    res_model = fields.Selection(
        [("dvk.model", "Model"), ("dvk.exemplar", "Exemplar")],
        required=True,
        readonly=True,
    )
    res_ids = fields.Json(required=True, readonly=True)
    record_names = fields.Text(string="Records", compute="_compute_records")
    record_count = fields.Integer(compute="_compute_records")
    allowed_level_ids = fields.Many2many("dvk.level", compute="_compute_records")
    # The records' campaign when they share one: the levels are then named
    # as the steps of its chain name them (document_name).
    campaign_id = fields.Many2one("dvk.campaign", compute="_compute_records")
    # Not required in the database: the dialog is created before the user
    # chooses; the confirmation refuses an empty level with a clear message.
    level_id = fields.Many2one(
        "dvk.level",
        domain="[('id', 'in', allowed_level_ids)]",
        help="The level whose authority is asked to recognise the records.",
    )
    rule = fields.Html(compute="_compute_rule", sanitize=False)
    refusal = fields.Text(
        compute="_compute_refusal",
        help="Why the records cannot be proposed at the chosen level, as the "
        "proposal itself would refuse it; the Propose button shows only "
        "without one.",
    )

    @api.model
    def _open_for(self, records):
        if not records:
            raise UserError(self.env._("Select the records to propose."))
        records._dvk_check_transition("propose")
        records._dvk_check_officer_scope()
        defaults = {r._dvk_default_proposal_level() for r in records}
        level = defaults.pop() if len(defaults) == 1 else self.env["dvk.level"]
        wizard = self.create(
            {
                "res_model": records._name,
                "res_ids": records.ids,
                "level_id": level.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Propose for Recognition"),
        }

    def _records(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_ids or []).exists()

    @api.depends("res_model", "res_ids")
    def _compute_records(self):
        all_levels = self.env["dvk.level"].search([])
        for wizard in self:
            if not wizard.res_model:
                # A dialog opened without records (a new one): nothing listed.
                wizard.record_count = 0
                wizard.record_names = False
                wizard.allowed_level_ids = all_levels
                wizard.campaign_id = False
                continue
            records = wizard._records()
            campaigns = records.campaign_id
            wizard.campaign_id = campaigns if len(campaigns) == 1 else False
            levels = all_levels
            if records:
                # The levels of the chains in force for the records' campaigns.
                levels = all_levels.browse().union(
                    *(campaign._dvk_level_chain() for campaign in records.campaign_id)
                )
            wizard.record_count = len(records)
            wizard.record_names = "\n".join(records.mapped("display_name")[:20])
            reached = records.mapped("recognized_level_id") if records else []
            wizard.allowed_level_ids = levels.filtered(
                lambda lvl, reached=reached: all(lvl._is_above(r) for r in reached)
            )

    @api.depends("level_id", "res_ids")
    def _compute_rule(self):
        for wizard in self:
            if not wizard.level_id or not wizard.res_model:
                wizard.rule = False
                continue
            lines = wizard._records()._dvk_proposal_rules(wizard.level_id)
            wizard.rule = Markup("<ul>%s</ul>") % Markup("").join(
                Markup("<li>%s</li>") % escape(line) for line in lines
            )

    @api.depends("level_id", "res_ids")
    @api.depends_context("uid")
    def _compute_refusal(self):
        for wizard in self:
            wizard.refusal = wizard._dvk_refusal() if wizard.level_id else False

    def _dvk_refusal(self):
        """The message the proposal would be refused with, or False: the
        same guards as ``action_propose`` (states, officer scope, the
        records' rules at the level), which only read."""
        records = self._records()
        if not records:
            return False
        try:
            records._dvk_check_transition("propose")
            records._dvk_check_officer_scope()
            records._check_can_propose(self.level_id)
        except (AccessError, UserError, ValidationError) as error:
            return error.args[0]
        return False

    def action_confirm(self):
        self.ensure_one()
        if self.create_uid != self.env.user:
            raise UserError(self.env._("This dialog belongs to another user."))
        if not self.level_id:
            raise UserError(
                self.env._("Choose the level at which to propose the records.")
            )
        self._records().action_propose(self.level_id)
        return {"type": "ir.actions.act_window_close"}
