"""Batch workflow actions keep a query count that does not grow with the
number of records (DESIGN §4, RELIABILITY (b) 33)."""

import datetime

from lxml import etree

from odoo.tests import freeze_time, tagged, warmup

from .common import DvkCommon

# Budgets measured on Odoo 19.0 with tracking enabled (as in production),
# with a small margin; the same budget holds for the small and the large batch.
# No query is made per record; what remains grows only with the ORM's own
# batching (one INSERT or UPDATE per 100 rows and table).
# The notifications read each recipient's preference (inbox or email) once;
# the note of an action and its tracked values are one message per record,
# and the registrant of many models gets one notice for all of them.
APPROVE_BUDGET = 37  # measured: 20 models -> 30, 200 -> 34
# One approval activity per model, created at once, and one notice per
# approver (issue 12); the approvers of the units are read at once.
# measured: 20 models -> 52, 200 -> 63 (the required registration fields
# of the profile are read once per batch: +4, whatever the number of models)
SUBMIT_BUDGET = 66
# measured with all four addons: 20 lines -> 46, 500 -> 72 (the officer's
# scope read once through the unit lineage, whatever the lines; the
# registrants told of the recognition, one notice each, add 11 either way;
# the recognition deadline of the decision's level, recorded on the decision,
# and the levels the profile's council judges add 3 either way).
CONFIRM_BUDGET = 78
# The officer's list page and pivot (issue 12): measured 11 and 5 queries
# for 100 and for 300 models.
LIST_BUDGET = 12
PIVOT_BUDGET = 6


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestPerformance(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Measure with the chatter tracking that users get, not the test
        # shortcut that disables it.
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=False, mail_notrack=False)
        )

    def _submitted_batch(self, size):
        """``size`` models registered by the staff member and submitted in one
        call, each with its approval activity."""
        models = (
            self.env["dvk.model"]
            .with_user(self.user_staff)
            .create([self._model_vals(name=f"Mô hình {size}-{i}") for i in range(size)])
        )
        models.action_submit()
        return models.with_env(self.env)

    def _proposed_batch(self, size):
        models = self._submitted_batch(size)
        models.with_user(self.user_approver).action_approve()
        self._self_assess(models)
        models.with_user(self.user_officer).action_propose(self.level_grassroots)
        return models

    def _measure_ready(self):
        """Flush and empty the record cache before a measured call, so that
        the small and the large batch start from the same state."""
        self.env.flush_all()
        self.env.cr.flush()
        self.env.invalidate_all()

    @warmup
    def test_batch_submission_query_count(self):
        """Issue 12, DESIGN §4: submitting 20 or 200 models in one call
        (state, chatter, tracking, one approval activity per model, one notice
        to the approver) stays under the same query budget."""
        for size in (20, 200):
            models = (
                self.env["dvk.model"]
                .with_user(self.user_staff)
                .create([self._model_vals(name=f"Nộp {size}-{i}") for i in range(size)])
            )
            self._measure_ready()
            with self.assertQueryCount(SUBMIT_BUDGET):
                models.action_submit()
            models = models.with_env(self.env)
            self.assertEqual(set(models.mapped("state")), {"submitted"})
            self.assertEqual(len(models.activity_ids), size)
            self.assertEqual(models.activity_ids.user_id, self.user_approver)

    @warmup
    def test_batch_approval_query_count(self):
        """DESIGN §4, RELIABILITY (b) 33: approving 20 or 200 submitted models
        in one call (state, chatter, tracking, activities, notifications)
        stays under the same query budget."""
        for size in (20, 200):
            models = self._submitted_batch(size)
            self._measure_ready()
            with self.assertQueryCount(APPROVE_BUDGET):
                models.with_user(self.user_approver).action_approve()
            self.assertEqual(set(models.mapped("state")), {"approved"})
            self.assertFalse(models.activity_ids)

    @warmup
    def test_decision_confirm_query_count(self):
        """DESIGN §4, RELIABILITY (b) 33: confirming a decision of 20 or of
        500 lines (number, recognition of every model, chatter, tracking)
        stays under the same query budget."""
        for size in (20, 500):
            models = self._proposed_batch(size)
            decision = (
                self.env["dvk.decision"]
                .with_user(self.user_officer)
                .create(
                    {
                        "campaign_id": self.campaign.id,
                        "level_id": self.level_grassroots.id,
                        "authority_department_id": self.commune.id,
                        "date": datetime.date(2026, 10, 10),
                        "line_ids": [(0, 0, {"model_id": m.id}) for m in models],
                    }
                )
            )
            self._measure_ready()
            with self.assertQueryCount(CONFIRM_BUDGET):
                decision.action_confirm()
            self.assertEqual(set(models.mapped("state")), {"recognized"})
            self.assertEqual(
                set(models.mapped("recognized_level_id")), {self.level_grassroots}
            )

    @warmup
    def test_officer_list_and_pivot_query_count(self):
        """Issue 12: an officer's first list page (the list view's fields,
        80 rows and the count, as the web client asks) and the pivot by unit
        and state read in a number of queries that does not grow with the
        models he sees (subtree record rules on)."""
        Model = self.env["dvk.model"].with_user(self.user_officer)
        arch = Model.get_views([(False, "list")])["views"]["list"]["arch"]
        spec = {}
        for node in etree.fromstring(arch).iter("field"):
            name = node.get("name")
            many2one = Model._fields[name].type == "many2one"
            spec[name] = {"fields": {"display_name": {}}} if many2one else {}
        grouping_sets = [[], ["state"], ["department_id"], ["department_id", "state"]]
        counts = {}
        created = 0
        # Both sizes fill the first page: the web client counts only then.
        for size in (100, 300):
            self.env["dvk.model"].with_user(self.user_staff).create(
                [self._model_vals(name=f"Danh sách {i}") for i in range(created, size)]
            )
            created = size
            self._measure_ready()
            start = self.cr.sql_log_count
            with self.assertQueryCount(LIST_BUDGET):
                page = Model.web_search_read(
                    [], spec, offset=0, limit=80, order="", count_limit=10001
                )
            listed = self.cr.sql_log_count
            self._measure_ready()
            with self.assertQueryCount(PIVOT_BUDGET):
                groups = Model.formatted_read_grouping_sets(
                    [], grouping_sets, ["__count"]
                )
            counts[size] = (listed - start, self.cr.sql_log_count - listed)
            self.assertEqual(page["length"], size)
            self.assertEqual(len(page["records"]), 80)
            self.assertEqual(groups[0][0]["__count"], size)
        if self.warm:
            self.assertEqual(counts[100], counts[300], "no query per model")
