"""OCA's own checkers (oca-odoo-pre-commit-hooks) pass on the four addons."""

import importlib.util
import subprocess
import sys

import pytest
from conftest import ADDONS, ROOT

CONFIG = ROOT / ".oca_hooks.cfg"


def _run(module, *targets):
    if importlib.util.find_spec("oca_pre_commit_hooks") is None:
        pytest.fail(
            "oca-odoo-pre-commit-hooks is not installed: "
            "pip install -r test-requirements.txt"
        )
    proc = subprocess.run(
        [sys.executable, "-m", module, f"--config={CONFIG}", *map(str, targets)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode, (proc.stdout + proc.stderr).strip()


def test_oca_checks_odoo_module():
    """Rule: oca-checks-odoo-module (XML headers, ids, evals, attribute order,
    demo users, manifests...) finds nothing in the addons, with only the
    checks .oca_hooks.cfg disables for a stated reason."""
    rc, out = _run("oca_pre_commit_hooks.cli", *ADDONS)
    assert rc == 0 and not out, out


def test_oca_checks_po():
    """Rule: oca-checks-po finds nothing in the addons' .pot and .po files."""
    po_files = sorted(p for a in ADDONS for p in (a / "i18n").glob("*.po*"))
    assert po_files
    rc, out = _run("oca_pre_commit_hooks.cli_po", *po_files)
    assert rc == 0 and not out, out
