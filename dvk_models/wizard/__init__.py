from . import dvk_reason_wizard
