from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from ..tools import rules


class DvkModelRegistration(models.AbstractModel):
    """A registration as it is entered: its name, dates and target level
    within the campaign, and who may register what (RELIABILITY (b) 5, 32)."""

    _name = "dvk.model.registration"
    _description = "DVK Model Registration"

    @api.constrains("name")
    def _check_name(self):
        for model in self:
            if not rules.normalize_text(model.name):
                raise ValidationError(self.env._("The model needs a name."))
            if len(model.name) > 500:
                raise ValidationError(
                    self.env._("The name of a model is limited to 500 characters.")
                )

    @api.constrains("date_start", "date_end", "campaign_id")
    def _check_dates(self):
        for model in self:
            campaign = model.campaign_id
            if (
                model.date_start
                and model.date_end
                and model.date_end < (model.date_start)
            ):
                raise ValidationError(
                    self.env._("%(name)s ends before it starts.", name=model.name)
                )
            for value in (model.date_start, model.date_end):
                if value and not campaign.date_start <= value <= campaign.date_end:
                    raise ValidationError(
                        self.env._(
                            "The dates of %(name)s must be within the campaign "
                            "%(campaign)s (%(start)s - %(end)s).",
                            name=model.name,
                            campaign=campaign.name,
                            start=campaign.date_start.strftime("%d/%m/%Y"),
                            end=campaign.date_end.strftime("%d/%m/%Y"),
                        )
                    )

    @api.constrains("level_id", "campaign_id")
    def _check_level_in_chain(self):
        """The target level is one of the chain in force for the campaign
        (the levels its picker offers): a 2026 party model cannot aim at the
        district tier that ended on 30/6/2025."""
        for model in self:
            if not model.level_id or not model.campaign_id:
                continue
            chain = model.campaign_id._dvk_level_chain()
            if model.level_id not in chain:
                raise ValidationError(
                    self.env._(
                        "%(level)s is not a level of %(campaign)s: its chain in "
                        "force is %(chain)s.",
                        level=model.level_id.name,
                        campaign=model.campaign_id.name,
                        chain=" → ".join(chain.mapped("name")),
                    )
                )

    @api.onchange("campaign_id")
    def _onchange_campaign_id_level(self):
        # Another campaign may climb another chain: a target level outside it
        # is dropped rather than refused on saving.
        if self.level_id and self.level_id not in self.level_chain_ids:
            self.level_id = False

    @api.constrains("replicated_from_id")
    def _check_replication(self):
        if self._has_cycle("replicated_from_id"):
            raise ValidationError(
                self.env._("A model cannot replicate itself, even indirectly.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name"):
                vals["name"] = rules.normalize_text(vals["name"])
        # The keys of the unique registration are inserted with the new rows:
        # a model removed just before (in this transaction) must be so in the
        # database first (nothing pending costs no query).
        self.flush_model(["state", "campaign_id", "subject_key", "name_key"])
        records = super().create(vals_list)
        records._dvk_check_registrant()
        records.filtered("is_supplementary")._dvk_check_supplementary_judge()
        return records

    def _dvk_check_registration_fields(self):
        """The registration states what its guidance's form names (seed 001
        §3-4, Mẫu 1: scope, objectives, timeline, expected result; the
        profile's ``registration_field_ids``) before it is submitted; a draft
        is saved without them. The refusal lists the missing fields by their
        labels."""
        for model in self:
            profile = model.campaign_id.profile_id
            # sudo: which fields a registration states is configuration
            names = profile.sudo()._dvk_registration_fields().mapped("name")
            # In the order the form shows them: scope, objectives, start, end...
            order = list(model._fields)
            names = sorted(names, key=lambda n: order.index(n) if n in order else 0)
            missing = [
                model._fields[name].get_description(self.env)["string"]
                for name in names
                if name in model._fields
                and not (
                    model[name].strip() if isinstance(model[name], str) else model[name]
                )
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be submitted yet: fill in %(fields)s. "
                        "A registration states them%(cite)s; a draft may be "
                        "saved without them.",
                        name=model.display_name,
                        fields=", ".join(missing),
                        cite=self.env["dvk.rule"]._dvk_cite(
                            "registration_required_fields", profile=profile
                        ),
                    )
                )

    def _dvk_check_monitor(self):
        """Seed 000 §II.1 step 2: where the profile says so, the committee
        assigns a monitoring officer to the model, who follows it and prepares
        its evaluation; a model is proposed only once he is set."""
        for model in self:
            profile = model.campaign_id.profile_id
            if profile.monitor_required and not model.monitor_id:
                raise UserError(
                    self.env._(
                        "%(name)s has no monitoring officer: under %(profile)s "
                        "the committee assigns one to every model%(cite)s. Set "
                        "the monitoring officer before proposing it.",
                        name=model.display_name,
                        profile=profile.display_name,
                        cite=self.env["dvk.rule"]._dvk_cite(
                            "proposal_monitor_required", profile=profile
                        ),
                    )
                )

    def _dvk_check_supplementary_judge(self):
        """Seed 000 §II.2: whether a model is supplementary is the system's
        judgement (a late submission) or an officer's, for units in charge."""
        if self.env.su:
            return
        outside = self.filtered(lambda m: not m._dvk_in_officer_scope())
        if outside:
            raise UserError(
                self.env._(
                    "Only an officer in charge of %(unit)s can mark a model as "
                    "supplementary; a late submission is marked automatically.",
                    unit=outside[0].department_id.name,
                )
            )

    def write(self, vals):
        if vals.get("name"):
            vals["name"] = rules.normalize_text(vals["name"])
        if "is_supplementary" in vals:
            self._dvk_check_supplementary_judge()
        res = super().write(vals)
        if {"employee_id", "department_id", "subject_type"} & set(vals):
            self._dvk_check_registrant()
        return res

    def _dvk_check_registrant(self):
        """Staff register for themselves or their own unit only (RELIABILITY
        (b) 5, 32); officers register for the units in their charge."""
        if self.env.su or self._dvk_is_officer():
            return
        employees = self.env.user.employee_ids
        if not employees:
            raise UserError(
                self.env._(
                    "Your user is not linked to an employee, so you cannot "
                    "register a model. Ask HR to link your employee record."
                )
            )
        for model in self:
            if model.subject_type == "individual" and (
                model.employee_id not in employees
            ):
                raise UserError(
                    self.env._("You can only register individual models for yourself.")
                )
            if model.department_id not in employees.department_id:
                raise UserError(
                    self.env._("You can only register models of your own unit.")
                )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for model, vals in zip(self, vals_list, strict=True):
            if "name" not in (default or {}):
                vals["name"] = self.env._("%(name)s (copy)", name=model.name)
        return vals_list
