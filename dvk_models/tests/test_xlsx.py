"""XLSX exports (OCA report_xlsx): registration list, recognition results,
statistics and models recognised in consecutive years. Each export opens with
openpyxl, has its header and row count, keeps Vietnamese text, writes names
that look like formulas as text (RELIABILITY A6, (b) 30), refuses records
outside the user's scope (RELIABILITY (b) 9) and reads its data in a number of
queries that does not grow with the number of rows."""

import datetime
import io
import zipfile

from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, new_test_user, tagged, warmup
from odoo.tools.safe_eval import safe_eval, time

from ..tools.rules import vn_sort_key
from .common import DvkCommon

D = datetime.date

REGISTRATION = "dvk_models.model_registration_xlsx"
RESULTS = "dvk_models.decision_results_xlsx"
STATISTICS = "dvk_models.campaign_statistics_xlsx"
CONSECUTIVE = "dvk_models.campaign_consecutive_xlsx"

# Rows (1-based, as openpyxl counts): title, subtitle, header, then the data.
HEADER = 3

REGISTRATION_HEADER = [
    "No.",
    "Model",
    "Unit",
    "Person",
    "Field",
    "Category",
    "Target Level",
    "Scope and Address",
    "Registration Date",
    "Supplementary",
    "Approver",
    "State",
    "Recognised Level",
]

# Names a spreadsheet would evaluate if they were written as formulas.
FORMULA_NAMES = [
    '=HYPERLINK("x")',
    '=HYPERLINK("http://evil.example","Bấm vào đây")',
    "+84 Dân vận khéo ấp Hòa Lợi",
    "-1+1 Dân vận khéo",
    "@SUM(A1:A2) Dân vận khéo",
]

