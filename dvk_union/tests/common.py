"""Shared set-up of the dvk_union tests: a small provincial trade-union tree
(seed 004 §IV), the provincial DVK board and People's Committee, users in
each role and a union campaign of 2026, without demo data. It builds on the
core's light base (environment, levels, helpers), not on its party fixtures:
the union tree, users and campaign replace every one of them."""

from odoo.tests import new_test_user

from odoo.addons.dvk_models.tests.common import DvkBase


class DvkUnionCommon(DvkBase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
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
        head = cls._user_employee
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

        cls.campaign = cls._new_open_campaign(
            2026,
            name="Dân vận khéo Công đoàn Ninh Thuận 2026",
            profile="union",
            **cls._deadlines(2026, registration=(3, 31), recognition=(10, 15)),
        )

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
            # Seed 004 §III.2.a: the objectives the model states.
            "objective": "Vận động đoàn viên tham gia xây dựng nông thôn mới",
        }
        vals.update(kw)
        return self.env["dvk.model"].with_user(user or self.user_officer).create(vals)

    def _attach(self, record, codes=None, stages=None, copies=True):
        """As the core's, with the copies each document requires (seed 004
        §IV.4) unless ``copies`` is false."""
        return super()._attach(record, codes=codes, stages=stages, copies=copies)

    def _approved(self, unit, **kw):
        model = self._model(unit, **kw)
        model.with_user(self.user_officer).action_submit()
        model.with_user(model.approver_id).action_approve()
        return model

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
