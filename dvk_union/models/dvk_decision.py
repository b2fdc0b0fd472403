from odoo import api, fields, models
from odoo.exceptions import UserError


class DvkDecision(models.Model):
    _inherit = "dvk.decision"

    union_province_wide = fields.Boolean(
        string="Province-wide Union Models",
        compute="_compute_union_province_wide",
        help="The decision recognises union models or exemplars of province-wide "
        "reach: the provincial People's Committee issues it on the submission of "
        "the provincial DVK board, proposed by the provincial federation.",
    )
    union_proposer_id = fields.Many2one(
        "hr.department",
        string="Proposed By (Union)",
        tracking=True,
        help="The provincial labour federation that proposed the models.",
    )
    union_submission_ref = fields.Char(
        string="Union Submission Letter",
        tracking=True,
        help="Number of the federation's submission letter, e.g. 45/TTr-LĐLĐ.",
    )
    union_submission_date = fields.Date(string="Date of the Submission Letter")
    union_board_id = fields.Many2one(
        "hr.department",
        string="Submitted By (Board)",
        tracking=True,
        help="The provincial DVK board that submitted the proposal to the "
        "People's Committee.",
    )
    union_submission_attachment_ids = fields.Many2many(
        "ir.attachment",
        "dvk_decision_union_submission_rel",
        "decision_id",
        "attachment_id",
        string="Submission Letter Files",
    )

    @api.depends("line_ids.model_id.union_reach", "line_ids.exemplar_id.union_reach")
    def _compute_union_province_wide(self):
        for decision in self:
            # sudo: only the reach of the records the decision names is read,
            # the same whoever reads the decision
            records = decision.sudo()._dvk_union_lines()
            decision.union_province_wide = any(
                r.union_reach == "province" for r in records
            )

    def _dvk_union_lines(self):
        """The union models and exemplars the decision names."""
        self.ensure_one()
        records = list(self.line_ids.model_id) + list(self.line_ids.exemplar_id)
        return [r for r in records if r.profile == "union"]

    @api.onchange("line_ids")
    def _onchange_union_proposer(self):
        if self.union_province_wide and not self.union_proposer_id:
            record = self.line_ids.model_id[:1] or self.line_ids.exemplar_id[:1]
            province = record.department_id._dvk_union_province()
            self.union_proposer_id = province
            # sudo: the board is configuration of the federation
            self.union_board_id = province.sudo().dvk_union_board_id.id

    def _check_can_confirm(self):
        """Union profile (seed 004 §IV): each line is recognised by the unit
        of its reach; a province-wide one by the provincial People's Committee,
        with the federation's submission letter and the board that submitted
        it recorded on the decision."""
        result = super()._check_can_confirm()
        for decision in self:
            records = decision._dvk_union_lines()
            province_wide = False
            for record in records:
                authority = record.union_authority_id
                if authority != decision.authority_department_id:
                    raise UserError(
                        self.env._(
                            "%(name)s is recognised by %(authority)s (its reach), "
                            "not by %(unit)s.",
                            name=record.display_name,
                            authority=authority.display_name or "-",
                            unit=decision.authority_department_id.display_name,
                        )
                    )
                province_wide = province_wide or record.union_reach == "province"
            if province_wide:
                decision._dvk_union_check_submission(records[0])
        return result

    def _dvk_union_check_submission(self, record):
        self.ensure_one()
        province = record.department_id._dvk_union_province()
        # sudo: the board is configuration of the federation
        board = province.sudo().dvk_union_board_id
        missing = []
        if self.union_proposer_id != province:
            missing.append(
                self.env._(
                    "the proposing federation (%(unit)s)", unit=province.display_name
                )
            )
        if not self.union_submission_ref or not self.union_submission_date:
            missing.append(self.env._("the number and date of its submission letter"))
        if not self.union_board_id or (board and self.union_board_id != board):
            missing.append(
                self.env._(
                    "the provincial DVK board that submitted it (%(board)s)",
                    board=board.display_name or "-",
                )
            )
        if missing:
            raise UserError(
                self.env._(
                    "Province-wide union models are recognised by the provincial "
                    "People's Committee on the proposal of the provincial labour "
                    "federation, submitted by the provincial DVK board: record "
                    "%(missing)s on the decision.",
                    missing="; ".join(missing),
                )
            )
