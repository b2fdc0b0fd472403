# The base first, then one report per file.
from . import dvk_statehub_report_mixin
from . import report_dvk_statehub_registration
from . import report_dvk_statehub_commendation
from . import report_dvk_statehub_home_affairs
from . import report_dvk_decision
from . import registration_xlsx
from . import home_affairs_xlsx
from . import report_dvk_statehub_province_proposal
