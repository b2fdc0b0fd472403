"""Facts about a record are the same for every reader who sees it (issue 22
item 6): whether it is self-assessed and its scores, the counts on units,
people and campaigns, whether a criteria set is in use. The approver of a
model read "not self-assessed" while its chatter showed a finished sheet,
because the sheets were searched with the approver's rights."""

import datetime
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.fields import Command, Domain
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import DvkCommon

FACTS = ["self_assessed", "self_score", "council_count", "council_score"]


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestFactsForEveryReader(DvkCommon):
    def _read_as(self, records, user, fields, companies=None):
        """``fields`` of ``records`` read as ``user`` from an empty cache
        (a value computed for another user is not reused)."""
        self.env.invalidate_all()
        records = records.with_user(user)
        if companies:
            records = records.with_context(allowed_company_ids=companies.ids)
        return records.read(fields)

    def test_self_assessment_read_alike_by_approver_and_officer(self):
        """Issue 22 item 6: the approver of a model, who cannot open its
        self-assessment sheet, reads it self-assessed with the same score as
        the officer and the registrant do."""
        model = self._approved()
        officer = self._read_as(model, self.user_officer, FACTS)
        self.assertTrue(officer[0]["self_assessed"])
        self.assertGreater(officer[0]["self_score"], 0.0)
        for user in (self.user_approver, self.user_staff, self.user_manager):
            with self.subTest(user=user.login):
                self.assertEqual(self._read_as(model, user, FACTS), officer)
        # The approver cannot open the sheet itself: the fact does not need
        # it.
        self.assertFalse(
            self.env["dvk.score.sheet"]
            .with_user(self.user_approver)
            .search([("model_id", "=", model.id)])
        )

    def test_merged_province_reads_the_same_facts(self):
        """Issue 22 item 6: after the merged province (a second company) took
        the model over, its approver and its officer, working in that company
        only, read the same self-assessment as the officer of the former
        province read before."""
        model = self._approved()
        before = self._read_as(model, self.user_officer, FACTS)
        company_b = self.env["res.company"].create({"name": "Tỉnh ủy Vĩnh Long"})
        self.user_manager.company_ids = [Command.link(company_b.id)]
        campaign_b = self.env["dvk.campaign"].create(
            {
                "name": "Dân vận khéo 2026 - Vĩnh Long",
                "year": 2026,
                "profile": "party",
                "company_id": company_b.id,
                "date_start": datetime.date(2026, 1, 1),
                "date_end": datetime.date(2026, 12, 31),
            }
        )
        campaign_b.action_open()
        self.env["dvk.campaign.merge.wizard"].with_user(self.user_manager).create(
            {
                "campaign_id": campaign_b.id,
                "source_ids": [Command.set(self.campaign.ids)],
                "date": datetime.date(2026, 2, 10),
            }
        ).action_apply()
        self.assertEqual(model.company_id, company_b)
        officer_b = new_test_user(
            self.env,
            login="dvk_vl_off",
            groups="dvk_models.group_dvk_officer",
            name="Trần Thị Vĩnh Long",
            company_id=company_b.id,
        )
        officer_b.dvk_department_ids = self.province
        self.assertEqual(officer_b.company_ids, company_b)
        for user in (self.user_approver, officer_b):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self._read_as(model, user, FACTS, companies=company_b), before
                )

    def test_counts_read_alike_by_every_reader(self):
        """Issue 22 item 6: the DVK counts of a unit and a person are facts
        about them: a staff member of the unit, the approver, the officer and
        the manager read the same numbers, whichever of the records each may
        open. (A campaign's buttons count what the reader can open: see
        test_campaign_buttons_count_what_the_reader_opens.)"""
        self._approved(name="Mô hình của chị Dân")
        self._create_model(user=self.user_staff2, name="Mô hình của anh Vận")
        self._create_model(
            user=self.user_staff2,
            name="Mô hình cá nhân",
            subject_type="individual",
            employee_id=self.emp_staff2.id,
        )
        self._exemplar(employee_id=self.emp_staff2.id)
        readers = (
            self.user_staff,
            self.user_approver,
            self.user_officer,
            self.user_manager,
        )
        # A person's private fields are read by HR users only (hr's rule):
        # a staff member and an officer who keep HR records.
        hr_readers = tuple(
            new_test_user(
                self.env,
                login=f"dvk_hr_{group.split('_')[-1]}",
                groups=f"hr.group_hr_user,{group}",
                name=f"Cán bộ tổ chức {group.split('_')[-1]}",
            )
            for group in ("dvk_models.group_dvk_user", "dvk_models.group_dvk_officer")
        )
        counts = ["dvk_model_count", "dvk_exemplar_count", "dvk_title_count"]
        for records, fields, expected, users in (
            (self.commune, counts, [3, 1, 0], readers),
            (self.emp_staff2, counts, [1, 1, 0], hr_readers),
        ):
            for user in users:
                with self.subTest(record=records.display_name, user=user.login):
                    values = self._read_as(records, user, fields)[0]
                    self.assertEqual([values[f] for f in fields], expected)

    def test_campaign_buttons_count_what_the_reader_opens(self):
        """Issue 22 (walk, item 2): each button of a campaign (models,
        exemplar files, decisions, and those of its dashboard card) shows
        the number of records its list opens to the reader: the count
        equals the length of the button's action searched as that user, for
        a registrant, an approver, an officer and a manager, and the
        registrant's differs from the manager's (the buttons are not facts
        of the campaign)."""
        self._approved(name="Mô hình của chị Dân")
        self._create_model(user=self.user_staff2, name="Mô hình của anh Vận")
        self._exemplar(employee_id=self.emp_staff2.id)
        buttons = (
            ("model_count", "action_open_models"),
            ("exemplar_count", "action_open_exemplars"),
            ("decision_count", "action_open_decisions"),
            # The dashboard card's own buttons.
            ("dash_submitted_count", "action_dash_submitted"),
            ("dash_to_approve_count", "action_dash_to_approve"),
            ("dash_recognized_count", "action_dash_recognized"),
            ("dash_supplementary_count", "action_dash_supplementary"),
            ("dash_overdue_count", "action_dash_overdue"),
        )
        seen = {}
        for user in (
            self.user_staff,
            self.user_approver,
            self.user_officer,
            self.user_manager,
        ):
            self.env.invalidate_all()
            campaign = self.campaign.with_user(user)
            for fname, method in buttons:
                with self.subTest(user=user.login, button=fname):
                    action = getattr(campaign, method)()
                    records = self.env[action["res_model"]].with_user(user)
                    opened = records.search_count(action["domain"])
                    self.assertEqual(campaign[fname], opened)
                    seen[user.login, fname] = opened
        self.assertLess(
            seen[self.user_staff.login, "model_count"],
            seen[self.user_manager.login, "model_count"],
        )

    def test_criteria_set_in_use_whatever_company_the_manager_works_in(self):
        """Issue 22 item 6: a criteria set used by finished sheets is locked
        for a manager working in another company too (it was editable when
        the sheets were out of his companies' view)."""
        self._approved()
        criteria_set = self.env.ref("dvk_models.criteria_set_party_model")
        company_b = self.env["res.company"].create({"name": "Tỉnh ủy Vĩnh Long"})
        self.user_manager.company_ids = [Command.link(company_b.id)]
        as_b = criteria_set.with_user(self.user_manager).with_context(
            allowed_company_ids=company_b.ids
        )
        self.env.invalidate_all()
        self.assertTrue(as_b.in_use)
        with self.assertRaisesRegex(UserError, "make a new version"):
            as_b.write({"score_decimals": 1})

    def test_dashboard_coverage_counts_the_units_of_today(self):
        """Issue 22 item 7: the dashboard's coverage counts the units of
        today: a commune merged into a new one counts no more, and the new
        commune runs the models of the one it took over."""
        self._submitted(name="Mô hình xã Hòa Lợi")
        self._create_model(
            user=self.user_other,
            name="Mô hình xã Đa Lộc",
            department_id=self.commune_other.id,
        )
        merged = self.env["hr.department"].create(
            {
                "name": "Đảng ủy xã Đa Lộc mới",
                "parent_id": self.district.id,
                "dvk_predecessor_ids": [Command.set(self.commune_other.ids)],
            }
        )
        self.commune_other.active = False
        self.env.invalidate_all()
        campaign = self.campaign.with_user(self.user_officer)
        # The district, Hòa Lợi and the new commune; two of them run a model.
        self.assertEqual(campaign.dash_coverage, round(200 / 3, 1))
        self.assertIn(merged, self.user_officer._dvk_scope_units())

    def test_dashboard_coverage_of_an_approver_counts_the_units_he_approves(self):
        """Issue 22 J2-2: a unit's approver reads the coverage of his own unit
        and of the units whose registrations he approves (nearest approver),
        not of his own unit alone: the models counted beside it are theirs.
        A unit below with an approver of its own is not his."""
        Department = self.env["hr.department"]
        women, farmers = Department.create(
            [
                {"name": "Hội LHPN xã Hòa Lợi", "parent_id": self.commune.id},
                {"name": "Hội Nông dân xã Hòa Lợi", "parent_id": self.commune.id},
            ]
        )
        youth = Department.create(
            {
                "name": "Đoàn Thanh niên xã Hòa Lợi",
                "parent_id": self.commune.id,
                "dvk_approver_id": self.user_district_head.id,
            }
        )
        for unit in women | farmers | youth:
            self._submitted(
                user=self.user_officer, name=unit.name, department_id=unit.id
            )
        self.env.invalidate_all()
        campaign = self.campaign.with_user(self.user_approver)
        self.assertEqual(campaign.dash_model_count, 2)
        # His commune (no model), the women's and the farmers' unions.
        self.assertEqual(campaign.dash_coverage, round(200 / 3, 1))
        # A member of the commune who approves nothing: his own unit only.
        self.assertEqual(self.campaign.with_user(self.user_staff).dash_coverage, 0.0)
        labels = {
            self.campaign.with_user(user).dash_coverage_label
            for user in (self.user_approver, self.user_staff, self.user_officer)
        }
        self.assertEqual(len(labels), 3, "the label says over which units")

    def test_dashboard_coverage_queries_do_not_grow_with_mergers(self):
        """Issue 22 item 7, DESIGN §4: the dashboard's coverage of a province
        with many merged communes costs the queries of one with few."""
        Department = self.env["hr.department"]

        def merged_communes(count):
            for index in range(count):
                former = Department.create(
                    {"name": f"Xã cũ {count}-{index}", "parent_id": self.district.id}
                )
                self._create_model(
                    user=self.user_officer,
                    name=f"Mô hình xã cũ {count}-{index}",
                    department_id=former.id,
                )
                Department.create(
                    {
                        "name": f"Xã mới {count}-{index}",
                        "parent_id": self.district.id,
                        "dvk_predecessor_ids": [Command.set(former.ids)],
                    }
                )
                former.active = False

        def coverage():
            """The coverage read from a flushed and empty cache, and the
            queries it took."""
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            value = self.campaign.with_user(self.user_officer).dash_coverage
            return value, self.cr.sql_log_count - before

        # A change of the organisation drops the cached record rules (they
        # read the units in an officer's scope, which a merger widens): each
        # size is measured once they are cached again, as every request after
        # the first reads them.
        merged_communes(2)
        coverage()  # warm-up: the record rules' caches
        small, small_queries = coverage()
        merged_communes(6)
        coverage()  # warm-up: the record rules' caches, dropped by the mergers
        large, large_queries = coverage()
        self.assertEqual(large_queries, small_queries)
        # District, Hòa Lợi, Đa Lộc and the new communes, these covered by
        # the models of the communes they took over.
        self.assertEqual(small, round(100.0 * 2 / 5, 1))
        self.assertEqual(large, round(100.0 * 8 / 11, 1))

    def test_dashboard_shows_the_campaigns_of_the_users_sectors(self):
        """Rule: the dashboard lists the campaigns that concern its reader:
        for each of his units, the campaigns whose sector counts it (a
        sector's campaign before the general one), not every sector's
        campaign of the province; a DVK manager sees them all."""
        self.env["dvk.profile"].create({"name": "Ngành X", "code": "sector_x"})
        sector = self._open_campaign(2026, profile="sector_x")
        sector.name = "Dân vận khéo của ngành"
        Campaign = type(self.env["dvk.campaign"])
        original = Campaign._summary_unit_domain
        commune_other = self.commune_other

        def summary_unit_domain(campaign):
            # As a sector addon narrows it: the sector's units only.
            if campaign == sector:
                return Domain("id", "child_of", commune_other.ids)
            return original(campaign)

        action = self.env.ref("dvk_models.dvk_campaign_action_dashboard")
        domain = safe_eval(action.domain)

        def shown(user):
            return self.env["dvk.campaign"].with_user(user).search(domain)

        with patch.object(Campaign, "_summary_unit_domain", summary_unit_domain):
            # Staff of the commune: only the general campaign.
            self.assertIn(self.campaign, shown(self.user_staff))
            self.assertNotIn(sector, shown(self.user_staff))
            # Staff of the sector's unit: its sector's campaign only.
            self.assertIn(sector, shown(self.user_other))
            self.assertNotIn(self.campaign, shown(self.user_other))
            # The district officer is in charge of both kinds of unit.
            self.assertEqual(shown(self.user_officer), self.campaign | sector)
            self.assertEqual(shown(self.user_manager), self.campaign | sector)
            self.assertTrue(self.campaign.with_user(self.user_staff).dvk_concerns_me)
            self.assertFalse(sector.with_user(self.user_staff).dvk_concerns_me)

    def test_decision_campaign_picker_offers_the_users_sectors(self):
        """Rule: a new decision's campaign picker offers the running campaigns
        of the officer's sectors (those his dashboard lists), not another
        sector's campaign of the province."""
        self.env["dvk.profile"].create({"name": "Ngành X", "code": "sector_x"})
        sector = self._open_campaign(2026, profile="sector_x")
        Campaign = type(self.env["dvk.campaign"])
        original = Campaign._summary_unit_domain
        commune_other = self.commune_other

        def summary_unit_domain(campaign):
            if campaign == sector:
                return Domain("id", "child_of", commune_other.ids)
            return original(campaign)

        field = self.env["dvk.decision"]._fields["campaign_id"]
        domain = safe_eval(field.domain)

        def offered(user):
            return self.env["dvk.campaign"].with_user(user).search(domain)

        with patch.object(Campaign, "_summary_unit_domain", summary_unit_domain):
            self.user_officer.dvk_department_ids = self.commune
            self.assertIn(self.campaign, offered(self.user_officer))
            self.assertNotIn(sector, offered(self.user_officer))
            self.assertIn(sector, offered(self.user_manager))
