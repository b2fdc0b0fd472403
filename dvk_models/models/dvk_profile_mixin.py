from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DvkProfileMixin(models.AbstractModel):
    """The profile a record belongs to: ``profile_id``, and ``profile`` its
    code, stored so that external systems keep searching and writing
    ``profile = 'police'`` (public contract)."""

    _name = "dvk.profile.mixin"
    _description = "DVK Profile Mixin"

    def _default_profile_id(self):
        return self.env.ref("dvk_models.dvk_profile_party", raise_if_not_found=False)

    profile_id = fields.Many2one(
        "dvk.profile",
        string="Guidance Profile",
        required=True,
        default=lambda self: self._default_profile_id(),
        ondelete="restrict",
        index=True,
        help="The guidance the record follows: criteria, dossiers, deadlines "
        "and approval routing come from it.",
    )
    profile = fields.Char(
        string="Profile Code",
        compute="_compute_profile",
        inverse="_inverse_profile",
        store=True,
        readonly=False,
        index=True,
    )

    @api.depends("profile_id.code")
    def _compute_profile(self):
        for record in self:
            record.profile = record.profile_id.code

    def _inverse_profile(self):
        for code in set(self.mapped("profile")):
            records = self.filtered(lambda r, c=code: r.profile == c)
            records.profile_id = self._dvk_profile_from_code(code)

    def _dvk_of_profile(self, code):
        """The records of ``self`` whose profile follows the guidance of
        ``code``: that profile, or one sharing its rules (a variant)."""
        codes = self.env["dvk.profile"]._dvk_codes_following(code)
        return self.filtered(lambda r: r.profile in codes)

    @api.model
    def _dvk_profile_from_code(self, code):
        if not code:
            return self.env["dvk.profile"]
        profile = self.env["dvk.profile"]._by_code(code)
        if not profile:
            raise ValidationError(
                self.env._("There is no DVK guidance profile %(code)s.", code=code)
            )
        return profile

    @api.model
    def _dvk_profile_vals(self, vals_list):
        """A code given instead of the profile (``profile`` in the values or
        ``default_profile`` in the context) names the profile."""
        default_code = self.env.context.get("default_profile")
        for vals in vals_list:
            if not vals.get("profile_id"):
                code = vals.pop("profile", None) or (
                    None if self.env.context.get("default_profile_id") else default_code
                )
                if code:
                    vals["profile_id"] = self._dvk_profile_from_code(code).id
            else:
                vals.pop("profile", None)
            if default_code and vals.get("profile_id"):
                # Keep default_get from writing the default code over the
                # profile given explicitly.
                profile = self.env["dvk.profile"].browse(vals["profile_id"])
                vals["profile"] = profile.code
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._dvk_profile_vals(vals_list))

    def copy_data(self, default=None):
        # A copy given another profile code takes that profile, not the
        # original's profile_id.
        default = dict(default or {})
        if default.get("profile") and "profile_id" not in default:
            default["profile_id"] = self._dvk_profile_from_code(
                default.pop("profile")
            ).id
        return super().copy_data(default)
