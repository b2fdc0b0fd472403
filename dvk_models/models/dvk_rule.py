from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError


class DvkRule(models.Model):
    """An enforceable rule as dated data with its source (the document and
    its section): the refusals and explanations cite the version in force on
    the date of the act they judge, so a rule replaced by a new decree (NĐ
    98/2023 by NĐ 152/2025 on 1/7/2025) keeps judging the acts of its own
    time. Several versions of a rule share its code; a profile may have its
    own version, else the generic one applies."""

    _name = "dvk.rule"
    _description = "DVK Rule"
    _order = "code, profile_id, date_from desc, id"
    _rec_name = "code"

    code = fields.Char(
        required=True,
        index=True,
        help="Technical key the code looks the rule up by; its versions over "
        "time share it.",
    )
    name = fields.Text(string="Rule", required=True, translate=True)
    source = fields.Char(
        required=True,
        help='The document, as cited, e.g. "Nghị định số 152/2025/NĐ-CP ngày '
        '14/6/2025".',
    )
    section = fields.Char(
        help='Its article, clause or section, e.g. "Điều 5, khoản 3".'
    )
    profile_id = fields.Many2one(
        "dvk.profile",
        string="Guidance Profile",
        ondelete="cascade",
        help="The profile whose rule this is (and of the profiles sharing its "
        "rules); empty: every profile.",
    )
    date_from = fields.Date(string="In Force From", help="Empty: since always.")
    date_to = fields.Date(string="In Force Until", help="Empty: still in force.")
    active = fields.Boolean(default=True)

    _code_profile_from_uniq = models.UniqueIndex(
        "(code, COALESCE(profile_id, 0), COALESCE(date_from, '0001-01-01'))",
        "A rule has one version per profile and start date.",
    )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for rule in self:
            if rule.date_from and rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(
                    self.env._(
                        "The rule %(code)s ends before it comes into force.",
                        code=rule.code,
                    )
                )

    @api.depends("code", "source", "section")
    def _compute_display_name(self):
        for rule in self:
            rule.display_name = rule._dvk_citation() or rule.code

    # ------------------------------------------------------------------
    # Looking a rule up: read once, then kept until a rule changes
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env.registry.clear_cache()  # _dvk_versions_by_code
        return rules

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()  # _dvk_versions_by_code
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()  # _dvk_versions_by_code
        return result

    @api.model
    @tools.ormcache()
    def _dvk_versions_by_code(self):
        """{code: ((id, profile code or "", date_from, date_to), ...)} of the
        active rules."""
        # sudo: the rules are configuration, the same for every reader
        rules = self.sudo().search_fetch(
            [], ["code", "profile_id", "date_from", "date_to"]
        )
        versions = {}
        for rule in rules:
            versions.setdefault(rule.code, []).append(
                (rule.id, rule.profile_id.code or "", rule.date_from, rule.date_to)
            )
        return {code: tuple(found) for code, found in versions.items()}

    @api.model
    def _dvk_rule(self, code, date=None, profile=None):
        """The version of rule ``code`` in force on ``date`` (today when
        empty) for ``profile``: the profile's own, else that of the profile
        whose rules it shares, else the generic one. Empty when no version is
        in force."""
        date = date or fields.Date.context_today(self)
        if isinstance(date, str):
            date = fields.Date.to_date(date)
        if hasattr(date, "date"):
            date = date.date()
        codes = (
            list(self.env["dvk.profile"]._dvk_rule_codes_of(profile.code))
            if profile
            else []
        )
        candidates = [
            version
            for version in self._dvk_versions_by_code().get(code, ())
            if (not version[2] or version[2] <= date)
            and (not version[3] or date <= version[3])
            and (not version[1] or version[1] in codes)
        ]
        if not candidates:
            return self.browse()

        def precedence(version):
            # The profile's own first (its index in the chain), generic last;
            # among equals, the latest to come into force.
            rank = codes.index(version[1]) if version[1] else len(codes)
            return (rank, -(version[2].toordinal() if version[2] else 0))

        return self.browse(min(candidates, key=precedence)[0])

    def _dvk_citation(self):
        """ "Nghị định số 152/2025/NĐ-CP, Điều 5, khoản 3": the document and
        its section; empty for no rule."""
        if not self:
            return ""
        self.ensure_one()
        # sudo: a rule's source is published configuration; a refusal cites
        # it to whoever is refused, DVK user or not
        rule = self.sudo()
        return ", ".join(part for part in (rule.source, rule.section) if part)

    @api.model
    def _dvk_cite(self, code, date=None, profile=None):
        """ " (theo <document>, <section>)" to append to a refusal or an
        explanation: the source of the version of ``code`` in force; empty
        when none is."""
        citation = self._dvk_rule(code, date=date, profile=profile)._dvk_citation()
        if not citation:
            return ""
        return " " + self.env._("(under %(document)s)", document=citation)
