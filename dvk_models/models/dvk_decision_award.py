from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DvkDecisionLine(models.Model):
    """Recognise and commend in one act: each line of a decision may carry
    the form of commendation it awards (seed 004 §IV.4: "cấp nào công nhận
    thì cấp đó ... khen thưởng"). The Law on Emulation and Commendation gives
    one achievement one form of commendation: a record is commended once for
    the achievement of its year."""

    _inherit = "dvk.decision.line"

    award_form = fields.Selection(
        [
            ("giay_khen", "Certificate of Merit"),
            ("bang_khen", "Certificate of Commendation"),
            ("other", "Other Form of Commendation"),
        ],
        string="Form of Commendation",
        help="Leave empty when the line only recognises. A record is commended "
        "once for the achievement of its year.",
    )
    award_note = fields.Char(
        string="Commendation Details",
        help="e.g. the amount of the reward, or the other form of commendation.",
    )
    award_year = fields.Integer(
        string="Achievement Year",
        related="decision_id.year",
        store=True,
        help="The year of the achievement commended: the year of the campaign.",
    )

    @api.constrains("award_form", "model_id", "exemplar_id", "decision_id")
    def _check_one_commendation(self):
        """One achievement, one form of commendation: the same model or
        exemplar cannot be commended twice for the same year, by any decision
        that is not cancelled."""
        awarded = self.filtered("award_form")
        if not awarded:
            return
        # sudo: an earlier commendation counts whoever may read its decision
        Line = self.sudo()
        others = Line.search(
            [
                ("id", "not in", awarded.ids),
                ("award_form", "!=", False),
                ("decision_id.state", "!=", "cancelled"),
                "|",
                ("model_id", "in", awarded.model_id.ids),
                ("exemplar_id", "in", awarded.exemplar_id.ids),
            ],
            order="id",
        )
        for line in awarded:
            record = line.model_id or line.exemplar_id
            first = others.filtered(
                lambda o, r=record, y=line.award_year: (
                    (o.model_id or o.exemplar_id) == r and o.award_year == y
                )
            )[:1]
            if not first:
                continue
            decision = first.decision_id
            forms = dict(self._fields["award_form"]._description_selection(self.env))
            raise ValidationError(
                self.env._(
                    "%(name)s is already commended for its %(year)s achievement: "
                    "%(form)s by decision %(decision)s of %(date)s (%(unit)s). One "
                    "achievement receives one form of commendation.",
                    name=record.display_name,
                    year=line.award_year,
                    form=forms.get(first.award_form, first.award_form),
                    decision=(
                        decision.name
                        if decision.state == "confirmed"
                        else self.env._("draft %(title)s", title=decision.title or "")
                    ),
                    date=decision.date.strftime("%d/%m/%Y"),
                    unit=decision.authority_department_id.display_name,
                )
            )

    @api.constrains("award_form", "model_id", "exemplar_id", "decision_id")
    def _check_commendation_hold(self):
        """The law on commendation as in force on the decision's date (NĐ
        152/2025/NĐ-CP from 1/7/2025, NĐ 98/2023/NĐ-CP before): no person
        in a disciplinary period, no person or unit with a case under way, is
        commended. Checked again when the decision is confirmed, on its final
        date."""
        self._dvk_check_commendation_holds()

    def _dvk_check_commendation_holds(self):
        Hold = self.env["dvk.commendation.hold"]
        awarded = self.filtered("award_form")
        for decision in awarded.decision_id:
            lines = awarded.filtered(lambda line, d=decision: line.decision_id == d)
            subjects = []
            for line in lines:
                # sudo: who the record is about, whoever writes the line
                record = line._dvk_record().sudo()
                subjects.append(
                    (
                        line.id,
                        record.employee_id.id
                        if record.subject_type == "individual"
                        else 0,
                        record.department_id.id,
                    )
                )
            holds = Hold._dvk_holds(subjects, decision.date)
            if holds:
                raise ValidationError(
                    self.env._(
                        "No commendation by the decision of %(date)s:\n%(reasons)s.",
                        date=decision.date.strftime("%d/%m/%Y"),
                        reasons=";\n".join(
                            r for found in holds.values() for r in found
                        ),
                    )
                )
