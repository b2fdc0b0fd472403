"""The main journey of a model in the browser, one tour per actor."""

import datetime

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from .common import CAMPAIGN_BASIS
from .tour_common import registration_plan

# Must match the constants of static/tests/tours/dvk_model_tour.js.
MODEL_NAME = "Dân vận khéo trong hiến đất làm đường liên thôn"
DONE_MODEL_NAME = "Dân vận khéo trong xây dựng tổ tự quản"
# Must match the constants of static/tests/tours/dvk_journey_tours.js.
REFUSE_MODEL_NAME = "Dân vận khéo trong tuyên truyền qua loa phát thanh"
REFUSE_REASON = "Nội dung là nhiệm vụ thường xuyên, chưa thể hiện cách làm khéo."
NEW_CAMPAIGN = "Dân vận khéo năm 2027 của Huyện ủy"


@tagged("post_install", "-at_install")
class TestDvkModelTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        level_grassroots = env.ref("dvk_models.dvk_level_grassroots")
        level_district = env.ref("dvk_models.dvk_level_district")
        level_province = env.ref("dvk_models.dvk_level_province")

        # Passwords are the logins: start_tour logs in with them.
        cls.user_staff = new_test_user(
            env,
            login="dvk_tour_staff",
            groups="dvk_models.group_dvk_user",
            name="Hoàng Thị Dân",
        )
        cls.user_approver = new_test_user(
            env,
            login="dvk_tour_appr",
            groups="dvk_models.group_dvk_user",
            name="Nguyễn Văn Duyệt",
        )
        cls.user_officer = new_test_user(
            env,
            login="dvk_tour_off",
            groups="dvk_models.group_dvk_officer",
            name="Lê Thị Thi Đua",
        )

        Department = env["hr.department"]
        Employee = env["hr.employee"]
        emp_approver = Employee.create(
            {"name": "Nguyễn Văn Duyệt", "user_id": cls.user_approver.id}
        )
        province = Department.create(
            {
                "name": "Tỉnh ủy Tour",
                "dvk_level_id": level_province.id,
                "dvk_decision_symbol": "BCĐT",
            }
        )
        cls.district = Department.create(
            {
                "name": "Huyện ủy Châu Thành",
                "parent_id": province.id,
                "dvk_level_id": level_district.id,
                "dvk_decision_symbol": "BCĐH",
            }
        )
        cls.commune = Department.create(
            {
                "name": "Đảng ủy xã Hòa Lợi",
                "parent_id": cls.district.id,
                "dvk_level_id": level_grassroots.id,
                "manager_id": emp_approver.id,
                "dvk_decision_symbol": "BCĐX",
            }
        )
        emp_approver.department_id = cls.commune
        cls.emp_staff = Employee.create(
            {
                "name": "Hoàng Thị Dân",
                "user_id": cls.user_staff.id,
                "department_id": cls.commune.id,
            }
        )
        cls.user_officer.dvk_department_ids = cls.district

        # The business dates use the real today: the campaign covers it.
        cls.campaign = env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo 2026 (tour)",
                "year": 2026,
                "profile": "party",
                "date_start": datetime.date(2026, 1, 1),
                "date_end": datetime.date(2026, 12, 31),
                "registration_deadline": datetime.date(2026, 3, 29),
                "proposal_deadline": datetime.date(2026, 9, 30),
                "recognition_deadline": datetime.date(2026, 10, 14),
            }
        )
        cls.campaign.action_open()
        # No shipped guidance governs 2026: the basis its decisions cite.
        cls.campaign.legal_basis = CAMPAIGN_BASIS

        # A model the approver has already approved: his activity link must
        # lead to the pending registration only.
        cls.done_model = (
            env["dvk.model"]
            .with_user(cls.user_staff)
            .create(
                {
                    "name": DONE_MODEL_NAME,
                    "campaign_id": cls.campaign.id,
                    "department_id": cls.commune.id,
                    "field_id": env.ref("dvk_models.dvk_field_vhxh").id,
                    **registration_plan(cls.campaign),
                }
            )
        )
        cls.done_model.action_submit()
        cls.done_model.with_user(cls.user_approver).action_approve()

    def test_model_journey(self):
        """Rule (DESIGN.md §3): the approval of a registration is a
        mail.activity of its approver, who decides from that activity; a model
        is recognised only through a confirmed, numbered decision."""
        self.assertEqual(self.commune.dvk_approver_id, self.user_approver)

        self.start_tour("/odoo", "dvk_model_tour_register", login="dvk_tour_staff")
        # The browser wrote through its own cursor: forget what this env cached.
        self.env.invalidate_all()
        model = self.env["dvk.model"].search([("name", "=", MODEL_NAME)])
        self.assertEqual(len(model), 1)
        self.assertEqual(model.state, "submitted")
        self.assertEqual(model.create_uid, self.user_staff)
        self.assertEqual(model.approver_id, self.user_approver)
        approval_type = self.env.ref("dvk_models.mail_activity_type_dvk_approval")
        activity = model.activity_ids
        self.assertEqual(activity.activity_type_id, approval_type)
        self.assertEqual(activity.user_id, self.user_approver)

        self.start_tour("/odoo", "dvk_model_tour_approve", login="dvk_tour_appr")
        self.env.invalidate_all()
        self.assertEqual(model.state, "approved")
        self.assertFalse(model.activity_ids, "the approval activity is closed")
        self.assertFalse(activity.active)
        # Written in the approver's language (Vietnamese under odoo-bin).
        approver_env = self.env(context={"lang": self.user_approver.lang})
        self.assertEqual(activity.feedback, approver_env._("Approved"))

        # The registrant fills the self-assessment every level requires (seed
        # 001 §3); the scoring tests cover that sheet, the tour goes on.
        sheet = (
            self.env["dvk.score.sheet"]
            .with_user(self.user_staff)
            .create(
                {
                    "model_id": model.id,
                    "kind": "self",
                    "criteria_set_id": model.criteria_set_id.id,
                }
            )
        )
        for line in sheet.line_ids.filtered(lambda line: not line.is_auto):
            line.score = line.max_score
        sheet.action_done()
        self.assertTrue(model.self_assessed)

        self.start_tour("/odoo", "dvk_model_tour_recognise", login="dvk_tour_off")
        self.env.invalidate_all()
        decision = model.decision_line_ids.decision_id
        self.assertEqual(len(decision), 1)
        self.assertEqual(decision.state, "confirmed")
        self.assertEqual(decision.name, "01/QĐ-BCĐX")
        self.assertEqual(decision.create_uid, self.user_officer)
        self.assertEqual(decision.authority_department_id, self.commune)
        self.assertEqual(
            decision.level_id, self.env.ref("dvk_models.dvk_level_grassroots")
        )
        self.assertEqual(model.state, "recognized")
        self.assertEqual(
            model.recognized_level_id, self.env.ref("dvk_models.dvk_level_grassroots")
        )
        self.assertFalse(model.proposal_level_id)
        self.assertEqual(self.done_model.state, "approved", "not proposed")

    # ------------------------------------------------------------------
    # The other journeys (static/tests/tours/dvk_journey_tours.js)
    # ------------------------------------------------------------------
    def _self_assess(self, record, user):
        """The self-assessment every recognition needs (seed 001 §3), filled
        by ``user`` at the maximum of every manual criterion."""
        fname = "model_id" if record._name == "dvk.model" else "exemplar_id"
        sheet = (
            self.env["dvk.score.sheet"]
            .with_user(user)
            .create(
                {
                    fname: record.id,
                    "kind": "self",
                    "criteria_set_id": record.criteria_set_id.id,
                }
            )
        )
        for line in sheet.line_ids.filtered(lambda line: not line.is_auto):
            line.score = line.max_score
        sheet.action_done()

    def _recognise_done_model(self):
        """The approved model, with its member, recognised at grassroots by
        the commune's first decision of the year."""
        model = self.done_model
        # sudo: test fixture set-up (the members of the model), not the
        # behaviour under test
        model.sudo().member_ids = self.emp_staff
        self._self_assess(model, self.user_staff)
        model.with_user(self.user_officer).action_propose(
            self.env.ref("dvk_models.dvk_level_grassroots")
        )
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "level_id": self.env.ref("dvk_models.dvk_level_grassroots").id,
                    "authority_department_id": self.commune.id,
                    "line_ids": [(0, 0, {"model_id": model.id})],
                }
            )
        )
        decision.action_confirm()
        self.assertEqual(decision.name, "01/QĐ-BCĐX")
        return decision

    def test_refuse_journey(self):
        """Rule (seed 000 §II.1 step 2; DESIGN.md §3): the approver refuses
        from his activity with a reason; the registration goes back to its
        registrant refused, the reason in its history, the activity closed."""
        model = (
            self.env["dvk.model"]
            .with_user(self.user_staff)
            .create(
                {
                    "name": REFUSE_MODEL_NAME,
                    "campaign_id": self.campaign.id,
                    "department_id": self.commune.id,
                    "field_id": self.env.ref("dvk_models.dvk_field_vhxh").id,
                    **registration_plan(self.campaign),
                }
            )
        )
        model.action_submit()
        activity = model.activity_ids
        self.start_tour("/odoo", "dvk_tour_refuse", login="dvk_tour_appr")
        self.env.invalidate_all()
        self.assertEqual(model.state, "refused")
        self.assertEqual(model.refusal_reason, REFUSE_REASON)
        self.assertFalse(activity.active)

    def test_print_journey(self):
        """Rule (seed 001 §3, Mẫu 3): the officer prints the numbered decision
        and the campaign's list of recognised models from the screens he
        uses; both name the model the decision recognised."""
        self._recognise_done_model()
        self.start_tour("/odoo", "dvk_tour_print", login="dvk_tour_off")

    def test_exemplar_journey(self):
        """Rule (seed 001 §4): an exemplar whose HR records pass (a recognised
        model, no discipline) is proposed and recognised by a confirmed
        decision."""
        self._recognise_done_model()
        exemplar = (
            self.env["dvk.exemplar"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "subject_type": "individual",
                    "employee_id": self.emp_staff.id,
                    "department_id": self.commune.id,
                }
            )
        )
        self.assertTrue(exemplar.eligibility_ok, exemplar.eligibility_reason)
        self._self_assess(exemplar, self.user_officer)
        self.start_tour("/odoo", "dvk_tour_exemplar", login="dvk_tour_off")
        self.env.invalidate_all()
        self.assertEqual(exemplar.state, "recognized")
        self.assertEqual(
            exemplar.recognized_level_id,
            self.env.ref("dvk_models.dvk_level_grassroots"),
        )
        self.assertEqual(exemplar.decision_line_ids.decision_id.name, "02/QĐ-BCĐX")

    def test_council_journey(self):
        """Rule (seed 001 §3; DESIGN.md §3): the council scores the approved,
        self-assessed models against the campaign's criteria set; each
        member's sheet is his own, finished sheets are locked, and the models
        whose council score passes are proposed at the council's level."""
        model = self.done_model
        self._self_assess(model, self.user_staff)
        self.start_tour("/odoo", "dvk_tour_council", login="dvk_tour_off")
        self.env.invalidate_all()
        # The council's sheets are read as the test (the registrant, whose
        # environment the model carries, does not read them).
        model = model.with_env(self.env)
        sheet = model.score_sheet_ids.filtered(lambda s: s.kind == "council")
        self.assertEqual(len(sheet), 1)
        self.assertEqual(sheet.evaluator_id, self.user_officer)
        self.assertEqual(sheet.state, "done")
        self.assertEqual(sheet.criteria_set_id, model.criteria_set_id)
        manual = sheet.line_ids.filtered(lambda line: not line.is_auto)
        # Must match COUNCIL_SCORES of static/tests/tours/dvk_journey_tours.js.
        self.assertEqual(
            manual.sorted(lambda line: line.criterion_id.sequence).mapped("score"),
            [9, 8, 9, 8, 9, 8, 9, 8, 9, 8],
        )
        self.assertEqual(model.council_count, 1)
        self.assertTrue(model.council_passed)
        self.assertEqual(model.state, "proposed")
        self.assertEqual(
            model.proposal_level_id, self.env.ref("dvk_models.dvk_level_grassroots")
        )

    def test_campaign_journey(self):
        """Rule (DESIGN.md §3, issue 9): a manager configures a campaign from a
        guidance profile; its deadlines come from the profile's rules and it
        opens for registration."""
        manager = new_test_user(
            self.env,
            login="dvk_tour_mgr",
            groups="dvk_models.group_dvk_manager",
            name="Trần Văn Quản",
        )
        self.start_tour("/odoo", "dvk_tour_campaign", login="dvk_tour_mgr")
        self.env.invalidate_all()
        campaign = self.env["dvk.campaign"].search([("create_uid", "=", manager.id)])
        self.assertEqual((campaign.name, campaign.year), (NEW_CAMPAIGN, 2027))
        party = self.env.ref("dvk_models.dvk_profile_party")
        self.assertEqual(campaign.profile_id, party)
        self.assertEqual(campaign.state, "open")
        self.assertEqual(
            len(campaign.deadline_ids), len(party.deadline_rule_ids), "one per rule"
        )
