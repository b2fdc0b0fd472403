from . import test_campaign_profile
from . import test_authority
