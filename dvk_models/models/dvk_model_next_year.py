from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class DvkModelNextYear(models.AbstractModel):
    """A model from one year to the next (seed 000 §II.2): carried over
    without results, renewed once recognised, and its years and
    replications."""

    _name = "dvk.model.next.year"
    _description = "DVK Model from Year to Year"

    dvk_can_renew = fields.Boolean(
        compute="_compute_dvk_can_renew",
        help="The current user can register the recognised model again in next "
        "year's campaign: he registers it and it has no next year yet.",
    )

    def _dvk_renewed(self):
        """The models of ``self`` that already go on in a next year's
        campaign (renewed or carried over), whoever may read the next one."""
        # sudo: the continuation may have been created by an officer
        # (carry-over) and be hidden from the registrant by record rules.
        return self.filtered(lambda m: m.sudo().next_ids)

    @api.depends_context("uid")
    @api.depends(
        "state",
        "proposal_level_id",
        "registrant_id",
        "employee_id",
        "department_id",
        "next_ids",
    )
    def _compute_dvk_can_renew(self):
        # The guards of action_renew: a recognised model no proposal of which
        # is pending, whose registrant the user acts for, not renewed yet.
        candidates = self._dvk_state_allows("renew").filtered(
            lambda m: not m.proposal_level_id and m.dvk_is_author
        )
        renewable = candidates - candidates._dvk_renewed()
        for model in self:
            model.dvk_can_renew = model in renewable

    def _prepare_next_year_vals(self, campaign):
        self.ensure_one()
        return {
            "name": self.name,
            "campaign_id": campaign.id,
            "subject_type": self.subject_type,
            "department_id": self._dvk_next_year_unit().id,
            "employee_id": self.employee_id.id,
            "member_ids": [Command.set(self.member_ids.ids)],
            "field_id": self.field_id.id,
            "category_id": self.category_id.id,
            # The next campaign may climb another chain (no district tier
            # from 1/7/2025): the target level only when it is still in it.
            "level_id": self.level_id.id
            if self.level_id in campaign._dvk_level_chain()
            else False,
            "area": self.area,
            "objective": self.objective,
            "measures": self.measures,
            "expected_result": self.expected_result,
            "monitor_id": self.monitor_id.id,
            "replicated_from_id": self.replicated_from_id.id,
            # The next campaign may be that of the merged province.
            "company_id": campaign.company_id.id,
            "target_ids": [
                Command.create(
                    {
                        "name": t.name,
                        "target": t.target,
                        "uom": t.uom,
                        "sequence": t.sequence,
                    }
                )
                for t in self.target_ids
            ],
        }

    def _dvk_next_year_unit(self):
        """The unit that carries the model on next year: its own, or, once it
        was merged (or split into one unit that took over its staff), its
        successor, so that the renewal continues the lineage (seed 003 Điều
        7.3: the consecutive years run across the merger)."""
        self.ensure_one()
        unit = self.department_id
        if unit.active:
            return unit
        current = unit._dvk_lineage_current()
        if self.subject_type == "individual" and self.employee_id.department_id:
            return self.employee_id.department_id
        return current[:1] if len(current) == 1 else unit

    def _dvk_next_campaign(self):
        self.ensure_one()
        campaign = self.campaign_id._next_campaign()
        if not campaign or campaign.state == "closed":
            raise UserError(
                self.env._(
                    "Create and open the %(year)s campaign of this profile first.",
                    year=self.year + 1,
                )
            )
        return campaign

    def action_carry_over(self):
        """No results yet: evaluate the model in next year's campaign (seed 000
        §II.2). The next year's record starts approved."""
        self._dvk_check_transition("carry_over")
        self._dvk_check_officer_scope()
        created = self.browse()
        for model in self:
            campaign = model._dvk_next_campaign()
            vals = model._prepare_next_year_vals(campaign)
            vals.update(
                {
                    "state": "approved",
                    "previous_id": model.id,
                    "registrant_id": model.registrant_id.id,
                    "approver_id": model.approver_id.id,
                    "approval_date": model.approval_date,
                    "registration_date": model.registration_date,
                    "date_start": campaign.date_start,
                    "date_end": campaign.date_end,
                }
            )
            # sudo: workflow fields of the continuation are set by this method
            new = self.sudo().create(vals).sudo(False)  # workflow fields, see above
            # The continuation reaches "approved" without a button: the same
            # after-transition work as an approval happens for it.
            new._dvk_after_transition("approved")
            model._dvk_workflow_write(
                {"state": self._dvk_transition("carry_over").target}
            )
            text = self.env._(
                "Carried over to the %(year)s evaluation.", year=campaign.year
            )
            model._dvk_log_batch({model.id: self._dvk_body(text)})
            created |= new
        return created._dvk_action_open()

    def action_renew(self):
        """Register the model again in next year's campaign (new draft)."""
        self._dvk_check_transition("renew")
        created = self.browse()
        for model in self:
            # Public method (RELIABILITY A2): readers such as the approver or a
            # participant do not renew a registration in the registrant's place.
            if not model._dvk_is_registration_author():
                raise UserError(
                    self.env._(
                        "Only the registrant can renew %(name)s.", name=model.name
                    )
                )
            if model._dvk_renewed():
                raise UserError(
                    self.env._("%(name)s has already been renewed.", name=model.name)
                )
            # This year's recognition is not the last while a proposal to a
            # higher level is pending: the model is registered again once
            # that proposal is decided (or withdrawn).
            if model.proposal_level_id:
                raise UserError(
                    self.env._(
                        "%(name)s is proposed for recognition at %(level)s: "
                        "register it again next year once that proposal is "
                        "decided or withdrawn.",
                        name=model.name,
                        level=model.proposal_level_id.name,
                    )
                )
            campaign = model._dvk_next_campaign()
            vals = model._prepare_next_year_vals(campaign)
            new = self.create(vals)
            new._dvk_workflow_write(
                {"previous_id": model.id, "registrant_id": model.registrant_id.id}
            )
            created |= new
        return created._dvk_action_open()

    def _dvk_action_open(self):
        """The models made for next year: the form of one, the list of several."""
        return self._get_records_action(name=self.env._("Models"), context={})

    def action_open_lineage(self):
        """Where this model (or its origin) has been replicated, by unit."""
        self.ensure_one()
        root = self
        if self.parent_path:
            root = self.browse(int(self.parent_path.split("/")[0]))
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.model",
            "name": self.env._("Replications of %(name)s", name=root.name),
            "view_mode": "list,pivot,form",
            "views": [
                (self.env.ref("dvk_models.dvk_model_view_list_lineage").id, "list"),
                (False, "pivot"),
                (False, "form"),
            ],
            "domain": [("id", "child_of", root.id)],
            "context": {"search_default_group_department": 1},
        }

    def action_open_previous_years(self):
        """The model year by year: the years before it and after it (its
        renewals), each with its recognised level and streak."""
        self.ensure_one()
        # sudo: only the links between the years are followed, also through a
        # year of a former unit; the list shows the years the user may read
        model = self.sudo()
        chain = model
        current = model.previous_id
        while current and current not in chain:
            chain |= current
            current = current.previous_id
        current = model.next_ids
        while current - chain:
            current -= chain
            chain |= current
            current = current.next_ids
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.model",
            "name": self.env._("Years of %(name)s", name=self.name),
            "view_mode": "list,form",
            "views": [
                (self.env.ref("dvk_models.dvk_model_view_list_years").id, "list"),
                (False, "form"),
            ],
            "domain": [("id", "in", chain.ids)],
        }
