from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from .dvk_campaign_calendar import CONTRACT_DEADLINES


class DvkCampaign(models.Model):
    """One year of the "Dân vận khéo" emulation movement for one profile."""

    _name = "dvk.campaign"
    _description = "DVK Campaign"
    # The campaign's concerns, one file each (dvk_campaign_*.py).
    _inherit = [
        "dvk.campaign.calendar",
        "dvk.campaign.levels",
        "dvk.campaign.guidance",
        "dvk.campaign.takeover",
        "dvk.campaign.dashboard",
        "dvk.mail.thread.batch",
        "mail.thread",
        "mail.activity.mixin",
        "dvk.profile.mixin",
    ]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    profile_id = fields.Many2one(tracking=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
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

    # One campaign of a profile a year in a company, those taken over by the
    # campaign of a merged province (company) apart: they stay, closed, with
    # what they decided, beside the one that carries them on.
    _year_profile_company_uniq = models.UniqueIndex(
        "(company_id, profile_id, year) WHERE merged_into_id IS NULL",
        "There is already a campaign of this profile for this year.",
    )
    _year_valid = models.Constraint(
        "CHECK(year > 2000 AND year < 2200)", "The campaign year is not valid."
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_counts(self):
        """How many models, exemplar files and decisions of the campaign the
        reader can open: the numbers on the buttons that open them, counted
        with the reader's rights and the domain of the list each button
        opens (:meth:`_dvk_count_domain`), so a button never promises
        records its list does not show."""
        per_model = {}
        for fname, model in (
            ("model_count", "dvk.model"),
            ("exemplar_count", "dvk.exemplar"),
            ("decision_count", "dvk.decision"),
        ):
            per_model[fname] = {
                campaign.id: count
                for campaign, count in self.env[model]._read_group(
                    self._dvk_count_domain(), ["campaign_id"], ["__count"]
                )
            }
        for campaign in self:
            for fname, counts in per_model.items():
                campaign[fname] = counts.get(campaign._origin.id, 0)

    def _dvk_count_domain(self):
        """The records of these campaigns, as the buttons' lists open them
        (``action_open_models`` and its siblings)."""
        return [("campaign_id", "in", self._origin.ids)]

    @api.onchange("profile_id", "year")
    def _onchange_defaults(self):
        if not (self.profile_id and self.year) or not 2000 < self.year < 2200:
            return
        if self.state != "draft":
            return
        for fname, value in self._get_default_dates(self.year).items():
            self[fname] = value
        self.deadline_ids = [Command.clear()] + [
            Command.create(vals)
            for vals in self.profile_id._deadline_line_vals(self.year)
        ]
        # The default name follows the year until the user writes their own.
        if not self.name or self._is_default_name(self.name):
            self.name = self._default_name(self.year)

    def _default_name(self, year):
        return self.env._('"Dân vận khéo" emulation movement %(year)s', year=year)

    def _is_default_name(self, name):
        prefix = self._default_name(0)[:-1]
        return name.startswith(prefix) and name[len(prefix) :].isdigit()

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
            if campaign.merged_into_id:
                raise UserError(
                    self.env._(
                        "The campaign %(name)s was taken over by %(successor)s: "
                        "it carries on there.",
                        name=campaign.name,
                        successor=campaign.merged_into_id.display_name,
                    )
                )
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
        # A draft campaign moved to another profile or year takes the
        # calendar of its new guidance and year.
        reset = self.browse()
        if "deadline_ids" not in vals:
            reset = self.filtered(
                lambda c: (
                    c.state == "draft"
                    and (
                        ("profile_id" in vals and vals["profile_id"] != c.profile_id.id)
                        or ("profile" in vals and vals["profile"] != c.profile)
                        or ("year" in vals and vals["year"] != c.year)
                    )
                )
            )
        if not reset:
            return super().write(vals)
        contract = {f: vals.pop(f) for f in CONTRACT_DEADLINES if f in vals}
        result = super(DvkCampaign, self - reset).write(vals) if self - reset else True
        if "profile" in vals and "profile_id" not in vals:
            vals["profile_id"] = self._dvk_profile_from_code(vals.pop("profile")).id
        profile = self.env["dvk.profile"].browse(vals.get("profile_id"))
        for campaign in reset:
            year = vals.get("year", campaign.year)
            campaign_vals = dict(vals)
            if "year" in vals:
                for fname, value in self._get_default_dates(year).items():
                    campaign_vals.setdefault(fname, value)
            # The old calendar goes first: recomputing the dates from it
            # against the new year would fail the date checks.
            campaign.deadline_ids.with_context(dvk_deadline_reset=True).unlink()
            campaign_vals["deadline_ids"] = [
                Command.create(line)
                for line in (profile or campaign.profile_id)._deadline_line_vals(year)
            ]
            super(DvkCampaign, campaign).write(campaign_vals)
        if contract:
            super().write(contract)
        return result

    def _dvk_frozen_fields(self):
        """Hook: what an opened campaign keeps for good; its registrations,
        numbering and criteria depend on them."""
        return {"profile", "profile_id", "year", "company_id"}

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "draft") != "draft" for vals in vals_list
        ):
            raise UserError(self.env._("A new campaign always starts as a draft."))
        vals_list = self._dvk_profile_vals(vals_list)
        # Dates left out follow the campaign's own year, not the current year
        # that default_get assumes (e.g. next year's campaign created in advance).
        ctx = self.env.context
        Profile = self.env["dvk.profile"]
        for vals in vals_list:
            year = vals.get("year") or ctx.get("default_year")
            if not year:
                continue
            for fname, value in self._get_default_dates(year).items():
                if fname not in vals and f"default_{fname}" not in ctx:
                    vals[fname] = value
            if "deadline_ids" in vals or "default_deadline_ids" in ctx:
                continue
            profile = (
                Profile.browse(vals.get("profile_id") or ctx.get("default_profile_id"))
                or self._default_profile_id()
            )
            lines = profile._deadline_line_vals(year) if profile else []
            for fname, kind in CONTRACT_DEADLINES.items():
                if fname in vals:
                    self._apply_contract_deadline(lines, kind, vals.pop(fname))
            vals["deadline_ids"] = [Command.create(line) for line in lines]
        return super().create(vals_list)

    def action_open_models(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_model_action"
        )
        action["domain"] = self._dvk_count_domain()
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_open_exemplars(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_exemplar_action"
        )
        action["domain"] = self._dvk_count_domain()
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_open_decisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dvk_models.dvk_decision_action"
        )
        action["domain"] = self._dvk_count_domain()
        action["context"] = {"default_campaign_id": self.id}
        return action
