"""docs/RULES.md lists every enforceable rule of the five seeds and of the law
items with where it is enforced and the test that checks it (issue 24 item
13: "a static test fails when a listed test does not exist").

Each table row is ``source | rule | where enforced | test``. A "where" entry
is ``addon/path.py::name`` (a function, method or class attribute defined in
that file) or an XML id ``addon.record_id`` (a record of that addon's XML
files); a test entry is ``path.py::Class::method`` (or ``path.py::function``
for a module-level test). Several entries in one cell are separated by
``;``. ``—`` is allowed only for a rule listed under "Not enforced yet";
``TODO`` (a rule of an issue being implemented) fails the check until the
cell names the code and the test.
"""

import ast
import re
from pathlib import Path

import pytest
from conftest import ROOT

DOC = ROOT / "docs" / "RULES.md"
NONE = "—"
TODO = "TODO"
NOT_ENFORCED = "## Not enforced yet"
XML_ID = re.compile(r"^([a-z_][a-z0-9_]*)\.([a-zA-Z_][\w]*)$")


def parse_rules(text):
    """The rows of the rule tables, as dicts with their line number, and the
    bullets of the "Not enforced yet" section. A table row without exactly
    four cells raises ValueError (a "|" inside a cell would shift them)."""
    head, _sep, tail = text.partition(NOT_ENFORCED)
    rows = []
    for number, line in enumerate(head.splitlines(), start=1):
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) != 4:
            raise ValueError(f"line {number}: {len(cells)} cells, not 4")
        if cells[0] == "source" or set(cells[0]) <= set("-: "):
            continue
        source, rule, where, test = cells
        rows.append(
            {
                "line": number,
                "source": source,
                "rule": rule,
                "where": where,
                "test": test,
            }
        )
    bullets = [
        " ".join(item.split())
        for item in re.split(r"\n(?=- )", tail)
        if item.strip().startswith("- ")
    ]
    return rows, bullets


def entries(cell):
    """The entries of a cell, without their backticks."""
    return [part.strip().strip("`").strip() for part in cell.split(";") if part.strip()]


