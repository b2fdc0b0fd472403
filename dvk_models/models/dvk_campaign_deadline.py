from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .dvk_profile import DEADLINE_KINDS


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
    name = fields.Char(required=True, translate=True)
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
    scope = fields.Char(translate=True)

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

    def _applies_to_level(self, level):
        """Whether the line concerns a record of ``level`` (empty scope: all)."""
        self.ensure_one()
        return not self.level_ids or level in self.level_ids

    def _for_level(self, kind, level):
        """The lines of ``kind`` that bind a record of ``level``: the lines
        scoped to its level, else the lines without scope."""
        lines = self.filtered(lambda line: line.kind == kind)
        scoped = lines.filtered(lambda line: level and level in line.level_ids)
        return scoped or lines.filtered(lambda line: not line.level_ids)
