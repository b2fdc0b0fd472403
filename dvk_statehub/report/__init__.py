from . import dvk_statehub_report_data
from . import dvk_statehub_xlsx
