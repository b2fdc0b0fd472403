from odoo import api, fields, models


class DvkDecisionDeadline(models.AbstractModel):
    """A decision against its campaign's recognition deadline (seed 001 §4:
    recognition at every level before 15/10): the deadline for the
    decision's level, read against the decision's own date, never today's.
    A decision dated after it may still be issued; the officer is warned on
    the draft, and the decision records it when it is issued."""

    _name = "dvk.decision.deadline"
    _description = "DVK Decision and Recognition Deadline"

    # Recomputed when the date, the level, the campaign or the state change,
    # not when the campaign's calendar is edited later: what the decision
    # records is the deadline in force when it was issued.
    recognition_deadline = fields.Date(
        compute="_compute_recognition_deadline",
        store=True,
        copy=False,
        help="The campaign's recognition deadline for the decision's level "
        "(its recognition lines naming that level, else those naming none).",
    )
    after_recognition_deadline = fields.Boolean(
        string="After the Recognition Deadline",
        compute="_compute_recognition_deadline",
        store=True,
        copy=False,
        index="btree_not_null",
        help="The decision is dated after its campaign's recognition deadline "
        "for its level.",
    )
    deadline_note = fields.Char(
        string="Recognition Deadline Note", compute="_compute_deadline_note"
    )

    @api.depends("state", "date", "level_id", "campaign_id")
    def _compute_recognition_deadline(self):
        for decision in self:
            lines = decision.campaign_id.deadline_ids._for_level(
                "recognition", decision.level_id
            )
            deadline = max(lines.mapped("date"), default=False)
            decision.recognition_deadline = deadline
            decision.after_recognition_deadline = bool(
                deadline and decision.date and decision.date > deadline
            )

    @api.depends("state", "after_recognition_deadline", "recognition_deadline")
    @api.depends_context("lang")
    def _compute_deadline_note(self):
        for decision in self:
            if not decision.after_recognition_deadline:
                decision.deadline_note = False
                continue
            deadline = decision.recognition_deadline.strftime("%d/%m/%Y")
            if decision.state == "draft":
                decision.deadline_note = self.env._(
                    "Dated after the recognition deadline %(date)s of "
                    "%(campaign)s at %(level)s%(cite)s: it can still be issued, "
                    "and will be recorded as issued late.",
                    date=deadline,
                    campaign=decision.campaign_id.name,
                    level=decision.level_id.name,
                    cite=self.env["dvk.rule"]._dvk_cite(
                        "recognition_deadline",
                        date=decision.date,
                        profile=decision.campaign_id.profile_id,
                    ),
                )
            else:
                decision.deadline_note = self.env._(
                    "Issued after the recognition deadline %(date)s.", date=deadline
                )
