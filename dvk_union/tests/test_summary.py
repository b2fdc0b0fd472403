import datetime

from odoo.tests import freeze_time, new_test_user, tagged

from .common import DvkUnionCommon


@tagged("post_install", "-at_install")
class TestUnionSummary(DvkUnionCommon):
    def test_summary_reminds_union_units_only(self):
        """Seed 004 §V: district federations and sector unions send their
        registration summary to the provincial federation by 10/3; the
        reminder goes to the officers of those union units, not to a party
        committee of the same level."""
        party_officer = new_test_user(
            self.env, login="un_party_off", groups="dvk_models.group_dvk_officer"
        )
        party_district = self.env["hr.department"].create(
            {
                "name": "Huyện ủy Ninh Hải",
                "dvk_level_id": self.level_district.id,
                "dvk_officer_ids": [(6, 0, party_officer.ids)],
            }
        )
        self.district.dvk_officer_ids = self.user_district_officer
        with freeze_time("2026-03-10"):
            self.campaign._send_deadline_reminders()
        reminders = self.env["mail.activity"].search(
            [
                ("res_model", "=", "dvk.campaign"),
                ("res_id", "=", self.campaign.id),
                ("date_deadline", "=", datetime.date(2026, 3, 10)),
            ]
        )
        self.assertIn(self.user_district_officer, reminders.user_id)
        self.assertNotIn(party_officer, reminders.user_id)
        self.assertFalse(
            reminders.filtered(lambda a: party_district.name in (a.summary or ""))
        )

    def test_summary_issued_by_the_federation_of_the_user(self):
        """Seed 004 §V: the summary of a district federation is sent by the
        federation its head works for, never by a grassroots union below it
        (Mẫu số 3, whoever prints it: his unit, not the records he sees)."""
        values = (
            self.env["report.dvk_models.report_dvk_campaign_summary"]
            .with_user(self.user_district)
            ._get_report_values(self.campaign.ids)
        )
        summary = values["summaries"][self.campaign.id]
        self.assertEqual(
            summary["header"]["unit"],
            "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ PHAN RANG - THÁP CHÀM",
        )
        self.assertIn("/BC-LĐLĐ", summary["header"]["number"])
