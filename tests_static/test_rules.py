"""Pure rule code of dvk_models (tools/rules.py), tested without Odoo."""

import datetime
import importlib.util
import random
import re
import unicodedata

from conftest import ROOT

_spec = importlib.util.spec_from_file_location(
    "dvk_rules", ROOT / "dvk_models" / "tools" / "rules.py"
)
rules = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rules)


def test_normalize_text_nfc_and_spaces():
    """Rule: a Vietnamese name typed in NFD is stored NFC, spaces collapsed
    (RELIABILITY (b) 28)."""
    nfd = "Co\u0302ng an  xa\u0303 "
    assert rules.normalize_text(nfd) == "Công an xã"
    assert rules.normalize_text("") == ""


def test_name_key_ignores_case_form_and_spaces():
    """Rule: the duplicate check compares names modulo case, NFC/NFD and
    spaces (DESIGN.md §4 duplicate registration)."""
    assert rules.name_key("Dân Vận  khéo") == rules.name_key("dân vận khéo")
    assert rules.name_key("Da\u0302n va\u0302\u0323n") == rules.name_key("Dân vận")
    assert rules.name_key("Dân vận") != rules.name_key("Dân vạn")


def test_rule_date_day_or_last_day_of_month():
    """Rule: a deadline rule falls on a day of a month, or on the last day of
    the month ("in February", seed 004 §V; seed 003 Điều 8), 29/2 in a leap
    year."""
    assert rules.rule_date(2026, 3, 29) == datetime.date(2026, 3, 29)
    assert rules.rule_date(2026, 2, last_day=True) == datetime.date(2026, 2, 28)
    assert rules.rule_date(2028, 2, 1, last_day=True) == datetime.date(2028, 2, 29)


def test_vn_date():
    """Rule: official documents write dates as "ngày 15 tháng 10 năm 2026", with
    a leading zero only on days below 10 and on months 1 and 2 (Decree
    30/2020/NĐ-CP, Annex I)."""
    assert rules.vn_date(datetime.date(2026, 10, 15)) == "ngày 15 tháng 10 năm 2026"
    assert rules.vn_date(datetime.date(2026, 3, 5)) == "ngày 05 tháng 3 năm 2026"
    assert rules.vn_date(datetime.date(2026, 2, 28)) == "ngày 28 tháng 02 năm 2026"
    assert rules.vn_date(datetime.date(2026, 1, 9)) == "ngày 09 tháng 01 năm 2026"
    assert rules.vn_date(None) == ""


def test_vn_sort_key_follows_the_alphabet():
    """Rule: Vietnamese dictionary order (RELIABILITY (b) 29): the 29 letters
    a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with f j w z of
    foreign words in the Latin places; capitals with their small letters."""
    alphabet = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
    shuffled = alphabet[::-1] + [letter.upper() for letter in alphabet[::2]]
    ordered = sorted(shuffled, key=rules.vn_sort_key)
    assert [letter.lower() for letter in ordered] == sorted(
        [letter.lower() for letter in shuffled],
        key=alphabet.index,
    )
    assert sorted(
        ["Đức", "Dũng", "Bình", "Ánh", "Ân", "Ăn"], key=rules.vn_sort_key
    ) == [
        "Ánh",
        "Ăn",
        "Ân",
        "Bình",
        "Dũng",
        "Đức",
    ]


# The alphabet written out here, not read from rules.py, so that a letter
# misplaced there fails the test below.
ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
VOWELS = set("aăâeêioôơuưy")
# ngang, huyền, hỏi, ngã, sắc, nặng
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


def test_vn_sort_key_whole_alphabet_every_tone_both_cases():
    """Rule: RELIABILITY (b) 29 (issue 23) — the one Vietnamese sort key
    orders the whole alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s
    t u ư v x y (f j w z in their Latin places), each vowel with its six
    tones in the order ngang, huyền, hỏi, ngã, sắc, nặng, and capitals with
    their small letters: every letter, in both cases and with every tone,
    shuffled, sorts back to that order; one letter out of place fails."""
    expected = []
    for letter in ALPHABET:
        for tone in TONES if letter in VOWELS else [""]:
            expected.append(unicodedata.normalize("NFC", letter + tone))
    assert len(expected) == 33 + 12 * 5
    letters = expected + [letter.upper() for letter in expected]
    assert len({letter.upper() for letter in letters}) == len(expected)
    for seed in range(5):
        shuffled = letters[:]
        random.Random(seed).shuffle(shuffled)
        ordered = sorted(shuffled, key=rules.vn_sort_key)
        assert [letter.lower() for letter in ordered] == [
            letter for letter in expected for _case in (0, 1)
        ]


def test_one_vietnamese_sort_key():
    """Rule: issue 23 — Vietnamese text is sorted by one key,
    ``rules.vn_sort_key``, so that a PDF and a spreadsheet of the same names
    agree: no other sort key or collation helper in the addons."""
    pattern = re.compile(
        r"def \w*(sort_key|collat)\w*\(|strxfrm|unidecode|\bCOLLATE\b", re.I
    )
    rules_path = ROOT / "dvk_models" / "tools" / "rules.py"
    others = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(ROOT.glob("dvk_*/**/*.py"))
        if path != rules_path
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
    ]
    assert others == []
    assert pattern.search(rules_path.read_text())


def test_vn_sort_key_tones_break_ties_only():
    """Rule: tones order ngang, huyền, hỏi, ngã, sắc, nặng, and only once the
    letters are equal ("cạ" before "cb"); text typed in NFD sorts as NFC;
    digits and signs come before letters."""
    words = ["cb", "cạ", "cá", "cã", "cả", "cà", "ca"]
    assert sorted(words, key=rules.vn_sort_key) == [
        "ca",
        "cà",
        "cả",
        "cã",
        "cá",
        "cạ",
        "cb",
    ]
    assert rules.vn_sort_key("Nguye\u0302\u0303n") == rules.vn_sort_key("Nguyễn")
    assert sorted(["Ấp 2", "Ấp 10", "1 Ấp"], key=rules.vn_sort_key)[0] == "1 Ấp"
    assert rules.vn_sort_key(None) == rules.vn_sort_key("")


def test_last_day_of_month():
    """Rule: "in February" ends on 28 or 29 February (seeds 003 Điều 8, 004 §V)."""
    assert rules.last_day_of_month(2026, 2) == datetime.date(2026, 2, 28)
    assert rules.last_day_of_month(2028, 2) == datetime.date(2028, 2, 29)
    assert rules.last_day_of_month(2026, 12) == datetime.date(2026, 12, 31)
