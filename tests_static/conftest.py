"""Shared helpers of the checks that need no Odoo."""

import ast
import os
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("DVK_ROOT", Path(__file__).resolve().parent.parent))
ADDONS = sorted(p.parent for p in ROOT.glob("dvk_*/__manifest__.py"))


def read_manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text())


def addon_files(suffix):
    return sorted(p for a in ADDONS for p in a.rglob(f"*{suffix}"))


@pytest.fixture(scope="session")
def root():
    return ROOT
