"""Decisions issued before numbering per issuing unit get their number in the
year back from the number they were printed with (the leading digits of
"12/QĐ-UBND" or "12-QĐ/ĐU"), so that the next number of each unit follows the
ones already issued; a number met twice in a unit's year (the old numbering
ran per campaign) stays on its first decision only and the others keep their
printed name untouched.

Records recognised at a lower level and proposed higher were put in the
proposed state; they stay recognised while the higher proposal runs."""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        WITH parsed AS (
            SELECT id, authority_department_id, number_year,
                   substring(name FROM '^[0-9]+')::integer AS number
              FROM dvk_decision
             WHERE sequence_number IS NULL
               AND state != 'draft'
               AND name ~ '^[0-9]+'
        ), ranked AS (
            SELECT parsed.*,
                   row_number() OVER (
                       PARTITION BY authority_department_id, number_year, number
                       ORDER BY id
                   ) AS rank
              FROM parsed
        )
        UPDATE dvk_decision AS decision
           SET sequence_number = ranked.number
          FROM ranked
         WHERE decision.id = ranked.id
           AND ranked.rank = 1
           AND NOT EXISTS (
               SELECT 1
                 FROM dvk_decision AS other
                WHERE other.authority_department_id = ranked.authority_department_id
                  AND other.number_year = ranked.number_year
                  AND other.sequence_number = ranked.number
           )
        """
    )
    for table in ("dvk_model", "dvk_exemplar"):
        cr.execute(
            SQL(
                """
                UPDATE %s
                   SET state = 'recognized'
                 WHERE state = 'proposed'
                   AND recognized_level_id IS NOT NULL
                   AND proposal_level_id IS NOT NULL
                """,
                SQL.identifier(table),
            )
        )
