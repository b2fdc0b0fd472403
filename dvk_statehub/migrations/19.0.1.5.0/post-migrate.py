"""The report to Sở Nội vụ (PDF and XLSX) downloads under a name that says
which agency sent which report ("Báo cáo gửi Sở Nội vụ - <agency> - <report>"),
no longer the year alone, which every agency's February and October reports
shared. The file name is a translated expression, and an upgrade keeps the
translations a database already has: drop them, so that the Vietnamese of
i18n/vi.po, loaded right after this script, takes their place.

The signer's position of a report is filled from the issuing unit's data as
it is printed; the reports that left it empty (the print derived it) get the
title they print, so the form shows what the document says."""

from odoo import SUPERUSER_ID, api

REPORTS = (
    "dvk_statehub_home_affairs_report",
    "dvk_statehub_home_affairs_report_xlsx",
)


def migrate(cr, version):
    if not version:
        return
    _drop_name_translations(cr)
    _fill_signer_titles(cr)


def _fill_signer_titles(cr):
    env = api.Environment(cr, SUPERUSER_ID, {})
    reports = env["dvk.statehub.report"].search(
        [("signer_title", "in", [False, ""]), ("issuer_department_id", "!=", False)]
    )
    for report in reports:
        report.signer_title = report._dvk_default_signer_title()


def _drop_name_translations(cr):
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
