"""Tables for paldocs.polish.organs: executive titles, council and executive forms, signatory titles."""

from __future__ import annotations

import pytest

from paldocs.errors import DataError
from paldocs.model.municipality import GminaKind
from paldocs.polish.organs import (
    CouncilForms,
    ExecutiveForms,
    chair_title,
    council_forms,
    default_council_nominative,
    default_executive_nominative,
    executive_forms,
    executive_title,
)

WIEJSKA, MIEJSKA, MIEJSKO_WIEJSKA = "gmina wiejska", "gmina miejska", "gmina miejsko-wiejska"

# --- executive title (art. 26 u.s.g., docs/domain.md § 4) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "population", "seat_is_town", "before_1990", "title"),
    [
        (WIEJSKA, 8_000, False, False, "wójt"),
        (WIEJSKA, None, False, False, "wójt"),
        (WIEJSKA, 20_000, True, False, "wójt"),  # seat in a neighbouring town (Gmina Ostróda)
        (WIEJSKA, 150_000, True, True, "wójt"),
        (MIEJSKO_WIEJSKA, 15_000, True, False, "burmistrz"),
        (MIEJSKO_WIEJSKA, None, True, False, "burmistrz"),
        (MIEJSKO_WIEJSKA, 15_000, False, False, "wójt"),
        (MIEJSKO_WIEJSKA, 120_000, True, False, "burmistrz"),
        (MIEJSKA, 27_000, True, False, "burmistrz"),
        (MIEJSKA, 100_000, True, False, "burmistrz"),  # "powyżej 100 000"
        (MIEJSKA, 100_001, True, False, "prezydent miasta"),
        (MIEJSKA, 130_000, True, False, "prezydent miasta"),
        (MIEJSKA, 70_000, True, True, "prezydent miasta"),  # a prezydent before the statute
        (MIEJSKA, None, True, True, "prezydent miasta"),
        ("miejska", 5_000, True, False, "burmistrz"),
        (GminaKind.WIEJSKA, None, False, False, "wójt"),
        (GminaKind.MIEJSKA, 200_000, True, False, "prezydent miasta"),
    ],
)
def test_executive_title(kind: str, population: int | None, seat_is_town: bool, before_1990: bool,
                         title: str) -> None:
    assert executive_title(kind, population, seat_is_town, before_1990) == title


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((MIEJSKA, None, True, False), "podaj pole municipality.population albo municipality.executive.nominative"),
        ((MIEJSKA, 5_000, False, False), "Sprzeczne dane"),
        (("gmina powiatowa", 5_000, True, False), "Nieznany rodzaj gminy"),
        ((MIEJSKA, -1, True, False), "nieujemną"),
        ((MIEJSKA, "5000", True, False), "nieujemną"),
        ((WIEJSKA, -5, False, False), "nieujemną"),
        ((MIEJSKA, True, True, True), "nieujemną"),
    ],
)
def test_executive_title_errors(args: tuple[object, ...], fragment: str) -> None:
    with pytest.raises(DataError, match=fragment):
        executive_title(*args)  # type: ignore[arg-type]


# --- council forms ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nominative", "genitive", "type_genitive"),
    [
        # docs/domain.md § 4 examples
        ("Rada Gminy Ostróda", "Rady Gminy Ostróda", "Rady Gminy"),
        ("Rada Gminy w Chodzieży", "Rady Gminy w Chodzieży", "Rady Gminy"),
        ("Rada Miejska w Kętrzynie", "Rady Miejskiej w Kętrzynie", "Rady Miejskiej"),
        ("Rada Miasta Szczecin", "Rady Miasta Szczecin", "Rady Miasta"),
        ("Rada Miejska Inowrocławia", "Rady Miejskiej Inowrocławia", "Rady Miejskiej"),
        ("Rada Miasta Rybnika", "Rady Miasta Rybnika", "Rady Miasta"),
        # the new profiles
        ("Rada Miejska w Morągu", "Rady Miejskiej w Morągu", "Rady Miejskiej"),
        ("Rada Miejska w Człuchowie", "Rady Miejskiej w Człuchowie", "Rady Miejskiej"),
        ("Rada Miasta Tychy", "Rady Miasta Tychy", "Rady Miasta"),
        # other shapes of the head
        ("Rada Gminna w Iksowie", "Rady Gminnej w Iksowie", "Rady Gminnej"),
        ("Rada Miasta i Gminy Iksowo", "Rady Miasta i Gminy Iksowo", "Rady Miasta i Gminy"),
        ("RADA MIEJSKA W KĘTRZYNIE", "RADY MIEJSKIEJ W KĘTRZYNIE", "RADY MIEJSKIEJ"),
    ],
)
def test_council_forms(nominative: str, genitive: str, type_genitive: str) -> None:
    assert council_forms(nominative) == CouncilForms(nominative, genitive, type_genitive)


def test_council_forms_normalise_spaces() -> None:
    assert council_forms(" Rada  Gminy Ostróda ").genitive == "Rady Gminy Ostróda"


@pytest.mark.parametrize(
    ("nominative", "fragment"),
    [
        ("Sejmik Gminy Ostróda", "nie zaczyna się od „Rada”"),
        ("Zgromadzenie Rady Gminy", "nie zaczyna się od „Rada”"),
        ("Rada Ostródy", "Nie można ustalić rodzaju rady"),
        ("Rada Gminy", "Nie można ustalić rodzaju rady"),
        ("Rada Miejska", "nie wskazuje gminy"),
    ],
)
def test_council_forms_errors_name_the_fields(nominative: str, fragment: str) -> None:
    with pytest.raises(DataError, match=fragment) as caught:
        council_forms(nominative)
    assert "municipality.council.genitive i municipality.council.type_genitive" in caught.value.message


