"""Access rights of the DVK core: ACL matrix, record rules on the organisation
tree, multi-company, staff isolation, RPC surface and the reason wizard
(RELIABILITY.md A1, A2, A5 and (b) 1, 3, 4, 5, 7, 10)."""

import inspect

from odoo.exceptions import AccessError, UserError
from odoo.service.model import get_public_method
from odoo.tests import freeze_time, new_test_user, tagged

from .common import DvkCommon

OPS = ("read", "write", "create", "unlink")

# The published access matrix: model -> role -> operations granted ("r", "w",
# "c", "u" for read, write, create, unlink). A role missing from a row has no
# access at all. Every ACL line of dvk_models must be reflected here.
ACCESS_MATRIX = {
    "dvk.level": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.field": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.category": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.profile": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.profile.level": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.profile.guidance": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.profile.deadline.rule": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.rule": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.campaign.deadline": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "hr.emulation.title.type": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.campaign": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.model": {"staff": "rwcu", "officer": "rwcu", "manager": "rwcu"},
    "dvk.model.target": {"staff": "rwcu", "officer": "rwcu", "manager": "rwcu"},
    "dvk.exemplar": {"staff": "r", "officer": "rwcu", "manager": "rwcu"},
    "dvk.decision": {"staff": "r", "officer": "rwcu", "manager": "rwcu"},
    "dvk.decision.line": {"staff": "r", "officer": "rwcu", "manager": "rwcu"},
    "dvk.decision.counter": {"manager": "r"},
    "dvk.numbering.term": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.receiver": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "hr.emulation.title": {"staff": "r", "officer": "rwcu", "manager": "rwcu"},
    "hr.discipline": {"officer": "rwcu", "manager": "rwcu"},
    "hr.dvk.pending.case": {"officer": "rwcu", "manager": "rwcu"},
    "hr.discipline.period": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.reason.wizard": {"staff": "rwc", "officer": "rwc", "manager": "rwc"},
    "dvk.propose.wizard": {"officer": "rwc", "manager": "rwc"},
    "dvk.criteria.set": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.criterion": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.criteria.band": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.score.sheet": {"staff": "rwcu", "officer": "rwcu", "manager": "rwcu"},
    "dvk.score.sheet.line": {"staff": "rwc", "officer": "rwc", "manager": "rwc"},
    "dvk.candidate.wizard": {"officer": "rwcu", "manager": "rwcu"},
    "dvk.candidate.wizard.line": {"officer": "rwcu", "manager": "rwcu"},
    "dvk.scoring.wizard": {"officer": "rwcu", "manager": "rwcu"},
    "dvk.scoring.wizard.line": {"officer": "rwcu", "manager": "rwcu"},
    "dvk.dossier.template": {"staff": "r", "officer": "r", "manager": "rwcu"},
    "dvk.dossier.line": {"staff": "rwc", "officer": "rwcu", "manager": "rwcu"},
    "dvk.unit.lineage.wizard": {"manager": "rwcu"},
    "dvk.unit.lineage.wizard.line": {"manager": "rwcu"},
    "dvk.campaign.merge.wizard": {"manager": "rwcu"},
    "dvk.model.link.previous.wizard": {"officer": "rwc", "manager": "rwc"},
}

