"""SQL steps of the move from the profile Selection to ``dvk.profile``
records (19.0.1.3.0), shared by the migration scripts of the four addons:
each runs them once its own profile records exist."""

from odoo.tools import SQL

# Tables whose rows carry a profile code and now also a profile_id.
PROFILE_TABLES = (
    "dvk_campaign",
    "dvk_criteria_set",
    "dvk_category",
    "dvk_dossier_template",
)
# The three dates of the public contract and the kind of line each becomes.
CONTRACT_COLUMNS = (
    ("registration_deadline", "registration", "Registration", 10),
    ("proposal_deadline", "proposal", "Proposal to the upper level", 20),
    ("recognition_deadline", "recognition", "Recognition", 30),
)


def column_exists(cr, table, column):
    cr.execute(
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_name = %s AND column_name = %s",
        (table, column),
    )
    return bool(cr.rowcount)


def drop_selection_values(cr):
    """The profile fields are no longer selections: forget their values
    before Odoo's clean-up tries to apply the values' ``ondelete``."""
    cr.execute(
        """
        SELECT s.id
          FROM ir_model_fields_selection s
          JOIN ir_model_fields f ON f.id = s.field_id
         WHERE f.model LIKE 'dvk.%%' AND f.name IN ('profile', 'deadline_rule')
        """
    )
    ids = tuple(row[0] for row in cr.fetchall())
    if not ids:
        return
    cr.execute(
        "DELETE FROM ir_model_data "
        "WHERE model = 'ir.model.fields.selection' AND res_id IN %s",
        (ids,),
    )
    cr.execute("DELETE FROM ir_model_fields_selection WHERE id IN %s", (ids,))


def bloc_campaigns_to_profile(cr):
    """Campaigns that followed the Party bloc deadline rule now belong to the
    Party bloc profile (its guidance and calendar)."""
    if not column_exists(cr, "dvk_campaign", "deadline_rule"):
        return
    cr.execute(
        """
        UPDATE dvk_campaign SET profile = 'party_bloc'
         WHERE profile = 'party' AND deadline_rule = 'bloc'
        RETURNING id
        """
    )
    ids = tuple(row[0] for row in cr.fetchall())
    if not ids:
        return
    for table in ("dvk_model", "dvk_exemplar"):
        cr.execute(
            SQL(
                "UPDATE %s SET profile = 'party_bloc' WHERE campaign_id IN %s",
                SQL.identifier(table),
                ids,
            )
        )


def set_profile_ids(cr):
    """Every row gets the profile of its stored code (when that profile
    exists: a sector's rows wait for its own addon's script)."""
    for table in PROFILE_TABLES:
        if not column_exists(cr, table, "profile_id"):
            continue
        cr.execute(
            SQL(
                """
                UPDATE %(table)s AS t
                   SET profile_id = p.id
                  FROM dvk_profile AS p
                 WHERE p.code = t.profile
                   AND t.profile_id IS DISTINCT FROM p.id
                """,
                table=SQL.identifier(table),
            )
        )


def create_contract_lines(cr):
    """Campaigns without deadline lines get one per date they held."""
    cr.execute(
        """
        SELECT c.id FROM dvk_campaign c
         WHERE NOT EXISTS (
               SELECT 1 FROM dvk_campaign_deadline d WHERE d.campaign_id = c.id)
        """
    )
    ids = tuple(row[0] for row in cr.fetchall())
    if not ids:
        return
    for column, kind, name, sequence in CONTRACT_COLUMNS:
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
                 WHERE c.id IN %(ids)s AND c.%(column)s IS NOT NULL
                """,
                sequence=sequence,
                name=name,
                kind=kind,
                column=SQL.identifier(column),
                ids=ids,
            )
        )


def link_rules(cr):
    """Lines without a rule take the rule of their campaign's profile of the
    same kind and levels, and then follow its name and scope."""
    cr.execute(
        """
        WITH line_levels AS (
            SELECT d.id, d.kind, c.profile_id,
                   ARRAY(SELECT level_id FROM dvk_campaign_deadline_level_rel r
                          WHERE r.deadline_id = d.id ORDER BY level_id) AS levels
              FROM dvk_campaign_deadline d
              JOIN dvk_campaign c ON c.id = d.campaign_id
             WHERE d.rule_id IS NULL
        ), rule_levels AS (
            SELECT r.id, r.kind, r.profile_id, r.sequence,
                   ARRAY(SELECT level_id FROM dvk_profile_deadline_rule_level_rel l
                          WHERE l.rule_id = r.id ORDER BY level_id) AS levels
              FROM dvk_profile_deadline_rule r
        ), matched AS (
            SELECT DISTINCT ON (line.id) line.id AS line_id, rule.id AS rule_id,
                   rule.sequence
              FROM line_levels line
              JOIN rule_levels rule
                ON rule.profile_id = line.profile_id
               AND rule.kind = line.kind
               AND rule.levels = line.levels
             ORDER BY line.id, rule.sequence, rule.id
        )
        UPDATE dvk_campaign_deadline d
           SET rule_id = matched.rule_id, sequence = matched.sequence,
               own_name = NULL, own_scope = NULL
          FROM matched
         WHERE d.id = matched.line_id
        """
    )


def migrate_profiles(cr):
    """What each addon's post-migration runs once its profiles exist."""
    set_profile_ids(cr)
    create_contract_lines(cr)
    link_rules(cr)
