"""The merged province's journey in the browser (two-tier chain from
1/7/2025, unit lineage): a model recognised last year in a former commune
goes on in the commune formed by the merger and is proposed straight to the
province."""

import datetime

from odoo import fields
from odoo.fields import Command
from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from .tour_common import (
    registration_plan,
    running_year_campaign,
    tour_person,
    vietnamese,
)

D = datetime.date

# Must match the constants of static/tests/tours/dvk_merged_tour.js.
MODEL_NAME = "Dân vận khéo trong vận động hiến đất mở rộng đường giao thông nông thôn"
CAMPAIGN = "Dân vận khéo tỉnh Vĩnh Long (tour)"


@tagged("post_install", "-at_install")
class TestMergedProvinceTour(HttpCase):
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

        cls.user_manager = new_test_user(
            env, login="dvk_tour_vl_mgr", groups="dvk_models.group_dvk_manager"
        )
        cls.user_staff, cls.emp_staff = person("dvk_tour_vl_staff", "Trần Thị Mỹ Hạnh")
        cls.user_old_head, emp_old_head = person("dvk_tour_vl_old", "Lê Văn Thiện")
        cls.user_head, emp_head = person("dvk_tour_vl_appr", "Nguyễn Văn Trà")
        cls.user_officer, _emp_officer = person(
            "dvk_tour_vl_off", "Phạm Thị Tuyên", groups="dvk_models.group_dvk_officer"
        )
        vietnamese(
            env,
            cls.user_staff | cls.user_head | cls.user_officer,
            ["dvk_models"],
        )

        cls.province = Department.create(
            {
                "name": "Tỉnh ủy Vĩnh Long",
                "dvk_level_id": cls.level_province.id,
                "dvk_decision_symbol": "TU",
            }
        )
        # Last year's district and its communes, merged on 1 July.
        cls.district = Department.create(
            {
                "name": "Huyện ủy Trà Ôn",
                "parent_id": cls.province.id,
                "dvk_level_id": cls.level_district.id,
                "dvk_decision_symbol": "HU",
            }
        )
        cls.former = Department.create(
            {
                "name": "Đảng ủy xã Thiện Mỹ",
                "parent_id": cls.district.id,
                "dvk_level_id": cls.level_grassroots.id,
                "manager_id": emp_old_head.id,
                "dvk_decision_symbol": "ĐU",
            }
        )
        cls.former_other = Department.create(
            {
                "name": "Đảng ủy xã Tân Mỹ",
                "parent_id": cls.district.id,
                "dvk_level_id": cls.level_grassroots.id,
                "dvk_decision_symbol": "ĐU",
            }
        )
        # The commune formed by the merger, directly under the province.
        cls.merged = Department.create(
            {
                "name": "Đảng ủy xã Trà Ôn",
                "parent_id": cls.province.id,
                "dvk_level_id": cls.level_grassroots.id,
                "manager_id": emp_head.id,
                "dvk_decision_symbol": "ĐU",
            }
        )
        cls.emp_staff.department_id = cls.former
        emp_old_head.department_id = cls.former
        emp_head.department_id = cls.merged
        _emp_officer.department_id = cls.province
        cls.user_officer.dvk_department_ids = cls.province

        year = fields.Date.context_today(env["dvk.campaign"]).year
        last = year - 1
        with freeze_time(f"{last}-02-10"):
            cls.campaign_last = env["dvk.campaign"].create(
                {
                    "name": f"Dân vận khéo tỉnh Trà Vinh {last}",
                    "year": last,
                    "profile": "party",
                    "date_start": D(last, 1, 1),
                    "date_end": D(last, 12, 31),
                    "registration_deadline": D(last, 3, 29),
                    "proposal_deadline": D(last, 9, 30),
                    "recognition_deadline": D(last, 10, 14),
                }
            )
            cls.campaign_last.action_open()
            cls.model_last = (
                env["dvk.model"]
                .with_user(cls.user_staff)
                .create(
                    {
                        "name": MODEL_NAME,
                        "campaign_id": cls.campaign_last.id,
                        "department_id": cls.former.id,
                        "field_id": env.ref("dvk_models.dvk_field_kt").id,
                        **registration_plan(cls.campaign_last),
                    }
                )
            )
            cls.model_last.action_submit()
            cls.model_last.with_user(cls.user_old_head).action_approve()
        with freeze_time(f"{last}-05-20"):
            cls._recognise_grassroots(env, cls.model_last, cls.former)
        with freeze_time(f"{last}-07-01"):
            wizard = (
                env["dvk.unit.lineage.wizard"]
                .with_user(cls.user_manager)
                .create(
                    {
                        "mode": "merge",
                        "date": D(last, 7, 1),
                        "source_ids": [
                            Command.set((cls.former | cls.former_other).ids)
                        ],
                        "successor_id": cls.merged.id,
                    }
                )
            )
            wizard.action_apply()
            # The district tier ended the same day.
            cls.district.action_archive()
        with freeze_time(f"{last}-12-31"):
            cls.campaign_last.with_user(cls.user_manager).action_close()
        cls.campaign = running_year_campaign(env, CAMPAIGN, "party")

    @classmethod
    def _recognise_grassroots(cls, env, model, authority):
        """The self-assessment of the registrant, the officer's proposal at
        grassroots and the confirmed decision of ``authority`` (the steps
        the core journeys play in the browser)."""
        sheet = (
            env["dvk.score.sheet"]
            .with_user(cls.user_staff)
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
        model.with_user(cls.user_officer).action_propose(cls.level_grassroots)
        decision = (
            env["dvk.decision"]
            .with_user(cls.user_officer)
            .create(
                {
                    "campaign_id": model.campaign_id.id,
                    "level_id": cls.level_grassroots.id,
                    "authority_department_id": authority.id,
                    "line_ids": [Command.create({"model_id": model.id})],
                }
            )
        )
        decision.action_confirm()
        return decision

    def test_merged_province_journey(self):
        """Rule (two-tier chain from 1/7/2025; unit lineage; seed 001 §3):
        the registrant renews last year's model, recognised at grassroots in
        a former commune, in the commune formed by the merger; once
        recognised there again, the province's officer proposes it straight
        to the province, the only level the proposal dialog offers above
        grassroots (no district in the chain in force); Mẫu 3 of the year
        names the merged commune "(trước đây là …)" with its former
        communes."""
        # The party chain as shipped: the district step ends on 30/6/2025.
        step = self.env.ref("dvk_models.dvk_profile_party_level_district")
        self.assertEqual(step.date_to, D(2025, 6, 30))
        self.assertFalse(self.former.active)
        self.assertEqual(self.former.dvk_successor_ids, self.merged)
        self.assertEqual(self.emp_staff.department_id, self.merged)
        self.assertEqual(self.model_last.state, "recognized")
        self.assertEqual(self.model_last.department_id, self.former)
        self.assertNotIn(self.level_district, self.campaign.level_chain_ids)

        self.start_tour("/odoo", "dvk_merged_tour_renew", login="dvk_tour_vl_staff")
        self.env.invalidate_all()
        model = self.model_last.next_ids
        self.assertEqual(len(model), 1)
        self.assertRecordValues(
            model,
            [
                {
                    "name": MODEL_NAME,
                    "state": "submitted",
                    "campaign_id": self.campaign.id,
                    "department_id": self.merged.id,
                    "previous_id": self.model_last.id,
                    "registrant_id": self.user_staff.id,
                    "approver_id": self.user_head.id,
                }
            ],
        )

        model.with_user(self.user_head).action_approve()
        decision = self._recognise_grassroots(self.env, model, self.merged)
        self.assertEqual(decision.authority_department_id, self.merged)
        self.assertEqual(model.recognized_level_id, self.level_grassroots)
        self.assertEqual(model.consecutive_years, 2)

        self.start_tour("/odoo", "dvk_merged_tour_propose", login="dvk_tour_vl_off")
        self.env.invalidate_all()
        self.assertRecordValues(
            model,
            [
                {
                    "state": "recognized",
                    "recognized_level_id": self.level_grassroots.id,
                    "proposal_level_id": self.level_province.id,
                }
            ],
        )
        # Last year's model stays the former commune's, as decided.
        self.assertEqual(self.model_last.department_id, self.former)
