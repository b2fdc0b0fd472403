"""Decision subjects: the default subject is no longer stored (it read in the
language of whoever created the draft) but computed in the reader's language;
a subject the officer wrote moves to ``own_title``. The old stored column is
dropped once read."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'dvk_decision' AND column_name = 'title'"
        )
    )
    if not cr.fetchone():
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    langs = [code for code, _name in env["res.lang"].get_installed()]
    Decision = env["dvk.decision"]
    cr.execute(
        SQL(
            "SELECT id, title FROM dvk_decision "
            "WHERE title IS NOT NULL AND own_title IS NULL"
        )
    )
    for decision_id, title in cr.fetchall():
        if any(
            Decision.with_context(lang=lang)._is_default_title(title) for lang in langs
        ):
            continue
        cr.execute(
            SQL(
                "UPDATE dvk_decision SET own_title = %s WHERE id = %s",
                title,
                decision_id,
            )
        )
    cr.execute(SQL("ALTER TABLE dvk_decision DROP COLUMN title"))
