"""Municipality profile: who adopts the resolution and how its house style looks.

Contract: every organ name is given in the grammatical cases the templates need (DOMAIN.md § 4: councils
are named inconsistently in practice, so nothing is derived here — a later issue fills gaps with morfeusz2,
the profile always wins). ``layout`` holds house-style choices seen in real documents; ``numbering`` says
how resolution numbers look. No formatting happens here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field

from paldocs.model.base import NonEmptyText, StrictModel


class GminaKind(StrEnum):
    MIEJSKA = "gmina miejska"
    WIEJSKA = "gmina wiejska"
    MIEJSKO_WIEJSKA = "gmina miejsko-wiejska"


class Council(StrictModel):
    """The rada (decision-making organ)."""

    nominative: NonEmptyText = Field(description="Mianownik, np. „Rada Miejska w Kętrzynie”.")
    genitive: NonEmptyText = Field(description="Dopełniacz, np. „Rady Miejskiej w Kętrzynie”.")
    type_genitive: NonEmptyText = Field(
        description="Dopełniacz nazwy organu bez miejscowości, np. „Rady Miejskiej” — do „z up. "
        "Przewodniczącego Rady Miejskiej”.")


class Executive(StrictModel):
    """The executive organ: wójt, burmistrz or prezydent miasta (art. 26 u.s.g.)."""

    nominative: NonEmptyText = Field(description="Mianownik, np. „Burmistrz Miasta Kętrzyn”.")
    dative: NonEmptyText = Field(description="Celownik, do klauzuli wykonawczej: „Burmistrzowi Miasta Kętrzyn”.")


class Signatory(StrictModel):
    """Who signs: the chair, or a deputy signing on the chair's behalf ("z up.")."""

    name: NonEmptyText = Field(description="Imię i nazwisko.")
    function: Literal["przewodniczący", "wiceprzewodniczący"] = Field(
        "przewodniczący", description="Funkcja w radzie (forma podstawowa).")
    gender: Literal["m", "k"] = Field("m", description="m — Przewodniczący, k — Przewodnicząca.")
    on_behalf_of_chair: bool = Field(
        False, description="Podpis „z up. Przewodniczącego …” (wiceprzewodniczący podpisuje za przewodniczącego).")
    published_mark: Literal["", "(-)", "/-/"] = Field(
        "", description="Znak przed nazwiskiem na kopii publikowanej, np. „(-)”.")


class Numbering(StrictModel):
    """Resolution number pattern (DOMAIN.md § 5)."""

    order: Literal["session/number/year", "number/session/year", "number/year"] = "session/number/year"
    year_digits: Literal[2, 4] = 4


class Layout(StrictModel):
    """House style choices that vary between councils."""

    paragraph_layout: Literal["inline", "heading"] = Field(
        "inline", description="„inline”: „§ 1. Tekst” (ZTP); „heading”: „§ 1” wyśrodkowany w osobnym wierszu.")
    enacting_formula: Literal["impersonal", "council"] = Field(
        "impersonal", description="„impersonal”: „… uchwala się, co następuje:” (§ 121 ZTP); "
        "„council”: „Rada … uchwala, co następuje:” (praktyka).")
    annex_header_uppercase: bool = Field(False, description="Nagłówek załącznika wersalikami (ZAŁĄCZNIK DO UCHWAŁY …).")
    annex_signature: bool = Field(False, description="Powtórzyć blok podpisu na końcu załącznika.")


Voivodeship = Literal[
    "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie", "mazowieckie",
    "opolskie", "podkarpackie", "podlaskie", "pomorskie", "śląskie", "świętokrzyskie", "warmińsko-mazurskie",
    "wielkopolskie", "zachodniopomorskie"]


class Municipality(StrictModel):
    name: NonEmptyText = Field(description="Nazwa gminy, np. „Kętrzyn”.")
    kind: GminaKind = Field(description="Rodzaj gminy: gmina miejska, gmina wiejska, gmina miejsko-wiejska.")
    seat: NonEmptyText = Field(description="Siedziba organów, np. „Kętrzyn”.")
    voivodeship: Voivodeship | None = Field(
        None, description="Województwo (małymi literami, np. „warmińsko-mazurskie”) — do ogłoszenia aktów prawa "
        "miejscowego w Dzienniku Urzędowym Województwa.")
    population: int | None = Field(None, ge=0, description="Liczba mieszkańców (wójt / burmistrz / prezydent, art. 26 u.s.g.).")
    president_before_1990: bool = Field(
        False, description="Miasto, w którym prezydent był przed 27 maja 1990 r. (prezydent mimo < 100 tys. mieszkańców).")
    citation_style: Literal["ztp", "tj-ze-zm", "z-pozn-zm"] = Field(
        "ztp", description="Styl cytowania Dz. U.: „ztp” (§ 158 ZTP), „tj-ze-zm” („t.j. … ze zm.”), "
        "„z-pozn-zm” („… z późn. zm.”).")
    acts: str | None = Field(None, description="Własny katalog aktów (plik YAML, ścieżka względem profilu); ma pierwszeństwo.")
    council: Council
    executive: Executive
    numbering: Numbering = Numbering()
    layout: Layout = Layout()
    signatory: Signatory | None = Field(None, description="Domyślny podpisujący (może go nadpisać uchwała).")
