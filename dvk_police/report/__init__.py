from . import dvk_police_report_data
