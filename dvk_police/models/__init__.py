from . import dvk_campaign
