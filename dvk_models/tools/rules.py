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


# The Vietnamese alphabet (with f, j, w, z for foreign words and names) and
# the order of the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
VN_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_VN_RANK = {letter: rank for rank, letter in enumerate(VN_ALPHABET)}
_VN_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vn_sort_key(value):
    """Sort key giving Vietnamese dictionary order (RELIABILITY (b) 29): the
    letters first (a, ă, â, b, ..., d, đ, ...: "Dũng" before "Đức"), then the
    tones, which only break ties ("ca", "cà", "cả", "cã", "cá", "cạ").
    PostgreSQL's C collation gives neither. Signs other than letters (digits,
    spaces, punctuation) come before the letters, by code point. The one key
    of every list the DVK prints or exports, so that a PDF and a spreadsheet
    of the same names agree."""
    letters = []
    tones = []
    for char in unicodedata.normalize("NFC", (value or "").casefold()):
        base, *marks = unicodedata.normalize("NFD", char)
        tone = 0
        for mark in marks:
            if mark in _VN_TONES:
                tone = _VN_TONES[mark]
            else:
                base += mark
        letter = unicodedata.normalize("NFC", base)
        rank = _VN_RANK.get(letter)
        letters.append((1, rank) if rank is not None else (0, ord(letter[0])))
        tones.append(tone)
    return letters, tones


def last_day_of_month(year, month):
    """Last date of a month, e.g. 28 or 29 February."""
    if month == 12:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
