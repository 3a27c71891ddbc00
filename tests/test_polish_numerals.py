"""Tables for paldocs.polish.numerals: Roman numerals, letters of litery, amounts, integers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from paldocs.errors import DataError
from paldocs.polish.numerals import (
    format_amount,
    format_integer,
    from_letter,
    from_roman,
    is_roman,
    to_letter,
    to_roman,
)

NB = "\u00a0"


# --- Roman numerals -------------------------------------------------------------------------------------------


def test_roman_round_trip_1_to_3999() -> None:
    seen: set[str] = set()
    for n in range(1, 4000):
        roman = to_roman(n)
        assert from_roman(roman) == n
        assert is_roman(roman)
        seen.add(roman)
    assert len(seen) == 3999


@pytest.mark.parametrize(
    ("n", "roman"),
    [
        (1, "I"),
        (4, "IV"),
        (9, "IX"),
        (14, "XIV"),
        (40, "XL"),
        (44, "XLIV"),
        (50, "L"),
        (64, "LXIV"),
        (90, "XC"),
        (400, "CD"),
        (900, "CM"),
        (1994, "MCMXCIV"),
        (2014, "MMXIV"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_to_roman(n: int, roman: str) -> None:
    assert to_roman(n) == roman
    assert from_roman(roman) == n


@pytest.mark.parametrize(
    ("value", "fragment"),
    [(0, "1–3999"), (-1, "1–3999"), (4000, "1–3999"), (True, "całkowitej"), ("5", "całkowitej"), (5.0, "całkowitej")],
)
def test_to_roman_rejects(value: object, fragment: str) -> None:
    with pytest.raises(DataError, match=fragment):
        to_roman(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("IIII", "„IIII” nie jest poprawną liczbą rzymską (poprawnie: IV)"),
        ("VX", "nie jest poprawną liczbą rzymską"),
        ("IC", "(poprawnie: XCIX)"),
        ("", "Pusty tekst nie jest liczbą rzymską"),
        ("xliv", "(poprawnie: XLIV)"),
        ("Xiv", "(poprawnie: XIV)"),
        ("IIV", "nie jest poprawną liczbą rzymską"),
        ("XIIX", "(poprawnie: XX)"),
        ("VV", "(poprawnie: X)"),
        ("LL", "(poprawnie: C)"),
        ("IL", "(poprawnie: XLIX)"),
        ("XM", "(poprawnie: CMXC)"),
        ("MMMM", "dozwolone wartości 1–3999"),
        ("ABC", "niedozwolone znaki: „A”, „B”"),
        ("X I", "niedozwolone znaki"),
        ("LXIV/400", "niedozwolone znaki"),
    ],
)
def test_from_roman_rejects(text: str, fragment: str) -> None:
    with pytest.raises(DataError) as info:
        from_roman(text)
    assert fragment in info.value.message


def test_from_roman_rejects_non_text() -> None:
    with pytest.raises(DataError, match="tekstu"):
        from_roman(14)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I", True), ("MMXIV", True), ("LXIV", True),
        ("", False), ("iv", False), ("IIII", False), ("ABC", False), (None, False),
    ],  # fmt: skip
)
def test_is_roman(text: object, expected: bool) -> None:
    assert is_roman(text) is expected  # type: ignore[arg-type]


# --- letters (§ 57 ZTP) -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "letter"),
    [
        (1, "a"), (2, "b"), (12, "l"), (13, "m"), (26, "z"),
        (27, "za"), (28, "zb"), (52, "zz"), (53, "zza"), (78, "zzz"), (79, "zzza"),
    ],  # fmt: skip
)
def test_to_letter(n: int, letter: str) -> None:
    assert to_letter(n) == letter
    assert from_letter(letter) == n


def test_letters_round_trip_and_stay_latin() -> None:
    letters = [to_letter(n) for n in range(1, 501)]
    assert len(set(letters)) == 500
    for n, letter in enumerate(letters, start=1):
        assert from_letter(letter) == n
        assert letter.isascii() and letter.islower()
        assert not set(letter) & set("ąćęłńóśźż")


@pytest.mark.parametrize(
    ("value", "fragment"), [(0, "dodatni"), (-3, "dodatni"), (True, "całkowitej"), ("a", "całkowitej")]
)
def test_to_letter_rejects(value: object, fragment: str) -> None:
    with pytest.raises(DataError, match=fragment):
        to_letter(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Puste oznaczenie litery"),
        ("ą", "§ 57 ZTP"),
        ("ż", "§ 57 ZTP"),
        ("A", "(poprawnie: a)"),
        ("ZB", "(poprawnie: zb)"),
        ("aa", "oczekiwano a, b"),
        ("az", "oczekiwano a, b"),
        ("a)", "oczekiwano a, b"),
        ("1", "oczekiwano a, b"),
    ],
)
def test_from_letter_rejects(text: str, fragment: str) -> None:
    with pytest.raises(DataError) as info:
        from_letter(text)
    assert fragment in info.value.message


# --- amounts ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, f"0,00{NB}zł"),
        (5, f"5,00{NB}zł"),
        (999, f"999,00{NB}zł"),
        (1000, f"1{NB}000,00{NB}zł"),
        (Decimal("1234.5"), f"1{NB}234,50{NB}zł"),
        (1234.5, f"1{NB}234,50{NB}zł"),
        (Decimal("1234567.891"), f"1{NB}234{NB}567,89{NB}zł"),
        ("1234567.891", f"1{NB}234{NB}567,89{NB}zł"),
        (Decimal("1234567.895"), f"1{NB}234{NB}567,90{NB}zł"),
        (Decimal("0.005"), f"0,01{NB}zł"),
        (Decimal("0.004"), f"0,00{NB}zł"),
        (2.675, f"2,68{NB}zł"),
        (-1234.5, f"-1{NB}234,50{NB}zł"),
        (Decimal("-0.005"), f"-0,01{NB}zł"),
        ("-0.001", f"0,00{NB}zł"),
        ("1234.56", f"1{NB}234,56{NB}zł"),
        ("1234,56", f"1{NB}234,56{NB}zł"),
        (f"1{NB}234,56", f"1{NB}234,56{NB}zł"),
        (" 12 000 ", f"12{NB}000,00{NB}zł"),
        (Decimal("1E+3"), f"1{NB}000,00{NB}zł"),
        (100000000, f"100{NB}000{NB}000,00{NB}zł"),
    ],
)
def test_format_amount(value: Decimal | int | float | str, expected: str) -> None:
    assert format_amount(value) == expected


@pytest.mark.parametrize(("currency", "expected"), [("zł", f"12,30{NB}zł"), ("EUR", f"12,30{NB}EUR"), ("", "12,30")])
def test_format_amount_currency(currency: str, expected: str) -> None:
    assert format_amount(Decimal("12.3"), currency) == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("abc", "nie jest poprawną kwotą"),
        ("", "nie jest poprawną kwotą"),
        ("1,234.56", "Niejednoznaczna kwota"),
        ("NaN", "nie jest poprawną kwotą"),
        (Decimal("Infinity"), "nie jest poprawną kwotą"),
        ("1E+30", "za duża"),
        (None, "Oczekiwano kwoty"),
        (True, "Oczekiwano kwoty"),
    ],
)
def test_format_amount_rejects(value: object, fragment: str) -> None:
    with pytest.raises(DataError, match=fragment):
        format_amount(value)  # type: ignore[arg-type]


# --- integers ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (2014, "2014"),
        (9999, "9999"),
        (10000, f"10{NB}000"),
        (12345, f"12{NB}345"),
        (123456, f"123{NB}456"),
        (1234567, f"1{NB}234{NB}567"),
        (-2014, "-2014"),
        (-10000, f"-10{NB}000"),
        ("10000", f"10{NB}000"),
    ],
)
def test_format_integer(value: int | str, expected: str) -> None:
    assert format_integer(value) == expected


@pytest.mark.parametrize("value", [True, 1.5, "abc", "1 000", None])
def test_format_integer_rejects(value: object) -> None:
    with pytest.raises(DataError, match="całkowitej"):
        format_integer(value)  # type: ignore[arg-type]
