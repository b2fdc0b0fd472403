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
        trương - …", "Tờ trình đề nghị công nhận - …" (issue 22: the letter
        names the model it proposes), "Báo cáo tổng hợp PV05 - …", "Báo cáo
        định kỳ - …": UTF-8 file names (RFC 6266), not their
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
                    "Tờ trình đề nghị công nhận - Camera an ninh-trật tự.pdf",
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

    def test_upgrade_names_the_submission_letter(self):
        """Issue 22: the submission letter downloads under the name of the
        model it proposes; a database upgraded from 19.0.1.4.0 kept the
        Vietnamese translation of the former fixed name, which the upgrade
        drops so that the Vietnamese of i18n/vi.po loads in its place."""
        report = self.env.ref("dvk_police.action_report_dvk_police_submission")
        old = "'Tờ trình đề nghị công nhận'"
        cr = self.env.cr
        self.env.flush_all()
        cr.execute(
            "UPDATE ir_act_report_xml SET print_report_name = "
            "print_report_name || jsonb_build_object('vi_VN', %s::text) "
            "WHERE id = %s",
            [old, report.id],
        )
        run_migration("dvk_police", "19.0.1.5.0", "post-migrate", cr, "19.0.1.4.0")
        cr.execute(
            "SELECT print_report_name FROM ir_act_report_xml WHERE id = %s",
            [report.id],
        )
        self.assertEqual(
            cr.fetchone()[0],
            {
                "en_US": "'Tờ trình đề nghị công nhận - %s' % (object.name or '')"
                ".replace('/', '-')"
            },
        )
        vi = self.env["res.lang"]._get_code("vi_VN")
        if vi:
            module = self.env["ir.module.module"].search([("name", "=", "dvk_police")])
            module._update_translations(vi)
            self.env.invalidate_all()
            self.assertNotEqual(report.with_context(lang=vi).print_report_name, old)

    def test_periodic_report_named_in_the_readers_language(self):
        """Rule: names generated by the code are read in the reader's
        language: a periodic report created on approval (or by a cron, or the
        demo data) reads "Báo cáo sơ kết 06 tháng ..." to a Vietnamese user
        "Six-month Review ..." in English, not what was stored at creation;
        it is still found by its model's name."""
        model = self._approved(self.commune, name="Camera tên báo cáo")
        periodic = model.police_report_ids.filtered(lambda r: r.kind == "six_month")
        self.assertTrue(periodic)
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["dvk_police"], ["vi_VN"])
        english = periodic.with_context(lang="en_US").name
        vietnamese = periodic.with_context(lang="vi_VN").name
        self.assertTrue(english.startswith("Six-month Review"), english)
        self.assertNotEqual(vietnamese, english)
        self.assertTrue(vietnamese.endswith(" - Camera tên báo cáo"), vietnamese)
        Report = self.env["dvk.police.report"]
        self.assertIn(periodic, Report.search([("name", "ilike", "tên báo cáo")]))
        self.assertNotIn(periodic, Report.search([("name", "not ilike", "tên báo")]))
