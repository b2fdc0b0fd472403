"""Where a user lands after logging in."""

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDvkHomeAction(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref("dvk_models.dvk_campaign_action_dashboard")
        cls.dvk_user = new_test_user(
            cls.env, login="dvk_home_user", groups="dvk_models.group_dvk_user"
        )
        cls.officer = new_test_user(
            cls.env, login="dvk_home_officer", groups="dvk_models.group_dvk_officer"
        )
        cls.own_home = new_test_user(
            cls.env, login="dvk_home_own", groups="dvk_models.group_dvk_user"
        )
        cls.own_action = cls.env.ref("dvk_models.dvk_model_action")
        cls.own_home.action_id = cls.own_action.id
        cls.other = new_test_user(
            cls.env, login="dvk_home_other", groups="base.group_user"
        )

    def _home_action(self, login):
        self.authenticate(login, login)
        return self.make_jsonrpc_request("/web/session/get_session_info", {})[
            "home_action_id"
        ]

    def test_dvk_users_land_in_dvk(self):
        """Rule: a user of the DVK groups without a home action of his own
        lands in the DVK app (its dashboard), not in Discuss."""
        self.assertFalse(self.dvk_user.action_id)
        self.assertEqual(self._home_action("dvk_home_user"), self.dashboard.id)
        self.assertEqual(self._home_action("dvk_home_officer"), self.dashboard.id)

    def test_own_home_action_and_other_users_kept(self):
        """Rule: a home action set on the user wins, and users outside the DVK
        groups keep Odoo's default landing."""
        self.assertEqual(self._home_action("dvk_home_own"), self.own_action.id)
        self.assertFalse(self._home_action("dvk_home_other"))
