"""Shared set-up of the dvk_statehub tests: state agencies of Trà Vinh under
Decision 976/QĐ-UBND (seed 003 Điều 1.2): Sở Nội vụ, a department with a
public service unit, a district People's Committee with two bodies and a
commune People's Committee, each agency with its steering committee for
grassroots democracy and DVK; campaigns 2025 and 2026 of the profile. It
builds on the core's light base (environment, levels, helpers), not on its
party fixtures: the agencies, users and campaigns replace every one of them."""

import datetime

from freezegun import freeze_time

from odoo.tests import new_test_user

from odoo.addons.dvk_models.tests.common import DvkBase


class DvkStatehubCommon(DvkBase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.profile = cls.env.ref("dvk_statehub.dvk_profile_statehub")
        cls.field_xdhtct = cls.env.ref("dvk_models.dvk_field_xdhtct")

        cls.user_manager = new_test_user(
            cls.env, login="sh_manager", groups="dvk_models.group_dvk_manager"
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="sh_officer",
            groups="dvk_models.group_dvk_officer",
            name="Thạch Thị Thi Đua",
        )
        cls.user_home_affairs = new_test_user(
            cls.env,
            login="sh_snv",
            groups="dvk_statehub.group_dvk_statehub_home_affairs",
            name="Kim Văn Nội Vụ",
        )

        approver = cls._user_employee
        cls.user_bcd_dept, cls.emp_bcd_dept = approver("sh_bcd_dept", "Lê Văn Tài")
        cls.user_bcd_district, cls.emp_bcd_district = approver(
            "sh_bcd_dist", "Trần Thị Huyện"
        )
        cls.user_bcd_commune, cls.emp_bcd_commune = approver("sh_bcd_xa", "Sơn Văn Xã")

        D = cls.env["hr.department"]
        cls.root = D.create({"name": "Ủy ban nhân dân tỉnh Trà Vinh"})
        cls.home_affairs = D.create(
            {
                "name": "Sở Nội vụ tỉnh Trà Vinh",
                "parent_id": cls.root.id,
                "dvk_statehub_kind": "department",
                "dvk_statehub_home_affairs": True,
            }
        )

        def agency(name, kind, parent, bcd_manager, level):
            unit = D.create(
                {
                    "name": name,
                    "parent_id": parent.id,
                    "dvk_statehub_kind": kind,
                    "dvk_level_id": level.id,
                }
            )
            committee = D.create(
                {
                    "name": f"Ban Chỉ đạo QCDC và phong trào DVK {name}",
                    "parent_id": unit.id,
                    "dvk_is_steering_committee": True,
                    "dvk_level_id": level.id,
                    "manager_id": bcd_manager.id,
                    "dvk_decision_symbol": "BCĐ",
                }
            )
            unit.dvk_statehub_committee_id = committee
            return unit, committee

        cls.dept, cls.bcd_dept = agency(
            "Sở Tài chính", "department", cls.root, cls.emp_bcd_dept, cls.level_district
        )
        cls.dept_unit = D.create(
            {
                "name": "Trung tâm Dịch vụ tài chính công",
                "parent_id": cls.dept.id,
            }
        )
        cls.district, cls.bcd_district = agency(
            "Ủy ban nhân dân huyện Càng Long",
            "district",
            cls.root,
            cls.emp_bcd_district,
            cls.level_district,
        )
        cls.district_body = D.create(
            {
                "name": "Phòng Tài nguyên và Môi trường huyện Càng Long",
                "parent_id": cls.district.id,
                "dvk_statehub_kind": "district_body",
            }
        )
        cls.district_body2 = D.create(
            {
                "name": "Phòng Văn hóa và Thông tin huyện Càng Long",
                "parent_id": cls.district.id,
                "dvk_statehub_kind": "district_body",
            }
        )
        cls.commune, cls.bcd_commune = agency(
            "Ủy ban nhân dân xã Mỹ Cẩm",
            "commune",
            cls.district,
            cls.emp_bcd_commune,
            cls.level_grassroots,
        )
        cls.user_officer.dvk_department_ids = cls.root

        cls.campaigns = {
            year: cls._new_open_campaign(
                year,
                name=f"Dân vận khéo trong cơ quan hành chính nhà nước {year}",
                profile_id=cls.profile.id,
            )
            for year in (2025, 2026)
        }
        cls.campaign = cls.campaigns[2026]

    # ------------------------------------------------------------------
    # Records reaching their states through the workflow
    # ------------------------------------------------------------------
    def _model(self, unit, name, year=2026, **kw):
        vals = {
            "name": name,
            "campaign_id": self.campaigns[year].id,
            "subject_type": "collective",
            "department_id": unit.id,
            "field_id": self.field_xdhtct.id,
            "date_start": datetime.date(year, 3, 1),
            "date_end": datetime.date(year, 11, 30),
            "expected_result": "Giải quyết đúng hạn 100% hồ sơ",
        }
        vals.update(kw)
        return self.env["dvk.model"].with_user(self.user_officer).create(vals)

    def _submitted(self, unit, name, year=2026, **kw):
        with freeze_time(f"{year}-02-10"):
            model = self._model(unit, name, year, **kw)
            model.with_user(self.user_officer).action_submit()
        return model

    def _approved(self, unit, name, year=2026, **kw):
        model = self._submitted(unit, name, year, **kw)
        with freeze_time(f"{year}-02-20"):
            model.with_user(model.approver_id).action_approve()
        return model

    def _recognize(self, records, committee, year=2026):
        """Propose and recognise ``records`` by ``committee`` (Điều 7.2)."""
        level = committee.dvk_level_id
        with freeze_time(f"{year}-09-15"):
            self._self_assess(records)
            records.with_user(self.user_officer).action_propose(level)
            decision = self._decision(
                records,
                level,
                committee,
                self.user_officer,
                campaign_id=self.campaigns[year].id,
                date=datetime.date(year, 9, 20),
            )
            decision.action_confirm()
        return decision

    def _recognized(self, unit, name, committee, year=2026, **kw):
        model = self._approved(unit, name, year, **kw)
        self._recognize(model, committee, year)
        return model

    def _table(self, unit, year=2026):
        return (
            self.env["dvk.statehub.registration"]
            .with_user(self.user_officer)
            .create({"campaign_id": self.campaigns[year].id, "department_id": unit.id})
        )
