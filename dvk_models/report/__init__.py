from . import dvk_xlsx
from . import dvk_report_data
