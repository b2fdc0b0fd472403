"""XML is well-formed and access CSVs name models the addon can see."""

import ast
import csv
import os
from pathlib import Path

import pytest
from conftest import ADDONS, ROOT, addon_files, read_manifest
from lxml import etree

XML_FILES = addon_files(".xml")
CSV_FILES = [p for p in addon_files(".csv") if p.name == "ir.model.access.csv"]


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_xml_well_formed(path):
    """Rule: every XML file of the addons parses."""
    etree.parse(str(path))


def defined_models(addon):
    """Model names an addon defines or extends, read from its Python source."""
    names = set()
    for path in addon.rglob("*.py"):
        try:
            tree = ast.parse(path.read_text())
        except SyntaxError:  # reported by ruff
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            for stmt in node.body:
                if not isinstance(stmt, ast.Assign):
                    continue
                target = stmt.targets[0]
                if not isinstance(target, ast.Name):
                    continue
                if target.id == "_name" and isinstance(stmt.value, ast.Constant):
                    names.add(stmt.value.value)
                if target.id == "_inherit":
                    value = stmt.value
                    items = value.elts if isinstance(value, ast.List) else [value]
                    names.update(i.value for i in items if isinstance(i, ast.Constant))
    return names


def odoo_addon_dir(name):
    """Source folder of an Odoo addon when Odoo's source can be found."""
    for base in os.environ.get("DVK_ODOO_ADDONS", "").split(os.pathsep):
        if base and (Path(base) / name / "__manifest__.py").exists():
            return Path(base) / name
    return None


def dependency_closure(addon_name, seen=None):
    seen = set() if seen is None else seen
    if addon_name in seen:
        return seen
    seen.add(addon_name)
    local = ROOT / addon_name
    if (local / "__manifest__.py").exists():
        deps = read_manifest(local).get("depends", [])
    else:
        return seen
    for dep in deps:
        dependency_closure(dep, seen)
    return seen


@pytest.mark.parametrize("path", CSV_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_access_csv_names_known_models(path):
    """Rule: each ACL line names a model of the addon or of its dependencies."""
    addon = path.parent.parent
    own = {"model_" + m.replace(".", "_") for m in defined_models(addon)}
    closure = dependency_closure(addon.name)
    with path.open() as fh:
        rows = list(csv.DictReader(fh))
    assert rows, "an access file with no line"
    for row in rows:
        ref = row["model_id:id"]
        assert row["id"].startswith("access_"), row["id"]
        if "." not in ref:
            assert ref in own, f"{row['id']}: {ref} is not a model of {addon.name}"
            continue
        module, xmlid = ref.split(".", 1)
        assert module in closure, f"{row['id']}: {module} is not a dependency"
        local = ROOT / module
        if (local / "__manifest__.py").exists():
            models = {"model_" + m.replace(".", "_") for m in defined_models(local)}
            assert xmlid in models, f"{row['id']}: {ref} is not defined in {module}"
        else:
            src = odoo_addon_dir(module)
            if src is not None:
                models = {"model_" + m.replace(".", "_") for m in defined_models(src)}
                assert xmlid in models, f"{row['id']}: {ref} unknown in {module}"


def new_models(addon):
    """Model names an addon creates: a ``_name`` not also in its ``_inherit``."""
    names = set()
    for path in addon.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            values = {}
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and isinstance(
                    stmt.targets[0], ast.Name
                ):
                    values[stmt.targets[0].id] = stmt.value
            name = values.get("_name")
            if not isinstance(name, ast.Constant):
                continue
            inherit = values.get("_inherit")
            inherited = (
                {i.value for i in inherit.elts if isinstance(i, ast.Constant)}
                if isinstance(inherit, ast.List)
                else {getattr(inherit, "value", None)}
            )
            abstract = any(
                isinstance(b, ast.Attribute) and b.attr == "AbstractModel"
                for b in node.bases
            )
            if name.value not in inherited and not abstract:
                names.add(name.value)
    return names


def test_every_new_model_has_access_lines():
    """Rule: every model an addon creates, wizards included, has at least one
    access line in that addon (RELIABILITY (b) 2)."""
    for addon in ADDONS:
        created = new_models(addon)
        if not created:
            continue
        path = addon / "security" / "ir.model.access.csv"
        assert path.exists(), f"{addon.name} creates models but has no ACL file"
        with path.open() as fh:
            refs = {row["model_id:id"].split(".")[-1] for row in csv.DictReader(fh)}
        missing = {m for m in created if "model_" + m.replace(".", "_") not in refs}
        assert not missing, f"{addon.name}: no access lines for {sorted(missing)}"
