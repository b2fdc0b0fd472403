"""File names of the police forms: the PDF a user downloads is named in
Vietnamese, with its diacritics, as Odoo's report controller sends it."""

from urllib.parse import unquote

from odoo.http import content_disposition
from odoo.tests import freeze_time, tagged
from odoo.tools.safe_eval import safe_eval, time

from odoo.addons.dvk_models.tests.common import run_migration

from .common import DvkPoliceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestPoliceReportNames(DvkPoliceCommon):
    def _disposition(self, xmlid, record, lang):
        """The Content-Disposition header of the download, computed as
        addons/web/controllers/report.py::report_download does in the
        user's language (the expression is a translated field)."""
        report = self.env.ref(xmlid).with_context(lang=lang)
        name = safe_eval(report.print_report_name, {"object": record, "time": time})
        return content_disposition(f"{name}.pdf")

    def test_file_names_keep_their_diacritics(self):
        """Issue 22 item 18: the police forms download as "Văn bản xin chủ
        trương - …", "Tờ trình đề nghị công nhận", "Báo cáo tổng hợp PV05 -
        …", "Báo cáo định kỳ - …": UTF-8 file names (RFC 6266), not their
        Vietnamese stripped to ASCII; a slash in a name does not make a
        folder."""
        model = self._approved(self.commune, name="Camera an ninh/trật tự")
        periodic = model.police_report_ids[:1]
        self.assertTrue(periodic)
        # In English and, where it is installed, in Vietnamese: the names
        # are the same official titles.
        langs = {"en_US", self.env["res.lang"]._get_code("vi_VN") or "en_US"}
        for lang in sorted(langs):
            periodic_name = periodic.with_context(lang=lang).name.replace("/", "-")
            expected = [
                (
                    "dvk_police.action_report_dvk_police_request",
                    model,
                    "Văn bản xin chủ trương - Camera an ninh-trật tự.pdf",
                ),
                (
                    "dvk_police.action_report_dvk_police_submission",
                    model,
                    "Tờ trình đề nghị công nhận.pdf",
                ),
                (
                    "dvk_police.action_report_dvk_police_pv05",
                    self.campaign,
                    "Báo cáo tổng hợp PV05 - 2026.pdf",
                ),
                (
                    "dvk_police.action_report_dvk_police_periodic",
                    periodic,
                    f"Báo cáo định kỳ - {periodic_name}.pdf",
                ),
            ]
            for xmlid, record, file_name in expected:
                with self.subTest(report=xmlid, lang=lang):
                    header = self._disposition(
                        xmlid, record.with_context(lang=lang), lang
                    )
                    kind, _sep, quoted = header.partition("; filename*=UTF-8''")
                    self.assertEqual(kind, "attachment")
                    self.assertEqual(unquote(quoted, encoding="utf-8"), file_name)

    def test_upgrade_replaces_the_ascii_names(self):
        """Issue 22 item 18, DESIGN §5: a database upgraded from 19.0.1.3.0
        kept its translation of the old ASCII name, which the Vietnamese
        interface downloads under; the upgrade drops it so that the
        Vietnamese name of i18n/vi.po loads in its place."""
        report = self.env.ref("dvk_police.action_report_dvk_police_request")
        old = "'Van ban xin chu truong - %s' % object.name"
        cr = self.env.cr
        self.env.flush_all()
        cr.execute(
            "UPDATE ir_act_report_xml SET print_report_name = "
            "print_report_name || jsonb_build_object('vi_VN', %s::text) "
            "WHERE id = %s",
            [old, report.id],
        )
        run_migration("dvk_police", "19.0.1.4.0", "post-migrate", cr, "19.0.1.3.0")
        cr.execute(
            "SELECT print_report_name FROM ir_act_report_xml WHERE id = %s",
            [report.id],
        )
        self.assertEqual(
            cr.fetchone()[0],
            {
                "en_US": "'Văn bản xin chủ trương - %s' % (object.name or '')"
                ".replace('/', '-')"
            },
        )
        vi = self.env["res.lang"]._get_code("vi_VN")
        if vi:
            module = self.env["ir.module.module"].search([("name", "=", "dvk_police")])
            module._update_translations(vi)
            self.env.invalidate_all()
            self.assertTrue(
                report.with_context(lang=vi).print_report_name.startswith(
                    "'Văn bản xin chủ trương"
                )
            )
