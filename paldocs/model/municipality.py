"""Municipality profile: who adopts the resolution and how its house style looks.

Contract: every organ name is available in the grammatical cases the templates need. A form given in the
profile always wins (docs/domain.md § 4: councils are named inconsistently in practice); a form left out is
derived when the profile is validated (paldocs.polish.organs: only the organ's head word inflects; place names
go through morfeusz2, loaded only then), and a form that cannot be derived unambiguously is an error naming
the field to fill. ``layout`` holds house-style choices seen in real documents; ``numbering`` says
how resolution numbers look. No formatting happens here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from typing import Any

from pydantic import ConfigDict, Field, field_validator, model_validator

from paldocs.errors import PaldocsError

from paldocs.model.base import NonEmptyText, StrictModel
from paldocs.style.table import HouseStyle


class GminaKind(StrEnum):
    MIEJSKA = "gmina miejska"
    WIEJSKA = "gmina wiejska"
    MIEJSKO_WIEJSKA = "gmina miejsko-wiejska"


def _derivable(*fields: str) -> ConfigDict:
    """In the JSON Schema for editors these fields are optional: a profile may leave them to derivation."""

    def drop_required(schema: dict[str, Any]) -> None:
        schema["required"] = [name for name in schema.get("required", []) if name not in fields]

    return ConfigDict(json_schema_extra=drop_required)  # type: ignore[typeddict-item]


class Council(StrictModel):
    """The rada (decision-making organ). Forms left out of a profile are derived (see Municipality)."""

    model_config = StrictModel.model_config | _derivable("nominative", "genitive", "type_genitive")

    nominative: NonEmptyText = Field(description="Mianownik, np. „Rada Miejska w Kętrzynie”.",
        examples=["Rada Gminy Ostróda"])
    genitive: NonEmptyText = Field(description="Dopełniacz, np. „Rady Miejskiej w Kętrzynie”.",
        examples=["Rady Gminy Ostróda"])
    type_genitive: NonEmptyText = Field(
        description="Dopełniacz nazwy organu bez miejscowości, np. „Rady Miejskiej” — do „z up. "
        "Przewodniczącego Rady Miejskiej”.", examples=["Rady Gminy"])


class Executive(StrictModel):
    """The executive organ: wójt, burmistrz or prezydent miasta (art. 26 u.s.g.)."""

    model_config = StrictModel.model_config | _derivable("nominative", "dative")

    nominative: NonEmptyText = Field(description="Mianownik, np. „Burmistrz Miasta Kętrzyn”.",
        examples=["Wójt Gminy Ostróda"])
    dative: NonEmptyText = Field(description="Celownik, do klauzuli wykonawczej: „Burmistrzowi Miasta Kętrzyn”.",
        examples=["Wójtowi Gminy Ostróda"])


class Signatory(StrictModel):
    """Who signs: the chair, or a deputy ("wiceprzewodniczący"), possibly on the chair's behalf ("z up.").

    The titles inflect like adjectives (:func:`paldocs.polish.organs.chair_title`); "z up." takes the genitive
    in the chair's own gender ("z up. Przewodniczącej Rady"), which may differ from the signer's."""

    name: NonEmptyText = Field(description="Imię i nazwisko.", examples=["Anna Nowak"])
    function: Literal["przewodniczący", "wiceprzewodniczący"] = Field(
        "przewodniczący", description="Funkcja w radzie (forma podstawowa): przewodniczący albo wiceprzewodniczący; "
        "drukowana w rodzaju z pola gender.", examples=["wiceprzewodniczący"])
    gender: Literal["m", "k"] = Field(
        "m", description="Rodzaj podpisującego: m — „Przewodniczący”, „Wiceprzewodniczący”; k — „Przewodnicząca”, "
        "„Wiceprzewodnicząca”.", examples=["k"])
    on_behalf_of_chair: bool = Field(
        False, description="Podpis „z up. Przewodniczącego …” (wiceprzewodniczący podpisuje za przewodniczącego).",
        examples=[True])
    chair_gender: Literal["m", "k"] = Field(
        "m", description="Rodzaj przewodniczącego, za którego podpisuje się „z up.”: m — „z up. Przewodniczącego "
        "Rady”, k — „z up. Przewodniczącej Rady” (tylko przy on_behalf_of_chair).", examples=["k"])
    published_mark: Literal["", "(-)", "/-/"] = Field(
        "", description="Znak przed nazwiskiem na kopii publikowanej, np. „(-)”.", examples=["/-/"])


class Numbering(StrictModel):
    """Resolution number pattern (docs/domain.md § 5)."""

    order: Literal["session/number/year", "number/session/year", "number/year"] = Field(
        "session/number/year", description="Kolejność części numeru uchwały: sesja/numer/rok („LXIV/400/14”), "
        "numer/sesja/rok („124/XXII/2016”) albo numer/rok („228/2005”).", examples=["number/session/year"])
    separator: Literal["/", "."] = Field(
        "/", description="Znak między częściami numeru: „/” („LXIV/400/14”) albo „.” („III.23.2018”, spotykane "
        "np. w Uchwale nr IX.93.2019 Rady Gminy Dąbrowa Chełmińska, Dz. Urz. Woj. Kujawsko-Pomorskiego z 2019 r. "
        "poz. 5401).", examples=["."])
    year_digits: Literal[2, 4] = Field(4, description="Ile cyfr roku drukuje numer uchwały: 2 („/14”) albo 4 („/2014”).",
                                       examples=[2])


class Layout(StrictModel):
    """House style choices that vary between councils."""

    paragraph_layout: Literal["inline", "heading"] = Field(
        "inline", description="„inline”: „§ 1. Tekst” (ZTP); „heading”: „§ 1” wyśrodkowany w osobnym wierszu.",
            examples=["heading"])
    enacting_formula: Literal["impersonal", "council"] = Field(
        "impersonal", description="„impersonal”: „… uchwala się, co następuje:” (§ 121 ZTP); "
        "„council”: „Rada … uchwala, co następuje:” (praktyka).", examples=["council"])
    annex_header_uppercase: bool = Field(False, description="Nagłówek załącznika wersalikami (ZAŁĄCZNIK DO UCHWAŁY …).",
        examples=[True])
    annex_signature: bool = Field(False, description="Powtórzyć blok podpisu na końcu załącznika.", examples=[True])


Voivodeship = Literal[
    "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie", "mazowieckie",
    "opolskie", "podkarpackie", "podlaskie", "pomorskie", "śląskie", "świętokrzyskie", "warmińsko-mazurskie",
    "wielkopolskie", "zachodniopomorskie"]


class Municipality(StrictModel):
    model_config = StrictModel.model_config | _derivable("council", "executive")

    name: NonEmptyText = Field(description="Nazwa gminy, np. „Kętrzyn”.", examples=["Ostróda"])
    kind: GminaKind = Field(description="Rodzaj gminy: gmina miejska, gmina wiejska, gmina miejsko-wiejska.",
        examples=["gmina wiejska"])
    seat: NonEmptyText = Field(description="Siedziba organów, np. „Kętrzyn”.", examples=["Ostróda"])
    voivodeship: Voivodeship | None = Field(
        None, description="Województwo (małymi literami, np. „warmińsko-mazurskie”) — do ogłoszenia aktów prawa "
        "miejscowego w Dzienniku Urzędowym Województwa.", examples=["warmińsko-mazurskie"])
    population: int | None = Field(None, ge=0, description="Liczba mieszkańców (wójt / burmistrz / prezydent, art. 26 u.s.g.).",
        examples=[16500])
    president_before_1990: bool = Field(
        False, description="Miasto, w którym prezydent był przed 27 maja 1990 r. (prezydent mimo < 100 tys. mieszkańców).",
            examples=[True])
    citation_style: Literal["ztp", "tj-ze-zm", "z-pozn-zm"] = Field(
        "ztp", description="Styl cytowania Dz. U.: „ztp” (§ 158 ZTP), „tj-ze-zm” („t.j. … ze zm.”), "
        "„z-pozn-zm” („… z późn. zm.”).", examples=["z-pozn-zm"])
    citation_footnotes: bool = Field(
        False, description="Uchwały podjęte przed 1 marca 2016 r. (styl „ztp”): po „z późn. zm.” odsyłacz „¹)” i przypis "
        "„Zmiany tekstu jednolitego wymienionej ustawy zostały ogłoszone w …” pod podpisem, jak w ówczesnej praktyce; "
        "od 1 marca 2016 r. zmiany wymienia się w nawiasie (§ 158 ZTP).", examples=[True])
    acts: list[str] = Field(
        default_factory=list, description="Własne katalogi aktów (pliki YAML, ścieżki względem profilu); mają "
        "pierwszeństwo przed wbudowanym.", examples=["akty-biura-prawnego.yaml"])

    @field_validator("acts", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value
    council: Council = Field(description="Rada gminy: nazwa w mianowniku i dopełniaczu (formy pominięte paldocs "
                             "wyprowadza z nazwy i rodzaju gminy).",
                                 examples=[{"nominative": "Rada Gminy Ostróda", "genitive": "Rady Gminy Ostróda"}])
    executive: Executive = Field(description="Organ wykonawczy (wójt, burmistrz, prezydent miasta) w mianowniku i "
                                 "celowniku — do klauzuli wykonawczej.",
                                     examples=[{"nominative": "Wójt Gminy Ostróda", "dative": "Wójtowi Gminy Ostróda"}])
    numbering: Numbering = Field(Numbering(), description="Wzór numeru uchwał tej rady.",
        examples=[{"order": "session/number/year", "year_digits": 4}])
    layout: Layout = Field(Layout(), description="Zwyczaje układu dokumentów tej rady (paragrafy, formuła, nagłówek "
                           "załącznika).", examples=[{"paragraph_layout": "inline", "enacting_formula": "impersonal"}])
    signatory: Signatory | None = Field(None, description="Domyślny podpisujący (może go nadpisać uchwała).",
        examples=[{"name": "Anna Nowak", "function": "przewodniczący", "gender": "k"}])
    house_style: HouseStyle | None = Field(
        None, description="Styl domowy gminy: wartości nadpisujące tabelę templates/house-style.yaml (czcionka, "
        "wielkości, odstępy, marginesy; opis: docs/house-style.md).", examples=[{"font": {"size": "11pt"}}])

    @model_validator(mode="before")
    @classmethod
    def _fill_organ_forms(cls, value: Any) -> Any:
        """Derive the organ forms a profile leaves out (docs/domain.md § 4): given forms always win."""
        if not isinstance(value, dict):
            return value
        council, executive = value.get("council", {}), value.get("executive", {})
        kind = value.get("kind")
        if not isinstance(council, dict) or not isinstance(executive, dict) or not isinstance(kind, str) \
                or kind not in _KINDS:
            return value  # the field validators report what is wrong with these
        if all(council.get(key) for key in ("nominative", "genitive", "type_genitive")) and all(
                executive.get(key) for key in ("nominative", "dative")):
            return value  # every form given: nothing to derive, morfeusz2 is never loaded
        try:
            return {**value, **derive_organ_forms(value, council, executive)}
        except PaldocsError as error:  # pydantic locates only ValueErrors
            raise ValueError(error.message) from None


_KINDS = {kind.value for kind in GminaKind}


def derive_organ_forms(value: dict[str, Any], council: dict[str, Any], executive: dict[str, Any]) -> dict[str, Any]:
    """Council and executive forms missing from a raw profile, from the name, the kind and the population."""
    from paldocs.polish.organs import (
        council_forms,
        default_council_nominative,
        default_executive_nominative,
        executive_forms,
        executive_title,
    )

    kind, name = value["kind"], str(value.get("name", ""))
    title = None
    if not council.get("nominative") or not executive.get("nominative"):
        title = executive_title(kind, value.get("population"), seat_is_town=kind != GminaKind.WIEJSKA.value,
                                president_before_1990=bool(value.get("president_before_1990", False)))
    council_nominative = council.get("nominative") or default_council_nominative(kind, name, title=title)
    derived_council = council_forms(council_nominative)
    executive_nominative = executive.get("nominative") or default_executive_nominative(title, kind, name)
    return {
        "council": {**council, "nominative": council_nominative,
                    "genitive": council.get("genitive") or derived_council.genitive,
                    "type_genitive": council.get("type_genitive") or derived_council.type_genitive},
        "executive": {**executive, "nominative": executive_nominative,
                      "dative": executive.get("dative") or executive_forms(executive_nominative).dative},
    }
