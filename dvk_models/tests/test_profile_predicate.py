"""One profile predicate (issue 23): a profile that shares another's rules
follows that profile's behaviour, not only its data."""

from odoo.tests import tagged

from .common import DvkCommon


@tagged("post_install", "-at_install")
class TestProfilePredicate(DvkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.party = cls.env.ref("dvk_models.dvk_profile_party")
        cls.bloc = cls.env.ref("dvk_models.dvk_profile_party_bloc")
        # A variant of a variant: it follows both profiles above it.
        cls.sub_bloc = cls.env["dvk.profile"].create(
            {"name": "Khối cơ quan (biến thể)", "code": "bloc_variant"}
        )
        cls.sub_bloc.parent_id = cls.bloc

    def _queries(self, func):
        """The number of queries ``func`` runs with empty caches."""
        self.env.registry.clear_cache()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        return self.env.cr.sql_log_count - before

    def test_follows_itself_and_the_profiles_it_shares(self):
        """Rule: a profile follows its own guidance and that of every profile
        whose rules it shares, directly or through another; never the other
        way round."""
        self.assertTrue(self.bloc._dvk_follows("party"))
        self.assertTrue(self.sub_bloc._dvk_follows("party"))
        self.assertTrue(self.sub_bloc._dvk_follows("bloc_variant"))
        self.assertFalse(self.party._dvk_follows("party_bloc"))
        Profile = self.env["dvk.profile"]
        self.assertEqual(
            set(Profile._dvk_codes_following("party_bloc")),
            {"party_bloc", "bloc_variant"},
        )
        self.assertIn("bloc_variant", Profile._dvk_codes_following("party"))

    def test_of_profile_filters_campaigns_and_records(self):
        """Rule: the records of a profile are those whose profile (a
        campaign's or a criteria set's, a model's through its campaign)
        follows it: the variants' ones included."""
        campaign = self._open_campaign(2027, profile="bloc_variant")
        campaigns = self.campaign | campaign
        self.assertEqual(campaigns._dvk_of_profile("party"), campaigns)
        self.assertEqual(campaigns._dvk_of_profile("party_bloc"), campaign)
        ours = self._create_model()
        theirs = self._create_model(user=self.env.user, campaign_id=campaign.id)
        models = ours | theirs
        self.assertEqual(models._dvk_of_profile("party"), models)
        self.assertEqual(models._dvk_of_profile("bloc_variant"), theirs)
        self.assertFalse(models._dvk_of_profile("police"))

    def test_changing_whose_rules_are_shared_changes_the_behaviour(self):
        """Rule: once a profile stops sharing another's rules it no longer
        follows it (the cached rule codes are renewed)."""
        campaign = self._open_campaign(2027, profile="bloc_variant")
        self.assertTrue(campaign._dvk_of_profile("party"))
        self.sub_bloc.parent_id = False
        self.assertFalse(campaign._dvk_of_profile("party"))
        self.assertFalse(self.sub_bloc._dvk_follows("party"))
        self.sub_bloc.parent_id = self.party
        self.assertTrue(campaign._dvk_of_profile("party"))
        self.assertFalse(campaign._dvk_of_profile("party_bloc"))

    def test_predicate_queries_do_not_grow_with_records(self):
        """Rule: filtering a batch by profile reads the profiles once, not
        once per record; once read, it runs no query at all."""
        campaign = self._open_campaign(2027, profile="bloc_variant")
        few = (
            self._create_model()
            | self._create_model(user=self.env.user, campaign_id=campaign.id)
        ).with_env(self.env)
        many = few | self.env["dvk.model"].create(
            [self._model_vals(name=f"Mô hình {n}") for n in range(8)]
        )
        self.assertEqual(
            self._queries(lambda: few._dvk_of_profile("party_bloc")),
            self._queries(lambda: many._dvk_of_profile("party_bloc")),
        )
        many._dvk_of_profile("party")
        with self.assertQueryCount(0):
            many._dvk_of_profile("party_bloc")
