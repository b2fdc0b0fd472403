from odoo import api, fields, models


class DvkDecisionCompetence(models.AbstractModel):
    """What the issuing unit of a decision may recognise: each line's record
    has a competent body at the decision's level (seed 000 §II.1 step 4, seed
    001 §3-4; ``dvk.competent.body.mixin``). The line pickers and "Add
    Proposed Records" offer only those records; lines naming another are
    refused when written and again when the decision is issued."""

    _name = "dvk.decision.competence"
    _description = "DVK Decision Competence"

    dvk_candidate_model_ids = fields.Many2many(
        "dvk.model",
        string="Models It May Recognise",
        compute="_compute_dvk_candidates",
        help="The models proposed at the decision's level in its campaign "
        "that its issuing unit is competent to recognise.",
    )
    dvk_candidate_exemplar_ids = fields.Many2many(
        "dvk.exemplar",
        string="Exemplars It May Recognise",
        compute="_compute_dvk_candidates",
        help="The exemplars proposed at the decision's level in its campaign "
        "that its issuing unit is competent to recognise.",
    )

    @api.depends("campaign_id", "level_id", "authority_department_id", "date")
    def _compute_dvk_candidates(self):
        Model = self.env["dvk.model"]
        Exemplar = self.env["dvk.exemplar"]
        for decision in self:
            decision.dvk_candidate_model_ids = Model.search(
                Model._dvk_competent_domain(decision)
            )
            decision.dvk_candidate_exemplar_ids = Exemplar.search(
                Exemplar._dvk_competent_domain(decision)
            )

    def _dvk_recognition_date(self):
        """The date the competent body is judged on: the decision's."""
        self.ensure_one()
        return self.date or fields.Date.context_today(self)

    def _dvk_check_competence(self, lines=None):
        """Refuse the lines (all of the decision's by default) whose record
        the issuing unit may not recognise, naming the body that may."""
        for decision in self:
            todo = decision.line_ids if lines is None else lines
            todo = todo.filtered(lambda line, d=decision: line.decision_id == d)
            todo.model_id._dvk_check_competent_body(decision)
            todo.exemplar_id._dvk_check_competent_body(decision)
