"""Decision lines, dossier documents and score sheets share one record-link
mixin, whose CHECK (exactly one of model and exemplar) is named
``<table>_one_record``. The decision line's was named ``..._one_target``: it
is renamed here, with its reflection and its XML id, so that the update finds
the constraint in place and keeps its translated message, instead of adding a
second CHECK and dropping the old one."""

from odoo.tools import SQL, sql

OLD = "dvk_decision_line_one_target"
NEW = "dvk_decision_line_one_record"


def migrate(cr, version):
    if not version:
        return
    if sql.constraint_definition(cr, "dvk_decision_line", OLD) is None:
        return
    if sql.constraint_definition(cr, "dvk_decision_line", NEW) is not None:
        return
    cr.execute(
        SQL(
            "ALTER TABLE dvk_decision_line RENAME CONSTRAINT %s TO %s",
            SQL.identifier(OLD),
            SQL.identifier(NEW),
        )
    )
    cr.execute(
        "UPDATE ir_model_constraint SET name = %s WHERE name = %s",
        (NEW, OLD),
    )
    cr.execute(
        "UPDATE ir_model_data SET name = %s "
        "WHERE module = 'dvk_models' AND model = 'ir.model.constraint' "
        "AND name = %s",
        ("constraint_" + NEW, "constraint_" + OLD),
    )
