"""Shared set-up of the DVK tests, without any demo data.

``DvkBase`` is the light base of every DVK test class, the sector addons'
included: an environment that sends no mail, the shipped levels and fields,
and helpers that create users, campaigns, self-assessments, dossier files and
decisions. It creates no unit, user or campaign of its own.
``DvkCommon`` adds the dvk_models fixtures: a small party organisation tree,
users in each role, and a campaign of 2026."""

import base64
import datetime
import importlib.util
from pathlib import Path

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

ADDONS = Path(__file__).resolve().parent.parent.parent
# A legal basis for the test campaigns of years no shipped guidance governs.
CAMPAIGN_BASIS = (
    "Quyết định số 23-QĐ/TW ngày 30 tháng 7 năm 2021 của Bộ Chính trị ban "
    "hành Quy chế công tác dân vận của hệ thống chính trị"
)


def run_migration(addon, version, script, cr, old_version):
    """Run ``addon``'s migration ``script`` ("pre-migrate", "post-migrate")
    of ``version`` on ``cr`` as an upgrade from ``old_version`` runs it."""
    path = ADDONS / addon / "migrations" / version / f"{script}.py"
    spec = importlib.util.spec_from_file_location(
        f"{addon}_migrate_{version.replace('.', '_')}_{script.replace('-', '_')}", path
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.migrate(cr, old_version)


def assert_same_queries(case, small, large):
    """Run ``small`` then ``large`` (the same action on a small and a large
    set of records), each from a flushed and empty cache and flushed after:
    ``large`` makes no more queries than ``small`` (no query per record)."""
    env = case.env
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    small()
    env.flush_all()
    queries = env.cr.sql_log_count - before
    env.invalidate_all()
    with case.assertQueryCount(queries):
        large()
        env.flush_all()


def _line_field(records):
    """The field by which a line (score sheet, dossier or decision line)
    names ``records``: ``model_id`` or ``exemplar_id``."""
    return "model_id" if records._name == "dvk.model" else "exemplar_id"


class DvkBase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.Level = cls.env["dvk.level"]
        cls.level_grassroots = cls.env.ref("dvk_models.dvk_level_grassroots")
        cls.level_district = cls.env.ref("dvk_models.dvk_level_district")
        cls.level_province = cls.env.ref("dvk_models.dvk_level_province")
        cls.field_kt = cls.env.ref("dvk_models.dvk_field_kt")
        cls.field_vhxh = cls.env.ref("dvk_models.dvk_field_vhxh")
        cls.company = cls.env.company

    @classmethod
    def _user_employee(cls, login, name, groups="dvk_models.group_dvk_user"):
        """A user of ``groups`` and the employee record linked to it, both
        named ``name``; the employee has no unit yet."""
        user = new_test_user(cls.env, login=login, groups=groups, name=name)
        return user, cls.env["hr.employee"].create({"name": name, "user_id": user.id})

    @classmethod
    def _deadlines(
        cls, year, registration=(3, 29), proposal=(9, 30), recognition=(10, 14)
    ):
        """The deadlines of a campaign of ``year``, each a (month, day): by
        default the usual 29/3, 30/9 and 14/10."""
        return {
            "registration_deadline": datetime.date(year, *registration),
            "proposal_deadline": datetime.date(year, *proposal),
            "recognition_deadline": datetime.date(year, *recognition),
        }

    @classmethod
    def _new_open_campaign(cls, year, name=None, legal_basis=None, **vals):
        """A campaign of ``year`` (1/1 to 31/12) with ``vals`` (profile,
        deadlines...), opened; ``legal_basis`` recorded when given and the
        campaign found none of its own."""
        campaign = cls.env["dvk.campaign"].create(
            {
                "name": name or f"Dân vận khéo {year}",
                "year": year,
                "date_start": datetime.date(year, 1, 1),
                "date_end": datetime.date(year, 12, 31),
                **vals,
            }
        )
        campaign.action_open()
        if legal_basis and not campaign.legal_basis:
            campaign.legal_basis = legal_basis
        return campaign

    def _assert_delete_button(self, mine, shown):
        """The Delete button's predicate ``shown`` (``dvk_can_delete`` of
        ``mine``, a record in its user's environment) is what the server
        does: hidden, the delete and the unlink are refused and the record
        stays; shown, the delete succeeds and opens its model's list."""
        record = mine.with_env(self.env)
        if not shown:
            for method in ("action_delete_draft", "unlink"):
                with self.assertRaises(Exception) as capture:
                    getattr(mine, method)()
                self.assertIsInstance(capture.exception, (UserError, AccessError))
            self.assertTrue(record.exists())
            return
        with self.env.cr.savepoint() as savepoint:
            action = mine.action_delete_draft()
            self.assertFalse(record.exists())
            self.assertEqual(action["res_model"], record._name)
            savepoint.rollback()
        self.env.invalidate_all()
        self.assertTrue(record.exists())

    def _self_assess(self, records, score=None, evaluator=None):
        """Give records a finished self-assessment sheet (seed 001 §3), every
        manual criterion at ``score`` (default: its maximum), by ``evaluator``
        (default: who created the record). Written as the
        superuser so that large batches stay fast; the scoring tests exercise
        the sheets themselves."""
        # sudo: test fixture set-up, not the behaviour under test
        records = records.sudo()
        fname = _line_field(records)
        with_set = records.filtered("criteria_set_id")
        sheets = (
            self.env["dvk.score.sheet"]
            # sudo: test fixture set-up, not the behaviour under test
            .sudo()
            .create(
                [
                    {
                        fname: record.id,
                        "kind": "self",
                        "criteria_set_id": record.criteria_set_id.id,
                        "evaluator_id": (evaluator or record.create_uid).id,
                    }
                    for record in with_set
                ]
            )
        )
        manual = sheets.line_ids.filtered(lambda line: not line.is_auto)
        for max_score, lines in manual.grouped(
            lambda line: line.criterion_id.max_score
        ).items():
            lines.write({"score": max_score if score is None else score})
        sheets.write({"state": "done"})
        return sheets

    def _attach(self, record, codes=None, stages=None, copies=False):
        """Attach a scanned file to the dossier documents of ``record`` with
        these codes (or of these stages), all of them when both are empty;
        with the copies each document requires when ``copies``."""
        record._dossier_sync()
        fname = _line_field(record)
        lines = self.env["dvk.dossier.line"].search([(fname, "=", record.id)])
        if codes:
            lines = lines.filtered(lambda line: line.template_id.code in codes)
        if stages:
            lines = lines.filtered(lambda line: line.stage in stages)
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

    def _decision(self, records, level, authority, user, **vals):
        """A draft decision of ``level`` on ``records``, issued by the unit
        ``authority`` and written by ``user``: in the class's campaign, dated
        10/10/2026, unless ``vals`` say otherwise."""
        fname = _line_field(records)
        return (
            self.env["dvk.decision"]
            .with_user(user)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "level_id": level.id,
                    "authority_department_id": authority.id,
                    "date": datetime.date(2026, 10, 10),
                    "line_ids": [(0, 0, {fname: r.id}) for r in records],
                    **vals,
                }
            )
        )


