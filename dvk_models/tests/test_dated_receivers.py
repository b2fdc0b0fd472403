"""Receivers as dated data (issue 24, item 9): the bodies changed in 2025
(the provincial Ban Dân vận merged into the Ban Tuyên giáo và Dân vận, the
districts ended on 30/6/2025), so a form prints the receiver of its own
date (guidance 01-HD/BCĐ §4, seed 001 §4): reprinting an old form shows the
receiver it was sent to, a form of today today's."""

import datetime

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .common import DvkCommon

D = datetime.date
REGISTRATION = "report.dvk_models.report_dvk_model_registration"
SUBMISSION = "report.dvk_models.report_dvk_model_submission"


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestDatedReceivers(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The commune sent its registrations to the district until the
        # districts ended (30/6/2025), to the province from 1/7/2025.
        cls.env["dvk.receiver"].create(
            [
                {
                    "department_id": cls.commune.id,
                    "receiver_id": cls.district.id,
                    "date_to": D(2025, 6, 30),
                },
                {
                    "department_id": cls.commune.id,
                    "receiver_id": cls.province.id,
                    "date_from": D(2025, 7, 1),
                },
            ]
        )

    def test_registration_form_prints_receiver_of_its_date(self):
        """Seed 001 §4 (Mẫu số 1, guidance 01-HD/BCĐ §4): a registration of
        30/6/2025 reprints addressed to the district, one of 1/7/2025 to the
        province that received it from that day."""
        model = self._submitted(subject_type="collective")
        Report = self.env[REGISTRATION]
        receivers = []
        for day in (D(2025, 6, 30), D(2025, 7, 1)):
            model.sudo().registration_date = day  # sudo: set by submission only
            receivers.append(
                Report._dvk_prepare(model, {})["forms"][model.id]["receiver"]
            )
        self.assertEqual(receivers, [self.district.name, self.province.name])

    def test_submission_letter_prints_receiver_of_its_date(self):
        """Seed 001 §4 (the letter proposing recognition, Tờ trình): a
        letter of 30/6/2025 is addressed to the district, one of 1/7/2025 to
        the province; with no dated receiver in force, the unit's receiver."""
        model = self._proposed()
        Report = self.env[SUBMISSION]
        receivers = []
        for day in (D(2025, 6, 30), D(2025, 7, 1)):
            model.sudo().proposal_date = day  # sudo: set by the proposal only
            receivers.append(Report._dvk_prepare(model, {})["letter"]["receiver"])
        self.assertEqual(receivers, [self.district.name, self.province.name])
        self.commune.dvk_dated_receiver_ids.unlink()
        self.assertEqual(
            Report._dvk_prepare(model, {})["letter"]["receiver"],
            (self.commune.dvk_receiver_id or self.district).name,
        )

    def test_receivers_of_one_kind_do_not_overlap(self):
        """Seed 001 §4: one receiver of a unit's registrations on any day;
        a second one for dates already covered is refused."""
        with self.assertRaises(ValidationError):
            self.env["dvk.receiver"].create(
                {
                    "department_id": self.commune.id,
                    "receiver_id": self.province.id,
                    "date_from": D(2025, 6, 30),
                    "date_to": D(2025, 6, 30),
                }
            )
