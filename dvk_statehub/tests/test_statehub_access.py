"""Menus and buttons of the state agencies (issue 22 item 11): Sở Nội vụ
opens the app on the reports sent to it and nothing else; the agencies'
menu is for the agencies' users; the table's Approve button is the
committee's."""

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import DvkStatehubCommon


@tagged("post_install", "-at_install", "access_rights")
class TestStatehubAccess(DvkStatehubCommon):
    def _visible(self, user):
        return self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def test_home_affairs_menus(self):
        """Rule: Sở Nội vụ sees the app, the state agencies' menu and in it
        the reports and their province-wide figures; not the dashboard, the
        models, the decisions, the registration tables (it reads none of
        them, and has no "New" on them)."""
        visible = self._visible(self.user_home_affairs)
        for xmlid in (
            "dvk_models.dvk_menu_root",
            "dvk_statehub.dvk_statehub_menu_root",
            "dvk_statehub.dvk_statehub_menu_report",
            "dvk_statehub.dvk_statehub_menu_report_figures",
        ):
            with self.subTest(menu=xmlid):
                self.assertIn(self.env.ref(xmlid).id, visible)
        for xmlid in (
            "dvk_models.dvk_menu_dashboard",
            "dvk_models.dvk_menu_model_all",
            "dvk_models.dvk_menu_model_to_approve",
            "dvk_models.dvk_menu_decisions",
            "dvk_models.dvk_menu_score_sheets",
            "dvk_statehub.dvk_statehub_menu_registration",
            "dvk_statehub.dvk_statehub_menu_inspection",
        ):
            with self.subTest(menu=xmlid):
                self.assertNotIn(self.env.ref(xmlid).id, visible)

    def test_agencies_menu_for_the_agencies(self):
        """Rule: the state agencies' menu shows to the people of their units
        (a committee's approver), their officers, DVK managers and Sở Nội
        vụ, not to a commune Women's Union member of a party tree."""
        menu = self.env.ref("dvk_statehub.dvk_statehub_menu_root")
        women_unit = self.env["hr.department"].create(
            {"name": "Hội Liên hiệp Phụ nữ xã"}
        )
        women = new_test_user(
            self.env, login="sh_women", groups="dvk_models.group_dvk_user"
        )
        self.env["hr.employee"].create(
            {"name": "Hội viên", "user_id": women.id, "department_id": women_unit.id}
        )
        self.emp_bcd_commune.department_id = self.bcd_commune
        for user, visible in (
            (self.user_bcd_commune, True),
            (self.user_officer, True),
            (self.user_manager, True),
            (self.user_home_affairs, True),
            (women, False),
        ):
            with self.subTest(user=user.login):
                self.assertEqual(menu.id in self._visible(user), visible)

    def test_table_approve_button_is_the_committees(self):
        """Rule: the registration table's Approve button shows to the
        committee's approver it was submitted to (and DVK managers), by the
        predicate its method checks: the officer who submitted it does not
        get it, and approving is refused to him."""
        self._submitted(self.commune, "Dân vận khéo trong hiến đất")
        table = self._table(self.commune)
        table.action_build()
        table.with_user(self.user_officer).action_submit()
        self.assertFalse(table.with_user(self.user_officer).dvk_can_decide)
        with self.assertRaises(UserError):
            table.with_user(self.user_officer).action_approve()
        self.assertTrue(table.with_user(self.user_bcd_commune).dvk_can_decide)
        self.assertTrue(table.with_user(self.user_manager).dvk_can_decide)
        views = (
            self.env["dvk.statehub.registration"]
            .with_user(self.user_officer)
            .get_views([(False, "form")])
        )
        self.assertIn("not dvk_can_decide", views["views"]["form"]["arch"])


# record -> role -> operations allowed ("r", "w", "u"): the commune's
# registration table submitted to its committee, a row of it, and the
# report the province's officer computed for Sở Nội vụ with its figures.
STATEHUB_MATRIX = {
    "table": {
        "officer": "rwu",
        "committee": "rw",
        "manager": "rwu",
    },
    "row": {
        "officer": "rwu",
        "committee": "r",
        "manager": "rwu",
    },
    "report": {
        "officer": "rwu",
        "home_affairs": "r",
        "manager": "rwu",
    },
    "figures": {
        "officer": "r",
        "home_affairs": "r",
        "manager": "r",
    },
}


@tagged("post_install", "-at_install", "access_rights")
class TestStatehubAccessMatrix(DvkStatehubCommon):
    def test_statehub_access_matrix(self):
        """Rule (issue 22 item 9): registration tables, their rows and the
        reports to Sở Nội vụ are read and written as the table says: the
        committee reads and approves the table it was sent, Sở Nội vụ reads
        the reports and their figures only, an officer of another agency and
        another agency's committee read nothing of them."""
        self._submitted(self.commune, "Dân vận khéo trong hiến đất")
        table = self._table(self.commune)
        table.action_build()
        table.with_user(self.user_officer).action_submit()
        report = (
            self.env["dvk.statehub.report"]
            .with_user(self.user_officer)
            .create({"campaign_id": self.campaign.id, "kind": "registration"})
        )
        report.action_compute()
        records = {
            "table": table.with_env(self.env),
            "row": table.with_env(self.env).line_ids[:1],
            "report": report.with_env(self.env),
            "figures": report.with_env(self.env).line_ids[:1],
        }
        for key, record in records.items():
            self.assertEqual(len(record), 1, key)
        users = {
            "officer": self.user_officer,
            "officer_other": new_test_user(
                self.env,
                login="sh_off_dept",
                groups="dvk_models.group_dvk_officer",
                dvk_department_ids=[(6, 0, self.dept.ids)],
            ),
            "committee": self.user_bcd_commune,
            "committee_other": self.user_bcd_dept,
            "home_affairs": self.user_home_affairs,
            "manager": self.user_manager,
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
                expected = STATEHUB_MATRIX[key].get(role, "")
                if actual != expected:
                    differences[key, role] = (actual, expected)
        self.assertEqual(differences, {}, "(actual, expected) per record and role")
