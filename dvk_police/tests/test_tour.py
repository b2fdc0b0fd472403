"""The police journey in the browser (seed 002 §I step 2), played by the
people who take part, without district police (dissolved on 1/3/2025)."""

from odoo.tests import HttpCase, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.dvk_models.tests.tour_common import (
    running_year_campaign,
    tour_person,
    vietnamese,
)

# Must match the constants of static/tests/tours/dvk_police_tour.js.
MODEL_NAME = "Dân vận khéo trong xây dựng tổ tự quản an ninh trật tự ấp Giồng Lức"
CAMPAIGN = "Dân vận khéo Công an tỉnh Vĩnh Long (tour)"


@tagged("post_install", "-at_install")
class TestPoliceTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.level_grassroots = env.ref("dvk_models.dvk_level_grassroots")
        cls.level_district = env.ref("dvk_models.dvk_level_district")
        cls.level_province = env.ref("dvk_models.dvk_level_province")
        Department = env["hr.department"]

        # Passwords are the logins: start_tour logs in with them.
        def person(login, name, groups="dvk_models.group_dvk_user", **kw):
            return tour_person(env, login, name, groups, **kw)

        cls.user_head, emp_head = person("pol_tour_commune", "Đại úy Võ Văn Phú")
        cls.user_leader, emp_leader = person(
            "pol_tour_leader", "Đại tá Nguyễn Minh Quang"
        )
        cls.user_chief, emp_chief = person("pol_tour_chief", "Trung tá Hồ Văn Em")
        cls.user_committee, emp_committee = person(
            "pol_tour_committee", "Lâm Văn Khánh"
        )
        # PV05's emulation officer reads the police models of the province
        # and follows them in Odoo (inbox).
        cls.user_pv05, _emp_pv05 = person(
            "pol_tour_pv05",
            "Thiếu tá Lê Thị Cúc",
            groups="dvk_models.group_dvk_officer",
            notification_type="inbox",
        )
        users = (
            cls.user_head
            | cls.user_leader
            | cls.user_chief
            | cls.user_committee
            | cls.user_pv05
        )
        vietnamese(env, users, ["dvk_models", "dvk_police"])

        board = Department.create(
            {"name": "Ban Tuyên giáo và Dân vận Tỉnh ủy Vĩnh Long"}
        )
        committee = Department.create(
            {"name": "Đảng ủy xã An Trường", "manager_id": emp_committee.id}
        )
        cls.province = Department.create(
            {
                "name": "Công an tỉnh Vĩnh Long",
                "dvk_decision_symbol": "CAT",
                "dvk_police_kind": "province",
                "dvk_level_id": cls.level_province.id,
                "manager_id": emp_leader.id,
                "dvk_police_informed_id": board.id,
            }
        )
        cls.pv05 = Department.create(
            {
                "name": "Phòng Công tác Đảng và công tác chính trị",
                "parent_id": cls.province.id,
                "dvk_police_kind": "province_unit",
                "dvk_police_is_pv05": True,
                "dvk_officer_ids": [(6, 0, cls.user_pv05.ids)],
            }
        )
        # Last year's district police, still in the tree with its chief: the
        # chain of this year's campaign, not the tree, ends its row of seed
        # 002's table.
        cls.district = Department.create(
            {
                "name": "Công an huyện Càng Long",
                "dvk_decision_symbol": "CAH",
                "parent_id": cls.province.id,
                "dvk_police_kind": "district",
                "dvk_level_id": cls.level_district.id,
                "manager_id": emp_chief.id,
            }
        )
        cls.commune = Department.create(
            {
                "name": "Công an xã An Trường",
                "dvk_decision_symbol": "CAX",
                "parent_id": cls.district.id,
                "dvk_police_kind": "commune",
                "dvk_level_id": cls.level_grassroots.id,
                "manager_id": emp_head.id,
                "dvk_police_informed_id": committee.id,
            }
        )
        emp_head.department_id = cls.commune
        emp_leader.department_id = cls.province
        emp_chief.department_id = cls.district
        _emp_pv05.department_id = cls.pv05
        # PV05's officer is in charge of the provincial police as well (one
        # relation: the units an officer is in charge of).
        cls.user_pv05.dvk_department_ids = [(4, cls.province.id)]

        # The police chain as shipped: the district row ends on 28/2/2025.
        cls.campaign = running_year_campaign(env, CAMPAIGN, "police")

    def test_police_journey(self):
        """Rule (seed 002 §I step 2, police chain from 1/3/2025): a commune
        police registers its model with the request letter and the survey
        report and submits it; with no district police in the chain in force,
        the provincial police leadership approves it from its activity; PV05
        receives the tracking copy in its inbox, reads the model and prints
        the request letter, addressed to the provincial police leadership,
        not to a district police chief."""
        self.assertNotIn(self.level_district, self.campaign.level_chain_ids)

        self.start_tour("/odoo", "dvk_police_tour_register", login="pol_tour_commune")
        self.env.invalidate_all()
        model = self.env["dvk.model"].search([("name", "=", MODEL_NAME)])
        self.assertEqual(len(model), 1)
        self.assertRecordValues(
            model,
            [
                {
                    "state": "submitted",
                    "campaign_id": self.campaign.id,
                    "department_id": self.commune.id,
                    "registrant_id": self.user_head.id,
                    "approver_id": self.user_leader.id,
                }
            ],
        )
        submit_lines = self.env["dvk.dossier.line"].search(
            [("model_id", "=", model.id), ("stage", "=", "submit")]
        )
        self.assertEqual(
            set(submit_lines.template_id.mapped("code")), {"REQUEST", "SURVEY"}
        )
        self.assertTrue(all(submit_lines.mapped("provided")))
        activity = model.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("dvk_models.mail_activity_type_dvk_approval"),
        )
        self.assertEqual(activity.user_id, self.user_leader)

        self.start_tour("/odoo", "dvk_police_tour_approve", login="pol_tour_leader")
        self.env.invalidate_all()
        self.assertEqual(model.state, "approved")
        self.assertEqual(model.approver_id, self.user_leader)
        self.assertTrue(model.approval_date)
        self.assertFalse(model.activity_ids)
        copies = model.message_ids.filtered(
            lambda m: (
                self.pv05.name in (m.body or "")
                and self.user_pv05.partner_id in m.notification_ids.res_partner_id
            )
        )
        self.assertEqual(len(copies), 1, "one tracking copy for PV05")
        notification = copies.notification_ids.filtered(
            lambda n: n.res_partner_id == self.user_pv05.partner_id
        )
        self.assertEqual(notification.notification_type, "inbox")
        self.assertFalse(notification.is_read)
        self.assertIn(
            self.user_committee.partner_id, copies.notification_ids.res_partner_id
        )
        self.assertNotIn(
            self.user_chief.partner_id,
            model.message_ids.notification_ids.res_partner_id,
        )

        self.start_tour("/odoo", "dvk_police_tour_pv05", login="pol_tour_pv05")
        self.env.invalidate_all()
        self.assertTrue(notification.is_read, "PV05 read the copy from its inbox")
        self.assertEqual(model.state, "approved")
