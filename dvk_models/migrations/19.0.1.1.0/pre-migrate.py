"""Record rules of registrants now name ``registrant_id`` instead of the
record's creator, so that a model carried over by an officer stays the
registrant's. The rules live in noupdate files: let this update reload them."""

RULES = (
    "dvk_model_rule_user_read",
    "dvk_model_rule_user_write",
    "dvk_model_target_rule_user",
    "dvk_exemplar_rule_user",
    "dvk_score_sheet_rule_user",
    "dvk_score_sheet_line_rule_user",
    "dvk_dossier_line_rule_user",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE ir_model_data SET noupdate = false "
        "WHERE module = 'dvk_models' AND model = 'ir.rule' AND name IN %s",
        (RULES,),
    )
