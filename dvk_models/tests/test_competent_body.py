"""Who may recognise (issue 24 item 2; seed 000 §II.1 step 4, seed 001 §3-4):
a decision at a level recognises a record only when issued by the committee
(or steering committee) of the record's own unit or of its nearest unit above
holding that level, found on the approval routing. A line naming another
record is refused when written and when the decision is issued; the pickers
and "Add Proposed Records" offer only what the issuing unit may recognise."""

import datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged, warmup

from .common import DvkCommon

# Adding the proposed records to a draft: measured 16 and 17 queries for
# 20 and 100 models (the competent bodies read once for the batch).
ADD_BUDGET = 20

SOURCE = "Hướng dẫn ngày 19/4/2021 của Ban Dân vận Tỉnh ủy"


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestCompetentBody(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        # A party cell of Hòa Lợi: no DVK level of its own.
        cls.cell = Department.create(
            {"name": "Chi bộ ấp Sóc Bưng", "parent_id": cls.commune.id}
        )
        # A second district of the province, with its own commune.
        cls.district_other = Department.create(
            {
                "name": "Huyện ủy Càng Long",
                "parent_id": cls.province.id,
                "dvk_level_id": cls.level_district.id,
                "dvk_decision_symbol": "HU",
            }
        )
        cls.user_officer.dvk_department_ids |= cls.district_other

    def _neighbour_proposed(self, name="Dân vận khéo ở Đa Lộc"):
        model = self._create_model(
            user=self.user_officer, department_id=self.commune_other.id, name=name
        )
        model.action_submit()
        model.with_user(self.user_district_head).action_approve()
        self._self_assess(model)
        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        return model

    def _cell_proposed(self, name="Dân vận khéo ở chi bộ ấp"):
        model = self._create_model(
            user=self.user_officer, department_id=self.cell.id, name=name
        )
        model.action_submit()
        model.with_user(self.user_approver).action_approve()
        self._self_assess(model)
        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        return model

    def _at_district(self, model):
        """``model`` recognised at grassroots by its commune, then proposed
        at district."""
        self._decision(model).action_confirm()
        model.with_user(self.user_officer).action_propose(self.level_district)
        return model

    def test_neighbour_commune_committee_refused(self):
        """Rule: seed 000 §II.1 step 4, seed 001 §3-4 — a commune's
        committee recognises the models of its own commune only: the
        neighbour commune's committee is refused on the line, naming the
        competent body and citing the rule."""
        model = self._proposed()
        with self.assertRaises(UserError) as capture:
            self._decision(model, authority=self.commune_other)
        message = str(capture.exception)
        self.assertIn(self.commune.name, message)
        self.assertIn(self.commune_other.name, message)
        self.assertIn(SOURCE, message)
        self.assertFalse(
            self.env["dvk.decision.line"].search([("model_id", "=", model.id)])
        )

    def test_own_commune_and_nearest_unit_at_level_accepted(self):
        """Rule: seed 000 §II.1 step 4 — the committee of the record's own
        unit (Hòa Lợi for its model) or of its nearest unit above holding the
        level (Hòa Lợi for the model of its party cell, which has no level)
        recognises it."""
        own = self._proposed()
        cell = self._cell_proposed()
        decision = self._decision(own | cell)
        decision.action_confirm()
        self.assertEqual(set((own | cell).mapped("state")), {"recognized"})
        other = self._cell_proposed("Chi bộ ấp - mô hình thứ hai")
        with self.assertRaises(UserError):
            self._decision(other, authority=self.commune_other)

    def test_district_level_by_the_records_district_only(self):
        """Rule: seed 001 §3 — at district level, the committee of the
        district above the record's unit recognises it; another district's
        committee is refused, and the steering committee of the record's
        district is accepted."""
        model = self._at_district(self._proposed())
        with self.assertRaises(UserError) as capture:
            self._decision(
                model, level=self.level_district, authority=self.district_other
            )
        self.assertIn(self.district.name, str(capture.exception))
        board = self.env["hr.department"].create(
            {
                "name": "Ban Chỉ đạo huyện Châu Thành",
                "parent_id": self.district.id,
                "dvk_level_id": self.level_district.id,
                "dvk_is_steering_committee": True,
                "dvk_decision_symbol": "BCĐ",
            }
        )
        decision = self._decision(model, level=self.level_district, authority=board)
        decision.action_confirm()
        self.assertEqual(model.recognized_level_id, self.level_district)

    def test_issue_checks_the_issuer_again(self):
        """Rule: seed 000 §II.1 step 4 — issuing checks each line against the
        issuing unit once more: a draft whose issuer was changed to the
        neighbour commune after its lines were written is refused."""
        model = self._proposed()
        decision = self._decision(model)
        decision.authority_department_id = self.commune_other
        with self.assertRaises(UserError) as capture:
            decision.action_confirm()
        self.assertIn(self.commune.name, str(capture.exception))
        self.assertEqual(model.state, "proposed")

    def test_pickers_offer_what_the_issuer_may_recognise(self):
        """Rule: seed 000 §II.1 step 4 — the line pickers and "Add Proposed
        Records" offer the records the issuing unit may recognise: Hòa Lợi's
        to Hòa Lợi, Đa Lộc's to Đa Lộc; the Add button hides when there is
        none."""
        own = self._proposed()
        neighbour = self._neighbour_proposed()
        Decision = self.env["dvk.decision"].with_user(self.user_officer)
        vals = {
            "campaign_id": self.campaign.id,
            "level_id": self.level_grassroots.id,
            "date": datetime.date(2026, 10, 10),
        }
        hoa_loi = Decision.create({**vals, "authority_department_id": self.commune.id})
        da_loc = Decision.create(
            {**vals, "authority_department_id": self.commune_other.id}
        )
        self.assertEqual(hoa_loi.dvk_candidate_model_ids, own)
        self.assertEqual(da_loc.dvk_candidate_model_ids, neighbour)
        hoa_loi.action_add_proposed()
        da_loc.action_add_proposed()
        self.assertEqual(hoa_loi.line_ids.model_id, own)
        self.assertEqual(da_loc.line_ids.model_id, neighbour)
        district = Decision.create(
            {
                **vals,
                "level_id": self.level_district.id,
                "authority_department_id": self.district.id,
            }
        )
        self.assertFalse(district.dvk_candidate_model_ids)
        self.assertFalse(district.dvk_candidate_exemplar_ids)

    @warmup
    def test_adding_many_lines_query_count(self):
        """Rule: DESIGN §4 — filling a draft with 20 or 100 proposed models
        (each checked against its competent body) stays under the same query
        budget."""
        for size in (20, 100):
            models = (
                self.env["dvk.model"]
                .with_user(self.user_staff)
                .create(
                    [self._model_vals(name=f"Mô hình {size}-{i}") for i in range(size)]
                )
            )
            models.action_submit()
            models.with_user(self.user_approver).action_approve()
            self._self_assess(models)
            models.with_user(self.user_officer).action_propose(self.level_grassroots)
            decision = (
                self.env["dvk.decision"]
                .with_user(self.user_officer)
                .create(
                    {
                        "campaign_id": self.campaign.id,
                        "level_id": self.level_grassroots.id,
                        "authority_department_id": self.commune.id,
                        "date": datetime.date(2026, 10, 10),
                    }
                )
            )
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(ADD_BUDGET):
                decision.action_add_proposed()
            # The models of the earlier batch stay on their draft.
            self.assertEqual(decision.line_ids.model_id, models)
