"""Numbering series of the issuing bodies (issue 24, item 8): a Party
committee numbers each kind of document from 01 in each term of the
committee (guidance 36-HD/VPTW, section II.1, point 1.3.1.a); a state body
numbers its documents from 01 each calendar year (Decree 30/2020/NĐ-CP).
Existing counters become series without renumbering."""

import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import DvkCommon, run_migration

D = datetime.date


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestNumberingSeries(DvkCommon):
    def _terms(self, unit):
        """The committee's term 2020–2026 closing on 9/10/2026 (the closing
        day of the next congress) and the new term from 10/10/2026."""
        Term = self.env["dvk.numbering.term"]
        old = Term.create(
            {
                "department_id": unit.id,
                "name": "2020–2026",
                "date_from": D(2020, 10, 16),
                "date_to": D(2026, 10, 9),
            }
        )
        new = Term.create(
            {
                "department_id": unit.id,
                "name": "2026–2031",
                "date_from": D(2026, 10, 10),
            }
        )
        return old, new

    def _issue(self, name, date):
        decision = self._decision(self._proposed(name=name), date=date)
        decision.action_confirm()
        return decision

    def test_party_term_change_restarts_at_01(self):
        """Guidance 36-HD/VPTW, section II.1, point 1.3.1.a: a Party
        committee numbers its decisions from 01 in each term; the last day
        of the old term (9/10) continues the old term's series, the first
        day of the new term (10/10) restarts at 01, in the same year."""
        self.commune.dvk_is_party_body = True
        old, new = self._terms(self.commune)
        Counter = self.env["dvk.decision.counter"]
        series = self.commune._dvk_numbering_series(D(2026, 10, 9), "QĐ")
        self.assertEqual((series["kind"], series["term"]), ("QĐ", old))
        # Decisions 01 and 02 of the old term, issued earlier.
        Counter._draw(self.commune, series)
        Counter._draw(self.commune, series)
        last = self._issue("Dân vận khéo trong hiến đất làm đường", D(2026, 10, 9))
        first = self._issue("Dân vận khéo trong xây nhà văn hóa", D(2026, 10, 10))
        self.assertRecordValues(
            last | first,
            [
                {
                    "name": "03-QĐ/BCĐX",
                    "sequence_number": 3,
                    "number_period_start": D(2020, 10, 16),
                },
                {
                    "name": "01-QĐ/BCĐX",
                    "sequence_number": 1,
                    "number_period_start": D(2026, 10, 10),
                },
            ],
        )
        Counter.invalidate_model()
        self.assertRecordValues(
            Counter.search(
                [("authority_department_id", "=", self.commune.id)],
                order="period_start",
            ),
            [
                {"term_id": old.id, "document_type": "QĐ", "last": 3},
                {"term_id": new.id, "document_type": "QĐ", "last": 1},
            ],
        )

    def test_state_body_calendar_year_change(self):
        """Decree 30/2020/NĐ-CP: a state body numbers its documents from 01
        on 1 January: its decision of 31/12/2026 continues the year's
        register, its decision of 1/1/2027 is 01 again."""
        self.assertFalse(self.commune.dvk_is_party_body)
        december = self._issue("Dân vận khéo trong hiến đất làm đường", D(2026, 12, 31))
        self._issue("Dân vận khéo trong làm đường giao thông", D(2026, 12, 31))
        january = self._issue("Dân vận khéo trong xây nhà văn hóa", D(2027, 1, 1))
        self.assertEqual(december.name, "01/QĐ-BCĐX")
        self.assertRecordValues(
            january,
            [
                {
                    "name": "01/QĐ-BCĐX",
                    "sequence_number": 1,
                    "number_period_start": D(2027, 1, 1),
                }
            ],
        )
        series = self.commune._dvk_numbering_series(D(2027, 1, 1), "BC")
        self.assertEqual(series["kind"], "*", "one register for every kind")

    def test_party_body_without_term_numbers_by_year_and_says_so(self):
        """Guidance 36-HD/VPTW, section II.1, point 1.3.1.a: a Party body
        whose terms are not recorded is numbered by calendar year for want
        of them, and its draft says so, citing the guidance."""
        self.commune.dvk_is_party_body = True
        decision = self._decision(self._proposed())
        self.assertIn("36-HD/VPTW", decision.draft_warning or "")
        decision.action_confirm()
        self.assertEqual(decision.number_period_start, D(2026, 1, 1))
        self._terms(self.commune)
        draft = self._decision(
            self._proposed(name="Dân vận khéo trong xây nhà văn hóa")
        )
        self.assertNotIn("36-HD/VPTW", draft.draft_warning or "")

    def test_term_numbering_without_term_refused(self):
        """Guidance 36-HD/VPTW, section II.1, point 1.3.1.a: a body set to
        number by term cannot issue a document dated outside its recorded
        terms: nothing is drawn."""
        self.commune.dvk_numbering_period = "term"
        _old, new = self._terms(self.commune)
        new.unlink()  # the new term not recorded yet
        decision = self._decision(self._proposed(), date=D(2026, 10, 10))
        with self.assertRaises(UserError):
            decision.action_confirm()
        self.assertEqual(decision.state, "draft")
        self.assertFalse(
            self.env["dvk.decision.counter"].search(
                [("authority_department_id", "=", self.commune.id)]
            )
        )

    def test_series_per_kind_each_year(self):
        """Decree 30/2020/NĐ-CP: the head of a state body may keep a series
        per kind of document each year: decisions and reports then count
        apart."""
        self.commune.dvk_numbering_period = "year_type"
        Counter = self.env["dvk.decision.counter"]
        date = D(2026, 5, 4)
        decisions = self.commune._dvk_numbering_series(date, "QĐ")
        reports = self.commune._dvk_numbering_series(date, "BC")
        self.assertEqual(Counter._draw(self.commune, decisions), 1)
        self.assertEqual(Counter._draw(self.commune, decisions), 2)
        self.assertEqual(Counter._draw(self.commune, reports), 1)

    def test_terms_do_not_overlap_and_keep_dates_once_numbered(self):
        """Guidance 36-HD/VPTW, section II.1, point 1.3.1.a: one term at a
        time (ValidationError for overlapping terms); a term whose documents
        are numbered keeps its dates (UserError)."""
        old, _new = self._terms(self.commune)
        with self.assertRaises(ValidationError):
            self.env["dvk.numbering.term"].create(
                {
                    "department_id": self.commune.id,
                    "name": "2025–2030",
                    "date_from": D(2025, 10, 1),
                }
            )
        old.date_from = D(2020, 10, 17)  # nothing numbered yet
        self.commune.dvk_numbering_period = "term"
        self.env["dvk.decision.counter"]._draw(
            self.commune, self.commune._dvk_numbering_series(D(2021, 3, 1), "QĐ")
        )
        with self.assertRaises(UserError):
            old.date_from = D(2020, 10, 16)

    def test_migration_counters_become_series(self):
        """Decree 30/2020/NĐ-CP: a database of the previous version keeps its
        yearly counters as the year's shared register and its issued
        numbers: nothing is renumbered and the next decision follows."""
        first = self._issue("Dân vận khéo trong hiến đất làm đường", D(2026, 10, 10))
        self.env.flush_all()
        cr = self.env.cr
        # What the previous version holds: a counter per unit and year, no
        # numbering period on the decisions.
        cr.execute(
            "ALTER TABLE dvk_decision_counter "
            "ALTER COLUMN document_type DROP NOT NULL, "
            "ALTER COLUMN period_start DROP NOT NULL"
        )
        cr.execute(
            "UPDATE dvk_decision_counter SET document_type = NULL, "
            "period_start = NULL, period_end = NULL "
            "WHERE authority_department_id = %s",
            [self.commune.id],
        )
        cr.execute(
            "UPDATE dvk_decision SET number_period_start = NULL WHERE id = %s",
            [first.id],
        )
        self.env.invalidate_all()
        run_migration(
            "dvk_models", "19.0.1.10.0", "pre-24-numbering-series", cr, "19.0.1.9.0"
        )
        self.env.invalidate_all()
        self.assertRecordValues(
            first,
            [
                {
                    "name": "01/QĐ-BCĐX",
                    "sequence_number": 1,
                    "number_period_start": D(2026, 1, 1),
                }
            ],
        )
        self.assertRecordValues(
            self.env["dvk.decision.counter"].search(
                [("authority_department_id", "=", self.commune.id)]
            ),
            [
                {
                    "document_type": "*",
                    "period_start": D(2026, 1, 1),
                    "period_end": D(2026, 12, 31),
                    "last": 1,
                }
            ],
        )
        second = self._issue("Dân vận khéo trong xây nhà văn hóa", D(2026, 10, 11))
        self.assertEqual(second.name, "02/QĐ-BCĐX")
