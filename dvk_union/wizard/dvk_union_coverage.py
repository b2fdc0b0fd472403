from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain

from ..models.hr_department import UPPER_KINDS

# A model "runs" once it is registered, until it is removed from the list.
RUNNING_STATES = ("submitted", "approved", "proposed", "recognized", "carried_over")


class DvkUnionCoverage(models.TransientModel):
    """Coverage of the base unions (seed 004 §V.2: "mỗi CĐCS thực hiện ít
    nhất một mô hình"), per district federation and sector union, and the
    province-level minimum of §V.1 (each of them registers at least one model
    for province level)."""

    _name = "dvk.union.coverage"
    _description = "DVK Trade Union Coverage"

    campaign_id = fields.Many2one(
        "dvk.campaign",
        required=True,
        domain="[('profile', '=', 'union')]",
        default=lambda self: self._default_campaign_id(),
    )
    line_ids = fields.One2many(
        "dvk.union.coverage.line", "coverage_id", string="Upper-level Unions"
    )
    upper_level_label = fields.Char(
        string="Counted per",
        compute="_compute_upper_level_label",
        help="The unions directly above the base unions, named by the level "
        "chain of the campaign (the district federations until 30/6/2025, "
        "the unions directly above the base unions since).",
    )
    base_count = fields.Integer(string="Base Unions", readonly=True)
    covered_count = fields.Integer(string="With a Model", readonly=True)
    share = fields.Float(string="Coverage (%)", readonly=True, digits=(5, 1))
    province_missing_count = fields.Integer(
        string="Without a Province-level Model", readonly=True
    )
    # The printed report is an official document of the issuing union
    # (Decree 30/2020/NĐ-CP): its header, place and date, signer and
    # recipients.
    issuer_department_id = fields.Many2one(
        "hr.department",
        string="Issuing Union",
        default=lambda self: self._default_issuer_department_id(),
        domain="[('dvk_union_kind', '!=', False)]",
        context={"hierarchical_naming": False},
        help="The union that issues and signs the report: its header name, "
        "superior body, symbol and place of signing are printed from the "
        "unit's data.",
    )
    date = fields.Date(
        string="Report Date", default=lambda self: fields.Date.context_today(self)
    )
    signer_id = fields.Many2one(
        "hr.employee",
        string="Signed By",
        compute="_compute_signer_id",
        store=True,
        readonly=False,
        help="The head of the issuing union unless someone else signs.",
    )
    signer_title = fields.Char(
        string="Signer's Position",
        compute="_compute_signer_title",
        store=True,
        readonly=False,
        help="Printed above the signer's name. By default the title of the "
        "head (or of a deputy, when someone else signs) in the issuing "
        "union's data, e.g. CHỦ TỊCH, PHÓ CHỦ TỊCH.",
    )
    recipients = fields.Text(
        compute="_compute_recipients",
        store=True,
        readonly=False,
        help="Nơi nhận: one recipient per line, as printed at the foot of the report.",
    )

    @api.depends("campaign_id")
    def _compute_upper_level_label(self):
        """ "Công đoàn cấp huyện" or "Công đoàn cấp trên trực tiếp cơ sở":
        the words of the campaign's chain, as the printed forms use them."""
        Forms = self.env["dvk.report.mixin"]
        Forms = Forms.with_context(lang=Forms._dvk_lang())
        level = self.env.ref("dvk_models.dvk_level_district")
        for coverage in self:
            phrase = Forms._dvk_level_phrase(
                level.with_env(Forms.env), coverage.campaign_id
            )
            coverage.upper_level_label = f"Công đoàn {phrase}" if phrase else ""

    @api.depends("campaign_id")
    def _compute_display_name(self):
        for coverage in self:
            coverage.display_name = self.env._(
                "Coverage of Base Unions - %(campaign)s",
                campaign=coverage.campaign_id.name or "",
            )

    @api.model
    def _default_issuer_department_id(self):
        """The union in the user's charge (or the one it belongs to), else
        the provincial federation when the company has one."""
        Department = self.env["hr.department"]
        units = self.env.user.dvk_department_ids
        if len(units) == 1:
            return units._dvk_union_unit() or units
        provinces = Department.search([("dvk_union_kind", "=", "province")], limit=2)
        return provinces if len(provinces) == 1 else Department

    @api.depends("issuer_department_id")
    def _compute_signer_id(self):
        for coverage in self:
            # sudo: the issuing union's head (a name and a position), not the
            # content of HR records
            coverage.signer_id = coverage.issuer_department_id.sudo().manager_id

    @api.depends("issuer_department_id", "signer_id")
    def _compute_signer_title(self):
        """The title the report prints, from the issuing union's data."""
        Forms = self.env["report.dvk_union.report_dvk_union_coverage"]
        for coverage in self:
            issuer = coverage.issuer_department_id
            coverage.signer_title = (
                Forms._dvk_signer_title(issuer, coverage.signer_id) if issuer else False
            )

    @api.depends("issuer_department_id")
    def _compute_recipients(self):
        """The body the issuing union reports to (the provincial DVK board
        for the provincial federation, the provincial federation for a
        district federation or sector union), then the archive."""
        for coverage in self:
            issuer = coverage.issuer_department_id
            upper = self.env["hr.department"]
            if issuer.dvk_union_kind == "province":
                # sudo: the board is configuration of the federation
                upper = issuer.sudo().dvk_union_board_id
            elif issuer:
                upper = issuer._dvk_union_province()
            lines = [f"{upper.name} (để báo cáo);"] if upper else []
            coverage.recipients = "\n".join([*lines, "Lưu: VT."])

    @api.model
    def _default_campaign_id(self):
        """The trade-union campaign at work today (the one running for the
        user's unit), else the latest one already started: never next
        year's draft."""
        campaign_id = self.env.context.get("default_campaign_id")
        if campaign_id:
            return campaign_id
        Campaign = self.env["dvk.campaign"]
        at_work = Campaign._dvk_campaign_at_work()
        if at_work._dvk_of_profile("union"):
            return at_work
        today = fields.Date.context_today(self)
        return Campaign.search(
            [
                (
                    "profile",
                    "in",
                    self.env["dvk.profile"]._dvk_codes_following("union"),
                ),
                ("state", "!=", "draft"),
                ("date_start", "<=", today),
            ],
            order="date_start desc, id desc",
            limit=1,
        )

    @api.model
    def _dvk_scope_units(self):
        """The units the user reads figures for: every unit for a DVK manager,
        the units in his charge and below for an officer (as the dashboard's
        scope)."""
        if self.env.user.has_group("dvk_models.group_dvk_manager"):
            return self.env["hr.department"].search([])
        return self.env.user._dvk_scope_units()

    @api.model
    def _dvk_coverage_rows(self, campaign, units):
        """The coverage of base unions (seed 004 §V.2), the one definition the
        coverage report and the dashboard use: the base unions in the
        subtrees of ``units``, each covered once it or a unit under it (or a
        union it was formed from) runs a model of ``campaign`` (registered,
        not refused nor removed). One row per district federation and sector
        union among ``units`` (with the province-level minimum of §V.1), each
        counting the base unions under it; a base union under none of them
        counts under the nearest union above it. Returns
        [{upper, base_count, covered_count, missing, share, province_count}]
        in a number of queries that does not grow with the number of unions
        or models."""
        Department = self.env["hr.department"]
        uppers = Department.search(
            [("id", "child_of", units.ids), ("dvk_union_kind", "in", UPPER_KINDS)],
            order="dvk_union_kind, name",
        )
        bases = Department.search_fetch(
            [("id", "child_of", units.ids), ("dvk_union_kind", "=", "base")],
            ["name", "parent_path"],
        )
        # sudo: counting models per unit reveals no content; the units are
        # those in the user's charge
        Model = self.env["dvk.model"].sudo()
        running = Domain("campaign_id", "=", campaign.id) & Domain(
            "state", "in", RUNNING_STATES
        )
        # A base union formed by a merger is covered by the models its former
        # unions still hold (decided ones stay with the unit that ran them).
        former = bases._dvk_lineage_predecessors()
        with_models = {
            department.id
            for [department] in Model._read_group(
                running & Domain("department_id", "child_of", bases.ids + former.ids),
                ["department_id"],
            )
        }
        successor_of = {}
        if former:
            for base_id, units in bases._dvk_lineage_predecessor_map().items():
                for unit_id in units:
                    successor_of.setdefault(unit_id, set()).add(base_id)
        covered_bases = set()
        # sudo: the paths of the units holding models, archived ones too
        holders = Department.sudo().with_context(active_test=False).browse(with_models)
        for department in holders:
            path = {int(x) for x in department.parent_path.split("/") if x}
            covered_bases |= path & set(bases.ids)
            for unit_id in path & set(successor_of):
                covered_bases |= successor_of[unit_id]
        # The row of each base union: the nearest district federation or
        # sector union above it among the units, else the nearest union above
        # it (a base union directly under the provincial federation), else
        # the base union itself.
        above = {
            int(x) for base in bases for x in base.parent_path.split("/")[:-2] if x
        }
        # sudo: only the union kinds of the units above are read
        Tree = Department.sudo()
        unions_above = set(
            Tree.search(
                [("id", "in", list(above)), ("dvk_union_kind", "!=", False)]
            ).ids
        )
        by_upper = {}
        extra = []
        for base in bases:
            ancestors = [int(x) for x in base.parent_path.split("/") if x][:-1]
            upper_id = next(
                (i for i in reversed(ancestors) if i in uppers.ids),
                None,
            ) or next((i for i in reversed(ancestors) if i in unions_above), base.id)
            if upper_id not in uppers.ids and upper_id not in extra:
                extra.append(upper_id)
            by_upper.setdefault(upper_id, []).append(base)
        # Registered for province level (§V.1): the model's level registered
        # for, which the registration summaries list.
        province_level = self.env.ref("dvk_models.dvk_level_province")
        province = {}
        for department, count in Model._read_group(
            running
            & Domain("union_level_id", "=", province_level.id)
            & Domain("department_id", "child_of", uppers.ids),
            ["department_id"],
            ["__count"],
        ):
            for unit_id in {int(x) for x in department.parent_path.split("/") if x}:
                province[unit_id] = province.get(unit_id, 0) + count
        rows = []
        for upper in uppers | Department.browse(extra):
            own = by_upper.get(upper.id, [])
            covered = [b for b in own if b.id in covered_bases]
            missing = [b for b in own if b.id not in covered_bases]
            rows.append(
                {
                    "upper": upper,
                    "base_count": len(own),
                    "covered_count": len(covered),
                    "missing": Department.union(*missing),
                    "share": round(100.0 * len(covered) / len(own), 1) if own else 0.0,
                    "province_count": province.get(upper.id, 0),
                }
            )
        return rows

    @api.model
    def _dvk_coverage_totals(self, rows):
        """(covered, counted, share in %) of the rows: the figure shown for
        the whole scope, on the report and on the dashboard alike."""
        counted = sum(r["base_count"] for r in rows)
        covered = sum(r["covered_count"] for r in rows)
        share = round(100.0 * covered / counted, 1) if counted else 0.0
        return covered, counted, share

    def _dvk_total_row(self):
        """The total row of the printed report and of its export, one
        definition for both: the figures of the whole scope (those the form
        and the dashboard show) and the province-level models of its rows."""
        self.ensure_one()
        province = self.issuer_department_id.dvk_union_kind == "province"
        return {
            "label": "Toàn tỉnh" if province else "Tổng cộng",
            "base_count": self.base_count,
            "covered_count": self.covered_count,
            "share": self.share,
            "province_count": sum(self.line_ids.mapped("province_count")),
        }

    def action_compute(self):
        self.ensure_one()
        if not self.campaign_id._dvk_of_profile("union"):
            raise UserError(
                self.env._("Coverage is computed for a trade-union campaign.")
            )
        rows = self._dvk_coverage_rows(self.campaign_id, self._dvk_scope_units())
        covered, counted, share = self._dvk_coverage_totals(rows)
        self.write(
            {
                "line_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "upper_id": r["upper"].id,
                            "base_count": r["base_count"],
                            "covered_count": r["covered_count"],
                            "share": r["share"],
                            "missing_ids": [Command.set(r["missing"].ids)],
                            "province_count": r["province_count"],
                        }
                    )
                    for r in rows
                ],
                "base_count": counted,
                "covered_count": covered,
                "share": share,
                "province_missing_count": sum(
                    1
                    for r in rows
                    if r["upper"].dvk_union_kind in UPPER_KINDS
                    and not r["province_count"]
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
            "name": self.env._("Coverage of Base Unions"),
        }

    @api.model
    def action_open_for_campaign(self, campaign_id):
        wizard = self.create({"campaign_id": campaign_id})
        return wizard.action_compute()

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("dvk_union.dvk_union_coverage_report").report_action(self)

    def action_print_xlsx(self):
        self.ensure_one()
        return self.env.ref("dvk_union.dvk_union_coverage_report_xlsx").report_action(
            self
        )

    def action_print_summary(self):
        self.ensure_one()
        return self.env.ref(
            "dvk_union.dvk_union_registration_summary_report"
        ).report_action(self)


