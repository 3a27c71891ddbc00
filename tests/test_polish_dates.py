"""Tables for paldocs.polish.dates: formatting and parsing dates as Polish documents write them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from paldocs.errors import DataError
from paldocs.polish.dates import (
    MONTH_FORMS,
    MONTHS_GENITIVE,
    MONTHS_NOMINATIVE,
    format_date,
    format_month_year,
    parse_date,
)

NB = "\u00a0"


def test_month_tables() -> None:
    assert len(MONTHS_GENITIVE) == len(MONTHS_NOMINATIVE) == 12
    assert MONTHS_GENITIVE[0] == "stycznia" and MONTHS_GENITIVE[11] == "grudnia"
    assert MONTHS_NOMINATIVE[3] == "kwiecień" and MONTHS_NOMINATIVE[8] == "wrzesień"
    assert set(MONTHS_GENITIVE) | set(MONTHS_NOMINATIVE) <= MONTH_FORMS
    assert {"listopadzie", "październiku", "lutym"} <= MONTH_FORMS


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2014, 4, 29), "29 kwietnia 2014 r."),
        (date(1990, 3, 8), "8 marca 1990 r."),
        (date(2016, 1, 1), "1 stycznia 2016 r."),
        (date(2016, 2, 29), "29 lutego 2016 r."),
        (date(2009, 9, 5), "5 września 2009 r."),
        (date(2020, 10, 31), "31 października 2020 r."),
        (date(2004, 12, 12), "12 grudnia 2004 r."),
        (datetime(2014, 5, 1, 12, 30), "1 maja 2014 r."),
    ],
)
def test_format_date(value: date, expected: str) -> None:
    assert format_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2016, 4, 1), "kwiecień 2016"),
        (date(2016, 4, 30), "kwiecień 2016"),
        (date(2017, 1, 15), "styczeń 2017"),
        (date(2015, 2, 1), "luty 2015"),
        (date(2015, 6, 1), "czerwiec 2015"),
        (date(2014, 10, 1), "październik 2014"),
        (date(2014, 12, 31), "grudzień 2014"),
    ],
)
def test_format_month_year(value: date, expected: str) -> None:
    assert format_month_year(value) == expected


@pytest.mark.parametrize("value", ["2014-04-29", None, 2014])
def test_format_rejects_non_dates(value: object) -> None:
    with pytest.raises(DataError, match="Oczekiwano daty"):
        format_date(value)  # type: ignore[arg-type]
    with pytest.raises(DataError, match="Oczekiwano daty"):
        format_month_year(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29 kwietnia 2014 r.", date(2014, 4, 29)),
        ("29 kwietnia 2014r.", date(2014, 4, 29)),
        ("29 kwietnia 2014", date(2014, 4, 29)),
        ("29 kwietnia 2014 r", date(2014, 4, 29)),
        (f"29{NB}kwietnia{NB}2014{NB}r.", date(2014, 4, 29)),
        ("29  kwietnia   2014  r.", date(2014, 4, 29)),
        ("  8 marca 1990 r. ", date(1990, 3, 8)),
        ("1 Maja 2014 r.", date(2014, 5, 1)),
        ("05 września 2009 r.", date(2009, 9, 5)),
        ("31 października 2020", date(2020, 10, 31)),
        ("25.03.2014r.", date(2014, 3, 25)),
        ("25.03.2014 r.", date(2014, 3, 25)),
        ("25.03.2014", date(2014, 3, 25)),
        ("5.3.2014", date(2014, 3, 5)),
        (f"25.03.2014{NB}r.", date(2014, 3, 25)),
        ("2014-03-25", date(2014, 3, 25)),
        ("29.02.2016", date(2016, 2, 29)),
        ("29 lutego 2016 r.", date(2016, 2, 29)),
        ("2016-02-29", date(2016, 2, 29)),
        ("29.02.2000", date(2000, 2, 29)),
        ("31.12.1999 r.", date(1999, 12, 31)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("31 lutego 2014", "luty 2014 r. ma 28 dni"),
        ("30.02.2014", "luty 2014 r. ma 28 dni"),
        ("29.02.2015", "luty 2015 r. ma 28 dni"),
        ("29 lutego 2015 r.", "luty 2015 r. ma 28 dni"),
        ("30.02.2016", "luty 2016 r. ma 29 dni"),
        ("29.02.1900", "luty 1900 r. ma 28 dni"),
        ("31 kwietnia 2014 r.", "kwiecień 2014 r. ma 30 dni"),
        ("2014-06-31", "czerwiec 2014 r. ma 30 dni"),
        ("32.01.2014", "styczeń 2014 r. ma 31 dni"),
        ("00.01.2014", "dzień miesiąca zaczyna się od 1"),
        ("13.13.2014", "nie ma miesiąca 13"),
        ("2014-00-10", "nie ma miesiąca 0"),
        ("0000-01-01", "rok musi być dodatni"),
        ("1 kwietnai 2014 r.", "czy chodziło o „kwietnia”?"),
        ("1 wrzesnia 2014 r.", "czy chodziło o „września”?"),
        ("1 pazdziernika 2014 r.", "czy chodziło o „października”?"),
        ("1 kwiecień 2014 r.", "w dopełniaczu: „kwietnia”"),
        ("1 foo 2014", "Nieznana nazwa miesiąca „foo”"),
        ("2014/03/25", "Nie rozpoznano daty"),
        ("25.03.14", "Nie rozpoznano daty"),
        ("kwiecień 2014", "Nie rozpoznano daty"),
        ("", "Nie rozpoznano daty"),
        ("29 kwietnia 2014 r. o", "Nie rozpoznano daty"),
    ],
)
def test_parse_date_rejects(text: str, fragment: str) -> None:
    with pytest.raises(DataError) as info:
        parse_date(text)
    assert fragment in info.value.message


def test_parse_date_rejects_non_text() -> None:
    with pytest.raises(DataError, match="jako tekstu"):
        parse_date(date(2014, 4, 29))  # type: ignore[arg-type]


def test_format_then_parse_every_day_of_a_leap_year() -> None:
    day = date(2016, 1, 1)
    while day.year == 2016:
        assert parse_date(format_date(day)) == day
        assert parse_date(day.strftime("%d.%m.%Y r.")) == day
        day += timedelta(days=1)
