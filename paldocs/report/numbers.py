"""Polish numbers, amounts, percents and dates as clerks type them in spreadsheets and CSV files.

Contract: every ``parse_*`` function takes a cell value — text as typed ("1 234,56", "1 234,56 zł", "12,5%",
"31.12.2015"), or a value a spreadsheet already typed (int, float, Decimal, datetime) — and returns the value
paldocs stores (:class:`~decimal.Decimal`, ``int``, :class:`datetime.date`), or raises :class:`NumberFormatError`
whose message is Polish and quotes the value („12,5%” nie jest liczbą). Nothing here knows about files or cells:
the caller (:mod:`paldocs.report.spreadsheet`) adds the location.

Rules (why): Polish writing uses a comma as the decimal sign and a space (often a non-breaking one) or a dot to
group thousands ("1 234,56", "1.234,56"). A text with a dot and no comma is read with the dot as the decimal
sign ("12.5", as a CSV written by a program) unless the dot groups exactly three digits ("1.234"), which is
ambiguous and is refused rather than guessed. A percent sign is accepted only where a percent is expected
(:func:`parse_percent`); in a plain number column "12,5%" is an error, because the unit belongs to the
indicator (``unit: "%"``), not to the value.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f']+")  # spaces, NBSP, figure and narrow NBSP, apostrophe groups
_CURRENCY = re.compile(r"\s*(złotych|złote|złoty|zł|zl|pln)\.?\s*$", re.IGNORECASE)
_GROUPED_DOTS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$")
_DATE_DOTTED = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(\s*r\.?)?$")
_FORMULA_ERROR = re.compile(r"^#[A-ZĄĆĘŁŃÓŚŹŻ0-9/]+[!?]?$|^#N/A$", re.IGNORECASE)  # #DZIEL/0!, #ARG!, #N/D
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")

EXCEL_SERIAL_RANGE = (32874, 73415)
"""Excel day numbers of 1 January 1990 and 31 December 2100: a bare number in a date column within this range
is a date whose cell lost its date format (the years a report may name, see paldocs.report.model)."""


class NumberFormatError(ValueError):
    """A cell value that is not what its column expects; ``message`` is Polish and quotes the value."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _quoted(value: object) -> str:
    return f"„{value}”"


def _text(value: object) -> str:
    return str(value).strip()


def _from_number(value: int | float | Decimal) -> Decimal:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NumberFormatError(f"{_quoted(value)} nie jest liczbą")
        return Decimal(repr(value))  # repr: the shortest text that reads back as the same float (0.1, not 0.1000…)
    return Decimal(value)


def parse_number(value: object) -> Decimal:
    """A number: "1 234,56", "1.234,56", "12,5", "12.5", "-3", or a number a spreadsheet typed."""
    if isinstance(value, bool):
        raise NumberFormatError(f"{_quoted(value)} nie jest liczbą")
    if isinstance(value, (int, float, Decimal)):
        return _from_number(value)
    if isinstance(value, (dt.date, dt.datetime)):
        raise NumberFormatError(f"{_quoted(_date_text(value))} jest datą, a nie liczbą")
    text = _text(value)
    if _FORMULA_ERROR.match(text):
        raise NumberFormatError(f"{_quoted(text)} — błąd formuły w komórce, nie liczba",
                                "popraw formułę w arkuszu (albo wpisz wartość) i zapisz plik w Excelu")
    if text.endswith("%"):
        raise NumberFormatError(f"{_quoted(text)} nie jest liczbą",
                                "w tej kolumnie wpisz samą liczbę (np. 12,5); jednostkę podaje wskaźnik (unit)")
    return _number_text(text)