def _defined_names(tree):
    """{class name: {names defined in its body}} and the module-level names."""
    classes, module = {}, set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names = set()
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(item.name)
                elif isinstance(item, ast.Assign):
                    names |= {t.id for t in item.targets if isinstance(t, ast.Name)}
                elif isinstance(item, ast.AnnAssign) and isinstance(
                    item.target, ast.Name
                ):
                    names.add(item.target.id)
            classes.setdefault(node.name, set()).update(names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            module.add(node.name)
    return classes, module


_TREES = {}


def _tree(path):
    if path not in _TREES:
        _TREES[path] = ast.parse(path.read_text(encoding="utf-8"))
    return _TREES[path]


def check_test_entry(root, entry):
    """None when ``path::Class::method`` (or ``path::function``) exists under
    ``root``, else what is missing."""
    parts = entry.split("::")
    path = root / parts[0]
    if len(parts) not in (2, 3) or not parts[0].endswith(".py"):
        return f"{entry}: not path.py::Class::method"
    if not path.is_file():
        return f"{entry}: no file {parts[0]}"
    classes, module = _defined_names(_tree(path))
    if len(parts) == 2:
        return None if parts[1] in module else f"{entry}: no function {parts[1]}"
    if parts[1] not in classes:
        return f"{entry}: no class {parts[1]} in {parts[0]}"
    if parts[2] not in classes[parts[1]]:
        return f"{entry}: no method {parts[2]} in {parts[1]}"
    return None


def check_where_entry(root, entry):
    """None when ``path.py::name`` is defined in that file (in any class or
    at module level), or the XML id ``addon.record`` is a record of one of
    that addon's XML files; else what is missing."""
    if "::" in entry:
        relative, _sep, name = entry.partition("::")
        path = root / relative
        if not relative.endswith(".py") or not path.is_file():
            return f"{entry}: no file {relative}"
        classes, module = _defined_names(_tree(path))
        if name in module or any(name in names for names in classes.values()):
            return None
        return f"{entry}: nothing named {name} in {relative}"
    match = XML_ID.match(entry)
    if not match:
        return f"{entry}: neither path.py::name nor addon.xml_id"
    addon, record = match.groups()
    if record in _xml_ids(root / addon):
        return None
    return f"{entry}: no record {record} in the XML of {addon}"


_XML_IDS = {}


def _xml_ids(addon_dir):
    """The ids of the records of an addon's XML files."""
    if addon_dir not in _XML_IDS:
        _XML_IDS[addon_dir] = {
            found
            for path in sorted(addon_dir.rglob("*.xml"))
            for found in re.findall(
                r"""\bid=["']([\w.]+)["']""", path.read_text(encoding="utf-8")
            )
        }
    return _XML_IDS[addon_dir]


def check_rows(root, rows, bullets):
    """Every problem of the rows: a missing test or code, a ``—`` whose rule
    is not listed under "Not enforced yet", a cell left empty. ``TODO``
    cells are reported by :func:`todo_rows`, not here."""
    problems = []
    for row in rows:
        where = f"line {row['line']} ({row['source']})"
        if not row["source"] or not row["rule"]:
            problems.append(f"{where}: source and rule are required")
        for column, check in (("where", check_where_entry), ("test", check_test_entry)):
            cell = row[column]
            if cell == TODO:
                continue
            if cell == NONE:
                listed = any(
                    row["source"] in bullet and " ".join(row["rule"].split()) in bullet
                    for bullet in bullets
                )
                if not listed:
                    problems.append(
                        f'{where}: "{NONE}" in {column} but the rule is not '
                        f'listed under "Not enforced yet" with its source'
                    )
                continue
            found = entries(cell)
            if not found:
                problems.append(f"{where}: empty {column} cell")
            problems += [f"{where}: {p}" for e in found if (p := check(root, e))]
    return problems


def todo_rows(rows):
    return [
        f"line {row['line']} ({row['source']}): {row['rule'][:60]}"
        for row in rows
        if TODO in (row["where"], row["test"])
    ]


def _rules():
    assert DOC.is_file(), "docs/RULES.md is missing (issue 24 item 13)"
    return parse_rules(DOC.read_text(encoding="utf-8"))


def test_rules_doc_names_existing_code_and_tests():
    """Issue 24 item 13: each rule of docs/RULES.md names code and a test that
    exist (the file, the class in it, the method in the class), or "—" for a
    rule listed under "Not enforced yet"."""
    rows, bullets = _rules()
    assert len(rows) > 50, "the rule tables were not found in docs/RULES.md"
    assert check_rows(ROOT, rows, bullets) == []


def test_rules_doc_has_no_todo():
    """Issue 24 item 13: no rule of docs/RULES.md is left with "TODO" where
    its code or its test belongs (the issue-24 items fill them in)."""
    rows, _bullets = _rules()
    assert todo_rows(rows) == []


SYNTHETIC = """\
| source | rule | where enforced | test |
| --- | --- | --- | --- |
| S §1 | Good row. | `p/m.py::guard`; `p.rec_ok` | `p/t/test_a.py::TestA::test_ok` |
| S §2 | No such method. | `p/m.py::guard` | `p/t/test_a.py::TestA::test_gone` |
| S §3 | No such class. | `p/m.py::guard` | `p/t/test_a.py::TestB::test_ok` |
| S §4 | No such file. | `p/m.py::guard` | `p/t/test_b.py::TestA::test_ok` |
| S §5 | No such function. | `p/m.py::missing` | `p/t/test_a.py::TestA::test_ok` |
| S §6 | No such record. | `p.rec_gone` | `p/t/test_a.py::TestA::test_ok` |
| S §7 | Listed as not enforced. | — | — |
| S §8 | Not listed. | — | `p/t/test_a.py::TestA::test_ok` |
| S §9 | Being done. | TODO | TODO |
| S §10 | In another class. | `p/m.py::guard` | `p/t/test_a.py::TestA::test_other` |

## Not enforced yet

- S §7: Listed as not enforced. — nothing to check it.
"""


def test_checker_catches_wrong_entries(tmp_path):
    """Issue 24 item 13: the checker itself reports a listed test whose
    method, class or file does not exist, code that does not exist, and a
    "—" not listed under "Not enforced yet"; it accepts correct entries and
    a listed "—", and reports "TODO" apart."""
    pkg = tmp_path / "p"
    (pkg / "t").mkdir(parents=True)
    (pkg / "m.py").write_text("class M:\n    def guard(self):\n        pass\n")
    (pkg / "data.xml").write_text('<odoo><record id="rec_ok" model="x"/></odoo>\n')
    (pkg / "t" / "test_a.py").write_text(
        "class TestA:\n    def test_ok(self):\n        pass\n\n\n"
        "class TestC:\n    def test_other(self):\n        pass\n"
    )
    rows, bullets = parse_rules(SYNTHETIC)
    assert [r["source"] for r in rows] == [f"S §{n}" for n in range(1, 11)]
    problems = check_rows(tmp_path, rows, bullets)
    flagged = {p.split("(")[1].split(")")[0] for p in problems}
    assert flagged == {"S §2", "S §3", "S §4", "S §5", "S §6", "S §8", "S §10"}, (
        problems
    )
    assert any("no method test_gone in TestA" in p for p in problems)
    assert any("no class TestB" in p for p in problems)
    assert any("no file p/t/test_b.py" in p for p in problems)
    assert any("nothing named missing" in p for p in problems)
    assert any("no record rec_gone" in p for p in problems)
    with pytest.raises(ValueError, match="line 3: 5 cells"):
        parse_rules(SYNTHETIC.replace("Good row.", "Good | row."))
    todo = todo_rows(rows)
    assert len(todo) == 1 and "(S §9)" in todo[0]


def test_rules_doc_listed_in_readme():
    """Issue 24 item 13: the README lists docs/RULES.md among the documents."""
    assert "docs/RULES.md" in Path(ROOT / "README.md").read_text(encoding="utf-8")
