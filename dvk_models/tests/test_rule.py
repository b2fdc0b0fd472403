import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import DvkBase


@tagged("post_install", "-at_install")
class TestRule(DvkBase):
    """Rules are dated data with their source (issue 24, items 7 and 12):
    the version in force on the date of an act is the one cited."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["dvk.rule"]
        Profile = cls.env["dvk.profile"]
        cls.sector = Profile.create({"name": "Sector", "code": "t_rule_sector"})
        cls.variant = Profile.create(
            {"name": "Variant", "code": "t_rule_variant", "parent_id": cls.sector.id}
        )
        cls.other = Profile.create({"name": "Other", "code": "t_rule_other"})
        cls.old = cls.Rule.create(
            {
                "code": "t_no_commendation",
                "name": "Older rule",
                "source": "Nghị định số 98/2023/NĐ-CP",
                "section": "Điều 5",
                "date_to": datetime.date(2025, 6, 30),
            }
        )
        cls.new = cls.Rule.create(
            {
                "code": "t_no_commendation",
                "name": "Newer rule",
                "source": "Nghị định số 152/2025/NĐ-CP",
                "section": "Điều 5, khoản 3",
                "date_from": datetime.date(2025, 7, 1),
            }
        )
        cls.own = cls.Rule.create(
            {
                "code": "t_no_commendation",
                "name": "Sector rule",
                "source": "Hướng dẫn của ngành",
                "profile_id": cls.sector.id,
                "date_from": datetime.date(2025, 7, 1),
            }
        )

    def test_version_in_force_on_the_date(self):
        """The rule in force on 30/6/2025 is the older decree's, from
        1/7/2025 the new one's (both ends included)."""
        self.assertEqual(
            self.Rule._dvk_rule("t_no_commendation", datetime.date(2025, 6, 30)),
            self.old,
        )
        self.assertEqual(
            self.Rule._dvk_rule("t_no_commendation", datetime.date(2025, 7, 1)),
            self.new,
        )

    def test_profile_version_first_then_shared_then_generic(self):
        """A profile's own version wins over the generic one; a variant uses
        the version of the profile whose rules it shares; another profile
        gets the generic one; before the profile's version starts, the
        generic rule of that date applies."""
        day = datetime.date(2026, 1, 5)
        self.assertEqual(
            self.Rule._dvk_rule("t_no_commendation", day, self.sector), self.own
        )
        self.assertEqual(
            self.Rule._dvk_rule("t_no_commendation", day, self.variant), self.own
        )
        self.assertEqual(
            self.Rule._dvk_rule("t_no_commendation", day, self.other), self.new
        )
        self.assertEqual(
            self.Rule._dvk_rule(
                "t_no_commendation", datetime.date(2025, 1, 1), self.sector
            ),
            self.old,
        )

    def test_citation_and_unknown_rule(self):
        """The citation is the document and its section; a rule not in force
        cites nothing."""
        self.assertEqual(
            self.new._dvk_citation(), "Nghị định số 152/2025/NĐ-CP, Điều 5, khoản 3"
        )
        self.assertIn(
            "Nghị định số 98/2023/NĐ-CP, Điều 5",
            self.Rule._dvk_cite("t_no_commendation", datetime.date(2024, 3, 1)),
        )
        self.assertEqual(self.Rule._dvk_cite("t_no_such_rule"), "")

    def test_change_is_seen_at_once(self):
        """Archiving a version or moving its dates changes the rule cited
        without a restart (the cached lookup is cleared)."""
        day = datetime.date(2026, 1, 5)
        self.own.active = False
        self.assertEqual(
            self.Rule._dvk_rule("t_no_commendation", day, self.sector), self.new
        )
        self.new.date_from = datetime.date(2026, 2, 1)
        self.assertEqual(
            self.Rule._dvk_rule("t_no_commendation", day, self.sector),
            self.old.browse(),
        )

    def test_period_and_one_version_per_start(self):
        """A rule cannot end before it starts; a profile has one version of a
        rule per start date."""
        with self.assertRaises(ValidationError):
            self.new.date_to = datetime.date(2025, 1, 1)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.new.copy()

    def test_only_managers_change_rules(self):
        """A DVK user reads the rules, only a DVK manager changes them; a
        person without DVK access is still told the source of a refusal."""
        user = new_test_user(
            self.env, "t_rule_user", groups="dvk_models.group_dvk_user"
        )
        self.assertEqual(self.new.with_user(user).source, self.new.source)
        with self.assertRaises(AccessError):
            self.new.with_user(user).write({"section": "Điều 6"})
        stranger = new_test_user(self.env, "t_rule_stranger", groups="base.group_user")
        self.assertIn(
            "152/2025",
            self.Rule.with_user(stranger)._dvk_cite(
                "t_no_commendation", datetime.date(2026, 1, 5)
            ),
        )
