"""Provinces merged (1/7/2025): the merged province's campaign takes over the
registrations under way of the former provinces' campaigns (dvk_models'
takeover wizard). The registration tables of the state agencies (Decision
976/QĐ-UBND, Article 6.2) follow their rows, so that no table lists a model of
another campaign."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.dvk_models.tests.common import assert_same_queries

from .common import DvkStatehubCommon

D = datetime.date


@tagged("post_install", "-at_install")
class TestStatehubCampaignTakeover(DvkStatehubCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Table = cls.env["dvk.statehub.registration"]
        cls.company_b = cls.env["res.company"].create(
            {"name": "Ủy ban nhân dân tỉnh Vĩnh Long"}
        )
        cls.user_manager.company_ids = [Command.link(cls.company_b.id)]
        cls.target = cls._statehub_campaign(cls, cls.company_b)

    def _statehub_campaign(self, company):
        campaign = self.env["dvk.campaign"].create(
            {
                "name": f"Dân vận khéo trong cơ quan nhà nước 2026 - {company.name}",
                "year": 2026,
                "profile_id": self.profile.id,
                "company_id": company.id,
                "date_start": D(2026, 1, 1),
                "date_end": D(2026, 12, 31),
            }
        )
        campaign.action_open()
        return campaign

    def _take_over(self, sources=None, **kw):
        with freeze_time("2026-09-25"):
            self.env["dvk.campaign.merge.wizard"].with_user(self.user_manager).create(
                {
                    "campaign_id": self.target.id,
                    "source_ids": [Command.set((sources or self.campaign).ids)],
                    "date": D(2026, 9, 25),
                    **kw,
                }
            ).action_apply()

    def _approved_table(self, unit, models_):
        table = self._table(unit)
        table.action_build()
        self.assertEqual(table.line_ids.model_id, models_)
        with freeze_time("2026-02-20"):
            table.with_user(self.user_officer).action_submit()
            table.with_user(table.approver_id).action_approve()
        return table

    def _draft(self, unit, name, campaign):
        return self.env["dvk.model"].create(
            {
                "name": name,
                "campaign_id": campaign.id,
                "company_id": campaign.company_id.id,
                "subject_type": "collective",
                "department_id": unit.id,
                "field_id": self.field_xdhtct.id,
                "date_start": D(2026, 3, 1),
                "date_end": D(2026, 11, 30),
                "expected_result": "Giải quyết đúng hạn 100% hồ sơ",
            }
        )

    def _assert_rows_in_their_campaign(self):
        lines = self.env["dvk.statehub.registration.line"].search([])
        self.assertTrue(lines)
        for line in lines:
            self.assertEqual(
                line.model_id.campaign_id, line.registration_id.campaign_id
            )
        lines._check_model()

    def test_table_whose_rows_all_moved_moves_with_its_state(self):
        """Rule: a table all of whose rows are taken over, for a unit the
        merged campaign has no table for, moves to the merged campaign and
        its company with its state, approver, approval date and history; a
        submitted one stays waiting for its approver, who approves it there.
        The former campaign keeps no table listing them."""
        first = self._submitted(self.district_body, "Một cửa thân thiện")
        second = self._submitted(self.district_body2, "Cán bộ văn hóa gần dân")
        approved = self._approved_table(self.district, first | second)
        approval_date = approved.approval_date
        waiting_model = self._submitted(self.commune, "Dân vận khéo trong hiến đất")
        waiting = self._table(self.commune)
        waiting.action_build()
        waiting.with_user(self.user_officer).action_submit()
        self._take_over()
        for table in approved | waiting:
            self.assertEqual(table.campaign_id, self.target)
            self.assertEqual(table.company_id, self.company_b)
            self.assertEqual(table.line_ids.company_id, self.company_b)
            self.assertIn("the table moves there", table.message_ids[:1].body)
        self.assertEqual(
            (approved.state, approved.approver_id, approved.approval_date),
            ("approved", self.user_bcd_district, approval_date),
        )
        self.assertEqual(approved.line_ids.model_id, first | second)
        self.assertEqual(waiting.state, "submitted")
        self.assertEqual(waiting.activity_ids.user_id, self.user_bcd_commune)
        self.assertFalse(self.Table.search([("campaign_id", "=", self.campaign.id)]))
        self._assert_rows_in_their_campaign()
        waiting.with_user(self.user_bcd_commune).action_approve()
        self.assertEqual(waiting_model.state, "approved")

    def test_decided_row_stays_and_moved_rows_land_in_the_target_table(self):
        """Rule: when a row of a table was decided (recognised) it stays with
        the former campaign's table, which keeps its state; the rows under
        way go to the merged campaign's table of the same unit, created in
        draft; both tables say in their history what moved where."""
        stays = self._submitted(self.commune, "Hiến đất làm đường")
        moves = self._submitted(self.commune, "Một cửa thân thiện")
        table = self._approved_table(self.commune, stays | moves)
        self._recognize(stays, self.bcd_commune)
        self.assertEqual(stays.state, "recognized")
        self._take_over()
        self.assertEqual(table.campaign_id, self.campaign)
        self.assertEqual(table.state, "approved")
        self.assertEqual(table.line_ids.model_id, stays)
        self.assertIn("rows staying here: 1", table.message_ids[:1].body)
        landed = self.Table.search(
            [
                ("campaign_id", "=", self.target.id),
                ("department_id", "=", self.commune.id),
            ]
        )
        self.assertEqual(len(landed), 1)
        self.assertEqual(landed.state, "draft")
        self.assertEqual(landed.company_id, self.company_b)
        self.assertEqual(landed.line_ids.model_id, moves)
        self.assertEqual(moves.statehub_registration_id, landed)
        self.assertIn("Took over rows", landed.message_ids[:1].body)
        self._assert_rows_in_their_campaign()
        # The table it landed in goes to the merged campaign's steering
        # committee like any other: the row approved by the former committee
        # keeps its approval, a new submitted row is approved with the table.
        added = self._submitted(
            self.commune,
            "Dân vận khéo trong hiến đất",
            campaign_id=self.target.id,
            company_id=self.company_b.id,
        )
        landed.action_build()
        self.assertEqual(landed.line_ids.model_id, moves | added)
        approval_date = moves.approval_date
        landed.with_user(self.user_officer).action_submit()
        landed.with_user(landed.approver_id).action_approve()
        self.assertEqual(landed.state, "approved")
        self.assertEqual(set((moves | added).mapped("state")), {"approved"})
        self.assertEqual(moves.approval_date, approval_date)

    def test_target_table_of_the_unit_receives_the_rows(self):
        """Rule: when the merged campaign has a table for the unit already
        (a unit shared by the provinces), the rows taken over join it after
        its own rows; the former table is kept, empty, as history, and the
        approval it was waiting for is withdrawn."""
        self.commune.company_id = False
        own = self._draft(self.commune, "Xã thông minh", self.target)
        existing = self.Table.create(
            {
                "campaign_id": self.target.id,
                "department_id": self.commune.id,
                "company_id": self.company_b.id,
                "line_ids": [Command.create({"model_id": own.id, "sequence": 1})],
            }
        )
        first = self._submitted(self.commune, "Hiến đất làm đường")
        second = self._submitted(self.commune, "Một cửa thân thiện")
        former = self._table(self.commune)
        former.action_build()
        former.with_user(self.user_officer).action_submit()
        self._take_over()
        self.assertEqual(existing.line_ids.model_id, own | first | second)
        self.assertEqual(existing.line_ids[0].model_id, own)
        self.assertEqual(existing.state, "draft")
        self.assertIn("(2): ", existing.message_ids[:1].body)
        self.assertTrue(former.exists())
        self.assertEqual(former.campaign_id, self.campaign)
        self.assertFalse(former.line_ids)
        self.assertEqual(former.state, "submitted")
        self.assertFalse(former.activity_ids)
        self.assertIn("approval request is withdrawn", former.message_ids[:1].body)
        self._assert_rows_in_their_campaign()

    def test_unit_of_the_table_must_belong_to_the_merged_company(self):
        """Rule: without the units joining the merged province, the unit of a
        table whose rows are taken over must belong to its company (or to
        none), like the registrations' units; otherwise nothing moves."""
        (self.district_body | self.district_body2).company_id = False
        model = self._submitted(self.district_body, "Một cửa thân thiện")
        table = self._table(self.district)
        table.action_build()
        with self.assertRaisesRegex(UserError, "huyện Càng Long belong to another"):
            self._take_over(move_units=False)
        self.assertEqual(model.campaign_id, self.campaign)
        self.assertEqual(table.campaign_id, self.campaign)
        self.assertFalse(self.campaign.merged_into_id)

    def test_takeover_queries_do_not_grow_with_rows(self):
        """Rule: moving the tables costs the same number of queries for a
        former campaign whose two tables (one moving whole, one giving its
        rows to the merged campaign's table) have one row each as for one
        whose tables have four rows each."""

        def shared(name):
            return self.env["hr.department"].create(
                {
                    "name": name,
                    "company_id": False,
                    "dvk_level_id": self.level_grassroots.id,
                }
            )

        def campaign_with(count, name):
            company = self.env["res.company"].create({"name": name})
            self.user_manager.company_ids = [Command.link(company.id)]
            campaign = self._statehub_campaign(company)
            whole, giving = shared(f"Sở {name}"), shared(f"Ban {name}")
            self.Table.create(
                {
                    "campaign_id": self.target.id,
                    "department_id": giving.id,
                    "company_id": self.company_b.id,
                }
            )
            for unit in (whole, giving):
                self.Table.create(
                    {
                        "campaign_id": campaign.id,
                        "department_id": unit.id,
                        "company_id": company.id,
                        "line_ids": [
                            Command.create(
                                {
                                    "model_id": self._draft(
                                        unit, f"{name} {i}", campaign
                                    ).id
                                }
                            )
                            for i in range(count)
                        ],
                    }
                )
            return campaign

        small = campaign_with(1, "Tỉnh Nhỏ")
        large = campaign_with(4, "Tỉnh Lớn")
        assert_same_queries(
            self,
            lambda: self._take_over(small, move_units=False),
            lambda: self._take_over(large, move_units=False),
        )
        tables = self.Table.search([("campaign_id", "=", self.target.id)])
        self.assertEqual(len(tables), 4)
        self.assertEqual(sorted(len(t.line_ids) for t in tables), [1, 1, 4, 4])
        self._assert_rows_in_their_campaign()
