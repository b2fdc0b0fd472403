from . import test_campaign_profile
from . import test_authority
from . import test_criteria
from . import test_dossier
from . import test_coverage
from . import test_summary
from . import test_migration
from . import test_two_tier
