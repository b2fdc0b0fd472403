from odoo import api, fields, models
from odoo.exceptions import UserError


class DvkRecognitionMixin(models.AbstractModel):
    """Recognition by decision: the level chain in force for the campaign,
    the ladder a record climbs (seed 001 §3), one proposal at a time, and
    the state a record returns to when a decision is cancelled.

    :meth:`action_propose` is the one proposal of models and exemplars:
    ``_dvk_transitions["propose"]`` decides the states, then
    :meth:`_check_can_propose` (the record's own rules: a hook) and
    :meth:`_dvk_default_proposal_level` (a sector's level: a hook).
    """

    _name = "dvk.recognition.mixin"
    _inherit = ["dvk.state.mixin"]
    _description = "DVK Recognition by Decision"

    proposal_level_id = fields.Many2one(
        "dvk.level",
        string="Proposed Level",
        readonly=True,
        copy=False,
        tracking=True,
        ondelete="restrict",
        help="The level at which the record is proposed for recognition.",
    )
    proposal_date = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the record was last proposed for recognition: the date "
        "its submission letter bears when printed again.",
    )
    recognized_level_id = fields.Many2one(
        "dvk.level",
        string="Recognised Level",
        compute="_compute_recognized_level_id",
        store=True,
        copy=False,
        tracking=True,
        help="The highest level reached through confirmed decisions.",
    )
    decision_line_ids = fields.One2many(
        "dvk.decision.line", compute="_compute_decision_line_ids"
    )

    # ------------------------------------------------------------------
    # Levels
    # ------------------------------------------------------------------
    # Confirming or cancelling a decision changes the state of its records:
    # the lines are read again, so the guards never see a stale list.
    @api.depends("state")
    def _compute_decision_line_ids(self):
        fname = self._dvk_line_field()
        lines = self.env["dvk.decision.line"].search([(fname, "in", self.ids)])
        by_record = lines.grouped(fname)
        for record in self:
            record.decision_line_ids = by_record.get(record, lines.browse())

    @api.depends("state")
    def _compute_recognized_level_id(self):
        """Highest level among the confirmed decisions naming the record."""
        best = self._dvk_confirmed_levels()
        for record in self:
            record.recognized_level_id = best.get(record.id, False)

    def _dvk_confirmed_levels(self):
        """{record id: highest level of the confirmed decisions naming it}."""
        fname = self._dvk_line_field()
        records = self.filtered("id")
        best = {}
        if records:
            # sudo: only the levels of confirmed decisions are read
            all_lines = self.env["dvk.decision.line"].sudo()
            lines = all_lines.search_fetch(
                [(fname, "in", records.ids), ("decision_id.state", "=", "confirmed")],
                [fname, "level_id"],
            )
            for line in lines:
                key = line[fname].id
                level = line.level_id
                if key not in best or level._is_above(best[key]):
                    best[key] = level
        return best

    def _dvk_write_proposal(self, level):
        """Put the records forward at ``level``. A record already recognised
        at a lower level stays recognised while the higher proposal runs: it
        remains locked and keeps counting for consecutive years and exemplar
        eligibility (seed 001 §3); only its proposed level is set."""
        # Here rather than among the sectors' overridable checks: a record has
        # one proposal under way at a time, whatever the profile.
        pending = self.filtered("proposal_level_id")
        if pending:
            raise UserError(
                self.env._(
                    "%(name)s is already proposed at %(level)s.",
                    name=pending[0].display_name,
                    level=pending[0].proposal_level_id.name,
                )
            )
        # The day of the proposal, which its letter bears (reprint as issued).
        vals = {
            "proposal_level_id": level.id,
            "proposal_date": fields.Date.context_today(self),
        }
        recognised = self.filtered(lambda r: r.state == "recognized")
        if recognised:
            recognised._dvk_workflow_write(vals)
        others = self - recognised
        if others:
            others._dvk_workflow_write(dict(vals, state="proposed"))

    def _dvk_restore_after_cancel(self, level):
        """After a decision at ``level`` is cancelled, each record returns to
        what the remaining confirmed decisions say: recognised at the highest
        level it still holds (its proposal at ``level`` open again when that
        level is higher), or proposed at ``level`` when nothing is left."""
        held = self._dvk_confirmed_levels()
        groups = {}
        for record in self:
            best = held.get(record.id)
            if not best:
                key = ("proposed", level.id)
            elif level._is_above(best):
                key = ("recognized", level.id)
            else:
                key = ("recognized", False)
            groups.setdefault(key, self.browse())
            groups[key] |= record
        for (state, proposal), records in groups.items():
            # Writing the state recomputes the recognised level, also when
            # the record stays recognised at a lower level.
            records._dvk_workflow_write({"state": state, "proposal_level_id": proposal})

    def _check_recognizable(self, decisions):
        """Hook: raise when these records cannot be recognised by ``decisions``.

        The core has no further condition than the decision's own checks;
        scoring and sector addons add theirs (self-assessment, dossiers).
        """
        return True

    def _dvk_aimed_level(self):
        """Hook: the level the record aims at when its unit has none."""
        return self.env["dvk.level"]

    def _dvk_default_proposal_level(self):
        """The next level of the record's chain: the one above the level it
        is recognised at, or else its unit's own level."""
        self.ensure_one()
        reached = self.recognized_level_id
        if reached:
            return self._dvk_level_chain().filtered(lambda lvl: lvl._is_above(reached))[
                :1
            ]
        level = self.department_id.dvk_level_id or self._dvk_aimed_level()
        if level:
            return level
        # A unit with no level of its own (a party cell, a trade-union group)
        # is recognised at the level of the nearest unit above it that has
        # one; else the record starts at the bottom of its chain.
        unit = self.department_id.parent_id
        while unit and not unit.dvk_level_id:
            unit = unit.parent_id
        return unit.dvk_level_id or self._dvk_level_chain()[:1]

    def _dvk_level_chain(self):
        """The level chain in force for the record's campaign, lowest first
        (``dvk.campaign._dvk_level_chain``)."""
        self.ensure_one()
        if not self.campaign_id:
            return self.env["dvk.level"]._get_ordered()
        return self.campaign_id._dvk_level_chain()

    def _dvk_level_below(self, level):
        """The level just below ``level`` in the chain in force for the
        record's campaign: seed 001 §3's "the level just below" as the period
        has it (province directly above grassroots from 1/7/2025)."""
        self.ensure_one()
        chain = self._dvk_level_chain()
        if level in chain:
            index = chain.ids.index(level.id)
            return chain[index - 1] if index else self.env["dvk.level"]
        return level._previous()

    def _dvk_proposal_rules(self, level):
        """The rules a proposal of these records at ``level`` must meet, as
        sentences for the proposal dialog, each naming the records that do
        not meet it yet (the proposal itself checks them again). Each rule is
        a small method returning its sentences; a model adds its own by
        extending this one with ``super()``."""
        own = self._dvk_own_level_records(level)
        climbing = self - own
        outside = climbing.filtered(lambda r: level not in r._dvk_level_chain())
        return [
            *own._dvk_rule_own_level(level),
            *outside._dvk_rule_outside_chain(level),
            *(climbing - outside)._dvk_rule_ladder(level),
            *self._dvk_rule_self_assessment(),
            *climbing._dvk_rule_deadline(level),
        ]

    def _dvk_rule_names(self):
        """The records named by a rule: five, then how many more."""
        shown = ", ".join(self[:5].mapped("display_name"))
        if len(self) > 5:
            shown = self.env._(
                "%(names)s and %(count)s more", names=shown, count=len(self) - 5
            )
        return shown

    def _dvk_own_level_records(self, level):
        """The records whose unit holds ``level`` or a higher one."""
        return self.filtered(
            lambda r: (
                r.department_id.dvk_level_id
                and not level._is_above(r.department_id.dvk_level_id)
            )
        )

    def _dvk_rule_own_level(self, level):
        if not self:
            return []
        return [
            self.env._(
                "Units at %(level)s propose at their own level directly: %(names)s.",
                level=level.name,
                names=self._dvk_rule_names(),
            )
        ]

    def _dvk_rule_outside_chain(self, level):
        if not self:
            return []
        return [
            self.env._(
                "%(level)s is not a level of the chain in force for the "
                "campaign of %(names)s.",
                level=level.name,
                names=self._dvk_rule_names(),
            )
        ]

    def _dvk_rule_ladder(self, level):
        """Seed 001 §3: above the unit's own level, the level just below
        first."""
        by_below = {}
        for record in self:
            below = record._dvk_level_below(level)
            by_below[below] = by_below.get(below, self.browse()) | record
        rules_ = []
        for below, records in by_below.items():
            if not below:
                continue
            missing = records.filtered(
                lambda r, below=below: (
                    not r.recognized_level_id or below._is_above(r.recognized_level_id)
                )
            )
            text = self.env._(
                "Above the unit's own level, a record must first be recognised "
                "at %(below)s before being proposed at %(level)s.",
                below=below.name,
                level=level.name,
            ) + self.env["dvk.rule"]._dvk_cite(
                "proposal_level_ladder", profile=records.campaign_id[:1].profile_id
            )
            if missing:
                text += " " + self.env._(
                    "Not yet recognised at %(below)s: %(names)s.",
                    below=below.name,
                    names=missing._dvk_rule_names(),
                )
            rules_.append(text)
        return rules_

    def _dvk_rule_self_assessment(self):
        """Seed 001 §3: every level needs the self-assessment."""
        text = self.env._(
            "Every level of recognition needs a finished self-assessment that "
            "meets its knock-out criteria."
        )
        unassessed = self.filtered(lambda r: not r.self_assessed)
        if unassessed:
            text += " " + self.env._(
                "Still missing for: %(names)s.", names=unassessed._dvk_rule_names()
            )
        return [text]

    def _dvk_rule_deadline(self, level):
        """Seed 001 §4: the campaign's deadline for proposals at ``level``
        (the deadline lines naming that level, else those naming none)."""
        rules_ = []
        today = fields.Date.context_today(self)
        for campaign in self.campaign_id:
            lines = campaign.deadline_ids._for_level("proposal", level)
            deadline = max(lines.mapped("date"), default=False)
            if not deadline:
                continue
            if today > deadline:
                rules_.append(
                    self.env._(
                        "The deadline for proposals at %(level)s of "
                        "%(campaign)s (%(date)s) has passed: only a DVK manager "
                        "can still propose.",
                        level=level.name,
                        campaign=campaign.name,
                        date=deadline.strftime("%d/%m/%Y"),
                    )
                )
            else:
                rules_.append(
                    self.env._(
                        "Proposals at %(level)s of %(campaign)s are due by %(date)s.",
                        level=level.name,
                        campaign=campaign.name,
                        date=deadline.strftime("%d/%m/%Y"),
                    )
                )
        return rules_

    def action_propose_wizard(self):
        """Open the proposal dialog: the level preselected as the next one of
        the records' chain, with the rules that apply."""
        return self.env["dvk.propose.wizard"]._open_for(self)

    def _dvk_check_propose_level(self, level):
        """A record is never proposed again at or below the level it
        reached; then the profile's ladder decides (``_dvk_check_level_ladder``)."""
        for record in self:
            reached = record.recognized_level_id
            if reached and not level._is_above(reached):
                raise UserError(
                    self.env._(
                        "%(name)s is already recognised at %(level)s; propose it "
                        "at a higher level.",
                        name=record.display_name,
                        level=reached.name,
                    )
                )
            chain = record._dvk_level_chain()
            if level not in chain:
                raise UserError(
                    self.env._(
                        "%(level)s is not a level of %(campaign)s: its chain in "
                        "force is %(chain)s.",
                        level=level.name,
                        campaign=record.campaign_id.display_name,
                        chain=" → ".join(chain.mapped("name")),
                    )
                )
        return self._dvk_check_level_ladder(level)

    def _dvk_check_level_ladder(self, level):
        """Hook. Seed 001 §3: above the unit's own level, the level just below
        must have recognised the record first (district from grassroots,
        province from district). A sector whose authority follows another
        rule (the union's reach) overrides it. The chain is the one in force
        for the record's campaign: from 1/7/2025 the party's province level
        comes straight after grassroots."""
        for record in self:
            below = record._dvk_level_below(level)
            if not below:
                continue
            own = record.department_id.dvk_level_id
            if own and not level._is_above(own):
                continue
            reached = record.recognized_level_id
            if not reached or below._is_above(reached):
                raise UserError(
                    self.env._(
                        "%(name)s must first be recognised at %(below)s before "
                        "being proposed at %(level)s.",
                        name=record.display_name,
                        below=below.name,
                        level=level.name,
                    )
                    + self.env["dvk.rule"]._dvk_cite(
                        "proposal_level_ladder",
                        profile=record.campaign_id.profile_id,
                    )
                )
        return True

    def _dvk_protected_fields(self):
        return super()._dvk_protected_fields() | {
            "proposal_level_id",
            "proposal_date",
            "recognized_level_id",
        }

    def _check_can_propose(self, level):
        """Hook: raise when the records of ``self`` cannot be proposed at
        ``level``. The core refuses a level the record reached or one outside
        its ladder; models and exemplars add their rules (self-assessment,
        dossiers, eligibility), sectors theirs (periodic reports)."""
        return self._dvk_check_propose_level(level)

    def action_propose(self, level=None):
        """Propose records for recognition, in batch: each at ``level``, or
        else at its default level (:meth:`_dvk_default_proposal_level`)."""
        self._dvk_check_transition("propose")
        self._dvk_check_officer_scope()
        if isinstance(level, int):
            level = self.env["dvk.level"].browse(level)
        by_level = {}
        for record in self:
            target = level or record._dvk_default_proposal_level()
            if not target:
                raise UserError(
                    self.env._(
                        "Choose the level at which to propose %(name)s.",
                        name=record.name,
                    )
                )
            by_level.setdefault(target, self.browse())
            by_level[target] |= record
        for target, records in by_level.items():
            records._check_can_propose(target)
            records._dvk_write_proposal(target)
            text = self.env._(
                "Proposed for recognition at %(level)s.", level=target.name
            )
            records._dvk_log_batch({r.id: self._dvk_body(text) for r in records})
        return True
