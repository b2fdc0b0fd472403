from odoo import api, models
from odoo.exceptions import UserError
from odoo.fields import Domain

# The dvk.rule stating who recognises under the core (party) profile.
RULE_COMPETENT_BODY = "recognition_competent_body"


class DvkCompetentBodyMixin(models.AbstractModel):
    """Who may recognise a model or an exemplar at a level: the competent
    body of each record (seed 000 §II.1 step 4, seed 001 §3-4). A decision
    names only records its issuing unit may recognise; the line pickers
    offer only those, and issuing checks them again."""

    _name = "dvk.competent.body.mixin"
    _description = "DVK Competent Body"

    def _dvk_competent_bodies(self, level, date):
        """Hook: {record: units} the bodies that may recognise each of these
        records at ``level`` on ``date``, for the whole batch in a number of
        queries that does not grow with it.

        Core (party) rule: the committee (or steering committee) of the
        record's own unit or of its nearest unit above holding ``level``,
        found on the approval routing (``hr.department._dvk_approver_chain``).
        A sector overrides it for its own records (the police matrix, the
        union's reach, the state agencies' committees)."""
        # sudo: who recognises is configuration of the units, read for any
        # record the decision names
        by_unit = self._dvk_recognising_units(self.department_id, level)
        empty = self.env["hr.department"]
        return {
            record: empty.browse(by_unit.get(record.department_id.id, []))
            for record in self
        }

    @api.model
    def _dvk_recognising_units(self, units, level):
        """{unit id: ids of the bodies that recognise the records of that
        unit at ``level``}: the unit holding ``level`` nearest at or above it
        on the approval routing (``hr.department._dvk_approver_chain``, the
        walk approval takes); no such unit, no body. Read at once for all
        the units."""
        # sudo: the paths and levels of the units, configuration
        units = units.sudo()
        chain_ids = tuple(
            {
                int(i)
                for path in units.mapped("parent_path")
                for i in path.split("/")
                if i
            }
        )
        result = {}
        for unit in units:
            # The levels are read for every chain at once, and only when a
            # unit below the one holding the level is met (none when the
            # record's own unit holds it).
            chain = unit._dvk_approver_chain().with_prefetch(chain_ids)
            holder = next((u for u in chain if u.dvk_level_id == level), None)
            result[unit.id] = [holder.id] if holder else []
        return result

    @api.model
    def _dvk_is_competent(self, issuer, bodies, level):
        """Whether ``issuer`` may recognise at ``level`` a record whose
        competent bodies are ``bodies``: one of them, or the steering
        committee of that level set up directly under one of them ("the
        committee or steering committee", seed 000 §II.1 step 4, seed 001
        §3)."""
        if issuer in bodies:
            return True
        # sudo: the kind and place of the issuing unit, configuration
        unit = issuer.sudo()
        return bool(
            unit.dvk_is_steering_committee
            and unit.dvk_level_id == level
            and unit.parent_id in bodies
        )

    def _dvk_competent_rule_code(self):
        """Hook: the code of the ``dvk.rule`` naming who recognises these
        records (cited in the refusal)."""
        return RULE_COMPETENT_BODY

    def _dvk_competent_domain(self, decision):
        """The records of this model the issuing unit of ``decision`` may
        recognise at its level and date, among those proposed there: the
        domain of the line pickers and of "Add Proposed Records"."""
        issuer = decision.authority_department_id
        if not issuer or not decision.level_id or not decision.campaign_id:
            return Domain.FALSE
        # sudo: who is proposed at the level is read for the domain only;
        # the pickers apply the reader's record rules afterwards
        proposed = self.sudo().search(
            [
                ("campaign_id", "=", decision.campaign_id.id),
                ("proposal_level_id", "=", decision.level_id.id),
            ]
        )
        bodies = proposed._dvk_competent_bodies(
            decision.level_id, decision._dvk_recognition_date()
        )
        level = decision.level_id
        return Domain(
            "id",
            "in",
            [
                r.id
                for r, units in bodies.items()
                if self._dvk_is_competent(issuer, units, level)
            ],
        )

    def _dvk_refuse_at_other_level(self, decision, cite):
        """Refuse this record, which nobody recognises at ``decision``'s
        level, naming the body that recognises it at its default proposal
        level (the commune police's model: the district police), if any."""
        self.ensure_one()
        level = self._dvk_default_proposal_level()
        if not level or level == decision.level_id:
            return
        date = decision._dvk_recognition_date()
        competent = self._dvk_competent_bodies(level, date)[self]
        if not competent:
            return
        raise UserError(
            self.env._(
                "%(name)s is recognised at %(level)s by %(body)s, not at "
                "%(asked)s by %(issuer)s%(cite)s. Propose it at %(level)s for "
                "%(body)s to recognise it.",
                name=self.display_name,
                level=level.name,
                body=" / ".join(competent.mapped("name")),
                asked=decision.level_id.name,
                issuer=decision.authority_department_id.name,
                cite=cite,
            )
        )

    def _dvk_check_competent_body(self, decision):
        """Refuse the records ``decision``'s issuing unit may not recognise
        at its level, naming the body that may, with the rule's source."""
        issuer = decision.authority_department_id
        if not self or not issuer or not decision.level_id:
            return
        date = decision._dvk_recognition_date()
        # sudo: only the unit and campaign of the records are read, the same
        # whoever writes the decision (its lines name readable records)
        records = self.sudo()
        bodies = records._dvk_competent_bodies(decision.level_id, date)
        for record in records:
            competent = bodies[record]
            if self._dvk_is_competent(issuer, competent, decision.level_id):
                continue
            cite = self.env["dvk.rule"]._dvk_cite(
                record._dvk_competent_rule_code(),
                date=date,
                profile=record.campaign_id.profile_id,
            )
            if not competent:
                record._dvk_refuse_at_other_level(decision, cite)
                raise UserError(
                    self.env._(
                        "%(name)s cannot be recognised at %(level)s: no unit "
                        "of that level recognises the records of %(unit)s%(cite)s. "
                        "Propose it at the level of the body that recognises "
                        "it, or set the DVK level of the unit that does.",
                        name=record.display_name,
                        level=decision.level_id.name,
                        unit=record.department_id.name or "-",
                        cite=cite,
                    )
                )
            raise UserError(
                self.env._(
                    "%(name)s is recognised at %(level)s by %(body)s, not by "
                    "%(issuer)s%(cite)s. Take it out of this decision, or let "
                    "%(body)s issue it.",
                    name=record.display_name,
                    level=decision.level_id.name,
                    body=" / ".join(competent.mapped("name")),
                    issuer=issuer.name,
                    cite=cite,
                )
            )
