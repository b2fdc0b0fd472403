# The bases first (the mixins before the one that composes them), then one
# report per file.
from . import dvk_report_format
from . import dvk_report_signature
from . import dvk_report_rows
from . import dvk_report_base
from . import dvk_xlsx_base
from . import report_dvk_model_registration
from . import report_dvk_model_submission
from . import report_dvk_campaign_summary
from . import report_dvk_decision
from . import report_dvk_score_sheet
from . import report_dvk_exemplar_achievement
from . import model_registration_xlsx
from . import decision_results_xlsx
from . import campaign_statistics_xlsx
from . import campaign_consecutive_xlsx
