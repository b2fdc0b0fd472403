"""Unit mergers and splits (2025 restructuring): the former units are archived
with their successors; records under way move; decided records and decisions
keep their historical issuer; streaks, replication counts and the officers'
scopes follow the lineage."""

import datetime

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, freeze_time, new_test_user, tagged

from .common import DvkCommon, assert_same_queries

D = datetime.date


@tagged("post_install", "-at_install")
class TestUnitLineage(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.merged = cls.env["hr.department"].create(
            {
                "name": "Đảng ủy xã Hòa Lợi mới",
                "parent_id": cls.district.id,
                "dvk_level_id": cls.level_grassroots.id,
                "dvk_approver_id": cls.user_approver.id,
                "dvk_decision_symbol": "BCĐX",
            }
        )
        cls.officer_merged = new_test_user(
            cls.env,
            login="dvk_officer_merged",
            groups="dvk_models.group_dvk_officer",
            name="Lý Văn Kế",
        )
        cls.officer_merged.dvk_department_ids = cls.merged

    def _recognise(self, model, authority):
        """Approve (when submitted), propose at grassroots and recognise
        ``model`` by a confirmed decision of ``authority`` dated today."""
        if model.state == "draft":
            # A renewal states its timeline in its new year (seed 001 §4).
            campaign = model.campaign_id
            if not model.date_start:
                model.write(
                    {"date_start": campaign.date_start, "date_end": campaign.date_end}
                )
            model.action_submit()
        if model.state == "submitted":
            model.with_user(self.user_approver).action_approve()
            self._self_assess(model)
        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": model.campaign_id.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": authority.id,
                    "date": datetime.date.today(),
                    "line_ids": [Command.create({"model_id": model.id})],
                }
            )
        )
        decision.action_confirm()
        return decision

    def _merge(self, sources, successor=None, date=None, **kw):
        vals = {
            "mode": "merge",
            "date": date or D(2025, 7, 1),
            "source_ids": [Command.set(sources.ids)],
            **kw,
        }
        if successor:
            vals["successor_id"] = successor.id
        wizard = (
            self.env["dvk.unit.lineage.wizard"]
            .with_user(self.user_manager)
            .create(vals)
        )
        wizard.action_apply()
        return wizard

    def test_merger_keeps_streak_and_issued_decisions(self):
        """Issue 11: a model recognised in 2024 and 2025 in a unit merged on
        1/7/2025, renewed in 2026 in the merged unit, counts three consecutive
        years; the decisions already issued keep their issuer, number and
        records; the former unit is archived with its successor."""
        c2024 = self._open_campaign(2024)
        self._open_campaign(2025)
        with freeze_time("2024-02-10"):
            m2024 = self._create_model(campaign_id=c2024.id)
            d2024 = self._recognise(m2024, self.commune)
        with freeze_time("2025-02-10"):
            m2025 = self.env["dvk.model"].browse(
                m2024.with_user(self.user_staff).action_renew()["res_id"]
            )
            d2025 = self._recognise(m2025, self.commune)
        number = d2025.name
        with freeze_time("2025-07-01"):
            self._merge(self.commune | self.commune_other, self.merged)
        self.assertFalse(self.commune.active)
        self.assertEqual(self.commune.dvk_successor_ids, self.merged)
        self.assertEqual(self.commune.dvk_lineage_date, D(2025, 7, 1))
        self.assertEqual(self.emp_staff.department_id, self.merged)
        # Decided records and decisions keep their historical unit.
        self.assertEqual(m2025.department_id, self.commune)
        self.assertEqual(d2025.authority_department_id, self.commune)
        self.assertEqual(d2025.name, number)
        self.assertEqual(d2025.state, "confirmed")
        self.assertEqual(d2024.line_ids.model_id, m2024)
        with freeze_time("2026-02-10"):
            m2026 = self.env["dvk.model"].browse(
                m2025.with_user(self.user_staff).action_renew()["res_id"]
            )
            self.assertEqual(m2026.department_id, self.merged)
            self._recognise(m2026, self.merged)
        self.assertEqual(m2026.state, "recognized")
        self.assertEqual(m2026.consecutive_years, 3)
        self.assertEqual(
            self.merged.dvk_formerly, "formerly Đảng ủy xã Hòa Lợi, Đảng ủy xã Đa Lộc"
        )
        self.assertEqual(
            self.merged._dvk_name_with_formerly(),
            "Đảng ủy xã Hòa Lợi mới (formerly Đảng ủy xã Hòa Lợi, Đảng ủy xã Đa Lộc)",
        )

    def test_merger_moves_open_records_with_a_note(self):
        """Records under way (draft to proposed) move to the successor with a
        line in their history; a recognised one stays; replications keep
        counting."""
        draft = self._create_model(name="Dân vận khéo nháp")
        approved = self._approved(name="Dân vận khéo đã duyệt")
        recognised = self._proposed(name="Dân vận khéo đã công nhận")
        self._decision(recognised).action_confirm()
        replica = self.env["dvk.model"].create(
            self._model_vals(
                name="Dân vận khéo nhân rộng",
                department_id=self.commune_other.id,
                replicated_from_id=approved.id,
            )
        )
        self._merge(self.commune | self.commune_other, self.merged)
        moved = self.env["dvk.model"].browse((draft | approved | replica).ids)
        for model in moved:
            self.assertEqual(model.department_id, self.merged)
            self.assertIn(
                "became Đảng ủy xã Hòa Lợi mới on 01/07/2025",
                model.message_ids[:1].body,
            )
        self.assertEqual(approved.state, "approved")
        self.assertEqual(recognised.department_id, self.commune)
        self.assertEqual(approved.replication_count, 1)
        self.assertIn("Took over", self.merged.message_ids[:1].body)

    def test_merger_extends_officer_scope_to_history(self):
        """The officers' scope includes the units their units took over: an
        officer of the merged unit reads the former unit's recognised model;
        before the merger he could not."""
        recognised = self._proposed(name="Dân vận khéo lịch sử")
        self._decision(recognised).action_confirm()
        Model = self.env["dvk.model"].with_user(self.officer_merged)
        self.assertFalse(Model.search([("id", "=", recognised.id)]))
        self.assertNotIn(self.commune, self.officer_merged._dvk_scope_units())
        self._merge(self.commune, self.merged)
        self.assertEqual(Model.search([("id", "=", recognised.id)]), recognised)
        self.assertIn(self.commune, self.officer_merged._dvk_scope_units())
        self.assertIn(self.commune, self.officer_merged.dvk_scope_department_ids)

    def test_merger_into_a_new_unit(self):
        """Without a successor the wizard creates the merged unit under the
        first former unit's parent, at its level."""
        wizard = self._merge(
            self.commune | self.commune_other, new_unit_name="Đảng ủy xã Hòa Đa"
        )
        new = self.commune.dvk_successor_ids
        self.assertEqual(new.name, "Đảng ủy xã Hòa Đa")
        self.assertEqual(new.parent_id, self.district)
        self.assertEqual(new.dvk_level_id, self.level_grassroots)
        self.assertEqual(new.dvk_predecessor_ids, self.commune | self.commune_other)
        self.assertTrue(wizard.exists())

    def test_merger_refuses_a_double_registration(self):
        """Two former units registered the same model in the campaign: the
        merger would register it twice in the successor, so it is refused."""
        self._create_model(name="Dân vận khéo trùng")
        self.env["dvk.model"].create(
            self._model_vals(name="Dân vận khéo trùng", department_id=self.merged.id)
        )
        with self.assertRaisesRegex(UserError, "registered by both"):
            self._merge(self.commune, self.merged)
        self.assertTrue(self.commune.active)

    def test_only_managers_merge(self):
        """The merger wizard is for DVK managers only."""
        with self.assertRaises(AccessError):
            self.env["dvk.unit.lineage.wizard"].with_user(self.user_officer).create(
                {"source_ids": [Command.set(self.commune.ids)]}
            )

    def test_split_shares_out_open_records_by_choice(self):
        """A split starts every model under way with the first new unit; the
        user sends each where it belongs, and decided ones stay."""
        first = self._create_model(name="Dân vận khéo thứ nhất")
        second = self._approved(name="Dân vận khéo thứ hai")
        other = self.env["hr.department"].create(
            {
                "name": "Đảng ủy xã Hòa Lợi B",
                "parent_id": self.district.id,
                "dvk_level_id": self.level_grassroots.id,
            }
        )
        Wizard = self.env["dvk.unit.lineage.wizard"].with_user(self.user_manager)
        with Form(Wizard) as form:
            form.mode = "split"
            form.date = D(2025, 7, 1)
            form.source_ids.add(self.commune)
            form.successor_ids.add(self.merged)
            form.successor_ids.add(other)
            self.assertEqual(len(form.line_ids), 2)
            for index in range(2):
                with form.line_ids.edit(index) as line:
                    self.assertEqual(line.successor_id, self.merged)
                    if line.model_id == second:
                        line.successor_id = other
        form.record.action_apply()
        self.assertEqual(first.department_id, self.merged)
        self.assertEqual(second.department_id, other)
        self.assertEqual(self.commune.dvk_successor_ids, self.merged | other)
        self.assertFalse(self.commune.active)

    def _approval_activities(self, models_):
        activity_type = self.env.ref("dvk_models.mail_activity_type_dvk_approval")
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "dvk.model"),
                ("res_id", "in", models_.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )

    def _unit_with_approver(self, name, login):
        approver = new_test_user(
            self.env, login=login, groups="dvk_models.group_dvk_user", name=name
        )
        unit = self.env["hr.department"].create(
            {
                "name": f"Đảng ủy {name}",
                "parent_id": self.district.id,
                "dvk_level_id": self.level_grassroots.id,
                "dvk_approver_id": approver.id,
            }
        )
        return unit, approver

    def test_merger_hands_approvals_to_the_successor_approver(self):
        """Issue 11: a submitted registration moved by a merger, whose DVK
        approval activity waits on the former unit's approver, goes with its
        activity to the approver of the successor, with a line in its
        history; the former approver can no longer decide it, the new one
        can. An activity already handed to someone else stays with them."""
        successor, new_approver = self._unit_with_approver(
            "xã Hòa Lợi mới", "dvk_appr_new"
        )
        waiting = self._submitted(name="Dân vận khéo chờ duyệt")
        handed = self._submitted(name="Dân vận khéo đã giao người khác")
        self.assertEqual(waiting.approver_id, self.user_approver)
        self._approval_activities(handed).user_id = self.user_district_head
        self._merge(self.commune, successor)
        self.assertEqual(waiting.approver_id, new_approver)
        self.assertEqual(self._approval_activities(waiting).user_id, new_approver)
        self.assertEqual(
            self._approval_activities(handed).user_id, self.user_district_head
        )
        self.assertIn(
            "Its approval passes from Nguyễn Văn Duyệt to xã Hòa Lợi mới, approver "
            "of Đảng ủy xã Hòa Lợi mới.",
            waiting.message_ids[:1].body,
        )
        self.assertIn(
            new_approver.partner_id,
            waiting.message_ids[:1].notification_ids.res_partner_id,
        )
        with self.assertRaisesRegex(UserError, "awaiting the decision"):
            waiting.with_user(self.user_approver).action_approve()
        waiting.with_user(new_approver).action_approve()
        self.assertEqual(waiting.state, "approved")
        self.assertFalse(self._approval_activities(waiting))

    def test_merger_hands_approvals_over_in_batch(self):
        """Handing the approvals over is a batch: six submitted registrations
        cost the same queries as two."""
        successor, _approver = self._unit_with_approver("xã Mới", "dvk_appr_batch")

        def unit_with(count, name):
            unit = self.env["hr.department"].create(
                {
                    "name": name,
                    "parent_id": self.district.id,
                    "dvk_level_id": self.level_grassroots.id,
                    "dvk_approver_id": self.user_approver.id,
                }
            )
            models_ = (
                self.env["dvk.model"]
                .with_user(self.user_officer)
                .create(
                    [
                        self._model_vals(name=f"{name} {i}", department_id=unit.id)
                        for i in range(count)
                    ]
                )
            )
            models_.action_submit()
            return unit, models_

        small, small_models = unit_with(2, "Xã Nhỏ")
        large, large_models = unit_with(6, "Xã Lớn")
        assert_same_queries(
            self,
            lambda: self._merge(small, successor),
            lambda: self._merge(large, successor),
        )
        self.assertEqual((small_models | large_models).mapped("approver_id"), _approver)

    def test_merger_queries_do_not_grow(self):
        """Moving the records under way is a batch: merging a unit with six
        models costs the same queries as one with two."""

        def unit_with(count, name):
            unit = self.env["hr.department"].create(
                {
                    "name": name,
                    "parent_id": self.district.id,
                    "dvk_level_id": self.level_grassroots.id,
                }
            )
            self.env["dvk.model"].with_user(self.user_officer).create(
                [
                    self._model_vals(name=f"{name} {i}", department_id=unit.id)
                    for i in range(count)
                ]
            )
            return unit

        small = unit_with(2, "Xã Nhỏ")
        large = unit_with(6, "Xã Lớn")
        assert_same_queries(
            self,
            lambda: self._merge(small, self.merged),
            lambda: self._merge(large, self.merged),
        )
        self.assertEqual(len(self.merged.dvk_predecessor_ids), 2)
