"""Numerals as Polish legal and administrative documents write them.

Contract (pure functions, no I/O; invalid input raises :class:`paldocs.errors.DataError` with a Polish message):

- :func:`to_roman` / :func:`from_roman` / :func:`is_roman` — Roman numerals 1..3999 in the one canonical
  uppercase form ("XLIV"); session numbers in resolution numbers ("LXIV/400/14") are written this way.
  Parsing is strict: "IIII", "VX", "IC", lowercase and "" are rejected, naming the canonical form when the
  intended value can be guessed.
- :func:`to_letter` / :func:`from_letter` — the sequence of litery (§ 57 ZTP, docs/domain.md § 2):
  a … z, then za … zz, then zza … zzz, … — Latin letters only; the Polish-only letters ą ć ę ł ń ó ś ź ż
  are never used.
- :func:`format_amount` — "1 234 567,89 zł": groups of three separated by NO-BREAK SPACE, decimal comma,
  always two grosze digits, rounded half up, NO-BREAK SPACE before the currency.
- :func:`format_integer` — "2014", "9999", "10 000": Polish typesetting leaves four-digit numbers ungrouped.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from paldocs.errors import DataError

__all__ = [
    "NBSP",
    "format_amount",
    "format_integer",
    "from_letter",
    "from_roman",
    "is_roman",
    "to_letter",
    "to_roman",
    "to_decimal",
]

NBSP = "\u00a0"

ROMAN_MAX = 3999

# Largest value first; the subtractive pairs (CM, CD, XC, XL, IX, IV) are the only ones the canonical form
# allows, which is what makes the greedy conversion canonical.
_ROMAN_TABLE: tuple[tuple[int, str], ...] = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_CANONICAL_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_POLISH_ONLY = "ąćęłńóśźż"
_LETTER_FORM = re.compile(r"z*[a-z]")

_GROSZ = Decimal("0.01")


def _require_int(n: object, what: str) -> int:
    # bool is an int subclass; True as "1" would hide a data error.
    if isinstance(n, bool) or not isinstance(n, int):
        raise DataError(f"{what}: oczekiwano liczby całkowitej, otrzymano {n!r}")
    return n


def to_roman(n: int) -> str:
    """Return the canonical Roman numeral of ``n`` (1..3999): ``to_roman(44) == "XLIV"``."""
    n = _require_int(n, "Liczba rzymska")
    if not 1 <= n <= ROMAN_MAX:
        raise DataError(f"Liczby {n} nie można zapisać cyframi rzymskimi (dozwolone 1–{ROMAN_MAX})")
    parts: list[str] = []
    for value, symbol in _ROMAN_TABLE:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def is_roman(s: str) -> bool:
    """True when ``s`` is a canonical uppercase Roman numeral 1..3999 (no exception)."""
    return isinstance(s, str) and bool(s) and _CANONICAL_ROMAN.fullmatch(s) is not None


def _lenient_roman_value(s: str) -> int | None:
    """Value of a non-canonical numeral as a reader would guess it ("IIII" → 4, "ic" → 99), else None."""
    digits = [_ROMAN_DIGITS.get(ch) for ch in s.upper()]
    if not digits or any(d is None for d in digits):
        return None
    values = [d for d in digits if d is not None]
    total = 0
    for i, value in enumerate(values):
        # Subtractive reading: a smaller digit before a larger one counts negative.
        total += -value if i + 1 < len(values) and value < values[i + 1] else value
    return total if 1 <= total <= ROMAN_MAX else None


def from_roman(s: str) -> int:
    """Return the value of a canonical Roman numeral: ``from_roman("XLIV") == 44``.

    Only the canonical uppercase form is accepted, so that a resolution number typed as "XXXXIV" or "xliv" is
    reported instead of silently normalised.
    """
    if not isinstance(s, str):
        raise DataError(f"Oczekiwano liczby rzymskiej jako tekstu, otrzymano {s!r}")
    if s == "":
        raise DataError("Pusty tekst nie jest liczbą rzymską")
    if is_roman(s):
        total, i = 0, 0
        for value, symbol in _ROMAN_TABLE:
            while s.startswith(symbol, i):
                total += value
                i += len(symbol)
        return total
    raise DataError(f"„{s}” nie jest poprawną liczbą rzymską ({_roman_advice(s)})")


def _roman_advice(s: str) -> str:
    """Say what is wrong: the canonical form when the value can be guessed, else the offending characters."""
    guess = _lenient_roman_value(s.strip())
    if guess is not None:
        return f"poprawnie: {to_roman(guess)}"
    bad = sorted({ch for ch in s if ch.upper() not in _ROMAN_DIGITS})
    if bad:
        shown = ", ".join(f"„{ch}”" for ch in bad)
        return f"niedozwolone znaki: {shown}; dozwolone: I, V, X, L, C, D, M"
    return f"dozwolone wartości 1–{ROMAN_MAX}"


def to_letter(n: int) -> str:
    """Return the letter marking the ``n``-th litera: 1 → "a", 26 → "z", 27 → "za", 52 → "zz", 53 → "zza"."""
    n = _require_int(n, "Numer litery")
    if n < 1:
        raise DataError(f"Numer litery musi być dodatni, otrzymano {n}")
    # § 57 ZTP: after "z" the sequence restarts with a "z" prefix (za, zb, …), never "aa" or Polish letters.
    prefix, index = divmod(n - 1, len(_LATIN))
    return "z" * prefix + _LATIN[index]


def from_letter(s: str) -> int:
    """Inverse of :func:`to_letter`: ``from_letter("zb") == 28``; only lowercase Latin letters are accepted."""
    if not isinstance(s, str):
        raise DataError(f"Oczekiwano oznaczenia litery jako tekstu, otrzymano {s!r}")
    if _LETTER_FORM.fullmatch(s):
        return (len(s) - 1) * len(_LATIN) + _LATIN.index(s[-1]) + 1
    if s == "":
        raise DataError("Puste oznaczenie litery")
    message = f"„{s}” nie jest poprawnym oznaczeniem litery"
    polish = sorted({ch for ch in s.lower() if ch in _POLISH_ONLY})
    if polish:
        raise DataError(f"{message}: litery {', '.join(polish)} nie są używane do oznaczania liter (§ 57 ZTP)")
    if _LETTER_FORM.fullmatch(s.lower()):
        raise DataError(f"{message} (poprawnie: {s.lower()})")
    raise DataError(f"{message} (oczekiwano a, b, … z, za, zb, … zz, zza, …)")


def to_decimal(value: Decimal | int | float | str) -> Decimal:
    """An amount as a Decimal, exactly as written (a float through its shortest text); a DataError otherwise."""
    if isinstance(value, bool):
        raise DataError(f"Oczekiwano kwoty, otrzymano {value!r}")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        # str() gives the shortest decimal that round-trips, so 2.675 rounds as the clerk typed it.
        number = Decimal(str(value))
    elif isinstance(value, str):
        text = value.strip().replace(NBSP, "").replace(" ", "")
        if "," in text and "." in text:
            raise DataError(f"Niejednoznaczna kwota „{value}”: użyj jednego separatora dziesiętnego")
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise DataError(f"„{value}” nie jest poprawną kwotą") from None
    else:
        raise DataError(f"Oczekiwano kwoty, otrzymano {value!r}")
    if not number.is_finite():
        raise DataError(f"„{value}” nie jest poprawną kwotą")
    return number


def _group(digits: str) -> str:
    """Insert NO-BREAK SPACE every three digits from the right (a line must not split a number)."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return NBSP.join(groups)


