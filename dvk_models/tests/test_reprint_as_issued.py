"""A registration form reprints as it was issued: a merger moves the units
and the receivers of the units it ends to their successor, but the form of a
registration made before it names the body it was sent to then, under the
bodies of that day."""

import datetime
import html
import re

from odoo.fields import Command
from odoo.tests import freeze_time, tagged

from .common import DvkCommon

D = datetime.date
TAGS = re.compile(r"<[^>]*>")
FORM1 = "dvk_models.dvk_model_report_registration"


@tagged("post_install", "-at_install")
class TestReprintAsIssued(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        cls.commune.write(
            {
                "dvk_is_party_body": True,
                "dvk_signing_place": "Hòa Lợi",
                "dvk_superior_name": "Đảng bộ huyện Châu Thành",
            }
        )
        cls.cell = Department.create(
            {
                "name": "Chi bộ ấp Sâm Bua",
                "parent_id": cls.commune.id,
                "dvk_receiver_id": cls.commune.id,
                "dvk_is_party_body": True,
            }
        )
        # The commune formed on 1/7/2025, directly under the province, with
        # its own secretary as approver.
        cls.merged = Department.create(
            {
                "name": "Đảng ủy xã Châu Thành",
                "parent_id": cls.province.id,
                "dvk_level_id": cls.level_grassroots.id,
                "dvk_is_party_body": True,
                "dvk_signing_place": "Châu Thành",
                "manager_id": cls.emp_district_head.id,
            }
        )
        with freeze_time("2025-02-10"):
            cls.c2025 = cls._open_campaign(cls, 2025)

    def _text(self, xmlid, records):
        content, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
            xmlid, records.ids
        )
        return " ".join(html.unescape(TAGS.sub(" ", content.decode())).split())

    def test_form_of_before_the_merger_names_the_former_commune(self):
        """Rule: seed 000 §II.1 step 1 and Decree 30/2020/NĐ-CP — Mẫu 1 is
        addressed to the body that receives the unit's registrations.
        Registered in February 2025 with the commune of Hòa Lợi and approved
        by its deputy secretary, the cell's form reprints after Hòa Lợi was
        merged into Châu Thành (1/7/2025) as it was issued: "Kính gửi: Đảng
        ủy xã Hòa Lợi", under Hòa Lợi, dated in Hòa Lợi, though the cell and
        its receiver now belong to Châu Thành."""
        with freeze_time("2025-02-10"):
            model = self._create_model(
                user=self.user_officer,
                campaign_id=self.c2025.id,
                department_id=self.cell.id,
            )
            model.action_submit()
            self.assertEqual(model.approver_id, self.user_approver)
            model.with_user(self.user_approver).action_approve()
        wizard = (
            self.env["dvk.unit.lineage.wizard"]
            .with_user(self.user_manager)
            .create(
                {
                    "mode": "merge",
                    "date": D(2025, 7, 1),
                    "source_ids": [
                        Command.set((self.commune | self.commune_other).ids)
                    ],
                    "successor_id": self.merged.id,
                }
            )
        )
        wizard.action_apply()
        self.assertEqual(self.cell.dvk_receiver_id, self.merged)
        with freeze_time("2026-03-10"):
            text = self._text(FORM1, model)
        self.assertIn("Kính gửi: Đảng ủy xã Hòa Lợi", text)
        self.assertNotIn("Đảng ủy xã Châu Thành", text)
        self.assertIn("ĐẢNG ỦY XÃ HÒA LỢI CHI BỘ ẤP SÂM BUA", text)
        self.assertIn("Hòa Lợi, ngày 10 tháng 02 năm 2025", text)

        # A registration of this year goes to today's commune.
        with freeze_time("2026-03-10"):
            model = self._create_model(
                user=self.user_manager, department_id=self.cell.id
            )
            model.action_submit()
            text = self._text(FORM1, model)
        self.assertIn("Kính gửi: Đảng ủy xã Châu Thành", text)
        self.assertIn("ĐẢNG ỦY XÃ CHÂU THÀNH CHI BỘ ẤP SÂM BUA", text)
