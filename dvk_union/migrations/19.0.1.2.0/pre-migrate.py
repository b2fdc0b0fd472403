"""The two union date columns of the campaign become deadline lines: read
them before the columns are dropped. The base and district registration
(February) applies to grassroots and district levels, the summary (10/3) to
district unions; the campaign's registration date is then the province-level
registration (March)."""

from odoo.tools import SQL

from odoo.addons.dvk_models.tools import profile_migration

LEVELS = {"grassroots", "district", "province"}


def _level_ids(cr):
    cr.execute(
        "SELECT name, res_id FROM ir_model_data "
        "WHERE module = 'dvk_models' AND model = 'dvk.level' AND name IN %s",
        (tuple(f"dvk_level_{code}" for code in LEVELS),),
    )
    return {name.removeprefix("dvk_level_"): res_id for name, res_id in cr.fetchall()}


def _add_line(cr, column, kind, name, sequence, level_ids):
    cr.execute(
        SQL(
            """
            INSERT INTO dvk_campaign_deadline
                   (campaign_id, sequence, own_name, kind, date,
                    create_uid, write_uid, create_date, write_date)
            SELECT c.id, %(sequence)s, jsonb_build_object('en_US', %(name)s),
                   %(kind)s, c.%(column)s, 1, 1,
                   now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
              FROM dvk_campaign c
             WHERE c.profile = 'union' AND c.%(column)s IS NOT NULL
            RETURNING id
            """,
            sequence=sequence,
            name=name,
            kind=kind,
            column=SQL.identifier(column),
        )
    )
    ids = [row[0] for row in cr.fetchall()]
    for line_id in ids:
        for level_id in level_ids:
            cr.execute(
                "INSERT INTO dvk_campaign_deadline_level_rel (deadline_id, level_id) "
                "VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (line_id, level_id),
            )
    return ids


def migrate(cr, version):
    if not version:
        return
    if not profile_migration.column_exists(
        cr, "dvk_campaign", "union_base_registration_deadline"
    ):
        return
    levels = _level_ids(cr)
    # The core made the registration line from the campaign's date: it is
    # the province-level registration of the union guidance.
    cr.execute(
        """
        SELECT d.id FROM dvk_campaign_deadline d
          JOIN dvk_campaign c ON c.id = d.campaign_id
         WHERE c.profile = 'union' AND d.kind = 'registration'
           AND NOT EXISTS (SELECT 1 FROM dvk_campaign_deadline_level_rel r
                            WHERE r.deadline_id = d.id)
        """
    )
    for (line_id,) in cr.fetchall():
        cr.execute(
            "INSERT INTO dvk_campaign_deadline_level_rel (deadline_id, level_id) "
            "VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (line_id, levels["province"]),
        )
    _add_line(
        cr,
        "union_base_registration_deadline",
        "registration",
        "Registration of base and district models",
        10,
        [levels["grassroots"], levels["district"]],
    )
    _add_line(
        cr,
        "union_summary_deadline",
        "summary",
        "Registration summary to the provincial federation",
        15,
        [levels["district"]],
    )