# The approved RPC surface: every public method that the dvk addons define on
# these models. A new public method must be added here after review (A2: each
# one re-checks group, state and "not own record").
PUBLIC_METHODS = {
    "dvk.model": {
        "action_approve",
        "action_carry_over",
        "action_delete_draft",
        "action_link_previous_wizard",
        "action_open_dossier",
        "action_open_lineage",
        "action_open_previous_years",
        "action_open_score_sheets",
        "action_propose",
        "action_propose_wizard",
        "action_refuse",
        "action_refuse_wizard",
        "action_remove",
        "action_remove_wizard",
        "action_renew",
        "action_reset_to_draft",
        "action_self_assess",
        "action_submit",
        "action_withdraw_proposal",
    },
    "dvk.exemplar": {
        "action_delete_draft",
        "action_open_dossier",
        "action_open_score_sheets",
        "action_propose",
        "action_propose_wizard",
        "action_refuse",
        "action_refuse_wizard",
        "action_reset_to_draft",
        "action_self_assess",
    },
    "dvk.score.sheet": {"action_delete_draft", "action_done", "action_refresh"},
    "dvk.criteria.set": {"action_new_version"},
    "dvk.candidate.wizard": {"action_create_exemplars", "action_scan"},
    "dvk.scoring.wizard": {
        "action_finish",
        "action_load",
        "action_propose",
        "action_save",
    },
    "dvk.decision": {
        "action_add_proposed",
        "action_cancel",
        "action_cancel_wizard",
        "action_confirm",
        "action_delete_draft",
    },
    "dvk.campaign": {
        "action_close",
        "action_dash_late_decisions",
        "action_dash_overdue",
        "action_dash_recognized",
        "action_dash_submitted",
        "action_dash_supplementary",
        "action_dash_to_approve",
        "action_open",
        "action_open_decisions",
        "action_open_exemplars",
        "action_open_models",
        "action_take_over_wizard",
    },
    "dvk.reason.wizard": {"action_confirm"},
    "dvk.propose.wizard": {"action_confirm"},
}
# Public overrides of the ORM's own API, reviewed once: each keeps or tightens
# the core behaviour (workflow guards in create/write, copy without lines).
ORM_OVERRIDES = {
    "dvk.model": {"create", "write", "copy_data", "get_import_templates"},
    "dvk.exemplar": {"create", "write"},
    "dvk.decision": {"create", "write", "copy_data"},
    "dvk.campaign": {"create", "write", "copy_data"},
    "dvk.reason.wizard": set(),
    "dvk.propose.wizard": set(),
    "dvk.score.sheet": {"create", "write"},
    "dvk.criteria.set": {"create", "write", "copy_data"},
    "dvk.candidate.wizard": set(),
    "dvk.scoring.wizard": set(),
}


def _dvk_methods(model):
    """Names of the methods that the dvk addons define on ``model``'s class."""
    names = set()
    for cls in type(model).mro():
        # The core's own surface; each sector addon tests its additions.
        if not cls.__module__.startswith("odoo.addons.dvk_models."):
            continue
        for name, value in vars(cls).items():
            func = (
                value.__func__
                if isinstance(value, classmethod | staticmethod)
                else value
            )
            if inspect.isfunction(func):
                names.add(name)
    return names


