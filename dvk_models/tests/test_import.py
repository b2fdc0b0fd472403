import io
from pathlib import Path

import openpyxl

from odoo.tests import freeze_time, tagged
from odoo.tools import file_path, mute_logger

from .common import DvkCommon

FIELDS = [
    "name",
    "campaign_id",
    "subject_type",
    "department_id",
    "field_id",
    "level_id",
    "area",
    "date_start",
    "date_end",
]


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestRegistrationImport(DvkCommon):
    def test_template_is_offered_and_readable(self):
        """Issue 5 §5: the registration import offers a downloadable XLSX
        template whose header row holds the importable fields."""
        templates = self.env["dvk.model"].get_import_templates()
        self.assertEqual(len(templates), 1)
        url = templates[0]["template"]
        self.assertTrue(url.endswith(".xlsx"))
        path = file_path(url.lstrip("/"))
        workbook = openpyxl.load_workbook(io.BytesIO(Path(path).read_bytes()))
        header = [c.value for c in workbook.worksheets[0][1] if c.value]
        self.assertEqual(header[:2], ["name", "campaign_id"])
        for fname in header:
            self.assertIn(fname, self.env["dvk.model"]._fields)
        self.assertIn("Hướng dẫn", workbook.sheetnames)

    def test_import_creates_drafts_by_name_and_code(self):
        """Issue 5 §5: Odoo's import creates draft registrations, finding the
        campaign, unit, field (by code) and level by name."""
        rows = [
            [
                "Khéo vận động hiến đất",
                self.campaign.name,
                "Collective",
                self.commune.display_name,
                "KT",
                "grassroots",
                "Ấp 1",
                "2026-02-01",
                "2026-11-30",
            ],
            [
                "Khéo vận động giữ gìn vệ sinh",
                self.campaign.name,
                "Collective",
                self.commune.display_name,
                "VHXH",
                "grassroots",
                "Ấp 2",
                "2026-03-01",
                "2026-10-31",
            ],
        ]
        result = self.env["dvk.model"].with_user(self.user_staff).load(FIELDS, rows)
        self.assertFalse(result["messages"], result["messages"])
        models = self.env["dvk.model"].browse(result["ids"])
        self.assertEqual(models.mapped("state"), ["draft", "draft"])
        self.assertEqual(models.mapped("field_id.code"), ["KT", "VHXH"])
        self.assertEqual(models.level_id, self.level_grassroots)

    @mute_logger("odoo.sql_db")
    def test_import_reports_errors_by_row(self):
        """Issue 5 §5: a bad row is reported with its row number and a clear
        message (dates outside the campaign, unknown field code), and nothing
        is created while errors remain. (The import tries the batch in one
        INSERT first, which the database refuses for the row without a
        field: its log line is expected.)"""
        rows = [
            [
                "Dòng đúng",
                self.campaign.name,
                "Collective",
                self.commune.display_name,
                "KT",
                "grassroots",
                "",
                "2026-02-01",
                "2026-11-30",
            ],
            [
                "Ngoài đợt",
                self.campaign.name,
                "Collective",
                self.commune.display_name,
                "KT",
                "grassroots",
                "",
                "2027-02-01",
                "2027-03-01",
            ],
            [
                "Lĩnh vực lạ",
                self.campaign.name,
                "Collective",
                self.commune.display_name,
                "XYZ",
                "grassroots",
                "",
                "2026-02-01",
                "2026-03-01",
            ],
        ]
        result = self.env["dvk.model"].with_user(self.user_staff).load(FIELDS, rows)
        self.assertFalse(result["ids"])
        by_row = {}
        for message in result["messages"]:
            row = message["rows"]["from"]
            by_row[row] = by_row.get(row, "") + message["message"]
        self.assertIn(1, by_row)
        self.assertIn("within the campaign", by_row[1])
        self.assertIn(2, by_row)
        self.assertIn("XYZ", by_row[2])
        self.assertNotIn(0, by_row)
