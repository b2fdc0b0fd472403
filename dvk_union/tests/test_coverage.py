"""Organisation (seed 004 §V): the share of base unions running at least one
model, per district federation and sector union, with the base unions that
have none; each of them registers at least one model for province level;
site visits and conferences are recorded against a model and counted with
its replications (§II.1.4); the forms print with the union header."""

import datetime
import io
import re

from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged, warmup

from .common import DvkUnionCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestUnionCoverage(DvkUnionCommon):
    def _coverage(self, user=None):
        Coverage = self.env["dvk.union.coverage"].with_user(user or self.user_officer)
        wizard = Coverage.create({"campaign_id": self.campaign.id})
        wizard.action_compute()
        return wizard

    def _line(self, wizard, upper):
        return wizard.line_ids.filtered(lambda line: line.upper_id == upper)

    def test_coverage_figures_and_missing_base_unions(self):
        """Rule: §V.2 — a base union counts as covered once one of its models
        (or of a unit under it) is registered; a draft or refused model does
        not count. The district has 2 base unions, 1 covered: 50%, the other
        listed; the whole province 1 of 3."""
        self._model(self.base2)  # a draft: not registered
        model = self._model(self.base_group)
        model.with_user(self.user_officer).action_submit()
        wizard = self._coverage()
        line = self._line(wizard, self.district)
        self.assertRecordValues(
            line, [{"base_count": 2, "covered_count": 1, "share": 50.0}]
        )
        self.assertEqual(line.missing_ids, self.base2)
        self.assertRecordValues(
            self._line(wizard, self.sector),
            [{"base_count": 1, "covered_count": 0, "share": 0.0}],
        )
        self.assertRecordValues(
            self._line(wizard, self.district2), [{"base_count": 0, "share": 0.0}]
        )
        self.assertRecordValues(
            wizard, [{"base_count": 3, "covered_count": 1, "share": 33.3}]
        )

    def test_province_level_minimum(self):
        """Rule: §V.1 — each district federation and sector union registers
        at least one model for province level: with none it is shown as
        missing; one province-wide registration meets it."""
        wizard = self._coverage()
        self.assertFalse(self._line(wizard, self.district).province_ok)
        self.assertEqual(wizard.province_missing_count, 3)
        model = self._model(self.base, union_reach="province")
        model.with_user(self.user_officer).action_submit()
        wizard = self._coverage()
        self.assertRecordValues(
            self._line(wizard, self.district),
            [{"province_count": 1, "province_ok": True}],
        )
        self.assertFalse(self._line(wizard, self.sector).province_ok)
        self.assertEqual(wizard.province_missing_count, 2)

    def test_summary_counts_the_province_level_rows_it_lists(self):
        """Rule: §V.1 — one definition of a model registered for province
        level, for the registration summary's list and for the count it
        prints (and the coverage's minimum): the level of its reach once
        stated, else its target level. The printed count equals the number
        of listed rows of province level, per union."""
        Model = self.env["dvk.model"]
        reach_only = self._model(self.base, union_reach="province")
        level_only = self._model(
            self.base2, name="Mô hình cấp tỉnh", level_id=self.level_province.id
        )
        # The reach, once stated, decides over an earlier target level.
        district = self._model(
            self.base_group,
            name="Mô hình cấp huyện",
            union_reach="district",
            level_id=self.level_province.id,
        )
        sector = self._model(
            self.base3, name="Mô hình ngành", level_id=self.level_province.id
        )
        sector.union_reach = "base"
        for model in reach_only | level_only | district | sector:
            model.with_user(self.user_officer).action_submit()
        self.assertEqual(
            Model.search(
                [
                    ("id", "in", (reach_only | level_only | district | sector).ids),
                    ("union_level_id", "=", self.level_province.id),
                ]
            ),
            reach_only | level_only,
        )
        wizard = self._coverage()
        Summary = self.env[
            "report.dvk_union.report_dvk_union_registration_summary"
        ].with_user(self.user_officer)
        pages = {
            page["unit_name"]: page
            for page in Summary._dvk_prepare(wizard, {})["summaries"][wizard.id]
        }
        province_label = Summary._dvk_union_level_label(reach_only)
        # "Cấp tỉnh" (the level's name in the reader's language).
        self.assertEqual(
            province_label,
            "Cấp " + Summary._dvk_level_phrase(self.level_province)[4:],
        )
        for name, page in pages.items():
            with self.subTest(union=name):
                listed = [r for r in page["rows"] if r["level"] == province_label]
                self.assertEqual(page["province_count"], len(listed))
        self.assertEqual(pages[self.district.name]["province_count"], 2)
        self.assertEqual(
            {r["name"]: r["level"] for r in pages[self.district.name]["rows"]},
            {
                reach_only.name: province_label,
                level_only.name: province_label,
                district.name: Summary._dvk_union_level_label(district),
            },
        )
        self.assertNotEqual(Summary._dvk_union_level_label(district), province_label)
        self.assertEqual(pages[self.sector.name]["province_count"], 0)
        self.assertTrue(self._line(wizard, self.district).province_ok)
        self.assertFalse(self._line(wizard, self.sector).province_ok)
        text = " ".join(
            re.sub(
                r"<[^>]*>",
                " ",
                self.env["ir.actions.report"]
                .with_user(self.user_officer)
                ._render_qweb_html(
                    "dvk_union.report_dvk_union_registration_summary", wizard.ids
                )[0]
                .decode(),
            ).split()
        )
        self.assertIn("2 mô hình đăng ký thực hiện ở cấp tỉnh", text)

    def test_coverage_scope_of_district_officer(self):
        """Rule: an officer reads the figures of the units in his charge
        only: the district officer sees his district federation, not the
        sector union."""
        wizard = self._coverage(self.user_district_officer)
        self.assertEqual(wizard.line_ids.upper_id, self.district)

    def test_staff_cannot_open_coverage(self):
        """Rule: the coverage dashboard is for DVK officers; staff get an
        access error."""
        with self.assertRaises(AccessError):
            self.env["dvk.union.coverage"].with_user(self.user_base).create(
                {"campaign_id": self.campaign.id}
            )

    def test_dashboard_shows_the_coverage_of_the_report(self):
        """Issue 22 item 7: a trade-union campaign's dashboard shows the
        coverage its report prints, one definition for both (seed 004 §V.2:
        the base unions running a model), for the provincial and a district
        officer and a manager; a base union directly under the provincial
        federation is counted in a row of the federation."""
        direct = self.env["hr.department"].create(
            {
                "name": "Công đoàn cơ sở Văn phòng Liên đoàn",
                "parent_id": self.province.id,
                "dvk_union_kind": "base",
            }
        )
        for unit in (self.base_group, self.district, direct):
            self._model(unit).with_user(self.user_officer).action_submit()
        self._model(self.base2)  # a draft covers nothing
        for user, expected in (
            (self.user_officer, (4, 2, 50.0)),
            (self.user_district_officer, (2, 1, 50.0)),
            (self.user_manager, (4, 2, 50.0)),
        ):
            with self.subTest(user=user.login):
                wizard = self._coverage(user)
                self.assertEqual(
                    (wizard.base_count, wizard.covered_count, wizard.share), expected
                )
                self.env.invalidate_all()
                self.assertEqual(
                    self.campaign.with_user(user).dash_coverage, wizard.share
                )
        wizard = self._coverage()
        self.assertRecordValues(
            self._line(wizard, self.province),
            [
                {
                    "base_count": 1,
                    "covered_count": 1,
                    "province_count": 0,
                    "province_ok": True,
                }
            ],
        )
        # The §V.1 minimum concerns the district federations and sector
        # unions only, and so do the summaries they send to the federation.
        self.assertEqual(wizard.province_missing_count, 3)
        summaries = self.env[
            "report.dvk_union.report_dvk_union_registration_summary"
        ]._dvk_prepare(wizard, {})["summaries"][wizard.id]
        self.assertEqual(
            [page["unit_name"] for page in summaries],
            (self.district | self.district2 | self.sector)
            .sorted(lambda u: (u.dvk_union_kind, u.name))
            .mapped("name"),
        )

    @freeze_time("2026-12-07")
    def test_coverage_opens_on_the_running_campaign(self):
        """Issue 22 item 19: the coverage opens on the campaign at work today,
        not on next year's draft campaign prepared in December."""
        self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo Công đoàn Ninh Thuận 2027",
                "year": 2027,
                "profile": "union",
                "date_start": datetime.date(2027, 1, 1),
                "date_end": datetime.date(2027, 12, 31),
            }
        )
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                Coverage = self.env["dvk.union.coverage"].with_user(user)
                self.assertEqual(
                    Coverage.default_get(["campaign_id"])["campaign_id"],
                    self.campaign.id,
                )

    @warmup
    def test_coverage_query_count_constant(self):
        """Rule: batch — the coverage is computed in a number of queries that
        does not grow with the number of base unions and models."""
        D = self.env["hr.department"]
        for index in range(20):
            unit = D.create(
                {
                    "name": f"Công đoàn cơ sở số {index}",
                    "parent_id": self.district.id,
                    "dvk_union_kind": "base",
                }
            )
            self._model(unit)
        Coverage = self.env["dvk.union.coverage"].with_user(self.user_officer)
        wizard = Coverage.create({"campaign_id": self.campaign.id})
        with self.assertQueryCount(40):
            wizard.action_compute()
        self.assertEqual(self._line(wizard, self.district).base_count, 22)

    def test_coverage_pdf_and_xlsx(self):
        """Rule: §V — the coverage prints as PDF and exports as XLSX, in
        Vietnamese, with the base unions lacking a model."""
        wizard = self._coverage()
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_pdf("dvk_union.dvk_union_coverage_report", wizard.ids)
        )
        text = html.decode()
        self.assertIn("Tỷ lệ công đoàn cơ sở có mô hình", text)
        self.assertIn(self.base2.name, text)
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_xlsx("dvk_union.dvk_union_coverage_report_xlsx", wizard.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_pdf(
                "dvk_union.dvk_union_registration_summary_report", wizard.ids
            )
        )
        text = html.decode()
        self.assertIn("Tổng hợp đăng ký xây dựng mô hình", text)
        self.assertIn("Chưa lựa chọn mô hình đăng ký thực hiện ở cấp tỉnh", text)

    def test_missing_base_unions_in_vietnamese_order(self):
        """Rule: RELIABILITY (b) 29 (issue 23) — the base unions without a
        model are listed in Vietnamese dictionary order (đ after d and
        before e, ư after u and before v, not after z as the database
        sorts them), the same in the coverage report, the registration
        summary and the export."""
        for place in ("Ương Thượng", "Vĩnh Hải", "Đông Hải", "Ea Súp"):
            self.env["hr.department"].create(
                {
                    "name": f"Công đoàn cơ sở xã {place}",
                    "parent_id": self.district.id,
                    "dvk_union_kind": "base",
                    "dvk_level_id": self.level_grassroots.id,
                }
            )
        wizard = self._coverage()
        expected = ", ".join(
            [
                "Công đoàn cơ sở Bệnh viện tỉnh",
                "Công đoàn cơ sở Công ty May Ninh Thuận",
                "Công đoàn cơ sở xã Đông Hải",
                "Công đoàn cơ sở xã Ea Súp",
                "Công đoàn cơ sở xã Ương Thượng",
                "Công đoàn cơ sở xã Vĩnh Hải",
            ]
        )
        Report = self.env["ir.actions.report"].with_user(self.user_officer)
        for report in (
            "dvk_union.report_dvk_union_coverage",
            "dvk_union.report_dvk_union_registration_summary",
        ):
            html, _kind = Report._render_qweb_html(report, wizard.ids)
            listed = re.findall(
                r"Công đoàn cơ sở Bệnh viện tỉnh, [^<.]*", html.decode()
            )
            with self.subTest(report=report):
                self.assertEqual(listed, [expected])
        content, _kind = Report._render_xlsx(
            "dvk_union.dvk_union_coverage_report_xlsx", wizard.ids, {}
        )
        sheet = load_workbook(io.BytesIO(content)).active
        listed = [
            cell.value
            for row in sheet.iter_rows()
            for cell in row
            if str(cell.value).startswith("Công đoàn cơ sở Bệnh viện tỉnh")
        ]
        self.assertEqual(listed, [expected])

    def test_upper_level_words_from_the_campaign_chain(self):
        """Rule: seed 004 §V with the two-tier government since 1/7/2025 —
        the coverage names the unions above the base unions in the words of
        its campaign's level chain: "cấp trên trực tiếp cơ sở" for a 2026
        campaign, "cấp huyện" for a campaign on the chain before 1/7/2025;
        the screen, the PDF and the XLSX alike."""
        # The forms' words are Vietnamese once it is installed (as under
        # odoo-bin --load-language=vi_VN).
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["dvk_models", "dvk_union"], ["vi_VN"]
        )
        wizard = self._coverage()
        self.assertEqual(wizard.upper_level_label, "Công đoàn cấp trên trực tiếp cơ sở")
        earlier = self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo Công đoàn Ninh Thuận 2024",
                "year": 2024,
                "profile": "union",
                "date_start": datetime.date(2024, 1, 1),
                "date_end": datetime.date(2024, 12, 31),
            }
        )
        old = (
            self.env["dvk.union.coverage"]
            .with_user(self.user_officer)
            .create({"campaign_id": earlier.id})
        )
        self.assertEqual(old.upper_level_label, "Công đoàn cấp huyện")
        Report = self.env["ir.actions.report"].with_user(self.user_officer)
        html, _kind = Report._render_qweb_pdf(
            "dvk_union.dvk_union_coverage_report", wizard.ids
        )
        self.assertIn(">Công đoàn cấp trên trực tiếp cơ sở</th>", html.decode())
        html, _kind = Report._render_qweb_pdf(
            "dvk_union.dvk_union_coverage_report", old.ids
        )
        self.assertIn(">Công đoàn cấp huyện</th>", html.decode())
        content, _kind = Report._render_xlsx(
            "dvk_union.dvk_union_coverage_report_xlsx", wizard.ids, {}
        )
        sheet = load_workbook(io.BytesIO(content)).active
        cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
        self.assertIn("Công đoàn cấp trên trực tiếp cơ sở", cells)

    def test_export_writes_rates_as_numbers_with_the_total_row(self):
        """Rule (issue 22): the coverage export writes its counts and rates
        as numbers (a rate of 50.0 shown with one decimal), so that Excel
        sums and sorts them, and ends with the total row the printed report
        has, both from the one definition of the scope's figures."""
        model = self._model(self.base2)
        model.with_user(self.user_officer).action_submit()
        self._model(self.base, union_reach="province").with_user(
            self.user_officer
        ).action_submit()
        wizard = self._coverage()
        self.assertEqual(wizard.issuer_department_id, self.province)
        Report = self.env["ir.actions.report"].with_user(self.user_officer)
        content, _kind = Report._render_xlsx(
            "dvk_union.dvk_union_coverage_report_xlsx", wizard.ids, {}
        )
        sheet = load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(min_row=4))
        lines = wizard.line_ids
        self.assertEqual(len(rows), len(lines) + 1)
        for row, line in zip(rows, lines, strict=False):
            self.assertEqual(row[3].value, line.share)
            self.assertIsInstance(row[3].value, float | int)
            self.assertEqual(row[3].number_format, "0.0")
        shares = {row[3].value for row in rows[:-1]}
        self.assertIn(100.0, shares)
        total = rows[-1]
        self.assertEqual(
            [total[col].value for col in range(6)],
            [
                "Toàn tỉnh",
                wizard.base_count,
                wizard.covered_count,
                wizard.share,
                None,
                sum(lines.mapped("province_count")),
            ],
        )
        self.assertEqual((wizard.base_count, wizard.covered_count), (3, 2))
        self.assertEqual(total[5].value, 1)
        html, _kind = Report._render_qweb_html(
            "dvk_union.report_dvk_union_coverage", wizard.ids
        )
        text = " ".join(re.sub(r"<[^>]*>", " ", html.decode()).split())
        self.assertIn("Toàn tỉnh 3 2 66,7 1", text)

    def test_registration_summary_one_document_per_record(self):
        """Rule: seed 004 §V.1 (issue 22 journey 6) — the registration
        summaries of a coverage print as one document per coverage record,
        whatever the number of federations and sector unions (each summary
        on its own pages, after a page break), so that several records
        print at once as several documents."""
        first = self._coverage()
        second = self._coverage()
        action = self.env["ir.actions.report"]._get_report(
            "dvk_union.dvk_union_registration_summary_report"
        )
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html(action.report_name, (first | second).ids)
        )
        bodies, res_ids, *_rest = action._prepare_html(html, report_model=action.model)
        self.assertEqual(res_ids, (first | second).ids)
        pages = len(
            self.env[
                "report.dvk_union.report_dvk_union_registration_summary"
            ]._dvk_prepare(first, {})["summaries"][first.id]
        )
        self.assertGreater(pages, 1)
        for body in bodies:
            self.assertEqual(body.count("Tổng hợp đăng ký xây dựng mô hình"), pages)
            self.assertEqual(body.count("dvk-doc dvk-page-break"), pages - 1)


