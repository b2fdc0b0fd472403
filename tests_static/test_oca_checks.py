"""OCA's own checkers (oca-odoo-pre-commit-hooks) pass on the four addons."""

import configparser
import importlib.util
import subprocess
import sys

import pytest
from conftest import ADDONS, ROOT
from lxml import etree

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


def test_every_disabled_check_gives_its_reason():
    """Rule: a check of OCA's tools is off only with its reason written next
    to it: in .oca_hooks.cfg, a comment naming the check; in an addon's XML
    file, a comment right after the oca-hooks:disable comment."""
    config = configparser.ConfigParser()
    config.read(CONFIG, encoding="utf-8")
    disabled = config.get("MESSAGES_CONTROL", "disable", fallback="")
    comments = " ".join(
        line for line in CONFIG.read_text().splitlines() if line.startswith("#")
    )
    bare = [c.strip() for c in disabled.split(",") if c.strip() not in comments]
    assert not bare, f".oca_hooks.cfg disables {bare} without a reason"
    bare = []
    for path in sorted(p for a in ADDONS for p in a.rglob("*.xml")):
        tree = etree.parse(str(path))
        for comment in tree.xpath("//comment() | /comment()"):
            if "oca-hooks:disable" not in comment.text:
                continue
            reason = comment.getnext()
            if not (
                reason is not None
                and reason.tag is etree.Comment
                and len(reason.text.split()) >= 5
            ):
                bare.append(f"{path.relative_to(ROOT)}:{comment.sourceline}")
    assert not bare, f"oca-hooks:disable without a reason after it: {bare}"