# Measured on Odoo 19.0: 12 queries for 20 and for 500 models of individuals
# (the report, the models with their record rules, one query per related model
# for the names); a small margin for changes elsewhere.
REGISTRATION_BUDGET = 14


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestXlsx(DvkCommon):
    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _render(self, report_name, records, user=None):
        """The XLSX bytes of ``report_name`` for ``records``, rendered as
        ``user`` (the district officer by default)."""
        user = user or self.user_officer
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render(report_name, records.ids)
        )
        self.assertEqual(report_type, "xlsx")
        return content

    def _open(self, content):
        return load_workbook(io.BytesIO(content))

    def _row(self, sheet, row):
        return [cell.value for cell in sheet[row]]

    def _data_rows(self, sheet, first=HEADER + 1):
        return [self._row(sheet, row) for row in range(first, sheet.max_row + 1)]

    def _assert_no_formula(self, content):
        """No cell of any sheet holds a formula."""
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/sheet"):
                    self.assertNotIn(b"<f>", archive.read(name), name)
                    self.assertNotIn(b"<f ", archive.read(name), name)

    def _province_model(self, **kw):
        """A model of the province itself: outside the district officer's
        scope."""
        return self._create_model(
            user=self.user_manager, department_id=self.province.id, **kw
        )

    def _recognised_batch(self, names, level=None):
        """Models of the commune proposed and recognised by one confirmed
        decision of the district."""
        models = self.env["dvk.model"]
        for name in names:
            models |= self._proposed(name=name)
        decision = self._decision(models, level=level)
        decision.action_confirm()
        return models, decision

    def _past_campaign(self, year, **kw):
        return self.env["dvk.campaign"].create(
            {
                **kw,
                "name": kw.get("name", f"Dân vận khéo {year}"),
                "year": year,
                "profile": "party",
                "date_start": D(year, 1, 1),
                "date_end": D(year, 12, 31),
                "registration_deadline": D(year, 3, 29),
                "proposal_deadline": D(year, 9, 30),
                "recognition_deadline": D(year, 10, 14),
            }
        )

    def _recognised_chain(self, name, levels, department=None):
        """The same model recognised at ``levels`` in consecutive years ending
        with the 2026 campaign, each year continuing the previous one. Written
        as superuser: the workflow itself is tested elsewhere; here only the
        export of the chain matters."""
        department = department or self.commune
        previous = self.env["dvk.model"]
        first_year = 2026 - len(levels) + 1
        for year, level in zip(range(first_year, 2027), levels, strict=True):
            campaign = self.env["dvk.campaign"].search(
                [("year", "=", year), ("company_id", "=", self.company.id)]
            ) or self._past_campaign(year)
            previous = self.env["dvk.model"].create(
                self._model_vals(
                    name=name,
                    campaign_id=campaign.id,
                    department_id=department.id,
                    state="recognized",
                    previous_id=previous.id,
                )
            )
            # Without its decision, the level is recomputed on creation.
            previous.flush_recordset()
            previous.recognized_level_id = level
        return previous

    # ------------------------------------------------------------------
    # Registration list
    # ------------------------------------------------------------------
    def test_registration_list(self):
        """RELIABILITY (b) 9, 30: the registration list of the selected models
        has its title, its header, one row per model in the order selected,
        keeps Vietnamese text, and writes names that look like formulas as
        plain text cells, unchanged."""
        approved = self._approved(
            name="Dân vận khéo trong hiến đất làm đường",
            area="Ấp Hòa Lợi, xã Hòa Lợi",
        )
        individual = self._create_model(
            name="Dân vận khéo của cá nhân trong vận động học sinh đến trường",
            subject_type="individual",
            employee_id=self.emp_staff.id,
            field_id=self.field_vhxh.id,
        )
        tricky = self.env["dvk.model"]
        for name in FORMULA_NAMES:
            tricky |= self._create_model(name=name)
        models = approved | individual | tricky

        content = self._render(REGISTRATION, models)
        self._assert_no_formula(content)
        book = self._open(content)
        sheet = book.active
        self.assertEqual(
            sheet["A1"].value, 'Registration list of "Dân vận khéo" models'
        )
        self.assertEqual(sheet["A2"].value, "Campaign: Dân vận khéo 2026")
        self.assertEqual(self._row(sheet, HEADER), REGISTRATION_HEADER)
        self.assertEqual(sheet.freeze_panes, "A4")
        self.assertEqual(sheet.auto_filter.ref, f"A3:M{HEADER + len(models)}")
        rows = self._data_rows(sheet)
        self.assertEqual(len(rows), len(models))
        self.assertEqual([row[0] for row in rows], list(range(1, len(models) + 1)))
        self.assertEqual([row[1] for row in rows], models.mapped("name"))

        first = rows[0]
        self.assertEqual(first[2], "Đảng ủy xã Hòa Lợi")
        self.assertFalse(first[3], "a collective model names no person")
        self.assertEqual(first[4], "Economy")
        self.assertEqual(first[6], "Grassroots")
        self.assertEqual(first[7], "Ấp Hòa Lợi, xã Hòa Lợi")
        self.assertEqual(first[8], datetime.datetime(2026, 2, 10))
        self.assertEqual(first[9], "No")
        self.assertEqual(first[10], "Nguyễn Văn Duyệt")
        self.assertEqual(first[11], "Approved")
        self.assertFalse(first[12])
        second = rows[1]
        self.assertEqual(second[3], "Hoàng Thị Dân")
        self.assertEqual(second[4], "Culture and Society")
        self.assertEqual(second[11], "Draft")

        for offset, name in enumerate(FORMULA_NAMES):
            cell = sheet.cell(HEADER + 3 + offset, 2)
            self.assertEqual(cell.data_type, "s", name)
            self.assertEqual(cell.value, name)

    def test_report_actions(self):
        """The four exports are XLSX actions in the Print menu of their model,
        and a single record's file gets a Vietnamese name without the slash
        that would break the download."""
        model = self._create_model(name="Dân vận khéo 1/2026")
        _models, decision = self._recognised_batch(["Dân vận khéo xã Hòa Lợi"])
        draft = self._decision(self._proposed(name="Dân vận khéo ấp Hòa Lợi"))
        number = decision.name.replace("/", "-")
        expected = [
            (
                "dvk_model_report_xlsx_registration",
                model,
                "Danh sách đăng ký mô hình - Dân vận khéo 1-2026",
            ),
            (
                "dvk_decision_report_xlsx_results",
                decision,
                f"Kết quả công nhận - Quyết định {number}",
            ),
            (
                "dvk_decision_report_xlsx_results",
                draft,
                "Kết quả công nhận - Quyết định dự thảo",
            ),
            (
                "dvk_campaign_report_xlsx_statistics",
                self.campaign,
                "Thống kê mô hình - Dân vận khéo 2026",
            ),
            (
                "dvk_campaign_report_xlsx_consecutive",
                self.campaign,
                "Mô hình được công nhận nhiều năm liên tục - Dân vận khéo 2026",
            ),
        ]
        for xmlid, record, file_name in expected:
            report = self.env.ref(f"dvk_models.{xmlid}")
            self.assertEqual(report.report_type, "xlsx")
            self.assertEqual(report.binding_model_id.model, record._name)
            self.assertEqual(report.binding_type, "report")
            name = safe_eval(report.print_report_name, {"object": record, "time": time})
            self.assertEqual(name, file_name)

    def test_registration_out_of_scope(self):
        """RELIABILITY (b) 9: exporting a model outside the officer's units
        raises AccessError, alone or among models in scope; staff cannot
        export someone else's model either. Nothing is read as superuser."""
        inside = self._create_model()
        outside = self._province_model(name="Dân vận khéo của Tỉnh ủy")
        self.assertTrue(self._render(REGISTRATION, inside))
        with self.assertRaises(AccessError):
            self._render(REGISTRATION, outside)
        with self.assertRaises(AccessError):
            self._render(REGISTRATION, inside | outside)
        other = self._create_model(
            user=self.user_other, department_id=self.commune_other.id
        )
        with self.assertRaises(AccessError):
            self._render(REGISTRATION, other, user=self.user_staff)

    @warmup
    def test_registration_query_count(self):
        """DESIGN §4: the registration list of 20 or of 500 models of
        individuals (a hundred different people) reads its data under the same
        query budget: nothing is read model by model."""
        # Employees are created once: Odoo creates them row by row, slowly on
        # a test database whose planner statistics say the tables are empty.
        employees = self.env["hr.employee"].create(
            [
                {"name": f"Cán bộ số {i}", "department_id": self.commune.id}
                for i in range(100)
            ]
        )
        counts = {}
        for size in (20, 500):
            models = self.env["dvk.model"].create(
                [
                    self._model_vals(
                        name=f"Mô hình {size}-{i}",
                        subject_type="individual",
                        employee_id=employees[i % 100].id,
                        approver_id=self.user_approver.id,
                        state="approved",
                    )
                    for i in range(size)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            with self.assertQueryCount(REGISTRATION_BUDGET):
                content = self._render(REGISTRATION, models)
            counts[size] = self.cr.sql_log_count - before
            rows = self._data_rows(self._open(content).active)
            self.assertEqual(len(rows), size)
            self.assertEqual(rows[-1][3], f"Cán bộ số {(size - 1) % 100}")
        if self.warm:
            self.assertEqual(counts[20], counts[500], "no query per model")

    # ------------------------------------------------------------------
    # Recognition results
    # ------------------------------------------------------------------
    def test_recognition_results(self):
        """RELIABILITY (b) 30: one row per line of the decision, with the
        decision's number, date and level, the unit, the model's name (as
        text, even when it looks like a formula) and its field."""
        models, decision = self._recognised_batch(
            ["Dân vận khéo trong xây dựng nông thôn mới", '=HYPERLINK("x")']
        )
        content = self._render(RESULTS, decision)
        self._assert_no_formula(content)
        sheet = self._open(content).active
        self.assertEqual(
            sheet["A1"].value,
            'Recognition results of "Dân vận khéo" models and exemplars',
        )
        self.assertEqual(
            self._row(sheet, HEADER),
            [
                "No.",
                "Decision Number",
                "Decision Date",
                "Level",
                "Unit",
                "Model or Exemplar",
                "Type",
                "Field",
                "Form of Commendation",
                "Commendation Details",
                "Decision State",
            ],
        )
        self.assertEqual(sheet.freeze_panes, "A4")
        rows = self._data_rows(sheet)
        self.assertEqual(len(rows), 2)
        self.assertRegex(decision.name, r"^\d+/QĐ-BCĐX$")
        for number, (row, model) in enumerate(zip(rows, models, strict=True), 1):
            self.assertEqual(
                row,
                [
                    number,
                    decision.name,
                    datetime.datetime(2026, 10, 10),
                    "Grassroots",
                    "Đảng ủy xã Hòa Lợi",
                    model.name,
                    "Model",
                    "Economy",
                    None,
                    None,
                    "Confirmed",
                ],
            )
        cell = sheet.cell(HEADER + 2, 6)
        self.assertEqual((cell.data_type, cell.value), ("s", '=HYPERLINK("x")'))

    def test_recognition_results_access(self):
        """RELIABILITY (b) 9: a decision of another company, and any decision
        for a user without DVK rights, cannot be exported (AccessError)."""
        company_b = self.env["res.company"].create({"name": "Công ty B"})
        unit_b = self.env["hr.department"].create(
            {
                "name": "Ban Dân vận B",
                "company_id": company_b.id,
                "dvk_level_id": self.level_grassroots.id,
            }
        )
        campaign_b = self._past_campaign(
            2026, company_id=company_b.id, name="Dân vận khéo 2026 B"
        )
        decision_b = self.env["dvk.decision"].create(
            {
                "campaign_id": campaign_b.id,
                "level_id": self.level_grassroots.id,
                "authority_department_id": unit_b.id,
                "company_id": company_b.id,
                "date": D(2026, 10, 10),
            }
        )
        with self.assertRaises(AccessError):
            self._render(RESULTS, decision_b)
        with self.assertRaises(AccessError):
            self._render(STATISTICS, campaign_b)
        _models, decision = self._recognised_batch(["Dân vận khéo xã Hòa Lợi"])
        outsider = new_test_user(self.env, login="dvk_nobody", name="Người ngoài")
        with self.assertRaises(AccessError):
            self._render(RESULTS, decision, user=outsider)

    # ------------------------------------------------------------------
    # Statistics
    # ------------------------------------------------------------------
    def test_statistics(self):
        """Counts of the campaign's models the officer can see, by unit and
        field then by field, split by target level, recognised level and
        state, with row and column totals; a model outside the officer's units
        is not counted."""
        self._create_model(name="Mô hình nháp kinh tế")
        self._create_model(name="Mô hình nháp văn hóa", field_id=self.field_vhxh.id)
        self._approved(name="Mô hình đã duyệt")
        self._recognised_batch(["Mô hình được công nhận"])
        self._province_model(name="Mô hình của Tỉnh ủy")

        content = self._render(STATISTICS, self.campaign)
        self._assert_no_formula(content)
        book = self._open(content)
        self.assertEqual(book.sheetnames, ["By Unit and Field", "By Field"])
        sheet = book["By Unit and Field"]
        self.assertEqual(sheet["A1"].value, 'Statistics of "Dân vận khéo" models')
        self.assertEqual(sheet["A2"].value, "Campaign: Dân vận khéo 2026")
        levels = ["Grassroots", "District", "Province", "Central"]
        states = [
            "Draft",
            "Submitted",
            "Approved",
            "Proposed",
            "Recognised",
            "Refused",
            "Removed",
            "Carried Over",
        ]
        header = (
            ["Unit", "Field"]
            + levels
            + ["Not Set"]
            + levels
            + ["Not Recognised"]
            + states
            + ["Total"]
        )
        self.assertEqual(self._row(sheet, HEADER + 1), header)
        groups = self._row(sheet, HEADER)
        self.assertEqual(groups[2], "Target Level")
        self.assertEqual(groups[7], "Recognised Level")
        self.assertEqual(groups[12], "State")
        self.assertEqual(sheet.freeze_panes, "C5")
        col = {label: i for i, label in enumerate(header)}

        rows = self._data_rows(sheet, first=HEADER + 2)
        self.assertEqual(len(rows), 3, "two unit x field rows, then the totals")
        unit = "Tỉnh ủy / Huyện ủy Châu Thành / Đảng ủy xã Hòa Lợi"
        economy, culture, totals = rows
        self.assertEqual(economy[:2], [unit, "Economy"])
        self.assertEqual(culture[:2], [unit, "Culture and Society"])
        self.assertEqual(totals[0], "Total")
        self.assertEqual(economy[col["Total"]], 3)
        self.assertEqual(economy[col["Draft"]], 1)
        self.assertEqual(economy[col["Approved"]], 1)
        self.assertEqual(economy[col["Recognised"]], 1)
        self.assertEqual(economy[col["Not Recognised"]], 2)
        self.assertEqual(economy[2], 3, "all aim at grassroots level")
        self.assertEqual(economy[7], 1, "one recognised at grassroots level")
        self.assertEqual(culture[col["Total"]], 1)
        self.assertEqual(totals[col["Total"]], 4, "the province model is hidden")
        self.assertEqual(totals[col["Draft"]], 2)
        self.assertEqual(totals[7], 1)
        for row in rows:
            numbers = row[2:]
            total = numbers[-1]
            self.assertEqual(sum(numbers[0:5]), total, "target levels add up")
            self.assertEqual(sum(numbers[5:10]), total, "recognised levels add up")
            self.assertEqual(sum(numbers[10:-1]), total, "states add up")
        for index in range(2, len(header)):
            self.assertEqual(sum(r[index] for r in rows[:-1]), totals[index])

        by_field = book["By Field"]
        self.assertEqual(self._row(by_field, HEADER + 1), header[1:])
        field_rows = self._data_rows(by_field, first=HEADER + 2)
        self.assertEqual(
            [r[0] for r in field_rows], ["Economy", "Culture and Society", "Total"]
        )
        self.assertEqual([r[-1] for r in field_rows], [3, 1, 4])

    def test_statistics_names_as_text(self):
        """RELIABILITY (b) 30: in the statistics too, a name that looks like a
        formula (here a field's) is a text cell, unchanged."""
        field = self.env["dvk.field"].create(
            {"name": '=HYPERLINK("x")', "code": "XLSX"}
        )
        self._create_model(field_id=field.id)
        content = self._render(STATISTICS, self.campaign)
        self._assert_no_formula(content)
        book = self._open(content)
        for sheet, col in ((book["By Unit and Field"], 2), (book["By Field"], 1)):
            cell = sheet.cell(HEADER + 2, col)
            self.assertEqual((cell.data_type, cell.value), ("s", '=HYPERLINK("x")'))

    # ------------------------------------------------------------------
    # Consecutive years
    # ------------------------------------------------------------------
    def test_consecutive_years(self):
        """Seed 003 Điều 7.3: the models of the campaign recognised two or more
        consecutive years, with their years and the level of each year; models
        recognised once, and models outside the officer's units, are left
        out."""
        three = self._recognised_chain(
            "Dân vận khéo trong hiến đất làm đường",
            [self.level_grassroots, self.level_district, self.level_district],
        )
        two = self._recognised_chain(
            '=HYPERLINK("x")', [self.level_grassroots, self.level_grassroots]
        )
        self._recognised_chain("Mô hình một năm", [self.level_grassroots])
        self._recognised_chain(
            "Mô hình của Tỉnh ủy",
            [self.level_province, self.level_province],
            department=self.province,
        )
        self.assertEqual((three.consecutive_years, two.consecutive_years), (3, 2))

        content = self._render(CONSECUTIVE, self.campaign)
        self._assert_no_formula(content)
        sheet = self._open(content).active
        self.assertEqual(
            sheet["A1"].value,
            '"Dân vận khéo" models recognised in two or more consecutive years',
        )
        self.assertEqual(
            self._row(sheet, HEADER),
            [
                "No.",
                "Model",
                "Unit",
                "Person",
                "Field",
                "Consecutive Years",
                "Years",
                "Recognised Level by Year",
            ],
        )
        rows = self._data_rows(sheet)
        # Vietnamese order of the names: "=" sorts before the letters.
        self.assertEqual(
            rows,
            [
                [
                    1,
                    '=HYPERLINK("x")',
                    "Đảng ủy xã Hòa Lợi",
                    None,
                    "Economy",
                    2,
                    "2025, 2026",
                    "2025: Grassroots; 2026: Grassroots",
                ],
                [
                    2,
                    "Dân vận khéo trong hiến đất làm đường",
                    "Đảng ủy xã Hòa Lợi",
                    None,
                    "Economy",
                    3,
                    "2024, 2025, 2026",
                    "2024: Grassroots; 2025: District; 2026: District",
                ],
            ],
        )
        self.assertEqual(sheet.cell(HEADER + 1, 2).data_type, "s")

    # ------------------------------------------------------------------
    # Sorting
    # ------------------------------------------------------------------
    def test_vietnamese_order(self):
        """RELIABILITY (b) 29: names sort in the Vietnamese alphabet (a, ă,
        â, ..., d, đ), tones only breaking ties, not in the C collation."""
        names = ["Đức", "Dũng", "Ân", "Ánh", "An", "Bình", "Ăn", "dung"]
        self.assertEqual(
            sorted(names, key=vn_sort_key),
            ["An", "Ánh", "Ăn", "Ân", "Bình", "dung", "Dũng", "Đức"],
        )

    # ------------------------------------------------------------------
    # Rows written straight into the sheet's XML
    # ------------------------------------------------------------------
    def _table_workbook(self, rows, fast):
        """A workbook with the registration sheet's title, header and
        ``rows``, then one cell written below them the usual way; the rows go
        through the sheet's own XML (``fast``) or xlsxwriter's cells."""
        import xlsxwriter  # noqa: PLC0415 (comes with report_xlsx)

        report = self.env["report.dvk_models.model_registration_xlsx"]
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, report.get_workbook_options())
        formats = report._dvk_formats(workbook)
        columns = report._dvk_columns()[:6]
        sheet = report._dvk_add_sheet(
            workbook, formats, "Models", "Title", "Subtitle", columns
        )
        if not fast:
            # The same sheet without the direct path: xlsxwriter's cells.
            sheet.__class__ = xlsxwriter.worksheet.Worksheet
        next_row = report._dvk_write_rows(sheet, formats, columns, rows)
        sheet.write_string(next_row + 1, 0, "Below the table", formats["text"])
        report._dvk_autofilter(sheet, HEADER - 1, next_row, len(columns))
        workbook.close()
        return output.getvalue()

    def test_table_rows_read_back_as_cells(self):
        """Issue 12: the export's rows, written straight into the sheet's XML,
        read back exactly as xlsxwriter's own cells (values, types, formats,
        the quote prefix of formula-like text, dates), with the title, header
        and a later row around them in their places."""
        rows = [
            [1, "Dân vận khéo <&> “trích”", None, False, "", D(2026, 2, 10)],
            [2, '=HYPERLINK("x")', "+84 ấp", "  spaces kept  ", 2.5, D(2025, 12, 31)],
            [3, "x" * 40000, "bell\x07char", 1234567890123, -7, None],
        ]
        fast = self._open(self._table_workbook(rows, fast=True)).active
        slow = self._open(self._table_workbook(rows, fast=False)).active
        self.assertEqual(fast.dimensions, slow.dimensions)
        self.assertEqual(fast.auto_filter.ref, slow.auto_filter.ref)
        for row in range(1, slow.max_row + 1):
            for col in range(1, slow.max_column + 1):
                a, b = fast.cell(row, col), slow.cell(row, col)
                where = f"{b.coordinate}"
                self.assertEqual(a.value, b.value, where)
                self.assertEqual(a.data_type, b.data_type, where)
                self.assertEqual(a.number_format, b.number_format, where)
                self.assertEqual(a.quotePrefix, b.quotePrefix, where)
                self.assertEqual(a.border.left.style, b.border.left.style, where)
                self.assertEqual(a.alignment.horizontal, b.alignment.horizontal)
        self.assertEqual(fast.cell(HEADER + 2, 2).value, '=HYPERLINK("x")')
        self.assertTrue(fast.cell(HEADER + 2, 2).quotePrefix)
        self.assertEqual(fast.cell(HEADER + 3, 2).value, "x" * 32767)
        self.assertEqual(fast.cell(HEADER + 5, 1).value, "Below the table")