@tagged("post_install", "-at_install", "access_rights")
@freeze_time("2026-02-10")
class TestAccess(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_internal = new_test_user(
            cls.env, login="dvk_internal", groups="base.group_user"
        )
        cls.user_portal = new_test_user(
            cls.env, login="dvk_portal", groups="base.group_portal"
        )
        cls.user_public = new_test_user(
            cls.env, login="dvk_public", groups="base.group_public"
        )
        # A second district under the province, outside the officer's charge.
        Department = cls.env["hr.department"]
        cls.district2 = Department.create(
            {
                "name": "Huyện ủy Long Hồ",
                "parent_id": cls.province.id,
                "dvk_level_id": cls.level_district.id,
            }
        )
        cls.commune3 = Department.create(
            {
                "name": "Đảng ủy xã Long Phước",
                "parent_id": cls.district2.id,
                "dvk_level_id": cls.level_grassroots.id,
            }
        )

    def _role_users(self):
        return {
            "staff": self.user_staff,
            "officer": self.user_officer,
            "manager": self.user_manager,
            "internal": self.user_internal,
            "portal": self.user_portal,
            "public": self.user_public,
        }

    def _manager_model(self, department, name):
        return self._create_model(
            user=self.user_manager, department_id=department.id, name=name
        )

    # ------------------------------------------------------------------
    # (b) 1: ACL matrix
    # ------------------------------------------------------------------
    def test_acl_matrix(self):
        """RELIABILITY (b) 1: for each DVK model, role and operation,
        ``browse().has_access(op)`` equals the published matrix."""
        letters = dict(zip(OPS, "rwcu", strict=True))
        expected = {}
        actual = {}
        for model_name, row in ACCESS_MATRIX.items():
            for role, user in self._role_users().items():
                key = (model_name, role)
                expected[key] = "".join(
                    letters[op] for op in OPS if letters[op] in row.get(role, "")
                )
                model = self.env[model_name].with_user(user).browse()
                actual[key] = "".join(letters[op] for op in OPS if model.has_access(op))
        self.assertEqual(actual, expected)

    def test_acl_matrix_covers_every_acl_line(self):
        """RELIABILITY (b) 1-2: the models that dvk_models gives ACL lines to
        are exactly the models of the matrix, so a new ACL line (or model)
        without a matching row fails this test."""
        data = self.env["ir.model.data"].search(
            [("module", "=", "dvk_models"), ("model", "=", "ir.model.access")]
        )
        access = self.env["ir.model.access"].browse(data.mapped("res_id"))
        self.assertEqual(set(access.model_id.mapped("model")), set(ACCESS_MATRIX))
        # No ACL line of ours grants anything to portal or public users.
        self.assertFalse(
            access.filtered(
                lambda a: (
                    a.group_id
                    in (
                        self.env.ref("base.group_portal")
                        | self.env.ref("base.group_public")
                    )
                    or not a.group_id
                )
            )
        )

    # ------------------------------------------------------------------
    # (b) 3: officers see their subtree
    # ------------------------------------------------------------------
    def test_officer_scope_follows_the_tree(self):
        """RELIABILITY (b) 3, A1 hierarchy scoping: an officer of the district
        sees exactly the models of the district and the units below it, gets
        AccessError on a sibling district's or the province's model, and
        moving a department under the district widens the scope at once."""
        own = self._create_model(name="Mô hình xã Hòa Lợi")
        other = self._create_model(
            user=self.user_other,
            department_id=self.commune_other.id,
            name="Mô hình xã Đa Lộc",
        )
        at_district = self._manager_model(self.district, "Mô hình huyện")
        outside = self._manager_model(self.commune3, "Mô hình xã Long Phước")
        sibling = self._manager_model(self.district2, "Mô hình huyện Long Hồ")
        parent = self._manager_model(self.province, "Mô hình tỉnh")
        Model = self.env["dvk.model"]
        OfficerModel = Model.with_user(self.user_officer)
        domain = [("campaign_id", "=", self.campaign.id)]

        def in_scope():
            return Model.search_count(
                domain + [("department_id", "child_of", self.district.id)]
            )

        self.assertEqual(OfficerModel.search_count(domain), in_scope())
        self.assertEqual(
            OfficerModel.search(domain),
            (own | other | at_district).with_user(self.user_officer),
        )
        for record in (outside, sibling, parent):
            with self.assertRaises(AccessError):
                record.with_user(self.user_officer).read(["name"])

        # Moving the second district under the officer's district.
        self.district2.parent_id = self.district
        self.env.flush_all()
        self.assertEqual(OfficerModel.search_count(domain), in_scope())
        self.assertEqual(OfficerModel.search_count(domain), 5)
        self.assertEqual(
            sibling.with_user(self.user_officer).read(["name"])[0]["name"],
            "Mô hình huyện Long Hồ",
        )
        self.assertEqual(
            outside.with_user(self.user_officer).name, "Mô hình xã Long Phước"
        )
        with self.assertRaises(AccessError):
            parent.with_user(self.user_officer).read(["name"])

    # ------------------------------------------------------------------
    # (b) 4: multi-company
    # ------------------------------------------------------------------
    def test_multi_company(self):
        """RELIABILITY (b) 4, A1 multi-company: a DVK manager of company B
        cannot read company A's models (AccessError, and search finds
        none); a company-B unit on a company-A model raises UserError
        (check_company) and leaves the model unchanged."""
        company_b = self.env["res.company"].create({"name": "Công ty B"})
        user_b = new_test_user(
            self.env,
            login="dvk_mgr_b",
            groups="dvk_models.group_dvk_manager",
            company_id=company_b.id,
        )
        model = self._create_model()
        self.assertEqual(model.company_id, self.company)
        with self.assertRaises(AccessError):
            model.with_user(user_b).read(["name"])
        self.assertEqual(
            self.env["dvk.model"]
            .with_user(user_b)
            .search_count([("campaign_id", "=", self.campaign.id)]),
            0,
        )
        with self.assertRaises(AccessError):
            self.campaign.with_user(user_b).read(["name"])

        # A manager of both companies mixing them up.
        user_ab = new_test_user(
            self.env,
            login="dvk_mgr_ab",
            groups="dvk_models.group_dvk_manager",
            company_id=self.company.id,
            company_ids=[(6, 0, (self.company | company_b).ids)],
        )
        department_b = self.env["hr.department"].create(
            {"name": "Đơn vị công ty B", "company_id": company_b.id}
        )
        both = {"allowed_company_ids": (self.company | company_b).ids}
        with self.assertRaises(UserError):
            model.with_user(user_ab).with_context(**both).write(
                {"department_id": department_b.id}
            )
        self.assertRecordValues(model, [{"department_id": self.commune.id}])
        with self.assertRaises(UserError):
            self.env["dvk.model"].with_user(user_ab).with_context(**both).create(
                self._model_vals(department_id=department_b.id, name="Lẫn công ty")
            )

    # ------------------------------------------------------------------
    # (b) 5: staff isolation
    # ------------------------------------------------------------------
    def test_staff_cannot_touch_another_staff_model(self):
        """RELIABILITY (b) 5: a staff member cannot read, write or unlink a
        colleague's model (AccessError), even in the same unit."""
        model = self._create_model(
            user=self.user_staff2, name="Mô hình của Vận", objective=False
        )
        as_staff = model.with_user(self.user_staff)
        with self.assertRaises(AccessError):
            as_staff.read(["name"])
        with self.assertRaises(AccessError):
            as_staff.write({"objective": "Đổi mục tiêu"})
        with self.assertRaises(AccessError):
            as_staff.unlink()
        self.assertFalse(
            self.env["dvk.model"]
            .with_user(self.user_staff)
            .search([("id", "=", model.id)])
        )
        self.assertRecordValues(model, [{"objective": False, "state": "draft"}])

    def test_staff_cannot_register_for_someone_else(self):
        """RELIABILITY (b) 5 and (b) 32: a staff member cannot create an
        individual model for a colleague, nor a model of another unit, nor
        re-point their own model to a colleague (UserError)."""
        Model = self.env["dvk.model"].with_user(self.user_staff)
        with self.assertRaises(UserError):
            Model.create(
                self._model_vals(
                    subject_type="individual",
                    employee_id=self.emp_staff2.id,
                    name="Cá nhân Vận",
                )
            )
        with self.assertRaises(UserError):
            Model.create(
                self._model_vals(department_id=self.commune_other.id, name="Xã khác")
            )
        own = Model.create(
            self._model_vals(
                subject_type="individual",
                employee_id=self.emp_staff.id,
                name="Cá nhân Dân",
            )
        )
        with self.assertRaises(UserError):
            own.write({"employee_id": self.emp_staff2.id})
        self.assertRecordValues(own, [{"employee_id": self.emp_staff.id}])

    def test_participant_reads_but_cannot_write(self):
        """RELIABILITY (b) 5, A1: a staff member listed among the participants
        (member_ids) can read the model but not write or delete it."""
        model = self._create_model(
            user=self.user_staff2, name="Mô hình có người tham gia", objective=False
        ).with_env(self.env)
        with self.assertRaises(AccessError):
            model.with_user(self.user_staff).read(["name"])
        # Staff cannot read hr.employee, so the participants are set by HR.
        model.member_ids = self.emp_staff
        as_staff = model.with_user(self.user_staff)
        self.assertEqual(
            as_staff.read(["name"])[0]["name"], "Mô hình có người tham gia"
        )
        with self.assertRaises(AccessError):
            as_staff.write({"objective": "Sửa"})
        with self.assertRaises(AccessError):
            as_staff.unlink()
        self.assertRecordValues(model, [{"objective": False}])

    def test_delete_refusal_names_a_way_the_user_has(self):
        """Issue 22 J1-1: only a draft is deleted; a registrant who tries to
        delete his submitted or approved model is told whom to ask (its
        approver, the officer in charge of its unit), not to refuse or
        remove it himself; the officer in charge is told to remove it."""
        with freeze_time("2026-02-10"):
            submitted = self._submitted(name="Mô hình chờ duyệt")
            approved = self._approved(name="Mô hình đã duyệt")
        with self.assertRaisesRegex(UserError, self.user_approver.name):
            submitted.with_user(self.user_staff).unlink()
        with self.assertRaisesRegex(UserError, self.user_officer.name):
            approved.with_user(self.user_staff).unlink()
        # The officer in charge has the way himself: nobody else is named.
        with self.assertRaises(UserError) as caught:
            approved.with_user(self.user_officer).unlink()
        self.assertNotIsInstance(caught.exception, AccessError)
        self.assertNotIn(self.user_officer.name, str(caught.exception))
        self.assertTrue(approved.exists())

    def test_approver_reads_what_is_assigned(self):
        """RELIABILITY (b) 5, DESIGN §3: the unit head reads a model only once
        it is submitted to him (approver_id); a draft stays private."""
        model = self._create_model()
        as_approver = model.with_user(self.user_approver)
        with self.assertRaises(AccessError):
            as_approver.read(["name"])
        model.action_submit()
        self.assertEqual(model.approver_id, self.user_approver)
        as_approver.invalidate_recordset()
        self.assertEqual(as_approver.read(["state"])[0]["state"], "submitted")
        # The district head is not its approver and still cannot read it.
        with self.assertRaises(AccessError):
            model.with_user(self.user_district_head).read(["name"])

    # ------------------------------------------------------------------
    # (b) 7: RPC surface
    # ------------------------------------------------------------------
    def test_private_helpers_are_not_callable_remotely(self):
        """RELIABILITY (b) 7, A2: every ``_``-prefixed helper (and every
        ``@api.private`` method) that the dvk addons define is refused by
        ``get_public_method`` with AccessError."""
        checked = 0
        for model_name in self.env.registry:
            model = self.env[model_name]
            for name in sorted(_dvk_methods(model)):
                method = getattr(type(model), name, None)
                private = name.startswith("_") or getattr(method, "_api_private", False)
                if not private or not callable(method):
                    continue
                with self.subTest(model=model_name, method=name):
                    with self.assertRaises(AccessError):
                        get_public_method(model, name)
                checked += 1
        # The guards of the workflow are among them.
        for model_name, name in (
            ("dvk.model", "_dvk_workflow_write"),
            ("dvk.model", "_check_can_decide"),
            ("dvk.model", "_dvk_log_batch"),
            ("dvk.decision", "_draw_number"),
            ("dvk.decision.counter", "_draw"),
            ("dvk.reason.wizard", "_open_for"),
        ):
            with self.assertRaises(AccessError):
                get_public_method(self.env[model_name], name)
        self.assertGreater(checked, 50)

    def test_public_methods_allow_list(self):
        """RELIABILITY (b) 7, A2: the public methods that the dvk addons
        define on models, exemplars, decisions, campaigns and the reason
        wizard equal the reviewed allow-list."""
        for model_name, allowed in PUBLIC_METHODS.items():
            model = self.env[model_name]
            public = set()
            for name in _dvk_methods(model):
                if name.startswith("_"):
                    continue
                try:
                    get_public_method(model, name)
                except AccessError:
                    continue
                public.add(name)
            with self.subTest(model=model_name):
                self.assertEqual(
                    {n for n in public if n.startswith("action_")}, allowed
                )
                self.assertEqual(
                    {n for n in public if not n.startswith("action_")},
                    ORM_OVERRIDES[model_name],
                )

    # ------------------------------------------------------------------
    # (b) 10: the reason wizard
    # ------------------------------------------------------------------
    def _wizard(self, user, records, action="refuse", **kw):
        vals = {
            "action": action,
            "res_model": records._name,
            "res_ids": records.ids,
            "reason": "Chưa đạt yêu cầu",
        }
        vals.update(kw)
        return self.env["dvk.reason.wizard"].with_user(user).create(vals)

    def test_wizard_is_private_to_its_creator(self):
        """RELIABILITY (b) 10, A5: a reason dialog created by the approver
        cannot be read nor confirmed by another user (record rule)."""
        model = self._submitted()
        wizard = self._wizard(self.user_approver, model)
        self.assertEqual(wizard.read(["reason"])[0]["reason"], "Chưa đạt yêu cầu")
        for user in (self.user_officer, self.user_staff, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    wizard.with_user(user).read(["reason"])
                with self.assertRaises(AccessError):
                    wizard.with_user(user).action_confirm()
        self.assertRecordValues(
            model, [{"state": "submitted", "refusal_reason": False}]
        )
        # Its owner can use it.
        wizard.with_user(self.user_approver).action_confirm()
        self.assertRecordValues(
            model, [{"state": "refused", "refusal_reason": "Chưa đạt yêu cầu"}]
        )

    def test_wizard_rechecks_the_records(self):
        """RELIABILITY (b) 10, A5: a reason dialog whose res_ids point outside
        the user's scope, at records he may not decide, or at another model,
        fails with AccessError or UserError and changes no record."""
        own = self._submitted(name="Mô hình của Dân")
        elsewhere = self._create_model(
            user=self.user_other,
            department_id=self.commune_other.id,
            name="Mô hình xã Đa Lộc",
        )
        elsewhere.action_submit()
        # The approver mixes his model with one he cannot see.
        wizard = self._wizard(self.user_approver, own | elsewhere)
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        # The registrant tries to refuse (decide on) her own model.
        wizard = self._wizard(self.user_staff, own)
        with self.assertRaises(UserError):
            wizard.action_confirm()
        # An officer removes an approved model of a district not in his charge.
        approved = self._approved(name="Mô hình đã duyệt")
        self.district2.dvk_approver_id = self.user_district_head
        far = self._manager_model(self.commune3, "Mô hình xã Long Phước")
        far.action_submit()
        far.with_user(self.user_district_head).action_approve()
        wizard = self._wizard(
            self.user_officer,
            far,
            action="remove",
            removal_reason="ineffective",
        )
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        # A dialog pointed at a model it was not made for.
        wizard = self._wizard(self.user_manager, self.user_staff, action="refuse")
        self.assertEqual(wizard.res_model, "res.users")
        with self.assertRaises(UserError):
            wizard.action_confirm()
        # A cancellation dialog for decisions, hand-edited to target models.
        wizard = self._wizard(self.user_manager, approved, action="cancel")
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertRecordValues(
            (own | elsewhere | approved | far).with_env(self.env),
            [
                {"state": "submitted", "refusal_reason": False},
                {"state": "submitted", "refusal_reason": False},
                {"state": "approved", "refusal_reason": False},
                {"state": "approved", "refusal_reason": False},
            ],
        )

    # ------------------------------------------------------------------
    # (b) 3: decisions stay with the officers of the issuing unit
    # ------------------------------------------------------------------
    def test_officer_cannot_touch_decisions_outside_charge(self):
        """RELIABILITY (b) 3, A2, DESIGN §3, issue 22 item 9: an officer of
        another district cannot read a draft decision of the district (a
        draft is no public act), edit it, add or remove its lines, fill it
        with his own proposals, nor put a model outside his charge in his
        own decision (AccessError); the decision keeps its lines."""
        officer2 = new_test_user(
            self.env,
            login="dvk_off2",
            groups="dvk_models.group_dvk_officer",
            dvk_department_ids=[(6, 0, self.district2.ids)],
        )
        self.district2.dvk_approver_id = self.user_district_head
        proposed = self._proposed(name="Mô hình xã Hòa Lợi")
        decision = self._decision(proposed).with_env(self.env)
        far = self._manager_model(self.commune3, "Mô hình xã Long Phước")
        far.action_submit()
        far.with_user(self.user_district_head).action_approve()
        self._self_assess(far)
        far.with_user(officer2).action_propose(self.level_grassroots)
        self.assertEqual(far.state, "proposed")

        as_officer2 = decision.with_user(officer2)
        with self.assertRaises(AccessError):
            as_officer2.read(["state"])
        with self.assertRaises(AccessError):
            as_officer2.write({"signer_title": "TRƯỞNG BAN"})
        with self.assertRaises(AccessError):
            as_officer2.action_add_proposed()
        with self.assertRaises(AccessError):
            self.env["dvk.decision.line"].with_user(officer2).create(
                {"decision_id": decision.id, "model_id": far.id}
            )
        with self.assertRaises(AccessError):
            decision.line_ids.with_user(officer2).unlink()
        with self.assertRaises(AccessError):
            self.env["dvk.decision"].with_user(officer2).create(
                {
                    "campaign_id": self.campaign.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.commune3.id,
                    "line_ids": [(0, 0, {"model_id": proposed.id})],
                }
            )
        self.assertEqual(decision.line_ids.model_id, proposed)
        self.assertRecordValues(decision, [{"signer_title": False}])
        # His own district's decision he may fill.
        own_decision = (
            self.env["dvk.decision"]
            .with_user(officer2)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.commune3.id,
                }
            )
        )
        own_decision.action_add_proposed()
        self.assertEqual(own_decision.line_ids.model_id, far)

    # ------------------------------------------------------------------
    # (b) 7: public methods re-check the caller
    # ------------------------------------------------------------------
    def test_only_the_registrant_renews(self):
        """RELIABILITY (b) 7, A2 (every public method re-checks who calls it):
        the approver or a participant, who can read a recognised model,
        cannot renew it into next year's campaign in the registrant's
        place (UserError); the registrant can."""
        self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo 2027", "year": 2027}
        ).action_open()
        model = self._proposed()
        self._decision(model).action_confirm()
        model = model.with_env(self.env)
        model.member_ids = self.emp_staff2
        self.assertEqual(model.state, "recognized")
        for user in (self.user_approver, self.user_staff2):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    model.with_user(user).action_renew()
        self.assertFalse(model.next_ids)
        model.with_user(self.user_staff).action_renew()
        self.assertEqual(model.next_ids.create_uid, self.user_staff)
