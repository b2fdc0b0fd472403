from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import rules

DEADLINE_KINDS = [
    ("registration", "Registration"),
    ("approval", "Approval"),
    ("proposal", "Proposal to the upper level"),
    ("recognition", "Recognition"),
    ("summary", "Summary report"),
]


class DvkProfileLevel(models.Model):
    """A step of the level chain: the levels a record climbs under the
    profile, lowest first, and who recognises at each."""

    _name = "dvk.profile.level"
    _description = "DVK Profile Level"
    _order = "profile_id, sequence, id"

    profile_id = fields.Many2one(
        "dvk.profile", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    level_id = fields.Many2one("dvk.level", required=True, ondelete="restrict")
    authority = fields.Char(
        string="Recognised by",
        translate=True,
        help='The kind of unit that recognises at this level, e.g. "Ban Chỉ đạo xã".',
    )
    document_name = fields.Char(
        string="Level in Documents",
        help='How printed forms name the level under this step, after "cấp": '
        'e.g. "trên trực tiếp cơ sở" for the sector unions from 1/7/2025, '
        'which print "cấp trên trực tiếp cơ sở" where "cấp huyện" no longer '
        "fits the body. Empty: the level's name.",
    )
    date_from = fields.Date(
        string="From",
        help="The step applies to campaigns from this date (e.g. the two-tier "
        "local government since 1/7/2025); empty: always.",
    )
    date_to = fields.Date(string="Until", help="Empty: still in force.")

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for step in self:
            if step.date_from and step.date_to and step.date_to < step.date_from:
                raise ValidationError(
                    self.env._(
                        "The step %(level)s of %(profile)s ends before it starts.",
                        level=step.level_id.name,
                        profile=step.profile_id.name,
                    )
                )

    def _dvk_in_force(self, date):
        """Whether the step belongs to the chain on ``date`` (both ends
        included; an empty end is open)."""
        self.ensure_one()
        if not date:
            return not self.date_to
        return (not self.date_from or self.date_from <= date) and (
            not self.date_to or date <= self.date_to
        )


class DvkProfileGuidance(models.Model):
    """A guidance document of the profile and the years it governs (a phase
    of the movement, e.g. 2021-2025): the campaigns of those years cite it as
    a legal basis of their decisions and take its phase."""

    _name = "dvk.profile.guidance"
    _description = "DVK Guidance Document"
    _order = "profile_id, sequence, id"

    profile_id = fields.Many2one(
        "dvk.profile", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Document",
        required=True,
        help='As the decisions cite it after "Căn cứ", e.g. "Hướng dẫn số '
        '07-HD/ĐUK ngày 12/01/2024 của Ban Thường vụ Đảng ủy Khối ...".',
    )
    year_from = fields.Integer(
        string="From Year", help="First campaign year it governs; empty: any."
    )
    year_to = fields.Integer(
        string="Until Year",
        help="Last campaign year it governs (the end of its phase); empty: "
        "still in force.",
    )
    phase = fields.Char(
        compute="_compute_phase",
        store=True,
        readonly=False,
        help="The phase of the movement it belongs to, e.g. 2021-2025; the "
        "campaigns of its years take it.",
    )

    @api.depends("year_from", "year_to")
    def _compute_phase(self):
        for guidance in self:
            if guidance.year_from and guidance.year_to:
                guidance.phase = f"{guidance.year_from}-{guidance.year_to}"

    @api.constrains("year_from", "year_to")
    def _check_years(self):
        for guidance in self:
            if (
                guidance.year_from
                and guidance.year_to
                and guidance.year_to < guidance.year_from
            ):
                raise ValidationError(
                    self.env._(
                        "The guidance %(name)s ends before it starts.",
                        name=guidance.name,
                    )
                )

    def _dvk_in_force(self, year):
        """Whether the document governs a campaign of ``year`` (both ends
        included; an empty end is open)."""
        self.ensure_one()
        if not year:
            return not self.year_to
        return (not self.year_from or self.year_from <= year) and (
            not self.year_to or year <= self.year_to
        )


class DvkProfileDeadlineRule(models.Model):
    """A deadline of the profile's calendar, turned into a dated line of each
    campaign of the profile."""

    _name = "dvk.profile.deadline.rule"
    _description = "DVK Deadline Rule"
    _order = "profile_id, sequence, id"

    profile_id = fields.Many2one(
        "dvk.profile", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        DEADLINE_KINDS,
        required=True,
        help="The step due by the deadline: registration (drafts to submit, "
        "registrations to approve), approval, proposal of approved models, "
        "recognition of proposed ones, or a summary report to send.",
    )
    month = fields.Integer(required=True)
    day = fields.Integer(help="Ignored when the deadline is the last day of month.")
    last_day_of_month = fields.Boolean()
    level_ids = fields.Many2many(
        "dvk.level",
        "dvk_profile_deadline_rule_level_rel",
        "rule_id",
        "level_id",
        string="Levels",
        help="The levels the deadline applies to (the level a model aims at, "
        "else its unit's level); empty: all.",
    )
    scope = fields.Char(
        translate=True,
        help='Who the deadline concerns, in words, e.g. "base and district unions".',
    )

    _month_valid = models.Constraint(
        "CHECK(month >= 1 AND month <= 12)", "The month of a deadline is 1 to 12."
    )

    @api.constrains("month", "day", "last_day_of_month")
    def _check_day(self):
        for rule in self:
            if rule.last_day_of_month:
                continue
            try:
                # 2024 is a leap year: 29/2 is a valid rule.
                rules.rule_date(2024, rule.month, rule.day)
            except ValueError as error:
                raise ValidationError(
                    self.env._(
                        "The deadline %(name)s has no valid day of the month.",
                        name=rule.name,
                    )
                ) from error

    def _date(self, year):
        self.ensure_one()
        return rules.rule_date(
            year, self.month, self.day, last_day=self.last_day_of_month
        )

    def _line_vals(self, year):
        self.ensure_one()
        return {
            # Name and scope follow the rule (see dvk.campaign.deadline).
            "rule_id": self.id,
            "sequence": self.sequence,
            "kind": self.kind,
            "date": self._date(year),
            "level_ids": [fields.Command.set(self.level_ids.ids)],
        }
