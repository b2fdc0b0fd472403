from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class DvkModelPreviousLink(models.AbstractModel):
    """A model registered anew linked afterwards to last year's (Decision
    976/QĐ-UBND Article 7.3, seed 000 §II.2): the renewal recorded after the
    fact, so that its consecutive years count."""

    _name = "dvk.model.previous.link"
    _description = "DVK Model Linked to Last Year's"

    previous_link_reason = fields.Text(
        string="Why Linked to Last Year",
        readonly=True,
        copy=False,
        tracking=True,
        help="The model was registered anew, not renewed: the DVK officer "
        "linked it afterwards to the same model of the previous year, so "
        "that its consecutive years count as for a renewal (Decision "
        "976/QĐ-UBND, Article 7.3).",
    )
    dvk_can_link_previous = fields.Boolean(
        string="Can Link to Last Year",
        compute="_compute_dvk_can_link_previous",
        help="The current user may link this model, registered anew, to the "
        "same model of last year: a DVK officer in charge of its unit (or a "
        "manager), while it has no previous year.",
    )

    @api.depends_context("uid")
    @api.depends("previous_id", "state", "department_id")
    def _compute_dvk_can_link_previous(self):
        """The predicate of the Link button: the guards of
        :meth:`_dvk_link_previous` that do not depend on the year chosen."""
        for model in self:
            model.dvk_can_link_previous = bool(
                not model.previous_id
                and model.state not in model._dvk_link_previous_closed_states()
                and model._origin.id
                and model._dvk_in_officer_scope()
            )

    def _dvk_link_previous_closed_states(self):
        """States of a model that no longer goes on (refused, removed): no
        streak to carry."""
        return ("refused", "removed")

    def _dvk_link_previous_refusal(self, previous):
        """Why ``previous`` cannot be this model's previous year (a sentence
        ending in its source), or "" when the link is allowed: the renewal's
        own rules, checked after the fact."""
        self.ensure_one()
        # sudo: the previous year may belong to a former unit or another
        # officer's scope; only its year, unit, subject and links are read
        previous = previous.sudo()
        # sudo: the same facts of this model, also of its former unit
        model = self.sudo()
        cite = self.env["dvk.rule"]._dvk_cite(
            "model_consecutive_years", profile=self.campaign_id.profile_id
        )
        values = {"name": self.name, "previous": previous.name, "cite": cite}
        if model.previous_id:
            return self.env._(
                "%(name)s already follows %(previous)s of an earlier year: "
                "its previous year is recorded once%(cite)s.",
                **dict(values, previous=model.previous_id.name),
            )
        if previous == model:
            return self.env._("%(name)s cannot follow itself%(cite)s.", **values)
        if previous.year != model.year - 1:
            return self.env._(
                "%(previous)s is of %(year)s: the previous year of %(name)s "
                "(%(own)s) is %(last)s. Link it to the same model of %(last)s"
                "%(cite)s.",
                year=previous.year,
                own=model.year,
                last=model.year - 1,
                **values,
            )
        if previous.campaign_id._next_campaign() != model.campaign_id:
            return self.env._(
                "%(previous)s belongs to a campaign of another guidance or "
                "province: %(name)s does not continue it%(cite)s.",
                **values,
            )
        if previous.subject_type != model.subject_type or (
            model.subject_type == "individual"
            and previous.employee_id != model.employee_id
        ):
            return self.env._(
                "%(previous)s is not of the same person or collective as "
                "%(name)s: the consecutive years count for one subject%(cite)s.",
                **values,
            )
        units = previous.department_id | previous.department_id._dvk_lineage_current()
        if model.subject_type == "collective" and model.department_id not in units:
            return self.env._(
                "%(previous)s was carried out by %(unit)s: %(name)s continues "
                "it only in that unit or in the unit that took it over"
                "%(cite)s.",
                unit=previous.department_id.name,
                **values,
            )
        if previous not in previous._dvk_state_allows("renew"):
            return self.env._(
                "%(previous)s was not recognised in %(year)s: only a "
                "recognised model goes on as a renewal%(cite)s.",
                year=previous.year,
                **values,
            )
        if previous.next_ids:
            return self.env._(
                "%(previous)s already goes on in %(next)s: a model has one "
                "next year%(cite)s.",
                next=previous.next_ids[0].name,
                **values,
            )
        chain = previous.previous_id
        seen = previous
        while chain and chain not in seen:
            if chain == model:
                return self.env._(
                    "%(name)s is an earlier year of %(previous)s: the link would "
                    "make a loop%(cite)s.",
                    **values,
                )
            seen |= chain
            chain = chain.previous_id
        return ""

    def _dvk_link_previous(self, previous, reason):
        """Seed 003 Điều 7.3 with seed 000 §II.2: a model registered anew
        (not through the renewal) is linked by the DVK officer to the same
        model of last year — a renewal recorded after the fact, with its
        reason, logged on both years — so that its consecutive years count."""
        self.ensure_one()
        self._dvk_check_officer_scope()
        if self.state in self._dvk_link_previous_closed_states():
            raise UserError(
                self.env._(
                    "%(name)s is refused or removed: it has no streak to carry.",
                    name=self.display_name,
                )
            )
        if not (reason or "").strip():
            raise ValidationError(
                self.env._(
                    "Give the reason why %(name)s continues last year's model: "
                    "it is kept in the history of both years%(cite)s.",
                    name=self.name,
                    cite=self.env["dvk.rule"]._dvk_cite(
                        "model_consecutive_years",
                        profile=self.campaign_id.profile_id,
                    ),
                )
            )
        refusal = self._dvk_link_previous_refusal(previous)
        if refusal:
            raise UserError(refusal)
        reason = reason.strip()
        # sudo: last year's name and year only, whoever's scope it is in
        last = previous.sudo()
        self._dvk_workflow_write(
            {"previous_id": previous.id, "previous_link_reason": reason},
            bodies={
                self.id: self._dvk_body(
                    self.env._(
                        "Linked to %(previous)s of %(year)s as its previous year "
                        "(a renewal recorded after the fact): %(reason)s",
                        previous=last.name,
                        year=last.year,
                        reason=reason,
                    )
                )
            },
        )
        # sudo: the note goes on last year's record, which may be in a former
        # unit's or another officer's scope
        previous.sudo()._dvk_log_batch(
            {
                previous.id: self._dvk_body(
                    self.env._(
                        "Goes on in %(year)s as %(name)s (a renewal recorded "
                        "after the fact): %(reason)s",
                        year=self.year,
                        name=self.name,
                        reason=reason,
                    )
                )
            }
        )
        return True

    def action_link_previous_wizard(self):
        self.ensure_one()
        self._dvk_check_officer_scope()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.model.link.previous.wizard",
            "name": self.env._("Link to Last Year's Model"),
            "view_mode": "form",
            "target": "new",
            "context": {"default_model_id": self.id},
        }
