"""Dates as Polish legal documents write them, and the forms clerks type.

Contract (pure functions, no I/O; invalid input raises :class:`paldocs.errors.DataError` in Polish):

- :func:`format_date` — "29 kwietnia 2014 r.": day without a leading zero, month in the genitive, year and
  "r." (docs/domain.md § 1, "z dnia 29 kwietnia 2014 r."). Plain spaces: typography adds the non-breaking ones.
- :func:`format_month_year` — "kwiecień 2016": month in the nominative, as on report title pages
  ("Kętrzyn, kwiecień 2016"), without "r.".
- :func:`parse_date` — the forms found in real resolutions: "29 kwietnia 2014 r.", "29 kwietnia 2014r.",
  "29 kwietnia 2014", "25.03.2014r.", "25.03.2014 r.", "25.03.2014", "2014-03-25"; any run of spaces or
  NO-BREAK SPACEs separates the parts. Impossible dates are rejected naming the problem ("luty 2014 r. ma
  28 dni"); an unknown month name gets the nearest real one as a hint.
- :data:`MONTH_FORMS` — every case form of every month name (lowercase), for typography's day–month rule.
"""

from __future__ import annotations

import calendar
import difflib
import re
from datetime import date

from paldocs.errors import DataError

__all__ = [
    "MONTHS_GENITIVE",
    "MONTHS_NOMINATIVE",
    "MONTH_FORMS",
    "format_date",
    "format_month_year",
    "parse_date",
]

# Index 0 is January.
MONTHS_NOMINATIVE: tuple[str, ...] = (
    "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec",
    "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień",
)  # fmt: skip
MONTHS_GENITIVE: tuple[str, ...] = (
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
    "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
)  # fmt: skip

# Dative, instrumental and locative (the accusative equals the nominative, the vocative is never written in
# documents). Typography keeps a number with the month whatever the case: "do 31 grudnia", "w 1 kwietniu"…
_MONTHS_OTHER_CASES: tuple[tuple[str, str, str], ...] = (
    ("styczniowi", "styczniem", "styczniu"),
    ("lutemu", "lutym", "lutym"),
    ("marcowi", "marcem", "marcu"),
    ("kwietniowi", "kwietniem", "kwietniu"),
    ("majowi", "majem", "maju"),
    ("czerwcowi", "czerwcem", "czerwcu"),
    ("lipcowi", "lipcem", "lipcu"),
    ("sierpniowi", "sierpniem", "sierpniu"),
    ("wrześniowi", "wrześniem", "wrześniu"),
    ("październikowi", "październikiem", "październiku"),
    ("listopadowi", "listopadem", "listopadzie"),
    ("grudniowi", "grudniem", "grudniu"),
)

MONTH_FORMS: frozenset[str] = frozenset(
    (*MONTHS_NOMINATIVE, *MONTHS_GENITIVE, *(form for forms in _MONTHS_OTHER_CASES for form in forms))
)

_GENITIVE_INDEX = {name: i + 1 for i, name in enumerate(MONTHS_GENITIVE)}

# "r." may follow the year with or without a space ("2014r." is common in clerks' typing), the dot may be lost.
_YEAR_SUFFIX = r"(?: ?r\.?)?"
_TEXTUAL = re.compile(rf"(\d{{1,2}}) ([^\W\d_]+) (\d{{4}}){_YEAR_SUFFIX}")
_NUMERIC = re.compile(rf"(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}}){_YEAR_SUFFIX}")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SPACES = re.compile(r"[ \u00a0\t]+")


def _require_date(d: object) -> date:
    if not isinstance(d, date):
        raise DataError(f"Oczekiwano daty, otrzymano {d!r}")
    return d


def format_date(d: date) -> str:
    """Return ``d`` as in a resolution's heading: ``format_date(date(2014, 4, 29)) == "29 kwietnia 2014 r."``."""
    d = _require_date(d)
    return f"{d.day} {MONTHS_GENITIVE[d.month - 1]} {d.year} r."


def format_month_year(d: date) -> str:
    """Return the month and year of a title page: ``format_month_year(date(2016, 4, 1)) == "kwiecień 2016"``."""
    d = _require_date(d)
    return f"{MONTHS_NOMINATIVE[d.month - 1]} {d.year}"


def _month_from_name(name: str, text: str) -> int:
    month = _GENITIVE_INDEX.get(name.lower())
    if month is not None:
        return month
    nearest = difflib.get_close_matches(name.lower(), MONTHS_GENITIVE, n=1, cutoff=0.5)
    hint = f"; czy chodziło o „{nearest[0]}”?" if nearest else ""
    if name.lower() in MONTHS_NOMINATIVE:
        # "29 kwiecień 2014" is a frequent slip: a date takes the genitive.
        genitive = MONTHS_GENITIVE[MONTHS_NOMINATIVE.index(name.lower())]
        hint = f"; w dacie miesiąc pisze się w dopełniaczu: „{genitive}”"
    raise DataError(f"Nieznana nazwa miesiąca „{name}” w dacie „{text}”{hint}")


def _build(year: int, month: int, day: int, text: str) -> date:
    """Check the parts one by one so that the message names what is impossible."""
    if not 1 <= month <= 12:
        raise DataError(f"Niepoprawna data „{text}”: nie ma miesiąca {month} (miesiące 1–12)")
    if year < 1:
        raise DataError(f"Niepoprawna data „{text}”: rok musi być dodatni")
    if day < 1:
        raise DataError(f"Niepoprawna data „{text}”: dzień miesiąca zaczyna się od 1")
    days = calendar.monthrange(year, month)[1]
    if day > days:
        raise DataError(
            f"Niepoprawna data „{text}”: {MONTHS_NOMINATIVE[month - 1]} {year} r. ma {days} dni"
        )
    return date(year, month, day)


def parse_date(text: str) -> date:
    """Parse a date as written in Polish documents: ``parse_date("25.03.2014r.") == date(2014, 3, 25)``."""
    if not isinstance(text, str):
        raise DataError(f"Oczekiwano daty jako tekstu, otrzymano {text!r}")
    cleaned = _SPACES.sub(" ", text).strip()
    if match := _TEXTUAL.fullmatch(cleaned):
        day, name, year = match.groups()
        return _build(int(year), _month_from_name(name, text), int(day), text)
    if match := _NUMERIC.fullmatch(cleaned):
        day, month, year = match.groups()
        return _build(int(year), int(month), int(day), text)
    if match := _ISO.fullmatch(cleaned):
        year, month, day = match.groups()
        return _build(int(year), int(month), int(day), text)
    raise DataError(
        f"Nie rozpoznano daty „{text}”",
        hint="Oczekiwano np. „29 kwietnia 2014 r.”, „25.03.2014 r.” lub „2014-03-25”.",
    )
