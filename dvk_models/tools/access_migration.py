"""Record rules of existing databases: rules are noupdate data, which an
update never rewrites; a rule whose domain or rights changed is deleted
before the update (pre-migrate), which creates it again from the files."""


def drop_rules(cr, module, names):
    """Delete the record rules ``module.name`` of ``names`` and their XML
    ids, so that the data files of the update create them afresh."""
    cr.execute(
        """
        DELETE FROM ir_rule
         WHERE id IN (
               SELECT res_id FROM ir_model_data
                WHERE module = %s AND model = 'ir.rule' AND name IN %s
         )
        """,
        [module, tuple(names)],
    )
    cr.execute(
        """
        DELETE FROM ir_model_data
         WHERE module = %s AND model = 'ir.rule' AND name IN %s
        """,
        [module, tuple(names)],
    )
