from odoo import api, fields, models
from odoo.exceptions import UserError


class DvkLevel(models.Model):
    """Level of recognition (cơ sở, huyện, tỉnh, toàn quốc).

    Levels are data, not a hard-coded list: since 1/7/2025 local government has
    no district tier, so a sector may archive a level or add its own.
    """

    _name = "dvk.level"
    _description = "DVK Recognition Level"
    _order = "sequence, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(
        default=10, help="Lower levels come first: grassroots before district."
    )
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "A recognition level with this code already exists."
    )

    @api.depends_context("dvk_campaign_id")
    @api.depends("name")
    def _compute_display_name(self):
        """In a campaign's pickers (context ``dvk_campaign_id``), the level as
        the step of its chain in force names it (``document_name``, e.g.
        "Trên trực tiếp cơ sở" for the sector unions), else its name."""
        campaign_id = self.env.context.get("dvk_campaign_id")
        campaign = self.env["dvk.campaign"]
        if isinstance(campaign_id, int) and campaign_id:
            campaign = campaign.browse(campaign_id).exists()
        if not campaign:
            return super()._compute_display_name()
        for level in self:
            level.display_name = campaign._dvk_level_name(level)

    @api.model
    def _get_ordered(self):
        """Active levels from the lowest to the highest."""
        return self.search([], order="sequence, id")

    def _previous(self):
        """The active level just below this one, or an empty recordset."""
        self.ensure_one()
        return self.search(
            [
                "|",
                ("sequence", "<", self.sequence),
                "&",
                ("sequence", "=", self.sequence),
                ("id", "<", self.id),
            ],
            order="sequence desc, id desc",
            limit=1,
        )

    def _is_above(self, other):
        """True when this level is strictly higher than ``other``."""
        self.ensure_one()
        if not other:
            return True
        return (self.sequence, self.id) > (other.sequence, other.id)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        # sudo: a level used by any model, visible or not, must be kept
        all_models = self.env["dvk.model"].sudo()
        used = all_models.search_count(
            [
                "|",
                ("level_id", "in", self.ids),
                ("recognized_level_id", "in", self.ids),
            ],
            limit=1,
        )
        if used:
            raise UserError(
                self.env._("This level is used by models; archive it instead.")
            )
