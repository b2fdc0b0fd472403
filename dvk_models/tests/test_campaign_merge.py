"""Company merges (provinces merged from 63 into 34 on 1/7/2025): the
campaign of the merged province takes over the registrations under way of its
year's campaigns in the former provinces; what these decided stays as issued,
the one-campaign-a-year rule does not block the takeover, and the
multi-company record rules still hold."""

import datetime

import psycopg2

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

from .common import CAMPAIGN_BASIS, DvkCommon, assert_same_queries

D = datetime.date


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestCampaignMerge(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Tỉnh ủy Vĩnh Long"})
        cls.user_manager.company_ids = [Command.link(cls.company_b.id)]
        cls.campaign_b = cls._company_campaign(cls, cls.company_b, 2026)

    def _company_campaign(self, company, year):
        campaign = self.env["dvk.campaign"].create(
            {
                "name": f"Dân vận khéo {year} - {company.name}",
                "year": year,
                "profile": "party",
                "company_id": company.id,
                "legal_basis": CAMPAIGN_BASIS,
                "date_start": D(year, 1, 1),
                "date_end": D(year, 12, 31),
                "registration_deadline": D(year, 3, 29),
                "proposal_deadline": D(year, 9, 30),
                "recognition_deadline": D(year, 10, 14),
            }
        )
        campaign.action_open()
        return campaign

    def _take_over(self, sources, target=None, user=None, **kw):
        wizard = (
            self.env["dvk.campaign.merge.wizard"]
            .with_user(user or self.user_manager)
            .create(
                {
                    "campaign_id": (target or self.campaign_b).id,
                    "source_ids": [Command.set(sources.ids)],
                    "date": D(2026, 2, 10),
                    **kw,
                }
            )
        )
        wizard.action_apply()
        return wizard

    def _under_way(self):
        draft = self._create_model(name="Dân vận khéo nháp")
        submitted = self._submitted(name="Dân vận khéo chờ duyệt")
        approved = self._approved(name="Dân vận khéo đã duyệt")
        proposed = self._proposed(name="Dân vận khéo đề nghị")
        recognised = self._proposed(name="Dân vận khéo đã công nhận")
        decision = self._decision(recognised)
        decision.action_confirm()
        return draft | submitted | approved | proposed, recognised, decision

    def test_takeover_moves_open_records_and_keeps_decided(self):
        """Issue 11 item 4: the merged province's campaign takes over the
        registrations under way (draft to proposed) with a line in their
        history; a recognised one and its decision keep their campaign,
        company, issuer and number; the former campaign is closed with a
        pointer to its successor."""
        moving, recognised, decision = self._under_way()
        number = decision.name
        self._take_over(self.campaign)
        for model in moving:
            self.assertEqual(model.campaign_id, self.campaign_b)
            self.assertEqual(model.company_id, self.company_b)
            self.assertIn("was taken over by", model.message_ids[:1].body)
        self.assertEqual(
            moving.mapped("state"), ["draft", "submitted", "approved", "proposed"]
        )
        self.assertEqual(recognised.campaign_id, self.campaign)
        self.assertEqual(recognised.company_id, self.company_a)
        self.assertEqual(decision.campaign_id, self.campaign)
        self.assertEqual(decision.company_id, self.company_a)
        self.assertEqual(decision.authority_department_id, self.commune)
        self.assertEqual((decision.name, decision.state), (number, "confirmed"))
        self.assertEqual(self.campaign.state, "closed")
        self.assertEqual(self.campaign.merged_into_id, self.campaign_b)
        self.assertEqual(self.campaign.merge_date, D(2026, 2, 10))
        self.assertEqual(self.campaign_b.merged_from_ids, self.campaign)
        self.assertIn("Took over", self.campaign_b.message_ids[:1].body)
        # The units and their staff joined the merged province.
        self.assertEqual(self.commune.company_id, self.company_b)
        self.assertEqual(self.province.company_id, self.company_b)
        self.assertEqual(self.emp_staff.company_id, self.company_b)
        self.assertIn(self.company_b, self.user_staff.company_ids)
        # The registrant carries on in the merged province.
        submitted = moving.filtered(lambda m: m.state == "submitted")
        submitted.with_user(self.user_approver).action_approve()
        self.assertEqual(submitted.state, "approved")
        with self.assertRaisesRegex(UserError, "taken over"):
            self.campaign.with_user(self.user_manager).action_open()

    def test_takeover_needs_units_of_the_merged_province(self):
        """Without letting the units join the merged province, registrations
        whose units belong to a former province's company are refused with
        their names; nothing moves."""
        moving, _recognised, _decision = self._under_way()
        with self.assertRaisesRegex(UserError, "belong to another company"):
            self._take_over(self.campaign, move_units=False)
        self.assertEqual(moving.campaign_id, self.campaign)
        self.assertFalse(self.campaign.merged_into_id)

    def test_campaign_year_rule_leaves_taken_over_campaigns_out(self):
        """One campaign of a profile a year in a company, those taken over
        apart: after the takeover the former province's company may hold
        another campaign of the year; two campaigns not taken over still
        cannot."""
        self._take_over(self.campaign)
        again = self._company_campaign(self.company_a, 2026)
        self.assertFalse(again.merged_into_id)
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                self._company_campaign(self.company_a, 2026)

    def test_multi_company_rules_hold(self):
        """After the takeover the moved registrations belong to the merged
        province's company: a manager of the former company alone no longer
        reads them, one of the merged company alone does, and the decided
        registrations stay readable in the former company only."""
        moving, recognised, _decision = self._under_way()
        self._take_over(self.campaign)
        only_a = new_test_user(
            self.env,
            login="dvk_mgr_a",
            groups="dvk_models.group_dvk_manager",
            company_id=self.company_a.id,
            company_ids=[Command.set(self.company_a.ids)],
        )
        only_b = new_test_user(
            self.env,
            login="dvk_mgr_b",
            groups="dvk_models.group_dvk_manager",
            company_id=self.company_b.id,
            company_ids=[Command.set(self.company_b.ids)],
        )
        everything = moving | recognised
        self.assertEqual(
            self.env["dvk.model"]
            .with_user(only_a)
            .search([("id", "in", everything.ids)]),
            recognised,
        )
        self.assertEqual(
            self.env["dvk.model"]
            .with_user(only_b)
            .search([("id", "in", everything.ids)]),
            moving,
        )
        with self.assertRaises(AccessError):
            recognised.with_user(only_b).read(["name"])
        with self.assertRaises(AccessError):
            moving[:1].with_user(only_a).read(["name"])

    def test_streak_follows_the_company_merger(self):
        """A model recognised in 2025 in the former province and renewed after
        the takeover lands in the merged province's 2026 campaign and counts
        two consecutive years there."""
        with freeze_time("2025-02-10"):
            c2025 = self._open_campaign(2025)
            m2025 = self._proposed(campaign_id=c2025.id, name="Dân vận khéo hai năm")
            self.env["dvk.decision"].with_user(self.user_officer).create(
                {
                    "campaign_id": c2025.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.commune.id,
                    "date": D(2025, 10, 10),
                    "line_ids": [Command.create({"model_id": m2025.id})],
                }
            ).action_confirm()
        self.assertEqual(m2025.consecutive_years, 1)
        self._take_over(self.campaign)
        m2026 = self.env["dvk.model"].browse(
            m2025.with_user(self.user_staff).action_renew()["res_id"]
        )
        self.assertEqual(m2026.campaign_id, self.campaign_b)
        self.assertEqual(m2026.company_id, self.company_b)
        # The renewal states its timeline in its new year (seed 001 §4).
        m2026.write({"date_start": D(2026, 2, 1), "date_end": D(2026, 11, 30)})
        m2026.action_submit()
        m2026.with_user(self.user_approver).action_approve()
        self._self_assess(m2026)
        m2026.with_user(self.user_officer).action_propose(self.level_grassroots)
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": self.campaign_b.id,
                    "company_id": self.company_b.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.commune.id,
                    "date": D(2026, 10, 10),
                    "line_ids": [Command.create({"model_id": m2026.id})],
                }
            )
        )
        decision.action_confirm()
        self.assertEqual(m2026.state, "recognized")
        self.assertEqual(m2026.consecutive_years, 2)

    def test_draft_decision_blocks_the_takeover(self):
        """A proposed registration on a draft decision of the former campaign
        is decided there (or the draft cancelled) before the takeover."""
        proposed = self._proposed(name="Dân vận khéo trên dự thảo")
        self._decision(proposed)
        with self.assertRaisesRegex(UserError, "draft decision"):
            self._take_over(self.campaign)
        self.assertEqual(proposed.campaign_id, self.campaign)

    def test_takeover_checks(self):
        """Only a DVK manager lets a campaign take others over, of its own
        guidance and year, once."""
        with self.assertRaises(AccessError):
            self._take_over(self.campaign, user=self.user_officer)
        c2025 = self._open_campaign(2025)
        with self.assertRaisesRegex(UserError, "another guidance or year"):
            self._take_over(c2025)
        self._take_over(self.campaign)
        with self.assertRaisesRegex(UserError, "already taken over"):
            self._take_over(self.campaign)

    def test_takeover_queries_do_not_grow(self):
        """Taking over a campaign with six registrations costs the same
        queries as one with two."""
        shared = self.env["hr.department"].create(
            {
                "name": "Đảng ủy xã dùng chung",
                "company_id": False,
                "dvk_level_id": self.level_grassroots.id,
            }
        )

        def campaign_with(count, name):
            company = self.env["res.company"].create({"name": name})
            self.user_manager.company_ids = [Command.link(company.id)]
            campaign = self._company_campaign(company, 2026)
            self.env["dvk.model"].create(
                [
                    self._model_vals(
                        name=f"{name} {i}",
                        campaign_id=campaign.id,
                        company_id=company.id,
                        department_id=shared.id,
                    )
                    for i in range(count)
                ]
            )
            return campaign

        small = campaign_with(2, "Tỉnh Nhỏ")
        large = campaign_with(6, "Tỉnh Lớn")
        assert_same_queries(
            self,
            lambda: self._take_over(small, move_units=False),
            lambda: self._take_over(large, move_units=False),
        )
        self.assertEqual(self.campaign_b.model_count, 8)
