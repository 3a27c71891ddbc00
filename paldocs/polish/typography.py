"""Polish typesetting rules for official documents (docs/domain.md § 7).

Contract of :func:`apply_typography` (pure, fast, runs on every text node):

- it is idempotent: ``apply_typography(apply_typography(t)) == apply_typography(t)``;
- it never changes, adds or removes a non-space character, except that straight double quotes become Polish
  quotes: „ after the start of the text, whitespace or an opening bracket, ” everywhere else;
- it replaces a single ordinary space (U+0020) by NO-BREAK SPACE (U+00A0) in exactly these places, so that a
  line never ends with a dangling word or splits a reference from its number:

  1. after a one-letter word (:data:`ONE_LETTER_WORDS`) that starts the text, follows whitespace, an opening
     bracket or an opening quote: "o samorządzie", "z dnia", "(w związku";
  2. between "§" and a number: "§ 1";
  3. after an abbreviation of :data:`ABBREVIATIONS` before a number, a letter or a blank to fill ("…", ".."):
     "art. 18", "ust. 2", "pkt 15", "lit. a", "poz. 594", "Nr …"; and inside "Dz. U.";
  4. between a four-digit year (or a blank) and "r.": "2014 r.", "… r.";
  5. between a day number and a month name in any case (:data:`paldocs.polish.dates.MONTH_FORMS`):
     "29 kwietnia", "1 maja";
  6. between a number and a unit of :data:`UNITS_AFTER_NUMBER`: "1 234,56 zł", "50 %".

  A space is replaced only when a non-space character follows it, so runs of spaces, spaces before a newline
  and newlines themselves are left alone (lines are never joined). Spaces between digit groups are not
  touched: :func:`paldocs.polish.numerals.format_amount` already writes them as NO-BREAK SPACEs.

:func:`normalize_spaces` collapses runs of ordinary spaces (NO-BREAK SPACEs are kept, they are deliberate).
"""

from __future__ import annotations

import re

from paldocs.polish.dates import MONTH_FORMS

__all__ = [
    "ABBREVIATIONS",
    "NBSP",
    "ONE_LETTER_WORDS",
    "QUOTE_CLOSE",
    "QUOTE_OPEN",
    "UNITS_AFTER_NUMBER",
    "apply_typography",
    "normalize_spaces",
]

NBSP = "\u00a0"
QUOTE_OPEN = "„"
QUOTE_CLOSE = "”"

# Polish typesetting forbids these at the end of a line (the "sierotki" rule). Longer prepositions ("ze", "we",
# "na") are allowed there, so they are deliberately not listed.
ONE_LETTER_WORDS = "aiouwzAIOUWZ"

# Abbreviations that must stay on the line of the number or letter they introduce (§ 54–57 and § 158 ZTP
# citation forms). "pkt" and "nr" take no dot (docs/domain.md § 2). "Dz." is handled separately: it is joined only to
# the "U." of "Dz. U.".
ABBREVIATIONS: tuple[str, ...] = ("art.", "Art.", "ust.", "pkt", "lit.", "poz.", "nr", "Nr", "NR")

# Units a number must not be separated from.
UNITS_AFTER_NUMBER: tuple[str, ...] = ("zł", "%")

# Characters after which a word begins: whitespace, opening brackets, the opening quote.
_WORD_START = r"\s(\[{" + QUOTE_OPEN
# A blank left to fill in a draft ("Nr …", "z dnia … r.", "poz. ....").
_BLANK = r"(?:…|\.\.)"


def _lookbehind_word(word: str) -> str:
    """Lookbehind for ``word`` standing alone on its left (not the tail of a longer word)."""
    return rf"(?<=(?<!\w){re.escape(word)})"


_MONTHS = "|".join(sorted(MONTH_FORMS, key=len, reverse=True))

# Each alternative matches exactly one ordinary space, decided by what stands on both sides of it.
_RULES: tuple[str, ...] = (
    # 1. one-letter words: the letter is preceded by the start of the text or a word-start character
    rf"(?<=[{ONE_LETTER_WORDS}])(?<![^{_WORD_START}][{ONE_LETTER_WORDS}]) (?=\S)",
    # 2. paragraph sign
    r"(?<=§) (?=\d)",
    # 3. abbreviations before a number, a letter or a blank
    rf"(?:{'|'.join(_lookbehind_word(a) for a in ABBREVIATIONS)}) (?=\w|{_BLANK})",
    r"(?<=(?<!\w)Dz\.) (?=U\.)",
    # 4. year and "r."
    r"(?:(?<=(?<!\w)\d{4})|(?<=…)|(?<=\.\.)) (?=r\.(?!\w))",
    # 5. day and month name, in any case and letter case ("29 KWIETNIA" in uppercase titles)
    rf"(?:(?<=(?<!\w)\d)|(?<=(?<!\w)\d\d)) (?=(?i:{_MONTHS})(?!\w))",
    # 6. number and unit
    rf"(?<=\d) (?=(?:{'|'.join(re.escape(u) for u in UNITS_AFTER_NUMBER)})(?!\w))",
)
# The leading "(?= )" lets every other position fail at once: the rules are tried only at spaces.
_NBSP_PLACES = re.compile("(?= )(?:" + "|".join(f"(?:{rule})" for rule in _RULES) + ")")

# An opening quote starts the text or follows whitespace or an opening bracket; every other one closes.
_OPENING_QUOTE = re.compile(r'(?:^|(?<=[\s(\[{]))"', re.MULTILINE)
_SPACE_RUN = re.compile(r" {2,}")


def apply_typography(text: str) -> str:
    """Return ``text`` with Polish quotes and NO-BREAK SPACEs where Polish typesetting requires them."""
    if '"' in text:
        text = _OPENING_QUOTE.sub(QUOTE_OPEN, text).replace('"', QUOTE_CLOSE)
    if " " not in text:
        return text
    return _NBSP_PLACES.sub(NBSP, text)


def normalize_spaces(text: str) -> str:
    """Collapse every run of ordinary spaces to one space; NO-BREAK SPACEs and newlines are kept."""
    return _SPACE_RUN.sub(" ", text)
