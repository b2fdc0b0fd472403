"""Draft decisions have no number: the "/" earlier versions stored on drafts
(and that their chatter shows as the number's old value) is emptied, so lists,
titles and the history read "Decision (draft)" or nothing, never "/"."""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    cr.execute(SQL("UPDATE dvk_decision SET name = NULL WHERE name = '/'"))
    cr.execute(
        SQL(
            """
            UPDATE mail_tracking_value v
               SET old_value_char = NULL
              FROM ir_model_fields f
             WHERE v.field_id = f.id
               AND f.model = 'dvk.decision'
               AND f.name = 'name'
               AND v.old_value_char = '/'
            """
        )
    )
