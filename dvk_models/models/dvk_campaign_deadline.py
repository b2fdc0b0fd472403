from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .dvk_profile_rules import DEADLINE_KINDS


class DvkCampaignDeadline(models.Model):
    """A dated deadline of one campaign, generated from its profile's rules
    and editable per campaign; every line drives reminders, overdue flags and
    the dashboard."""

    _name = "dvk.campaign.deadline"
    _description = "DVK Campaign Deadline"
    _order = "campaign_id, date, sequence, id"

    campaign_id = fields.Many2one(
        "dvk.campaign", required=True, ondelete="cascade", index=True
    )
    rule_id = fields.Many2one("dvk.profile.deadline.rule", ondelete="set null")
    sequence = fields.Integer(default=10)
    # A line made from a rule is named by the rule, read in the reader's
    # language (the campaigns of an install are created before its language
    # is loaded); a name or scope typed on the campaign replaces it.
    name = fields.Char(compute="_compute_name", inverse="_inverse_name", readonly=False)
    own_name = fields.Char(string="Name Given on the Campaign", translate=True)
    kind = fields.Selection(DEADLINE_KINDS, required=True)
    date = fields.Date(required=True)
    level_ids = fields.Many2many(
        "dvk.level",
        "dvk_campaign_deadline_level_rel",
        "deadline_id",
        "level_id",
        string="Levels",
        help="The deadline applies to models aiming at these levels (or, "
        "without an aimed level, whose unit is of these levels); empty: all.",
    )
    scope = fields.Char(
        compute="_compute_scope", inverse="_inverse_scope", readonly=False
    )
    own_scope = fields.Char(string="Scope Given on the Campaign", translate=True)

    @api.depends("own_name", "rule_id.name")
    @api.depends_context("lang")
    def _compute_name(self):
        for line in self:
            line.name = line.own_name or line.rule_id.name

    def _inverse_name(self):
        for line in self:
            if line.name != line.rule_id.name or line.own_name:
                line.own_name = line.name

    @api.depends("own_scope", "rule_id.scope")
    @api.depends_context("lang")
    def _compute_scope(self):
        for line in self:
            line.scope = line.own_scope or line.rule_id.scope

    def _inverse_scope(self):
        for line in self:
            if line.scope != line.rule_id.scope or line.own_scope:
                line.own_scope = line.scope

    @api.constrains("own_name", "rule_id")
    def _check_name(self):
        for line in self:
            if not line.own_name and not line.rule_id:
                raise ValidationError(self.env._("Give the deadline a name."))

    @api.constrains("date", "campaign_id")
    def _check_date(self):
        for line in self:
            campaign = line.campaign_id
            if campaign.date_end < campaign.date_start:
                continue  # the campaign's own check names the problem
            if not campaign.date_start <= line.date <= campaign.date_end:
                raise ValidationError(
                    self.env._(
                        "The deadline %(deadline)s of %(name)s is outside the "
                        "campaign (%(start)s - %(end)s).",
                        deadline=line.name,
                        name=campaign.name,
                        start=campaign.date_start,
                        end=campaign.date_end,
                    )
                )

    def _for_level(self, kind, level):
        """The lines of ``kind`` that bind a record of ``level``: the lines
        scoped to its level, else the lines without scope."""
        lines = self.filtered(lambda line: line.kind == kind)
        scoped = lines.filtered(lambda line: level and level in line.level_ids)
        return scoped or lines.filtered(lambda line: not line.level_ids)
