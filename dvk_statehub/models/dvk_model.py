from odoo import api, fields, models


class DvkModel(models.Model):
    _inherit = "dvk.model"

    statehub_line_ids = fields.One2many(
        "dvk.statehub.registration.line", "model_id", string="Registration Table Rows"
    )
    statehub_registration_id = fields.Many2one(
        "dvk.statehub.registration",
        string="Registration Table",
        compute="_compute_statehub_registration_id",
        help="The unit's registration table of the year that lists the model "
        "(Decision 976/QĐ-UBND, Article 6.2).",
    )
    statehub_inspection_ids = fields.One2many(
        "dvk.statehub.inspection", "model_id", string="Inspections"
    )
    statehub_inspection_count = fields.Integer(
        string="Inspection Count", compute="_compute_statehub_inspection_count"
    )
    statehub_profile = fields.Boolean(
        string="Follows the State Agencies Regulation",
        compute="_compute_statehub_profile",
        help="The campaign's profile is the state agencies' or shares its rules.",
    )
    statehub_field_guidance = fields.Text(
        string="What the Field Requires",
        compute="_compute_statehub_field_guidance",
        help="The field group of the state-agency regulation (Article 4).",
    )

    @api.depends("profile")
    def _compute_statehub_profile(self):
        statehub = self._dvk_of_profile("statehub")
        for model in self:
            model.statehub_profile = model in statehub

    @api.depends("statehub_line_ids")
    def _compute_statehub_registration_id(self):
        """The table listing the model, the same for every reader of it."""
        for model in self:
            # sudo: only which table lists the model is read
            table = model.sudo().statehub_line_ids[:1].registration_id
            model.statehub_registration_id = table.id

    @api.depends("statehub_inspection_ids")
    def _compute_statehub_inspection_count(self):
        """The model's inspections, counted the same for every reader."""
        # sudo: a count per model, whatever the reader's rights
        Inspection = self.env["dvk.statehub.inspection"].sudo()
        counts = {
            model.id: count
            for model, count in Inspection._read_group(
                [("model_id", "in", self._origin.ids)], ["model_id"], ["__count"]
            )
        }
        for model in self:
            model.statehub_inspection_count = counts.get(model._origin.id, 0)

    @api.depends("field_id", "profile")
    def _compute_statehub_field_guidance(self):
        notes = {
            note.field_id.id: note.description
            for note in self.env["dvk.statehub.field.note"].search(
                [("profile", "=", "statehub")]
            )
        }
        statehub = self._dvk_of_profile("statehub")
        for model in self:
            model.statehub_field_guidance = (
                notes.get(model.field_id.id, False) if model in statehub else False
            )

    def _get_approver(self):
        """State agencies (Article 6.2): the steering committee for grassroots
        democracy and DVK of the registrant's agency approves, through its
        approver; elsewhere the core's unit tree decides."""
        if not self._dvk_of_profile("statehub"):
            return super()._get_approver()
        committee = self.department_id._dvk_statehub_committee()
        # sudo: the committee's approver is configuration of the agency
        approver = committee.sudo().dvk_approver_id
        if approver and approver.active and approver not in self._dvk_subject_users():
            return approver
        return super()._get_approver()

    def action_open_statehub_inspections(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.statehub.inspection",
            "name": self.env._("Inspections"),
            "view_mode": "list,form",
            "domain": [("model_id", "=", self.id)],
            "context": {"default_model_id": self.id},
        }
