"""Where Sở Nội vụ lands after logging in."""

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestStatehubHomeAffairsLanding(HttpCase):
    def _home_action(self, login):
        self.authenticate(login, login)
        return self.make_jsonrpc_request("/web/session/get_session_info", {})[
            "home_action_id"
        ]

    def test_home_affairs_lands_in_the_reports_sent_to_it(self):
        """Rule: issue 22 item 20 with seed 003 Điều 9 — Sở Nội vụ, which
        is no DVK user, lands in the reports the agencies send it (not in
        Discuss), through the same hook as DVK users; a home action set on
        the user still wins."""
        reports = self.env.ref("dvk_statehub.dvk_statehub_report_action")
        user = new_test_user(
            self.env,
            login="sh_land_snv",
            groups="dvk_statehub.group_dvk_statehub_home_affairs",
        )
        self.assertFalse(user.has_group("dvk_models.group_dvk_user"))
        self.assertEqual(self._home_action("sh_land_snv"), reports.id)
        own = self.env.ref("dvk_statehub.dvk_statehub_report_line_action")
        user.action_id = own.id
        self.assertEqual(self._home_action("sh_land_snv"), own.id)
        new_test_user(
            self.env, login="sh_land_officer", groups="dvk_models.group_dvk_officer"
        )
        self.assertEqual(
            self._home_action("sh_land_officer"),
            self.env.ref("dvk_models.dvk_campaign_action_dashboard").id,
        )
