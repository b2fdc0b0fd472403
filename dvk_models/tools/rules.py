"""Pure rule code of the DVK core: no Odoo import, unit-tested without Odoo."""

import datetime
import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize_text(value):
    """NFC form, single inner spaces, no outer spaces (RELIABILITY (b) 28)."""
    if not value:
        return value
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def name_key(value):
    """Key under which two registrations are "the same model"."""
    return normalize_text(value or "").casefold()


def rule_date(year, month, day=None, last_day=False):
    """The date of a profile's deadline rule in ``year``: ``day``/``month``,
    or the last day of ``month`` (e.g. "in February": 28 or 29/2)."""
    if last_day:
        return last_day_of_month(year, month)
    return datetime.date(year, month, day)


def vn_date(value):
    """Vietnamese long date, e.g. "ngày 15 tháng 10 năm 2026".

    Decree 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading
    zero ("ngày 05 tháng 02", "ngày 15 tháng 3"); other months do not.
    """
    if not value:
        return ""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def next_level(levels, current):
    """The level just above ``current`` in ``levels`` (ordered low to high)."""
    items = list(levels)
    if current not in items:
        return None
    index = items.index(current)
    return items[index + 1] if index + 1 < len(items) else None


def previous_level(levels, current):
    """The level just below ``current`` in ``levels`` (ordered low to high)."""
    items = list(levels)
    if current not in items:
        return None
    index = items.index(current)
    return items[index - 1] if index > 0 else None


def consecutive_years(years):
    """Length of the run of consecutive years ending at the latest one.

    ``years`` are the campaign years in which a model (and the models it
    renews) was recognised.
    """
    run = 0
    expected = None
    for year in sorted(set(years), reverse=True):
        if expected is not None and year != expected:
            break
        run += 1
        expected = year - 1
    return run


def last_day_of_month(year, month):
    """Last date of a month, e.g. 28 or 29 February."""
    if month == 12:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
