from odoo import fields, models


class DvkStatehubConsecutiveEntry(models.AbstractModel):
    """A model or exemplar recognised two or more consecutive years, as
    listed (seed 003 Điều 7.3): the October report's list and the lines of
    the province's commendation proposal drawn from it say the same."""

    _name = "dvk.statehub.consecutive.entry"
    _description = "DVK Model or Exemplar Recognised Consecutive Years"

    record_type = fields.Selection(
        [("model", "Model"), ("exemplar", "Exemplar")],
        string="Record Kind",
        required=True,
    )
    model_id = fields.Many2one(
        "dvk.model", ondelete="set null", groups="dvk_models.group_dvk_officer"
    )
    exemplar_id = fields.Many2one(
        "dvk.exemplar", ondelete="set null", groups="dvk_models.group_dvk_officer"
    )
    name = fields.Char(required=True)
    subject_name = fields.Char(string="Collective or Individual")
    agency_id = fields.Many2one(
        "hr.department", ondelete="set null", context={"hierarchical_naming": False}
    )
    field_id = fields.Many2one("dvk.field", ondelete="set null")
    level_id = fields.Many2one(
        "dvk.level", string="Recognised Level", ondelete="set null"
    )
    years = fields.Integer(string="Consecutive Years")
    year_list = fields.Char(string="Years")
