"""Translations parse and Vietnamese covers every source string."""

import polib
import pytest
from conftest import ADDONS, ROOT

PO_FILES = sorted(p for a in ADDONS for p in (a / "i18n").glob("*.po"))
POT_ADDONS = [a for a in ADDONS if (a / "i18n" / f"{a.name}.pot").exists()]


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_po_parses(path):
    """Rule: every .po file is valid gettext."""
    po = polib.pofile(str(path))
    assert po.metadata.get("Content-Type", "").lower().endswith("charset=utf-8")


@pytest.mark.parametrize("addon", POT_ADDONS, ids=lambda a: a.name)
def test_vi_covers_pot(addon):
    """Rule: vi.po translates every msgid of the addon's template."""
    pot = polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    vi_path = addon / "i18n" / "vi.po"
    assert vi_path.exists(), f"{addon.name} has a .pot but no vi.po"
    vi = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(vi_path)) if not e.obsolete}
    missing = [
        e.msgid
        for e in pot
        if not e.obsolete
        and not (
            (vi.get((e.msgctxt, e.msgid)) and vi[(e.msgctxt, e.msgid)].msgstr)
            or (
                e.msgid_plural
                and vi.get((e.msgctxt, e.msgid))
                and all(vi[(e.msgctxt, e.msgid)].msgstr_plural.values())
            )
        )
    ]
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"
    fuzzy = [e.msgid for e in vi.values() if "fuzzy" in e.flags]
    assert not fuzzy, f"fuzzy translations: {fuzzy[:5]}"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_addon_with_strings_has_template(addon):
    """Rule: an addon with views, data or Python strings ships i18n/<addon>.pot."""
    has_content = any(addon.rglob("*.xml")) or any(
        p
        for p in addon.rglob("*.py")
        if p.name not in ("__init__.py", "__manifest__.py")
    )
    if has_content:
        assert (addon / "i18n" / f"{addon.name}.pot").exists()
        assert (addon / "i18n" / "vi.po").exists()
    assert not (addon / "i18n" / "en.po").exists()
