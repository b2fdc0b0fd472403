from . import test_campaign_profile
