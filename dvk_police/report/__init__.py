# The base first, then one report per file.
from . import dvk_police_report_mixin
from . import report_dvk_police_request
from . import report_dvk_police_submission
from . import report_dvk_police_pv05
from . import report_dvk_police_periodic
