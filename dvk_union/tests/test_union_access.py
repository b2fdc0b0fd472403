"""Who reads the trade union's decisions and sees its menu (issue 22 items 9
and 11): a grassroots union member reads the decisions published to his
base union, not a sibling's, no draft, and no other sector's; the trade
union's menu is for the users of union units."""

import datetime

from odoo.tests import freeze_time, new_test_user, tagged

from .common import DvkUnionCommon


@tagged("post_install", "-at_install", "access_rights")
@freeze_time("2026-03-02")
class TestUnionAccess(DvkUnionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def member(login, unit):
            user = new_test_user(
                cls.env, login=login, groups="dvk_models.group_dvk_user"
            )
            cls.env["hr.employee"].create(
                {"name": login, "user_id": user.id, "department_id": unit.id}
            )
            return user

        cls.user_worker = member("un_worker", cls.base_group)
        cls.user_nurse = member("un_nurse", cls.base2)
        # A commune Women's Union member of a party tree.
        women = cls.env["hr.department"].create({"name": "Hội Liên hiệp Phụ nữ xã"})
        cls.user_women = member("un_women", women)

    def _base_decision(self):
        model = self._ready(self.base_group, "base")
        model.with_user(self.user_officer).action_propose()
        return (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.base.id,
                    "date": datetime.date(2026, 10, 10),
                    "line_ids": [(0, 0, {"model_id": model.id})],
                }
            )
        )

    def test_members_read_the_decisions_of_their_union(self):
        """Rule: a decision of a base union, once confirmed, is read by the
        people of that base union (the union profile publishes it to the
        issuing unit and below), not by a sibling base union's member nor a
        member of another sector's tree; nobody of them reads the draft."""
        decision = self._base_decision()
        readers = (self.user_worker, self.user_nurse, self.user_women)
        for user in readers:
            with self.subTest(user=user.login, state="draft"):
                self.assertFalse(decision.with_user(user).has_access("read"))
        decision.action_confirm()
        for user, reads in zip(readers, (True, False, False), strict=True):
            with self.subTest(user=user.login, state="confirmed"):
                self.assertEqual(decision.with_user(user).has_access("read"), reads)
                self.assertEqual(
                    decision.line_ids.with_user(user).has_access("read"), reads
                )
                self.assertFalse(decision.with_user(user).has_access("write"))

    def test_union_menu_for_union_units(self):
        """Rule (issue 22 item 11): the trade union's menu shows to the users
        of union units and DVK managers, not to a commune Women's Union
        member of the party tree."""
        menu = self.env.ref("dvk_union.dvk_union_menu_root")
        for user, visible in (
            (self.user_worker, True),
            (self.user_base, True),
            (self.user_officer, True),
            (self.user_manager, True),
            (self.user_women, False),
        ):
            with self.subTest(user=user.login):
                ids = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertEqual(menu.id in ids, visible)
