"""Buttons and menus appear only for who can use them (issue 22 items 11
and 17): each button of a form is hidden by the predicate its method
checks, and the approvers' menu and counter follow who approves."""

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import freeze_time, new_test_user, tagged

from .common import DvkCommon


@tagged("post_install", "-at_install", "access_rights")
@freeze_time("2026-02-10")
class TestButtonsMenus(DvkCommon):
    def _buttons(self, model_name, user, view_type="form"):
        """{button name: its attributes} of the view as ``user`` gets it."""
        views = self.env[model_name].with_user(user).get_views([(False, view_type)])
        arch = etree.fromstring(views["views"][view_type]["arch"])
        return {
            node.get("name"): dict(node.attrib)
            for node in arch.iter("button")
            if node.get("name")
        }

    def test_registrant_buttons_follow_the_registrant(self):
        """Rule: Submit and Correct are the registrant's (or an officer's in
        charge of the unit): the approver who refused the model sees neither
        (the predicates ``dvk_can_submit`` and ``dvk_can_correct``, the
        transition table's state and ``dvk_is_author``, are False for him and
        the form hides both by them), and calling them as him is refused."""
        model = self._submitted()
        model.with_user(self.user_approver).action_refuse(reason="Thiếu kế hoạch")
        buttons = self._buttons("dvk.model", self.user_approver)
        self.assertEqual(buttons["action_submit"]["invisible"], "not dvk_can_submit")
        self.assertEqual(
            buttons["action_reset_to_draft"]["invisible"], "not dvk_can_correct"
        )
        as_approver = model.with_user(self.user_approver)
        self.assertFalse(as_approver.dvk_is_author)
        self.assertFalse(as_approver.dvk_can_submit)
        self.assertFalse(as_approver.dvk_can_correct)
        with self.assertRaises(UserError):
            as_approver.action_reset_to_draft()
        with self.assertRaises(UserError):
            as_approver.action_submit()
        for user in (self.user_staff, self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                self.assertTrue(model.with_user(user).dvk_is_author)
                self.assertTrue(model.with_user(user).dvk_can_submit)
                self.assertTrue(model.with_user(user).dvk_can_correct)
        model.with_user(self.user_staff).action_reset_to_draft()
        self.assertEqual(model.state, "draft")

    def test_officer_buttons_follow_the_scope(self):
        """Rule: the officers' buttons of a model or an exemplar (propose,
        withdraw, carry over, remove, refuse) show on the predicate their
        methods check, the officer's units in charge: an officer who reads
        a model as its registrant, outside his charge, does not get them,
        and proposing is refused to him."""
        district2 = self.env["hr.department"].create(
            {"name": "Huyện ủy Càng Long", "dvk_level_id": self.level_district.id}
        )
        officer2 = new_test_user(
            self.env,
            login="dvk_off2",
            groups="dvk_models.group_dvk_officer",
            dvk_department_ids=[Command.set(district2.ids)],
        )
        self.env["hr.employee"].create(
            {
                "name": "Cán bộ kiêm nhiệm",
                "user_id": officer2.id,
                "department_id": self.commune.id,
            }
        )
        model = self._approved(user=officer2, name="Mô hình của cán bộ kiêm nhiệm")
        self.assertEqual(
            self._buttons("dvk.model", self.user_officer)["action_carry_over"][
                "invisible"
            ],
            "not dvk_can_carry_over",
        )
        self.assertFalse(model.with_user(officer2).dvk_can_carry_over)
        self.assertTrue(model.with_user(self.user_officer).dvk_can_carry_over)
        # Propose: its own predicate, which includes the scope.
        self.assertEqual(
            self._buttons("dvk.model", self.user_officer)["action_propose_wizard"][
                "invisible"
            ],
            "not dvk_can_propose",
        )
        self.assertFalse(model.with_user(officer2).dvk_can_propose)
        self.assertTrue(model.with_user(self.user_officer).dvk_can_propose)
        # The exemplar's Refuse: its own predicate, which includes the scope.
        self.assertIn(
            "not dvk_can_refuse",
            self._buttons("dvk.exemplar", self.user_officer)["action_refuse_wizard"][
                "invisible"
            ],
        )
        exemplar = self._exemplar()
        self.assertFalse(exemplar.with_user(officer2).dvk_can_refuse)
        with self.assertRaises(UserError):
            exemplar.with_user(officer2).action_refuse_wizard()
        self.assertFalse(model.with_user(officer2).dvk_in_officer_scope)
        with self.assertRaises(UserError):
            model.with_user(officer2).action_propose(self.level_grassroots)
        self.assertTrue(model.with_user(self.user_officer).dvk_in_officer_scope)
        self.assertTrue(model.with_user(self.user_manager).dvk_in_officer_scope)

    def test_carry_over_and_renewal_fit_the_state(self):
        """Rule (issue 22 item 17): "Carry Over to Next Year" is offered for
        an approved model without results (to the officer in charge), "Renew
        Next Year" for a recognised one (to its registrant), never both; each
        says in its tooltip what it does; a model renewed once is not
        offered a second renewal."""
        self._open_campaign(2027)
        buttons = self._buttons("dvk.model", self.user_officer)
        carry, renew = buttons["action_carry_over"], buttons["action_renew"]
        self.assertEqual(carry["invisible"], "not dvk_can_carry_over")
        self.assertEqual(renew["invisible"], "not dvk_can_renew")
        self.assertTrue(carry.get("help"))
        self.assertTrue(renew.get("help"))
        self.assertNotEqual(carry["help"], renew["help"])

        approved = self._approved(name="Chưa có kết quả")
        self.assertTrue(approved.with_user(self.user_officer).dvk_can_carry_over)
        self.assertFalse(approved.with_user(self.user_staff).dvk_can_renew)
        self.assertFalse(approved.with_user(self.user_officer).dvk_can_renew)
        with self.assertRaises(UserError):
            approved.with_user(self.user_staff).action_renew()

        recognised = self._proposed()
        self._decision(recognised).action_confirm()
        recognised = recognised.with_env(self.env)
        self.assertEqual(recognised.state, "recognized")
        self.assertFalse(recognised.with_user(self.user_officer).dvk_can_carry_over)
        self.assertTrue(recognised.with_user(self.user_staff).dvk_can_renew)
        self.assertFalse(recognised.with_user(self.user_approver).dvk_can_renew)
        recognised.with_user(self.user_staff).action_renew()
        self.assertFalse(recognised.with_user(self.user_staff).dvk_can_renew)

    def test_decision_and_sheet_buttons(self):
        """Rule: a decision's Add and Confirm buttons show to the officers of
        its issuing unit and managers only (``dvk_can_issue``); a score
        sheet's Refresh and Finish to its evaluator or a manager
        (``dvk_can_fill``), not to the registrant who reads the council's
        sheet of her model."""
        model = self._proposed()
        decision = self._decision(model)
        buttons = self._buttons("dvk.decision", self.user_officer)
        for name in ("action_add_proposed", "action_confirm"):
            self.assertIn("not dvk_can_issue", buttons[name]["invisible"])
        self.assertTrue(decision.with_user(self.user_officer).dvk_can_issue)
        self.assertTrue(decision.with_user(self.user_manager).dvk_can_issue)
        self.assertFalse(decision.with_user(self.user_staff).dvk_can_issue)
        self.assertFalse(decision.with_user(self.user_approver).dvk_can_issue)

        sheet = (
            self.env["dvk.score.sheet"]
            .with_user(self.user_officer)
            .create(
                {
                    "model_id": model.id,
                    "kind": "council",
                    "criteria_set_id": model.criteria_set_id.id,
                }
            )
        )
        buttons = self._buttons("dvk.score.sheet", self.user_staff)
        for name in ("action_refresh", "action_done"):
            self.assertIn("not dvk_can_fill", buttons[name]["invisible"])
        self.assertFalse(sheet.with_user(self.user_staff).dvk_can_fill)
        with self.assertRaises(UserError):
            sheet.with_user(self.user_staff).action_refresh()
        self.assertTrue(sheet.with_user(self.user_officer).dvk_can_fill)

    def test_decision_delete_only_for_drafts(self):
        """Rule: nothing decided can be deleted (DESIGN §4), and a button is
        shown only to whom the server accepts it from: the decision's form
        and list offer no generic Delete; its Delete Draft button shows by
        ``state == 'draft' and dvk_can_issue``, and the server accepts it
        exactly then."""
        views = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .get_views([(False, "form"), (False, "list")])
        )
        for view_type in ("form", "list"):
            arch = etree.fromstring(views["views"][view_type]["arch"])
            self.assertIn(arch.get("delete"), ("0", "false"), view_type)
        button = self._buttons("dvk.decision", self.user_officer)["action_delete_draft"]
        self.assertEqual(button["invisible"], "state != 'draft' or not dvk_can_issue")

        draft = self._decision(self._proposed())
        issued = self._decision(self._proposed(name="Dân vận khéo trong xây cầu"))
        issued.action_confirm()
        for user in (self.user_staff, self.user_approver, self.user_officer):
            for decision in (draft, issued):
                record = decision.with_user(user)
                if not record.has_access("read"):
                    continue
                shown = record.state == "draft" and record.dvk_can_issue
                with self.subTest(user=user.login, state=decision.state):
                    if shown:
                        continue
                    with self.assertRaises(Exception) as capture:
                        record.action_delete_draft()
                    self.assertIsInstance(capture.exception, (UserError, AccessError))
        self.assertTrue(draft.with_user(self.user_officer).dvk_can_issue)
        draft.with_user(self.user_officer).action_delete_draft()
        self.assertFalse(draft.exists())
        self.assertTrue(issued.exists())

    def test_model_delete_shown_when_the_server_accepts_it(self):
        """Rule: a model or an exemplar is deleted while a draft by whom the
        access rules let delete it (the registrant or subject of a model, the
        officer in charge of its unit, a DVK manager). The forms and lists
        offer no Odoo Delete (shown from the access rights alone) and no
        Duplicate; the form's Delete button shows by ``dvk_can_delete`` and
        the server accepts it exactly then: not for the approver of a
        corrected draft, not for anyone once the file left the draft."""
        for model_name in ("dvk.model", "dvk.exemplar"):
            views = (
                self.env[model_name]
                .with_user(self.user_officer)
                .get_views([(False, "form"), (False, "list")])
            )
            for view_type in ("form", "list"):
                arch = etree.fromstring(views["views"][view_type]["arch"])
                with self.subTest(model=model_name, view=view_type):
                    self.assertIn(arch.get("delete"), ("0", "false"))
                    if view_type == "form":
                        self.assertIn(arch.get("duplicate"), ("0", "false"))
            button = self._buttons(model_name, self.user_officer)["action_delete_draft"]
            self.assertEqual(button["invisible"], "not dvk_can_delete")

        # A refused registration corrected as a draft keeps its approver.
        corrected = self._submitted(name="Dân vận khéo trong dọn vệ sinh")
        corrected.with_user(self.user_approver).action_refuse(reason="Thiếu kế hoạch")
        corrected.with_user(self.user_staff).action_reset_to_draft()
        self.assertEqual(corrected.approver_id, self.user_approver)
        records = (
            self._create_model(name="Dân vận khéo trong trồng cây"),
            corrected,
            self._submitted(name="Dân vận khéo trong xây cầu"),
            self._exemplar(),
        )
        expected = {
            (self.user_staff, 0): True,
            (self.user_staff, 1): True,
            (self.user_approver, 1): False,
            (self.user_officer, 0): True,
            (self.user_officer, 1): True,
            (self.user_officer, 3): True,
            (self.user_manager, 0): True,
            (self.user_manager, 1): True,
            (self.user_manager, 3): True,
        }
        for user in (
            self.user_staff,
            self.user_approver,
            self.user_officer,
            self.user_manager,
        ):
            for index, record in enumerate(records):
                mine = record.with_user(user)
                if not mine.has_access("read"):
                    continue
                shown = mine.dvk_can_delete
                with self.subTest(user=user.login, record=index):
                    self.assertEqual(shown, expected.get((user, index), False))
                    self._assert_delete_button(mine, shown)

    def test_exemplar_refuse_shown_when_the_server_accepts_it(self):
        """Rule: the exemplar's Refuse button shows by ``dvk_can_refuse``,
        what its method and dialog accept: a draft or proposed file of a
        unit in the officer's charge, on no draft decision; a file on a
        draft decision shows no Refuse and its dialog does not open."""
        buttons = self._buttons("dvk.exemplar", self.user_officer)
        self.assertEqual(
            buttons["action_refuse_wizard"]["invisible"], "not dvk_can_refuse"
        )
        exemplar = self._exemplar()
        as_officer = exemplar.with_user(self.user_officer)
        self.assertTrue(as_officer.dvk_can_refuse)
        self.assertFalse(exemplar.with_user(self.user_staff).dvk_can_refuse)
        exemplar._dvk_workflow_write(
            {"state": "proposed", "proposal_level_id": self.level_grassroots.id}
        )
        as_officer.invalidate_recordset(["dvk_can_refuse"])
        self.assertTrue(as_officer.dvk_can_refuse)
        self._decision(exemplar)
        as_officer.invalidate_recordset(["dvk_can_refuse"])
        self.assertFalse(as_officer.dvk_can_refuse)
        with self.assertRaises(UserError):
            as_officer.action_refuse_wizard()
        with self.assertRaises(UserError):
            as_officer.action_refuse(reason="Chưa đủ tiêu chuẩn")
        self.assertEqual(exemplar.state, "proposed")

    def test_council_sheet_only_from_the_council(self):
        """Rule: every finished council sheet counts in a record's council
        score, so a staff member cannot make one for a model, his own unit's
        or any other (UserError): the council is the officers in charge of
        the record's unit."""
        model = self._proposed()
        other = self._approved(
            user=self.user_staff2, name="Dân vận khéo trong xây dựng nông thôn mới"
        )
        for record in (model, other):
            with self.subTest(model=record.name):
                with self.assertRaises(UserError):
                    self.env["dvk.score.sheet"].with_user(self.user_staff2).create(
                        {
                            "model_id": record.id,
                            "kind": "council",
                            "criteria_set_id": record.criteria_set_id.id,
                        }
                    )
        self.assertFalse(
            self.env["dvk.score.sheet"].search(
                [("kind", "=", "council"), ("model_id", "in", (model | other).ids)]
            )
        )

    def test_approvers_menu_and_counter(self):
        """Rule: the "To Approve" menu, the list's Approve button and the
        dashboard's "awaiting my approval" are for those who approve: the
        approvers of units (kept by the organisation) and DVK managers; a
        staff member or an officer who approves nothing does not see them.
        Setting a unit's approver shows them at once; removing it hides
        them."""
        menu = self.env.ref("dvk_models.dvk_menu_model_to_approve")
        dashboard = self.env.ref("dvk_models.dvk_campaign_view_kanban_dashboard")

        def sees(user):
            Menu = self.env["ir.ui.menu"].with_user(user)
            kanban = (
                self.env["dvk.campaign"]
                .with_user(user)
                .get_views([(dashboard.id, "kanban")])["views"]["kanban"]["arch"]
            )
            return (
                menu.id in Menu._visible_menu_ids(),
                "action_dash_to_approve" in kanban,
                "action_approve" in self._buttons("dvk.model", user, "list"),
            )

        for user in (self.user_approver, self.user_manager):
            with self.subTest(user=user.login):
                self.assertEqual(sees(user), (True, True, True))
        for user in (self.user_staff, self.user_officer):
            with self.subTest(user=user.login):
                self.assertEqual(sees(user), (False, False, False))
        self.commune_other.dvk_approver_id = self.user_staff2
        self.assertEqual(sees(self.user_staff2), (True, True, True))
        self.commune_other.dvk_approver_id = self.user_district_head
        self.assertEqual(sees(self.user_staff2), (False, False, False))

    def test_pending_proposal_is_withdrawn_not_renewed(self):
        """Rule: a model recognised at one level and proposed to the next
        has not had its last recognition of the year: its header offers
        withdrawing that proposal (to the officer in charge), not "Renew
        Next Year", and renewing it is refused until the proposal is decided
        or withdrawn; then the registrant may renew it."""
        self._open_campaign(2027)
        model = self._proposed()
        self._decision(model).action_confirm()
        model = model.with_env(self.env)
        model.with_user(self.user_officer).action_propose(self.level_district)
        self.assertRecordValues(
            model,
            [{"state": "recognized", "proposal_level_id": self.level_district.id}],
        )
        buttons = self._buttons("dvk.model", self.user_officer)
        self.assertEqual(buttons["action_renew"]["invisible"], "not dvk_can_renew")
        self.assertEqual(
            buttons["action_withdraw_proposal"]["invisible"], "not dvk_can_withdraw"
        )
        self.assertTrue(model.with_user(self.user_officer).dvk_can_withdraw)
        self.assertFalse(model.with_user(self.user_staff).dvk_can_withdraw)
        for user in (self.user_staff, self.user_officer):
            with self.subTest(user=user.login):
                self.assertFalse(model.with_user(user).dvk_can_renew)
                with self.assertRaises(UserError):
                    model.with_user(user).action_renew()
        self.assertFalse(model.next_ids)
        self.assertTrue(model.with_user(self.user_officer).dvk_in_officer_scope)
        model.with_user(self.user_officer).action_withdraw_proposal()
        self.assertFalse(model.proposal_level_id)
        self.assertFalse(model.with_user(self.user_officer).dvk_can_withdraw)
        self.assertTrue(model.with_user(self.user_staff).dvk_can_renew)
        model.with_user(self.user_staff).action_renew()
        self.assertTrue(model.next_ids)

    def test_self_assessment_button_fits_the_state(self):
        """Rule (seed 001 §3): the self-assessment goes with the proposals —
        a model's from its approval (approved, proposed, recognised), an
        exemplar's while a draft or recognised; the button's predicate
        ``dvk_can_self_assess`` is the method's guard, so the registrant is
        neither shown nor served it on a submitted model, a model removed
        from the list or a proposed exemplar."""
        for model_name in ("dvk.model", "dvk.exemplar"):
            self.assertEqual(
                self._buttons(model_name, self.user_staff)["action_self_assess"][
                    "invisible"
                ],
                "not criteria_set_id or not dvk_can_self_assess",
            )
        submitted = self._submitted(name="Chờ duyệt")
        self.assertTrue(submitted.criteria_set_id)
        as_staff = submitted.with_user(self.user_staff)
        self.assertFalse(as_staff.dvk_can_self_assess)
        with self.assertRaises(UserError):
            as_staff.action_self_assess()
        submitted.with_user(self.user_approver).action_approve()
        self.assertTrue(as_staff.dvk_can_self_assess)
        self.assertEqual(as_staff.action_self_assess()["res_model"], "dvk.score.sheet")
        submitted.with_user(self.user_officer).action_remove(reason="discontinued")
        self.assertEqual(submitted.state, "removed")
        self.assertFalse(as_staff.dvk_can_self_assess)
        with self.assertRaises(UserError):
            as_staff.action_self_assess()

        exemplar = self._exemplar()
        as_subject = exemplar.with_user(self.user_staff)
        self.assertTrue(as_subject.dvk_can_self_assess)
        exemplar._dvk_workflow_write(
            {"state": "proposed", "proposal_level_id": self.level_grassroots.id}
        )
        as_subject.invalidate_recordset(["dvk_can_self_assess"])
        self.assertFalse(as_subject.dvk_can_self_assess)
        with self.assertRaises(UserError):
            as_subject.action_self_assess()

    def test_propose_button_after_the_deadline(self):
        """Rule (seed 001 §4): after the campaign's proposal deadline (01/10,
        for province-level proposals) only a DVK manager still proposes a
        model recognised at district level to the province; the officer is
        not shown "Propose for Recognition" that the proposal would refuse
        (``dvk_can_propose`` holds the same deadline)."""
        model = self._proposed()
        self._decision(model).action_confirm()
        model.with_user(self.user_officer).action_propose(self.level_district)
        self._decision(model, level=self.level_district).action_confirm()
        model = model.with_env(self.env)
        buttons = self._buttons("dvk.model", self.user_officer)
        self.assertEqual(
            buttons["action_propose_wizard"]["invisible"], "not dvk_can_propose"
        )
        self.assertTrue(model.with_user(self.user_officer).dvk_can_propose)
        with freeze_time("2026-10-20"):
            officer = model.with_user(self.user_officer)
            officer.invalidate_recordset(["dvk_can_propose"])
            self.assertFalse(officer.dvk_can_propose)
            with self.assertRaisesRegex(UserError, "deadline"):
                officer.action_propose(self.level_province)
            manager = model.with_user(self.user_manager)
            self.assertTrue(manager.dvk_can_propose)
            manager.action_propose(self.level_province)
        self.assertEqual(model.proposal_level_id, self.level_province)