# --- executive forms -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nominative", "dative"),
    [
        ("Wójt Gminy Ostróda", "Wójtowi Gminy Ostróda"),
        ("Burmistrz Miasta Kętrzyn", "Burmistrzowi Miasta Kętrzyn"),
        ("Burmistrz Miasta Człuchowa", "Burmistrzowi Miasta Człuchowa"),
        ("Burmistrz Morąga", "Burmistrzowi Morąga"),
        ("Prezydent Miasta Rybnika", "Prezydentowi Miasta Rybnika"),
        ("Prezydent Miasta Tychy", "Prezydentowi Miasta Tychy"),
        ("Prezydent Miasta Inowrocławia", "Prezydentowi Miasta Inowrocławia"),
    ],
)
def test_executive_forms(nominative: str, dative: str) -> None:
    assert executive_forms(nominative) == ExecutiveForms(nominative, dative)


@pytest.mark.parametrize("nominative", ["Starosta Kętrzyński", "Wójt", "wójt gminy Ostróda", ""])
def test_executive_forms_error_names_the_field(nominative: str) -> None:
    with pytest.raises(DataError, match="podaj pole municipality.executive.dative"):
        executive_forms(nominative)


# --- defaults when a profile gives no name ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "title", "council", "executive"),
    [
        (WIEJSKA, "Ostróda", "wójt", "Rada Gminy Ostróda", "Wójt Gminy Ostróda"),
        (MIEJSKA, "Rybnik", "prezydent miasta", "Rada Miasta Rybnika", "Prezydent Miasta Rybnika"),
        (MIEJSKA, "Kętrzyn", "burmistrz", "Rada Miejska w Kętrzynie", "Burmistrz Miasta Kętrzyna"),  # profile wins
        (MIEJSKA, "Człuchów", "burmistrz", "Rada Miejska w Człuchowie", "Burmistrz Miasta Człuchowa"),
        (MIEJSKO_WIEJSKA, "Morąg", "burmistrz", "Rada Miejska w Morągu", "Burmistrz Morąga"),
        (MIEJSKO_WIEJSKA, "Iksowo", "wójt", "Rada Gminy Iksowo", "Wójt Gminy Iksowo"),
        (MIEJSKA, "Kielce", "prezydent miasta", "Rada Miasta Kielc", "Prezydent Miasta Kielc"),
        (MIEJSKA, "Wrocław", "burmistrz", "Rada Miejska we Wrocławiu", "Burmistrz Miasta Wrocławia"),  # "we"
        (MIEJSKA, "Włocławek", "burmistrz", "Rada Miejska we Włocławku", "Burmistrz Miasta Włocławka"),
        (MIEJSKA, "Wadowice", "burmistrz", "Rada Miejska w Wadowicach", "Burmistrz Miasta Wadowic"),
    ],
)
def test_defaults(kind: str, name: str, title: str, council: str, executive: str) -> None:
    pytest.importorskip("morfeusz2")
    assert default_council_nominative(kind, name, title=title) == council  # type: ignore[arg-type]
    assert default_executive_nominative(title, kind, name) == executive  # type: ignore[arg-type]


def test_default_for_an_ambiguous_name_names_the_field() -> None:
    pytest.importorskip("morfeusz2")
    with pytest.raises(DataError, match=r"możliwe: Tych, Tychów\) — podaj formę w polu municipality\.council\."
                                        r"nominative\."):
        default_council_nominative(MIEJSKA, "Tychy", title="prezydent miasta")
    with pytest.raises(DataError, match=r"podaj formę w polu municipality\.executive\.nominative\."):
        default_executive_nominative("prezydent miasta", MIEJSKA, "Tychy")


def test_default_unknown_title() -> None:
    with pytest.raises(DataError, match="Nieznany organ wykonawczy"):
        default_council_nominative(MIEJSKA, "Rybnik", title="starosta")  # type: ignore[arg-type]
    with pytest.raises(DataError, match="Nieznany organ wykonawczy"):
        default_executive_nominative("starosta", MIEJSKA, "Rybnik")  # type: ignore[arg-type]


# --- signatories -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gender", "deputy", "case", "title"),
    [
        ("m", False, "nom", "Przewodniczący"),
        ("k", False, "nom", "Przewodnicząca"),
        ("m", True, "nom", "Wiceprzewodniczący"),
        ("k", True, "nom", "Wiceprzewodnicząca"),
        ("m", False, "gen", "Przewodniczącego"),
        ("k", False, "gen", "Przewodniczącej"),
        ("m", True, "gen", "Wiceprzewodniczącego"),
        ("k", True, "gen", "Wiceprzewodniczącej"),
    ],
)
def test_chair_title(gender: str, deputy: bool, case: str, title: str) -> None:
    assert chair_title(gender, deputy, case) == title  # type: ignore[arg-type]


def test_chair_title_default_is_the_chair_in_the_nominative() -> None:
    assert chair_title("m") == "Przewodniczący"


@pytest.mark.parametrize(("gender", "case"), [("x", "nom"), ("m", "dat")])
def test_chair_title_rejects(gender: str, case: str) -> None:
    with pytest.raises(DataError, match="Nieznana płeć"):
        chair_title(gender, False, case)  # type: ignore[arg-type]
