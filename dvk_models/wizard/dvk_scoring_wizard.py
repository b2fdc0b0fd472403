from odoo import api, fields, models
from odoo.exceptions import UserError

GRID_SIZE = 15
SCORE_FIELDS = [f"score_{i:02d}" for i in range(1, GRID_SIZE + 1)]


class DvkScoringWizard(models.TransientModel):
    """Council scoring in a grid: one row per record, one column per manual
    criterion; drafts can be saved and finished in one go, then the records
    are ranked by their aggregated council score and the best proposed."""

    _name = "dvk.scoring.wizard"
    _description = "DVK Council Scoring"

    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        default=lambda self: self.env["dvk.campaign"]._dvk_campaign_at_work(),
    )
    level_id = fields.Many2one(
        "dvk.level",
        required=True,
        compute="_compute_level_id",
        store=True,
        readonly=False,
        help="The council's level: the records proposed at it, or approved and "
        "recognised below it, are scored.",
    )
    criteria_set_id = fields.Many2one(
        "dvk.criteria.set",
        required=True,
        compute="_compute_criteria_set_id",
        store=True,
        readonly=False,
    )
    target = fields.Selection(related="criteria_set_id.target")
    line_ids = fields.One2many("dvk.scoring.wizard.line", "wizard_id")
    top_count = fields.Integer(
        string="Propose the Best",
        default=0,
        help="How many of the best-ranked records passing the criteria to propose; "
        "0 proposes all that pass.",
    )
    loaded = fields.Boolean()
    left_out = fields.Text(
        string="Not Yours to Score",
        readonly=True,
        help="Records of the level the user may not score, with the reason: no "
        "one scores a model he registered, takes part in or that belongs to his "
        "unit.",
    )

    @api.depends("campaign_id")
    def _compute_level_id(self):
        """The first level of the chain in force for the campaign: councils
        start at the grassroots; a higher council chooses its own level."""
        for wizard in self:
            if not wizard.campaign_id:
                continue
            chain = wizard.campaign_id._dvk_level_chain()
            if wizard.level_id not in chain:
                wizard.level_id = chain[:1]

    @api.depends("campaign_id")
    def _compute_criteria_set_id(self):
        """The criteria set the campaign's collective models are scored
        against; exemplar councils choose the exemplar set."""
        CriteriaSet = self.env["dvk.criteria.set"]
        for wizard in self:
            profile = wizard.campaign_id.profile
            if not profile:
                continue
            if wizard.campaign_id.profile_id._dvk_follows(
                wizard.criteria_set_id.profile
            ):
                continue
            wizard.criteria_set_id = CriteriaSet._find_for(
                "model", profile, "collective"
            )

    # The grid's labels depend on the criteria set, given in the context by
    # the dialog that loaded the records. The web client forwards only "lang"
    # and the "*_view_ref" keys of the context to get_views (and keys its view
    # cache on them), hence the key's name.
    @api.model
    def _get_view_cache_key(self, view_id=None, view_type="form", **options):
        """The grid's labels depend on the criteria set in the context."""
        key = super()._get_view_cache_key(view_id, view_type, **options)
        return (*key, self.env.context.get("dvk_scoring_set_view_ref"))

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        """Label the grid's columns with the manual criteria of the chosen set
        and hide the unused ones."""
        arch, view = super()._get_view(view_id, view_type, **options)
        set_id = self.env.context.get("dvk_scoring_set_view_ref")
        if view_type != "form":
            return arch, view
        criteria = self.env["dvk.criterion"]
        if set_id:
            criteria = self.env["dvk.criteria.set"].browse(set_id).criterion_ids
            criteria = criteria.filtered(lambda c: c.check == "manual")
        for index, fname in enumerate(SCORE_FIELDS):
            for node in arch.xpath(
                f"//field[@name='line_ids']//field[@name='{fname}']"
            ):
                if index < len(criteria):
                    node.set("string", criteria[index].code)
                    node.set("help", criteria[index].name)
                else:
                    node.set("column_invisible", "True")
        return arch, view

    def _check_owner(self):
        self.ensure_one()
        if self.create_uid != self.env.user:
            raise UserError(self.env._("This dialog belongs to another user."))

    def _manual_criteria(self):
        criteria = self.criteria_set_id.criterion_ids.filtered(
            lambda c: c.check == "manual"
        )
        if len(criteria) > GRID_SIZE:
            raise UserError(
                self.env._(
                    "The grid shows at most %(n)s manual criteria; score this set "
                    "sheet by sheet.",
                    n=GRID_SIZE,
                )
            )
        return criteria

    def _records_domain(self):
        return [
            ("campaign_id", "=", self.campaign_id.id),
            "|",
            ("proposal_level_id", "=", self.level_id.id),
            (
                "state",
                "in",
                ("approved", "recognized", "draft")
                if self.target == "exemplar"
                else ("approved", "recognized"),
            ),
        ]

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            # Complete without the server's clean-up: also run as the next
            # action of a notification.
            "views": [(False, "form")],
            "target": "new",
            "name": self.env._("Council Scoring"),
            "context": {
                "dvk_scoring_set_view_ref": self.criteria_set_id.id,
                "dialog_size": "extra-large",
            },
        }

    def action_load(self):
        """Fill the grid with the records to score and the user's drafts."""
        self._check_owner()
        criteria = self._manual_criteria()
        Record = self.env["dvk.model" if self.target == "model" else "dvk.exemplar"]
        records = Record.search(self._records_domain()).filtered(
            lambda r: (
                not r.recognized_level_id
                or self.level_id._is_above(r.recognized_level_id)
            )
        )
        Sheet = self.env["dvk.score.sheet"]
        user = self.env.user
        reasons = {}
        for record in records:
            reason = Sheet._dvk_conflict_reason(record, user)
            if reason:
                reasons[record] = reason
        records = records.filtered(lambda r: r not in reasons)
        self.left_out = "\n".join(
            self.env._("%(name)s: %(reason)s", name=r.display_name, reason=why)
            for r, why in reasons.items()
        )
        fname = "model_id" if self.target == "model" else "exemplar_id"
        sheets = Sheet.search(
            [
                (fname, "in", records.ids),
                ("kind", "=", "council"),
                ("evaluator_id", "=", self.env.user.id),
                ("criteria_set_id", "=", self.criteria_set_id.id),
            ]
        )
        by_record = {sheet[fname].id: sheet for sheet in sheets}
        self.line_ids.unlink()
        vals_list = []
        for record in records:
            sheet = by_record.get(record.id)
            vals = {
                "wizard_id": self.id,
                fname: record.id,
                "sheet_id": sheet.id if sheet else False,
            }
            if sheet:
                scores = {line.criterion_id: line for line in sheet.line_ids}
                for index, criterion in enumerate(criteria):
                    line = scores.get(criterion)
                    if line and line.scored:
                        vals[SCORE_FIELDS[index]] = line.score
            vals_list.append(vals)
        self.env["dvk.scoring.wizard.line"].create(vals_list)
        self.loaded = True
        return self._reopen()

    def _save(self):
        criteria = self._manual_criteria()
        Sheet = self.env["dvk.score.sheet"]
        fname = "model_id" if self.target == "model" else "exemplar_id"
        new_lines = self.line_ids.filtered(lambda line: not line.sheet_id)
        if new_lines:
            created = Sheet.create(
                [
                    {
                        fname: line[fname].id,
                        "kind": "council",
                        "criteria_set_id": self.criteria_set_id.id,
                        "evaluator_id": self.env.user.id,
                    }
                    for line in new_lines
                ]
            )
            for line, sheet in zip(new_lines, created, strict=True):
                line.sheet_id = sheet
        for line in self.line_ids:
            sheet = line.sheet_id
            if sheet.state == "done":
                continue
            by_criterion = {sl.criterion_id: sl for sl in sheet.line_ids}
            for index, criterion in enumerate(criteria):
                value = line[SCORE_FIELDS[index]]
                if line[f"{SCORE_FIELDS[index]}_set"] or value:
                    by_criterion[criterion].score = value

    def action_save(self):
        """Save the grid as draft council sheets."""
        self._check_owner()
        self._save()
        return self._reopen()

    def action_finish(self):
        """Save and finish every sheet of the grid, then rank."""
        self._check_owner()
        self._save()
        self.line_ids.sheet_id.filtered(lambda s: s.state == "draft").action_done()
        return self._reopen()

    def _ranked_lines(self):
        return self.line_ids.sorted(lambda line: (-line.aggregate_score, line.id))

    def action_propose(self):
        """Propose the best records that pass (or all that pass)."""
        self._check_owner()
        passing = self._ranked_lines().filtered("passed")
        if self.top_count:
            passing = passing[: self.top_count]
        if not passing:
            raise UserError(self.env._("No record passes the criteria yet."))
        fname = "model_id" if self.target == "model" else "exemplar_id"
        records = passing.mapped(fname).filtered(lambda r: not r.proposal_level_id)
        if not records:
            raise UserError(
                self.env._("The best records that pass are already proposed.")
            )
        records.action_propose(self.level_id)
        # Say what was proposed, then show the grid again (its rows now read
        # the records' new state).
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Proposed for recognition at %(level)s: %(names)s.",
                    level=self.level_id.name,
                    names=", ".join(records.mapped("display_name")),
                ),
                "next": self._reopen(),
            },
        }


