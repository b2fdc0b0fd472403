from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# The default subjects of a decision, read in the reader's language on its
# form and printed in Vietnamese: a decision whose lines carry a form of
# commendation recognises and commends in one act (seed 004 §IV.4).
DEFAULT_TITLE = _lt('Recognising "Dân vận khéo" models and exemplars of %(year)s')
DEFAULT_TITLE_COMMENDING = _lt(
    'Recognising and commending "Dân vận khéo" models and exemplars of %(year)s'
)


class DvkDecision(models.Model):
    """A numbered recognition decision (quyết định công nhận).

    It is issued by a unit of its own level (seed 001 §3, seed 003 Đ7.2). The
    number is drawn only when the decision is confirmed, gapless from 01 each
    calendar year of its date per issuing unit (Decree 30/2020/NĐ-CP, guidance
    36-HD/VPTW); confirming recognises every line at once.
    """

    _name = "dvk.decision"
    _description = "DVK Recognition Decision"
    # The decision's concerns, one file each (dvk_decision_*.py).
    _inherit = [
        "dvk.decision.authority",
        "dvk.decision.deadline",
        "dvk.decision.issue",
        "dvk.decision.competence",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    # A draft has no number: the field stays empty until confirmation draws
    # it (never a "/" that would show in lists, titles and the chatter).
    name = fields.Char(string="Number", readonly=True, copy=False, tracking=True)
    # The subject the officer wrote; the default one is not stored but read
    # in the reader's language (stored, it kept the language of whoever
    # created the draft: English for the demo data and the imports).
    own_title = fields.Char(
        string="Own Subject",
        help="The subject the officer wrote; empty: the default subject of "
        "the campaign's year.",
    )
    title = fields.Char(
        compute="_compute_title",
        inverse="_inverse_title",
        readonly=False,
        help="Subject of the decision as printed under its title.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        # Decisions answer the proposals of a running campaign of the
        # officer's sectors (the campaigns his dashboard lists).
        domain="[('state', '=', 'open'), ('dvk_concerns_me', '=', True)]",
        default=lambda self: self.env["dvk.campaign"]._dvk_campaign_at_work(),
    )
    year = fields.Integer(related="campaign_id.year", store=True)
    line_ids = fields.One2many("dvk.decision.line", "decision_id", string="Lines")
    line_count = fields.Integer(compute="_compute_line_count")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    legal_basis = fields.Text(
        string="Legal Bases",
        compute="_compute_legal_basis",
        store=True,
        readonly=False,
        help='One legal basis per line, printed as "Căn cứ ...;"; taken from the '
        "guidance documents of the campaign.",
    )
    note = fields.Html(
        string="Proposals Considered",
        help="Printed after the legal bases, e.g. the proposals the decision "
        "answers; left empty, the decision cites the proposals of the units.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _default_title(self, year, commends=False, lang=None):
        """The default subject, the one definition the form shows and the
        decision prints, in ``lang`` (default: the reader's language; any
        language the addon translates, installed or not)."""
        term = DEFAULT_TITLE_COMMENDING if commends else DEFAULT_TITLE
        return term._translate(lang or self.env.lang or "en_US") % {"year": year}

    def _dvk_commends(self):
        """Whether the decision also commends: one of its lines carries a
        form of commendation."""
        self.ensure_one()
        return bool(self.line_ids.filtered("award_form"))

    def _is_default_title(self, title):
        """Whether ``title`` is the default subject of some year, in the
        user's language or in English: such a title follows the campaign."""
        if not title:
            return True
        defaults = {
            self._default_title(0, commends, lang)
            for commends in (False, True)
            for lang in (self.env.lang, "en_US")
        }
        for default in defaults:
            prefix = default[:-1]
            if title.startswith(prefix) and title[len(prefix) :].strip().isdigit():
                return True
        return False

    @api.depends("own_title", "campaign_id.year", "line_ids.award_form")
    @api.depends_context("lang")
    def _compute_title(self):
        # The default subject carries the campaign's year and follows a change
        # of campaign and of the awards; a subject the user wrote is kept.
        for decision in self:
            decision.title = decision.own_title or decision._default_title(
                decision.campaign_id.year or "", decision._dvk_commends()
            )

    def _inverse_title(self):
        for decision in self:
            title = decision.title
            decision.own_title = False if decision._is_default_title(title) else title

    @api.depends("campaign_id")
    def _compute_legal_basis(self):
        for decision in self:
            decision.legal_basis = decision.campaign_id.legal_basis

    @api.depends("line_ids")
    def _compute_line_count(self):
        # sudo: how many records the decision names, whoever reads it
        Line = self.env["dvk.decision.line"].sudo()
        counts = {
            decision.id: count
            for decision, count in Line._read_group(
                [("decision_id", "in", self._origin.ids)], ["decision_id"], ["__count"]
            )
        }
        for decision in self:
            decision.line_count = counts.get(decision._origin.id, 0)

    @api.depends("name", "state")
    def _compute_display_name(self):
        # A draft has no number yet: it reads "Decision (draft)" everywhere.
        for decision in self:
            decision.display_name = decision.name or self.env._("Decision (draft)")

    @api.constrains("date", "campaign_id")
    def _check_date(self):
        for decision in self:
            if decision.date.year < decision.campaign_id.year:
                raise ValidationError(
                    self.env._(
                        "A decision of the %(year)s campaign cannot be dated "
                        "before that year.",
                        year=decision.campaign_id.year,
                    )
                )

    def write(self, vals):
        if not self.env.su:
            self._check_authority_scope()
            if {
                "state",
                "name",
                "cancel_reason",
                "sequence_number",
                "number_year",
                "number_period_start",
            } & set(vals):
                raise UserError(
                    self.env._(
                        "The number and state of a decision change only through "
                        "its Confirm and Cancel buttons."
                    )
                )
            locked = self.filtered(lambda d: d.state != "draft")
            if locked and set(vals) - {
                f for f in vals if f.startswith(("message_", "activity_"))
            }:
                raise UserError(
                    self.env._(
                        "The decision %(name)s is %(state)s and can no longer be "
                        "changed; issue a new decision instead.",
                        name=locked[0].name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[locked[0].state],
                    )
                )
        res = super().write(vals)
        if not self.env.su:
            # The decision as it now stands must still be one the officer
            # records (another issuing unit, another recording unit).
            self._check_authority_scope()
        return res

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if (
                    vals.get("state", "draft") != "draft"
                    or vals.get("name")
                    or vals.get("cancel_reason")
                    or vals.get("sequence_number")
                ):
                    raise UserError(
                        self.env._(
                            "A decision is created as a draft; its number is "
                            "drawn when it is confirmed."
                        )
                    )
            # Named before the record rules refuse it without a name: the
            # decision as it would be created (its computed issuer and
            # recording units), without its lines.
            if not self.env.user.has_group("dvk_models.group_dvk_manager"):
                for vals in vals_list:
                    self.new(
                        {
                            fname: value
                            for fname, value in vals.items()
                            if fname in self._fields
                            and self._fields[fname].type
                            not in ("one2many", "many2many")
                        }
                    )._check_authority_scope()
        decisions = super().create(vals_list)
        if not self.env.su:
            decisions._check_authority_scope()
        return decisions

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        for decision in self:
            if decision.state == "confirmed":
                raise UserError(
                    self.env._(
                        "The decision %(name)s is issued and cannot be deleted. "
                        'Use its "Cancel Decision" button (the officer of the '
                        "issuing unit or a DVK manager) and give the reason: its "
                        "models and exemplars go back to where they stood "
                        "before it; then issue the correct decision.",
                        name=decision.name,
                    )
                )
            if decision.state == "cancelled":
                raise UserError(
                    self.env._(
                        "The decision %(name)s is cancelled: it stays on record "
                        "with its number and the reason of its cancellation.",
                        name=decision.name,
                    )
                )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for vals in vals_list:
            vals.pop("line_ids", None)
        return vals_list

    def _dvk_proposals_considered(self):
        """Hook: the proposals the decision answers, each printed as its own
        "Xét ..." ground before the articles (e.g. the submission letter a
        sector requires). The core has none: the officer writes them in the
        note, else the decision cites the proposals of the units."""
        self.ensure_one()
        return []

    def _dvk_award_grantor(self):
        """Hook: who grants the commendation the decision carries, as its
        article names him after "Tặng Giấy khen / Bằng khen của": the
        issuing unit, unless a profile says otherwise."""
        self.ensure_one()
        return self.authority_department_id.name or ""

    def _dvk_notified_units(self):
        """Hook: units that receive the issued decision besides those named in
        it and the issuing unit's superior (printed under "Nơi nhận")."""
        self.ensure_one()
        return self.env["hr.department"]

    def _creation_message(self):
        """The chatter's first line, in words an officer uses (not the
        technical model name)."""
        return self.env._("Decision drafted")

    def action_add_proposed(self):
        """Fill the draft with everything proposed at its level in its
        campaign that its issuing unit may recognise."""
        self.ensure_one()
        # Public method (RELIABILITY A2): only the officers of the issuing unit
        # may change the decision.
        self.check_access("write")
        if self.state != "draft":
            raise UserError(self.env._("Only a draft decision can be filled."))
        taken = self.env["dvk.decision.line"].search(
            [("decision_id.state", "=", "draft")]
        )
        # Only what the issuing unit may recognise (its competent body's
        # rule, the pickers' domain).
        models_ = self.dvk_candidate_model_ids - taken.model_id
        exemplars = self.dvk_candidate_exemplar_ids - taken.exemplar_id
        self.env["dvk.decision.line"].create(
            [{"decision_id": self.id, "model_id": m.id} for m in models_]
            + [{"decision_id": self.id, "exemplar_id": e.id} for e in exemplars]
        )
        return True
