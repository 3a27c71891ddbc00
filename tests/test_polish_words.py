"""Tables for paldocs.polish.words: plural agreement, counts, numbers and amounts in words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from paldocs.errors import DataError
from paldocs.polish import JINJA_FILTERS
from paldocs.polish.words import NOUN_FORMS, amount_in_words, format_count, number_in_words, plural_form

NB = "\u00a0"

# --- plural agreement ------------------------------------------------------------------------------------------

ONE, FEW, MANY = "zadanie", "zadania", "zadań"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, MANY), (1, ONE), (2, FEW), (3, FEW), (4, FEW), (5, MANY), (10, MANY), (11, MANY), (12, MANY),
        (13, MANY), (14, MANY), (15, MANY), (20, MANY), (21, MANY), (22, FEW), (24, FEW), (25, MANY),
        (32, FEW), (100, MANY), (101, MANY), (102, FEW), (104, FEW), (111, MANY), (112, MANY), (114, MANY),
        (122, FEW), (1000, MANY), (1001, MANY), (1002, FEW), (1012, MANY), (1_000_000, MANY),
        (1_000_002, FEW), (-1, ONE), (-2, FEW), (-5, MANY),
    ],
)  # fmt: skip
def test_plural_form(n: int, expected: str) -> None:
    assert plural_form(n, ONE, FEW, MANY) == expected


@pytest.mark.parametrize("n", [1.0, "2", True, None])
def test_plural_form_needs_an_integer(n: object) -> None:
    with pytest.raises(DataError, match="oczekiwano liczby całkowitej"):
        plural_form(n, ONE, FEW, MANY)  # type: ignore[arg-type]


# --- counts ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noun", "one", "few", "many"),
    [
        ("zadanie", "zadanie", "zadania", "zadań"),
        ("działanie", "działanie", "działania", "działań"),
        ("osoba", "osoba", "osoby", "osób"),
        ("uczestnik", "uczestnik", "uczestników", "uczestników"),
        ("uczestniczka", "uczestniczka", "uczestniczki", "uczestniczek"),
        ("rodzina", "rodzina", "rodziny", "rodzin"),
        ("spotkanie", "spotkanie", "spotkania", "spotkań"),
        ("szkolenie", "szkolenie", "szkolenia", "szkoleń"),
        ("wydarzenie", "wydarzenie", "wydarzenia", "wydarzeń"),
        ("projekt", "projekt", "projekty", "projektów"),
        ("wskaźnik", "wskaźnik", "wskaźniki", "wskaźników"),
        ("cel", "cel", "cele", "celów"),
        ("rok", "rok", "lata", "lat"),
        ("dzień", "dzień", "dni", "dni"),
        ("miesiąc", "miesiąc", "miesiące", "miesięcy"),
        ("złoty", "złoty", "złote", "złotych"),
        ("grosz", "grosz", "grosze", "groszy"),
        ("godzina", "godzina", "godziny", "godzin"),
        ("warsztat", "warsztat", "warsztaty", "warsztatów"),
        ("dziecko", "dziecko", "dzieci", "dzieci"),
    ],
)
def test_format_count_table(noun: str, one: str, few: str, many: str) -> None:
    assert format_count(1, noun) == f"1{NB}{one}"
    assert format_count(2, noun) == f"2{NB}{few}"
    assert format_count(5, noun) == f"5{NB}{many}"
    assert format_count(22, noun) == f"22{NB}{few}"
    assert format_count(12, noun) == f"12{NB}{many}"


def test_the_table_covers_the_nouns_documents_need() -> None:
    assert len(NOUN_FORMS) == 20


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [
        (0, "osoba", f"0{NB}osób"),
        (1001, "zadanie", f"1001{NB}zadań"),
        (1002, "osoba", f"1002{NB}osoby"),
        (12_345, "uczestnik", f"12{NB}345{NB}uczestników"),
        (Decimal("3"), "rodzina", f"3{NB}rodziny"),
        (4.0, "spotkanie", f"4{NB}spotkania"),
    ],
)
def test_format_count(n: int, noun: str, expected: str) -> None:
    assert format_count(n, noun) == expected


@pytest.mark.parametrize(
    ("noun", "one", "few", "many"),
    [
        ("kurs", "kurs", "kursy", "kursów"),
        ("ankieta", "ankieta", "ankiety", "ankiet"),
        ("beneficjent", "beneficjent", "beneficjentów", "beneficjentów"),  # masculine personal
    ],
)
def test_format_count_from_the_dictionary(noun: str, one: str, few: str, many: str) -> None:
    pytest.importorskip("morfeusz2")
    assert [format_count(n, noun) for n in (1, 3, 7)] == [f"1{NB}{one}", f"3{NB}{few}", f"7{NB}{many}"]


@pytest.mark.parametrize("noun", ["wolontariusz", "xyzabc"])  # wolontariuszy / wolontariuszów; unknown
def test_format_count_refuses_to_guess(noun: str) -> None:
    pytest.importorskip("morfeusz2")
    with pytest.raises(DataError, match="użyj filtra plural z formami podanymi wprost"):
        format_count(5, noun)


@pytest.mark.parametrize("n", [2.5, Decimal("0.5"), Decimal("NaN")])
def test_format_count_refuses_fractions(n: object) -> None:
    with pytest.raises(DataError, match="nie jest całkowita.*„2,5 osoby”"):
        format_count(n, "osoba")  # type: ignore[arg-type]


@pytest.mark.parametrize("n", [True, "5", None])
def test_format_count_needs_a_number(n: object) -> None:
    with pytest.raises(DataError, match="oczekiwano liczby całkowitej"):
        format_count(n, "osoba")  # type: ignore[arg-type]


# --- numbers in words ------------------------------------------------------------------------------------------

NUMBERS = [
    (0, "zero"), (1, "jeden"), (2, "dwa"), (3, "trzy"), (4, "cztery"), (5, "pięć"), (6, "sześć"),
    (7, "siedem"), (8, "osiem"), (9, "dziewięć"), (10, "dziesięć"), (11, "jedenaście"), (12, "dwanaście"),
    (13, "trzynaście"), (14, "czternaście"), (15, "piętnaście"), (16, "szesnaście"), (17, "siedemnaście"),
    (18, "osiemnaście"), (19, "dziewiętnaście"), (20, "dwadzieścia"), (21, "dwadzieścia jeden"),
    (30, "trzydzieści"), (40, "czterdzieści"), (45, "czterdzieści pięć"), (50, "pięćdziesiąt"),
    (60, "sześćdziesiąt"), (70, "siedemdziesiąt"), (80, "osiemdziesiąt"), (99, "dziewięćdziesiąt dziewięć"),
    (100, "sto"), (101, "sto jeden"), (110, "sto dziesięć"), (119, "sto dziewiętnaście"), (200, "dwieście"),
    (300, "trzysta"), (400, "czterysta"), (500, "pięćset"), (600, "sześćset"), (700, "siedemset"),
    (800, "osiemset"), (900, "dziewięćset"), (999, "dziewięćset dziewięćdziesiąt dziewięć"),
    (1000, "tysiąc"), (1001, "tysiąc jeden"), (1100, "tysiąc sto"), (2000, "dwa tysiące"),
    (2014, "dwa tysiące czternaście"), (4000, "cztery tysiące"), (5000, "pięć tysięcy"),
    (12_000, "dwanaście tysięcy"), (21_000, "dwadzieścia jeden tysięcy"), (22_000, "dwadzieścia dwa tysiące"),
    (101_000, "sto jeden tysięcy"), (102_000, "sto dwa tysiące"), (112_000, "sto dwanaście tysięcy"),
    (1_000_000, "milion"), (1_000_001, "milion jeden"), (2_000_000, "dwa miliony"), (5_000_000, "pięć milionów"),
    (22_500_000, "dwadzieścia dwa miliony pięćset tysięcy"), (1_000_000_000, "miliard"),
    (3_000_000_000, "trzy miliardy"), (1_001_001_001, "miliard milion tysiąc jeden"),
    (999_999_999_999, "dziewięćset dziewięćdziesiąt dziewięć miliardów dziewięćset dziewięćdziesiąt dziewięć "
                      "milionów dziewięćset dziewięćdziesiąt dziewięć tysięcy dziewięćset dziewięćdziesiąt dziewięć"),
]  # fmt: skip


@pytest.mark.parametrize(("n", "words"), NUMBERS)
def test_number_in_words(n: int, words: str) -> None:
    assert number_in_words(n) == words


@pytest.mark.parametrize(("n", "fragment"), [(-1, "dozwolone 0–"), (10**12, "dozwolone 0–"),
                                             (1.0, "całkowitej"), ("5", "całkowitej"), (True, "całkowitej")])
def test_number_in_words_rejects(n: object, fragment: str) -> None:
    with pytest.raises(DataError, match=fragment):
        number_in_words(n)  # type: ignore[arg-type]


# --- amounts in words ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "words", "fraction"),
    [
        ("123.45", "sto dwadzieścia trzy złote czterdzieści pięć groszy", "sto dwadzieścia trzy złote 45/100"),
        (1, "jeden złoty", "jeden złoty 00/100"),
        (2, "dwa złote", "dwa złote 00/100"),
        (5, "pięć złotych", "pięć złotych 00/100"),
        (12, "dwanaście złotych", "dwanaście złotych 00/100"),
        (21, "dwadzieścia jeden złotych", "dwadzieścia jeden złotych 00/100"),
        (22, "dwadzieścia dwa złote", "dwadzieścia dwa złote 00/100"),
        (0, "zero złotych", "zero złotych 00/100"),
        ("0.01", "zero złotych jeden grosz", "zero złotych 01/100"),
        ("1.02", "jeden złoty dwa grosze", "jeden złoty 02/100"),
        ("2.12", "dwa złote dwanaście groszy", "dwa złote 12/100"),
        ("100.00", "sto złotych", "sto złotych 00/100"),
        ("1 234,56", "tysiąc dwieście trzydzieści cztery złote pięćdziesiąt sześć groszy",
         "tysiąc dwieście trzydzieści cztery złote 56/100"),
        (Decimal("2.675"), "dwa złote sześćdziesiąt osiem groszy", "dwa złote 68/100"),  # half up
        ("0.005", "zero złotych jeden grosz", "zero złotych 01/100"),
        ("1000000", "milion złotych", "milion złotych 00/100"),
        ("2000000.99", "dwa miliony złotych dziewięćdziesiąt dziewięć groszy", "dwa miliony złotych 99/100"),
        ("15000", "piętnaście tysięcy złotych", "piętnaście tysięcy złotych 00/100"),
        ("999999999999.99", None, None),
    ],
)
def test_amount_in_words(value: object, words: str | None, fraction: str | None) -> None:
    if words is None:  # the largest amount: just that it works and ends right
        ending = "dziewięćdziesiąt dziewięć złotych dziewięćdziesiąt dziewięć groszy"
        assert amount_in_words(value).endswith(ending)  # type: ignore[arg-type]
        return
    assert amount_in_words(value) == words  # type: ignore[arg-type]
    assert amount_in_words(value, grosze="fraction") == fraction  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "kwargs", "fragment"),
    [
        ("-1", {}, "ujemnej"),
        ("1000000000000", {}, "nie można zapisać słownie"),
        ("abc", {}, "nie jest poprawną kwotą"),
        ("1,5.0", {}, "Niejednoznaczna kwota"),
        (True, {}, "Oczekiwano kwoty"),
        ("1", {"grosze": "cyfry"}, "Nieznany sposób zapisu groszy"),
    ],
)
def test_amount_in_words_rejects(value: object, kwargs: dict[str, str], fragment: str) -> None:
    with pytest.raises(DataError, match=fragment):
        amount_in_words(value, **kwargs)  # type: ignore[arg-type]


# --- Jinja filters ---------------------------------------------------------------------------------------------


def test_filters_are_registered() -> None:
    assert JINJA_FILTERS["amount_words"]("2.50") == "dwa złote pięćdziesiąt groszy"
    assert JINJA_FILTERS["count"](5, "osoba") == f"5{NB}osób"
    assert JINJA_FILTERS["plural"](3, "zadanie", "zadania", "zadań") == "zadania"
