"""What users read on the way (issue 14, items 7, 8 and 9): units named by
their own name in DVK screens, years and scores written the Vietnamese way,
confirmation dialogs that say what they do, natural chatter lines, no empty
choice or empty dossier without an explanation."""

from lxml import etree

from odoo.tests import Form, freeze_time, tagged
from odoo.tools import formatLang
from odoo.tools.translate import code_translations

from .common import DvkCommon

# Every DVK field of a unit shows the unit's own name (hr.department reads
# the core's ``hierarchical_naming`` context key).
UNIT_FIELDS = [
    ("dvk.model", "department_id"),
    ("dvk.exemplar", "department_id"),
    ("dvk.decision", "authority_department_id"),
    ("dvk.decision.line", "department_id"),
    ("dvk.decision.counter", "authority_department_id"),
    ("dvk.score.sheet", "department_id"),
    ("dvk.dossier.line", "department_id"),
    ("hr.emulation.title", "department_id"),
    ("hr.discipline", "department_id"),
    ("dvk.candidate.wizard", "department_id"),
    ("dvk.candidate.wizard.line", "department_id"),
    ("dvk.scoring.wizard.line", "department_id"),
    ("res.users", "dvk_department_ids"),
]


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestUnitNames(DvkCommon):
    def test_dvk_fields_show_the_units_own_name(self):
        """Issue 14 item 7: the web client reads a DVK unit field with the
        field's context, which names the unit by itself ("Đảng ủy xã Hòa
        Lợi"), not by the path that starts with the same committee for every
        unit; the path stays searchable."""
        for model, fname in UNIT_FIELDS:
            description = self.env[model].fields_get([fname])[fname]
            self.assertEqual(
                description.get("context"),
                {"hierarchical_naming": False},
                f"{model}.{fname}",
            )
        model = self._create_model()
        spec = {
            "department_id": {
                "fields": {"display_name": {}},
                "context": {"hierarchical_naming": False},
            }
        }
        [values] = model.web_read(spec)
        self.assertEqual(values["department_id"]["display_name"], "Đảng ủy xã Hòa Lợi")
        # Searching by the path still finds the model.
        found = self.env["dvk.model"].search(
            [("department_id", "ilike", "Huyện ủy Châu Thành / Đảng ủy xã Hòa")]
        )
        self.assertIn(model, found)

    def test_hr_keeps_its_paths(self):
        """Issue 14 item 7: HR screens are not changed: a unit read without
        the DVK context is still named by its path."""
        self.assertEqual(
            self.commune.display_name,
            "Tỉnh ủy / Huyện ủy Châu Thành / Đảng ủy xã Hòa Lợi",
        )
        spec = {"parent_id": {"fields": {"display_name": {}}}}
        [values] = self.commune.web_read(spec)
        self.assertEqual(
            values["parent_id"]["display_name"], "Tỉnh ủy / Huyện ủy Châu Thành"
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestNumbersAndWords(DvkCommon):
    def _views(self):
        return self.env["ir.ui.view"].search(
            [("model", "like", "dvk.%"), ("type", "in", ("form", "list"))]
        ) | self.env["ir.ui.view"].search(
            [
                ("model", "in", ("hr.emulation.title", "hr.discipline")),
                ("type", "in", ("form", "list")),
            ]
        )

    def test_years_are_not_grouped(self):
        """Issue 14 item 8: a year is shown "2026", not "2.026": every year
        field of the DVK forms and lists is displayed without thousands
        separators."""
        checked = 0
        for view in self._views():
            arch = etree.fromstring(view.arch_db.encode())
            for node in arch.iter("field"):
                if node.get("name") not in ("year", "number_year"):
                    continue
                checked += 1
                self.assertIn(
                    "'enable_formatting': false",
                    node.get("options", ""),
                    f"{view.xml_id or view.name}: {etree.tostring(node)}",
                )
        self.assertGreater(checked, 5)

    def test_confirm_dialogs_say_what_they_do(self):
        """Issue 14 item 8: a confirmation dialog's button names the action
        ("Confirm and Number") instead of Odoo's bare "Ok"."""
        checked = 0
        for view in self._views():
            arch = etree.fromstring(view.arch_db.encode())
            for node in arch.iter("button"):
                if node.get("confirm"):
                    checked += 1
                    self.assertTrue(
                        node.get("confirm-label"),
                        f"{view.xml_id or view.name}: {node.get('name')}",
                    )
        self.assertGreaterEqual(checked, 5)

    def test_creation_line_in_plain_words(self):
        """Issue 14 item 8: the chatter opens with a sentence of the user's
        language ("Campaign created" / "Đã tạo đợt thi đua"), not the
        technical model name (it was "DVK Campaign được tạo" in the demo,
        loaded before the model names were translated)."""
        self.assertEqual(self.campaign._creation_message(), "Campaign created")
        self.env["res.lang"]._activate_lang("vi_VN")
        translated = code_translations.get_python_translations("dvk_models", "vi_VN")
        self.assertTrue(translated.get("Campaign created"))
        campaign_vi = self.campaign.with_context(lang="vi_VN")
        self.assertEqual(
            campaign_vi._creation_message(), translated["Campaign created"]
        )
        for model in ("dvk.model", "dvk.exemplar", "dvk.decision", "dvk.score.sheet"):
            message = self.env[model].with_context(lang="vi_VN")._creation_message()
            self.assertNotIn("DVK", message, model)

    def test_score_sheet_named_in_the_readers_language(self):
        """Rule: names generated by the code are read in the reader's
        language: a self-assessment sheet created in English (by a cron, an
        import, the demo data) reads "Tự đánh giá - ..." to a Vietnamese
        user, not a stored "Self-assessment - ..."; it is still found by its
        record's name."""
        model = self._approved(name="Dân vận khéo tên phiếu")
        sheet = model.score_sheet_ids.filtered(lambda s: s.kind == "self")[:1]
        self.assertTrue(sheet)
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["dvk_models"], ["vi_VN"])
        Sheet = self.env["dvk.score.sheet"]
        kind_vi = dict(
            Sheet.with_context(lang="vi_VN")
            ._fields["kind"]
            ._description_selection(Sheet.with_context(lang="vi_VN").env)
        )["self"]
        kind_en = dict(
            Sheet.with_context(lang="en_US")
            ._fields["kind"]
            ._description_selection(Sheet.with_context(lang="en_US").env)
        )["self"]
        self.assertNotEqual(kind_vi, kind_en)
        self.assertEqual(
            sheet.with_context(lang="en_US").name, f"{kind_en} - {model.name}"
        )
        self.assertEqual(
            sheet.with_context(lang="vi_VN").name, f"{kind_vi} - {model.name}"
        )
        self.assertIn(sheet, Sheet.search([("name", "ilike", "tên phiếu")]))
        self.assertNotIn(sheet, Sheet.search([("name", "not ilike", "tên phiếu")]))

    def test_recognition_line_has_one_ngay(self):
        """Issue 14 item 8: "ngày ngày 01 tháng 12": the Vietnamese chatter
        line of a recognition takes the long date, which already starts with
        "ngày", once."""
        translated = code_translations.get_python_translations("dvk_models", "vi_VN")
        text = translated["Recognised at %(level)s by decision %(number)s of %(date)s."]
        sentence = text % {
            "level": "cơ sở",
            "number": "01-QĐ/BCĐX",
            "date": "ngày 01 tháng 12 năm 2026",
        }
        self.assertNotIn("ngày ngày", sentence)
        self.assertIn("ngày 01 tháng 12 năm 2026", sentence)

    def test_score_in_chatter_uses_the_lists_format(self):
        """Issue 14 item 8: "84.0 điểm" next to "84,00": the score posted when
        a sheet is finished is written like the lists write it (two decimals,
        the language's separator)."""
        model = self._submitted()
        model.with_user(self.user_approver).action_approve()
        sheet = (
            self.env["dvk.score.sheet"]
            .with_user(self.user_staff)
            .create(
                {
                    "model_id": model.id,
                    "kind": "self",
                    "criteria_set_id": model.criteria_set_id.id,
                }
            )
        )
        for line in sheet.line_ids.filtered(lambda line: not line.is_auto):
            line.score = line.max_score
        sheet.action_done()
        total = sheet.weighted_total
        self.assertTrue(total)
        # The lists' format in the language the note was written in (any
        # runner's language: Vietnamese writes "100,00").
        expected = formatLang(sheet.env, total, digits=2)
        body = model.message_ids.filtered(
            lambda m: f": {expected} (" in (m.body or "")
        )[:1].body
        self.assertTrue(body, f"no note with the score {expected}")
        if expected != f"{total}":
            self.assertNotIn(f": {total} (", body)

    def test_party_profile_offers_no_empty_category(self):
        """Issue 14 item 8: the party guidance (seeds 000/001) classifies
        models by field only: the "Loại hình" choice is hidden for the party
        profile while no category applies to it, and offered once one does."""
        model = self._create_model()
        self.assertFalse(model.has_categories)
        form = Form(model.with_user(self.user_staff))
        self.assertFalse(form.has_categories)
        self.env["dvk.category"].create(
            {
                "name": "Khéo vận động đoàn viên",
                "field_id": self.field_kt.id,
                "profile": "party",
            }
        )
        model.invalidate_recordset(["has_categories"])
        self.assertTrue(model.has_categories)


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDossierButton(DvkCommon):
    def test_no_dossier_without_documents(self):
        """Issue 14 item 9: a profile that requires no documents shows no
        "Hồ sơ" button, and the list opened anyway says why it is empty;
        once the profile requires a document, the button is there."""
        model = self._create_model()
        self.assertFalse(model.dossier_required)
        action = model.action_open_dossier()
        self.assertIn("requires no document", action["help"])
        self.env["dvk.dossier.template"].create(
            {
                "name": "Tờ trình đề nghị công nhận",
                "code": "TEST_TTR",
                "profile": "party",
                "target": "model",
                "stage": "propose",
            }
        )
        model.invalidate_recordset(["dossier_required"])
        self.assertTrue(model.dossier_required)
        action = model.action_open_dossier()
        self.assertNotIn("requires no document", action["help"])
        self.assertEqual(
            self.env["dvk.dossier.line"].search_count([("model_id", "=", model.id)]),
            1,
        )
