from . import test_install_hygiene
