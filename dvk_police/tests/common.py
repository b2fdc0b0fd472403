"""Shared set-up of the dvk_police tests: a small provincial police tree
(seed 002 §I step 2) with the party bodies it informs, users in each role and
a police campaign of 2026, without any demo data. It builds on the core's
light base (environment, levels, helpers), not on its party fixtures: the
police tree, users and campaign replace every one of them."""

from odoo.tests import new_test_user

from odoo.addons.dvk_models.tests.common import DvkBase


class DvkPoliceCommon(DvkBase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.field_anqp = cls.env.ref("dvk_models.dvk_field_anqp")
        # The fixtures' province kept its district police (seed 002's table as
        # written): the 2026 campaign below follows it. Routing without the
        # district police is tested on its own (test_two_tier).
        cls.env.ref("dvk_police.dvk_profile_police_level_district").date_to = False
        cls.Department = cls.env["hr.department"]
        cls.Employee = cls.env["hr.employee"]

        cls.user_officer = new_test_user(
            cls.env,
            login="pol_officer",
            groups="dvk_models.group_dvk_officer",
            name="Lê Thị Thi Đua",
        )
        head = cls._user_employee
        cls.user_leader, cls.emp_leader = head("pol_leader", "Đại tá Nguyễn Văn An")
        cls.user_pv05, cls.emp_pv05 = head("pol_pv05", "Thượng tá Trần Văn Bình")
        cls.user_pv05_officer, cls.emp_pv05_officer = head(
            "pol_pv05_off", "Thiếu tá Lê Thị Cúc"
        )
        cls.user_pc06, cls.emp_pc06 = head("pol_pc06", "Thượng tá Phạm Văn Dũng")
        cls.user_chief, cls.emp_chief = head("pol_chief", "Trung tá Hồ Văn Em")
        cls.user_commune, cls.emp_commune = head("pol_commune", "Đại úy Võ Văn Phú")
        cls.user_youth, cls.emp_youth = head("pol_youth", "Đại úy Đỗ Thị Giang")
        cls.user_board_p, cls.emp_board_p = head("pol_board_p", "Thạch Thị Hoa")
        cls.user_board_d, cls.emp_board_d = head("pol_board_d", "Kim Văn Inh")
        cls.user_committee, cls.emp_committee = head("pol_committee", "Lâm Văn Khánh")

        D = cls.Department
        cls.board_province = D.create(
            {"name": "Ban Dân vận Tỉnh ủy", "manager_id": cls.emp_board_p.id}
        )
        cls.board_district = D.create(
            {"name": "Ban Dân vận Huyện ủy Càng Long", "manager_id": cls.emp_board_d.id}
        )
        cls.commune_committee = D.create(
            {"name": "Đảng ủy xã An Trường", "manager_id": cls.emp_committee.id}
        )
        cls.province = D.create(
            {
                "name": "Công an tỉnh Trà Vinh",
                "dvk_decision_symbol": "CAT",
                "dvk_police_kind": "province",
                "dvk_level_id": cls.level_province.id,
                "manager_id": cls.emp_leader.id,
                "dvk_police_informed_id": cls.board_province.id,
            }
        )
        cls.pv05 = D.create(
            {
                "name": "Phòng Công tác Đảng và công tác chính trị",
                "parent_id": cls.province.id,
                "dvk_police_kind": "province_unit",
                "dvk_police_is_pv05": True,
                "manager_id": cls.emp_pv05.id,
                "dvk_officer_ids": [(6, 0, cls.user_pv05_officer.ids)],
            }
        )
        cls.pc06 = D.create(
            {
                "name": "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
                "parent_id": cls.province.id,
                "dvk_police_kind": "province_unit",
                "manager_id": cls.emp_pc06.id,
            }
        )
        cls.pc06_team = D.create(
            {
                "name": "Đội Quản lý cư trú",
                "parent_id": cls.pc06.id,
                "dvk_police_kind": "team",
            }
        )
        cls.district = D.create(
            {
                "name": "Công an huyện Càng Long",
                "dvk_decision_symbol": "CAH",
                "parent_id": cls.province.id,
                "dvk_police_kind": "district",
                "dvk_level_id": cls.level_district.id,
                "manager_id": cls.emp_chief.id,
                "dvk_police_informed_id": cls.board_district.id,
            }
        )
        cls.district_team = D.create(
            {
                "name": "Đội Cảnh sát giao thông - trật tự",
                "parent_id": cls.district.id,
                "dvk_police_kind": "team",
            }
        )
        cls.commune = D.create(
            {
                "name": "Công an xã An Trường",
                "dvk_decision_symbol": "CAX",
                "parent_id": cls.district.id,
                "dvk_police_kind": "commune",
                "dvk_level_id": cls.level_grassroots.id,
                "manager_id": cls.emp_commune.id,
                "dvk_police_informed_id": cls.commune_committee.id,
            }
        )
        cls.mass_org = D.create(
            {
                "name": "Đoàn Thanh niên Công an tỉnh",
                "parent_id": cls.province.id,
                "dvk_police_kind": "mass_org",
                "manager_id": cls.emp_youth.id,
            }
        )
        cls.mass_org_section = D.create(
            {"name": "Chi đoàn Phòng PV05", "parent_id": cls.mass_org.id}
        )
        cls.emp_leader.department_id = cls.province
        cls.emp_pv05.department_id = cls.pv05
        cls.emp_pc06.department_id = cls.pc06
        cls.emp_chief.department_id = cls.district
        cls.emp_commune.department_id = cls.commune
        cls.emp_youth.department_id = cls.mass_org
        cls.user_officer.dvk_department_ids = cls.province

        cls.campaign = cls._new_open_campaign(
            2026,
            name="Dân vận khéo Công an tỉnh 2026",
            profile="police",
            **cls._deadlines(2026),
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _model(self, unit, **kw):
        vals = {
            "name": f"Dân vận khéo - {unit.name}",
            "campaign_id": self.campaign.id,
            "subject_type": "collective",
            "department_id": unit.id,
            "field_id": self.field_anqp.id,
            "level_id": self.level_grassroots.id,
            # Seed 002 §I step 1: the area and objectives the model states.
            "area": unit.name,
            "objective": "Giữ vững an ninh trật tự trên địa bàn",
            "expected_result": "Giảm phạm pháp hình sự trên địa bàn",
        }
        vals.update(kw)
        # Its timeline, which a party campaign's registration states too.
        campaign = self.env["dvk.campaign"].browse(vals["campaign_id"])
        vals.setdefault("date_start", campaign.date_start)
        vals.setdefault("date_end", campaign.date_end)
        return self.env["dvk.model"].with_user(self.user_officer).create(vals)

    def _submitted(self, unit, **kw):
        model = self._model(unit, **kw)
        self._attach(model, stages=("submit",))
        model.with_user(self.user_officer).action_submit()
        return model

    def _approved(self, unit, **kw):
        model = self._submitted(unit, **kw)
        model.with_user(model.approver_id).action_approve()
        return model

    def _annual_done(self, model):
        report = model.police_report_ids.filtered(lambda r: r.kind == "annual")
        report.results = "Giảm 30% vụ việc mất trật tự trên địa bàn."
        report.with_user(self.user_officer).action_done()
        return report

    def _recognized(self, unit, members=None, employee=None):
        """A model of ``unit`` recognised by a confirmed decision of the
        authority of seed 002's matrix, with its whole dossier attached."""
        person = employee.name if employee else ""
        vals = {
            "name": f"Mô hình công nhận - {unit.name} - {person}",
            "campaign_id": self.campaign.id,
            "subject_type": "individual" if employee else "collective",
            "department_id": unit.id,
            "employee_id": employee.id if employee else False,
            "field_id": self.field_anqp.id,
            "state": "proposed",
            "member_ids": [(6, 0, (members or self.Employee).ids)],
        }
        # Recognised where seed 002's matrix says: by the unit issuing for
        # the authority that approves the unit's models, at its level.
        Model = self.env["dvk.model"]
        draft = Model.new(vals)
        authority = draft._dvk_police_matrix_issuers(None)[draft]
        vals["proposal_level_id"] = authority.dvk_level_id.id
        # sudo: test fixture set-up, not the behaviour under test
        model = Model.sudo().create(vals)
        self._attach(model)
        # The superuser writes it: test fixture set-up, not the behaviour under
        # test.
        decision = self._decision(
            model, authority.dvk_level_id, authority, self.env.user
        )
        decision.action_confirm()
        return model
