# The base first, then one report per file.
from . import dvk_union_report_mixin
from . import report_dvk_union_submission
from . import report_dvk_union_achievement
from . import report_dvk_union_registration_summary
from . import report_dvk_union_coverage
from . import coverage_xlsx
