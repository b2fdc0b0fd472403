"""Disciplinary periods (NĐ 152/2025/NĐ-CP, issue 24 item 7): the end of
the period of the disciplines already recorded. The column is added, and
computed, before the lengths of the periods are loaded from the data: it is
computed again here, once they are, for the disciplines without an end."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Discipline = env["hr.discipline"].with_context(active_test=False)
    disciplines = Discipline.search([("period_end", "=", False)])
    env.add_to_compute(Discipline._fields["period_end"], disciplines)
    disciplines.flush_recordset(["period_end"])
