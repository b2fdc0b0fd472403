"""Data-shape changes of 19.0.1.4.0 (two-tier local government, unit
lineage) and 19.0.1.5.0 (company merges), as plain SQL usable from the
migration scripts and their tests."""

PARTY_DISTRICT_END = "2025-06-30"
OLD_SCOPE = "user.dvk_department_ids.ids"
NEW_SCOPE = "user.dvk_scope_department_ids.ids"


def end_party_district(cr):
    """The party's district step, still open-ended as shipped before, ends on
    30/6/2025; a step an administrator already dated is left as it is."""
    end_step(cr, "dvk_models", "dvk_profile_party_level_district", PARTY_DISTRICT_END)


def end_step(cr, module, name, date_to):
    """End the chain step ``module.name`` on ``date_to`` when it is still
    open-ended and undated, as shipped before the two-tier change (profile
    data is noupdate); a step an administrator dated is left as it is."""
    cr.execute(
        """
        UPDATE dvk_profile_level
           SET date_to = %s
         WHERE date_to IS NULL
           AND date_from IS NULL
           AND id IN (
               SELECT res_id FROM ir_model_data
                WHERE module = %s
                  AND name = %s
                  AND model = 'dvk.profile.level'
           )
        """,
        [date_to, module, name],
    )


def scope_rules(cr):
    """Record rules by the officer's units (of every DVK addon) read the
    units in scope, which include the units those took over."""
    cr.execute(
        """
        UPDATE ir_rule
           SET domain_force = replace(domain_force, %s, %s)
         WHERE domain_force LIKE %s
        """,
        [OLD_SCOPE, NEW_SCOPE, f"%{OLD_SCOPE}%"],
    )


def drop_campaign_year_constraint(cr):
    """The one-campaign-a-year rule becomes a unique index that leaves out
    the campaigns taken over by a merged province's (19.0.1.5.0): the old
    table constraint, which would still refuse them, goes."""
    cr.execute(
        "ALTER TABLE dvk_campaign DROP CONSTRAINT IF EXISTS "
        "dvk_campaign_year_profile_uniq"
    )
