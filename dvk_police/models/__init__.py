from . import dvk_profile
from . import hr_department
from . import dvk_model
from . import dvk_criterion
from . import dvk_eligibility
from . import dvk_police_report
from . import dvk_campaign
from . import res_users
