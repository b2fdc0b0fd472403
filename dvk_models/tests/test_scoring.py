"""Criteria sets and score sheets (DESIGN §2 core and §5 ``dvk.criteria.set``,
``dvk.score.sheet``; RELIABILITY.md (b) 10, 13, 15, 17): score bounds, totals
and classification bands, knock-out criteria, locking, conflict of interest,
versioning, aggregation of council sheets, the self-assessment every proposal
needs (seed 001 §3) and the council scoring wizard.

RELIABILITY (b) 27 (two officers scoring the same record concurrently) needs
committed data and two real cursors; it is not covered in this file."""

import math
from contextlib import contextmanager

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, new_test_user, tagged

from .common import DvkCommon

PARTY_CODES = [f"C{i:02d}" for i in range(1, 11)]


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestScoring(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Sheet = cls.env["dvk.score.sheet"]
        cls.party_set = cls.env.ref("dvk_models.criteria_set_party_model")
        cls.band_excellent = cls.env.ref("dvk_models.band_party_model_excellent")
        cls.band_good = cls.env.ref("dvk_models.band_party_model_good")
        cls.band_pass = cls.env.ref("dvk_models.band_party_model_pass")
        cls.band_fail = cls.env.ref("dvk_models.band_party_model_fail")
        # The council: officers of the district whose own unit is the district
        # mass-mobilisation board, not the communes whose models they score.
        cls.board = cls.env["hr.department"].create(
            {"name": "Ban Dân vận Huyện ủy", "parent_id": cls.district.id}
        )
        cls.council = [
            cls._new_officer(f"dvk_council{index}", name, cls.board)
            for index, name in enumerate(
                (
                    "Trương Văn Hội",
                    "Mai Thị Chấm",
                    "Lý Văn Điểm",
                    "Đặng Thị Bình",
                    "Tô Văn Xét",
                ),
                1,
            )
        ]
        cls.evaluator = cls.council[0]
        # An officer of the district who works in the commune itself.
        cls.officer_in_unit = cls._new_officer(
            "dvk_council_commune", "Cao Thị Xã", cls.commune
        )

    @classmethod
    def _new_officer(cls, login, name, unit):
        user = new_test_user(
            cls.env, login=login, groups="dvk_models.group_dvk_officer", name=name
        )
        cls.env["hr.employee"].create(
            {"name": name, "user_id": user.id, "department_id": unit.id}
        )
        user.dvk_department_ids = cls.district
        return user

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @contextmanager
    def _assertRaisesExact(self, exception, text=None):
        """assertRaises (which rolls back to a savepoint) on exactly this class,
        with ``text`` in the message."""
        with self.assertRaises(exception) as capture:
            yield capture
        self.assertIs(type(capture.exception), exception)
        if text:
            self.assertIn(text, str(capture.exception))

    def _sheet(self, record, user=None, kind="council", criteria_set=None):
        """A draft sheet of ``record`` created (and so evaluated) by ``user``."""
        fname = "model_id" if record._name == "dvk.model" else "exemplar_id"
        return self.Sheet.with_user(user or self.evaluator).create(
            {
                fname: record.id,
                "kind": kind,
                "criteria_set_id": (criteria_set or record.criteria_set_id).id,
            }
        )

    def _fill(self, sheet, scores):
        """Score the manual lines as the sheet's user: ``scores`` maps criterion
        codes to scores, or is one score for every manual criterion."""
        for line in sheet.line_ids.filtered(lambda line: not line.is_auto):
            if not isinstance(scores, dict):
                line.score = scores
            elif line.code in scores:
                line.score = scores[line.code]
        return sheet

    def _party(self, default, **overrides):
        """Scores of the ten party criteria (seed 001 §2)."""
        return dict(dict.fromkeys(PARTY_CODES, default), **overrides)

    def _line(self, sheet, code):
        return sheet.line_ids.filtered(lambda line: line.code == code)

    def _percent_set(self, drop_extremes=True, code="test_percent"):
        """A model set with a single mandatory criterion out of 100 (pass at
        50), so that a sheet's percent is its score; bands Đạt from 50 and
        Không đạt below. Made after the records it scores, so that it does not
        become their default set."""
        return self.env["dvk.criteria.set"].create(
            {
                "name": "Chấm theo thang 100",
                "code": code,
                "target": "model",
                "profile": "party",
                "score_decimals": 2,
                "drop_extremes": drop_extremes,
                "criterion_ids": [
                    Command.create(
                        {
                            "code": "P",
                            "name": "Tổng hợp",
                            "max_score": 100,
                            "pass_score": 50,
                            "mandatory": True,
                        }
                    )
                ],
                "band_ids": [
                    Command.create({"name": "Đạt", "min_percent": 50}),
                    Command.create(
                        {"name": "Không đạt", "min_percent": 0, "passing": False}
                    ),
                ],
            }
        )

    def _weighted_set(self):
        """A model set whose criteria have different maxima and weights."""
        return self.env["dvk.criteria.set"].create(
            {
                "name": "Tiêu chí có trọng số",
                "code": "test_weighted",
                "target": "model",
                "profile": "party",
                "score_decimals": 2,
                "criterion_ids": [
                    Command.create(
                        {
                            "code": "A",
                            "name": "Hiệu quả thiết thực",
                            "max_score": 10,
                            "weight": 1.5,
                            "mandatory": True,
                            "pass_score": 5,
                            "sequence": 1,
                        }
                    ),
                    Command.create(
                        {
                            "code": "B",
                            "name": "Lan tỏa",
                            "max_score": 5,
                            "weight": 2,
                            "sequence": 2,
                        }
                    ),
                    Command.create(
                        {
                            "code": "C",
                            "name": "Bền vững",
                            "max_score": 20,
                            "weight": 0.25,
                            "sequence": 3,
                        }
                    ),
                ],
                "band_ids": [
                    Command.create({"name": "Xuất sắc", "min_percent": 90}),
                    Command.create({"name": "Tốt", "min_percent": 75}),
                    Command.create({"name": "Đạt", "min_percent": 50}),
                    Command.create(
                        {"name": "Không đạt", "min_percent": 0, "passing": False}
                    ),
                ],
            }
        )

    def _council_scores(self, model, criteria_set, scores):
        """Finished council sheets of ``model``, one per council member."""
        sheets = self.Sheet
        for user, score in zip(self.council, scores, strict=False):
            sheet = self._fill(
                self._sheet(model, user, criteria_set=criteria_set), {"P": score}
            )
            sheet.action_done()
            sheets |= sheet
        return sheets

    def _approved_without_self_assessment(self, **kw):
        model = self._submitted(**kw)
        model.with_user(self.user_approver).action_approve()
        return model.with_env(self.env)

    # ------------------------------------------------------------------
    # Score bounds (RELIABILITY (b) 17; DESIGN §4 "scores above the maximum")
    # ------------------------------------------------------------------
    def test_delete_shown_when_the_server_accepts_it(self):
        """Rule: a score sheet is deleted while unfinished by whom the access
        rules let delete it (its evaluator, the officer in charge of its
        unit, a DVK manager). The form and list offer no Odoo Delete (shown
        from the access rights alone); the form's Delete button shows by
        ``dvk_can_delete`` and the server accepts it exactly then: not for
        the registrant who reads the self-assessment someone else keeps, not
        for anyone once the sheet is finished."""
        views = self.Sheet.with_user(self.user_staff).get_views(
            [(False, "form"), (False, "list")]
        )
        for view_type in ("form", "list"):
            arch = etree.fromstring(views["views"][view_type]["arch"])
            self.assertIn(arch.get("delete"), ("0", "false"), view_type)
            if view_type == "form":
                button = arch.find(".//button[@name='action_delete_draft']")
                self.assertEqual(button.get("invisible"), "not dvk_can_delete")
        model = self._approved()
        finished = model.score_sheet_ids.filtered(lambda s: s.kind == "self")
        self.assertEqual(finished.state, "done")
        # A second self-assessment kept by the head of the unit, read by the
        # registrant.
        kept = self._sheet(model, self.user_approver, kind="self")
        council = self._sheet(model)
        expected = {
            (self.user_approver, kept): True,
            (self.user_officer, kept): True,
            (self.user_officer, council): True,
            (self.evaluator, kept): True,
            (self.evaluator, council): True,
            (self.user_manager, kept): True,
            (self.user_manager, council): True,
        }
        for user in (
            self.user_staff,
            self.user_approver,
            self.user_officer,
            self.evaluator,
            self.user_manager,
        ):
            for sheet in (finished, kept, council):
                mine = sheet.with_user(user)
                if not mine.has_access("read"):
                    continue
                with self.subTest(user=user.login, sheet=sheet.name):
                    shown = mine.dvk_can_delete
                    self.assertEqual(shown, expected.get((user, sheet), False))
                    self._assert_delete_button(mine, shown)

    def test_score_bounds(self):
        """A score lies between 0 and the criterion's maximum, both included;
        below 0, above the maximum, NaN or infinite is refused with a
        ValidationError (issue: "scores outside 0..max are refused";
        RELIABILITY (b) 17)."""
        sheet = self._sheet(self._approved())
        line = self._line(sheet, "C01")
        self.assertEqual(line.max_score, 10)
        for bad in (-0.1, 10.1, math.nan, math.inf, -math.inf):
            with self.subTest(score=bad), self._assertRaisesExact(ValidationError):
                line.score = bad
        for good in (0.0, 10.0):
            with self.subTest(score=good):
                line.score = good
                self.assertEqual(line.score, good)
                self.assertTrue(line.scored)

    def test_score_decimals(self):
        """A score may carry at most the set's ``score_decimals`` decimals:
        one more is refused with a ValidationError, exactly that many is
        accepted (issue: "or with more decimals than allowed";
        RELIABILITY (b) 17)."""
        model = self._approved()
        self.assertEqual(self.party_set.score_decimals, 1)
        line = self._line(self._sheet(model), "C01")
        with self._assertRaisesExact(ValidationError, "at most 1 decimals"):
            line.score = 7.25
        line.score = 7.5
        self.assertEqual(line.score, 7.5)

        weighted = self._weighted_set()
        self.assertEqual(weighted.score_decimals, 2)
        line = self._line(self._sheet(model, criteria_set=weighted), "B")
        with self._assertRaisesExact(ValidationError, "at most 2 decimals"):
            line.score = 3.333
        line.score = 3.33
        self.assertEqual(line.score, 3.33)
        # The bound of a criterion is its own maximum (5 here), not the set's.
        with self._assertRaisesExact(ValidationError, "between 0 and 5"):
            line.score = 5.01
        line.score = 5
        self.assertEqual(line.score, 5)

    # ------------------------------------------------------------------
    # Totals, bands, knock-out criteria
    # ------------------------------------------------------------------
    def test_totals_with_weights(self):
        """The total is the sum of the scores, the weighted total the sum of
        score × weight, the percent the weighted total over the weighted
        maximum, each rounded to 2 decimals (issue: "totals, weighted totals,
        band"; RELIABILITY (b) 17)."""
        model = self._approved()
        weighted = self._weighted_set()
        self.assertEqual(weighted.max_total, 10 * 1.5 + 5 * 2 + 20 * 0.25)
        sheet = self._fill(
            self._sheet(model, criteria_set=weighted), {"A": 7.25, "B": 3.33, "C": 12.5}
        )
        # 7.25 × 1.5 + 3.33 × 2 + 12.5 × 0.25 = 20.66 out of 30 = 68.866…%
        self.assertRecordValues(
            sheet,
            [
                {
                    "total": 23.08,
                    "weighted_total": 20.66,
                    "percent": 68.87,
                    "mandatory_ok": True,
                    "passed": True,
                    "result": "Đạt",
                }
            ],
        )

    def test_band_boundaries(self):
        """Bands are chosen by the percent of the maximum, lower bound
        included: exactly 90% is Excellent and 89.99% Good; a sheet in the
        Fail band does not pass (issue: "classification bands configurable per
        set"; seed 001 §2 party set)."""
        sheet = self._sheet(self._approved())
        cases = [
            (self._party(9), 90.0, self.band_excellent, True),
            (self._party(9, C10=8.9), 89.9, self.band_good, True),
            (self._party(7.5), 75.0, self.band_good, True),
            (self._party(7.5, C10=7.4), 74.9, self.band_pass, True),
            (self._party(5), 50.0, self.band_pass, True),
            (self._party(5, C10=4.9), 49.9, self.band_fail, False),
        ]
        for scores, percent, band, passed in cases:
            with self.subTest(percent=percent):
                self._fill(sheet, scores)
                self.assertRecordValues(
                    sheet,
                    [
                        {
                            "percent": percent,
                            "band_id": band.id,
                            "passed": passed,
                            "result": band.name,
                        }
                    ],
                )
        band_for = self.party_set._band_for
        self.assertEqual(band_for(90.0), self.band_excellent)
        self.assertEqual(band_for(89.99), self.band_good)
        self.assertEqual(band_for(0.0), self.band_fail)

    def test_knock_out_fails_whatever_the_total(self):
        """A mandatory criterion below its pass score fails the whole sheet,
        even at 94.9% (the Excellent band), and the result says so; exactly
        the pass score meets it (issue: "mandatory (a knock-out: failing it
        fails the whole sheet whatever the total)"; seed 001 §2 C01-C03)."""
        sheet = self._fill(self._sheet(self._approved()), self._party(10, C01=4.9))
        self.assertRecordValues(
            sheet,
            [
                {
                    "percent": 94.9,
                    "band_id": self.band_excellent.id,
                    "mandatory_ok": False,
                    "passed": False,
                    "result": "Fails a knock-out criterion",
                }
            ],
        )
        self.assertFalse(self._line(sheet, "C01").passed)
        # Exactly the pass score meets it; a non-mandatory criterion at 0 is
        # no knock-out.
        self._fill(sheet, self._party(10, C01=5, C10=0))
        self.assertRecordValues(
            sheet,
            [
                {
                    "percent": 85.0,
                    "band_id": self.band_good.id,
                    "mandatory_ok": True,
                    "passed": True,
                    "result": self.band_good.name,
                }
            ],
        )

    # ------------------------------------------------------------------
    # Finishing and locking (RELIABILITY (b) 15)
    # ------------------------------------------------------------------
    def test_finish_needs_every_manual_score(self):
        """A sheet is finished only when every manual criterion has been
        scored; 0 given by the evaluator is a real score (issue: "manual ones
        by people"; seed 001 §3 score sheet)."""
        sheet = self._sheet(self._approved())
        self._fill(sheet, {code: 9 for code in PARTY_CODES[:-1]})
        with self._assertRaisesExact(UserError, "C10"):
            sheet.action_done()
        self.assertEqual(sheet.state, "draft")
        self._line(sheet, "C10").score = 0
        sheet.action_done()
        self.assertRecordValues(sheet, [{"state": "done", "percent": 81.0}])

    def test_done_sheet_is_locked(self):
        """A finished sheet is locked: writing a line, the sheet or its state,
        finishing it again or deleting it raises a UserError, also for a DVK
        manager; only the evaluator's remark stays open (issue: "a done sheet is
        locked")."""
        sheet = self._fill(self._sheet(self._approved()), 8)
        sheet.action_done()
        line = self._line(sheet, "C01")
        other_set = self._percent_set()
        for user in (self.evaluator, self.user_manager):
            as_user = sheet.with_user(user)
            line_as_user = line.with_user(user)
            with self.subTest(user=user.login):
                with self._assertRaisesExact(UserError, "locked"):
                    line_as_user.score = 10
                with self._assertRaisesExact(UserError, "locked"):
                    line_as_user.explanation = "Sửa lại"
                with self._assertRaisesExact(UserError, "locked"):
                    as_user.write({"line_ids": [Command.update(line.id, {"score": 1})]})
                with self._assertRaisesExact(UserError, "locked"):
                    as_user.criteria_set_id = other_set
                with self._assertRaisesExact(UserError, "Finish button"):
                    as_user.write({"state": "draft"})
                with self._assertRaisesExact(UserError, "already finished"):
                    as_user.action_done()
                with self._assertRaisesExact(UserError, "cannot be deleted"):
                    as_user.unlink()
                with self._assertRaisesExact(AccessError):
                    line_as_user.unlink()
        sheet.with_user(self.evaluator).note = "Mô hình tiêu biểu của xã"
        self.assertRecordValues(
            sheet, [{"state": "done", "percent": 80.0, "note": sheet.note}]
        )
        self.assertEqual(line.score, 8)

    def test_only_the_evaluator_fills_a_sheet(self):
        """Only the sheet's evaluator, or a DVK manager, scores, refreshes or
        finishes it; another officer in charge of the unit gets a UserError,
        the registrant creating a council sheet in an evaluator's name an
        AccessError (a sheet is written by its evaluator), and in her own
        name a UserError (RELIABILITY (b) 13)."""
        model = self._approved()
        sheet = self._sheet(model)
        other = self.council[1]
        line = self._line(sheet, "C01")
        with self._assertRaisesExact(UserError, "Only Trương Văn Hội"):
            line.with_user(other).score = 10
        with self._assertRaisesExact(UserError, "Only Trương Văn Hội"):
            sheet.with_user(other).action_refresh()
        self._fill(sheet, 8)
        with self._assertRaisesExact(UserError, "Only Trương Văn Hội"):
            sheet.with_user(other).action_done()
        # The registrant has a stake in the record: never on its council.
        for evaluator, error, text in (
            (other, AccessError, None),
            (self.user_staff, UserError, "You cannot fill a council"),
        ):
            with self._assertRaisesExact(error, text):
                self.Sheet.with_user(self.user_staff).create(
                    {
                        "model_id": model.id,
                        "kind": "council",
                        "evaluator_id": evaluator.id,
                        "criteria_set_id": self.party_set.id,
                        "line_ids": [
                            Command.create(
                                {
                                    "criterion_id": self._line(
                                        sheet, code
                                    ).criterion_id.id,
                                    "score": 10,
                                }
                            )
                            for code in PARTY_CODES
                        ],
                    }
                )
        self.assertEqual(sheet.state, "draft")
        line.with_user(self.user_manager).score = 9
        sheet.with_user(self.user_manager).action_done()
        self.assertRecordValues(
            sheet,
            [{"state": "done", "percent": 81.0, "evaluator_id": self.evaluator.id}],
        )

    # ------------------------------------------------------------------
    # Conflict of interest
    # ------------------------------------------------------------------
    def test_conflict_of_interest_model(self):
        """A council evaluator may not score a model of a unit he belongs to,
        nor one he takes part in; an evaluator of another unit may (issue:
        "conflict of interest"; RELIABILITY (b) 13)."""
        model = self._approved()
        with self._assertRaisesExact(ValidationError, "it belongs to your unit"):
            self._sheet(model, self.officer_in_unit)
        member = self.council[1]
        model.with_env(self.env).member_ids = member.employee_ids
        with self._assertRaisesExact(ValidationError, "you take part in it"):
            self._sheet(model, member)
        sheet = self._sheet(model, self.evaluator)
        self.assertEqual(sheet.evaluator_id, self.evaluator)
        # Handing the sheet over to someone in conflict is refused as well.
        with self._assertRaisesExact(ValidationError, "it belongs to your unit"):
            sheet.with_user(self.user_manager).evaluator_id = self.officer_in_unit

    def test_conflict_of_interest_exemplar(self):
        """Nobody scores his own exemplar file or his own unit's as a council
        member; another council member may (issue: "nor their own exemplar
        file")."""
        Exemplar = self.env["dvk.exemplar"].with_user(self.user_officer)
        subject = self.council[2]
        person = Exemplar.create(
            {
                "campaign_id": self.campaign.id,
                "subject_type": "individual",
                "employee_id": subject.employee_ids.id,
                "department_id": self.board.id,
            }
        )
        unit = Exemplar.create(
            {
                "campaign_id": self.campaign.id,
                "subject_type": "collective",
                "department_id": self.commune.id,
            }
        )
        with self._assertRaisesExact(ValidationError, "it is your own exemplar file"):
            self._sheet(person, subject)
        with self._assertRaisesExact(ValidationError, "your own unit's exemplar"):
            self._sheet(unit, self.officer_in_unit)
        self.assertEqual(self._sheet(person, self.evaluator).kind, "council")
        self.assertEqual(self._sheet(unit, self.evaluator).kind, "council")

    def test_person_finishes_own_exemplar_self_assessment(self):
        """Seed 001 §3: the person an exemplar file is about fills and
        finishes its self-assessment, though she may only read the file; the
        finished sheet is written in the file's history under her name."""
        exemplar = self._exemplar()
        as_staff = exemplar.with_user(self.user_staff)
        with self.assertRaises(AccessError):
            as_staff.write({"achievement_summary": "<p>Tự sửa hồ sơ</p>"})
        sheet = self.Sheet.with_user(self.user_staff).create(
            {
                "exemplar_id": exemplar.id,
                "kind": "self",
                "criteria_set_id": exemplar.criteria_set_id.id,
            }
        )
        for line in sheet.line_ids.filtered(lambda line: not line.is_auto):
            line.score = line.max_score
        sheet.action_done()
        self.assertEqual(sheet.state, "done")
        note = exemplar.message_ids.filtered(
            lambda m: m.author_id == self.user_staff.partner_id
        )
        self.assertEqual(len(note), 1)
        self.assertIn(self.user_staff.name, note.body)

    def test_self_assessment_by_the_registrant(self):
        """The self-assessment is the unit's: made by the registrant or the
        head of the unit (here the approver heads the commune); anyone else,
        an officer included (who would print as the unit's head), gets a
        ValidationError (seed 001 §3; issue "Every user's journey" 4)."""
        model = self._approved_without_self_assessment()
        with self._assertRaisesExact(ValidationError, "made by its registrant"):
            self._sheet(model, self.user_officer, kind="self")
        sheet = self._sheet(model, self.user_staff, kind="self")
        self.assertEqual(sheet.evaluator_id, self.user_staff)
        head = self._sheet(model, self.user_approver, kind="self")
        self.assertEqual(head.evaluator_id, self.user_approver)

    # ------------------------------------------------------------------
    # Versioning of criteria sets
    # ------------------------------------------------------------------
    def test_set_in_use_is_versioned_not_edited(self):
        """A set used by a finished sheet cannot be edited in place (criteria,
        bands, scoring rules: UserError); ``action_new_version`` copies it as
        version + 1 with the same criteria and bands and archives it, new
        records get the new version and past sheets keep theirs (issue:
        "version (… copy to a new version)")."""
        old = self.party_set
        criterion = old.criterion_ids.filtered(lambda c: c.code == "C01")
        as_manager = old.with_user(self.user_manager)
        # Not in use yet: a draft sheet does not freeze the set.
        draft = self._sheet(self._approved_without_self_assessment())
        self.assertFalse(old.in_use)
        sheet = self._approved(
            name="Dân vận khéo trong vận động hiến đất"
        ).score_sheet_ids.filtered(lambda s: s.kind == "self")
        self.assertEqual(sheet.state, "done")
        old.invalidate_recordset(["in_use"])
        self.assertTrue(old.in_use)
        with self._assertRaisesExact(UserError, "make a new version"):
            criterion.with_user(self.user_manager).max_score = 20
        with self._assertRaisesExact(UserError, "make a new version"):
            criterion.with_user(self.user_manager).unlink()
        with self._assertRaisesExact(UserError, "make a new version"):
            self.env["dvk.criterion"].with_user(self.user_manager).create(
                {"set_id": old.id, "code": "C11", "name": "Thêm tiêu chí"}
            )
        with self._assertRaisesExact(UserError, "make a new version"):
            self.band_excellent.with_user(self.user_manager).min_percent = 95
        with self._assertRaisesExact(UserError, "make a new version"):
            as_manager.drop_extremes = False
        as_manager.source = "Hướng dẫn 01-HD/BCĐ"

        action = as_manager.action_new_version()
        new = self.env["dvk.criteria.set"].browse(action["res_id"])
        self.assertRecordValues(
            new,
            [
                {
                    "code": old.code,
                    "version": old.version + 1,
                    "active": True,
                    "previous_version_id": old.id,
                    "score_decimals": old.score_decimals,
                    "drop_extremes": old.drop_extremes,
                }
            ],
        )
        fields = ["code", "max_score", "weight", "mandatory", "pass_score", "check"]
        self.assertEqual(
            new.criterion_ids.read(fields, load=None),
            [
                dict(values, id=new_id)
                for values, new_id in zip(
                    old.criterion_ids.read(fields, load=None),
                    new.criterion_ids.ids,
                    strict=True,
                )
            ],
        )
        self.assertEqual(
            new.band_ids.mapped("min_percent"), old.band_ids.mapped("min_percent")
        )
        self.assertFalse(old.active)
        self.assertEqual(sheet.criteria_set_id, old)
        self.assertEqual(draft.criteria_set_id, old)
        self.assertEqual(
            self.env["dvk.criteria.set"]._find_for("model", "party", "collective"),
            new,
        )
        later = self._create_model(name="Dân vận khéo trong xây dựng nông thôn mới")
        self.assertEqual(later.criteria_set_id, new)
        # The new version is free to change until a sheet is finished on it.
        new.criterion_ids[0].with_user(self.user_manager).max_score = 20
        self.assertEqual(new.max_total, 110)

    def test_specific_set_preferred_over_generic(self):
        """A set made for the subject type wins over a set for both types of
        the same target and profile (``_find_for``; DESIGN §3: sector rules
        are data)."""
        specific = self.env["dvk.criteria.set"].create(
            {
                "name": "Tiêu chí mô hình tập thể",
                "code": "test_collective",
                "target": "model",
                "profile": "party",
                "subject_type": "collective",
            }
        )
        CriteriaSet = self.env["dvk.criteria.set"]
        self.assertEqual(
            CriteriaSet._find_for("model", "party", "collective"), specific
        )
        self.assertEqual(
            CriteriaSet._find_for("model", "party", "individual"), self.party_set
        )

    # ------------------------------------------------------------------
    # Aggregation of council sheets
    # ------------------------------------------------------------------
    def test_aggregation_mean(self):
        """The council score is the mean of the finished council sheets of the
        record's set; drafts and the self-assessment are left out; the spread
        is the highest minus the lowest (issue: "mean by default … show the
        spread")."""
        model = self._approved_without_self_assessment()
        percent = self._percent_set()
        model.criteria_set_id = percent
        self._council_scores(model, percent, [60, 70, 80.5])
        self._fill(self._sheet(model, self.council[3], criteria_set=percent), {"P": 5})
        self._fill(
            self._sheet(model, self.user_staff, kind="self", criteria_set=percent),
            {"P": 99},
        ).action_done()
        self.assertRecordValues(
            model,
            [
                {
                    "council_count": 3,
                    "council_score": 70.17,
                    "council_spread": 20.5,
                    "council_passed": True,
                    "self_score": 99.0,
                    "self_assessed": True,
                }
            ],
        )

    def test_aggregation_drops_extremes_from_five(self):
        """With ``drop_extremes`` and five council sheets or more, the highest
        and the lowest are left out of the mean, not with four; the spread
        still covers every sheet (issue: "optionally dropping the highest and
        lowest when there are five or more")."""
        model = self._approved_without_self_assessment()
        percent = self._percent_set(drop_extremes=True)
        model.criteria_set_id = percent
        sheets = self._council_scores(model, percent, [50, 70, 72, 99])
        self.assertRecordValues(
            model, [{"council_count": 4, "council_score": 72.75, "council_spread": 49}]
        )
        self._fill(
            self._sheet(model, self.council[4], criteria_set=percent), {"P": 74}
        ).action_done()
        self.assertRecordValues(
            model, [{"council_count": 5, "council_score": 72.0, "council_spread": 49}]
        )
        # The same five sheets under a set without the option: plain mean.
        plain = self._percent_set(drop_extremes=False, code="test_plain")
        other = self._approved_without_self_assessment(
            name="Dân vận khéo trong bảo vệ môi trường"
        )
        other.criteria_set_id = plain
        self._council_scores(other, plain, sorted(sheets.mapped("percent")) + [74])
        self.assertRecordValues(other, [{"council_count": 5, "council_score": 73.0}])

    def test_council_passes_on_band_and_majority(self):
        """The council passes a record when its aggregated score is in a
        passing band and fewer than half of the council sheets fail a
        knock-out criterion (issue: aggregation; knock-out rule)."""
        percent = self._percent_set()
        cases = [
            ([40, 80, 90], 70.0, True),
            ([40, 45, 90], 58.33, False),
            ([50, 45, 48], 47.67, False),
        ]
        for index, (scores, mean, passed) in enumerate(cases):
            with self.subTest(scores=scores):
                model = self._approved_without_self_assessment(
                    name=f"Dân vận khéo số {index} ở xã Hòa Lợi"
                )
                model.criteria_set_id = percent
                self._council_scores(model, percent, scores)
                self.assertRecordValues(
                    model, [{"council_score": mean, "council_passed": passed}]
                )

    # ------------------------------------------------------------------
    # The self-assessment every proposal needs (seed 001 §3)
    # ------------------------------------------------------------------
    def test_propose_needs_passing_self_assessment(self):
        """``action_propose`` requires a finished self-assessment that meets
        its knock-out criteria: none, a draft one or one failing C02 gives a
        UserError and the model stays approved (seed 001 §3: every level needs
        the self-assessment score sheet)."""
        model = self._approved_without_self_assessment()
        as_officer = model.with_user(self.user_officer)
        message = "need a finished self-assessment score sheet"
        with self._assertRaisesExact(UserError, message):
            as_officer.action_propose(self.level_grassroots)
        sheet = self._fill(
            self._sheet(model, self.user_staff, kind="self"), self._party(10, C02=4)
        )
        with self._assertRaisesExact(UserError, message):
            as_officer.action_propose(self.level_grassroots)
        sheet.action_done()
        self.assertRecordValues(
            model, [{"self_score": 94.0, "self_assessed": False, "state": "approved"}]
        )
        with self._assertRaisesExact(UserError, "fails a knock-out criterion"):
            as_officer.action_propose(self.level_grassroots)

        passing = self._approved_without_self_assessment(
            name="Dân vận khéo trong vận động hiến đất"
        )
        self._fill(
            self._sheet(passing, self.user_staff, kind="self"), self._party(6)
        ).action_done()
        self.assertTrue(passing.self_assessed)
        passing.with_user(self.user_officer).action_propose(self.level_grassroots)
        self.assertRecordValues(
            passing,
            [{"state": "proposed", "proposal_level_id": self.level_grassroots.id}],
        )
        self.assertEqual(model.state, "approved")

    # ------------------------------------------------------------------
    # The council scoring wizard
    # ------------------------------------------------------------------
    def _grid_columns(self, criteria_set):
        Wizard = self.env["dvk.scoring.wizard"].with_user(self.evaluator)
        views = Wizard.with_context(dvk_scoring_set_view_ref=criteria_set.id).get_views(
            [(False, "form")]
        )
        arch = etree.fromstring(views["views"]["form"]["arch"])
        columns = {}
        for node in arch.xpath("//field[@name='line_ids']//field"):
            name = node.get("name")
            if name.startswith("score_"):
                columns[name] = (
                    None
                    if node.get("column_invisible") in ("True", "1", "true")
                    else node.get("string")
                )
        return columns

    def test_wizard_grid_columns(self):
        """The grid has one column per manual criterion of the chosen set,
        labelled with its code; automatic criteria and unused columns are
        hidden; each set gets its own labels (issue: "one column per manual
        criterion")."""
        columns = self._grid_columns(self.party_set)
        self.assertEqual(
            [columns[f"score_{i:02d}"] for i in range(1, 16)], PARTY_CODES + [None] * 5
        )
        other = self.env["dvk.criteria.set"].create(
            {
                "name": "Tiêu chí thử",
                "code": "test_grid",
                "target": "model",
                "profile": "party",
                "subject_type": "individual",
                "criterion_ids": [
                    Command.create(
                        {
                            "code": "AUTO",
                            "name": "Đăng ký đúng hạn",
                            "check": "registered_on_time",
                            "sequence": 1,
                        }
                    ),
                    Command.create({"code": "X1", "name": "Hiệu quả", "sequence": 2}),
                    Command.create({"code": "X2", "name": "Lan tỏa", "sequence": 3}),
                ],
            }
        )
        columns = self._grid_columns(other)
        self.assertEqual(
            [columns[f"score_{i:02d}"] for i in range(1, 16)],
            ["X1", "X2"] + [None] * 13,
        )

    def _grid(self, user=None):
        """A scoring wizard of ``user`` loaded with the party set."""
        Wizard = (
            self.env["dvk.scoring.wizard"]
            .with_user(user or self.evaluator)
            .with_context(dvk_scoring_set_view_ref=self.party_set.id)
        )
        with Form(Wizard) as form:
            form.campaign_id = self.campaign
            form.level_id = self.level_grassroots
            form.criteria_set_id = self.party_set
        wizard = form.record
        action = wizard.action_load()
        self.assertEqual(action["res_id"], wizard.id)
        return wizard

    def _type_grid(self, wizard, rows):
        """Type the scores in the grid as the user does: ``rows`` maps a model
        to its list of scores, column by column (None leaves a cell empty)."""
        with Form(wizard) as form:
            for index in range(len(form.line_ids)):
                with form.line_ids.edit(index) as row:
                    scores = rows[row.model_id]
                    for column, score in enumerate(scores, 1):
                        if score is not None:
                            setattr(row, f"score_{column:02d}", score)

    def _three_models(self):
        best = self._approved(name="Dân vận khéo trong chuyển đổi số")
        middle = self._approved(name="Dân vận khéo trong hiến đất làm đường")
        knocked = self._approved(name="Dân vận khéo trong xóa nhà tạm")
        return best, middle, knocked

    def test_wizard_load_save_finish_rank(self):
        """The council grid lists the campaign's approved models (not drafts
        nor pending registrations), saves draft council sheets with the typed
        scores, reloads them, finishes them in one go and ranks the records by
        council score (issue: "a scoring wizard for councils")."""
        best, middle, knocked = self._three_models()
        self._create_model(name="Dân vận khéo còn dự thảo")
        self._submitted(name="Dân vận khéo chờ phê duyệt")
        wizard = self._grid()
        self.assertEqual(wizard.line_ids.model_id, best | middle | knocked)
        self.assertFalse(wizard.line_ids.sheet_id)

        rows = {
            best: [9] * 10,
            middle: [7] * 9 + [0],
            knocked: [4] + [9.5] * 8 + [None],
        }
        self._type_grid(wizard, rows)
        wizard.action_save()
        sheets = wizard.line_ids.sheet_id
        self.assertEqual(len(sheets), 3)
        self.assertEqual(set(sheets.mapped("state")), {"draft"})
        self.assertEqual(set(sheets.mapped("kind")), {"council"})
        self.assertEqual(sheets.evaluator_id, self.evaluator)
        by_model = {sheet.model_id: sheet for sheet in sheets}
        self.assertEqual(by_model[best].percent, 90.0)
        self.assertEqual(self._line(by_model[knocked], "C01").score, 4)
        self.assertFalse(self._line(by_model[knocked], "C10").scored)
        # A 0 typed in a cell is a score, an empty cell is not.
        self.assertRecordValues(
            self._line(by_model[middle], "C10"), [{"score": 0, "scored": True}]
        )

        # Loading again brings the user's drafts back into the grid.
        wizard.action_load()
        self.assertEqual(wizard.line_ids.sheet_id, sheets)
        row = wizard.line_ids.filtered(lambda line: line.model_id == middle)
        self.assertEqual((row.score_01, row.score_09, row.score_10), (7, 7, 0))

        # An empty cell stops the finish, and nothing is finished.
        with self._assertRaisesExact(UserError, "C10"):
            wizard.action_finish()
        self.assertEqual(set(sheets.mapped("state")), {"draft"})
        self._type_grid(wizard, {best: [], middle: [], knocked: [None] * 9 + [9.5]})
        wizard.action_finish()
        self.assertEqual(set(sheets.mapped("state")), {"done"})
        self.assertEqual(by_model[knocked].percent, 89.5)

        ranked = wizard.line_ids.sorted("rank")
        self.assertEqual(
            [(line.model_id, line.aggregate_score, line.passed) for line in ranked],
            [(best, 90.0, True), (knocked, 89.5, False), (middle, 63.0, True)],
        )

    def test_wizard_leaves_out_own_records(self):
        """No one sits on the council of a model of his own unit (seed 001
        §3; the sheet's conflict-of-interest rule): the grid of an officer who
        works in the commune leaves its models out and says why, instead of
        offering rows he could not save."""
        best, middle, knocked = self._three_models()
        wizard = self._grid(self.officer_in_unit)
        self.assertFalse(wizard.line_ids)
        for model in (best, middle, knocked):
            self.assertIn(model.name, wizard.left_out)
        self.assertIn(
            self.env["dvk.score.sheet"]._dvk_conflict_reason(
                best, self.officer_in_unit
            ),
            wizard.left_out,
        )
        # The council's own members get the three rows and no note.
        wizard = self._grid()
        self.assertEqual(wizard.line_ids.model_id, best | middle | knocked)
        self.assertFalse(wizard.left_out)

    def test_wizard_proposes_the_best(self):
        """After finishing, the wizard proposes the ``top_count`` best records
        that pass, or every record that passes when it is 0; a record failing
        a knock-out is never proposed (issue: "can propose the top ones (or all
        that pass) for a decision")."""
        best, middle, knocked = self._three_models()
        third = self._approved(name="Dân vận khéo trong giảm nghèo bền vững")
        wizard = self._grid()
        self._type_grid(
            wizard,
            {
                best: [9] * 10,
                middle: [7] * 10,
                third: [6] * 10,
                knocked: [4] + [10] * 9,
            },
        )
        wizard.action_finish()
        wizard.top_count = 2
        action = wizard.action_propose()
        self.assertEqual(
            (best | middle | third | knocked).mapped("state"),
            ["proposed", "proposed", "approved", "approved"],
        )
        # The officer is told what was proposed, then sees the grid again.
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn(best.display_name, action["params"]["message"])
        self.assertNotIn(third.display_name, action["params"]["message"])
        self.assertEqual(action["params"]["next"]["res_id"], wizard.id)
        self.assertEqual(best.proposal_level_id, self.level_grassroots)

        wizard.top_count = 0
        wizard.action_propose()
        self.assertEqual(
            (best | middle | third | knocked).mapped("state"),
            ["proposed", "proposed", "proposed", "approved"],
        )
        with self.assertRaisesRegex(UserError, "already proposed"):
            wizard.action_propose()

    def test_wizard_refuses_conflicted_evaluator(self):
        """The grid applies the conflict-of-interest rule: an officer of the
        commune cannot save council sheets of its models (issue: "conflict of
        interest"), not even through a row added to his grid by hand."""
        model = self._approved()
        wizard = self._grid(self.officer_in_unit)
        self.assertFalse(wizard.line_ids, "left out of his grid")
        self.env["dvk.scoring.wizard.line"].with_user(self.officer_in_unit).create(
            {"wizard_id": wizard.id, "model_id": model.id}
        )
        self._type_grid(wizard, {model: [8] * 10})
        with self._assertRaisesExact(ValidationError, "it belongs to your unit"):
            wizard.action_save()
        self.assertFalse(
            self.Sheet.search([("model_id", "=", model.id), ("kind", "=", "council")])
        )

    def test_wizard_of_another_user(self):
        """A scoring dialog belongs to the user who opened it: another officer
        cannot load, save, finish or propose through it, and no sheet is made
        (RELIABILITY (b) 10)."""
        model = self._approved()
        wizard = self._grid()
        self._type_grid(wizard, {model: [8] * 10})
        intruder = wizard.with_user(self.council[1])
        for method in ("action_load", "action_save", "action_finish", "action_propose"):
            with self.subTest(method=method), self._assertRaisesExact(AccessError):
                getattr(intruder, method)()
        self.assertFalse(
            self.Sheet.search([("model_id", "=", model.id), ("kind", "=", "council")])
        )
        self.assertEqual(model.state, "approved")

    # ------------------------------------------------------------------
    # What the forms offer about council sheets is what the server accepts
    # from, and shows to, each user.
    # ------------------------------------------------------------------
    def test_council_kind_offered_to_who_may_score_as_council(self):
        """Rule: a choice shown is accepted — a new score sheet offers the
        kind Council (``dvk_can_score_council``, the kind's readonly) to
        exactly the users whose council sheet the server saves: never staff
        or an approver, an officer of the record's council yes."""
        model = self._approved()
        for user, accepted in (
            (self.user_staff, False),
            (self.user_approver, False),
            (self.evaluator, True),
        ):
            with self.subTest(user=user.login):
                form = Form(self.Sheet.with_user(user))
                self.assertEqual(form.dvk_can_score_council, accepted)
                form.model_id = model
                self.assertEqual(form.dvk_can_score_council, accepted)
                if not accepted:
                    # The kind stays the self-assessment: the form does not
                    # let the user pick Council, which the server refuses.
                    with self.assertRaises(AssertionError):
                        form.kind = "council"
                    with self.assertRaises(UserError):
                        self._sheet(model, user)
                    continue
                form.kind = "council"
                form.criteria_set_id = model.criteria_set_id
                sheet = form.save()
                self.assertEqual(sheet.kind, "council")
                self.assertEqual(sheet.evaluator_id, user)

    def test_council_button_counts_what_it_opens(self):
        """Rule: the Council Sheets button of a model counts the sheets its
        list opens to the reader: an approver, who may not read the
        council's sheets, is neither shown a count nor the button; the
        council's officer sees the count of the sheets he opens."""
        model = self._approved()
        self._fill(self._sheet(model), 8).action_done()
        for user, count in (
            (self.user_approver, 0),
            (self.evaluator, 1),
            (self.user_manager, 1),
        ):
            with self.subTest(user=user.login):
                record = model.with_user(user)
                self.assertEqual(record.council_sheet_count, count)
                action = record.action_open_score_sheets()
                opened = (
                    self.env[action["res_model"]]
                    .with_user(user)
                    .search(action["domain"])
                )
                self.assertEqual(len(opened), count)
                # The button shows when it counts something or when the
                # reader starts council sheets of this model.
                self.assertEqual(
                    bool(count or record.dvk_in_officer_scope), bool(count)
                )
        # The scores themselves stay the same for every reader.
        self.assertEqual(model.with_user(self.user_approver).council_count, 1)

    def test_council_sheets_are_the_councils_working_papers(self):
        """Rule (DESIGN §3, scoring): a council member's own sheet is read by
        its evaluator, the officers of the record's scope and managers, not
        by the model's registrant (nor its subject): he reads his
        self-assessment and the council's aggregated result, and his Council
        Sheets button counts none; the sheet's lines follow the sheet."""
        model = self._approved()
        own = self.Sheet.search([("model_id", "=", model.id), ("kind", "=", "self")])
        self.assertTrue(own)
        council = self._fill(self._sheet(model), 8)
        council.action_done()
        staff_sheets = self.Sheet.with_user(self.user_staff)
        with self.assertRaises(AccessError):
            staff_sheets.browse(council.id).check_access("read")
        with self.assertRaises(AccessError):
            council.line_ids[:1].with_user(self.user_staff).check_access("read")
        self.assertEqual(staff_sheets.search([("model_id", "=", model.id)]), own)
        self.env.invalidate_all()
        record = model.with_user(self.user_staff)
        self.assertEqual(record.council_sheet_count, 0)
        self.assertEqual(record.council_count, 1)
        for user in (self.evaluator, self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                council.with_user(user).check_access("read")
                council.line_ids[:1].with_user(user).check_access("read")
