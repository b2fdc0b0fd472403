from . import dvk_union_coverage
