"""Issue 22 item 13: in Vietnamese every choice and every name the DVK
addons ship reads Vietnamese ("Giấy khen", not "Certificate of Merit (Giấy
khen)"): the English sources carry no Vietnamese, the Vietnamese is in the
addons' vi.po."""

import re

from odoo.tests import tagged

from .common import DvkCommon

DVK_ADDONS = ("dvk_models", "dvk_police", "dvk_union", "dvk_statehub")

# Selection labels that are proper names, the same in both languages. None
# today: add one here only with the reason.
SELECTION_PROPER_NAMES = frozenset()

# Data shipped in Vietnamese on purpose, the same in both languages: the name
# of the movement, the names of the recognising bodies, and the file names of
# the official forms, which print in Vietnamese.
DATA_PROPER_NAMES = {
    ("ir.ui.menu", "name"): {"Dân vận khéo"},
    ("res.groups.privilege", "name"): {"Dân vận khéo"},
}
DATA_VIETNAMESE_FIELDS = {
    ("dvk.profile.level", "authority"),
    ("ir.actions.report", "print_report_name"),
}
# Proper names that an English source may give in parentheses.
PROPER_NAMES_IN_PARENTHESES = {"Trà Vinh"}
# Models whose records are not labels users read (views, rules, fields...).
NOT_LABELS = {
    "ir.ui.view",
    "ir.model",
    "ir.model.fields",
    "ir.model.fields.selection",
    "ir.model.access",
    "ir.rule",
    "ir.model.constraint",
    "ir.model.relation",
    "ir.cron",
}
VIETNAMESE = re.compile(
    "[ăâđêôơưạảãáàằẳẵắặầẩẫấậẹẻẽéèềểễếệịỉĩíìọỏõóòồổỗốộờởỡớợụủũúùừửữứựỵỷỹýỳ]",
    re.IGNORECASE,
)
IN_PARENTHESES = re.compile(r"\(([^)]*)\)")


@tagged("post_install", "-at_install")
class TestVietnameseLabels(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        addons = (
            cls.env["ir.module.module"]
            .search([("name", "in", DVK_ADDONS), ("state", "=", "installed")])
            .mapped("name")
        )
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(addons, ["vi_VN"])
        cls.addons = set(addons)

    def _selection_labels(self):
        """(model, field, value, English label, Vietnamese label) of every
        selection field a DVK addon defines or extends."""
        env_en = self.env(context={"lang": "en_US"})
        env_vi = self.env(context={"lang": "vi_VN"})
        for model_name in sorted(self.registry):
            for fname, field in self.env[model_name]._fields.items():
                if field.type != "selection" or not set(field._modules) & self.addons:
                    continue
                vi = dict(field._description_selection(env_vi))
                for value, label in field._description_selection(env_en):
                    yield model_name, fname, value, label, vi[value]

    def test_selection_labels_read_vietnamese(self):
        """Issue 22 item 13: every choice of a DVK selection reads otherwise
        in Vietnamese than its English source (except the proper names
        listed), and no English source puts Vietnamese in parentheses."""
        untranslated = []
        mixed = []
        for model, fname, value, label, label_vi in self._selection_labels():
            where = f"{model}.{fname}={value}"
            if label == label_vi and label not in SELECTION_PROPER_NAMES:
                untranslated.append(f"{where}: {label}")
            if any(VIETNAMESE.search(p) for p in IN_PARENTHESES.findall(label)):
                mixed.append(f"{where}: {label}")
        self.assertEqual(untranslated, [])
        self.assertEqual(mixed, [])
        labels = dict(
            self.env["dvk.decision.line"]
            .with_context(lang="vi_VN")
            ._fields["award_form"]
            ._description_selection(self.env(context={"lang": "vi_VN"}))
        )
        self.assertEqual(labels["giay_khen"], "Giấy khen")
        self.assertEqual(labels["bang_khen"], "Bằng khen")

    def test_shipped_data_reads_vietnamese(self):
        """Issue 22 item 13: every translatable name or text of the records
        the DVK addons ship (levels, fields, categories, title types,
        criteria, dossier documents, profiles, activity types, menus,
        reports, groups...) reads Vietnamese in Vietnamese: translated from
        an English source that puts no Vietnamese in parentheses, or
        Vietnamese on purpose (the names listed)."""
        data = self.env["ir.model.data"].search(
            [("module", "in", list(self.addons)), ("model", "not in", list(NOT_LABELS))]
        )
        untranslated = []
        mixed = []
        by_model = {}
        for record in data:
            by_model.setdefault(record.model, []).append(record.res_id)
        for model_name, ids in sorted(by_model.items()):
            Model = self.env[model_name].with_context(active_test=False)
            fnames = [
                fname
                for fname, field in Model._fields.items()
                if field.translate
                and field.store
                and field.type in ("char", "text")
                and (model_name, fname) not in DATA_VIETNAMESE_FIELDS
            ]
            records = Model.browse(ids).exists()
            for fname in fnames:
                allowed = DATA_PROPER_NAMES.get((model_name, fname), set())
                for record in records:
                    source = record.with_context(lang="en_US")[fname]
                    where = f"{model_name}.{fname} #{record.id}: {source}"
                    if source and source == record.with_context(lang="vi_VN")[fname]:
                        if source not in allowed:
                            untranslated.append(where)
                    elif source and any(
                        VIETNAMESE.search(p) and p not in PROPER_NAMES_IN_PARENTHESES
                        for p in IN_PARENTHESES.findall(source)
                    ):
                        mixed.append(where)
        self.assertEqual(untranslated, [])
        self.assertEqual(mixed, [])
