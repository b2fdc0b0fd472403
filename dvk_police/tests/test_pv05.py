"""PV05 follows its province's police (seed 002 §I step 2, issue 22 item
12): it reads the models the province's police approve and their periodic
reports, keeps their tracking copies in its inbox, and writes none of them;
the police menus are for the police."""

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import DvkPoliceCommon


@tagged("post_install", "-at_install", "access_rights")
@freeze_time("2026-02-10")
class TestPv05(DvkPoliceCommon):
    def _copy_note(self, model):
        messages = model.message_ids.filtered(
            lambda m: "copies for follow-up" in (m.body or "")
        )
        self.assertEqual(len(messages), 1)
        return messages

    def test_pv05_reads_its_province_models(self):
        """Rule: PV05 aggregates the models its province's police approve, so
        its head and its officer read them and their periodic reports, and
        write or delete none (their form offers no Delete nor Duplicate);
        they do not read another province's police, nor a draft of their own
        province (still its registrant's)."""
        model = self._approved(self.commune)
        draft = self._model(self.district_team, name="Bản nháp của Đội")
        report = model.police_report_ids[:1]
        self.assertTrue(report)
        other_province = self.Department.create(
            {
                "name": "Công an tỉnh Vĩnh Long",
                "dvk_police_kind": "province",
                "dvk_level_id": self.level_province.id,
            }
        )
        other_commune = self.Department.create(
            {
                "name": "Công an xã Trà Ôn",
                "parent_id": other_province.id,
                "dvk_police_kind": "commune",
                "dvk_level_id": self.level_grassroots.id,
            }
        )
        # sudo: test fixture set-up, not the behaviour under test
        elsewhere = self._model(other_commune).sudo()
        for user in (self.user_pv05, self.user_pv05_officer):
            with self.subTest(user=user.login):
                self.assertTrue(user.has_group("dvk_police.group_dvk_police_pv05"))
                self.assertEqual(user.dvk_police_followed_ids, self.province)
                mine = model.with_user(user)
                self.assertEqual(mine.read(["name"])[0]["name"], model.name)
                self.assertTrue(mine.target_ids.has_access("read"))
                self.assertEqual(
                    report.with_user(user).read(["kind"])[0]["kind"], report.kind
                )
                for record in (mine, report.with_user(user)):
                    self.assertFalse(record.has_access("write"))
                    self.assertFalse(record.has_access("unlink"))
                # Nor does the form offer them a Delete (Odoo's own shows from
                # the access rights alone, which staff groups hold).
                self.assertFalse(mine.dvk_can_delete)
                arch = mine.get_views([(False, "form")])["views"]["form"]["arch"]
                self.assertIn('delete="0"', arch)
                self.assertIn('duplicate="0"', arch)
                self.assertFalse(report.with_user(user).dvk_can_send)
                with self.assertRaises(AccessError):
                    elsewhere.with_user(user).read(["name"])
                self.assertFalse(draft.with_user(user).has_access("read"))
                found = self.env["dvk.model"].with_user(user).search([])
                self.assertIn(model.id, found.ids)
        # A head of another provincial unit follows nothing.
        self.assertFalse(self.user_pc06.has_group("dvk_police.group_dvk_police_pv05"))
        with self.assertRaises(AccessError):
            model.with_user(self.user_pc06).read(["name"])

    def test_pv05_keeps_the_tracking_copy_in_its_inbox(self):
        """Rule: the tracking copy of an approved model lands in the Odoo
        inbox of PV05 (unread), whatever its people chose for notifications
        (an email is sent as well to those who chose emails), and PV05 opens
        the model it is about."""
        self.assertEqual(self.user_pv05.notification_type, "email")
        model = self._approved(self.commune)
        note = self._copy_note(model)
        notification = note.notification_ids.filtered(
            lambda n: n.res_partner_id == self.user_pv05.partner_id
        )
        self.assertRecordValues(
            notification, [{"notification_type": "inbox", "is_read": False}]
        )
        mails = self.env["mail.mail"].search([("mail_message_id", "=", note.id)])
        self.assertIn(self.user_pv05.partner_id, mails.recipient_ids)
        inbox = (
            self.env["mail.message"]
            .with_user(self.user_pv05)
            .search([("needaction", "=", True)])
        )
        self.assertIn(note.id, inbox.ids)
        self.assertTrue(model.with_user(self.user_pv05).has_access("read"))

    def test_pv05_follows_the_organisation(self):
        """Rule: PV05's reading follows who is in the office: a person moved
        into PV05 reads the province's models at once, and stops when moved
        out."""
        model = self._approved(self.commune)
        newcomer = new_test_user(
            self.env, login="pol_newcomer", groups="dvk_models.group_dvk_user"
        )
        employee = self.Employee.create(
            {
                "name": "Trung úy Mới",
                "user_id": newcomer.id,
                "department_id": self.pc06.id,
            }
        )
        self.assertFalse(model.with_user(newcomer).has_access("read"))
        employee.department_id = self.pv05
        self.assertTrue(newcomer.has_group("dvk_police.group_dvk_police_pv05"))
        self.assertTrue(model.with_user(newcomer).has_access("read"))
        employee.department_id = self.pc06
        self.assertFalse(newcomer.has_group("dvk_police.group_dvk_police_pv05"))
        self.assertFalse(model.with_user(newcomer).has_access("read"))

    def test_police_menu_for_the_police(self):
        """Rule (issue 22 item 11): the police's menu shows to the users of
        police units (their people, heads and officers) and DVK managers, not
        to a commune Women's Union member of the party tree."""
        menu = self.env.ref("dvk_police.dvk_police_menu_reports")
        staff = new_test_user(
            self.env, login="pol_women", groups="dvk_models.group_dvk_user"
        )
        women = self.Department.create({"name": "Hội Liên hiệp Phụ nữ xã"})
        self.Employee.create(
            {"name": "Hội viên", "user_id": staff.id, "department_id": women.id}
        )
        manager = new_test_user(
            self.env, login="pol_manager", groups="dvk_models.group_dvk_manager"
        )
        for user, visible in (
            (self.user_commune, True),
            (self.user_pv05, True),
            (self.user_officer, True),
            (manager, True),
            (staff, False),
            (self.user_board_p, False),
        ):
            with self.subTest(user=user.login):
                ids = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertEqual(menu.id in ids, visible)


