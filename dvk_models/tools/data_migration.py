"""Fill new fields of shipped records on existing databases. The criteria and
title data files are ``noupdate``: an upgrade does not reload them, so the
values a new field takes in the data must be written by a migration script.
The values are read from the data file itself, so that the data stays the
single place where they are written."""

from lxml import etree

from odoo.tools import SQL, file_open


def refill_from_data(cr, module, path, model, fnames):
    """Write the ``fnames`` values that ``module``'s data file ``path`` gives
    its ``model`` records onto those records (plain values only)."""
    with file_open(f"{module}/{path}", "rb") as data_file:
        tree = etree.parse(data_file)
    table = model.replace(".", "_")
    for record in tree.iterfind(".//record"):
        if record.get("model") != model:
            continue
        module_, _dot, name = record.get("id").rpartition(".")
        values = [
            SQL("%s = %s", SQL.identifier(field.get("name")), field.text or "")
            for field in record.iterfind("field")
            if field.get("name") in fnames
        ]
        if not values:
            continue
        cr.execute(
            SQL(
                """
                UPDATE %(table)s record
                   SET %(values)s
                  FROM ir_model_data data
                 WHERE data.module = %(module)s
                   AND data.name = %(name)s
                   AND data.model = %(model)s
                   AND data.res_id = record.id
                """,
                table=SQL.identifier(table),
                values=SQL(", ").join(values),
                module=module_ or module,
                name=name,
                model=model,
            )
        )
