import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import rules

# The guidance each deadline rule follows, printed as the legal bases ("Căn
# cứ ...") of the campaign's decisions, one per line. Official titles, so not
# translated; a sector addon gives its own through _get_default_legal_basis.
DEFAULT_LEGAL_BASES = {
    "bloc": (
        "Hướng dẫn số 07-HD/ĐUK của Ban Thường vụ Đảng ủy Khối về nội dung, "
        "tiêu chí, quy trình xây dựng, thủ tục xét công nhận và biểu dương, "
        'khen thưởng mô hình, điển hình "Dân vận khéo"'
    ),
    "province": (
        "Hướng dẫn ngày 19/4/2021 của Ban Dân vận Tỉnh ủy về xây dựng mô "
        'hình, điển hình "Dân vận khéo", giai đoạn 2021-2025'
    ),
}


class DvkCampaign(models.Model):
    """One year of the "Dân vận khéo" emulation movement for one profile."""

    _name = "dvk.campaign"
    _description = "DVK Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    phase = fields.Char(
        help="The phase of the movement this year belongs to, e.g. 2021-2025."
    )
    profile = fields.Selection(
        [("party", "Party guidance")],
        required=True,
        default="party",
        tracking=True,
        help="The rulebook of the campaign: criteria, dossiers, deadlines and "
        "approval routing come from it.",
    )
    deadline_rule = fields.Selection(
        [
            (
                "bloc",
                "Party bloc guidance (register in January, recognise in November)",
            ),
            (
                "province",
                "Provincial guidance (register before 30/3, recognise before 15/10)",
            ),
        ],
        default="province",
        help="Which guidance the default deadlines follow.",
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    registration_deadline = fields.Date(required=True, tracking=True)
    proposal_deadline = fields.Date(
        string="Upper-level Proposal Deadline",
        tracking=True,
        help="Proposals for recognition at the upper level must be sent by then.",
    )
    recognition_deadline = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    model_ids = fields.One2many("dvk.model", "campaign_id")
    model_count = fields.Integer(compute="_compute_counts")
    exemplar_count = fields.Integer(compute="_compute_counts")
    decision_count = fields.Integer(compute="_compute_counts")
    note = fields.Html()
    # Guidance documents: the legal bases of the campaign's decisions.
    legal_basis = fields.Text(
        string="Guidance Documents",
        compute="_compute_legal_basis",
        store=True,
        readonly=False,
        help="The guidance and legal texts the campaign follows, one per line; "
        'the decisions of the campaign cite each as "Căn cứ ...;".',
    )

    _year_profile_uniq = models.Constraint(
        "UNIQUE(company_id, profile, year)",
        "There is already a campaign of this profile for this year.",
    )
    _year_valid = models.Constraint(
        "CHECK(year > 2000 AND year < 2200)", "The campaign year is not valid."
    )

    def _compute_counts(self):
        domain = [("campaign_id", "in", self.ids)]
        per_model = {
            fname: dict(
                self.env[model]._read_group(domain, ["campaign_id"], ["__count"])
            )
            for fname, model in (
                ("model_count", "dvk.model"),
                ("exemplar_count", "dvk.exemplar"),
                ("decision_count", "dvk.decision"),
            )
        }
        for campaign in self:
            for fname, counts in per_model.items():
                campaign[fname] = counts.get(campaign, 0)

    @api.depends("profile", "deadline_rule")
    def _compute_legal_basis(self):
        for campaign in self:
            campaign.legal_basis = campaign._get_default_legal_basis()

    def _get_default_legal_basis(self):
        """Hook: the guidance documents of the campaign's profile, one per
        line; sector addons add those of their profile."""
        self.ensure_one()
        return DEFAULT_LEGAL_BASES.get(self.deadline_rule or "province", "")

    @api.model
    def _get_default_deadlines(self, profile, year, deadline_rule=None):
        """Hook: default dates of a campaign; sector addons add their profile."""
        values = {
            "date_start": datetime.date(year, 1, 1),
            "date_end": datetime.date(year, 12, 31),
        }
        values.update(rules.default_deadlines(deadline_rule or "province", year))
        return values

    @api.onchange("profile", "year", "deadline_rule")
    def _onchange_defaults(self):
        if not (self.profile and self.year) or not 2000 < self.year < 2200:
            return
        values = self._get_default_deadlines(
            self.profile, self.year, self.deadline_rule
        )
        for fname, value in values.items():
            self[fname] = value
        # The default name follows the year until the user writes their own.
        if not self.name or self._is_default_name(self.name):
            self.name = self._default_name(self.year)

    def _default_name(self, year):
        return self.env._('"Dân vận khéo" emulation movement %(year)s', year=year)

    def _is_default_name(self, name):
        prefix = self._default_name(0)[:-1]
        return name.startswith(prefix) and name[len(prefix) :].isdigit()

    @api.constrains(
        "date_start",
        "date_end",
        "registration_deadline",
        "recognition_deadline",
        "proposal_deadline",
    )
    def _check_dates(self):
        for campaign in self:
            if campaign.date_end < campaign.date_start:
                raise ValidationError(
                    self.env._(
                        "The campaign %(name)s ends before it starts.",
                        name=campaign.name,
                    )
                )
            for fname in (
                "registration_deadline",
                "recognition_deadline",
                "proposal_deadline",
            ):
                value = campaign[fname]
                if value and not campaign.date_start <= value <= campaign.date_end:
                    raise ValidationError(
                        self.env._(
                            "The %(deadline)s of %(name)s is outside the campaign "
                            "(%(start)s - %(end)s).",
                            deadline=self._fields[fname].get_description(self.env)[
                                "string"
                            ],
                            name=campaign.name,
                            start=campaign.date_start,
                            end=campaign.date_end,
                        )
                    )
            outside = self.env["dvk.model"].search_count(
                [
                    ("campaign_id", "=", campaign.id),
                    "|",
                    "|",
                    ("registration_date", "<", campaign.date_start),
                    ("registration_date", ">", campaign.date_end),
                    "|",
                    ("date_start", "<", campaign.date_start),
                    ("date_end", ">", campaign.date_end),
                ],
                limit=1,
            )
            if outside:
                raise ValidationError(
                    self.env._(
                        "The campaign %(name)s has registrations that would fall "
                        "outside its new dates.",
                        name=campaign.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        for campaign in self:
            if campaign.state != "draft" or campaign.model_ids:
                raise UserError(
                    self.env._(
                        "The campaign %(name)s has been opened or has "
                        "registrations: archive it by closing it instead.",
                        name=campaign.name,
                    )
                )

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Campaign created")

    def action_open(self):
        self._check_is_dvk_manager()
        for campaign in self:
            if campaign.state == "open":
                raise UserError(
                    self.env._(
                        "The campaign %(name)s is already open.", name=campaign.name
                    )
                )
        # sudo: state is written only through this guarded method
        self.sudo().write({"state": "open"})
        return True

    def action_close(self):
        self._check_is_dvk_manager()
        for campaign in self:
            if campaign.state != "open":
                raise UserError(
                    self.env._(
                        "Only an open campaign can be closed: %(name)s.",
                        name=campaign.name,
                    )
                )
        # sudo: state is written only through this guarded method
        self.sudo().write({"state": "closed"})
        return True

    def _check_is_dvk_manager(self):
        if not self.env.user.has_group("dvk_models.group_dvk_manager"):
            raise UserError(
                self.env._("Only a DVK manager can open or close campaigns.")
            )

    def write(self, vals):
        if "state" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "Use the Open and Close buttons to change the state of a campaign."
                )
            )
        frozen = self._dvk_frozen_fields() & set(vals)
        if frozen:
            for campaign in self.filtered(lambda c: c.state != "draft"):
                changed = [
                    fname
                    for fname in frozen
                    if campaign._fields[fname].convert_to_write(
                        campaign[fname], campaign
                    )
                    != vals[fname]
                ]
                if changed:
                    raise UserError(
                        self.env._(
                            "The campaign %(name)s has been opened: its %(fields)s "
                            "can no longer be changed.",
                            name=campaign.name,
                            fields=", ".join(
                                campaign._fields[f].get_description(self.env)["string"]
                                for f in sorted(changed)
                            ),
                        )
                    )
        return super().write(vals)

    def _dvk_frozen_fields(self):
        """Hook: what an opened campaign keeps for good; its registrations,
        numbering and criteria depend on them."""
        return {"profile", "year", "company_id"}

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "draft") != "draft" for vals in vals_list
        ):
            raise UserError(self.env._("A new campaign always starts as a draft."))
        # Dates left out follow the campaign's own year, not the current year
        # that default_get assumes (e.g. next year's campaign created in advance).
        ctx = self.env.context
        for vals in vals_list:
            if not vals.get("year"):
                continue
            defaults = self._get_default_deadlines(
                vals.get("profile") or ctx.get("default_profile") or "party",
                vals["year"],
                vals.get("deadline_rule") or ctx.get("default_deadline_rule"),
            )
            for fname, value in defaults.items():
                if fname not in vals and f"default_{fname}" not in ctx:
                    vals[fname] = value
        return super().create(vals_list)

    def _next_campaign(self):
        """The campaign of the next year with the same profile and company."""
        self.ensure_one()
        return self.search(
            [
                ("profile", "=", self.profile),
                ("company_id", "=", self.company_id.id),
                ("year", "=", self.year + 1),
            ],
            limit=1,
        )

    def action_open_models(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_model_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_open_exemplars(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_exemplar_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_open_decisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_decision_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action
