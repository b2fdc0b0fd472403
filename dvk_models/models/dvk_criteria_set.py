from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class DvkCriteriaSet(models.Model):
    """A versioned set of criteria for models or exemplars of one profile.

    A set used by a done score sheet is never edited in place: a new version is
    made instead, so past sheets keep the rules they were scored under.
    """

    _name = "dvk.criteria.set"
    _description = "DVK Criteria Set"
    _inherit = ["mail.thread", "dvk.profile.mixin"]
    _order = "profile, target, subject_type, code, version desc"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    version = fields.Integer(default=1, required=True, readonly=True, copy=False)
    target = fields.Selection(
        [("model", "Model"), ("exemplar", "Exemplar")], required=True, tracking=True
    )
    subject_type = fields.Selection(
        [("collective", "Collective"), ("individual", "Individual")],
        help="Leave empty when the set applies to both.",
        tracking=True,
    )
    profile_id = fields.Many2one(tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    source = fields.Char(help="The regulation the criteria come from.")
    criterion_ids = fields.One2many(
        "dvk.criterion", "set_id", string="Criteria", copy=True
    )
    band_ids = fields.One2many(
        "dvk.criteria.band", "set_id", string="Classification Bands", copy=True
    )
    score_decimals = fields.Integer(
        string="Decimals Allowed",
        default=2,
        help="Scores with more decimals than this are refused.",
    )
    drop_extremes = fields.Boolean(
        string="Drop Highest and Lowest",
        help="With five council sheets or more, the highest and the lowest total "
        "are left out of the mean.",
    )
    previous_version_id = fields.Many2one(
        "dvk.criteria.set", readonly=True, copy=False, ondelete="restrict"
    )
    in_use = fields.Boolean(compute="_compute_in_use")
    max_total = fields.Float(compute="_compute_max_total")

    _code_version_uniq = models.Constraint(
        "UNIQUE(code, version)", "This version of the criteria set already exists."
    )
    _decimals_valid = models.Constraint(
        "CHECK(score_decimals >= 0 AND score_decimals <= 4)",
        "Between 0 and 4 decimals can be allowed in scores.",
    )

    def _compute_in_use(self):
        """Whether finished sheets use the set, in any unit or company: the
        lock on editing it may not depend on the sheets its editor can read."""
        # sudo: only which sets the finished sheets use is read
        Sheet = self.env["dvk.score.sheet"].sudo()
        used = {
            s.id
            for [s] in Sheet._read_group(
                [("criteria_set_id", "in", self._origin.ids), ("state", "=", "done")],
                ["criteria_set_id"],
            )
        }
        for criteria_set in self:
            criteria_set.in_use = criteria_set._origin.id in used

    @api.depends("criterion_ids.max_score", "criterion_ids.weight")
    def _compute_max_total(self):
        for criteria_set in self:
            criteria_set.max_total = sum(
                c.max_score * c.weight for c in criteria_set.criterion_ids
            )

    @api.depends("name", "version")
    def _compute_display_name(self):
        for criteria_set in self:
            criteria_set.display_name = (
                f"{criteria_set.name} (v{criteria_set.version})"
                if criteria_set.version > 1
                else criteria_set.name
            )

    def _check_not_in_use(self):
        used = self.filtered("in_use")
        if used:
            raise UserError(
                self.env._(
                    "The criteria set %(name)s is used by finished score sheets: "
                    "make a new version instead of changing it.",
                    name=used[0].display_name,
                )
            )

    def write(self, vals):
        if set(vals) - {"active", "name", "source"}:
            self._check_not_in_use()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        # sudo: sheets of every unit and company count, not only the reader's
        Sheet = self.env["dvk.score.sheet"].sudo()
        if Sheet.search_count([("criteria_set_id", "in", self.ids)], limit=1):
            raise UserError(
                self.env._(
                    "A criteria set with score sheets cannot be deleted; "
                    "archive it instead."
                )
            )

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Criteria set created")

    def action_new_version(self):
        """Copy the set as its next version and archive this one."""
        self.ensure_one()
        last = self.with_context(active_test=False).search(
            [("code", "=", self.code)], order="version desc", limit=1
        )
        new = self.copy({"version": last.version + 1, "previous_version_id": self.id})
        self.action_archive()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    @api.model
    def _find_for(self, target, profile, subject_type):
        """The active set for records of a target, profile (a code) and
        subject type; a profile sharing another's rules falls back on its."""
        codes = (
            self.env["dvk.profile"]._by_code(profile)._rule_codes() if profile else []
        )
        return self._dvk_find_in(codes, target, subject_type)

    @api.model
    def _dvk_find_in(self, codes, target, subject_type, domain=()):
        """The active set for ``target`` and subject of the first profile of
        ``codes`` (a profile's rule codes, its own first) that has one,
        within ``domain`` (a sector's own distinction between its sets)."""
        for code in codes:
            found = self.search(
                [
                    *domain,
                    ("target", "=", target),
                    ("profile", "=", code),
                    "|",
                    ("subject_type", "=", subject_type),
                    ("subject_type", "=", False),
                ],
                # A set made for the subject type wins over one for both types
                # (PostgreSQL sorts NULL first in a descending order).
                order="subject_type desc nulls last, version desc, id desc",
                limit=1,
            )
            if found:
                return found
        return self.browse()

    def _band_for(self, percent):
        """The band of a weighted total in percent of the maximum; none
        without a criteria set (a new score sheet before its set is chosen)."""
        if not self:
            return self.env["dvk.criteria.band"]
        self.ensure_one()
        for band in self.band_ids.sorted("min_percent", reverse=True):
            if percent >= band.min_percent:
                return band
        return self.env["dvk.criteria.band"]

    def _dvk_pass_mark(self):
        """The lowest score (in percent) of a passing band: the pass mark a
        sheet must reach; None when the set has no passing band (then only
        its knock-out criteria decide)."""
        self.ensure_one()
        passing = self.band_ids.filtered("passing")
        return min(passing.mapped("min_percent")) if passing else None


class DvkCriteriaBand(models.Model):
    """A classification band of a criteria set (Xuất sắc, Tốt, Đạt...)."""

    _name = "dvk.criteria.band"
    _description = "DVK Classification Band"
    _order = "set_id, min_percent desc"

    set_id = fields.Many2one(
        "dvk.criteria.set", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(required=True, translate=True)
    min_percent = fields.Float(
        string="From (% of maximum)", required=True, help="Lower bound, inclusive."
    )
    passing = fields.Boolean(
        default=True, help="Records in this band meet the criteria."
    )

    _percent_valid = models.Constraint(
        "CHECK(min_percent >= 0 AND min_percent <= 100)",
        "A band starts between 0% and 100% of the maximum score.",
    )

    def write(self, vals):
        self.set_id._check_not_in_use()
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        bands = super().create(vals_list)
        # A new version's bands belong to a set that no sheet uses yet.
        bands.set_id._check_not_in_use()
        return bands


class DvkCriterion(models.Model):
    """One criterion; either scored by people or checked automatically from
    the HR records (titles, discipline, recognised models)."""

    _name = "dvk.criterion"
    _description = "DVK Criterion"
    _order = "set_id, sequence, id"

    set_id = fields.Many2one(
        "dvk.criteria.set", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(string="Title", required=True, translate=True)
    guidance = fields.Text(
        translate=True, help="The wording of the regulation, shown to evaluators."
    )
    source = fields.Char(
        help="The document and section the criterion comes from, e.g. "
        '"Hướng dẫn số 05/HD-CAT, mục III.2.2"; eligibility lines name it.'
    )
    max_score = fields.Float(default=10.0, required=True)
    pass_score = fields.Float(
        help="A mandatory manual criterion fails below this score. Automatic "
        "criteria pass or fail on their own."
    )
    weight = fields.Float(default=1.0, required=True)
    mandatory = fields.Boolean(
        help="Knock-out criterion: failing it fails the whole sheet, whatever "
        "the total."
    )
    check = fields.Selection(
        selection="_selection_check", default="manual", required=True
    )
    title_type_ids = fields.Many2many(
        "hr.emulation.title.type",
        string="Titles",
        help="For title checks: the title required; any title of the same ladder "
        "and of the same rank or higher also counts.",
    )
    title_year = fields.Selection(
        [
            ("evaluated", "The evaluated year"),
            (
                "awarded_or_previous",
                "The evaluated year when already awarded, else the year before",
            ),
        ],
        string="Year of the Title",
        default="awarded_or_previous",
        required=True,
        help="Yearly titles are awarded at year end, while recognition closes in "
        "October or November: by default a title check reads the evaluated year "
        "when the subject already holds a title of the ladder for it, else the "
        "year before.",
    )
    min_count = fields.Integer(
        string="Minimum Number", default=1, help="For the recognised-models check."
    )
    leaders_only = fields.Boolean(
        help="Applies only to people who head a unit (manager of a department)."
    )

    _max_positive = models.Constraint(
        "CHECK(max_score > 0 AND weight > 0)",
        "The maximum score and the weight of a criterion must be positive.",
    )
    _pass_valid = models.Constraint(
        "CHECK(pass_score >= 0 AND pass_score <= max_score)",
        "The pass score must lie between 0 and the maximum score.",
    )
    _code_uniq = models.Constraint(
        "UNIQUE(set_id, code)", "Criterion codes are unique within a set."
    )

    def _selection_check(self):
        return [(code, label) for code, label in self._get_check_registry().items()]

    @api.model
    def _get_check_registry(self):
        """Hook: automatic checks by code. A sector addon adds its own by
        extending this dict and defining ``_check_<code>(items)``."""
        return {
            "manual": self.env._("Manual score"),
            "title_rank": self.env._("Holds the title, or a higher one, in the year"),
            "no_discipline": self.env._("Not disciplined in the year"),
            "unit_no_discipline": self.env._(
                "No member of the unit disciplined in the year"
            ),
            "recognized_models": self.env._(
                "At least N recognised models in the year (owner or participant)"
            ),
            "unit_title": self.env._("The unit holds the title in the year"),
            "registered_on_time": self.env._("Registered before the deadline"),
        }

    @api.constrains("check", "title_type_ids", "min_count")
    def _check_parameters(self):
        for criterion in self:
            if criterion.check in ("title_rank", "unit_title") and not (
                criterion.title_type_ids
            ):
                raise ValidationError(
                    self.env._(
                        "The criterion %(code)s checks a title: choose the title.",
                        code=criterion.code,
                    )
                )
            if criterion.check == "recognized_models" and criterion.min_count < 1:
                raise ValidationError(
                    self.env._(
                        "The criterion %(code)s needs at least one model.",
                        code=criterion.code,
                    )
                )

    def write(self, vals):
        # The source documents the criterion; it does not change its meaning.
        if set(vals) - {"source"}:
            self.set_id._check_not_in_use()
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        criteria = super().create(vals_list)
        # A new version's criteria belong to a set that no sheet uses yet.
        criteria.set_id._check_not_in_use()
        return criteria

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        self.set_id._check_not_in_use()

    # ------------------------------------------------------------------
    # Automatic checks, in batch: ``items`` come from
    # ``dvk.eligibility._items_for_*`` and each check answers
    # {key: (ok, reason)} with a constant number of queries.
    # ------------------------------------------------------------------
    def _evaluate(self, items):
        self.ensure_one()
        if self.check == "manual":
            return {}
        if self.leaders_only:
            leaders = items.leaders()
            result = {item.key: (True, "") for item in items if item.key not in leaders}
            subset = items.only(leaders)
            if subset:
                result.update(getattr(self, f"_check_{self.check}")(subset))
            return result
        return getattr(self, f"_check_{self.check}")(items)

    def _title_label(self):
        """ "Chiến sĩ tiên tiến or Lao động tiên tiến": equivalent titles."""
        names = self.title_type_ids.mapped("name")
        if len(names) < 2:
            return "".join(names)
        return self.env._(
            "%(names)s or %(last)s", names=", ".join(names[:-1]), last=names[-1]
        )

    def _check_title_rank(self, items):
        return self.env["dvk.eligibility"]._check_title(self, items, by_unit=False)

    def _check_unit_title(self, items):
        return self.env["dvk.eligibility"]._check_title(self, items, by_unit=True)

    def _check_no_discipline(self, items):
        return self.env["dvk.eligibility"]._check_discipline(items, by_unit=False)

    def _check_unit_no_discipline(self, items):
        return self.env["dvk.eligibility"]._check_discipline(items, by_unit=True)

    def _check_recognized_models(self, items):
        return self.env["dvk.eligibility"]._check_recognized_models(
            items, self.min_count
        )

    def _check_registered_on_time(self, items):
        return self.env["dvk.eligibility"]._check_registered_on_time(items)
