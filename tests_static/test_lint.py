"""Lint gates: ruff, pylint-odoo's mandatory checks, forbidden idioms."""

import re
import shutil
import subprocess
import sys

import pytest
from conftest import ADDONS, ROOT

# Written in pieces so that this file does not match its own gates.
GATES = {
    "t-" + "raw": re.compile("t-" + "raw"),
    "_sql_" + "constraints": re.compile("_sql_" + "constraints"),
    "<tree": re.compile(r"<tree[\s>/]"),
    "at" + "trs=": re.compile(r"\bat" + r"trs\s*="),
}


def source_files(with_tests=False):
    for addon in ADDONS:
        for path in sorted(addon.rglob("*")):
            if path.suffix in (".py", ".xml", ".js") and (
                with_tests or "/tests/" not in str(path)
            ):
                yield path


@pytest.mark.parametrize("gate", sorted(GATES))
def test_forbidden_idiom(gate):
    """Rule: no pre-19 idiom or unescaped output (STYLE.md pitfalls 1, 10, 11)."""
    hits = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in source_files()
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if GATES[gate].search(line)
    ]
    assert not hits, f"{gate} found at {hits}"


def test_sudo_has_reason():
    """Rule: every sudo() has a comment on the same or the previous line, in
    the tests as well."""
    bad = []
    for path in source_files(with_tests=True):
        if path.suffix != ".py":
            continue
        lines = path.read_text().splitlines()
        for n, line in enumerate(lines):
            if ".sudo(" in line:
                prev = lines[n - 1] if n else ""
                if "#" not in line and not prev.strip().startswith("#"):
                    bad.append(f"{path.relative_to(ROOT)}:{n + 1}")
    assert not bad, f"sudo() without a reason: {bad}"


def _tool(module):
    if shutil.which(module) is None:
        pytest.fail(f"{module} is not installed: pip install -r test-requirements.txt")


def test_ruff():
    """Rule: ruff (OCA rule set in .ruff.toml) reports nothing."""
    _tool("ruff")
    targets = [str(a) for a in ADDONS] + ["setup/dvk", "setup/bench", "tests_static"]
    check = subprocess.run(
        ["ruff", "check", "--no-fix", *targets],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        ["ruff", "format", "--check", *[str(a) for a in ADDONS], "setup/bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_pylint_odoo_mandatory():
    """Rule: pylint-odoo's mandatory checks (valid-odoo-versions=19.0) find nothing."""
    _tool("pylint")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pylint",
            "--rcfile=.pylintrc-mandatory",
            "--output-format=text",
            *[a.name for a in ADDONS],
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
