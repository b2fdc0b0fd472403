from odoo import api, fields, models
from odoo.exceptions import AccessError


class HrDepartment(models.Model):
    _inherit = "hr.department"

    dvk_level_id = fields.Many2one(
        "dvk.level",
        string="DVK Level",
        ondelete="restrict",
        help="The level at which this unit recognises models (cơ sở, huyện, tỉnh).",
    )
    dvk_approver_id = fields.Many2one(
        "res.users",
        string="DVK Approver",
        compute="_compute_dvk_approver_id",
        store=True,
        readonly=False,
        help="Approves the DVK registrations of this unit; defaults to the user "
        "of the unit's manager.",
    )
    dvk_receiver_id = fields.Many2one(
        "hr.department",
        string="Registrations Received By",
        help="The unit that receives this unit's registrations (guidance "
        "01-HD/BCĐ §4), "
        "e.g. the district mass-mobilisation board.",
    )
    dvk_decision_symbol = fields.Char(
        string="Decision Symbol",
        help='Symbol of the decisions this unit issues, e.g. BCĐ gives "12/QĐ-BCĐ".',
    )
    dvk_is_party_body = fields.Boolean(
        string="Party Body",
        help="Documents of a Party body carry the Party header (ĐẢNG CỘNG SẢN "
        "VIỆT NAM) instead of the national one (Decree 30/2020/NĐ-CP).",
    )
    dvk_signing_place = fields.Char(
        string="Place of Signing",
        help="Place name printed before the date of documents, e.g. Trà Vinh.",
    )
    dvk_is_steering_committee = fields.Boolean(
        string="DVK Steering Committee",
        help="The steering committee for grassroots democracy and the Dân vận khéo "
        "movement of its level.",
    )
    dvk_officer_ids = fields.Many2many(
        "res.users",
        "dvk_department_officer_rel",
        "department_id",
        "user_id",
        string="DVK Officers",
    )
    dvk_model_count = fields.Integer(string="DVK Models", compute="_compute_dvk_counts")
    dvk_exemplar_count = fields.Integer(
        string="DVK Exemplars", compute="_compute_dvk_counts"
    )
    dvk_title_count = fields.Integer(
        string="Emulation Title Count", compute="_compute_dvk_counts"
    )
    dvk_discipline_count = fields.Integer(
        string="Disciplinary Action Count", compute="_compute_dvk_counts"
    )

    @api.model
    def _dvk_config_fields(self, vals):
        """The DVK settings of a unit among ``vals``: every stored field named
        ``dvk_*`` (the sector addons' included)."""
        return {
            fname
            for fname in vals
            if fname.startswith("dvk_") and self._fields[fname].store
        }

    def _dvk_check_configure(self):
        """DESIGN §3: who approves, receives, issues and recognises is DVK
        configuration: DVK managers set it everywhere, officers for the units
        in their charge; HR rights alone are not enough."""
        user = self.env.user
        if user.has_group("dvk_models.group_dvk_manager"):
            return
        if user.has_group("dvk_models.group_dvk_officer"):
            outside = self - user._dvk_scope_units()
            if not outside:
                return
            raise AccessError(
                self.env._(
                    "The DVK settings of %(units)s are outside the units in your "
                    "charge.",
                    units=", ".join(outside.mapped("name")),
                )
            )
        raise AccessError(
            self.env._("Only a DVK manager or officer can change the DVK settings.")
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            any(vals.get(f) for f in self._dvk_config_fields(vals))
            for vals in vals_list
        ):
            if not self.env.user.has_group("dvk_models.group_dvk_manager"):
                raise AccessError(
                    self.env._(
                        "Only a DVK manager can create a unit with DVK settings."
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        dvk_fields = self._dvk_config_fields(vals)
        if self.env.su or not dvk_fields:
            return super().write(vals)
        self._dvk_check_configure()
        others = {f: v for f, v in vals.items() if f not in dvk_fields}
        if others:
            super().write(others)
        # sudo: the caller's right to the DVK settings was checked just above;
        # DVK managers and officers need no HR rights on the unit for them.
        return super(HrDepartment, self.sudo()).write({f: vals[f] for f in dvk_fields})

    @api.depends("manager_id.user_id")
    def _compute_dvk_approver_id(self):
        for department in self:
            if department.manager_id.user_id:
                department.dvk_approver_id = department.manager_id.user_id

    def _compute_dvk_counts(self):
        domain = [("department_id", "in", self.ids)]
        counts = {}
        for key, model, extra in (
            ("dvk_model_count", "dvk.model", []),
            ("dvk_exemplar_count", "dvk.exemplar", []),
            ("dvk_title_count", "hr.emulation.title", []),
            ("dvk_discipline_count", "hr.discipline", []),
        ):
            counts[key] = dict(
                self.env[model]._read_group(
                    domain + extra, ["department_id"], ["__count"]
                )
            )
        for department in self:
            for key, per_department in counts.items():
                department[key] = per_department.get(department, 0)

    def _dvk_open(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("department_id", "=", self.id)],
            "context": {"default_department_id": self.id},
        }

    def action_open_dvk_models(self):
        return self._dvk_open("dvk.model", self.env._("Models"))

    def action_open_dvk_exemplars(self):
        return self._dvk_open("dvk.exemplar", self.env._("Exemplars"))

    def action_open_dvk_titles(self):
        return self._dvk_open("hr.emulation.title", self.env._("Emulation Titles"))

    def action_open_dvk_disciplines(self):
        return self._dvk_open("hr.discipline", self.env._("Disciplinary Actions"))

    def _dvk_responsible_officer(self):
        """The DVK officer in charge of this unit or of the nearest unit above
        it (an empty recordset when none is)."""
        self.ensure_one()
        for unit in self._dvk_approver_chain():
            # sudo: reading who is in charge of a unit, not their records
            officers = unit.sudo().dvk_officer_ids.filtered("active")
            if officers:
                return officers[0]
        return self.env["res.users"]

    def _dvk_approver_chain(self):
        """This unit then its parents, nearest first (uses parent_path)."""
        self.ensure_one()
        # sudo: only the path of the unit is read
        path = self.sudo().parent_path
        ids = [int(i) for i in path.split("/") if i]
        return self.browse(reversed(ids))