@tagged("post_install", "-at_install")
@freeze_time("2026-05-10")
class TestUnionReplication(DvkUnionCommon):
    def test_events_counted_with_replications(self):
        """Rule: §II.1.4 — site visits and conferences are recorded against a
        model (date, place, units attending) and counted with its
        replications."""
        origin = self._approved(self.base, union_reach="district")
        self._model(self.base2, replicated_from_id=origin.id)
        Event = self.env["dvk.union.replication.event"].with_user(self.user_officer)
        Event.create(
            {
                "model_id": origin.id,
                "kind": "site_visit",
                "date": datetime.date(2026, 5, 5),
                "place": "Công ty May Ninh Thuận",
                "unit_ids": [(6, 0, (self.base2 | self.base3).ids)],
            }
        )
        Event.create(
            {
                "model_id": origin.id,
                "kind": "conference",
                "date": datetime.date(2026, 5, 9),
                "place": "Hội trường LĐLĐ tỉnh",
            }
        )
        origin.invalidate_recordset(["union_event_count", "union_spread_count"])
        self.assertRecordValues(
            origin, [{"union_event_count": 2, "union_spread_count": 3}]
        )
        self.assertEqual(sorted(origin.union_event_ids.mapped("unit_count")), [0, 2])

    def test_event_of_draft_or_other_year_refused(self):
        """Rule: §II.1.4 — only a registered model is replicated, within its
        year."""
        draft = self._model(self.base)
        Event = self.env["dvk.union.replication.event"].with_user(self.user_officer)
        with self.assertRaises(ValidationError):
            Event.create({"model_id": draft.id, "place": "X"})
        model = self._approved(self.base2)
        with self.assertRaises(ValidationError):
            Event.create(
                {
                    "model_id": model.id,
                    "place": "X",
                    "date": datetime.date(2025, 12, 1),
                }
            )

    def test_staff_cannot_record_event(self):
        """Rule: events are recorded by DVK officers; staff read them only."""
        model = self._approved(self.base)
        with self.assertRaises(AccessError):
            self.env["dvk.union.replication.event"].with_user(self.user_base).create(
                {"model_id": model.id, "place": "X"}
            )

    def test_submission_and_achievement_forms(self):
        """Rule: §IV.4 and §VIII of the issue — the union submission letter
        lists its dossier with copy counts under the union header; the
        achievement summary counts the site visits."""
        model = self._ready(self.base, "district")
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_pdf("dvk_union.dvk_union_submission_report", model.ids)
        )
        text = html.decode()
        self.assertIn("TỜ TRÌNH", text)
        self.assertIn("02 bản", text)
        self.assertIn(self.district.name, text)
        self.assertIn(self.district.name.upper(), text)
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_pdf("dvk_union.dvk_union_achievement_report", model.ids)
        )
        self.assertIn("TÓM TẮT THÀNH TÍCH", html.decode())

    def test_submission_forms_reprint_as_issued(self):
        """Rule (issue 22, reprint as issued): the union submission letter
        and the achievement summary of its dossier are dated the day the
        model was proposed, also when printed again later; before the
        proposal they are dated the day they are printed."""
        model = self._ready(self.base, "district")
        Report = self.env["ir.actions.report"].with_user(self.user_officer)
        xmlids = (
            "dvk_union.dvk_union_submission_report",
            "dvk_union.dvk_union_achievement_report",
        )
        with freeze_time("2026-04-15"):
            for xmlid in xmlids:
                html, _kind = Report._render_qweb_pdf(xmlid, model.ids)
                self.assertIn("ngày 15 tháng 4 năm 2026", html.decode())
        with freeze_time("2026-04-08"):
            model.with_user(self.user_officer).action_propose()
        with freeze_time("2026-12-07"):
            for xmlid in xmlids:
                with self.subTest(report=xmlid):
                    html, _kind = Report._render_qweb_pdf(xmlid, model.ids)
                    self.assertIn("ngày 08 tháng 4 năm 2026", html.decode())
                    self.assertNotIn("ngày 07 tháng 12 năm 2026", html.decode())

    def test_union_forms_only_for_union_records(self):
        """Issue "Every user's journey" 3: the union's forms follow the
        record's profile: hidden from the print menu of other profiles
        (action domain) and refused for a party model, naming it."""
        party = self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo khối Đảng 2026",
                "year": 2026,
                "profile": "party",
                "date_start": datetime.date(2026, 1, 1),
                "date_end": datetime.date(2026, 12, 31),
                "registration_deadline": datetime.date(2026, 3, 29),
                "recognition_deadline": datetime.date(2026, 10, 14),
            }
        )
        party.action_open()
        model = self.env["dvk.model"].create(
            {
                "name": "Mô hình của chi bộ",
                "campaign_id": party.id,
                "department_id": self.base.id,
                "field_id": self.field_xdhtct.id,
            }
        )
        for xmlid in (
            "dvk_union.dvk_union_submission_report",
            "dvk_union.dvk_union_achievement_report",
        ):
            with self.subTest(report=xmlid):
                self.assertEqual(
                    self.env.ref(xmlid).domain, "[('profile', '=', 'union')]"
                )
                with self.assertRaisesRegex(UserError, "Mô hình của chi bộ"):
                    self.env["ir.actions.report"]._render_qweb_pdf(xmlid, model.ids)
