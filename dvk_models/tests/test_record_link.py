"""The record link shared by decision lines, dossier documents and score
sheets: exactly one of a model and an exemplar, enforced by the database."""

import datetime

from psycopg2.errors import CheckViolation

from odoo.tools import SQL, mute_logger

from .common import DvkCommon, run_migration

LINKED = ("dvk.decision.line", "dvk.dossier.line", "dvk.score.sheet")


class TestRecordLink(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.model = (
            cls.env["dvk.model"]
            .with_user(cls.user_staff)
            .create(
                {
                    "name": "Dân vận khéo trong hiến đất làm đường",
                    "campaign_id": cls.campaign.id,
                    "subject_type": "collective",
                    "department_id": cls.commune.id,
                    "field_id": cls.field_kt.id,
                    "level_id": cls.level_grassroots.id,
                }
            )
        )
        cls.exemplar = cls.env["dvk.exemplar"].create(
            {
                "campaign_id": cls.campaign.id,
                "subject_type": "individual",
                "employee_id": cls.emp_staff.id,
                "department_id": cls.commune.id,
            }
        )
        cls.decision = cls.env["dvk.decision"].create(
            {
                "campaign_id": cls.campaign.id,
                "level_id": cls.level_grassroots.id,
                "authority_department_id": cls.commune.id,
                "date": datetime.date(2026, 10, 10),
            }
        )
        cls.template = cls.env["dvk.dossier.template"].create(
            {
                "name": "Báo cáo thành tích",
                "code": "TEST_LINK",
                "profile": cls.campaign.profile,
                "target": "model",
                "stage": "propose",
            }
        )

    def _vals(self, model_name, links):
        """Values of a new ``model_name`` record with the given links and
        everything else it requires."""
        vals = {
            "dvk.decision.line": {"decision_id": self.decision.id},
            "dvk.dossier.line": {"template_id": self.template.id},
            "dvk.score.sheet": {
                "kind": "self",
                "criteria_set_id": self.model.criteria_set_id.id,
                "evaluator_id": self.user_staff.id,
            },
        }[model_name]
        return dict(vals, **links)

    def test_one_record_check(self):
        """Rule: a decision line, a dossier document and a score sheet name
        exactly one record: the database refuses both a model and an
        exemplar, and neither, under the constraint <table>_one_record."""
        cases = {
            "both": {"model_id": self.model.id, "exemplar_id": self.exemplar.id},
            "neither": {},
        }
        for model_name in LINKED:
            Linked = self.env[model_name]
            constraint = f"{Linked._table}_one_record"
            self.assertIn(constraint, Linked._table_objects)
            for case, links in cases.items():
                with (
                    self.subTest(model=model_name, case=case),
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(CheckViolation) as caught,
                    self.env.cr.savepoint(),
                ):
                    Linked.create(self._vals(model_name, links))
                    self.env.flush_all()
                self.assertEqual(caught.exception.diag.constraint_name, constraint)

    def test_dvk_record(self):
        """Rule: _dvk_record() of a decision line, a dossier document or a
        score sheet is the model or the exemplar it is about."""
        sheet = self._self_assess(self.model)
        self.assertEqual(sheet._dvk_record(), self.model)
        exemplar_sheet = self.env["dvk.score.sheet"].new(
            {"exemplar_id": self.exemplar.id}
        )
        self.assertEqual(exemplar_sheet._dvk_record(), self.exemplar)
        dossier = self.env["dvk.dossier.line"].search(
            [("model_id", "=", self.model.id)], limit=1
        ) or self.env["dvk.dossier.line"].create(
            self._vals("dvk.dossier.line", {"model_id": self.model.id})
        )
        self.assertEqual(dossier._dvk_record(), self.model)
        line = self.env["dvk.decision.line"].new(
            {"decision_id": self.decision.id, "exemplar_id": self.exemplar.id}
        )
        self.assertEqual(line._dvk_record(), self.exemplar)
        self.assertEqual(line.department_id, self.commune)

    def test_migration_renames_decision_line_check(self):
        """Rule: updating a database whose decision line CHECK is still named
        dvk_decision_line_one_target renames it, its reflection and its XML id
        to ..._one_record: one CHECK remains, and the same reflection record
        (with its translated message)."""
        old, new = "dvk_decision_line_one_target", "dvk_decision_line_one_record"
        cr = self.env.cr
        cr.execute("SELECT id FROM ir_model_constraint WHERE name = %s", (new,))
        [reflection_id] = cr.fetchone()
        # The database as the previous version left it.
        cr.execute(
            SQL(
                "ALTER TABLE dvk_decision_line RENAME CONSTRAINT %s TO %s",
                SQL.identifier(new),
                SQL.identifier(old),
            )
        )
        cr.execute(
            "UPDATE ir_model_constraint SET name = %s WHERE id = %s",
            (old, reflection_id),
        )
        cr.execute(
            "UPDATE ir_model_data SET name = %s WHERE module = 'dvk_models' "
            "AND name = %s",
            ("constraint_" + old, "constraint_" + new),
        )
        run_migration("dvk_models", "19.0.1.9.0", "pre-record_link", cr, "19.0.1.8.0")
        cr.execute(
            "SELECT conname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
            "WHERE t.relname = 'dvk_decision_line' AND c.conname IN %s",
            ((old, new),),
        )
        self.assertEqual([row[0] for row in cr.fetchall()], [new])
        cr.execute(
            "SELECT name FROM ir_model_constraint WHERE id = %s", (reflection_id,)
        )
        self.assertEqual(cr.fetchone()[0], new)
        cr.execute(
            "SELECT res_id FROM ir_model_data "
            "WHERE module = 'dvk_models' AND name = %s",
            ("constraint_" + new,),
        )
        self.assertEqual(cr.fetchall(), [(reflection_id,)])
