from . import dvk_union_coverage
from . import dvk_union_replicable
