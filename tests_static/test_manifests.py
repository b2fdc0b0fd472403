"""Every addon is a real Odoo 19.0 addon (DESIGN.md §3, STYLE.md §1-2)."""

import re

import pytest
from conftest import ADDONS, read_manifest

VERSION = re.compile(r"^19\.0\.\d+\.\d+\.\d+$")
EXPECTED = {"dvk_models", "dvk_police", "dvk_union", "dvk_statehub"}


def test_the_four_addons_exist():
    """Rule: the repository ships exactly the core and the three sector addons."""
    assert {a.name for a in ADDONS} == EXPECTED


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_manifest_keys(addon):
    """Rule: manifest has a 19.0.x.y.z version, LGPL-3, our author, a summary."""
    manifest = read_manifest(addon)
    assert VERSION.match(manifest["version"]), manifest["version"]
    assert manifest["license"] == "LGPL-3"
    assert "DVK for Odoo" in manifest["author"]
    assert manifest.get("summary")
    assert manifest.get("installable", True)


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_manifest_files_exist(addon):
    """Rule: every data/demo file the manifest lists exists in the addon."""
    manifest = read_manifest(addon)
    listed = manifest.get("data", []) + manifest.get("demo", [])
    missing = [f for f in listed if not (addon / f).is_file()]
    assert not missing, f"{addon.name} lists missing files: {missing}"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_packaging_and_docs(addon):
    """Rule: whool pyproject, readme fragments and an icon, as OCA addons have."""
    pyproject = (addon / "pyproject.toml").read_text()
    assert 'build-backend = "whool.buildapi"' in pyproject
    assert (addon / "readme" / "DESCRIPTION.md").read_text().strip()
    assert (addon / "static" / "description" / "icon.png").stat().st_size > 0


@pytest.mark.parametrize(
    "addon", [a for a in ADDONS if a.name != "dvk_models"], ids=lambda a: a.name
)
def test_sector_addons_depend_on_core(addon):
    """Rule: each sector addon depends on dvk_models (DESIGN.md §3)."""
    assert "dvk_models" in read_manifest(addon)["depends"]


def test_core_depends_on_community_only():
    """Rule: the core depends on hr and mail, never on an OEEL-1 addon."""
    depends = set(
        read_manifest(next(a for a in ADDONS if a.name == "dvk_models"))["depends"]
    )
    assert {"hr", "mail"} <= depends


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_every_test_module_is_imported(addon):
    """Rule: Odoo's own runner (odoo-bin --test-enable) finds only the test
    modules the addon's tests/__init__.py imports; pytest-odoo finds them all.
    Each test_*.py is imported there, so both runners run the same tests."""
    tests = addon / "tests"
    imported = set(
        re.findall(
            r"^from \. import (test_\w+)", (tests / "__init__.py").read_text(), re.M
        )
    )
    files = {path.stem for path in tests.glob("test_*.py")}
    assert not files - imported, (
        f"{addon.name}: not imported {sorted(files - imported)}"
    )
