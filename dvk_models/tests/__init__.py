from . import test_install_hygiene
from . import test_tour
from . import test_access
from . import test_model_flow
from . import test_workflow_guards
from . import test_decision
from . import test_performance
from . import test_concurrency
