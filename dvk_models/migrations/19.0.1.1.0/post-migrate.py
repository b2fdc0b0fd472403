"""Existing models and exemplars keep their creator as their registrant."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE dvk_model SET registrant_id = create_uid WHERE registrant_id IS NULL"
    )
    cr.execute(
        "UPDATE dvk_exemplar SET registrant_id = create_uid WHERE registrant_id IS NULL"
    )
