"""The report to Sở Nội vụ (PDF and XLSX) downloads under a name that says
which agency sent which report ("Báo cáo gửi Sở Nội vụ - <agency> - <report>"),
no longer the year alone, which every agency's February and October reports
shared. The file name is a translated expression, and an upgrade keeps the
translations a database already has: drop them, so that the Vietnamese of
i18n/vi.po, loaded right after this script, takes their place."""

REPORTS = (
    "dvk_statehub_home_affairs_report",
    "dvk_statehub_home_affairs_report_xlsx",
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
           AND data.module = 'dvk_statehub'
           AND data.name IN %s
           AND data.res_id = report.id
        """,
        [REPORTS],
    )
