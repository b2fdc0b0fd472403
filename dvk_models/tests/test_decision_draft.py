"""A draft decision tells the officer what it is and what it still lacks: it
is named "Decision (draft)" until it has a number, its number's symbol is the
issuing body's own (never another body's), and its legal bases are the
guidance documents of its campaign's period, a year no guidance governs
saying so on the draft (Decree 30/2020/NĐ-CP; seed 001: guidance "giai đoạn
2021-2025")."""

import datetime
import html
import re

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from .common import DvkCommon, run_migration

D = datetime.date
TAGS = re.compile(r"<[^>]*>")
PHASE_2021 = (
    "Hướng dẫn ngày 19/4/2021 của Ban Dân vận Tỉnh ủy về xây dựng mô hình, điển "
    'hình "Dân vận khéo", giai đoạn 2021-2025'
)


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDecisionDraft(DvkCommon):
    def _text(self, decision):
        report = self.env["ir.actions.report"].with_user(self.user_officer)
        content, _kind = report._render_qweb_pdf(
            "dvk_models.dvk_decision_report", decision.ids
        )
        return " ".join(html.unescape(TAGS.sub(" ", content.decode())).split())

    def _campaign(self, year):
        return self.env["dvk.campaign"].create(
            {"name": f"Dân vận khéo {year}", "year": year, "profile": "party"}
        )

    # ------------------------------------------------------------------
    # Name
    # ------------------------------------------------------------------
    def test_draft_named_until_numbered(self):
        """Rule: a draft has no number yet; it is called "Decision (draft)"
        (its title on the form, its name in breadcrumbs and links), and its
        number once confirmed."""
        decision = self._decision(self._proposed())
        self.assertFalse(decision.name)
        self.assertEqual(decision.display_name, "Decision (draft)")
        arch = self.env["dvk.decision"].get_view(
            self.env.ref("dvk_models.dvk_decision_view_form").id
        )["arch"]
        self.assertIn("Decision (draft)", arch)
        decision.action_confirm()
        self.assertRegex(decision.display_name, r"^\d{2}/QĐ-BCĐX$")
        self.assertEqual(decision.display_name, decision.name)

    def test_draft_stores_no_number(self):
        """Rule: a draft has no number: nothing is stored (the list's Number
        column is empty, never "/"), and confirming it is the first value of
        the tracked number (the chatter shows the number appear, not
        "/ → 01-QĐ")."""
        tracked = dict(self.env.context, tracking_disable=False, mail_notrack=False)
        decision = self._decision(self._proposed()).with_env(self.env(context=tracked))
        self.env.flush_all()
        self.env.cr.flush()  # the creation's tracking is done with
        self.env.cr.execute("SELECT name FROM dvk_decision WHERE id = %s", decision.ids)
        self.assertEqual(self.env.cr.fetchone(), (None,))
        self.assertEqual(
            decision.web_search_read([("id", "=", decision.id)], {"name": {}})[
                "records"
            ][0]["name"],
            False,
        )
        decision.with_user(self.user_officer).action_confirm()
        self.env.flush_all()
        self.env.cr.flush()  # runs the precommit hooks that write tracking
        field = self.env["ir.model.fields"]._get("dvk.decision", "name")
        tracking = self.env["mail.tracking.value"].search(
            [
                ("field_id", "=", field.id),
                ("mail_message_id.model", "=", "dvk.decision"),
                ("mail_message_id.res_id", "=", decision.id),
            ]
        )
        self.assertEqual(len(tracking), 1)
        self.assertFalse(tracking.old_value_char)
        self.assertEqual(tracking.new_value_char, decision.name)

    def test_draft_slash_migrated_away(self):
        """Rule: the 19.0.1.7.0 migration empties the "/" earlier versions
        stored on drafts and showed as the old value of the number in the
        chatter; issued numbers stay."""
        draft = self._decision(self._proposed())
        issued = self._decision(self._proposed(name="Dân vận khéo trong xây cầu"))
        issued.action_confirm()
        number = issued.name
        field = self.env["ir.model.fields"]._get("dvk.decision", "name")
        tracking = self.env["mail.tracking.value"].create(
            {
                "field_id": field.id,
                "mail_message_id": issued.message_post(body="x").id,
                "old_value_char": "/",
                "new_value_char": number,
            }
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE dvk_decision SET name = '/' WHERE id = %s", draft.ids
        )
        self.env.invalidate_all()
        self.assertEqual(draft.name, "/")
        run_migration(
            "dvk_models",
            "19.0.1.7.0",
            "post-draft_numbers",
            self.env.cr,
            "19.0.1.6.0",
        )
        self.env.invalidate_all()
        self.assertFalse(draft.name)
        self.assertEqual(issued.name, number)
        self.assertFalse(tracking.old_value_char)
        self.assertEqual(tracking.new_value_char, number)

    def test_signer_title_from_the_issuing_unit(self):
        """Rule: the signer's position of a draft comes from the issuing
        unit's data (Decree 30/2020/NĐ-CP, guidance 36-HD/VPTW: the title in
        the body signing): the title of its head, or of its deputies when
        someone else signs, else the title of its kind (Bí thư of a Party
        body); what the officer writes is kept; the printed signature says
        the same."""
        self.commune.write(
            {
                "dvk_head_title": "Trưởng ban",
                "dvk_deputy_title": "Phó Trưởng ban",
                "dvk_sign_on_behalf": "Ban Chỉ đạo",
            }
        )
        decision = self._decision(self._proposed())
        self.assertEqual(decision.signer_id, self.emp_approver)
        self.assertEqual(decision.signer_title, "TRƯỞNG BAN")
        self.assertIn("TRƯỞNG BAN", self._text(decision))
        with Form(decision.with_user(self.user_officer)) as form:
            form.signer_id = self.emp_staff2
        self.assertEqual(decision.signer_title, "PHÓ TRƯỞNG BAN")
        with Form(decision.with_user(self.user_officer)) as form:
            form.signer_title = "Ủy viên thường trực"
        self.assertEqual(decision.signer_title, "Ủy viên thường trực")

        self.commune.write(
            {
                "dvk_head_title": False,
                "dvk_deputy_title": False,
                "dvk_is_party_body": True,
            }
        )
        other = self._decision(self._proposed(name="Dân vận khéo trong xây cầu"))
        self.assertEqual(other.signer_title, "BÍ THƯ")

    # ------------------------------------------------------------------
    # Symbol
    # ------------------------------------------------------------------
    def test_symbol_from_the_issuing_body_only(self):
        """Rule: Decree 30/2020/NĐ-CP — the symbol of the number is the
        issuing body's own: without one the draft says so, confirming is
        refused naming the body, and no other body's symbol ("BCĐ") is ever
        printed; once the body has its symbol the decision is numbered
        with it."""
        self.commune.dvk_decision_symbol = False
        decision = self._decision(self._proposed())
        self.assertIn(self.commune.name, decision.draft_warning)
        self.assertNotIn("BCĐ", decision._format_number(1))
        self.assertNotIn("QĐ-BCĐ", self._text(decision))
        with self.assertRaises(UserError) as capture:
            decision.action_confirm()
        self.assertIn(self.commune.name, str(capture.exception))
        self.assertEqual(decision.state, "draft")
        self.commune.dvk_decision_symbol = "ĐU"
        decision.invalidate_recordset(["draft_warning"])
        self.assertNotIn(self.commune.name, decision.draft_warning or "")
        decision.action_confirm()
        self.assertRegex(decision.name, r"^\d{2}/QĐ-ĐU$")

    def test_missing_signer_said_on_the_draft(self):
        """Rule: Decree 30/2020/NĐ-CP — a decision is signed: a draft of a unit
        without a head recorded says that nobody signs it yet; choosing the
        signer clears the warning."""
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_manager)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "level_id": self.level_province.id,
                    "authority_department_id": self.province.id,
                    "date": D(2026, 10, 10),
                }
            )
        )
        self.assertFalse(decision.signer_id)
        self.assertIn("signs", decision.draft_warning)
        decision.signer_id = self.emp_district_head
        self.assertNotIn("signs", decision.draft_warning or "")

    # ------------------------------------------------------------------
    # Legal bases and phase by period
    # ------------------------------------------------------------------
    def test_guidance_of_the_campaign_period(self):
        """Rule: seed 001 — the provincial guidance governs the phase
        2021-2025: a 2025 campaign cites it and takes its phase; a 2026
        campaign does not cite it, has no phase from it, and its draft
        decision says that no guidance governs 2026 (on the form and on the
        printed draft)."""
        campaign_2025 = self._campaign(2025)
        self.assertEqual(campaign_2025.legal_basis, PHASE_2021)
        self.assertEqual(campaign_2025.phase, "2021-2025")
        # A 2026 campaign computes no basis (the fixture's records one).
        new_2026 = self.env["dvk.campaign"].new({"year": 2026, "profile": "party"})
        self.assertFalse(new_2026.legal_basis)
        self.assertFalse(self.campaign.phase)
        self.campaign.legal_basis = False
        decision = self._decision(self._proposed())
        self.assertFalse(decision.legal_basis)
        self.assertIn("2026", decision.draft_warning)
        self.assertIn("2025", decision.draft_warning)
        text = self._text(decision)
        self.assertNotIn("giai đoạn 2021-2025", text)
        self.assertIn("chưa có văn bản hướng dẫn phong trào năm 2026", text)

    def test_issue_refused_without_legal_basis(self):
        """Rule: Decree 30/2020/NĐ-CP — an issued decision states its legal
        bases ("Căn cứ ..."): a 2026 decision whose campaign no guidance
        governs, with none written, is refused with what is missing (the
        guidance of 2026, or the bases of the decision); written, it is
        issued."""
        self.campaign.legal_basis = False
        model = self._proposed()
        decision = self._decision(model)
        self.assertFalse(decision.legal_basis)
        with self.assertRaisesRegex(UserError, "no legal basis") as caught:
            decision.with_user(self.user_officer).action_confirm()
        self.assertIn("2026", str(caught.exception))
        self.assertEqual(decision.state, "draft")
        self.assertEqual(model.state, "proposed")
        decision.legal_basis = "  \n "
        with self.assertRaisesRegex(UserError, "no legal basis"):
            decision.with_user(self.user_officer).action_confirm()
        decision.legal_basis = "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị"
        decision.with_user(self.user_officer).action_confirm()
        self.assertEqual(decision.state, "confirmed")

    def test_new_phase_guidance_cited_by_its_campaigns(self):
        """Rule: the guidance of a new phase recorded on the profile governs
        the campaigns of its years: they cite it and take its phase, and
        their drafts no longer warn; the older campaigns keep theirs."""
        profile = self.env.ref("dvk_models.dvk_profile_party")
        profile.guidance_ids = [
            (
                0,
                0,
                {
                    "name": "Hướng dẫn số 05-HD/BDVTU ngày 10/01/2026 của Ban "
                    'Dân vận Tỉnh ủy về phong trào thi đua "Dân vận khéo" giai '
                    "đoạn 2026-2030",
                    "year_from": 2026,
                    "year_to": 2030,
                },
            )
        ]
        campaign_2027 = self._campaign(2027)
        self.assertIn("05-HD/BDVTU", campaign_2027.legal_basis)
        self.assertNotIn("2021-2025", campaign_2027.legal_basis)
        self.assertEqual(campaign_2027.phase, "2026-2030")
        self.assertEqual(self._campaign(2024).legal_basis, PHASE_2021)
        decision = (
            self.env["dvk.decision"]
            .with_user(self.user_officer)
            .create(
                {
                    "campaign_id": campaign_2027.id,
                    "level_id": self.level_grassroots.id,
                    "authority_department_id": self.commune.id,
                    "date": D(2027, 10, 10),
                }
            )
        )
        self.assertIn("05-HD/BDVTU", decision.legal_basis)
        self.assertFalse(decision.draft_warning)

    def test_guidance_text_migrated_to_dated_documents(self):
        """Rule: the 19.0.1.6.0 migration turns a profile's guidance text
        into its documents, a document naming its phase ("giai đoạn
        2021-2025") governing those years only, the others staying in force."""
        profile = self.env["dvk.profile"].create({"name": "Tỉnh X", "code": "x"})
        self.env.cr.execute(
            "ALTER TABLE dvk_profile ADD COLUMN IF NOT EXISTS guidance text"
        )
        self.env.cr.execute(
            "UPDATE dvk_profile SET guidance = %s WHERE id = %s",
            [f"Hướng dẫn số 02/HD-BDVTU ngày 27/3/2023\n\n{PHASE_2021}", profile.id],
        )
        run_migration(
            "dvk_models",
            "19.0.1.6.0",
            "post-guidance_periods",
            self.env.cr,
            "19.0.1.5.0",
        )
        profile.invalidate_recordset()
        self.assertRecordValues(
            profile.guidance_ids.sorted("sequence"),
            [
                {
                    "name": "Hướng dẫn số 02/HD-BDVTU ngày 27/3/2023",
                    "year_from": 0,
                    "year_to": 0,
                    "phase": False,
                },
                {
                    "name": PHASE_2021,
                    "year_from": 2021,
                    "year_to": 2025,
                    "phase": "2021-2025",
                },
            ],
        )
        # Run again, nothing is added.
        run_migration(
            "dvk_models",
            "19.0.1.6.0",
            "post-guidance_periods",
            self.env.cr,
            "19.0.1.5.0",
        )
        profile.invalidate_recordset()
        self.assertEqual(len(profile.guidance_ids), 2)

    def test_deleting_a_draft_leaves_its_breadcrumbs(self):
        """Rule: after "Delete Draft" the officer lands on the list of
        decisions in place of the breadcrumbs, none of which leads back to
        the deleted draft (Odoo's own Delete from a form does the same): the
        action returned opens the decisions' list as the main action."""
        draft = self._decision(self._proposed())
        action = draft.with_user(self.user_officer).action_delete_draft()
        self.assertFalse(draft.exists())
        self.assertEqual(action["res_model"], "dvk.decision")
        self.assertEqual(action["target"], "main")
        self.assertFalse(action.get("res_id"))
        self.assertEqual(
            action["id"], self.env.ref("dvk_models.dvk_decision_action").id
        )
