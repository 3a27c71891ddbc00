"""Word-level changes inside a unit (paldocs.amendments.words).

§ 87 ust. 3 ZTP (Dz. U. z 2016 r. poz. 283; the „zmiana cząstkowa” as bloglegislatora.pl, „O zmianie
cząstkowej z legislacją pandemiczną w tle”, 22.04.2020, describes it) allows an amending provision to replace
or strike out words of a unit instead of giving the unit a new wording; the formula „w art. 103 w § 2
skreśla się wyrazy „…”” is from the amendment of the Code of Civil Procedure of 2025 (Dz. U. z 2025 r.
poz. 1172, infor.pl). paldocs uses it only where the old words occur once in the unit (one reading) and the
result is exactly the new text; docs/amendments.md, section "paldocs amend"."""

from __future__ import annotations

import pytest

from paldocs.amendments.words import WordChange, apply_word_changes, cost, occurrences, word_changes

CASES = [
    # (old, new, expected replacements)
    ("Program realizuje się w latach 2014–2020.", "Program realizuje się w latach 2014–2025.",
     [("2020", "2025")]),
    ("Zadanie finansuje Gmina i Powiat do kwoty 5000 zł.", "Zadanie finansuje Gmina do kwoty 5000 zł.",
     [("Gmina i Powiat", "Gmina")]),  # a deletion is anchored on the word before it
    ("Adresatami są dzieci i młodzież.", "Adresatami są dzieci, młodzież i seniorzy.",
     [("dzieci i młodzież", "dzieci, młodzież i seniorzy")]),  # spacing around the quoted words unchanged
    ("Tekst kończy się kropką.", "Tekst kończy się kropką;", [("kropką.", "kropką;")]),  # never punctuation alone
    ("1. Ust jeden.\n2. Ust dwa z kwotą 100 zł.", "1. Ust jeden.\n2. Ust dwa z kwotą 200 zł.", [("100", "200")]),
    ("raz, dwa, trzy i cztery", "raz, dwa, pięć i cztery", [("trzy", "pięć")]),
    # a heading's "#" is Markdown, not a word of the text: never quoted
    ("## Cele\n\nTreść rozdziału.", "## Główne cele\n\nTreść rozdziału.", [("Cele", "Główne cele")]),
    ("| 2021 | 1000 zł |", "| 2021 | 2000 zł |", [("1000", "2000")]),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_replacements(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    changes = word_changes(old, new)
    assert changes == [WordChange(a, b) for a, b in expected]
    assert apply_word_changes(old, changes) == new


@pytest.mark.parametrize(("old", "new"), [
    ("Kwota 100 zł na zadanie A i 100 zł na zadanie B.", "Kwota 100 zł na zadanie A i 300 zł na zadanie B."),
    ("dzieci i dzieci", "dzieci i młodzież"),
    ("Rada Miejska w Kętrzynie", "Rada Gminy Kętrzyn"),
])
def test_ambiguous_words_are_widened_until_they_occur_once(old: str, new: str) -> None:
    changes = word_changes(old, new)
    assert changes is not None
    for change in changes:
        assert occurrences(old, change.old_words) == 1
    assert apply_word_changes(old, changes) == new


def test_scope_is_the_whole_unit() -> None:
    # "2020" is unique in the unit's own text but also stands in its sub-unit: widened to stay unambiguous
    own = "Program na lata 2014–2020 obejmuje:"
    scope = own + "\n1) działania w 2020 r.;"
    changes = word_changes(own, own.replace("2020", "2025"), scope)
    assert changes is not None and all(occurrences(scope, c.old_words) == 1 for c in changes)
    assert apply_word_changes(scope, changes) == scope.replace("2014–2020", "2014–2025")


def test_no_words_form_across_lines_or_when_text_repeats() -> None:
    assert word_changes("a\nb", "a\nc\nd") is None or all(
        "\n" not in c.old_words for c in word_changes("a\nb", "a\nc\nd") or [])
    assert word_changes("abc", "abc") == []
    assert word_changes("x y", "x y z", scope="x y\nx y") is None  # the unit's text itself occurs twice
    assert word_changes("", "coś") is None


def test_table_pipes_are_never_quoted() -> None:
    # "1000 zł" stands in both rows and widening would take a "|": no words form
    assert word_changes("| 2021 | 1000 zł |\n| 2022 | 1000 zł |", "| 2021 | 1000 zł |\n| 2022 | 3000 zł |") is None


def test_more_than_three_replacements_are_refused() -> None:
    old = "jeden a b c dwa a b c trzy a b c cztery a b c"
    new = "JEDEN a b c DWA a b c TRZY a b c CZTERY a b c"
    assert word_changes(old, new) is None
    # near changes (two unchanged words or fewer between them) are one replacement
    assert word_changes("jeden dwa trzy cztery", "JEDEN dwa trzy CZTERY") == [
        WordChange("jeden dwa trzy cztery", "JEDEN dwa trzy CZTERY")]


def test_cost_counts_the_formula() -> None:
    assert cost([WordChange("2020", "2025")]) == 8 + 40
