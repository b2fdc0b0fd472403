from . import test_campaign_profile
from . import test_registration_table
from . import test_recognition
from . import test_consecutive
from . import test_reports
from . import test_campaign_takeover
from . import test_two_tier
from . import test_statehub_access
