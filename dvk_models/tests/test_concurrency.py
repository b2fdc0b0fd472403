"""Concurrent approvals, decision numbers and confirmations, with two real
transactions (RELIABILITY.md A8 and (b) 22, 26).

These tests commit their data in the test database (a TransactionCase cannot
show two transactions at once) and delete it again in a cleanup.
"""

import datetime
import os
import time

from psycopg2.errors import LockNotAvailable, SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.exceptions import LockError, UserError
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.sql_db import Cursor
from odoo.tests import new_test_user, tagged
from odoo.tests.common import BaseCase, get_db_name
from odoo.tools import mute_logger

from .common import CAMPAIGN_BASIS

YEAR = 2190  # far from any real campaign of the database


@tagged("post_install", "-at_install")
class TestConcurrency(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def setUp(self):
        super().setUp()
        try:
            with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
                real = isinstance(cr1, Cursor) and isinstance(cr2, Cursor)
                cr1.execute("SHOW transaction_isolation")
                isolation = cr1.fetchone()[0]
                cr2.execute("SELECT 1")
        except Exception as error:  # noqa: BLE001 -- any failure means "cannot"
            self.skipTest(f"cannot open two cursors on the database: {error}")
        if not real:
            self.skipTest("the registry is in test mode: cursors are not concurrent")
        if isolation != "repeatable read":
            self.skipTest(f"transactions are {isolation}, not repeatable read")
        self.tag = f"{os.getpid()}{int(time.time() * 1000) % 100000000}"
        self.ids = {}
        self.addCleanup(self._cleanup)
        with self.registry.cursor() as cr:
            self._setup_data(api.Environment(cr, SUPERUSER_ID, {}))

    # ------------------------------------------------------------------
    # Committed data and its cleanup
    # ------------------------------------------------------------------
    def _setup_data(self, env):
        env = env(context={"tracking_disable": True, "mail_create_nolog": True})
        approver = new_test_user(
            env, login=f"dvk_conc_appr_{self.tag}", groups="dvk_models.group_dvk_user"
        )
        manager = new_test_user(
            env, login=f"dvk_conc_mgr_{self.tag}", groups="dvk_models.group_dvk_manager"
        )
        level = env.ref("dvk_models.dvk_level_grassroots")
        unit = env["hr.department"].create(
            {
                "name": f"Đảng ủy xã Thử {self.tag}",
                "dvk_level_id": level.id,
                "dvk_approver_id": approver.id,
                "dvk_decision_symbol": f"T{self.tag}",
            }
        )
        manager.dvk_department_ids = unit
        # Two officers of the unit, for the concurrent confirmations.
        officers = env["res.users"]
        for index in (1, 2):
            officer = new_test_user(
                env,
                login=f"dvk_conc_off{index}_{self.tag}",
                groups="dvk_models.group_dvk_officer",
            )
            officer.dvk_department_ids = unit
            officers |= officer
        campaign = env["dvk.campaign"].create(
            {
                "name": f"Dân vận khéo {YEAR} {self.tag}",
                "year": YEAR,
                "legal_basis": CAMPAIGN_BASIS,
                "date_start": datetime.date(YEAR, 1, 1),
                "date_end": datetime.date(YEAR, 12, 31),
                "registration_deadline": datetime.date(YEAR, 3, 29),
                "recognition_deadline": datetime.date(YEAR, 10, 14),
            }
        )
        campaign.write({"state": "open"})  # superuser: set-up only
        base = {
            "campaign_id": campaign.id,
            "department_id": unit.id,
            "field_id": env.ref("dvk_models.dvk_field_kt").id,
            "approver_id": approver.id,
        }
        submitted = env["dvk.model"].create(
            dict(base, name=f"Mô hình đồng thời {self.tag}", state="submitted")
        )
        proposed = env["dvk.model"].create(
            [
                dict(
                    base,
                    name=f"Mô hình đề nghị {i} {self.tag}",
                    state="proposed",
                    proposal_level_id=level.id,
                )
                for i in range(3)
            ]
        )
        # Two decisions on two models, and two drafts naming the same model.
        decisions = env["dvk.decision"].create(
            [
                {
                    "campaign_id": campaign.id,
                    "level_id": level.id,
                    "authority_department_id": unit.id,
                    "date": datetime.date(YEAR, 10, 10),
                    "line_ids": [(0, 0, {"model_id": model.id})],
                }
                for model in proposed[:2] + proposed[2] + proposed[2]
            ]
        )
        users = approver | manager | officers
        self.ids = {
            "users": users.ids,
            "partners": users.partner_id.ids,
            "approver": approver.id,
            "manager": manager.id,
            "officer1": officers[0].id,
            "officer2": officers[1].id,
            "unit": unit.id,
            "campaign": campaign.id,
            "submitted": submitted.id,
            "models": (submitted | proposed).ids,
            "shared": proposed[2].id,
            "decisions": decisions.ids,
        }

    def _cleanup(self):
        if not self.ids:
            return
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            decisions = env["dvk.decision"].browse(self.ids["decisions"]).exists()
            decisions.write({"state": "draft"})  # superuser: cleanup only
            decisions.unlink()
            models = env["dvk.model"].browse(self.ids["models"]).exists()
            env["mail.activity"].search(
                [("res_model", "=", "dvk.model"), ("res_id", "in", models.ids)]
            ).unlink()
            models.write({"state": "draft"})  # superuser: cleanup only
            models.unlink()  # also removes their messages
            campaign = env["dvk.campaign"].browse(self.ids["campaign"]).exists()
            campaign.write({"state": "draft"})  # superuser: cleanup only
            campaign.unlink()
            env["dvk.decision.counter"].search(
                [("authority_department_id", "=", self.ids["unit"])]
            ).unlink()
            env["hr.department"].browse(self.ids["unit"]).exists().unlink()
            users = env["res.users"].browse(self.ids["users"]).exists()
            users.unlink()
            env["res.partner"].browse(self.ids["partners"]).exists().unlink()

    def _env(self, cr, key):
        return api.Environment(cr, self.ids[key], {})

    def _approval_messages(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env["mail.message"].search_count(
                [
                    ("model", "=", "dvk.model"),
                    ("res_id", "=", self.ids["submitted"]),
                    ("body", "ilike", "Registration approved by"),
                ]
            )

    # ------------------------------------------------------------------
    # (b) 26: two approvers at once
    # ------------------------------------------------------------------
    def test_concurrent_approval_lock(self):
        """RELIABILITY (b) 26, A8: while the approver's transaction holds the
        model, a manager approving it at the same time gets LockError; once
        the first commits, the retry gets UserError (state guard) and there
        is exactly one approval in the chatter."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self._env(cr1, "approver")["dvk.model"].browse(
                self.ids["submitted"]
            )
            second = self._env(cr2, "manager")["dvk.model"].browse(
                self.ids["submitted"]
            )
            self.assertEqual(second.state, "submitted")
            first.action_approve()
            with self.assertRaises(LockError):
                second.action_approve()
            cr2.rollback()
            cr1.commit()
            second.env.invalidate_all()
            with self.assertRaisesRegex(UserError, "cannot be approved from the state"):
                second.action_approve()
            cr2.rollback()
            second.env.invalidate_all()
            self.assertEqual(second.state, "approved")
        self.assertEqual(self._approval_messages(), 1)

    @mute_logger("odoo.sql_db")
    def test_concurrent_approval_stale_snapshot(self):
        """RELIABILITY (b) 26, A8: a manager whose transaction read the model
        before the approver committed gets SerializationFailure when
        approving it; the retry in a fresh transaction gets UserError and
        there is exactly one approval in the chatter."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self._env(cr1, "approver")["dvk.model"].browse(
                self.ids["submitted"]
            )
            second = self._env(cr2, "manager")["dvk.model"].browse(
                self.ids["submitted"]
            )
            # The manager's snapshot is taken before the approval commits.
            self.assertEqual(second.state, "submitted")
            first.action_approve()
            cr1.commit()
            with self.assertRaises(SerializationFailure):
                second.action_approve()
            cr2.rollback()
            second.env.invalidate_all()
            with self.assertRaisesRegex(UserError, "cannot be approved from the state"):
                second.action_approve()
            cr2.rollback()
        self.assertEqual(self._approval_messages(), 1)

    # ------------------------------------------------------------------
    # (b) 22: two decision numbers at once
    # ------------------------------------------------------------------
    def _confirm_envs(self, cr1, cr2, first_id, second_id):
        first = self._env(cr1, "officer1")["dvk.decision"].browse(first_id)
        second = self._env(cr2, "officer2")["dvk.decision"].browse(second_id)
        return first, second

    def _wait_briefly(self, cr):
        """The second transaction would wait for the first one; in a single
        test thread it gives up after a short lock timeout instead, with the
        same retryable error a timed-out RPC call gets."""
        cr.execute("SET LOCAL lock_timeout = '300ms'")

    def test_first_number_of_the_year_waits(self):
        """Decree 30/2020/NĐ-CP, RELIABILITY (b) 22, A8: while one officer
        draws the first number of the year of a unit, a second confirmation
        of the same unit waits (here: LockNotAvailable, which RPC retries);
        after the first commits, the retry draws 02, never a second 01."""
        decision_a, decision_b = self.ids["decisions"][:2]
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first, second = self._confirm_envs(cr1, cr2, decision_a, decision_b)
            first.action_confirm()
            self.assertEqual(first.name, f"01/QĐ-T{self.tag}")
            self._wait_briefly(cr2)
            with mute_logger("odoo.sql_db"), self.assertRaises(LockNotAvailable):
                second.action_confirm()
            cr2.rollback()
            cr1.commit()
            second.env.invalidate_all()
            self.assertEqual((second.state, second.name), ("draft", False))
            second.action_confirm()
            cr2.commit()
            first.env.invalidate_all()
            self.assertEqual(
                (first.name, second.name),
                (f"01/QĐ-T{self.tag}", f"02/QĐ-T{self.tag}"),
            )
            self.assertEqual(
                set(second.line_ids.model_id.mapped("state")), {"recognized"}
            )

    @mute_logger("odoo.sql_db", "odoo.service.model")
    def test_first_number_of_the_year_stale_snapshot_retried(self):
        """Decree 30/2020/NĐ-CP, RELIABILITY (b) 22, A8: an officer whose
        transaction started before another drew and committed the first
        number of the year gets a serialisation failure; Odoo's retrying()
        runs it again in a fresh transaction, which draws 02."""
        decision_a, decision_b = self.ids["decisions"][:2]
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first, second = self._confirm_envs(cr1, cr2, decision_a, decision_b)
            # The second officer's snapshot is taken before the first commits.
            self.assertEqual(second.state, "draft")
            first.action_confirm()
            cr1.commit()
            attempts = []

            def confirm():
                attempts.append(1)
                return second.action_confirm()

            retrying(confirm, second.env)
            self.assertEqual(len(attempts), 2)
            second.env.invalidate_all()
            self.assertEqual(second.name, f"02/QĐ-T{self.tag}")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            counter = env["dvk.decision.counter"].search(
                [("authority_department_id", "=", self.ids["unit"])]
            )
            self.assertRecordValues(counter, [{"year": YEAR, "last": 2}])

    # ------------------------------------------------------------------
    # (b) 26: two decisions recognising the same record at once
    # ------------------------------------------------------------------
    def _recognitions(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            model = env["dvk.model"].browse(self.ids["shared"])
            confirmed = env["dvk.decision"].search(
                [
                    ("id", "in", self.ids["decisions"]),
                    ("line_ids.model_id", "=", model.id),
                    ("state", "=", "confirmed"),
                ]
            )
            return model.state, len(confirmed)

    def test_shared_record_concurrent_confirmations(self):
        """RELIABILITY (b) 26, A8: two officers confirm two decisions naming
        the same model; the second waits for the first (LockNotAvailable
        here) and, once the first commits, its retry gets a clear UserError:
        the model is recognised by exactly one decision."""
        decision_c, decision_d = self.ids["decisions"][2:]
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first, second = self._confirm_envs(cr1, cr2, decision_c, decision_d)
            first.action_confirm()
            self._wait_briefly(cr2)
            with mute_logger("odoo.sql_db"), self.assertRaises(LockNotAvailable):
                second.action_confirm()
            cr2.rollback()
            cr1.commit()
            second.env.invalidate_all()
            with self.assertRaisesRegex(UserError, "not proposed"):
                second.action_confirm()
            cr2.rollback()
            second.env.invalidate_all()
            self.assertEqual((second.state, second.name), ("draft", False))
        self.assertEqual(self._recognitions(), ("recognized", 1))

    @mute_logger("odoo.sql_db", "odoo.service.model")
    def test_shared_record_stale_snapshot_retried(self):
        """RELIABILITY (b) 26, A8: an officer whose snapshot predates the
        other's committed confirmation gets a serialisation failure; the
        retry by retrying() ends in UserError, never in a second
        recognition."""
        decision_c, decision_d = self.ids["decisions"][2:]
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first, second = self._confirm_envs(cr1, cr2, decision_c, decision_d)
            self.assertEqual(second.line_ids.model_id.state, "proposed")
            first.action_confirm()
            cr1.commit()
            attempts = []

            def confirm():
                attempts.append(1)
                return second.action_confirm()

            with self.assertRaisesRegex(UserError, "not proposed"):
                retrying(confirm, second.env)
            self.assertEqual(len(attempts), 2)
            cr2.rollback()
        self.assertEqual(self._recognitions(), ("recognized", 1))

    # ------------------------------------------------------------------
    # (b) 27: two people saving the same score sheet at once
    # ------------------------------------------------------------------
    def _council_sheet(self):
        """A council sheet of officer 1 on the submitted model, committed."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            model = env["dvk.model"].browse(self.ids["submitted"])
            sheet = env["dvk.score.sheet"].create(
                {
                    "model_id": model.id,
                    "kind": "council",
                    "evaluator_id": self.ids["officer1"],
                    "criteria_set_id": model.criteria_set_id.id,
                }
            )
            return sheet.id

    def _scoring(self, env, sheet_id, score, part=slice(None)):
        """A complete scoring (or the ``part`` of its manual lines written so
        far), one line at a time as an RPC client saving line by line would."""
        sheet = env["dvk.score.sheet"].browse(sheet_id)
        manual = sheet.line_ids.filtered(lambda line: not line.is_auto)
        for line in manual[part]:
            line.write({"score": min(score, line.criterion_id.max_score)})
        return sheet

    def _saved_scores(self, sheet_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            sheet = env["dvk.score.sheet"].browse(sheet_id)
            manual = sheet.line_ids.filtered(lambda line: not line.is_auto)
            return (
                sheet.state,
                {(line.criterion_id.max_score, line.score) for line in manual},
            )

    def test_same_sheet_saved_twice_at_once(self):
        """RELIABILITY (b) 27: the evaluator and a manager score the same
        sheet at once. While the evaluator's scoring is half written, the
        manager scoring a line the evaluator has not reached yet waits for
        the evaluator (LockNotAvailable here, which RPC retries) instead of
        writing beside it; the retry scores the saved sheet, so every line
        ends with one complete scoring, never half of each."""
        sheet_id = self._council_sheet()
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            evaluator = self._env(cr1, "officer1")
            manager = self._env(cr2, "manager")
            self._scoring(evaluator, sheet_id, 1, part=slice(0, 1))
            sheet = manager["dvk.score.sheet"].browse(sheet_id)
            self.assertEqual(sheet.state, "draft")
            self._wait_briefly(cr2)
            last = sheet.line_ids.filtered(lambda line: not line.is_auto)[-1:]
            with mute_logger("odoo.sql_db"), self.assertRaises(LockNotAvailable):
                last.write({"score": 0})
            cr2.rollback()
            self._scoring(evaluator, sheet_id, 1, part=slice(1, None))
            cr1.commit()
            self.assertEqual(
                {score for _max, score in self._saved_scores(sheet_id)[1]}, {1}
            )
            manager.invalidate_all()
            self._scoring(manager, sheet_id, 0)
            cr2.commit()
        state, scores = self._saved_scores(sheet_id)
        self.assertEqual(state, "draft")
        self.assertEqual({score for _max, score in scores}, {0})

    @mute_logger("odoo.sql_db", "odoo.service.model")
    def test_sheet_saved_while_finished_is_refused(self):
        """RELIABILITY (b) 27: a manager whose transaction read the sheet
        before the evaluator finished it and committed gets a serialisation
        failure when scoring it; the retry by retrying() is refused as
        locked, so the finished sheet keeps the evaluator's complete
        scoring."""
        sheet_id = self._council_sheet()
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            evaluator = self._env(cr1, "officer1")
            manager = self._env(cr2, "manager")
            sheet = manager["dvk.score.sheet"].browse(sheet_id)
            self.assertEqual(sheet.state, "draft")  # the manager's snapshot
            self._scoring(evaluator, sheet_id, 1).action_done()
            cr1.commit()
            attempts = []

            def score():
                attempts.append(1)
                return self._scoring(manager, sheet_id, 0)

            with self.assertRaisesRegex(UserError, "finished score sheet is locked"):
                retrying(score, manager)
            self.assertEqual(len(attempts), 2)
            cr2.rollback()
        state, scores = self._saved_scores(sheet_id)
        self.assertEqual(state, "done")
        self.assertEqual({score for _max, score in scores}, {1})
