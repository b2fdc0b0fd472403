"""Issue 22 item 21: the DVK fields on Odoo's employees keep the host working
(hr's rule for private employee fields, every internal user's plain read()
of people and units), and DVK users without HR rights still see what DVK
shows of a person."""

from odoo.tests import new_test_user, tagged

from .common import DvkCommon

DVK_ADDONS = {"dvk_models", "dvk_police", "dvk_union", "dvk_statehub"}


@tagged("post_install", "-at_install")
class TestHostEmployees(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_internal = new_test_user(
            cls.env, login="plain_internal", groups="base.group_user"
        )
        cls.user_hr = new_test_user(cls.env, login="hr_only", groups="hr.group_hr_user")
        cls.env["hr.emulation.title"].create(
            {
                "employee_id": cls.emp_staff.id,
                "type_id": cls.env["hr.emulation.title.type"]
                .search([("subject_type", "=", "individual")], limit=1)
                .id,
                "year": 2025,
            }
        )
        cls.env["hr.discipline"].create(
            {"employee_id": cls.emp_staff.id, "form": "reprimand", "date": "2025-05-01"}
        )

    def _own_model(self):
        return self._create_model(
            user=self.user_staff,
            subject_type="individual",
            employee_id=self.emp_staff.id,
        )

    def test_private_employee_fields_follow_hr_rule(self):
        """Issue 22 item 21, hr's rule (hr.employee docstring): every field
        the DVK addons add to hr.employee is either offered on
        hr.employee.public too or restricted to HR officers; otherwise a user
        without HR rights cannot read() employees at all."""
        public = self.env["hr.employee.public"]._fields
        wrong = [
            name
            for name, field in self.env["hr.employee"]._fields.items()
            if set(field._modules) & DVK_ADDONS
            and name not in public
            and field.groups != "hr.group_hr_user"
        ]
        self.assertEqual(wrong, [])
        for name in ("emulation_title_ids", "discipline_ids"):
            self.assertEqual(
                self.env["hr.employee"]._fields[name].groups, "hr.group_hr_user"
            )

    def test_every_internal_user_reads_people_and_units(self):
        """Issue 22 item 21: a plain read() of all employees and all units
        (what integrations and exports do) works for an internal user, a DVK
        user and officer without HR rights and an HR officer outside DVK."""
        for user in (
            self.user_internal,
            self.user_staff,
            self.user_officer,
            self.user_hr,
        ):
            for model in ("hr.employee", "hr.employee.public", "hr.department"):
                with self.subTest(user=user.login, model=model):
                    records = self.env[model].with_user(user).search([])
                    self.assertTrue(records.read([]))

    def test_dvk_figures_without_hr_rights(self):
        """Issue 22 items 6 and 21: DVK users without HR rights read a
        person's DVK figures through the public profile; each figure is a
        fact about the person, the same for every reader who may read that
        kind of record at all (the discipline count only for officers, none
        for a user outside DVK)."""
        self._own_model()
        for user, expected in (
            (
                self.user_staff,
                {
                    "dvk_model_count": 1,
                    "dvk_title_count": 1,
                    "dvk_discipline_count": 0,
                },
            ),
            (
                self.user_officer,
                {
                    "dvk_model_count": 1,
                    "dvk_title_count": 1,
                    "dvk_discipline_count": 1,
                },
            ),
            (
                self.user_internal,
                {
                    "dvk_model_count": 0,
                    "dvk_title_count": 0,
                    "dvk_discipline_count": 0,
                },
            ),
        ):
            for model in ("hr.employee", "hr.employee.public"):
                with self.subTest(user=user.login, model=model):
                    [values] = (
                        self.env[model]
                        .with_user(user)
                        .browse(self.emp_staff.id)
                        .read(list(expected))
                    )
                    self.assertEqual({k: values[k] for k in expected}, expected)

    def test_public_profile_shows_dvk_buttons(self):
        """Issue 22 item 21: the profile a DVK user without HR rights opens
        shows the DVK buttons (discipline for officers only), and they open
        the person's records; a user outside DVK sees none."""

        def buttons(user):
            arch = (
                self.env["hr.employee.public"]
                .with_user(user)
                .get_view(self.env.ref("hr.hr_employee_public_view_form").id)["arch"]
            )
            return {
                name
                for name in (
                    "action_open_dvk_models",
                    "action_open_dvk_exemplars",
                    "action_open_dvk_titles",
                    "action_open_dvk_disciplines",
                )
                if f'name="{name}"' in arch
            }

        self.assertEqual(
            buttons(self.user_staff),
            {
                "action_open_dvk_models",
                "action_open_dvk_exemplars",
                "action_open_dvk_titles",
            },
        )
        self.assertIn("action_open_dvk_disciplines", buttons(self.user_officer))
        self.assertFalse(buttons(self.user_internal))
        model = self._own_model()
        person = self.env["hr.employee.public"].with_user(self.user_staff)
        action = person.browse(self.emp_staff.id).action_open_dvk_models()
        found = (
            self.env["dvk.model"].with_user(self.user_staff).search(action["domain"])
        )
        self.assertEqual(found, model)
