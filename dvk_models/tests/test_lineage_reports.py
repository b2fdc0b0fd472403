"""Reports after a unit merger: the lists print a unit that took over others
as "C (formerly A, B)" for the records of the periods after the merger;
records decided by a former unit, and decisions, print as they were issued."""

import datetime
import html
import io
import re

from openpyxl import load_workbook

from odoo.fields import Command
from odoo.tests import freeze_time, tagged

from .common import DvkCommon

D = datetime.date
TAGS = re.compile(r"<[^>]*>")
SUMMARY = "dvk_models.dvk_campaign_report_summary"
DECISION = "dvk_models.dvk_decision_report"
FORM1 = "dvk_models.dvk_model_report_registration"


@tagged("post_install", "-at_install")
class TestLineageReports(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The forms print in Vietnamese once it is installed (as under
        # odoo-bin --load-language=vi_VN): install it here too, so that
        # both test runners check the words users read.
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["dvk_models"], ["vi_VN"])
        cls.c2024 = cls._open_campaign(cls, 2024)
        cls.c2025 = cls._open_campaign(cls, 2025)

    def _recognise(self, model, authority, date):
        if model.state == "draft":
            model.action_submit()
        if model.state == "submitted":
            model.with_user(self.user_approver).action_approve()
            self._self_assess(model)
        model.with_user(self.user_officer).action_propose(self.level_grassroots)
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": model.campaign_id.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": authority.id,
                    "date": date,
                    "line_ids": [Command.create({"model_id": model.id})],
                }
            )
        )
        decision.action_confirm()
        return decision

    def _merge(self, sources, successor, date=None):
        wizard = (
            self.env["dvk.unit.lineage.wizard"]
            .with_user(self.user_manager)
            .create(
                {
                    "mode": "merge",
                    "date": date or D(2025, 7, 1),
                    "source_ids": [Command.set(sources.ids)],
                    "successor_id": successor.id,
                }
            )
        )
        wizard.action_apply()

    def _summary_subjects(self, campaign):
        values = (
            self.env["report.dvk_models.report_dvk_campaign_summary"]
            .with_user(self.user_officer)
            ._get_report_values(campaign.ids, {"department_id": self.district.id})
        )
        return [row["subject"] for row in values["summaries"][campaign.id]["rows"]]

    def _text(self, report_ref, records):
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_pdf(report_ref, records.ids)
        )
        self.assertEqual(kind, "html")
        return " ".join(html.unescape(TAGS.sub(" ", content.decode())).split())

    def _history(self):
        """A model of Hòa Lợi recognised in 2024, one of Đa Lộc recognised in
        2025 before the merger, and Hòa Lợi's 2026 model recognised after
        it."""
        with freeze_time("2024-02-10"):
            m2024 = self._create_model(campaign_id=self.c2024.id, name="Mô hình A")
            self._recognise(m2024, self.commune, D(2024, 10, 1))
        with freeze_time("2025-02-10"):
            m2025 = self.env["dvk.model"].create(
                self._model_vals(
                    campaign_id=self.c2025.id,
                    name="Mô hình B",
                    department_id=self.commune_other.id,
                )
            )
            m2025.with_user(self.user_officer).action_submit()
            m2025.with_user(self.user_district_head).action_approve()
            self._self_assess(m2025)
            m2025.with_user(self.user_officer).action_propose(self.level_grassroots)
            decision = (
                self.env["dvk.decision"]
                .with_user(self.user_officer)
                .create(
                    {
                        "campaign_id": self.c2025.id,
                        "level_id": self.level_grassroots.id,
                        "authority_department_id": self.commune_other.id,
                        "date": D(2025, 5, 1),
                        "line_ids": [Command.create({"model_id": m2025.id})],
                    }
                )
            )
            decision.action_confirm()
        with freeze_time("2025-07-01"):
            self._merge(self.commune_other, self.commune)
        with freeze_time("2026-02-10"):
            m2026 = self._create_model(name="Mô hình C")
            d2026 = self._recognise(m2026, self.commune, D(2026, 10, 1))
        return m2024, m2025, m2026, d2026

    def test_summary_prints_formerly_after_the_merger_only(self):
        """Mẫu 3 of a campaign ending after the merger names the successor
        "Hòa Lợi (trước đây là Đa Lộc)"; the successor's own records of a year
        before the merger print its name alone, and a record the former unit
        decided keeps the former unit."""
        _m2024, _m2025, _m2026, _d2026 = self._history()
        self.assertEqual(
            self._summary_subjects(self.campaign),
            ["Đảng ủy xã Hòa Lợi (trước đây là Đảng ủy xã Đa Lộc)"],
        )
        self.assertEqual(self._summary_subjects(self.c2024), ["Đảng ủy xã Hòa Lợi"])
        # Đa Lộc decided its 2025 model: it stays Đa Lộc's (archived unit).
        self.assertEqual(
            self.env["report.dvk_models.report_dvk_campaign_summary"]
            .with_user(self.user_manager)
            ._get_report_values(self.c2025.ids, {})["summaries"][self.c2025.id]["rows"][
                0
            ]["subject"],
            "Đảng ủy xã Đa Lộc",
        )
        with freeze_time("2026-11-01"):
            text = self._text(SUMMARY, self.campaign)
        self.assertIn("Đảng ủy xã Hòa Lợi (trước đây là Đảng ủy xã Đa Lộc)", text)

    def test_decision_prints_as_issued(self):
        """A decision keeps its issuer and header as issued: its annexed list
        names the unit without "(trước đây là ...)"."""
        _m2024, _m2025, _m2026, d2026 = self._history()
        with freeze_time("2026-11-01"):
            text = self._text(DECISION, d2026)
        self.assertIn("Mô hình C", text)
        self.assertIn("Đảng ủy xã Hòa Lợi", text)
        self.assertNotIn("trước đây là", text)

    def test_registration_form_prints_formerly(self):
        """Mẫu 1 of a model registered after the merger names its unit as
        Mẫu 3 does, "Hòa Lợi (trước đây là Đa Lộc)"; the 2024 form of the same
        unit, before the merger, prints its name alone."""
        m2024, _m2025, m2026, _d2026 = self._history()
        with freeze_time("2026-11-01"):
            text = self._text(FORM1, m2026)
            before = self._text(FORM1, m2024)
        self.assertIn(
            "Tên tập thể đăng ký: Đảng ủy xã Hòa Lợi (trước đây là Đảng ủy xã Đa Lộc)",
            text,
        )
        self.assertIn("Tên tập thể đăng ký: Đảng ủy xã Hòa Lợi", before)
        self.assertNotIn("trước đây là", before)

    def test_registration_xlsx_prints_formerly(self):
        """The registration list names the unit of a record of the period
        after the merger "C (formerly ...)", and the same unit's records of
        the year before the merger by its name alone."""
        m2024, _m2025, m2026, _d = self._history()
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render("dvk_models.model_registration_xlsx", (m2024 | m2026).ids)
        )
        self.assertEqual(kind, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        units = {row[1]: row[2] for row in sheet.iter_rows(min_row=4, values_only=True)}
        self.assertEqual(
            units,
            {
                "Mô hình A": "Đảng ủy xã Hòa Lợi",
                "Mô hình C": "Đảng ủy xã Hòa Lợi (formerly Đảng ủy xã Đa Lộc)",
            },
        )