class DvkCommon(DvkBase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The fixtures' province kept the three-tier party chain (grassroots,
        # district, province) in force: the 2026 campaign below climbs it.
        # The chains by period are tested on their own (test_level_chains).
        cls.env.ref("dvk_models.dvk_profile_party_level_district").date_to = False

        # Users: a manager, an officer of the district, a commune approver,
        # two staff members of the commune and one of another commune.
        cls.user_manager = new_test_user(
            cls.env,
            login="dvk_mgr",
            groups="dvk_models.group_dvk_manager",
            name="Trần Văn Quản",
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="dvk_off",
            groups="dvk_models.group_dvk_officer",
            name="Lê Thị Thi Đua",
        )
        cls.user_approver = new_test_user(
            cls.env,
            login="dvk_appr",
            groups="dvk_models.group_dvk_user",
            name="Nguyễn Văn Duyệt",
        )
        cls.user_district_head = new_test_user(
            cls.env,
            login="dvk_dhead",
            groups="dvk_models.group_dvk_user",
            name="Phạm Văn Huyện",
        )
        cls.user_staff = new_test_user(
            cls.env,
            login="dvk_staff",
            groups="dvk_models.group_dvk_user",
            name="Hoàng Thị Dân",
        )
        cls.user_staff2 = new_test_user(
            cls.env,
            login="dvk_staff2",
            groups="dvk_models.group_dvk_user",
            name="Đỗ Văn Vận",
        )
        cls.user_other = new_test_user(
            cls.env,
            login="dvk_other",
            groups="dvk_models.group_dvk_user",
            name="Vũ Thị Khác",
        )

        Department = cls.env["hr.department"]
        Employee = cls.env["hr.employee"]
        cls.emp_district_head = Employee.create(
            {"name": "Phạm Văn Huyện", "user_id": cls.user_district_head.id}
        )
        cls.emp_approver = Employee.create(
            {"name": "Nguyễn Văn Duyệt", "user_id": cls.user_approver.id}
        )
        cls.province = Department.create(
            {
                "name": "Tỉnh ủy",
                "dvk_level_id": cls.level_province.id,
                "dvk_decision_symbol": "BCĐT",
            }
        )
        cls.district = Department.create(
            {
                "name": "Huyện ủy Châu Thành",
                "parent_id": cls.province.id,
                "dvk_level_id": cls.level_district.id,
                "manager_id": cls.emp_district_head.id,
                "dvk_decision_symbol": "BCĐH",
            }
        )
        cls.commune = Department.create(
            {
                "name": "Đảng ủy xã Hòa Lợi",
                "parent_id": cls.district.id,
                "dvk_level_id": cls.level_grassroots.id,
                "manager_id": cls.emp_approver.id,
                "dvk_decision_symbol": "BCĐX",
            }
        )
        cls.commune_other = Department.create(
            {
                "name": "Đảng ủy xã Đa Lộc",
                "parent_id": cls.district.id,
                "dvk_level_id": cls.level_grassroots.id,
                "manager_id": cls.emp_district_head.id,
                "dvk_decision_symbol": "ĐU",
            }
        )
        cls.emp_staff = Employee.create(
            {
                "name": "Hoàng Thị Dân",
                "user_id": cls.user_staff.id,
                "department_id": cls.commune.id,
            }
        )
        cls.emp_staff2 = Employee.create(
            {
                "name": "Đỗ Văn Vận",
                "user_id": cls.user_staff2.id,
                "department_id": cls.commune.id,
            }
        )
        cls.emp_other = Employee.create(
            {
                "name": "Vũ Thị Khác",
                "user_id": cls.user_other.id,
                "department_id": cls.commune_other.id,
            }
        )
        cls.emp_approver.department_id = cls.commune
        cls.user_officer.dvk_department_ids = cls.district

        cls.campaign = cls._new_open_campaign(
            2026, profile="party", **cls._deadlines(2026)
        )
        # No provincial guidance governs 2026 (its phase ended in 2025): the
        # manager records the basis the campaign's decisions cite, as an
        # issued decision states one.
        cls.campaign.legal_basis = CAMPAIGN_BASIS

    def _open_campaign(self, year, profile="party"):
        """An open campaign of ``year`` with the usual deadlines (29/3, 30/9,
        14/10)."""
        return self._new_open_campaign(
            year, profile=profile, legal_basis=CAMPAIGN_BASIS, **self._deadlines(year)
        )

    def _model_vals(self, **kw):
        vals = {
            "name": "Dân vận khéo trong hiến đất làm đường",
            "campaign_id": self.campaign.id,
            "subject_type": "collective",
            "department_id": self.commune.id,
            "field_id": self.field_kt.id,
            "level_id": self.level_grassroots.id,
        }
        vals.update(kw)
        # Seed 001 §3-4 (Mẫu 1): what a registration states before it is
        # submitted, within its campaign.
        campaign = self.env["dvk.campaign"].browse(vals["campaign_id"])
        plan = {
            "area": "Ấp Hòa Lợi",
            "objective": "Vận động nhân dân hiến đất làm đường",
            "date_start": campaign.date_start,
            "date_end": campaign.date_end,
            "expected_result": "Hoàn thành 2 km đường bê tông",
        }
        return {**plan, **vals}

    def _create_model(self, user=None, **kw):
        user = user or self.user_staff
        return self.env["dvk.model"].with_user(user).create(self._model_vals(**kw))

    def _submitted(self, **kw):
        model = self._create_model(**kw)
        model.action_submit()
        return model

    def _approved(self, **kw):
        model = self._submitted(**kw)
        model.with_user(self.user_approver).action_approve()
        self._self_assess(model)
        return model

    def _exemplar(self, **kw):
        """An exemplar file opened by the officer in the running campaign: by
        default the individual file of the commune's staff member."""
        vals = {
            "campaign_id": self.campaign.id,
            "subject_type": "individual",
            "employee_id": self.emp_staff.id,
            "department_id": self.commune.id,
        }
        if kw.get("subject_type") == "collective":
            del vals["employee_id"]
        vals.update(kw)
        return self.env["dvk.exemplar"].with_user(self.user_officer).create(vals)

    def _proposed(self, level=None, **kw):
        model = self._approved(**kw)
        model.with_user(self.user_officer).action_propose(
            level or self.level_grassroots
        )
        return model

    def _decision(self, records, level=None, authority=None, user=None, **kw):
        """A draft decision on ``records`` issued by the unit of its level
        (seed 001 §3): the commune, the district or the province. The
        district officer writes it, the manager when the province issues it
        (the province is outside the officer's charge)."""
        level = level or self.level_grassroots
        authority = authority or {
            self.level_grassroots: self.commune,
            self.level_district: self.district,
            self.level_province: self.province,
        }.get(level, self.district)
        if user is None:
            user = (
                self.user_manager if authority == self.province else self.user_officer
            )
        return super()._decision(records, level, authority, user, **kw)
