from . import test_campaign_profile
from . import test_authority
from . import test_dossier
from . import test_periodic
from . import test_criteria
from . import test_reports
from . import test_two_tier
from . import test_pv05
