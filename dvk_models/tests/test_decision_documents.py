"""The printed decision and registration forms as official documents: the
decision's subject carries the campaign's year, its legal bases come from the
campaign's guidance documents, the signer prints under the signature, the
annexed list refers to the decision; a registration not approved prints a
blank approval block (Decree 30/2020/NĐ-CP, seed 000 §II.1)."""

import datetime
import html
import re

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import DvkCommon, run_migration

D = datetime.date
DECISION = "dvk_models.dvk_decision_report"
REGISTRATION = "dvk_models.dvk_model_report_registration"
TAGS = re.compile(r"<[^>]*>")
BASES = (
    "Hướng dẫn số 07-HD/ĐUK ngày 12/01/2024 của Ban Thường vụ Đảng ủy Khối\n"
    "\n"
    "Căn cứ Kế hoạch số 15-KH/ĐU ngày 20/01/2026 của Đảng ủy xã Hòa Lợi;"
)


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDecisionDocuments(DvkCommon):
    def _text(self, report_ref, records, user=None):
        """The rendered HTML as a reader sees it: tags removed, entities
        decoded, blanks collapsed."""
        report = self.env["ir.actions.report"].with_user(user or self.user_officer)
        content, kind = report._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(kind, "html")
        text = html.unescape(TAGS.sub(" ", content.decode()))
        return " ".join(text.split())

    def _campaign_2027(self):
        campaign = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo 2027", "year": 2027, "profile": "party"}
        )
        campaign.action_open()
        return campaign

    # ------------------------------------------------------------------
    # Subject
    # ------------------------------------------------------------------
    def test_default_subject_in_the_readers_language(self):
        """Rule: a generated text is read in the reader's language: the
        default subject of a draft created in English (demo data, imports)
        reads in Vietnamese to a Vietnamese officer and prints so; a subject
        the officer wrote is kept as written."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["dvk_models"], ["vi_VN"])
        decision = self._decision(self._proposed()).with_context(lang="en_US")
        english = decision.title
        vietnamese = decision.with_context(lang="vi_VN").title
        self.assertIn("2026", vietnamese)
        self.assertNotEqual(vietnamese, english)
        self.assertEqual(
            vietnamese,
            decision.with_context(lang="vi_VN")._default_title(2026),
        )
        self.assertFalse(decision.own_title)
        decision.with_user(self.user_officer).title = "Về việc công nhận đợt 2"
        self.assertEqual(decision.own_title, "Về việc công nhận đợt 2")
        decision.invalidate_recordset(["title"])
        self.assertEqual(
            decision.with_context(lang="vi_VN").title, "Về việc công nhận đợt 2"
        )
        decision.with_user(self.user_officer).title = english
        self.assertFalse(decision.own_title)

    def test_stored_subjects_migrated(self):
        """Rule: the 19.0.1.7.0 migration keeps the subjects officers wrote
        and lets the default ones follow the reader's language."""
        default = self._decision(self._proposed())
        written = self._decision(self._proposed(name="Dân vận khéo trong xây cầu"))
        self.env.flush_all()
        self.env.cr.execute(
            "ALTER TABLE dvk_decision ADD COLUMN IF NOT EXISTS title varchar"
        )
        self.env.cr.execute(
            "UPDATE dvk_decision SET title = %s WHERE id = %s",
            [default.with_context(lang="en_US")._default_title(2026), default.id],
        )
        self.env.cr.execute(
            "UPDATE dvk_decision SET title = %s WHERE id = %s",
            ["Về việc công nhận đợt 2", written.id],
        )
        run_migration(
            "dvk_models",
            "19.0.1.7.0",
            "post-decision_titles",
            self.env.cr,
            "19.0.1.6.0",
        )
        self.env.invalidate_all()
        self.assertFalse(default.own_title)
        self.assertEqual(written.own_title, "Về việc công nhận đợt 2")
        self.assertEqual(written.title, "Về việc công nhận đợt 2")
        self.env.cr.execute(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'dvk_decision' AND column_name = 'title'"
        )
        self.assertFalse(self.env.cr.fetchone())

    def test_title_follows_the_campaign_year(self):
        """Decree 30/2020/NĐ-CP (trích yếu): the subject of the decision
        carries its campaign's year, and follows a change of campaign unless
        the user wrote their own subject."""
        decision = self._decision(self._proposed())
        decision.line_ids.unlink()
        self.assertIn("2026", decision.title)
        campaign_2027 = self._campaign_2027()
        decision.write({"campaign_id": campaign_2027.id, "date": D(2027, 10, 10)})
        self.assertIn("2027", decision.title)
        self.assertNotIn("2026", decision.title)
        self.assertIn(
            'công nhận mô hình, điển hình "Dân vận khéo" năm 2027',
            self._text(DECISION, decision),
        )
        decision.title = "Về việc công nhận mô hình tiêu biểu đợt 1"
        decision.write({"campaign_id": self.campaign.id, "date": D(2026, 10, 10)})
        self.assertEqual(decision.title, "Về việc công nhận mô hình tiêu biểu đợt 1")
        self.assertIn(
            "Về việc công nhận mô hình tiêu biểu đợt 1",
            self._text(DECISION, decision),
        )

    # ------------------------------------------------------------------
    # Legal bases
    # ------------------------------------------------------------------
    def test_campaign_has_default_guidance(self):
        """Seed 000/001: a campaign knows the guidance its profile follows
        for its year, as data the manager may edit (one document per line)."""
        campaign_2025 = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo 2025", "year": 2025, "profile": "party"}
        )
        self.assertIn("Hướng dẫn", campaign_2025.legal_basis)
        bloc = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo Khối 2027", "year": 2027, "profile": "party_bloc"}
        )
        self.assertIn("07-HD/ĐUK", bloc.legal_basis)
        self.campaign.legal_basis = BASES
        self.assertEqual(self.campaign.legal_basis, BASES)

    def test_legal_bases_from_campaign_printed(self):
        """Decree 30/2020/NĐ-CP: the decision's legal bases default from the
        campaign's guidance documents, stay editable while it is a draft, and
        each prints as "Căn cứ ...;"; once issued they cannot change."""
        self.campaign.legal_basis = BASES
        decision = self._decision(self._proposed())
        self.assertEqual(decision.legal_basis, BASES)
        text = self._text(DECISION, decision)
        self.assertIn(
            "Căn cứ Hướng dẫn số 07-HD/ĐUK ngày 12/01/2024 của Ban Thường vụ "
            "Đảng ủy Khối;",
            text,
        )
        self.assertIn(
            "Căn cứ Kế hoạch số 15-KH/ĐU ngày 20/01/2026 của Đảng ủy xã Hòa Lợi;",
            text,
        )
        self.assertNotIn("Căn cứ Căn cứ", text)
        self.assertNotIn(";;", text)

        decision.legal_basis = "Quy định số 10-QĐ/ĐU ngày 05/01/2026"
        decision.action_confirm()
        text = self._text(DECISION, decision)
        self.assertIn("Căn cứ Quy định số 10-QĐ/ĐU ngày 05/01/2026;", text)
        self.assertNotIn("07-HD/ĐUK", text)
        with self.assertRaises(UserError):
            decision.legal_basis = "Sửa căn cứ"
        self.assertEqual(decision.legal_basis, "Quy định số 10-QĐ/ĐU ngày 05/01/2026")

    # ------------------------------------------------------------------
    # Signature and annex
    # ------------------------------------------------------------------
    def test_signer_and_annex_printed(self):
        """Decree 30/2020/NĐ-CP: the signer's position and name print under
        the signature; the annexed list stays with the decision, referring to
        its number, date and issuing unit, and lists the models recognised."""
        model = self._proposed()
        decision = self._decision(model)
        decision.write({"signer_id": self.emp_approver.id, "signer_title": "Bí thư"})
        draft = self._text(DECISION, decision)
        self.assertIn("DỰ THẢO", draft)
        self.assertIn("Kèm theo Quyết định số", draft)
        decision.action_confirm()
        text = self._text(DECISION, decision)
        self.assertIn("Số: 01/QĐ-BCĐX", text)
        self.assertIn("BÍ THƯ", text)
        self.assertIn("Nguyễn Văn Duyệt", text)
        self.assertLess(text.index("BÍ THƯ"), text.index("Nguyễn Văn Duyệt"))
        annex = (
            "Kèm theo Quyết định số 01/QĐ-BCĐX ngày 10 tháng 10 năm 2026 của "
            "Đảng ủy xã Hòa Lợi"
        )
        self.assertIn(annex, text)
        self.assertIn("DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH", text)
        self.assertLess(text.index(annex), text.index(model.name))
        self.assertNotIn("DỰ THẢO", text)

    # ------------------------------------------------------------------
    # Mẫu 1 / Mẫu 2
    # ------------------------------------------------------------------
    def test_registration_not_approved_prints_blank_approval(self):
        """Seed 000 §II.1 step 1 (Mẫu 1, Mẫu 2): the approval block of a
        registration not yet approved, or refused, is a blank to be signed:
        no approver's name, no approval date; once approved it carries both."""
        approver = "Nguyễn Văn Duyệt"
        individual = self._submitted(
            name="Tổ phụ nữ tự quản giữ gìn vệ sinh môi trường",
            subject_type="individual",
            employee_id=self.emp_staff.id,
        )
        self.assertEqual(individual.approver_id, self.user_approver)
        text = self._text(REGISTRATION, individual, user=self.user_staff)
        self.assertIn("Mẫu số 2", text)
        self.assertIn("XÁC NHẬN, PHÊ DUYỆT", text)
        self.assertNotIn(approver, text)
        self.assertNotIn("Đã phê duyệt", text)
        self.assertIn("........", text)

        individual.with_user(self.user_approver).action_refuse(reason="Chưa rõ")
        self.assertEqual(individual.state, "refused")
        text = self._text(REGISTRATION, individual, user=self.user_staff)
        self.assertNotIn(approver, text)
        self.assertNotIn("Đã phê duyệt", text)

        approved = self._approved(
            name="Dân vận khéo trong vận động hiến máu",
            subject_type="individual",
            employee_id=self.emp_staff.id,
        )
        text = self._text(REGISTRATION, approved, user=self.user_staff)
        self.assertIn(approver, text)
        self.assertIn("(Đã phê duyệt ngày 10/02/2026)", text)

    def test_collective_registration_not_approved_has_no_approval(self):
        """Seed 000 §II.1 step 1 (Mẫu 1): a collective's registration awaiting
        approval prints no approval date and a dotted line for the name."""
        model = self._submitted()
        text = self._text(REGISTRATION, model, user=self.user_staff)
        self.assertIn("Mẫu số 1", text)
        self.assertNotIn("Đã phê duyệt", text)
        approval = text[text.index("XÁC NHẬN, PHÊ DUYỆT") :]
        self.assertIn("........", approval)