def format_amount(value: Decimal | int | float | str, currency: str = "zł") -> str:
    """Return an amount as Polish documents print it: ``format_amount(1234.5) == "1 234,50 zł"`` (NBSPs).

    Amounts are grouped from 1 000 up (financial tables align digits), unlike :func:`format_integer`.
    Negative amounts use the hyphen-minus "-" so that clerks can copy them into a spreadsheet. An empty
    ``currency`` returns the number alone.
    """
    try:
        number = to_decimal(value).quantize(_GROSZ, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the decimal context holds
        raise DataError(f"Kwota „{value}” jest za duża") from None
    sign = "-" if number < 0 else ""  # "-0.00" after rounding prints as "0,00"
    whole, _, grosze = f"{abs(number):f}".partition(".")
    text = f"{sign}{_group(whole)},{grosze}"
    return f"{text}{NBSP}{currency}" if currency else text


def format_integer(n: int | str) -> str:
    """Return an integer with NO-BREAK SPACE groups from 10 000 up: "2014", "9999", "10 000", "-12 345".

    Polish typesetting does not group four-digit numbers (years, "1500 osób").
    """
    if isinstance(n, str) and re.fullmatch(r"-?\d+", n.strip()):
        n = int(n.strip())
    n = _require_int(n, "Liczba")
    digits = str(abs(n))
    body = digits if len(digits) <= 4 else _group(digits)
    return f"-{body}" if n < 0 else body


def format_decimal(value: Decimal | int | float | None, missing: str = "–") -> str:
    """"1234" → "1234", "12345.5" → "12 345,5" (Polish: decimal comma; groups from 10 000)."""
    if value is None:
        return missing
    value = Decimal(str(value))
    whole = int(value)
    fraction = abs(value - whole)
    text = format_integer(whole) if whole or value >= 0 else "-" + format_integer(abs(whole))
    if fraction:
        digits = format(fraction.normalize(), "f").split(".")[1]
        text = ("-" if value < 0 and whole == 0 else "") + text + "," + digits
    return text


def format_percent(value: Decimal | None) -> str:
    return "–" if value is None else format_decimal(value) + "%"
