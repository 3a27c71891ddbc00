"""Tables for paldocs.polish.typography: non-breaking spaces and Polish quotes (docs/domain.md § 7)."""

from __future__ import annotations

import pytest

from paldocs.polish.typography import NBSP, QUOTE_CLOSE, QUOTE_OPEN, apply_typography, normalize_spaces

NB = "\u00a0"

CASES: list[tuple[str, str]] = [
    # the legal basis of the seed resolution
    (
        "Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
        "(Dz. U. z 2013 r. poz. 594)",
        f"Na podstawie art.{NB}18 ust.{NB}2 pkt{NB}15 ustawy z{NB}dnia 8{NB}marca 1990{NB}r. o{NB}samorządzie gminnym "
        f"(Dz.{NB}U. z{NB}2013{NB}r. poz.{NB}594)",
    ),
    (
        "oraz art. 110 ust. 10 ustawy z dnia 12 marca 2004 r. o pomocy społecznej",
        f"oraz art.{NB}110 ust.{NB}10 ustawy z{NB}dnia 12{NB}marca 2004{NB}r. o{NB}pomocy społecznej",
    ),
    ("(Dz. U. z 2001 r. Nr 142, poz. 1591)", f"(Dz.{NB}U. z{NB}2001{NB}r. Nr{NB}142, poz.{NB}1591)"),
    ("(Dz. U. z 2024 r. poz. 1465 i 1572)", f"(Dz.{NB}U. z{NB}2024{NB}r. poz.{NB}1465 i{NB}1572)"),
    # one-letter words
    ("w sprawie przyjęcia", f"w{NB}sprawie przyjęcia"),
    ("Rada Miejska w Kętrzynie uchwala, co następuje:", f"Rada Miejska w{NB}Kętrzynie uchwala, co następuje:"),
    ("RADY MIEJSKIEJ W KĘTRZYNIE", f"RADY MIEJSKIEJ W{NB}KĘTRZYNIE"),
    ("dzieci i młodzieży a także osób", f"dzieci i{NB}młodzieży a{NB}także osób"),
    ("i w domu, i u sąsiadów", f"i{NB}w{NB}domu, i{NB}u{NB}sąsiadów"),
    ("O czym mowa", f"O{NB}czym mowa"),
    ("(w związku z art. 5)", f"(w{NB}związku z{NB}art.{NB}5)"),
    ("[z zastrzeżeniem]", f"[z{NB}zastrzeżeniem]"),
    ("kawa i herbata", f"kawa i{NB}herbata"),
    ("ze środków, we wsi, na drodze", "ze środków, we wsi, na drodze"),
    ("kawa a", "kawa a"),
    ("Kasia z.", "Kasia z."),
    ("lit. a i b", f"lit.{NB}a{NB}i{NB}b"),
    ("J. Kowalski", "J. Kowalski"),
    ("Rozdział I Wstęp", f"Rozdział I{NB}Wstęp"),
    # paragraph sign and abbreviations
    ("§ 1. Przyjmuje się program.", f"§{NB}1. Przyjmuje się program."),
    ("zgodnie z § 12 ust. 3", f"zgodnie z{NB}§{NB}12 ust.{NB}3"),
    ("§ a", "§ a"),
    ("Art. 5a ust. 1 pkt 2 lit. b", f"Art.{NB}5a ust.{NB}1 pkt{NB}2 lit.{NB}b"),
    ("UCHWAŁA NR LXIV/400/14", f"UCHWAŁA NR{NB}LXIV/400/14"),
    ("Uchwała nr XXXI/424/2009", f"Uchwała nr{NB}XXXI/424/2009"),
    ("Załącznik do Uchwały Nr …", f"Załącznik do Uchwały Nr{NB}…"),
    ("poz. ....", f"poz.{NB}...."),
    ("start. 5 hart. 6 spkt 7", "start. 5 hart. 6 spkt 7"),
    ("Dz. Urz. Woj.", "Dz. Urz. Woj."),
    ("art. - uchylony", "art. - uchylony"),
    # years, days and months
    ("z dnia 29 kwietnia 2014 r.", f"z{NB}dnia 29{NB}kwietnia 2014{NB}r."),
    ("z dnia … r.", f"z{NB}dnia …{NB}r."),
    ("od 1 maja do 31 grudnia", f"od 1{NB}maja do 31{NB}grudnia"),
    ("Z DNIA 29 KWIETNIA 2014 R.", f"Z{NB}DNIA 29{NB}KWIETNIA 2014 R."),
    ("w listopadzie, 5 listopadzie", f"w{NB}listopadzie, 5{NB}listopadzie"),
    ("Kętrzyn, kwiecień 2016", "Kętrzyn, kwiecień 2016"),
    ("123 maja 12345 r. 1990 rok", "123 maja 12345 r. 1990 rok"),
    ("3 majowy 2014 r.x", "3 majowy 2014 r.x"),
    ("2014–2020 r.", f"2014–2020{NB}r."),
    # amounts and percentages
    ("kwota 1 234,56 zł brutto", f"kwota 1 234,56{NB}zł brutto"),
    (f"kwota 1{NB}234,56 zł.", f"kwota 1{NB}234,56{NB}zł."),
    ("wzrost o 50 %", f"wzrost o{NB}50{NB}%"),
    ("5 złotych", "5 złotych"),
    # quotes
    ('przyjęcia "Programu Aktywności"', f"przyjęcia {QUOTE_OPEN}Programu Aktywności{QUOTE_CLOSE}"),
    ('"Program" i ("Plan")', f"{QUOTE_OPEN}Program{QUOTE_CLOSE} i{NB}({QUOTE_OPEN}Plan{QUOTE_CLOSE})"),
    ('"a to"', f"{QUOTE_OPEN}a{NB}to{QUOTE_CLOSE}"),
    ('„w domu”', f"„w{NB}domu”"),
    ('słowo"', f"słowo{QUOTE_CLOSE}"),
    ('linia\n"cytat"', f"linia\n{QUOTE_OPEN}cytat{QUOTE_CLOSE}"),
    # spaces it must leave alone
    ("w  domu", "w  domu"),
    ("a w \nz domu", f"a{NB}w \nz{NB}domu"),
    ("w\ndomu", "w\ndomu"),
    ("w\tdomu", "w\tdomu"),
    ("nowa\nw domu", f"nowa\nw{NB}domu"),
    (" w domu ", f" w{NB}domu "),
    (f"w{NB}domu", f"w{NB}domu"),
    (f"w {NB}domu", f"w {NB}domu"),
    ("", ""),
    ("bez zmian tutaj", "bez zmian tutaj"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_apply_typography(text: str, expected: str) -> None:
    assert apply_typography(text) == expected


@pytest.mark.parametrize("text", [text for text, _ in CASES])
def test_idempotent(text: str) -> None:
    once = apply_typography(text)
    assert apply_typography(once) == once


def _plain(text: str) -> str:
    return text.replace(NB, " ").replace(QUOTE_OPEN, '"').replace(QUOTE_CLOSE, '"')


@pytest.mark.parametrize("text", [text for text, _ in CASES])
def test_changes_only_spaces_and_quotes(text: str) -> None:
    result = apply_typography(text)
    assert _plain(result) == _plain(text)
    assert len(result) == len(text)
    assert result.count("\n") == text.count("\n")


def test_constants() -> None:
    assert NBSP == NB
    assert (QUOTE_OPEN, QUOTE_CLOSE) == ("\u201e", "\u201d")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a  b", "a b"),
        ("a     b   c", "a b c"),
        (f"a{NB}{NB}b", f"a{NB}{NB}b"),
        ("a \n  b", "a \n b"),
        ("  start", " start"),
        ("bez", "bez"),
    ],
)
def test_normalize_spaces(text: str, expected: str) -> None:
    assert normalize_spaces(text) == expected
