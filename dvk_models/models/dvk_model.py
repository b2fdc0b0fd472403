from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.translate import LazyTranslate

from ..tools import rules
from .dvk_state_mixin import Transition

_lt = LazyTranslate(__name__)


class DvkModel(models.Model):
    """A "Dân vận khéo" model (mô hình): an initiative registered by a unit or a
    person, approved up the organisation tree and recognised by decision."""

    _name = "dvk.model"
    _description = "DVK Model"
    # hr.mixin: since Odoo 19, writing a many2many needs read access to its
    # comodel, which staff lack on hr.employee (member_ids); the mixin is the
    # core way around it.
    _inherit = [
        "hr.mixin",
        # The model's own concerns, one file each, over the workflow.
        "dvk.model.next.year",
        "dvk.model.previous.link",
        "dvk.model.recognition",
        "dvk.model.approval",
        "dvk.model.plan",
        "dvk.model.registration",
        "dvk.workflow.mixin",
        "dvk.dossier.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "year desc, id desc"
    _check_company_auto = True
    _parent_name = "replicated_from_id"
    _parent_store = True
    _dvk_list_action = "dvk_models.dvk_model_action"
    # Seed 000 §II: register → approve up the unit tree → propose → recognise
    # by decision; refused registrations are corrected, approved ones without
    # results carried over, recognised ones renewed next year.
    _dvk_transitions = {
        "submit": Transition(("draft", "refused"), "submitted", _lt("submitted")),
        "approve": Transition(("submitted",), "approved", _lt("approved")),
        "refuse": Transition(("submitted",), "refused", _lt("refused")),
        "reset_to_draft": Transition(("refused",), "draft", _lt("reset to draft")),
        # A recognised model proposed higher stays recognised meanwhile.
        "propose": Transition(("approved", "recognized"), "proposed", _lt("proposed")),
        # Back to approved, or recognised at the level it holds.
        "withdraw": Transition(("proposed", "recognized"), None, _lt("withdrawn")),
        "remove": Transition(
            ("approved", "proposed", "carried_over"),
            "removed",
            _lt("removed from the list"),
        ),
        "carry_over": Transition(("approved",), "carried_over", _lt("carried over")),
        # A recognised model is registered again next year (a new draft).
        "renew": Transition(("recognized",), None, _lt("renewed")),
        # The self-assessment goes with the proposals (seed 001 §3: every
        # level needs it): from the approval, recognised or proposed.
        "self_assess": Transition(
            ("approved", "recognized", "proposed"), None, _lt("self-assessed")
        ),
    }

    name = fields.Char(required=True, tracking=True)
    name_key = fields.Char(
        compute="_compute_name_key", store=True, precompute=True, index=True
    )
    subject_key = fields.Char(
        compute="_compute_subject_key", store=True, precompute=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("proposed", "Proposed"),
            ("recognized", "Recognised"),
            ("refused", "Refused"),
            ("removed", "Removed"),
            ("carried_over", "Carried Over"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    member_ids = fields.Many2many(
        "hr.employee",
        "dvk_model_member_rel",
        "model_id",
        "employee_id",
        string="Participants",
        check_company=True,
        # The people of the unit's subtree, the unit's own first (without a
        # unit yet, those the user may register).
        domain="department_id and [('dvk_unit_ids', 'in', [department_id])] "
        "or [('dvk_registrable', '=', True)]",
    )
    field_id = fields.Many2one(
        "dvk.field", required=True, ondelete="restrict", tracking=True
    )
    category_id = fields.Many2one(
        "dvk.category",
        ondelete="restrict",
        domain="[('field_id', '=?', field_id), ('profile', 'in', [profile, False])]",
        tracking=True,
    )
    has_categories = fields.Boolean(
        compute="_compute_has_categories",
        help="The campaign's profile defines categories (loại hình) of models.",
    )
    level_id = fields.Many2one(
        "dvk.level",
        string="Target Level",
        ondelete="restrict",
        tracking=True,
        # The levels of the chain in force for the campaign, named as its
        # steps name them (the form passes the campaign in the context).
        domain="[('id', 'in', level_chain_ids)]",
        help="The level of recognition the model aims at.",
    )
    level_chain_ids = fields.Many2many(related="campaign_id.level_chain_ids")
    area = fields.Char(
        string="Scope and Address",
        help="Where the model is carried out (thôn, xã, đơn vị...).",
    )
    objective = fields.Text(tracking=True)
    measures = fields.Text(tracking=True)
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    expected_result = fields.Text(tracking=True)
    result_summary = fields.Text(
        string="Results", help="What the model achieved (self-report)."
    )
    target_ids = fields.One2many("dvk.model.target", "model_id", string="Targets")
    monitor_id = fields.Many2one(
        "hr.employee",
        string="Monitoring Officer",
        tracking=True,
        check_company=True,
        # The committee above the unit assigns him (seed 000 §II.1 step 2):
        # the people of its subtree, its own first.
        domain="(department_parent_id or department_id) and [('dvk_unit_ids', "
        "'in', [department_parent_id or department_id])] "
        "or [('dvk_registrable', '=', True)]",
        help="The officer the committee assigns to follow and guide the model.",
    )
    department_parent_id = fields.Many2one(
        related="department_id.parent_id",
        string="Unit Above",
        context={"hierarchical_naming": False},
    )
    registration_date = fields.Date(readonly=True, copy=False, tracking=True)
    is_supplementary = fields.Boolean(
        string="Supplementary",
        copy=False,
        tracking=True,
        help="Ad-hoc model registered after the registration deadline (guidance "
        "07-HD/ĐUK §II.2); checked automatically when submitted late.",
    )
    approver_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True, index=True
    )
    approval_date = fields.Date(readonly=True, copy=False)
    removal_reason = fields.Selection(
        [("ineffective", "Ineffective"), ("discontinued", "Discontinued")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    removal_note = fields.Text(readonly=True, copy=False)
    replicated_from_id = fields.Many2one(
        "dvk.model",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The model this one replicates in another unit (nhân rộng).",
    )
    parent_path = fields.Char(index=True)
    replication_ids = fields.One2many("dvk.model", "replicated_from_id")
    replication_count = fields.Integer(compute="_compute_replication_count")
    previous_id = fields.Many2one(
        "dvk.model",
        string="Previous Year",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
        help="The same model in the previous year's campaign.",
    )
    next_ids = fields.One2many("dvk.model", "previous_id", string="Next Years")
    consecutive_years = fields.Integer(
        compute="_compute_consecutive_years",
        store=True,
        precompute=True,
        recursive=True,
        help="Consecutive years, up to this one, in which the model was recognised.",
    )
    score_sheet_ids = fields.One2many("dvk.score.sheet", "model_id")
    exemplar_ids = fields.Many2many(
        "dvk.exemplar", "dvk_exemplar_model_rel", "model_id", "exemplar_id"
    )

    _dvk_always_writable = frozenset({"monitor_id", "result_summary", "member_ids"})

    def _dvk_protected_fields(self):
        return super()._dvk_protected_fields() | {
            "approver_id",
            "approval_date",
            "registration_date",
            "removal_reason",
            "removal_note",
            "previous_id",
            "previous_link_reason",
        }

    # The lists of models follow _order: the first page is read from this
    # index instead of sorting every model the user may see.
    _year_id_desc_idx = models.Index("(year DESC, id DESC)")
    _unique_registration = models.UniqueIndex(
        "(campaign_id, subject_key, name_key) WHERE state != 'removed'",
        "This model is already registered in this campaign for the same unit or "
        "person.",
    )

    @api.depends("name")
    def _compute_name_key(self):
        for model in self:
            model.name_key = rules.name_key(model.name)

    @api.depends("subject_type", "department_id", "employee_id")
    def _compute_subject_key(self):
        for model in self:
            if model.subject_type == "individual":
                model.subject_key = f"e{model.employee_id.id}"
            else:
                model.subject_key = f"d{model.department_id.id}"

    @api.depends("profile")
    def _compute_has_categories(self):
        """Seeds 000/001 (party) classify models by field only; the union
        guidance (seed 004 I.2) adds categories. Offer the choice only where
        the profile has some."""
        with_categories = {
            profile
            for (profile,) in self.env["dvk.category"]._read_group(
                [("profile", "in", [*set(self.mapped("profile")), False])],
                ["profile"],
            )
        }
        for model in self:
            model.has_categories = bool(
                {model.profile, False} & with_categories
            ) or bool(model.category_id)

    def _compute_replication_count(self):
        """Replications of the model, direct or through another replication,
        in any unit: a fact about the model, the same for every reader, read
        in one query for all the models."""
        # sudo: a count of replications in other units reveals no content
        origins = self._origin.sudo()
        paths = {path for path in origins.mapped("parent_path") if path}
        counts = {}
        if paths:
            found = origins.search_fetch(
                Domain.OR(Domain("parent_path", "=like", f"{path}%") for path in paths),
                ["parent_path"],
            )
            for replication in found:
                ancestors = [int(i) for i in replication.parent_path.split("/") if i]
                for ancestor in ancestors[:-1]:
                    counts[ancestor] = counts.get(ancestor, 0) + 1
        for model in self:
            model.replication_count = counts.get(model._origin.id, 0)

    @api.depends(
        "state",
        "year",
        "previous_id.consecutive_years",
        "previous_id.state",
        "previous_id.year",
    )
    def _compute_consecutive_years(self):
        for model in self:
            if model.state != "recognized":
                model.consecutive_years = 0
                continue
            previous = model.previous_id
            if previous and previous.year == model.year - 1:
                model.consecutive_years = previous.consecutive_years + 1
            else:
                model.consecutive_years = 1

    def _dvk_line_field(self):
        return "model_id"

    def _dvk_target(self):
        return "model"

    @api.depends(
        "criteria_set_id",
        "score_sheet_ids.state",
        "score_sheet_ids.percent",
        "score_sheet_ids.mandatory_ok",
    )
    def _compute_scores(self):
        return super()._compute_scores()
