"""The police submission letter downloads under a name that says which model
it proposes ("Tờ trình đề nghị công nhận - <model>"). The file name is a
translated expression, and an upgrade keeps the translations a database
already has: the Vietnamese one would stay the former fixed name. Drop its
translations, so that the Vietnamese of i18n/vi.po, loaded right after this
script, takes their place."""

REPORTS = ("action_report_dvk_police_submission",)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_act_report_xml report
           SET print_report_name = jsonb_build_object(
                   'en_US', report.print_report_name -> 'en_US'
               )
          FROM ir_model_data data
         WHERE data.model = 'ir.actions.report'
           AND data.module = 'dvk_police'
           AND data.name IN %s
           AND data.res_id = report.id
        """,
        [REPORTS],
    )
