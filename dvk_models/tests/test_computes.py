"""Computed fields on the sets the client gives them (issue 22 item 1): a new
record without id or values (a form opened with "New"), several records at
once, an empty set. A new score sheet crashed on ``ensure_one`` in the band
of its totals; every compute of the four addons is read here in those
shapes, as the users who open the forms."""

import datetime

from odoo.tests import Form, freeze_time, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import DvkCommon

ADDONS = {"dvk_models", "dvk_police", "dvk_union", "dvk_statehub"}


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestComputeShapes(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.party_set = cls.env.ref("dvk_models.criteria_set_party_model")

    def _dvk_computed_fields(self, model):
        """The computed fields the DVK addons declare (or extend) on
        ``model``."""
        return [
            field
            for field in model._fields.values()
            if field.compute and set(getattr(field, "_modules", ()) or ()) & ADDONS
        ]

    def test_new_score_sheet_opens_for_an_officer(self):
        """Issue 22 item 1: Scoring > Score Sheets > New opens for an officer
        (it crashed in the totals' band); without a criteria set the totals
        are empty and the sheet does not pass; choosing the model brings its
        criteria set, and the totals follow it."""
        form = Form(self.env["dvk.score.sheet"].with_user(self.user_officer))
        self.assertFalse(form.criteria_set_id)
        self.assertEqual(form.total, 0.0)
        self.assertEqual(form.percent, 0.0)
        self.assertFalse(form.band_id)
        self.assertFalse(form.mandatory_ok)
        self.assertFalse(form.passed)
        self.assertFalse(form.result)
        model = self._approved()
        # The model picker of the new sheet offers the officer's models (it
        # offered none while checked against the sheet's not yet known
        # company).
        Sheet = self.env["dvk.score.sheet"].with_user(self.user_officer)
        domain = Sheet.fields_get(["model_id"])["model_id"].get("domain") or []
        if isinstance(domain, str):
            domain = safe_eval(domain, {"company_id": False, "id": False})
        offered = (
            self.env["dvk.model"]
            .with_user(self.user_officer)
            .name_search(model.name, domain=domain)
        )
        self.assertIn(model.id, [record_id for record_id, _name in offered])
        form.model_id = model.with_user(self.user_officer)
        self.assertEqual(form.criteria_set_id, self.party_set)
        self.assertEqual(form.total, 0.0)
        # Nothing scored yet: the lowest band of the set, which fails.
        self.assertEqual(form.band_id, self.party_set._band_for(0.0))
        self.assertFalse(form.passed)

    def test_new_records_name_what_is_known(self):
        """Issue 22 item 1: a record being entered is named after what is
        known yet (its kind, its year), never "False" nor a dangling dash."""
        kinds = dict(
            self.env["dvk.score.sheet"]._fields["kind"]._description_selection(self.env)
        )
        sheet = self.env["dvk.score.sheet"].new({"kind": "council"})
        self.assertEqual(sheet.name, kinds["council"])
        title = self.env["hr.emulation.title"].new({"year": 2026})
        self.assertEqual(title.display_name, "2026")
        title.employee_id = self.emp_staff
        self.assertEqual(title.display_name, f"2026 - {self.emp_staff.name}")

    def test_discipline_is_named_by_what_was_decided(self):
        """A disciplinary action is named by its form, date and person (its
        form's breadcrumb read "hr.discipline,1")."""
        forms = dict(
            self.env["hr.discipline"]._fields["form"]._description_selection(self.env)
        )
        discipline = self.env["hr.discipline"].new({"form": "reprimand"})
        self.assertEqual(discipline.display_name, forms["reprimand"])
        discipline.date = datetime.date(2026, 3, 12)
        discipline.employee_id = self.emp_staff
        self.assertEqual(
            discipline.display_name,
            f"{forms['reprimand']} 12/03/2026 - {self.emp_staff.name}",
        )

    def test_band_of_no_criteria_set(self):
        """Issue 22 item 1: the band of a percentage is read on an empty
        criteria set (a sheet before its set is chosen) as no band."""
        CriteriaSet = self.env["dvk.criteria.set"]
        self.assertFalse(CriteriaSet.browse()._band_for(80.0))
        self.assertEqual(
            self.party_set._band_for(100.0),
            self.env.ref("dvk_models.band_party_model_excellent"),
        )

    def test_totals_of_many_sheets_at_once(self):
        """Issue 22 item 1: the totals are computed for several sheets in one
        call, finished or not, with and without a criteria set."""
        models_ = self._approved(name="Mô hình một") | self._approved(
            name="Mô hình hai"
        )
        # sudo: the self-assessment sheets made by the fixture
        finished = models_.sudo().score_sheet_ids
        self.assertEqual(len(finished), 2)
        stored = finished.read(["percent", "band_id", "passed"])
        Sheet = self.env["dvk.score.sheet"].with_user(self.user_officer)
        sheets = (
            finished.with_user(self.user_officer)
            | Sheet.new({})
            | Sheet.new({"criteria_set_id": self.party_set.id})
        )
        names = ["total", "weighted_total", "percent", "mandatory_ok", "band_id"]
        names += ["passed", "result"]
        # Computed into the cache, as the ORM computes them, not written.
        with self.env.protecting([Sheet._fields[f] for f in names], sheets):
            sheets._compute_totals()
            sheets._compute_result()
            self.assertEqual(sheets[:2].read(["percent", "band_id", "passed"]), stored)
            self.assertTrue(sheets[0].passed and sheets[0].result)
            self.assertEqual(sheets[2:].mapped("total"), [0.0, 0.0])
            self.assertFalse(sheets[2].band_id or sheets[2].passed or sheets[2].result)
            self.assertEqual(sheets[3].band_id, self.party_set._band_for(0.0))

    def test_every_compute_on_new_and_empty_sets(self):
        """Issue 22 item 1: every computed field of the DVK addons is read on
        two new records at once (the form of "New", with its defaults) and
        computed on an empty set, as a manager, an officer and a staff
        member, without an error; fields hidden from the user by their group
        are left out, as the client leaves them out."""
        staff = self.user_staff
        users = (self.user_manager, self.user_officer, staff)
        checked = 0
        for user in users:
            for name in sorted(self.env.registry.models):
                Model = self.env[name].with_user(user)
                if Model._abstract:
                    continue
                fields_ = [
                    field
                    for field in self._dvk_computed_fields(Model)
                    if Model._has_field_access(field, "read")
                ]
                if not fields_:
                    continue
                defaults = Model.default_get(list(Model._fields))
                for field in fields_:
                    with self.subTest(user=user.login, field=f"{name}.{field.name}"):
                        self.env.invalidate_all()
                        records = Model.new(defaults) | Model.new(defaults)
                        for record in records:
                            # Reading the field computes it.
                            self.assertIsNotNone(record[field.name])
                        Model.browse()._compute_field_value(field)
                        checked += 1
        # The scan reaches the fields of every addon (a guard against a scan
        # that silently checks nothing).
        self.assertGreater(checked, 300)

    def test_every_compute_on_several_saved_records(self):
        """Issue 22 item 1: the computes of models, exemplars, campaigns,
        units and people run on several saved records at once, as an
        officer, without an error."""
        models_ = self._approved(name="Mô hình một") | self._submitted(
            name="Mô hình hai"
        )
        exemplar = self._exemplar()
        other = self._exemplar(employee_id=self.emp_staff2.id)
        officer = self.user_officer
        samples = {
            "dvk.model": models_,
            "dvk.exemplar": exemplar | other,
            "dvk.campaign": self.campaign | self._open_campaign(2027),
            "hr.department": self.commune | self.commune_other,
            "hr.employee": self.emp_staff | self.emp_staff2,
        }
        for name, records in samples.items():
            records = records.with_user(officer)
            for field in self._dvk_computed_fields(records):
                if not records._has_field_access(field, "read"):
                    continue
                with self.subTest(field=f"{name}.{field.name}"):
                    self.env.invalidate_all()
                    records.mapped(field.name)


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestComputeShapesStaffForms(DvkCommon):
    def test_unit_form_counts_for_staff(self):
        """Issue 22 items 1 and 6: a staff member opening a unit reads its
        DVK counts (the disciplinary count, hidden from him, is not read):
        computing them together no longer fails on the disciplinary records
        he may not read."""
        user = new_test_user(
            self.env,
            login="dvk_staff_hr",
            groups="dvk_models.group_dvk_user",
            name="Phan Thị Đơn Vị",
        )
        unit = self.commune.with_user(user)
        self.assertEqual(unit.dvk_model_count, 0)
        self.assertNotIn("dvk_discipline_count", unit.fields_get())
