from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command, Domain

from .dvk_unit_lineage_wizard import OPEN_EXEMPLAR_STATES, OPEN_MODEL_STATES


class DvkCampaignMergeWizard(models.TransientModel):
    """When provinces merge (63 into 34 on 1/7/2025) and their databases or
    companies become one, the campaign of the merged province takes over the
    registrations under way of the year's campaigns of the former provinces:
    they move to it with a line in their history; what the former campaigns
    decided stays with them as issued, and they are closed with a pointer to
    the campaign that carries them on."""

    _name = "dvk.campaign.merge.wizard"
    _description = "DVK Take Over Campaigns of Merged Provinces"

    campaign_id = fields.Many2one(
        "dvk.campaign",
        string="Campaign of the Merged Province",
        required=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="campaign_id.company_id")
    profile_id = fields.Many2one(related="campaign_id.profile_id")
    year = fields.Integer(related="campaign_id.year")
    source_ids = fields.Many2many(
        "dvk.campaign",
        "dvk_campaign_merge_wizard_source_rel",
        "wizard_id",
        "campaign_id",
        string="Campaigns Taken Over",
        domain="[('id', '!=', campaign_id), ('profile_id', '=', profile_id), "
        "('year', '=', year), ('merged_into_id', '=', False)]",
        help="The year's campaigns of the same guidance in the former provinces "
        "(their companies).",
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="The date from which the merged province carries them on.",
    )
    move_units = fields.Boolean(
        string="Units Join the Merged Province",
        default=True,
        help="The former provinces' companies become one with the merged "
        "province's (the company of its campaign): their units and staff become "
        "its own and their users get access to it. Without it, the units and "
        "people of the registrations taken over must already belong to that "
        "company (or, for units, to none).",
    )
    open_model_count = fields.Integer(
        string="Registrations under Way", compute="_compute_counts"
    )
    decided_model_count = fields.Integer(
        string="Decided Registrations", compute="_compute_counts"
    )

    @api.depends("source_ids")
    def _compute_counts(self):
        for wizard in self:
            models_ = wizard._source_models()
            moving = models_.filtered(lambda m: m.state in OPEN_MODEL_STATES)
            wizard.open_model_count = len(moving)
            wizard.decided_model_count = len(models_) - len(moving)

    def _source_models(self):
        self.ensure_one()
        if not self.source_ids.ids:
            return self.env["dvk.model"]
        # sudo: counts of the registrations of the campaigns taken over, which
        # the DVK manager sees whatever the company he works in
        Model = self.env["dvk.model"].sudo()  # sudo: see above
        return Model.search([("campaign_id", "in", self.source_ids.ids)], order="id")

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _check_rights(self):
        if not self.env.user.has_group("dvk_models.group_dvk_manager"):
            raise AccessError(
                self.env._(
                    "Only a DVK manager can let a campaign take over the "
                    "campaigns of merged provinces."
                )
            )

    def _check_input(self):
        self.ensure_one()
        target = self.campaign_id
        sources = self.source_ids
        if not sources:
            raise UserError(self.env._("Choose the campaigns taken over."))
        if target in sources:
            raise UserError(self.env._("A campaign cannot take itself over."))
        if target.merged_into_id or target.state == "closed":
            raise UserError(
                self.env._(
                    "%(name)s is closed or was taken over itself: choose the "
                    "campaign that carries the merged province's year on.",
                    name=target.display_name,
                )
            )
        other = sources.filtered(
            lambda c: c.profile_id != target.profile_id or c.year != target.year
        )
        if other:
            raise UserError(
                self.env._(
                    "%(names)s follow another guidance or year than %(target)s: a "
                    "campaign takes over the campaigns of its own guidance and year.",
                    names=", ".join(other.mapped("display_name")),
                    target=target.display_name,
                )
            )
        taken = sources.filtered("merged_into_id")
        if taken:
            raise UserError(
                self.env._(
                    "%(names)s was already taken over.",
                    names=", ".join(taken.mapped("display_name")),
                )
            )

    def _check_drafts(self, moving):
        """A registration on a draft decision of its campaign is decided
        there first (or the draft cancelled): the decision would otherwise
        name a registration of another campaign."""
        # sudo: the DVK manager checks the decisions of every company merged
        Line = self.env["dvk.decision.line"].sudo()  # sudo: see above
        lines = Line.search(
            [("model_id", "in", moving.ids), ("decision_id.state", "=", "draft")],
            limit=1,
        )
        if lines:
            raise UserError(
                self.env._(
                    "%(name)s is on the draft decision %(decision)s of %(campaign)s: "
                    "confirm or cancel the decision before the takeover.",
                    name=lines.model_id.name,
                    decision=lines.decision_id.display_name,
                    campaign=lines.decision_id.campaign_id.display_name,
                )
            )

    def _check_duplicates(self, moving):
        """The same unit or person registered the same model in the merged
        province's campaign already (one query)."""
        if not moving:
            return
        # sudo: duplicates count in every company
        Model = self.env["dvk.model"].sudo()  # sudo: see above
        clashes = Model.search_fetch(
            Domain("campaign_id", "=", self.campaign_id.id)
            & Domain("subject_key", "in", list(set(moving.mapped("subject_key"))))
            & Domain("name_key", "in", list(set(moving.mapped("name_key"))))
            & Domain("state", "!=", "removed"),
            ["name", "subject_key", "name_key"],
        )
        seen = {(m.subject_key, m.name_key) for m in clashes}
        for model in moving:
            if (model.subject_key, model.name_key) in seen:
                raise UserError(
                    self.env._(
                        "%(name)s of %(unit)s is registered in %(campaign)s "
                        "already: remove one of them before the takeover.",
                        name=model.name,
                        unit=model.department_id.name,
                        campaign=self.campaign_id.display_name,
                    )
                )

    @api.model
    def _links(self, records):
        """The units and people the records name, which must belong to the
        company they move to."""
        units = records.department_id
        people = records.employee_id
        if records._name == "dvk.model":
            people |= records.monitor_id | records.member_ids
        return units, people

    def _check_companies(self, records):
        company = self.campaign_id.company_id
        units, people = self._links(records)
        foreign = (units | people.department_id).filtered(
            lambda r: r.company_id and r.company_id != company
        )
        foreign_people = people.filtered(lambda e: e.company_id != company)
        if foreign or foreign_people:
            names = (foreign.mapped("name") + foreign_people.mapped("name"))[:5]
            raise UserError(
                self.env._(
                    "%(names)s belong to another company than %(company)s: let the "
                    "units join the merged province, or move them and their staff "
                    "into %(company)s first.",
                    names=", ".join(names),
                    company=company.name,
                )
            )

    # ------------------------------------------------------------------
    # Takeover
    # ------------------------------------------------------------------
    def action_apply(self):
        """Move what is under way to the merged province's campaign, close
        the former campaigns with a pointer to it, in a number of queries
        that does not grow with the number of records moved."""
        self.ensure_one()
        self._check_rights()
        self._check_input()
        target = self.campaign_id
        sources = self.source_ids
        # sudo: the DVK manager's right was checked above; the records of the
        # former provinces' companies move whatever company he works in
        Model = self.env["dvk.model"].sudo()
        moving = Model.search(
            [("campaign_id", "in", sources.ids), ("state", "in", OPEN_MODEL_STATES)],
            order="id",
        )
        # sudo: see above
        Exemplar = self.env["dvk.exemplar"].sudo()
        exemplars = Exemplar.search(
            [
                ("campaign_id", "in", sources.ids),
                ("state", "in", OPEN_EXEMPLAR_STATES),
            ]
        )
        # An exemplar goes along when all the models it rests on do.
        exemplars = exemplars.filtered(lambda e: not (e.model_ids - moving))
        self._check_drafts(moving)
        self._check_duplicates(moving)
        if self.move_units:
            self._join_units(sources)
        self._check_companies(moving)
        self._check_companies(exemplars)
        date_text = self.date.strftime("%d/%m/%Y")
        vals = {"campaign_id": target.id, "company_id": target.company_id.id}
        for records in (moving, exemplars):
            if not records:
                continue
            bodies = {}
            for campaign, own in records.grouped("campaign_id").items():
                text = self.env._(
                    "%(campaign)s (%(company)s) was taken over by %(target)s "
                    "(%(target_company)s) on %(date)s: the record moves there.",
                    campaign=campaign.display_name,
                    company=campaign.company_id.name,
                    target=target.display_name,
                    target_company=target.company_id.name,
                    date=date_text,
                )
                bodies.update({r.id: records._dvk_body(text) for r in own})
            records._dvk_workflow_write(vals)
            records._dvk_log_batch(bodies)
        self._dvk_after_takeover(moving, exemplars)
        self._close_sources(target, sources, date_text)
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.campaign",
            "res_id": target.id,
            "view_mode": "form",
        }

    def _dvk_after_takeover(self, moving, exemplars):
        """Hook: the work a sector does once the registrations ``moving`` and
        the exemplars ``exemplars`` (in sudo, checked by action_apply) moved
        to the merged province's campaign, before the former campaigns are
        closed: e.g. the state agencies' registration tables follow their
        rows. It must not grow in queries with the number of records."""
        return True

    def _join_units(self, sources):
        """The former provinces' companies become one with the merged
        province's: their units and staff become its units and staff (they
        carry on there: renewals, streaks), and their users get access to
        it, as their main company when it was a former one. The records
        they decided stay in the former companies as issued; units shared by
        every company stay shared."""
        company = self.campaign_id.company_id
        former = sources.company_id - company
        if not former:
            return
        # sudo: the DVK manager records the merger of the provinces (checked
        # in action_apply); units and staff follow without HR rights
        Department = self.env["hr.department"].sudo().with_context(active_test=False)
        units = Department.search([("company_id", "in", former.ids)])
        # sudo: see above
        Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        staff = Employee.search([("company_id", "in", former.ids)])
        # sudo: see above
        Users = self.env["res.users"].sudo().with_context(active_test=False)
        users = Users.search([("company_ids", "in", former.ids)]) | staff.user_id
        joining = users.filtered(lambda u: company not in u.company_ids)
        if joining:
            joining.write({"company_ids": [Command.link(company.id)]})
        # Those who worked for a former province work for the merged one.
        moved = users.filtered(lambda u: u.company_id in former)
        if moved:
            moved.write({"company_id": company.id})
        if units:
            units.write({"company_id": company.id})
        if staff:
            staff.write({"company_id": company.id})
        note = self.env._(
            "Joined %(company)s on %(date)s (merger of the provinces).",
            company=company.name,
            date=self.date.strftime("%d/%m/%Y"),
        )
        # One note on each top unit of the former provinces.
        for root in units.filtered(lambda u: u.parent_id not in units):
            root.message_post(body=Markup("<p>%s</p>") % note)

    def _close_sources(self, target, sources, date_text):
        # sudo: state and takeover fields are written by this guarded method
        # only (the DVK manager's right was checked in action_apply)
        sources.sudo().write(
            {"merged_into_id": target.id, "merge_date": self.date, "state": "closed"}
        )
        # The one-campaign-a-year rule (a unique index) reads it at once.
        sources.flush_recordset(["merged_into_id"])
        for campaign in sources.sudo():  # sudo: history notes, see above
            campaign.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Taken over by %(target)s (%(company)s) on %(date)s: its "
                    "registrations under way carry on there; what it decided "
                    "stays here as issued.",
                    target=target.display_name,
                    company=target.company_id.name,
                    date=date_text,
                )
            )
        target.sudo().message_post(  # sudo: history note, see above
            body=Markup("<p>%s</p>")
            % self.env._(
                "Took over %(campaigns)s on %(date)s (merger of the provinces).",
                campaigns=", ".join(
                    f"{c.display_name} ({c.company_id.name})" for c in sources
                ),
                date=date_text,
            )
        )
