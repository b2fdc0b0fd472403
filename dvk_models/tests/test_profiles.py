"""Sector profiles as records (issue 9 part 1): the profile code of the
public contract, the deadline lines generated from the profile's rules, and
every line driving reminders and overdue flags."""

import datetime

from odoo.exceptions import AccessError
from odoo.tests import Form, freeze_time, tagged

from .common import DvkCommon

D = datetime.date
# Reminder batch: one search per deadline line in its window, whatever the
# number of models (measured: 29 queries for 5 or 40 models).
REMINDER_BUDGET = 32


@tagged("post_install", "-at_install")
class TestProfiles(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.party = cls.env.ref("dvk_models.dvk_profile_party")
        cls.bloc = cls.env.ref("dvk_models.dvk_profile_party_bloc")
        cls.reminder_type = cls.env.ref("dvk_models.mail_activity_type_dvk_deadline")
        cls.campaign.reminder_days = 0

    def _reminders(self):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "dvk.campaign"),
                ("res_id", "=", self.campaign.id),
                ("activity_type_id", "=", self.reminder_type.id),
            ]
        )

    def _line(self, kind):
        return self.campaign.deadline_ids.filtered(lambda d: d.kind == kind)

    def test_profile_code_searchable(self):
        """DESIGN §5: external systems search campaigns by the profile code
        (``profile = 'party'``); the code follows the profile record."""
        Campaign = self.env["dvk.campaign"]
        self.assertEqual(self.campaign.profile_id, self.party)
        self.assertEqual(self.campaign.profile, "party")
        self.assertIn(self.campaign, Campaign.search([("profile", "=", "party")]))
        self.assertNotIn(
            self.campaign, Campaign.search([("profile", "=", "party_bloc")])
        )
        self.assertIn(
            self.campaign, Campaign.search([("profile_id.code", "=", "party")])
        )
        model = self._create_model()
        self.assertIn(model, self.env["dvk.model"].search([("profile", "=", "party")]))

    def test_writing_profile_code_sets_profile_id(self):
        """DESIGN §5: writing ``profile = 'party_bloc'`` (the code) moves a
        draft campaign to that profile, with its calendar (seed 000: register
        in January); criteria sets and documents accept the code too."""
        campaign = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo 2027", "year": 2027, "profile": "party"}
        )
        self.assertEqual(campaign.registration_deadline, D(2027, 3, 29))
        campaign.profile = "party_bloc"
        self.assertEqual(campaign.profile_id, self.bloc)
        self.assertEqual(campaign.registration_deadline, D(2027, 1, 31))
        self.assertEqual(campaign.recognition_deadline, D(2027, 11, 30))
        criteria_set = self.env["dvk.criteria.set"].create(
            {"name": "Tiêu chí khối", "code": "BLOC", "target": "model"}
        )
        self.assertEqual(criteria_set.profile_id, self.party)
        criteria_set.profile = "party_bloc"
        self.assertEqual(criteria_set.profile_id, self.bloc)
        ctx_set = (
            self.env["dvk.criteria.set"]
            .with_context(default_profile="party_bloc")
            .create({"name": "Tiêu chí 2", "code": "BLOC2", "target": "model"})
        )
        self.assertEqual(ctx_set.profile_id, self.bloc)

    def test_bloc_shares_party_criteria(self):
        """Seed 000 vs 001: the Party bloc profile has its own guidance and
        calendar, and scores against the criteria of the Party profile it
        shares."""
        campaign = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo Khối 2027", "year": 2027, "profile": "party_bloc"}
        )
        self.assertIn("07-HD/ĐUK", campaign.legal_basis)
        found = self.env["dvk.criteria.set"]._find_for(
            "model", "party_bloc", "collective"
        )
        self.assertEqual(
            found,
            self.env["dvk.criteria.set"]._find_for("model", "party", "collective"),
        )
        self.assertTrue(found)

    def test_deadline_lines_generated_per_profile_and_year(self):
        """Seed 001 §4: a campaign's deadline lines come from its profile's
        rules for its own year, in the form (and again when the year or the
        profile changes) and on a create without dates."""
        Campaign = self.env["dvk.campaign"].with_user(self.user_manager)
        with Form(Campaign) as form:
            form.year = 2027
            self.assertEqual(len(form.deadline_ids), 3)
            self.assertEqual(form.registration_deadline, D(2027, 3, 29))
            form.profile_id = self.bloc
            self.assertEqual(form.registration_deadline, D(2027, 1, 31))
            form.year = 2028
            self.assertEqual(form.proposal_deadline, D(2028, 11, 30))
        campaign = form.record
        self.assertEqual(
            sorted(campaign.deadline_ids.mapped("kind")),
            ["proposal", "recognition", "registration"],
        )
        self.assertEqual(campaign.deadline_ids.rule_id, self.bloc.deadline_rule_ids)
        created = Campaign.create({"name": "Dân vận khéo 2029", "year": 2029})
        self.assertEqual(
            created.deadline_ids.sorted("date").mapped("date"),
            [D(2029, 3, 29), D(2029, 9, 30), D(2029, 10, 14)],
        )

    def test_line_named_by_its_rule_until_renamed(self):
        """A line made from a rule is named by the rule, read in the reader's
        language (the campaigns of an install are made before its language
        is loaded), until the campaign gives it its own name."""
        created = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo 2029", "year": 2029}
        )
        line = created.deadline_ids.filtered(lambda d: d.kind == "registration")
        rule = line.rule_id
        self.assertEqual(line.name, rule.name)
        self.assertFalse(line.own_name)
        rule.name = "Đăng ký mô hình mới và nhân rộng"
        line.invalidate_recordset(["name"])
        self.assertEqual(line.name, "Đăng ký mô hình mới và nhân rộng")
        line.name = "Đăng ký của xã"
        rule.name = "Đăng ký trước 30/3"
        line.invalidate_recordset(["name"])
        self.assertEqual(line.name, "Đăng ký của xã")

    def test_contract_dates_write_their_line(self):
        """DESIGN §5: the three contract dates stay writable; each writes the
        matching deadline line, which is what the reminders read."""
        self.campaign.registration_deadline = D(2026, 3, 20)
        self.assertEqual(self._line("registration").date, D(2026, 3, 20))
        self._line("proposal").date = D(2026, 9, 25)
        self.assertEqual(self.campaign.proposal_deadline, D(2026, 9, 25))

    def test_editing_a_line_moves_overdue_and_reminders(self):
        """Issue 5 §4 on lines: moving the registration line moves the
        overdue flag and the reminders of the drafts with it."""
        with freeze_time("2026-02-10"):
            draft = self._create_model(name="Nháp")
        self._line("registration").date = D(2026, 3, 10)
        with freeze_time("2026-03-11"):
            draft.invalidate_recordset(["is_overdue"])
            self.assertTrue(draft.is_overdue)
            self.assertEqual(
                self.env["dvk.model"].search([("is_overdue", "=", True)]), draft
            )
        with freeze_time("2026-03-10"):
            self.campaign._send_deadline_reminders()
        reminder = self._reminders()
        self.assertEqual(reminder.user_id, self.user_staff)
        self.assertEqual(reminder.date_deadline, D(2026, 3, 10))

    def test_scoped_line_binds_only_its_levels(self):
        """Seed 004 §V: a deadline line with levels binds only the models
        aiming at them (else whose unit is of them); the others keep the line
        without scope."""
        self.campaign.deadline_ids = [
            (
                0,
                0,
                {
                    "name": "Đăng ký cấp huyện",
                    "kind": "registration",
                    "date": D(2026, 2, 28),
                    "level_ids": [(6, 0, self.level_district.ids)],
                    "scope": "district level",
                },
            )
        ]
        with freeze_time("2026-02-10"):
            district = self._create_model(
                name="Mô hình cấp huyện", level_id=self.level_district.id
            )
            grassroots = self._create_model(name="Mô hình cấp xã")
        Model = self.env["dvk.model"]
        with freeze_time("2026-03-01"):
            self.assertEqual(Model.search([("is_overdue", "=", True)]), district)
            (district | grassroots).invalidate_recordset(["is_overdue"])
            self.assertTrue(district.is_overdue)
            self.assertFalse(grassroots.is_overdue)
            self.assertEqual(district._dvk_deadline("registration"), D(2026, 2, 28))
            self.assertEqual(grassroots._dvk_deadline("registration"), D(2026, 3, 29))
        with freeze_time("2026-02-28"):
            self.campaign._send_deadline_reminders()
        reminder = self._reminders()
        self.assertEqual(len(reminder), 1)
        self.assertIn(district.name, reminder.note)
        self.assertNotIn(grassroots.name, reminder.note)

    def test_summary_line_reminds_the_unit_officers(self):
        """Seed 004 §V: a summary line (district unions send their summary by
        10/3) reminds the DVK officers of the units of its levels."""
        self.district.dvk_officer_ids = self.user_officer
        self.campaign.deadline_ids = [
            (
                0,
                0,
                {
                    "name": "Tổng hợp đăng ký gửi cấp trên",
                    "kind": "summary",
                    "date": D(2026, 3, 10),
                    "level_ids": [(6, 0, self.level_district.ids)],
                },
            )
        ]
        with freeze_time("2026-03-10"):
            self.campaign._send_deadline_reminders()
            self.campaign._send_deadline_reminders()
        reminder = self._reminders()
        self.assertEqual(reminder.user_id, self.user_officer)
        self.assertEqual(reminder.date_deadline, D(2026, 3, 10))
        self.assertIn("Tổng hợp đăng ký gửi cấp trên", reminder.summary)
        self.assertIn(self.district.name, reminder.summary)

    def test_reminder_in_the_language_of_its_person(self):
        """Issue "Every user's journey" 8: a deadline reminder is written in
        the language of the person it reminds, whoever runs the job (the
        cron and the demo's install run in no one's language)."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.user_staff.lang = "vi_VN"
        with freeze_time("2026-02-10"):
            self._create_model(name="Mô hình còn nháp")
        with freeze_time("2026-03-29"):
            self.campaign.with_context(lang="en_US")._send_deadline_reminders()
        reminder = self._reminders().filtered(lambda a: a.user_id == self.user_staff)
        self.assertEqual(len(reminder), 1)
        self.assertIn("trước ngày 29/03/2026", reminder.summary)

    def test_reminder_batch_query_count(self):
        """DESIGN §4: the reminders of a deadline line cost the same queries
        for 5 or 40 pending models (one search per line, not per model)."""
        for size in (5, 40):
            with freeze_time("2026-02-10"):
                self.env["dvk.model"].with_user(self.user_staff).create(
                    [self._model_vals(name=f"Mô hình {size}-{i}") for i in range(size)]
                )
            self._reminders().unlink()
            self.env.flush_all()
            self.env.invalidate_all()
            with freeze_time("2026-03-29"), self.assertQueryCount(REMINDER_BUDGET):
                self.campaign._send_deadline_reminders()
            self.assertEqual(len(self._reminders()), 1)

    def test_non_managers_cannot_edit_profiles(self):
        """DESIGN §3: DVK users read the profiles; only DVK managers adjust
        them, their levels and their deadline rules."""
        profile = self.party.with_user(self.user_officer)
        self.assertEqual(profile.code, "party")
        self.assertTrue(profile.deadline_rule_ids)
        with self.assertRaises(AccessError):
            profile.name = "Đổi tên"
        with self.assertRaises(AccessError):
            profile.deadline_rule_ids[0].day = 1
        with self.assertRaises(AccessError):
            self.env["dvk.profile.deadline.rule"].with_user(self.user_staff).create(
                {
                    "profile_id": self.party.id,
                    "name": "Thêm",
                    "kind": "summary",
                    "month": 5,
                    "day": 1,
                }
            )
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.user_officer).deadline_ids[0].date = D(
                2026, 3, 1
            )
        self.party.with_user(self.user_manager).deadline_rule_ids[0].day = 28
        self.assertEqual(self.party.deadline_rule_ids[0].day, 28)
