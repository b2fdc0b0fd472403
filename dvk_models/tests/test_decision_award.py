"""Recognise and commend in one act (seed 004 §IV.4, a core capability any
profile can use): each decision line may carry a form of commendation, and
one achievement receives one form of commendation (Law on Emulation and
Commendation); dossier documents required in several copies."""

import base64
import html
import io
import re

from openpyxl import load_workbook

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .common import DvkCommon

TAGS = re.compile(r"<[^>]*>")


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDecisionAward(DvkCommon):
    def _commended(self, form="giay_khen"):
        model = self._proposed()
        decision = self._decision(model)
        decision.line_ids.award_form = form
        decision.action_confirm()
        return model, decision

    def test_recognise_and_commend_in_one_act(self):
        """Rule: seed 004 §IV.4 — the level that recognises also commends: a
        confirmed decision recognises the model and records the form of
        commendation of its line."""
        model, decision = self._commended()
        self.assertEqual(model.state, "recognized")
        self.assertRecordValues(
            decision.line_ids, [{"award_form": "giay_khen", "award_year": 2026}]
        )

    def test_second_commendation_same_year_refused_naming_first(self):
        """Rule: one achievement, one form of commendation — commending the
        same model again for the same year's achievement, at a higher level,
        is refused, naming the first decision; recognising it there without
        a commendation is allowed."""
        model, first = self._commended()
        model.with_user(self.user_officer).action_propose(self.level_district)
        second = self._decision(model, level=self.level_district)
        with self.assertRaises(ValidationError) as capture:
            second.line_ids.award_form = "bang_khen"
        message = str(capture.exception)
        self.assertIn(first.name, message)
        self.assertIn("2026", message)
        self.assertIn(self.commune.name, message)
        # Recognition alone is no second commendation.
        second.action_confirm()
        self.assertEqual(model.recognized_level_id, self.level_district)

    def test_cancelled_commendation_does_not_count(self):
        """Rule: a cancelled decision commends nothing, so the record can be
        commended again by the decision that replaces it."""
        model, first = self._commended()
        first.with_user(self.user_manager).action_cancel(reason="Sai thẩm quyền")
        replacement = self._decision(model)
        replacement.line_ids.award_form = "giay_khen"
        replacement.action_confirm()
        self.assertEqual(model.state, "recognized")

    def test_two_draft_commendations_refused(self):
        """Rule: one achievement, one commendation holds for drafts too: a
        second draft commending the same model names the first draft."""
        model = self._proposed()
        first = self._decision(model)
        first.line_ids.award_form = "giay_khen"
        second = self._decision(model)
        with self.assertRaises(ValidationError) as capture:
            second.line_ids.award_form = "giay_khen"
        self.assertIn("draft", str(capture.exception))


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDecisionAwardPrinted(DvkCommon):
    """The decision that recognises and commends in one act prints the
    commendation (every profile: the core's decision form) and its results
    export has the award."""

    def _text(self, decision):
        """The printed decision as a reader sees it: tags removed, entities
        decoded, blanks collapsed."""
        report = self.env["ir.actions.report"].with_user(self.user_officer)
        content, kind = report._render_qweb_pdf(
            "dvk_models.dvk_decision_report", decision.ids
        )
        self.assertEqual(kind, "html")
        text = html.unescape(TAGS.sub(" ", content.decode()))
        return " ".join(text.split())

    def _issued(self, awards):
        """A confirmed decision of the commune on one model per award given
        (None: recognised only)."""
        models = self.env["dvk.model"]
        for index, _award in enumerate(awards):
            models |= self._proposed(name=f"Dân vận khéo số {index + 1} ấp Sâm Bua")
        decision = self._decision(models)
        for line, award in zip(decision.line_ids, awards, strict=True):
            if award:
                line.write(award)
        decision.action_confirm()
        return models, decision

    def test_award_article_and_column_printed(self):
        """Rule: seed 004 §IV.4 (the level that recognises also commends) —
        a decision whose lines carry a commendation prints, after the
        recognition, the article granting it, by form and by the issuing
        body, as real decisions word it; its list gives each line's award
        with its details; the articles after it are renumbered."""
        models, decision = self._issued(
            [
                {
                    "award_form": "giay_khen",
                    "award_note": "kèm tiền thưởng 500.000 đồng",
                },
                {"award_form": "giay_khen"},
                None,
            ]
        )
        text = self._text(decision)
        self.assertIn("Về việc công nhận và khen thưởng mô hình, điển hình", text)
        self.assertIn(
            "Điều 2. Tặng Giấy khen của Đảng ủy xã Hòa Lợi cho 02 tập thể có mô "
            'hình, điển hình "Dân vận khéo" tiêu biểu năm 2026',
            text,
        )
        self.assertIn("Hình thức khen thưởng", text)
        self.assertIn("Giấy khen (kèm tiền thưởng 500.000 đồng)", text)
        self.assertIn("Điều 4. Các cơ quan, đơn vị", text)
        self.assertIn("tại Điều 1 và Điều 2", text)
        self.assertIn("Như Điều 4;", text)
        self.assertIn("ĐƯỢC CÔNG NHẬN VÀ KHEN THƯỞNG", text)
        self.assertEqual(len(models), 3)

    def test_screen_and_print_give_one_subject(self):
        """Rule: one default subject — the subject a Vietnamese officer reads
        on the decision's form is the one its printed decision carries: a
        decision whose lines carry a form of commendation "recognises and
        commends" on screen as on paper, and only recognises again once its
        awards are taken off."""
        self.env["res.lang"]._activate_lang("vi_VN")
        _models, decision = self._issued([{"award_form": "giay_khen"}, None])
        on_screen = decision.with_user(self.user_officer).with_context(lang="vi_VN")
        self.assertIn("công nhận và khen thưởng", on_screen.title)
        self.assertIn(on_screen.title, self._text(decision))

        draft = self._decision(self._proposed(name="Dân vận khéo trong xây cầu"))
        draft.line_ids.award_form = "bang_khen"
        draft.line_ids.award_form = False
        on_screen = draft.with_user(self.user_officer).with_context(lang="vi_VN")
        self.assertNotIn("khen thưởng", on_screen.title)
        self.assertIn(on_screen.title, self._text(draft))

    def test_no_award_article_without_commendation(self):
        """Rule: a decision that only recognises prints no commendation
        article nor award column, and keeps its three articles."""
        _models, decision = self._issued([None])
        text = self._text(decision)
        self.assertNotIn("Tặng ", text)
        self.assertNotIn("Hình thức khen thưởng", text)
        self.assertNotIn("Điều 4.", text)
        self.assertIn("Điều 3. Các cơ quan, đơn vị", text)
        self.assertIn("Như Điều 3;", text)

    def test_other_award_form_named_by_its_details(self):
        """Rule: a form of commendation other than Giấy khen / Bằng khen is
        printed under the name its details give."""
        _models, decision = self._issued(
            [{"award_form": "other", "award_note": "Thư khen"}]
        )
        text = self._text(decision)
        self.assertIn("Tặng Thư khen của Đảng ủy xã Hòa Lợi cho 01 tập thể", text)

    def test_results_export_has_the_award(self):
        """Rule: the XLSX of recognition results has the form of commendation
        and its details, per line (empty for a line only recognised)."""
        _models, decision = self._issued(
            [{"award_form": "bang_khen", "award_note": "Số 123"}, None]
        )
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render("dvk_models.decision_results_xlsx", decision.ids)
        )
        sheet = load_workbook(io.BytesIO(content)).active
        header = [cell.value for cell in sheet[3]]
        form_col = header.index("Form of Commendation")
        note_col = header.index("Commendation Details")
        rows = [
            [cell.value for cell in sheet[row]] for row in range(4, sheet.max_row + 1)
        ]
        labels = dict(
            self.env["dvk.decision.line"]
            ._fields["award_form"]
            ._description_selection(self.env)
        )
        self.assertEqual(
            sorted((row[form_col] or "", row[note_col] or "") for row in rows),
            sorted([(labels["bang_khen"], "Số 123"), ("", "")]),
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDossierCopies(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env["dvk.dossier.template"].create(
            {
                "name": "Achievement report",
                "code": "TEST_ACHIEVEMENT",
                "profile": cls.campaign.profile,
                "target": "model",
                "stage": "propose",
                "copies": 2,
            }
        )

    def _line(self, model):
        model._dossier_sync()
        return self.env["dvk.dossier.line"].search(
            [("model_id", "=", model.id), ("template_id", "=", self.template.id)]
        )

    def test_copies_named_when_missing(self):
        """Rule: a document required in two copies is named with its copy
        count when missing, and with the copies received when too few."""
        model = self._approved()
        line = self._line(model)
        line.attachment_ids = [
            (
                0,
                0,
                {
                    "name": "bao-cao.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4"),
                    "res_model": "dvk.model",
                    "res_id": model.id,
                },
            )
        ]
        self.assertFalse(line.provided)
        self.assertIn("Achievement report (2 copies)", model.dossier_missing)
        line.copies_received = 1
        self.assertFalse(line.provided)
        model.invalidate_recordset(["dossier_missing"])
        self.assertIn("2 copies required, 1 received", model.dossier_missing)
        line.copies_received = 2
        self.assertTrue(line.provided)
        model.invalidate_recordset(["dossier_missing"])
        self.assertFalse(model.dossier_missing)
