from . import dvk_campaign_merge_wizard