class DvkUnionCoverageLine(models.TransientModel):
    _name = "dvk.union.coverage.line"
    _description = "DVK Trade Union Coverage Line"
    _order = "id"

    coverage_id = fields.Many2one(
        "dvk.union.coverage", required=True, ondelete="cascade"
    )
    upper_id = fields.Many2one(
        "hr.department", string="Upper-level Union", readonly=True
    )
    base_count = fields.Integer(string="Base Unions", readonly=True)
    covered_count = fields.Integer(string="With a Model", readonly=True)
    share = fields.Float(string="Coverage (%)", readonly=True, digits=(5, 1))
    missing_ids = fields.Many2many(
        "hr.department",
        "dvk_union_coverage_line_missing_rel",
        "line_id",
        "department_id",
        string="Base Unions without a Model",
        readonly=True,
    )
    province_count = fields.Integer(string="Province-level Models", readonly=True)
    province_ok = fields.Boolean(
        string="Province-level Minimum Met",
        compute="_compute_province_ok",
        help="Seed 004 §V.1: each district federation and sector union "
        "registers at least one model for province level (not asked of other "
        "rows).",
    )

    @api.depends("province_count", "upper_id.dvk_union_kind")
    def _compute_province_ok(self):
        for line in self:
            line.province_ok = (
                line.upper_id.dvk_union_kind not in UPPER_KINDS
                or line.province_count >= 1
            )
