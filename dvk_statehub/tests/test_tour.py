"""The state agencies' journey in the browser (seed 003 Điều 6.2, Điều 8),
played by the people who take part, in the merged province of Vĩnh Long."""

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.dvk_models.tests.tour_common import (
    registration_plan,
    running_year_campaign,
    vietnamese,
)

# Must match the constants of static/tests/tours/dvk_statehub_tour.js.
MODEL_NAMES = (
    "Công khai tài chính công trên cổng thông tin điện tử",
    "Một cửa thân thiện tại Trung tâm Dịch vụ tài chính công",
)
CAMPAIGN = "Dân vận khéo trong cơ quan hành chính nhà nước tỉnh Vĩnh Long (tour)"


@tagged("post_install", "-at_install")
class TestStatehubTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        level_district = env.ref("dvk_models.dvk_level_district")
        Department = env["hr.department"]
        Employee = env["hr.employee"]

        # Passwords are the logins: start_tour logs in with them.
        cls.user_manager = new_test_user(
            env, login="sh_tour_manager", groups="dvk_models.group_dvk_manager"
        )
        cls.user_officer = new_test_user(
            env,
            login="sh_tour_officer",
            groups="dvk_models.group_dvk_officer",
            name="Thạch Thị Thi Đua",
        )
        cls.user_home_affairs = new_test_user(
            env,
            login="sh_tour_snv",
            groups="dvk_statehub.group_dvk_statehub_home_affairs",
            name="Kim Văn Nội Vụ",
        )
        cls.user_bcd = new_test_user(
            env,
            login="sh_tour_bcd",
            groups="dvk_models.group_dvk_user",
            name="Lê Văn Tài",
        )
        cls.emp_bcd = Employee.create(
            {"name": "Lê Văn Tài", "user_id": cls.user_bcd.id}
        )
        vietnamese(
            env,
            cls.user_officer | cls.user_home_affairs | cls.user_bcd,
            ["dvk_models", "dvk_statehub"],
        )

        root = Department.create(
            {"name": "Ủy ban nhân dân tỉnh Vĩnh Long", "dvk_signing_place": "Vĩnh Long"}
        )
        cls.home_affairs = Department.create(
            {
                "name": "Sở Nội vụ tỉnh Vĩnh Long",
                "parent_id": root.id,
                "dvk_statehub_kind": "department",
                "dvk_statehub_home_affairs": True,
            }
        )
        cls.agency = Department.create(
            {
                "name": "Sở Tài chính",
                "parent_id": root.id,
                "dvk_statehub_kind": "department",
                "dvk_level_id": level_district.id,
                "dvk_signing_place": "Vĩnh Long",
            }
        )
        cls.committee = Department.create(
            {
                "name": "Ban Chỉ đạo QCDC và phong trào DVK Sở Tài chính",
                "parent_id": cls.agency.id,
                "dvk_is_steering_committee": True,
                "dvk_level_id": level_district.id,
                "manager_id": cls.emp_bcd.id,
                "dvk_decision_symbol": "BCĐ",
                "dvk_signing_place": "Vĩnh Long",
                "dvk_header_name": "Ban Chỉ đạo QCDC và phong trào thi đua "
                "“Dân vận khéo”",
                "dvk_superior_name": "Sở Tài chính tỉnh Vĩnh Long",
                "dvk_sign_on_behalf": "Ban Chỉ đạo",
            }
        )
        cls.agency.dvk_statehub_committee_id = cls.committee
        cls.emp_bcd.department_id = cls.committee
        centre = Department.create(
            {"name": "Trung tâm Dịch vụ tài chính công", "parent_id": cls.agency.id}
        )
        cls.user_officer.dvk_department_ids = root
        cls.campaign = running_year_campaign(env, CAMPAIGN, "statehub")

        # The agency's registrations of the year, on its table submitted to
        # its steering committee (seed 003 Điều 6.2).
        Model = env["dvk.model"].with_user(cls.user_officer)
        field = env.ref("dvk_models.dvk_field_xdhtct")
        cls.models = Model.create(
            [
                {
                    "name": name,
                    "campaign_id": cls.campaign.id,
                    "subject_type": "collective",
                    "department_id": unit.id,
                    "field_id": field.id,
                    **registration_plan(cls.campaign),
                    "expected_result": "Giải quyết đúng hạn 100% hồ sơ",
                }
                for name, unit in zip(MODEL_NAMES, (cls.agency, centre), strict=True)
            ]
        )
        cls.models.action_submit()
        cls.table = (
            env["dvk.statehub.registration"]
            .with_user(cls.user_officer)
            .create({"campaign_id": cls.campaign.id, "department_id": cls.agency.id})
        )
        cls.table.action_build()
        cls.table.action_submit()

    def _reports(self):
        """The February reports once the table is approved: the agency's,
        issued by its steering committee and sent to Sở Nội vụ by the
        officer, and the province-wide one a DVK manager computes."""
        Report = self.env["dvk.statehub.report"]
        sent = Report.with_user(self.user_officer).create(
            {
                "campaign_id": self.campaign.id,
                "kind": "registration",
                "issuer_department_id": self.committee.id,
            }
        )
        sent.action_compute()
        sent.action_send()
        province = Report.with_user(self.user_manager).create(
            {"campaign_id": self.campaign.id, "kind": "registration"}
        )
        province.action_compute()
        return sent, province

    def test_statehub_journey(self):
        """Rule (seed 003 Điều 6.2-6.3, Điều 8): the steering committee
        approves the agency's registration table in one act from its
        activity, which approves every row; Sở Nội vụ reads the report the
        agency sent it (numbered, addressed to it), the province-wide report
        being prepared and the province-wide figures, and is offered the
        preparing officers' Compute and Send buttons on none of them."""
        self.assertEqual(self.table.approver_id, self.user_bcd)

        self.start_tour("/odoo", "dvk_statehub_tour_approve", login="sh_tour_bcd")
        self.env.invalidate_all()
        self.assertEqual(self.table.state, "approved")
        self.assertTrue(self.table.approval_date)
        self.assertFalse(self.table.activity_ids)
        self.assertEqual(set(self.models.mapped("state")), {"approved"})
        self.assertEqual(self.models.approver_id, self.user_bcd)
        self.assertFalse(self.models.activity_ids)

        sent, province = self._reports()
        self.assertRecordValues(
            sent,
            [
                {
                    "state": "sent",
                    "number": "01/BC-BCĐ",
                    "addressee_id": self.home_affairs.id,
                    "registered_total": 2,
                }
            ],
        )
        self.assertTrue(province.province_wide)
        self.assertTrue(province.date_computed)
        self.start_tour("/odoo", "dvk_statehub_tour_home_affairs", login="sh_tour_snv")
        self.env.invalidate_all()
        # Sở Nội vụ read; it changed nothing.
        self.assertRecordValues(
            (sent | province).with_env(self.env),
            [
                {"state": "sent", "registered_total": 2},
                {"state": "draft", "registered_total": 2},
            ],
        )
