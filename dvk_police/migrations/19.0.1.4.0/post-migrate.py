"""The police forms download under Vietnamese file names. The file name is a
translated expression, and an upgrade keeps the translations a database
already has: the Vietnamese one would stay the old name stripped to ASCII.
Drop the translations of these four names, so that the Vietnamese of
i18n/vi.po, loaded right after this script, takes their place."""

REPORTS = (
    "action_report_dvk_police_request",
    "action_report_dvk_police_submission",
    "action_report_dvk_police_pv05",
    "action_report_dvk_police_periodic",
)


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
