"""The union journey in the browser (seed 004 §IV), played by the people who
take part, in the merged province of Khánh Hòa after the district
federations ended."""

import base64

from odoo.tests import HttpCase, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.dvk_models.tests.tour_common import (
    running_year_campaign,
    tour_person,
    vietnamese,
)

# Must match the constants of static/tests/tours/dvk_union_tour.js.
MODEL_NAME = "Dân vận khéo trong chăm lo nhà ở cho công nhân khu công nghiệp"
CAMPAIGN = "Dân vận khéo Công đoàn tỉnh Khánh Hòa (tour)"
SUBMISSION_REF = "45/TTr-LĐLĐ"


@tagged("post_install", "-at_install")
class TestUnionTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.level_grassroots = env.ref("dvk_models.dvk_level_grassroots")
        cls.level_district = env.ref("dvk_models.dvk_level_district")
        cls.level_province = env.ref("dvk_models.dvk_level_province")
        Department = env["hr.department"]
        Employee = env["hr.employee"]

        # Passwords are the logins: start_tour logs in with them.
        def person(login, name, groups="dvk_models.group_dvk_user", **kw):
            return tour_person(env, login, name, groups, **kw)

        cls.user_base, emp_base = person("un_tour_base", "Phạm Văn Lộc")
        cls.user_vice, emp_vice = person("un_tour_vice", "Trần Văn Tài")
        cls.user_officer, _emp_officer = person(
            "un_tour_officer", "Võ Thị Ngọc Ánh", groups="dvk_models.group_dvk_officer"
        )
        vietnamese(
            env,
            cls.user_base | cls.user_vice | cls.user_officer,
            ["dvk_models", "dvk_union"],
        )

        cls.board = Department.create(
            {
                "name": "Ban Tuyên giáo và Dân vận Tỉnh ủy Khánh Hòa",
                "dvk_is_party_body": True,
            }
        )
        cls.chair = Employee.create({"name": "Nguyễn Tấn Tuân"})
        cls.committee = Department.create(
            {
                "name": "Ủy ban nhân dân tỉnh Khánh Hòa",
                "dvk_level_id": cls.level_province.id,
                "dvk_decision_symbol": "UBND",
                "manager_id": cls.chair.id,
            }
        )
        cls.federation = Department.create(
            {
                "name": "Liên đoàn Lao động tỉnh Khánh Hòa",
                "dvk_union_kind": "province",
                "dvk_level_id": cls.level_province.id,
                "dvk_decision_symbol": "LĐLĐ",
                "dvk_union_board_id": cls.board.id,
                "dvk_union_committee_id": cls.committee.id,
                # Its vice-chair approves the registrations that reach it.
                "dvk_approver_id": cls.user_vice.id,
            }
        )
        # The industrial zones' union: the upper-level union of the base
        # unions of the zones since the district federations ended.
        cls.zones = Department.create(
            {
                "name": "Công đoàn các Khu công nghiệp tỉnh Khánh Hòa",
                "parent_id": cls.federation.id,
                "dvk_union_kind": "sector",
                "dvk_level_id": cls.level_district.id,
                "dvk_decision_symbol": "CĐKCN",
            }
        )
        cls.base = Department.create(
            {
                "name": "Công đoàn cơ sở Công ty Cổ phần May Khánh Hòa",
                "parent_id": cls.zones.id,
                "dvk_union_kind": "base",
                "dvk_level_id": cls.level_grassroots.id,
                "manager_id": emp_base.id,
                "dvk_decision_symbol": "CĐCS",
            }
        )
        emp_base.department_id = cls.base
        emp_vice.department_id = cls.federation
        _emp_officer.department_id = cls.federation
        cls.user_officer.dvk_department_ids = cls.federation
        cls.campaign = running_year_campaign(env, CAMPAIGN, "union")
        # The base union holds the "CĐCS vững mạnh" title of the year (seed
        # 004 §III, criteria of collective models).
        env["hr.emulation.title"].create(
            {
                "type_id": env.ref("dvk_models.title_type_cdcsvm").id,
                "year": cls.campaign.year,
                "department_id": cls.base.id,
            }
        )

    def _ready_to_propose(self, model):
        """The steps between the registration and the proposal, which the
        core journeys play in the browser: the federation's vice-chair
        approves it, the base union assesses it and files the commendation
        dossier (seed 004 §IV, with its copies)."""
        model.with_user(self.user_vice).action_approve()
        sheet = (
            self.env["dvk.score.sheet"]
            .with_user(self.user_base)
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
        model._dossier_sync()
        lines = self.env["dvk.dossier.line"].search([("model_id", "=", model.id)])
        for line in lines:
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{line.template_id.code}.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 scan"),
                    "res_model": "dvk.dossier.line",
                    "res_id": line.id,
                }
            )
            line.write(
                {
                    "attachment_ids": [(4, attachment.id)],
                    "copies_received": line.copies,
                }
            )

    def test_union_journey(self):
        """Rule (seed 004 §IV.3-4): a base union registers a model whose
        reach is the whole province; the provincial federation's officer
        proposes it at province level and records the provincial People's
        Committee's decision: the Committee issues it (state number
        01/QĐ-UBND) on the federation's submission letter, referred by the
        provincial board, whose letter the printed decision cites; the
        model is recognised at province level."""
        self.start_tour("/odoo", "dvk_union_tour_register", login="un_tour_base")
        self.env.invalidate_all()
        model = self.env["dvk.model"].search([("name", "=", MODEL_NAME)])
        self.assertEqual(len(model), 1)
        self.assertRecordValues(
            model,
            [
                {
                    "state": "submitted",
                    "campaign_id": self.campaign.id,
                    "department_id": self.base.id,
                    "union_reach": "province",
                    "union_authority_id": self.committee.id,
                    "registrant_id": self.user_base.id,
                    "approver_id": self.user_vice.id,
                }
            ],
        )
        self._ready_to_propose(model)
        self.assertTrue(model.self_assessed)

        self.start_tour("/odoo", "dvk_union_tour_recognise", login="un_tour_officer")
        self.env.invalidate_all()
        decision = model.decision_line_ids.decision_id
        self.assertEqual(len(decision), 1)
        self.assertRecordValues(
            decision,
            [
                {
                    "state": "confirmed",
                    "name": "01/QĐ-UBND",
                    "level_id": self.level_province.id,
                    "authority_department_id": self.committee.id,
                    "union_proposer_id": self.federation.id,
                    "union_board_id": self.board.id,
                    "union_recording_unit_id": self.federation.id,
                    "union_submission_ref": SUBMISSION_REF,
                    "signer_id": self.chair.id,
                    "create_uid": self.user_officer.id,
                }
            ],
        )
        self.assertTrue(decision.union_submission_date)
        self.assertRecordValues(
            model,
            [{"state": "recognized", "recognized_level_id": self.level_province.id}],
        )
