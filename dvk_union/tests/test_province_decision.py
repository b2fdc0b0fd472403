"""Seed 004 §IV.3: "LĐLĐ tỉnh đề nghị Ban Dân vận Tỉnh ủy trình UBND tỉnh công
nhận" — the provincial federation's officer records the provincial People's
Committee's decision on the province-wide models the federation proposes:
issued by the Committee (its number, its header), citing the federation's
submission letter and the provincial DVK board's referral. The journey ends
in an issued decision, not in an error the officer cannot act on."""

import datetime
import html
import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.dvk_models.tests.test_issuer_picker import (
    assert_issuer_picker_agrees,
)

from .common import DvkUnionCommon

TAGS = re.compile(r"<[^>]*>")


@tagged("post_install", "-at_install")
@freeze_time("2026-09-25")
class TestUnionProvinceDecision(DvkUnionCommon):
    def _province_wide(self):
        model = self._ready(self.base, "province")
        model.with_user(self.user_officer).action_propose()
        self.assertEqual(model.proposal_level_id, self.level_province)
        return model

    def _recorded(self):
        """The federation officer's new province-level decision, as the form
        fills it, with the proposed records and the submission letter."""
        Decision = self.env["dvk.decision"].with_user(self.user_officer)
        with Form(Decision) as form:
            form.campaign_id = self.campaign
            form.level_id = self.level_province
        decision = form.record
        decision.action_add_proposed()
        decision.write(
            {
                "union_submission_ref": "45/TTr-LĐLĐ",
                "union_submission_date": datetime.date(2026, 9, 20),
            }
        )
        return decision

    def _text(self, decision, user):
        report = self.env["ir.actions.report"].with_user(user)
        content, _kind = report._render_qweb_pdf(
            "dvk_models.dvk_decision_report", decision.ids
        )
        return " ".join(html.unescape(TAGS.sub(" ", content.decode())).split())

    def test_federation_officer_records_committee_decision(self):
        """Rule: §IV.3 — the federation's officer opens a province-level
        decision: the issuer is the provincial People's Committee, the
        proposer his federation and the board the federation's; he fills it,
        confirms it, and it is numbered in the Committee's series and state
        format; the model is recognised at province level."""
        model = self._province_wide()
        decision = self._recorded()
        self.assertRecordValues(
            decision,
            [
                {
                    "authority_department_id": self.committee.id,
                    "union_proposer_id": self.province.id,
                    "union_board_id": self.board.id,
                    "union_recording_unit_id": self.province.id,
                    "union_province_wide": True,
                }
            ],
        )
        self.assertEqual(decision.line_ids.model_id, model)
        decision.action_confirm()
        self.assertEqual(decision.name, "01/QĐ-UBND")
        self.assertRecordValues(
            model,
            [{"state": "recognized", "recognized_level_id": self.level_province.id}],
        )

    def test_printed_as_the_committee_decision_citing_the_submission(self):
        """Rule: §IV.3 — the decision prints as the People's Committee's (its
        name in the header and the signature block, its number), citing the
        federation's submission letter and the board's referral; the
        federation and the board receive it."""
        self._province_wide()
        decision = self._recorded()
        decision.action_confirm()
        text = self._text(decision, self.user_officer)
        self.assertIn("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN", text)
        self.assertIn("Số: 01/QĐ-UBND", text)
        self.assertIn(
            "Xét Tờ trình số 45/TTr-LĐLĐ ngày 20 tháng 9 năm 2026 của Liên đoàn "
            "Lao động tỉnh Ninh Thuận và đề nghị của Ban Dân vận Tỉnh ủy Ninh "
            "Thuận,",
            text,
        )
        self.assertIn("Liên đoàn Lao động tỉnh Ninh Thuận;", text)
        self.assertIn("Ban Dân vận Tỉnh ủy Ninh Thuận;", text)
        self.assertNotIn("QĐ-LĐLĐ", text)

    def test_committee_decision_cites_its_laws_and_its_chairs_award(self):
        """Rule: seed 004 §IV.3 with Law 06/2022/QH15 — the People's
        Committee's decision cites the laws in force on its date that ground
        its competence and commendation (Law on Emulation and Commendation
        2022, Decree 98/2023 until 30/6/2025 then Decree 152/2025, the Law
        on the Organisation of Local Government of the day), not the union's
        guidance, and commends with "Bằng khen của Chủ tịch Ủy ban nhân dân
        tỉnh"; a federation's own decision keeps its guidance and grants in
        its own name."""
        self._province_wide()
        decision = self._recorded()
        decision.line_ids.write({"award_form": "bang_khen"})
        decision.action_confirm()
        text = self._text(decision, self.user_officer)
        for needle in (
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 152/2025/NĐ-CP",
            f"Tặng Bằng khen của Chủ tịch {self.committee.name} cho 01 tập thể",
        ):
            self.assertIn(needle, text)
        for needle in ("98/2023", "năm 2015", "Ban Thường vụ Liên đoàn Lao động"):
            self.assertNotIn(needle, text)
        # Dated before 1/7/2025, the bases of that day.
        earlier = self.env["dvk.decision"].new(
            {
                "campaign_id": self.campaign.id,
                "level_id": self.level_province.id,
                "authority_department_id": self.committee.id,
                "union_proposer_id": self.province.id,
                "date": datetime.date(2025, 6, 20),
            }
        )
        self.assertEqual(earlier.union_recording_unit_id, self.province)
        self.assertIn("Nghị định số 98/2023/NĐ-CP", earlier.legal_basis)
        self.assertIn("ngày 19 tháng 6 năm 2015", earlier.legal_basis)
        self.assertNotIn("152/2025", earlier.legal_basis)
        # The federation's own decision: its guidance, its own Giấy khen.
        own = self.env["dvk.decision"].new(
            {
                "campaign_id": self.campaign.id,
                "authority_department_id": self.province.id,
            }
        )
        self.assertEqual(own.legal_basis, self.campaign.legal_basis)
        self.assertEqual(own._dvk_award_grantor(), self.province.name)

    def test_only_the_proposing_federation_records(self):
        """Rule: the federation records only the Committee's decisions it
        proposes: an officer of a district federation may not record one
        (AccessError naming the Committee) nor change one."""
        self._province_wide()
        vals = {
            "campaign_id": self.campaign.id,
            "level_id": self.level_province.id,
            "authority_department_id": self.committee.id,
        }
        Decision = self.env["dvk.decision"]
        with self.assertRaises(AccessError) as capture:
            Decision.with_user(self.user_district_officer).create(vals)
        self.assertIn(self.committee.name, str(capture.exception))
        decision = self._recorded()
        with self.assertRaises(AccessError):
            decision.with_user(self.user_district_officer).write(
                {"union_submission_ref": "46/TTr-LĐLĐ"}
            )
        self.assertEqual(decision.union_submission_ref, "45/TTr-LĐLĐ")

    def test_federation_officer_cancels_the_recorded_decision(self):
        """Rule: the officer who recorded the Committee's decision may cancel
        it with the reason (the Cancel button shows to him, not to a district
        federation's officer); the model goes back to proposed at province
        level."""
        model = self._province_wide()
        decision = self._recorded()
        decision.action_confirm()
        self.assertTrue(decision.with_user(self.user_officer).can_cancel)
        self.assertFalse(decision.with_user(self.user_district_officer).can_cancel)
        decision.with_user(self.user_officer).action_cancel(reason="Sai số tờ trình")
        self.assertEqual(decision.state, "cancelled")
        self.assertRecordValues(
            model,
            [{"state": "proposed", "proposal_level_id": self.level_province.id}],
        )

    def test_issuer_picker_offers_the_committee_to_the_federation(self):
        """Rule: §IV.3 — the provincial federation's officer is offered the
        provincial People's Committee as issuer of a province-level decision
        (he records its decision), and the server accepts it; a district
        federation's officer is offered neither the Committee nor the
        provincial federation, and the server refuses both."""
        candidates = self.committee | self.province
        offered = assert_issuer_picker_agrees(
            self, self.user_officer, self.campaign, self.level_province, candidates
        )
        self.assertIn(self.committee, offered)
        offered = assert_issuer_picker_agrees(
            self,
            self.user_district_officer,
            self.campaign,
            self.level_province,
            candidates,
        )
        self.assertFalse(offered)

    def test_missing_submission_is_named_not_refused_as_out_of_charge(self):
        """Rule: §IV.3 — the federation's submission letter (its number and
        date) and the federation that proposed are what let the federation
        record the Committee's decision: issuing without them, or with
        another union unit named as proposer, is refused with the fields to
        record, never with an access error on the Committee the officer may
        issue for; the proposer picker offers only the provincial federations
        of the issuing Committee. Filled in, the same click issues."""
        self._province_wide()
        Decision = self.env["dvk.decision"].with_user(self.user_officer)
        with Form(Decision) as form:
            form.campaign_id = self.campaign
            form.level_id = self.level_province
            form.authority_department_id = self.committee
        decision = form.record
        decision.action_add_proposed()
        with Form(decision) as form:
            with form.line_ids.edit(0) as line:
                line.award_form = "giay_khen"
            # A unit the picker does not offer, saved all the same.
            form.union_proposer_id = self.district
        domain = safe_eval(
            Decision._fields["union_proposer_id"].domain,
            {"authority_department_id": self.committee.id},
        )
        self.assertEqual(
            self.env["hr.department"].with_user(self.user_officer).search(domain),
            self.province,
        )
        self.assertEqual(decision.union_recording_unit_id, self.province)
        self.assertTrue(decision.dvk_can_issue)
        with self.assertRaises(UserError) as capture:
            decision.action_confirm()
        self.assertNotIsInstance(capture.exception, AccessError)
        self.assertIn(self.province.display_name, str(capture.exception))
        decision.union_proposer_id = self.province
        with self.assertRaises(UserError) as capture:
            decision.action_confirm()
        self.assertNotIsInstance(capture.exception, AccessError)
        self.assertEqual(decision.state, "draft")
        decision.write(
            {
                "union_submission_ref": "45/TTr-LĐLĐ",
                "union_submission_date": datetime.date(2026, 9, 20),
            }
        )
        decision.action_confirm()
        self.assertEqual(decision.name, "01/QĐ-UBND")