class DvkScoringWizardLine(models.TransientModel):
    _name = "dvk.scoring.wizard.line"
    _description = "DVK Council Scoring Row"
    _order = "id"

    wizard_id = fields.Many2one("dvk.scoring.wizard", required=True, ondelete="cascade")
    model_id = fields.Many2one("dvk.model", readonly=True)
    exemplar_id = fields.Many2one("dvk.exemplar", readonly=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        compute="_compute_record_info",
        context={"hierarchical_naming": False},
    )
    sheet_id = fields.Many2one("dvk.score.sheet", readonly=True)
    sheet_state = fields.Selection(related="sheet_id.state", string="My Sheet")
    my_total = fields.Float(related="sheet_id.weighted_total", string="My Score")
    aggregate_score = fields.Float(
        string="Council Score", compute="_compute_record_info"
    )
    spread = fields.Float(compute="_compute_record_info")
    sheet_count = fields.Integer(string="Sheets", compute="_compute_record_info")
    passed = fields.Boolean(compute="_compute_record_info")
    rank = fields.Integer(compute="_compute_rank")
    # The grid's columns: one per manual criterion of the set, labelled by
    # DvkScoringWizard._get_view; "_set" tells a real 0 from an empty cell.
    for _index, _fname in enumerate(SCORE_FIELDS, 1):
        locals()[_fname] = fields.Float(string=f"Criterion {_index}")
        locals()[f"{_fname}_set"] = fields.Boolean()
    del _index, _fname

    @api.depends("model_id", "exemplar_id")
    def _compute_record_info(self):
        for line in self:
            record = line.model_id or line.exemplar_id
            line.department_id = record.department_id
            line.aggregate_score = record.council_score
            line.spread = record.council_spread
            line.sheet_count = record.council_count
            line.passed = record.council_passed

    @api.depends("aggregate_score")
    def _compute_rank(self):
        # A row not yet in its grid (a new one) has no rank.
        self.rank = 0
        for wizard in self.wizard_id:
            for position, line in enumerate(wizard._ranked_lines(), 1):
                if line in self:
                    line.rank = position

    def write(self, vals):
        for fname in SCORE_FIELDS:
            if fname in vals:
                vals = dict(vals, **{f"{fname}_set": True})
        return super().write(vals)
