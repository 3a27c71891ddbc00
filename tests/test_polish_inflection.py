"""Tables for paldocs.polish.inflection: place names in cases (morfeusz2 + SGJP)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from paldocs.errors import DataError
from paldocs.polish.inflection import place_case

pytest.importorskip("morfeusz2")

PLACES = [
    # single words, singular
    ("Kętrzyn", "gen", "Kętrzyna"),
    ("Kętrzyn", "loc", "Kętrzynie"),
    ("Kętrzyn", "acc", "Kętrzyn"),
    ("Kętrzyn", "inst", "Kętrzynem"),
    ("Ostróda", "gen", "Ostródy"),
    ("Ostróda", "loc", "Ostródzie"),
    ("Ostróda", "acc", "Ostródę"),
    ("Inowrocław", "gen", "Inowrocławia"),
    ("Inowrocław", "loc", "Inowrocławiu"),
    ("Rybnik", "gen", "Rybnika"),  # SGJP also has a surname and a common noun "rybnik": the place wins
    ("Rybnik", "loc", "Rybniku"),
    ("Człuchów", "gen", "Człuchowa"),
    ("Człuchów", "loc", "Człuchowie"),
    ("Morąg", "gen", "Morąga"),
    ("Morąg", "loc", "Morągu"),
    ("Szczecin", "gen", "Szczecina"),
    ("Chodzież", "loc", "Chodzieży"),
    ("Łódź", "gen", "Łodzi"),
    ("Ełk", "gen", "Ełku"),
    ("Sopot", "loc", "Sopocie"),
    ("Kraków", "dat", "Krakowowi"),
    # plural names (plurale tantum keep the plural)
    ("Kielce", "gen", "Kielc"),
    ("Kielce", "loc", "Kielcach"),
    ("Katowice", "gen", "Katowic"),
    ("Katowice", "loc", "Katowicach"),
    ("Suwałki", "gen", "Suwałk"),
    ("Suwałki", "loc", "Suwałkach"),
    ("Tychy", "loc", "Tychach"),
    ("Tychy", "dat", "Tychom"),
    ("Żory", "gen", "Żor"),
    # adjectival name: singular, not the homonymous plural paradigm
    ("Zakopane", "gen", "Zakopanego"),
    ("Zakopane", "loc", "Zakopanem"),
    # multi-word names with agreement
    ("Nowy Sącz", "gen", "Nowego Sącza"),
    ("Nowy Sącz", "loc", "Nowym Sączu"),
    ("Biała Podlaska", "gen", "Białej Podlaskiej"),
    ("Biała Podlaska", "inst", "Białą Podlaską"),
    ("Zielona Góra", "gen", "Zielonej Góry"),
    ("Zielona Góra", "loc", "Zielonej Górze"),
    ("Gorzów Wielkopolski", "gen", "Gorzowa Wielkopolskiego"),
    ("Gorzów Wielkopolski", "loc", "Gorzowie Wielkopolskim"),
    ("Ostrów Mazowiecka", "gen", "Ostrowi Mazowieckiej"),  # feminine "Ostrów" here
    ("Ostrów Wielkopolski", "gen", "Ostrowa Wielkopolskiego"),
    ("Nowe Miasto Lubawskie", "loc", "Nowym Mieście Lubawskim"),
    ("Stalowa Wola", "gen", "Stalowej Woli"),
    ("Dąbrowa Górnicza", "loc", "Dąbrowie Górniczej"),
    ("Siemianowice Śląskie", "gen", "Siemianowic Śląskich"),
    ("Góra Kalwaria", "gen", "Góry Kalwarii"),
    # hyphenated: each part inflects
    ("Kędzierzyn-Koźle", "gen", "Kędzierzyna-Koźla"),
    ("Kędzierzyn-Koźle", "loc", "Kędzierzynie-Koźlu"),
    ("Bielsko-Biała", "gen", "Bielska-Białej"),
    ("Busko-Zdrój", "loc", "Busku-Zdroju"),
    ("Ruciane-Nida", "loc", "Rucianem-Nidzie"),
    # a preposition ends the inflected part
    ("Nowe Miasto nad Pilicą", "gen", "Nowego Miasta nad Pilicą"),
    # capitalisation follows the input; extra spaces are normalised
    ("KĘTRZYN", "gen", "KĘTRZYNA"),
    ("kętrzyn", "loc", "kętrzynie"),
    ("Nowy  Sącz", "gen", "Nowego Sącza"),
]


@pytest.mark.parametrize(("name", "case", "expected"), PLACES)
def test_place_case(name: str, case: str, expected: str) -> None:
    assert place_case(name, case) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["Kętrzyn", "Tychy", "Nowy Sącz", "Xyzabc"])
def test_nominative_is_returned_as_given(name: str) -> None:
    assert place_case(name, "nom") == name


@pytest.mark.parametrize(
    ("name", "case", "options"),
    [
        ("Tychy", "gen", "Tych, Tychów"),  # SGJP: "Tychów" is a regional variant
        ("Ząbki", "gen", "Ząbków, Ząbek"),
    ],
)
def test_ambiguous_form_names_the_options_and_the_field(name: str, case: str, options: str) -> None:
    with pytest.raises(DataError) as caught:
        place_case(name, case, field="municipality.council.genitive")  # type: ignore[arg-type]
    assert caught.value.message == (
        f"Nie można jednoznacznie odmienić nazwy „{name}” w dopełniaczu (możliwe: {options}) — "
        "podaj formę w polu municipality.council.genitive.")


def test_unknown_name_names_the_field() -> None:
    with pytest.raises(DataError, match=r"„Xyzabc” w miejscowniku: słownik nie zna tej nazwy — "
                                        r"podaj formę w polu municipality.council.nominative\."):
        place_case("Xyzabc", "loc", field="municipality.council.nominative")


def test_without_field_the_message_points_to_the_profile() -> None:
    with pytest.raises(DataError, match="podaj formę wprost w profilu gminy"):
        place_case("Tychy", "gen")


@pytest.mark.parametrize(("name", "case", "fragment"), [("", "gen", "Pusta nazwa"), ("  ", "gen", "Pusta nazwa"),
                                                        ("Kętrzyn", "voc", "Nieznany przypadek")])
def test_invalid_input(name: str, case: str, fragment: str) -> None:
    with pytest.raises(DataError, match=fragment):
        place_case(name, case)  # type: ignore[arg-type]


def test_morfeusz_is_imported_lazily() -> None:
    code = ("import sys; import paldocs.polish as p; "
            "p.council_forms('Rada Gminy Ostróda'); p.executive_forms('Wójt Gminy Ostróda'); "
            "p.place_case('Kętrzyn', 'nom'); p.format_count(5, 'osoba'); p.amount_in_words('1.5'); "
            "assert 'morfeusz2' not in sys.modules, 'morfeusz2 imported'; "
            "p.place_case('Kętrzyn', 'gen'); assert 'morfeusz2' in sys.modules")
    subprocess.run([sys.executable, "-W", "error", "-c", code], check=True)


def test_spaces_around_a_hyphen_are_dropped() -> None:
    assert place_case("Kędzierzyn - Koźle", "gen") == "Kędzierzyna-Koźla"


def test_missing_morfeusz_names_the_field(monkeypatch: pytest.MonkeyPatch) -> None:
    from paldocs.polish import inflection, words

    def missing() -> None:
        raise ImportError("No module named 'morfeusz2'")

    monkeypatch.setattr(inflection, "_morfeusz", missing)
    with pytest.raises(DataError, match=r"brak biblioteki morfeusz2 — podaj formę w polu municipality\.seat\."):
        place_case("Kętrzyn", "gen", field="municipality.seat")
    words._dictionary_forms.cache_clear()
    with pytest.raises(DataError, match="brak biblioteki morfeusz2 — użyj filtra plural"):
        words.format_count(3, "kurs")
    words._dictionary_forms.cache_clear()
