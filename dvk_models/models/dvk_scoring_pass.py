from odoo import models
from odoo.exceptions import UserError


class DvkScoringPass(models.AbstractModel):
    """Whether a record's scores pass (seed 001 §3: models at every level
    meet the criteria of the self-assessment score sheet): the latest
    finished self-assessment before a proposal, the council's aggregated
    score before recognition at a level its profile has a council judge.
    The refusals name the score, the pass mark and the rule's source."""

    _name = "dvk.scoring.pass"
    _description = "DVK Scoring Pass Marks"

    def _dvk_self_sheet(self):
        """The latest finished self-assessment sheet of the record, scored
        against its criteria set: the one a proposal reads (seed 001 §3), an
        older passing sheet never saves a newer failing one."""
        self.ensure_one()
        # sudo: the result of the sheet is read for the proposal's check,
        # whoever proposes (as in _compute_scores)
        Sheet = self.env["dvk.score.sheet"].sudo()
        return Sheet.search(
            [
                (self._dvk_line_field(), "=", self._origin.id),
                ("kind", "=", "self"),
                ("state", "=", "done"),
                ("criteria_set_id", "=", self.criteria_set_id.id),
            ],
            order="id desc",
            limit=1,
        )

    def _dvk_raise_failed_sheet(self, sheet, what, code, score=None, knock_out=None):
        """Refuse ``self`` whose ``sheet`` (or the council's aggregate
        ``score``) does not pass: name the record, the score, the pass mark
        of its criteria set and the rule ``code`` with its source."""
        self.ensure_one()
        cite = self.env["dvk.rule"]._dvk_cite(code, profile=self.campaign_id.profile_id)
        if knock_out is None:
            knock_out = not sheet.mandatory_ok
        if knock_out:
            raise UserError(
                self.env._(
                    "%(name)s cannot go further: %(what)s fails a knock-out "
                    "criterion. A model or exemplar at every level must meet "
                    "the criteria of the self-assessment score sheet%(cite)s. "
                    "Correct the sheet and finish it again.",
                    name=self.display_name,
                    what=what,
                    cite=cite,
                )
            )
        score = sheet.percent if score is None else score
        mark = self.criteria_set_id._dvk_pass_mark()
        raise UserError(
            self.env._(
                "%(name)s cannot go further: %(what)s scores %(score)s%%, below "
                "the pass mark of %(mark)s%% of %(set)s. A model or exemplar at "
                "every level must meet the criteria of the self-assessment "
                "score sheet%(cite)s. Improve the results and score it again.",
                name=self.display_name,
                what=what,
                score=f"{score:g}",
                mark=f"{mark:g}" if mark is not None else "-",
                set=self.criteria_set_id.display_name,
                cite=cite,
            )
        )

    def _dvk_check_council_result(self, decisions):
        """Seed 001 §3 through the profile's council: where the campaign's
        profile has a council judge recognition at the level of one of
        ``decisions`` (its ``council_level_ids``), the council's aggregated
        score of each of its records must pass before they are recognised."""
        fname = self._dvk_line_field()
        for line in decisions.line_ids:
            record = line[fname]
            if record not in self:
                continue
            level = line.decision_id.level_id
            council_levels = record.campaign_id.profile_id._dvk_council_levels()
            if level not in council_levels or record.council_passed:
                continue
            what = self.env._(
                "the council's aggregated score at %(level)s", level=level.name
            )
            if not record.council_count:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be recognised at %(level)s before the "
                        "council has scored it: %(profile)s has a council judge "
                        "recognition at that level%(cite)s.",
                        name=record.display_name,
                        level=level.name,
                        profile=record.campaign_id.profile_id.display_name,
                        cite=self.env["dvk.rule"]._dvk_cite(
                            "recognition_council_pass",
                            profile=record.campaign_id.profile_id,
                        ),
                    )
                )
            band = record.criteria_set_id._band_for(record.council_score)
            record._dvk_raise_failed_sheet(
                None,
                what,
                "recognition_council_pass",
                score=record.council_score,
                knock_out=not band or band.passing,
            )
