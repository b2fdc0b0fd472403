"""The registrant rule of periodic reports now names ``registrant_id``; the
rule lives in a noupdate file: let this update reload it."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE ir_model_data SET noupdate = false "
        "WHERE module = 'dvk_police' AND model = 'ir.rule' AND name IN %s",
        (("dvk_police_report_rule_user",),),
    )
