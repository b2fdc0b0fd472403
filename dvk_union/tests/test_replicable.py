"""Seed 004 §III.3.b: an individual exemplar "trực tiếp vận động CĐCS xây
dựng, thực hiện được một hoặc một số mô hình ... đã được công nhận hoặc có
thể nhân ra diện rộng (phạm vi CĐCS, huyện, toàn tỉnh, ngành hoặc toàn
quốc)": a model recognised, or one the DVK officer in charge finds
replicable within such a scope, with the reason, counts."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import DvkUnionCommon

CRITERION = "dvk_union.criterion_union_exemplar_individual_b"


@tagged("post_install", "-at_install")
@freeze_time("2026-09-15")
class TestUnionReplicableModel(DvkUnionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_sector_officer = new_test_user(
            cls.env, login="un_sofficer", groups="dvk_models.group_dvk_officer"
        )
        cls.user_sector_officer.dvk_department_ids = cls.sector

    def _person_model(self, **kw):
        vals = {
            "subject_type": "individual",
            "employee_id": self.worker.id,
            "name": "Vận động công nhân gia nhập công đoàn",
            "union_reach": "base",
        }
        vals.update(kw)
        return self._model(self.base_group, **vals)

    def _criterion_ok(self, year=2026):
        items = self.env["dvk.eligibility"]._items(
            [
                (
                    "key",
                    "individual",
                    year,
                    self.worker,
                    self.base_group,
                    self.env["dvk.model"],
                )
            ]
        )
        return self.env.ref(CRITERION)._evaluate(items)["key"][0]

    def _mark(self, model, scope="district", reason="Nhân rộng ra các CĐCS khác"):
        wizard = (
            self.env["dvk.union.replicable.wizard"]
            .with_user(self.user_officer)
            .create({"model_id": model.id, "scope": scope, "reason": reason})
        )
        return wizard.action_confirm()

    def test_replicable_model_counts_as_recognised(self):
        """Rule: §III.3.b — an approved, not yet recognised model of the
        person counts once the officer finds it replicable within the
        district (with the reason); before that it does not."""
        model = self._person_model()
        model.with_user(self.user_officer).action_submit()
        model.with_user(model.approver_id).action_approve()
        self.assertFalse(self._criterion_ok())
        self._mark(model)
        self.assertEqual(model.union_replicable_scope, "district")
        self.assertEqual(model.union_replicable_user_id, self.user_officer)
        self.assertTrue(self._criterion_ok())
        # The finding counts for the model's year only.
        self.assertFalse(self._criterion_ok(year=2027))
        # Withdrawn (scope empty, with a reason), it no longer counts.
        self._mark(model, scope=False, reason="Không còn khả năng nhân rộng")
        self.assertFalse(model.union_replicable_scope)
        self.assertFalse(self._criterion_ok())

    def test_only_the_officer_in_charge_with_a_reason(self):
        """Rule: §III.3.b — the finding is the officer's: the registrant, an
        officer of another branch of the tree, a draft model or a missing
        reason are refused; a direct write of the fields too. The finding is
        tracked in the model's history."""
        draft = self._person_model(name="Bản nháp")
        self.assertFalse(draft.with_user(self.user_officer).union_can_mark_replicable)
        with self.assertRaises(UserError):
            self._mark(draft)
        model = self._person_model()
        model.with_user(self.user_officer).action_submit()
        model.with_user(model.approver_id).action_approve()
        self.assertTrue(model.with_user(self.user_officer).union_can_mark_replicable)
        self.assertFalse(
            model.with_user(self.user_sector_officer).union_can_mark_replicable
        )
        with self.assertRaises(UserError):
            model.with_user(self.user_sector_officer)._dvk_union_set_replicable(
                "district", "Lý do"
            )
        with self.assertRaises(UserError):
            model.with_user(self.user_base)._dvk_union_set_replicable(
                "district", "Lý do"
            )
        with self.assertRaises(ValidationError):
            self._mark(model, reason="  ")
        with self.assertRaises(UserError):
            model.with_user(self.user_officer).write(
                {"union_replicable_scope": "province"}
            )
        self.assertFalse(model.union_replicable_scope)
        model = model.with_context(tracking_disable=False, mail_notrack=False)
        model.with_user(self.user_officer)._dvk_union_set_replicable(
            "sector", "Nhân rộng trong ngành"
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        # sudo: the test reads the history as a whole
        tracked = model.sudo().message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "union_replicable_scope"
        )
        self.assertEqual(len(tracked), 1)

    def test_recognised_model_still_counts(self):
        """Rule: §III.3.b — either counts: a model recognised in the year is
        enough without any finding of replicability."""
        self._title(self.title_dvxs, employee=self.worker)
        model = self._ready(
            self.base_group,
            "base",
            subject_type="individual",
            employee_id=self.worker.id,
            name="Tết sum vầy",
        )
        model.with_user(self.user_officer).action_propose()
        self.env["dvk.decision"].create(
            {
                "campaign_id": self.campaign.id,
                "level_id": self.level_grassroots.id,
                "authority_department_id": self.base.id,
                "date": "2026-09-15",
                "line_ids": [(0, 0, {"model_id": model.id})],
            }
        ).action_confirm()
        self.assertEqual(model.state, "recognized")
        self.assertFalse(model.union_replicable_scope)
        self.assertTrue(self._criterion_ok())
