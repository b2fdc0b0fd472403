from . import dvk_reason_wizard
from . import dvk_candidate_wizard
from . import dvk_scoring_wizard
from . import dvk_propose_wizard
from . import dvk_unit_lineage_wizard
from . import dvk_campaign_merge_wizard
from . import dvk_model_link_previous
