from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.dvk_models.tools import rules


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
        compute="_compute_union_proposer_id",
        store=True,
        readonly=False,
        domain="[('dvk_union_kind', '=', 'province'), "
        "('dvk_union_committee_id', '=', authority_department_id)]",
        help="The provincial labour federation that proposed the models; by "
        "default the one whose People's Committee issues the decision.",
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
        compute="_compute_union_board_id",
        store=True,
        readonly=False,
        help="The provincial DVK board that submitted the proposal to the "
        "People's Committee; by default the board of the proposing federation.",
    )
    union_submission_attachment_ids = fields.Many2many(
        "ir.attachment",
        "dvk_decision_union_submission_rel",
        "decision_id",
        "attachment_id",
        string="Submission Letter Files",
    )

    union_recording_unit_id = fields.Many2one(
        "hr.department",
        string="Recorded By (Union)",
        compute="_compute_union_recording_unit_id",
        store=True,
        index="btree_not_null",
        help="The provincial labour federation whose officers record this "
        "decision of its provincial People's Committee (seed 004 §IV.3): the "
        "proposing federation, when the issuing unit is the People's Committee "
        "configured on it.",
    )

    def _dvk_is_union(self):
        """Whether the decision's campaign follows the trade-union rules (its
        profile or the profile whose rules it shares)."""
        self.ensure_one()
        return bool(self.campaign_id._dvk_of_profile("union"))

    def _compute_authority_department_id(self):
        """Seed 004 §IV.3: the provincial federation does not recognise at
        province level, it proposes; its officer's new province-level decision
        is the People's Committee's, which the federation records."""
        result = super()._compute_authority_department_id()
        for decision in self:
            unit = decision.authority_department_id
            if unit.dvk_union_kind != "province" or not decision._dvk_is_union():
                continue
            # sudo: who recognises is configuration of the federation
            committee = unit.sudo().dvk_union_committee_id
            if committee and committee.dvk_level_id == decision.level_id:
                decision.authority_department_id = committee.id
        return result

    @api.depends("authority_department_id", "campaign_id")
    def _compute_union_proposer_id(self):
        for decision in self:
            committee = decision.authority_department_id
            if not committee or not decision._dvk_is_union():
                continue
            # sudo: which federation proposes to the committee is configuration
            Department = self.env["hr.department"].sudo()
            federations = Department.search(
                [
                    ("dvk_union_committee_id", "=", committee.id),
                    ("dvk_union_kind", "=", "province"),
                ]
            )
            if decision.union_proposer_id.id in federations.ids:
                continue
            if len(federations) == 1:
                decision.union_proposer_id = federations.id

    @api.depends("union_proposer_id")
    def _compute_union_board_id(self):
        for decision in self:
            if decision.union_proposer_id and not decision.union_board_id:
                # sudo: the board is configuration of the federation
                board = decision.union_proposer_id.sudo().dvk_union_board_id
                decision.union_board_id = board.id

    @api.depends(
        "authority_department_id",
        "union_proposer_id.dvk_union_committee_id",
        "union_proposer_id.dvk_union_kind",
        "campaign_id.profile_id.parent_id",
    )
    def _compute_union_recording_unit_id(self):
        """The provincial federation whose People's Committee issues the
        decision: the named proposer when it is one of them, else the only
        one. It follows the issuing unit, not what the officer fills in the
        submission tab later: naming a wrong proposer is refused on issuing
        with the fields to correct, it never takes the decision out of the
        hands of the federation that records it."""
        # sudo: which federation proposes to a committee is configuration
        Department = self.env["hr.department"].sudo()
        federations_of = {}
        for decision in self:
            committee = decision.authority_department_id
            federations = Department
            if committee and decision._dvk_is_union():
                if committee.id not in federations_of:
                    federations_of[committee.id] = Department.search(
                        [
                            ("dvk_union_committee_id", "=", committee.id),
                            ("dvk_union_kind", "=", "province"),
                        ]
                    )
                federations = federations_of[committee.id]
            if decision.union_proposer_id in federations:
                unit = decision.union_proposer_id
            else:
                unit = federations if len(federations) == 1 else Department
            decision.union_recording_unit_id = unit.id

    @api.depends("campaign_id", "union_recording_unit_id", "date")
    def _compute_legal_basis(self):
        """Seed 004 §IV.3: the provincial People's Committee's decision on
        union models cites the laws in force on its date that ground the
        Committee's competence and commendation (dated data), not the
        union's guidance; other decisions cite their campaign's guidance."""
        committee = self.filtered("union_recording_unit_id")
        result = super(DvkDecision, self - committee)._compute_legal_basis()
        Basis = self.env["dvk.union.committee.basis"]
        for decision in committee:
            bases = Basis._dvk_in_force(
                decision.date or fields.Date.context_today(decision)
            )
            decision.legal_basis = "\n".join(bases.mapped("name")) or (
                decision.campaign_id.legal_basis
            )
        return result

    def _dvk_award_grantor(self):
        """Law 06/2022/QH15: the People's Committee's Bằng khen is granted by
        its chair ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh ..."), under
        the title of its head in the unit's data."""
        grantor = super()._dvk_award_grantor()
        if not self.union_recording_unit_id:
            return grantor
        unit = self.authority_department_id
        title = (unit.dvk_head_title or "").strip() or "Chủ tịch"
        return f"{title[:1].upper()}{title[1:].lower()} {grantor}"

    def _dvk_issuer_domain(self, scope):
        """Seed 004 §IV.3: the provincial federation's officers record the
        decisions of its People's Committee on the models it proposes (the
        record rule dvk_decision_rule_union_recorder lets them): the
        committees configured on the provincial federations in scope. It does
        not follow the proposer the officer names later: a wrong proposer is
        refused on issuing as a missing field, not as a unit out of his
        charge."""
        domain = super()._dvk_issuer_domain(scope)
        if not self._dvk_is_union():
            return domain
        # sudo: which People's Committee recognises for a federation is
        # configuration of the federation
        federations = scope.sudo().filtered(
            lambda unit: unit.dvk_union_kind == "province"
        )
        committees = federations.dvk_union_committee_id
        if not committees:
            return domain
        return domain | Domain("id", "in", committees.ids)

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
        return [r for r in records if r._dvk_of_profile("union")]

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
        of its reach (the core's competent-body check, through
        ``_dvk_competent_bodies``); a province-wide one by the provincial
        People's Committee, with the federation's submission letter and the
        board that submitted it recorded on the decision."""
        result = super()._check_can_confirm()
        for decision in self:
            records = decision._dvk_union_lines()
            province_wide = [r for r in records if r.union_reach == "province"]
            if province_wide:
                decision._dvk_union_check_submission(province_wide[0])
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

    def _dvk_proposals_considered(self):
        """Seed 004 §IV.3: the People's Committee decides on the provincial
        federation's submission letter, referred by the provincial DVK board;
        the decision cites both."""
        grounds = super()._dvk_proposals_considered()
        proposer = self.union_proposer_id
        if not (self.union_province_wide and proposer and self.union_submission_ref):
            return grounds
        letter = f"Tờ trình số {self.union_submission_ref}"
        if self.union_submission_date:
            letter += f" {rules.vn_date(self.union_submission_date)}"
        letter += f" của {proposer.name}"
        board = self.union_board_id
        if board:
            grounds.append(f"Xét {letter} và đề nghị của {board.name},")
        else:
            grounds.append(f"Xét {letter},")
        return grounds

    def _dvk_notified_units(self):
        """The proposing federation and the board that referred its proposal
        receive the People's Committee's decision."""
        units = super()._dvk_notified_units()
        if self.union_province_wide:
            units |= self.union_board_id | self.union_proposer_id
        return units