def _number_text(text: str) -> Decimal:
    compact = _SPACES.sub("", text).replace("\u2212", "-")  # U+2212: the minus sign of typeset texts
    if _GROUPED_DOTS.match(compact) and "," in compact:
        compact = compact.replace(".", "")
    elif _GROUPED_DOTS.match(compact):
        raise NumberFormatError(f"{_quoted(text)} — niejednoznaczna liczba (kropka oddziela tysiące czy "
                                "części dziesiętne?)", "pisz przecinek dziesiętny („1,234”) albo bez kropki („1234”)")
    if not _PLAIN.match(compact):
        raise NumberFormatError(f"{_quoted(text)} nie jest liczbą" if text else "pusta komórka — brak liczby")
    try:
        return Decimal(compact.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits and one separator
        raise NumberFormatError(f"{_quoted(text)} nie jest liczbą") from None


def parse_percent(value: object, *, fraction: bool = False) -> Decimal:
    """A percent as a number of percent: "12,5%" or "12,5 %" → 12.5; a bare number is taken as percent already
    (12,5 → 12.5) unless ``fraction`` (a cell formatted as a percent stores 0.125 for 12,5 %)."""
    if isinstance(value, str) and _text(value).endswith("%"):
        return _number_text(_text(value)[:-1].strip())
    number = parse_number(value)
    return number * 100 if fraction else number


def parse_money(value: object) -> Decimal:
    """An amount in zł: "1 234,56", "1 234,56 zł", "1234,5 PLN" → Decimal (grosze checked by the model)."""
    if isinstance(value, str):
        text = _CURRENCY.sub("", _text(value))
        if not text:
            raise NumberFormatError(f"{_quoted(_text(value))} nie jest kwotą")
        try:
            return parse_number(text)
        except NumberFormatError as error:
            raise NumberFormatError(f"{_quoted(_text(value))} nie jest kwotą",
                                    error.hint or "wpisz kwotę, np. 1 234,56 albo 1 234,56 zł") from None
    return parse_number(value)


def parse_count(value: object) -> int:
    """A whole number (participants, events): "1 234", 12, 12.0 → int; "12,5" is an error."""
    number = parse_number(value)
    if number != number.to_integral_value():
        raise NumberFormatError(f"{_quoted(_text(value))} nie jest liczbą całkowitą")
    return int(number)


def parse_year(value: object) -> int:
    """A year: 2015, "2015", "2015 r." → 2015 (range checked by the model)."""
    text = _text(value)
    text = re.sub(r"\s*r\.?$", "", text) if isinstance(value, str) else text
    try:
        return parse_count(text if isinstance(value, str) else value)
    except NumberFormatError:
        raise NumberFormatError(f"{_quoted(_text(value))} nie jest rokiem") from None


def parse_date(value: object) -> dt.date:
    """A date: "31.12.2015", "31.12.2015 r.", "2015-12-31", a spreadsheet date, or an Excel day number
    (within :data:`EXCEL_SERIAL_RANGE`) whose cell lost its date format."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = EXCEL_SERIAL_RANGE
        if low <= value <= high and float(value).is_integer():
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))  # Excel's day 0 (1900 date system)
        raise NumberFormatError(f"{_quoted(_text(value))} nie jest datą", "wpisz datę jako DD.MM.RRRR, np. 31.12.2015")
    text = _text(value)
    match = _DATE_DOTTED.match(text)
    parts = (match.group(3), match.group(2), match.group(1)) if match else None
    if parts is None and (iso := _DATE_ISO.match(text)):
        parts = (iso.group(1), iso.group(2), iso.group(3))
    if parts is None:
        raise NumberFormatError(f"{_quoted(text)} nie jest datą", "wpisz datę jako DD.MM.RRRR, np. 31.12.2015")
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise NumberFormatError(f"{_quoted(text)} — nie ma takiego dnia") from None


def _date_text(value: dt.date) -> str:
    day = value.date() if isinstance(value, dt.datetime) else value
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


__all__ = ["EXCEL_SERIAL_RANGE", "NumberFormatError", "parse_count", "parse_date", "parse_money", "parse_number",
           "parse_percent", "parse_year"]
