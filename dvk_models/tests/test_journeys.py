"""Journeys without dead ends (issue "Every user's journey"): the proposal
dialog (level preselected as the next one of the record's chain, the rule
that applies shown, for one record and for a selection), buttons shown to
those who may press them, and individual registration for the right people."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import DvkCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestProposeDialog(DvkCommon):
    def _dialog(self, records, user=None):
        records = records.with_user(user or self.user_officer)
        action = records.action_propose_wizard()
        return (
            self.env["dvk.propose.wizard"]
            .with_user(user or self.user_officer)
            .browse(action["res_id"])
        )

    def _assessed(self, **kw):
        """Approved, its self-assessment finished (common's _approved)."""
        return self._approved(**kw)

    def _not_assessed(self, **kw):
        model = self._submitted(**kw)
        model.with_user(self.user_approver).action_approve()
        return model

    def test_first_level_preselected_with_its_rules(self):
        """Seed 001 §3: a commune model is first proposed at grassroots, its
        unit's own level; the dialog preselects it and says the
        self-assessment is needed; confirming proposes it."""
        model = self._not_assessed()
        dialog = self._dialog(model)
        self.assertEqual(dialog.level_id, self.level_grassroots)
        self.assertIn("self-assessment", dialog.rule)
        self.assertIn("Still missing for", dialog.rule)
        self.assertIn("propose at their own level directly", dialog.rule)
        with self.assertRaisesRegex(UserError, "self-assessment") as refused:
            dialog.action_confirm()
        # The dialog shows the server's refusal and no Propose button.
        self.assertEqual(dialog.refusal, refused.exception.args[0])
        self._self_assess(model)
        dialog.invalidate_recordset(["rule", "refusal"])
        model.invalidate_recordset(["self_assessed"])
        self.assertNotIn("Still missing for", dialog.rule)
        self.assertFalse(dialog.refusal)
        dialog.action_confirm()
        self.assertRecordValues(
            model,
            [{"state": "proposed", "proposal_level_id": self.level_grassroots.id}],
        )

    def test_unit_without_level_gets_nearest_level_above(self):
        """Seed 001 §3: a party cell of the commune has no level of its own;
        its collective exemplar is recognised first at the commune's level,
        which the dialog preselects (instead of an empty level to guess)."""
        cell = self.env["hr.department"].create(
            {"name": "Chi bộ ấp Sâm Bua", "parent_id": self.commune.id}
        )
        exemplar = self._exemplar(subject_type="collective", department_id=cell.id)
        self.assertFalse(cell.dvk_level_id)
        dialog = self._dialog(exemplar)
        self.assertEqual(dialog.level_id, self.level_grassroots)

    def test_recognised_model_gets_next_level(self):
        """Seed 001 §3: a model recognised at grassroots is proposed next at
        district; the dialog preselects district, offers only levels above
        grassroots and states that the level below must have recognised it."""
        model = self._assessed()
        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        self._decision(model).action_confirm()
        dialog = self._dialog(model)
        self.assertEqual(dialog.level_id, self.level_district)
        self.assertNotIn(self.level_grassroots, dialog.allowed_level_ids)
        self.assertIn(self.level_province, dialog.allowed_level_ids)
        self.assertIn("must first be recognised at", dialog.rule)
        self.assertNotIn("Not yet recognised", dialog.rule)
        dialog.level_id = self.level_province
        self.assertIn("Not yet recognised", dialog.rule)
        with self.assertRaisesRegex(UserError, "must first be recognised") as refused:
            dialog.action_confirm()
        self.assertEqual(dialog.refusal, refused.exception.args[0])
        dialog.level_id = self.level_district
        self.assertFalse(dialog.refusal)
        dialog.action_confirm()
        self.assertEqual(model.proposal_level_id, self.level_district)

    def test_selection_with_different_next_levels(self):
        """A selection whose records have different next levels gets no
        preselected level and the dialog refuses to go on without one; with
        a level chosen, every record is proposed in one call."""
        first = self._assessed()
        second = self._assessed(name="Dân vận khéo trong xây dựng nông thôn mới")
        first.with_user(self.user_officer).action_propose(self.level_grassroots)
        self._decision(first).action_confirm()
        dialog = self._dialog(first | second)
        self.assertFalse(dialog.level_id)
        self.assertEqual(dialog.record_count, 2)
        with self.assertRaisesRegex(UserError, "Choose the level"):
            dialog.action_confirm()
        both = self._dialog(second | self._assessed(name="Mô hình thứ ba"))
        self.assertEqual(both.level_id, self.level_grassroots)
        both.action_confirm()
        self.assertEqual(set(both._records().mapped("state")), {"proposed"})

    def test_dialog_is_for_officers_and_its_owner(self):
        """DESIGN §4: only DVK officers propose (staff cannot open the
        dialog); a dialog belongs to the officer who opened it."""
        model = self._assessed()
        with self.assertRaisesRegex(UserError, "Only a DVK officer"):
            self._dialog(model, user=self.user_staff)
        with self.assertRaises(AccessError):
            self.env["dvk.propose.wizard"].with_user(self.user_staff).create(
                {"res_model": "dvk.model", "res_ids": model.ids}
            )
        dialog = self._dialog(model)
        with self.assertRaises(AccessError):
            dialog.with_user(self.user_manager).action_confirm()
        self.assertEqual(model.state, "approved")

    def test_not_proposable_state_refused_at_once(self):
        """A draft registration cannot be proposed: the dialog does not open
        and says why."""
        model = self._create_model()
        with self.assertRaisesRegex(UserError, "cannot be proposed from the state"):
            self._dialog(model)


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestButtonsAndPeople(DvkCommon):
    def test_decide_buttons_for_who_decides(self):
        """RELIABILITY (b) 13: the registrant never sees Approve/Refuse on
        their own registration; the approver and a DVK manager do, an
        officer who is not the approver does not."""
        model = self._submitted()
        seen = {
            user.login: model.with_user(user).dvk_can_decide
            for user in (
                self.user_staff,
                self.user_approver,
                self.user_manager,
                self.user_officer,
            )
        }
        self.assertEqual(
            seen,
            {
                "dvk_staff": False,
                "dvk_appr": True,
                "dvk_mgr": True,
                "dvk_off": False,
            },
        )

    def test_self_assessment_is_the_units(self):
        """Seed 001 §3: the self-assessment is the unit's: its registrant or
        the head of the unit fill it, not an officer (who would then print
        as the unit's head)."""
        model = self._submitted()
        model.with_user(self.user_approver).action_approve()
        self.assertFalse(model.with_user(self.user_officer).dvk_can_self_assess)
        with self.assertRaisesRegex(UserError, "head of the unit"):
            model.with_user(self.user_officer).action_self_assess()
        with self.assertRaisesRegex(ValidationError, "head of the unit"):
            self.env["dvk.score.sheet"].with_user(self.user_officer).create(
                {
                    "model_id": model.id,
                    "kind": "self",
                    "criteria_set_id": model.criteria_set_id.id,
                }
            )
        # The commune's head (the approver's employee heads the commune).
        for user in (self.user_staff, self.user_approver):
            with self.subTest(user=user.login):
                as_user = model.with_user(user)
                self.assertTrue(as_user.dvk_can_self_assess)
                action = as_user.action_self_assess()
                sheet = self.env["dvk.score.sheet"].browse(action["res_id"])
                self.assertEqual(sheet.kind, "self")

    def test_individual_defaults_to_own_employee(self):
        """An individual registration starts as the user's own (their
        employee); back to collective, the person is cleared."""
        form = Form(self.env["dvk.model"].with_user(self.user_staff))
        form.campaign_id = self.campaign
        form.subject_type = "individual"
        self.assertEqual(form.employee_id, self.emp_staff)
        form.subject_type = "collective"
        self.assertFalse(form.employee_id)

    def test_individual_only_for_people_one_may_register(self):
        """Staff register individuals only for themselves; the head of a unit
        for its people; an officer for the people of the units in their
        charge; the person list offers exactly those."""
        Employee = self.env["hr.employee"]
        offered = Employee.with_user(self.user_staff).search(
            [("dvk_registrable", "=", True)]
        )
        self.assertEqual(offered, self.emp_staff)
        with self.assertRaisesRegex(UserError, "only for yourself"):
            self._create_model(
                subject_type="individual",
                employee_id=self.emp_staff2.id,
                name="Đăng ký hộ",
            )
        mine = self._create_model(
            subject_type="individual", employee_id=self.emp_staff.id, name="Của tôi"
        )
        self.assertEqual(mine.employee_id, self.emp_staff)
        head = Employee.with_user(self.user_approver).search(
            [("dvk_registrable", "=", True), ("id", "in", self.emp_staff2.ids)]
        )
        self.assertEqual(head, self.emp_staff2)
        officer = Employee.with_user(self.user_officer).search(
            [("dvk_registrable", "=", True)]
        )
        self.assertIn(self.emp_other, officer)
        self.assertIn(self.emp_staff2, officer)


@tagged("post_install", "-at_install")
class TestRegistrationDefaults(DvkCommon):
    @freeze_time("2026-06-01")
    def test_new_registration_in_the_running_campaign(self):
        """Issue 14: a new registration starts in the open campaign running
        today; with two general campaigns running it starts with none and
        the user chooses (never a closed or future one)."""
        self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo 2027", "year": 2027, "profile": "party"}
        )
        form = Form(self.env["dvk.model"].with_user(self.user_staff))
        self.assertEqual(form.campaign_id, self.campaign)
        self.assertEqual(form.department_id, self.commune, "the user's own unit")
        bloc = self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo khối 2026",
                "year": 2026,
                "profile": "party_bloc",
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        bloc.action_open()
        form = Form(self.env["dvk.model"].with_user(self.user_staff))
        self.assertFalse(form.campaign_id)

    @freeze_time("2026-02-10")
    def test_waiting_approvals_counted_in_the_badge(self):
        """Issue 14 item 9: approvals fall due at the registration deadline,
        weeks ahead, but wait on the approver now: the activity badge counts
        them from the day they are submitted."""
        self._submitted()
        self._submitted(name="Dân vận khéo trong giữ gìn vệ sinh môi trường")
        groups = self.user_approver.with_user(self.user_approver)._get_activity_groups()
        dvk = next(g for g in groups if g["model"] == "dvk.model")
        self.assertEqual((dvk["planned_count"], dvk["total_count"]), (2, 2))
