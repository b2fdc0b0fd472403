from . import dvk_union_report_data
from . import dvk_union_xlsx
