"""Shared set-up of the dvk_union tests: a small provincial trade-union tree
(seed 004 §IV), the provincial DVK board and People's Committee, users in
each role and a union campaign of 2026, without demo data."""

import base64
import datetime

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class DvkUnionCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.level_grassroots = cls.env.ref("dvk_models.dvk_level_grassroots")
        cls.level_district = cls.env.ref("dvk_models.dvk_level_district")
        cls.level_province = cls.env.ref("dvk_models.dvk_level_province")
        cls.field_xdhtct = cls.env.ref("dvk_models.dvk_field_xdhtct")
        cls.title_dvxs = cls.env.ref("dvk_models.title_type_dvxs")
        cls.title_ldtt = cls.env.ref("dvk_models.title_type_ldtt")
        cls.title_cdcsvm = cls.env.ref("dvk_models.title_type_cdcsvm")
        cls.title_ttldtt = cls.env.ref("dvk_models.title_type_ttldtt")
        Employee = cls.env["hr.employee"]

        cls.user_manager = new_test_user(
            cls.env, login="un_manager", groups="dvk_models.group_dvk_manager"
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="un_officer",
            groups="dvk_models.group_dvk_officer",
            name="Lâm Văn Thi Đua",
        )
        cls.user_district_officer = new_test_user(
            cls.env, login="un_dofficer", groups="dvk_models.group_dvk_officer"
        )

        def head(login, name):
            user = new_test_user(
                cls.env, login=login, groups="dvk_models.group_dvk_user", name=name
            )
            return user, Employee.create({"name": name, "user_id": user.id})

        cls.user_province, cls.emp_province = head("un_prov", "Nguyễn Thị Hạnh")
        cls.user_district, cls.emp_district = head("un_dist", "Trần Văn Phước")
        cls.user_sector, cls.emp_sector = head("un_sector", "Lê Thị Mai")
        cls.user_base, cls.emp_base = head("un_base", "Phạm Văn Lộc")
        cls.user_base2, cls.emp_base2 = head("un_base2", "Võ Thị Lan")

        D = cls.env["hr.department"]
        cls.board = D.create(
            {"name": "Ban Dân vận Tỉnh ủy Ninh Thuận", "dvk_is_party_body": True}
        )
        cls.committee = D.create(
            {
                "name": "Ủy ban nhân dân tỉnh Ninh Thuận",
                "dvk_level_id": cls.level_province.id,
                "dvk_decision_symbol": "UBND",
            }
        )
        cls.province = D.create(
            {
                "name": "Liên đoàn Lao động tỉnh Ninh Thuận",
                "dvk_union_kind": "province",
                "dvk_level_id": cls.level_province.id,
                "manager_id": cls.emp_province.id,
                "dvk_union_board_id": cls.board.id,
                "dvk_union_committee_id": cls.committee.id,
                "dvk_decision_symbol": "LĐLĐ",
            }
        )
        cls.district = D.create(
            {
                "name": "Liên đoàn Lao động thành phố Phan Rang - Tháp Chàm",
                "parent_id": cls.province.id,
                "dvk_union_kind": "district",
                "dvk_level_id": cls.level_district.id,
                "manager_id": cls.emp_district.id,
                "dvk_decision_symbol": "LĐLĐ",
            }
        )
        cls.district2 = D.create(
            {
                "name": "Liên đoàn Lao động huyện Ninh Hải",
                "parent_id": cls.province.id,
                "dvk_union_kind": "district",
                "dvk_level_id": cls.level_district.id,
            }
        )
        cls.sector = D.create(
            {
                "name": "Công đoàn ngành Giáo dục",
                "parent_id": cls.province.id,
                "dvk_union_kind": "sector",
                "dvk_level_id": cls.level_district.id,
                "manager_id": cls.emp_sector.id,
                "dvk_decision_symbol": "CĐN",
            }
        )
        cls.base = D.create(
            {
                "name": "Công đoàn cơ sở Công ty May Ninh Thuận",
                "parent_id": cls.district.id,
                "dvk_union_kind": "base",
                "dvk_level_id": cls.level_grassroots.id,
                "manager_id": cls.emp_base.id,
                "dvk_decision_symbol": "CĐCS",
            }
        )
        cls.base_group = D.create(
            {"name": "Tổ công đoàn Phân xưởng cắt", "parent_id": cls.base.id}
        )
        cls.base2 = D.create(
            {
                "name": "Công đoàn cơ sở Bệnh viện tỉnh",
                "parent_id": cls.district.id,
                "dvk_union_kind": "base",
                "dvk_level_id": cls.level_grassroots.id,
                "manager_id": cls.emp_base2.id,
            }
        )
        cls.base3 = D.create(
            {
                "name": "Công đoàn cơ sở Trường THPT Chu Văn An",
                "parent_id": cls.sector.id,
                "dvk_union_kind": "base",
                "dvk_level_id": cls.level_grassroots.id,
            }
        )
        for emp, unit in (
            (cls.emp_province, cls.province),
            (cls.emp_district, cls.district),
            (cls.emp_sector, cls.sector),
            (cls.emp_base, cls.base),
            (cls.emp_base2, cls.base2),
        ):
            emp.department_id = unit
        cls.worker = Employee.create(
            {"name": "Đặng Thị Thu", "department_id": cls.base_group.id}
        )
        cls.user_officer.dvk_department_ids = cls.province
        cls.user_district_officer.dvk_department_ids = cls.district

        cls.campaign = cls.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo Công đoàn Ninh Thuận 2026",
                "year": 2026,
                "profile": "union",
                "date_start": datetime.date(2026, 1, 1),
                "date_end": datetime.date(2026, 12, 31),
                "registration_deadline": datetime.date(2026, 3, 31),
                "proposal_deadline": datetime.date(2026, 9, 30),
                "recognition_deadline": datetime.date(2026, 10, 15),
            }
        )
        cls.campaign.action_open()

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _model(self, unit, user=None, **kw):
        vals = {
            "name": f"Dân vận khéo - {unit.name}",
            "campaign_id": self.campaign.id,
            "subject_type": "collective",
            "department_id": unit.id,
            "field_id": self.field_xdhtct.id,
        }
        vals.update(kw)
        return self.env["dvk.model"].with_user(user or self.user_officer).create(vals)

    def _attach(self, record, codes=None, copies=True):
        """Provide the dossier documents of ``record`` with these codes (all
        when empty), with the copies each requires."""
        record._dossier_sync()
        fname = record._dvk_line_field()
        lines = self.env["dvk.dossier.line"].search([(fname, "=", record.id)])
        if codes is not None:
            lines = lines.filtered(lambda line: line.template_id.code in codes)
        for line in lines:
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{line.template_id.code}.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 scan"),
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
            vals = {"attachment_ids": [(4, attachment.id)]}
            if copies:
                vals["copies_received"] = line.copies
            line.write(vals)
        return lines

    def _approved(self, unit, **kw):
        model = self._model(unit, **kw)
        model.with_user(self.user_officer).action_submit()
        model.with_user(model.approver_id).action_approve()
        return model

    def _self_assess(self, records):
        """A finished self-assessment sheet, every manual criterion at its
        maximum (the core tests cover scoring)."""
        # sudo: test fixture set-up, not the behaviour under test
        records = records.sudo()
        fname = records._dvk_line_field()
        # sudo: test fixture set-up, not the behaviour under test
        Sheet = self.env["dvk.score.sheet"].sudo()
        sheets = Sheet.create(
            [
                {
                    fname: record.id,
                    "kind": "self",
                    "criteria_set_id": record.criteria_set_id.id,
                    "evaluator_id": record.create_uid.id,
                }
                for record in records
            ]
        )
        for line in sheets.line_ids.filtered(lambda line: not line.is_auto):
            line.score = line.criterion_id.max_score
        sheets.write({"state": "done"})
        return sheets

    def _title(self, type_, year=2026, employee=None, department=None):
        return self.env["hr.emulation.title"].create(
            {
                "type_id": type_.id,
                "year": year,
                "employee_id": employee.id if employee else False,
                "department_id": department.id if department else False,
            }
        )

    def _ready(self, unit, reach, **kw):
        """An approved model of ``unit`` with ``reach``, self-assessed, its
        commendation dossier complete: ready to be proposed."""
        if unit.dvk_union_kind == "base":
            self._title(self.title_cdcsvm, department=unit)
        model = self._approved(unit, union_reach=reach, **kw)
        self._self_assess(model)
        self._attach(model)
        return model