# record -> role -> operations allowed ("r", "w", "u") on a commune police
# model registered by the commune's head and approved by the district chief.
POLICE_MATRIX = {
    "model": {
        "registrant": "rwu",
        "chief": "rw",
        "pv05": "r",
        "pv05_officer": "r",
        "officer": "rwu",
        "manager": "rwu",
    },
    "report": {
        "registrant": "rw",
        "chief": "r",
        "pv05": "r",
        "pv05_officer": "r",
        "officer": "rw",
        "manager": "rwu",
    },
}


@tagged("post_install", "-at_install", "access_rights")
@freeze_time("2026-02-10")
class TestPoliceAccessMatrix(DvkPoliceCommon):
    def test_police_access_matrix(self):
        """Rule (issue 22 items 9, 12): a police model and its periodic
        report are read and written as the table says: the registrant writes
        both, the approving chief reads the report without writing it, PV05
        reads both, the head of another provincial unit and a party board
        member read neither."""
        model = (
            self.env["dvk.model"]
            .with_user(self.user_commune)
            .create(
                {
                    "name": "Camera an ninh ấp",
                    "campaign_id": self.campaign.id,
                    "department_id": self.commune.id,
                    "field_id": self.field_anqp.id,
                    "level_id": self.level_grassroots.id,
                    "area": "Ấp An Trường",
                    "objective": "Lắp camera an ninh toàn ấp",
                }
            )
        )
        self._attach(model, stages=("submit",))
        model.action_submit()
        self.assertEqual(model.approver_id, self.user_chief)
        model.with_user(self.user_chief).action_approve()
        records = {
            "model": model.with_env(self.env),
            "report": model.with_env(self.env).police_report_ids[:1],
        }
        users = {
            "registrant": self.user_commune,
            "chief": self.user_chief,
            "pv05": self.user_pv05,
            "pv05_officer": self.user_pv05_officer,
            "officer": self.user_officer,
            "other_unit": self.user_pc06,
            "board": self.user_board_d,
            "manager": new_test_user(
                self.env, login="pol_mgr", groups="dvk_models.group_dvk_manager"
            ),
        }
        self.env.flush_all()
        differences = {}
        for key, record in records.items():
            for role, user in users.items():
                mine = record.with_user(user)
                actual = "".join(
                    letter
                    for op, letter in (("read", "r"), ("write", "w"), ("unlink", "u"))
                    if mine.has_access(op)
                )
                expected = POLICE_MATRIX[key].get(role, "")
                if actual != expected:
                    differences[key, role] = (actual, expected)
        self.assertEqual(differences, {}, "(actual, expected) per record and role")
