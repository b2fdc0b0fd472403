"""One profile predicate: behaviour gated by a guidance profile goes through
``_dvk_of_profile`` (or ``dvk.profile._dvk_follows``), so that a profile
sharing another's rules (a variant) behaves like it."""

import ast
import re

from conftest import ADDONS, ROOT

# Written in pieces so that this file does not match its own gates.
TEXT_GATES = re.compile(r"profile (?:==|!=) [\"']|\.profile in \(|\.profile not in \(")
PREDICATE = "_dvk_of_profile"
COMPARE_OPS = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)


def python_files():
    """The addons' Python code, tests and migrations excluded (migrations
    run SQL on the stored codes of the time; tests assert stored values)."""
    for addon in ADDONS:
        for path in sorted(addon.rglob("*.py")):
            parts = path.relative_to(addon).parts
            if "tests" in parts or "migrations" in parts:
                continue
            yield path


def _is_profile(node):
    return (isinstance(node, ast.Attribute) and node.attr == "profile") or (
        isinstance(node, ast.Name) and node.id == "profile"
    )


def _is_literal_code(node):
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(_is_literal_code(elt) for elt in node.elts)
    return False


def profile_tests(tree):
    """Line numbers of comparisons of a profile code with a literal code,
    outside the definitions of the predicate."""
    allowed = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == PREDICATE:
            allowed.update(range(node.lineno, node.end_lineno + 1))
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare) or node.lineno in allowed:
            continue
        operands = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, operands[:-1], operands[1:], strict=True):
            if not isinstance(op, COMPARE_OPS):
                continue
            if (_is_profile(left) and _is_literal_code(right)) or (
                _is_profile(right) and _is_literal_code(left)
            ):
                found.add(node.lineno)
    return found, allowed


def scan(source):
    tree = ast.parse(source)
    found, allowed = profile_tests(tree)
    for n, line in enumerate(source.splitlines(), 1):
        if n not in allowed and TEXT_GATES.search(line):
            found.add(n)
    return sorted(found)


def test_profile_tested_through_the_predicate():
    """Rule (issue 23): no Python code outside ``_dvk_of_profile`` compares a
    profile code with a literal code; a variant profile would get the data of
    the profile it shares but not its behaviour."""
    hits = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in python_files()
        for n in scan(path.read_text())
    ]
    assert not hits, f"profile tested outside {PREDICATE}: {hits}"


def test_scan_finds_the_forms_it_forbids():
    """Rule: the gate above catches each way of testing a profile by its code,
    and lets the predicate's own definition and non-literal comparisons be."""
    forbidden = [
        'if record.profile == "police":\n    pass\n',
        'if profile != "union":\n    pass\n',
        'x = m.profile in ("police", "union")\n',
        'x = [r for r in rs if r.campaign_id.profile not in ["statehub"]]\n',
        "x = rs.filtered(lambda r: 'union' == r.profile)\n",
    ]
    for source in forbidden:
        assert scan(source) == [1], source
    allowed = [
        "def _dvk_of_profile(self, code):\n"
        "    return self.filtered(lambda r: r.profile in codes)\n",
        "records = self.filtered(lambda r, c=code: r.profile == c)\n",
        'domain = [("profile", "=", "union")]\n',
    ]
    for source in allowed:
        assert scan(source) == [], source
