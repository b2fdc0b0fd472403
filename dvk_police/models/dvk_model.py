from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class DvkModel(models.Model):
    _inherit = "dvk.model"

    police_report_ids = fields.One2many(
        "dvk.police.report", "model_id", string="Periodic Reports"
    )
    police_report_count = fields.Integer(
        string="Periodic Report Count", compute="_compute_police_report_count"
    )
    police_profile = fields.Boolean(
        string="Follows the Police Guidance",
        compute="_compute_police_profile",
        help="The campaign's profile is the police's or shares its rules.",
    )

    @api.depends("profile")
    def _compute_police_profile(self):
        police = self._dvk_of_profile("police")
        for model in self:
            model.police_profile = model in police

    @api.depends("police_report_ids")
    def _compute_police_report_count(self):
        """The model's periodic reports, counted the same for every reader."""
        # sudo: a count per model, whatever the reader's rights
        Report = self.env["dvk.police.report"].sudo()
        counts = {
            model.id: count
            for model, count in Report._read_group(
                [("model_id", "in", self._origin.ids)], ["model_id"], ["__count"]
            )
        }
        for model in self:
            model.police_report_count = counts.get(model._origin.id, 0)

    # ------------------------------------------------------------------
    # Approval authority (seed 002 §I step 2)
    # ------------------------------------------------------------------
    def _get_approver(self):
        """Police routing: the head of the competent police unit approves
        (seed 002 §I step 2). When that head registered the model or takes
        part in it, the next competent unit above decides instead."""
        self.ensure_one()
        if self.campaign_id.profile_id.routing != "police":
            return super()._get_approver()
        unit = self.department_id._dvk_police_unit()
        if not unit:
            return super()._get_approver()
        return unit._dvk_police_approver(
            self._dvk_police_with_district(), excluded=self._get_registrant_users()
        )

    def _dvk_police_with_district(self):
        """Whether the district police row of seed 002 applies: the chain in
        force for the model's campaign still has the district level (the
        police profile ends it on 28/2/2025; earlier campaigns keep it)."""
        self.ensure_one()
        return "district" in self._dvk_level_chain().mapped("code")

    # ------------------------------------------------------------------
    # Tracking copies after approval (seed 002 §I step 2)
    # ------------------------------------------------------------------
    def _dvk_after_transition(self, state):
        """Police profile: once approved (by the approver, or carried over into
        next year's campaign), the copies go out and the periodic reports are
        scheduled."""
        result = super()._dvk_after_transition(state)
        police = self._dvk_of_profile("police")
        if state == "approved" and police:
            police._dvk_police_send_copies()
            police._dvk_police_create_reports()
        return result

    def _dvk_police_copies(self):
        """Who must be informed of this approved model, and why: a list of
        (text, users) following seed 002 §I step 2.

        - approved by a district police chief: the district police informs
          the provincial police through PV05, and the district board;
        - otherwise: PV05 aggregates it for the Ministry (Cục V05) and the
          provincial mass-mobilisation board;
        - a commune police model: the commune party committee as well.
        """
        self.ensure_one()
        unit = self.department_id._dvk_police_unit()
        if not unit:
            return []
        copies = []
        authority = unit._dvk_police_authority(self._dvk_police_with_district())
        pv05 = unit._dvk_police_pv05()
        if (
            unit.dvk_police_kind in ("team", "commune")
            and authority.dvk_police_kind == "province"
        ):
            # No district police above it (dissolved on 1/3/2025): the
            # provincial police leadership approved it through PV05.
            copies.append(
                (
                    self.env._(
                        "%(unit)s has no district police above it: the leadership "
                        "of %(province)s approved it through PV05 (%(pv05)s).",
                        unit=unit.name,
                        province=authority.name,
                        pv05=pv05.name or "PV05",
                    ),
                    pv05._dvk_police_users(),
                )
            )
        if authority.dvk_police_kind == "district":
            copies.append(
                (
                    self.env._(
                        "%(district)s reports it to the provincial police through "
                        "PV05 (%(pv05)s).",
                        district=authority.name,
                        pv05=pv05.name or "PV05",
                    ),
                    pv05._dvk_police_users(),
                )
            )
            board = authority.dvk_police_informed_id
            if board:
                copies.append(
                    (
                        self.env._(
                            "%(district)s reports it to %(board)s to follow and "
                            "record.",
                            district=authority.name,
                            board=board.name,
                        ),
                        board._dvk_police_users(),
                    )
                )
        else:
            province = (
                authority
                if authority.dvk_police_kind == "province"
                else authority._dvk_police_ancestor(("province",))
            )
            board = province.dvk_police_informed_id
            copies.append(
                (
                    self.env._(
                        "PV05 (%(pv05)s) aggregates it and reports to the Ministry "
                        "of Public Security (through Cục V05) and to %(board)s.",
                        pv05=pv05.name or "PV05",
                        board=board.name
                        or self.env._("the provincial party committee"),
                    ),
                    pv05._dvk_police_users(),
                )
            )
        if unit.dvk_police_kind == "commune" and unit.dvk_police_informed_id:
            committee = unit.dvk_police_informed_id
            copies.append(
                (
                    self.env._(
                        "%(commune)s reports it to %(committee)s to follow and record.",
                        commune=unit.name,
                        committee=committee.name,
                    ),
                    committee._dvk_police_users(),
                )
            )
        return copies

    def _dvk_police_send_copies(self):
        """One note per model naming the copies, kept in their readers'
        inbox, for the whole batch at once."""
        bodies = {}
        notify = {}
        title = self.env._("Approved model: copies for follow-up and recording")
        for model in self:
            copies = model._dvk_police_copies()
            if not copies:
                continue
            items = Markup().join(Markup("<li>%s</li>") % text for text, _u in copies)
            bodies[model.id] = Markup("<p>%s</p><ul>%s</ul>") % (title, items)
            users = self.env["res.users"].union(*(u for _t, u in copies))
            notify[model.id] = users.partner_id
        if bodies:
            # Copies to keep (seed 002 §I step 2: "theo dõi, ghi nhận"): in the
            # inbox of each reader, by email as well for those who chose it.
            self.browse(list(bodies))._dvk_log_batch(bodies, notify, keep=True)

    # ------------------------------------------------------------------
    # Periodic reports (seed 002 §I step 4)
    # ------------------------------------------------------------------
    def _dvk_police_report_due_dates(self):
        """Hook: {kind: due date} of the periodic reports of an approved
        model: the six-month review by mid-June (or a month after approval),
        the annual summary by the proposal deadline."""
        self.ensure_one()
        Report = self.env["dvk.police.report"]
        campaign = self.campaign_id
        return Report._due_dates(
            campaign.year,
            campaign.proposal_deadline,
            self.approval_date or fields.Date.context_today(self),
        )

    def _dvk_police_create_reports(self):
        # sudo: the report checklist follows from the approval; staff may not
        # create reports themselves.
        Report = self.env["dvk.police.report"].sudo()
        existing = {
            (r.model_id.id, r.kind)
            for r in Report.search([("model_id", "in", self.ids)])
        }
        vals_list = []
        for model in self:
            for kind, due in model._dvk_police_report_due_dates().items():
                if (model.id, kind) not in existing:
                    vals_list.append(
                        {"model_id": model.id, "kind": kind, "date_due": due}
                    )
        if vals_list:
            Report.create(vals_list)

    def _check_can_propose(self, level):
        """Police profile: the annual summary (báo cáo tổng kết năm) must be
        done before proposing recognition (seed 002 §I step 4)."""
        super()._check_can_propose(level)
        police = self._dvk_of_profile("police")
        if not police:
            return
        # sudo: whether the summary is done is read whoever proposes
        Report = self.env["dvk.police.report"].sudo()
        done = {
            r.model_id.id
            for r in Report.search(
                [
                    ("model_id", "in", police.ids),
                    ("kind", "=", "annual"),
                    ("state", "=", "done"),
                ]
            )
        }
        missing = police.filtered(lambda m: m.id not in done)
        if missing:
            raise UserError(
                self.env._(
                    "%(names)s need their annual summary report (báo cáo tổng kết "
                    "năm) before being proposed for recognition.",
                    names=", ".join(missing.mapped("name")),
                )
            )

    def action_open_police_reports(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dvk.police.report",
            "name": self.env._("Periodic Reports"),
            "view_mode": "list,form",
            "domain": [("model_id", "=", self.id)],
            "context": {"default_model_id": self.id},
        }
