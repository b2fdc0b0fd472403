import base64
import io

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import DvkStatehubCommon


@tagged("post_install", "-at_install")
class TestStatehubRegistrationTable(DvkStatehubCommon):
    def test_committee_approves_registrations(self):
        """Rule: seed 003 Điều 6.2 — a registration is approved by the steering
        committee for grassroots democracy and DVK of the registrant's agency;
        a district body's by its district's committee."""
        model = self._submitted(self.district_body, "Một cửa thân thiện")
        self.assertEqual(model.approver_id, self.user_bcd_district)
        model = self._submitted(self.dept_unit, "Công khai tài chính công")
        self.assertEqual(model.approver_id, self.user_bcd_dept)

    def test_table_approval_approves_exactly_its_rows(self):
        """Rule: seed 003 Điều 6.2-6.3 — the committee approves the unit's
        registration table as one act: every row is approved, and nothing
        that is not a row of it."""
        first = self._submitted(self.district_body, "Một cửa thân thiện")
        second = self._submitted(
            self.district_body2, "Cán bộ văn hóa gần dân", subject_type="collective"
        )
        other_unit = self._submitted(self.dept, "Công khai tài chính công")
        table = self._table(self.district)
        table.action_build()
        self.assertEqual(table.line_ids.model_id, first | second)
        self.assertEqual(table.committee_id, self.bcd_district)
        late = self._submitted(self.district_body, "Hòa giải cơ sở")
        table.with_user(self.user_officer).action_submit()
        self.assertEqual(table.approver_id, self.user_bcd_district)
        self.assertEqual(table.activity_ids.user_id, self.user_bcd_district)
        with self.assertRaises(UserError):
            table.with_user(self.user_bcd_dept).action_approve()
        table.with_user(self.user_bcd_district).action_approve()
        self.assertEqual(table.state, "approved")
        self.assertFalse(table.activity_ids)
        self.assertEqual(set((first | second).mapped("state")), {"approved"})
        self.assertEqual(late.state, "submitted")
        self.assertEqual(other_unit.state, "submitted")
        self.assertEqual(first.statehub_registration_id, table)

    def test_table_approval_activity_is_the_committees(self):
        """Rule (issue 22 item 10): the approval of a table is an activity of
        the committee's approver; the officer who submitted the table, who
        may write it, cannot mark it done nor cancel it (AccessError), and
        the chatter does not offer it to him (can_write); the approver can."""
        self._submitted(self.commune, "Dân vận khéo trong hiến đất")
        table = self._table(self.commune)
        table.action_build()
        table.with_user(self.user_officer).action_submit()
        activity = table.activity_ids
        self.assertEqual(activity.user_id, self.user_bcd_commune)
        as_officer = activity.with_user(self.user_officer)
        self.assertFalse(as_officer.can_write)
        with self.assertRaises(AccessError):
            as_officer.action_done()
        with self.assertRaises(AccessError):
            as_officer.action_cancel()
        self.assertTrue(activity.active)
        self.assertTrue(activity.with_user(self.user_bcd_commune).can_write)
        table.with_user(self.user_bcd_commune).action_approve()
        self.assertFalse(table.activity_ids)

    def test_table_refusal_refuses_its_rows(self):
        """Rule: seed 003 Điều 6.2 — a table the committee does not approve
        sends its rows back, with the reason, to be corrected."""
        model = self._submitted(self.commune, "Dân vận khéo trong hiến đất")
        table = self._table(self.commune)
        table.action_build()
        table.with_user(self.user_officer).action_submit()
        with self.assertRaises(ValidationError):
            table.with_user(self.user_bcd_commune).action_refuse(" ")
        table.with_user(self.user_bcd_commune).action_refuse("Thiếu chỉ tiêu")
        self.assertEqual(model.state, "refused")
        self.assertEqual(table.state, "refused")

    def test_one_table_per_unit_and_year(self):
        """Rule: seed 003 Điều 6.2 — one registration table per unit and
        year; a model is a row of one table only."""
        model = self._submitted(self.commune, "Dân vận khéo trong hiến đất")
        table = self._table(self.commune)
        table.action_build()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self._table(self.commune)
        other = self._table(self.district)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                other.write({"line_ids": [(0, 0, {"model_id": model.id})]})

    def test_submit_needs_submitted_rows(self):
        """Rule: seed 003 Điều 6.2 — the table lists registrations: a draft
        model cannot be approved through it."""
        model = self._model(self.commune, "Chưa gửi đăng ký")
        table = self._table(self.commune)
        table.write({"line_ids": [(0, 0, {"model_id": model.id})]})
        with self.assertRaises(UserError):
            table.with_user(self.user_officer).action_submit()

    def _render(self, table):
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "dvk_statehub.report_dvk_statehub_registration", table.ids
        )
        return html.decode()

    def test_pdf_has_every_row_and_three_signatures(self):
        """Rule: seed 003 annexed form — the table prints TT, collective or
        individual, model name, field code, time, expected result and note for
        every row, and the three signature blocks."""
        names = [f"Mô hình số {i}" for i in range(1, 5)]
        for name in names:
            self._submitted(self.district_body, name, field_id=self.field_vhxh.id)
        table = self._table(self.district)
        table.action_build()
        table.line_ids[0].note = "Nhân rộng"
        html = self._render(table)
        for name in names:
            self.assertIn(name, html)
        self.assertEqual(html.count('class="dvk-statehub-row"'), 4)
        self.assertIn("VH-XH", html)
        self.assertIn("Nhân rộng", html)
        self.assertIn("Phòng Tài nguyên và Môi trường huyện Càng Long", html)
        self.assertIn("01/03/2026 - 30/11/2026", html)
        self.assertIn("XÁC NHẬN, DUYỆT CỦA LÃNH ĐẠO CƠ QUAN, ĐƠN VỊ", html)
        self.assertIn("XÁC NHẬN, DUYỆT CỦA BCĐ QCDC VÀ PHONG TRÀO THI ĐUA", html)
        self.assertIn("TẬP THỂ/CÁ NHÂN ĐĂNG KÝ", html)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html)
        self.assertIn("976/QĐ-UBND", html)

    def test_pdf_queries_do_not_grow_with_rows(self):
        """Rule: DESIGN §4 — printing a table of many rows costs the same
        number of queries as a table of few (seed 003 Điều 6.2 tables list all
        of an agency's models)."""
        small = self._table(self.commune)
        for i in range(2):
            self._submitted(self.commune, f"Xã mô hình {i}")
        small.action_build()
        big = self._table(self.district)
        for i in range(8):
            self._submitted(self.district_body, f"Huyện mô hình {i}")
        big.action_build()
        counts = []
        for table in (small, big):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._render(table)
            counts.append(self.cr.sql_log_count - before)
        self.assertLessEqual(counts[1], counts[0] + 2)

    def test_xlsx_has_the_same_columns(self):
        """Rule: seed 003 annexed form — the XLSX export has the seven columns
        of the form and one line per row."""
        from openpyxl import load_workbook

        for i in range(3):
            self._submitted(self.commune, f"Mô hình xã {i}")
        table = self._table(self.commune)
        table.action_build()
        content, _fmt = self.env["ir.actions.report"]._render(
            "dvk_statehub.registration_xlsx", table.ids
        )
        sheet = load_workbook(io.BytesIO(content)).active
        header = [c.value for c in sheet[3]]
        self.assertEqual(
            header,
            [
                "TT",
                "Tên tập thể/ cá nhân thực hiện",
                "Tên mô hình",
                "Lĩnh vực",
                "Thời gian thực hiện",
                "Kết quả ước đạt",
                "Ghi chú",
            ],
        )
        names = {sheet.cell(row=r, column=3).value for r in range(4, 7)}
        self.assertEqual(names, {f"Mô hình xã {i}" for i in range(3)})
        self.assertIsNone(sheet.cell(row=7, column=3).value)
        self.assertTrue(base64.b64encode(content))

    def test_field_guidance_on_the_model(self):
        """Rule: seed 003 Điều 4 — the model form shows what the field group
        of the state-agency regulation requires."""
        with Form(self.env["dvk.model"].with_user(self.user_officer)) as form:
            form.name = "Cải cách hành chính"
            form.campaign_id = self.campaign
            form.department_id = self.commune
            form.field_id = self.field_xdhtct
            note = self.env.ref("dvk_statehub.field_note_statehub_xdhtct")
            self.assertTrue(note.description)
            self.assertEqual(
                form.statehub_field_guidance,
                note.with_user(self.user_officer).description,
            )
