"""Numbers in words and nouns after numbers, by the rules of Polish grammar.

Contract (pure functions; invalid input raises :class:`paldocs.errors.DataError` with a Polish message):

- :func:`plural_form` — the noun form after an integer: ``one`` for exactly 1; ``few`` when the last digit is
  2–4 and the last two digits are not 12–14 (2, 3, 4, 22, 34, 102, 1002); ``many`` otherwise (0, 5–21, 25,
  100, 101, 111–114, 1001 — "1001 zadań": only the number 1 itself takes the singular). Negative numbers
  follow their absolute value.
- :func:`format_count` — "5 osób", "2 dzieci", "12 345 uczestników": the number as
  :func:`paldocs.polish.numerals.format_integer` writes it, a NO-BREAK SPACE, the noun in the agreeing form.
  Nouns come from a tested built-in table (:data:`NOUN_FORMS`) or, for other nouns, from morfeusz2 (loaded
  lazily); after 2–4, masculine-personal nouns ("uczestnik") and nouns taking collective numerals
  ("dziecko") stand in the genitive plural ("dwóch uczestników", "dwoje dzieci"). Fractions are refused:
  after a fraction the noun is a genitive singular ("2,5 osoby"), which a template should write itself.
- :func:`number_in_words` — 0 … 999 999 999 999: "dwa tysiące", "sto jeden tysięcy", "milion"; a lone
  thousand / million / billion is "tysiąc" / "milion" / "miliard", never "jeden tysiąc".
- :func:`amount_in_words` — "sto dwadzieścia trzy złote czterdzieści pięć groszy", rounded half up to
  grosze like :func:`paldocs.polish.numerals.format_amount`. ``grosze="words"`` (default) writes grosze in
  words and leaves out zero grosze ("sto złotych"); ``grosze="fraction"`` writes them as the "słownie" line
  of payment documents does, always: "sto złotych 00/100", "… złote 45/100". Negative amounts are refused.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from typing import Literal

from paldocs.errors import DataError
from paldocs.polish import inflection
from paldocs.polish.numerals import NBSP, to_decimal, format_integer

__all__ = ["NOUN_FORMS", "amount_in_words", "format_count", "noun_forms", "number_in_words", "plural_form"]

WORDS_MAX = 999_999_999_999

# lemma → (after 1, after 2–4, after 0 and 5+): checked by hand against Polish grammar, see the tests.
NOUN_FORMS: dict[str, tuple[str, str, str]] = {
    "zadanie": ("zadanie", "zadania", "zadań"),
    "działanie": ("działanie", "działania", "działań"),
    "osoba": ("osoba", "osoby", "osób"),
    "uczestnik": ("uczestnik", "uczestników", "uczestników"),  # masculine personal: "dwóch uczestników"
    "uczestniczka": ("uczestniczka", "uczestniczki", "uczestniczek"),
    "rodzina": ("rodzina", "rodziny", "rodzin"),
    "spotkanie": ("spotkanie", "spotkania", "spotkań"),
    "szkolenie": ("szkolenie", "szkolenia", "szkoleń"),
    "wydarzenie": ("wydarzenie", "wydarzenia", "wydarzeń"),
    "projekt": ("projekt", "projekty", "projektów"),
    "wskaźnik": ("wskaźnik", "wskaźniki", "wskaźników"),
    "cel": ("cel", "cele", "celów"),
    "rok": ("rok", "lata", "lat"),
    "dzień": ("dzień", "dni", "dni"),
    "miesiąc": ("miesiąc", "miesiące", "miesięcy"),
    "złoty": ("złoty", "złote", "złotych"),
    "grosz": ("grosz", "grosze", "groszy"),
    "godzina": ("godzina", "godziny", "godzin"),
    "warsztat": ("warsztat", "warsztaty", "warsztatów"),
    "dziecko": ("dziecko", "dzieci", "dzieci"),  # collective numeral: "dwoje dzieci", "pięcioro dzieci"
}

_UNITS = ("zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć",
          "dziesięć", "jedenaście", "dwanaście", "trzynaście", "czternaście", "piętnaście", "szesnaście",
          "siedemnaście", "osiemnaście", "dziewiętnaście")
_TENS = ("", "", "dwadzieścia", "trzydzieści", "czterdzieści", "pięćdziesiąt", "sześćdziesiąt",
         "siedemdziesiąt", "osiemdziesiąt", "dziewięćdziesiąt")
_HUNDREDS = ("", "sto", "dwieście", "trzysta", "czterysta", "pięćset", "sześćset", "siedemset", "osiemset",
             "dziewięćset")
# Largest first: (value, forms after 1 / 2–4 / other).
_SCALES = ((10**9, ("miliard", "miliardy", "miliardów")), (10**6, ("milion", "miliony", "milionów")),
           (10**3, ("tysiąc", "tysiące", "tysięcy")))

_GROSZ = Decimal("0.01")


def _integer(n: object, what: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise DataError(f"{what}: oczekiwano liczby całkowitej, otrzymano {n!r}")
    return n


def plural_form(n: int, one: str, few: str, many: str) -> str:
    """Return the noun form that agrees with ``n``: ``plural_form(22, "zadanie", "zadania", "zadań")`` →
    "zadania". Used in templates as ``{{ n | plural("zadanie", "zadania", "zadań") }}``."""
    n = abs(_integer(n, "Liczba"))
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def noun_forms(noun: str) -> tuple[str, str, str]:
    """The forms of ``noun`` (a lemma) after 1, after 2–4 and after 5: from :data:`NOUN_FORMS`, else morfeusz2."""
    if noun in NOUN_FORMS:
        return NOUN_FORMS[noun]
    return _dictionary_forms(noun)


@cache
def _dictionary_forms(noun: str) -> tuple[str, str, str]:
    advice = "użyj filtra plural z formami podanymi wprost"
    try:
        dictionary = inflection.morfeusz()  # lazy: the first call loads the dictionary
    except ImportError:
        raise DataError(f"Nie można odmienić rzeczownika „{noun}”: brak biblioteki morfeusz2 — {advice}") from None
    forms: dict[tuple[str, str], dict[str, None]] = {}
    personal = False
    for orth, lemma, tag, _names, styles in dictionary.generate(noun):
        parts = [set(p.split(".")) for p in tag.split(":")]
        if lemma.split(":")[0] != noun or parts[0] != {"subst"} or len(parts) < 4 or styles:
            continue
        personal |= "m1" in parts[3] or (len(parts) > 4 and "col" in parts[4])
        for number in parts[1]:
            for case in parts[2] & {"nom", "gen"}:
                forms.setdefault((number, case), {})[orth] = None
    chosen = [list(forms.get(key, {})) for key in (("sg", "nom"), ("pl", "nom"), ("pl", "gen"))]
    if any(len(options) != 1 for options in chosen):
        raise DataError(f"Nie można jednoznacznie odmienić rzeczownika „{noun}” po liczebniku — {advice}")
    one, few, many = (options[0] for options in chosen)
    return (one, many if personal else few, many)


def format_count(n: int | Decimal | float, noun: str) -> str:
    """Return a count with its noun: ``format_count(5, "osoba")`` → "5 osób" (NO-BREAK SPACE after the number)."""
    if isinstance(n, bool):
        raise DataError(f"Liczba: oczekiwano liczby całkowitej, otrzymano {n!r}")
    if isinstance(n, (Decimal, float)):
        exact = Decimal(str(n)) if isinstance(n, float) else n
        if not exact.is_finite() or exact % 1 != 0:
            raise DataError(f"Liczba {n} nie jest całkowita: po ułamku rzeczownik stoi w dopełniaczu liczby "
                            "pojedynczej („2,5 osoby”) — wpisz ten tekst wprost")
        n = int(n)
    n = _integer(n, "Liczba")
    return f"{format_integer(n)}{NBSP}{plural_form(n, *noun_forms(noun))}"


def _below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = [_HUNDREDS[hundreds]] if hundreds else []
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(_TENS[tens])
        if units:
            words.append(_UNITS[units])
    elif rest:
        words.append(_UNITS[rest])
    return words


def number_in_words(n: int) -> str:
    """Return ``n`` (0 … 999 999 999 999) in words: 2022 → "dwa tysiące dwadzieścia dwa"."""
    n = _integer(n, "Liczba")
    if not 0 <= n <= WORDS_MAX:
        raise DataError(f"Liczby {n} nie można zapisać słownie (dozwolone 0–{format_integer(WORDS_MAX)})")
    if n == 0:
        return _UNITS[0]
    words: list[str] = []
    for value, forms in _SCALES:
        count, n = divmod(n, value)
        if count:
            words += ([] if count == 1 else _below_thousand(count)) + [plural_form(count, *forms)]
    words += _below_thousand(n)
    return " ".join(words)


def amount_in_words(value: Decimal | int | str, grosze: Literal["words", "fraction"] = "words") -> str:
    """Return an amount in words: ``amount_in_words("123.45")`` → "sto dwadzieścia trzy złote czterdzieści
    pięć groszy"; ``grosze="fraction"`` → "sto dwadzieścia trzy złote 45/100"."""
    if grosze not in ("words", "fraction"):
        raise DataError(f"Nieznany sposób zapisu groszy „{grosze}” (dozwolone: words, fraction)")
    try:
        number = to_decimal(value).quantize(_GROSZ, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise DataError(f"Kwota „{value}” jest za duża") from None
    if number < 0:
        raise DataError(f"Kwoty ujemnej {value} nie zapisuje się słownie")
    zloty, gr = divmod(int(number * 100), 100)
    if zloty > WORDS_MAX:
        raise DataError(f"Kwoty {value} nie można zapisać słownie (najwyżej {format_integer(WORDS_MAX)} zł)")
    text = f"{number_in_words(zloty)} {plural_form(zloty, *NOUN_FORMS['złoty'])}"
    if grosze == "fraction":
        return f"{text} {gr:02d}/100"
    if gr:
        text += f" {number_in_words(gr)} {plural_form(gr, *NOUN_FORMS['grosz'])}"
    return text
