"""Closing provisions as data (``resolution.closing``): their order, repeal clauses and the entry into force.

Contract: every field is optional; what the data leave out comes from the resolution's kind (``closing:`` in
``kinds.yaml``) and then from paldocs' defaults (:mod:`paldocs.closing` merges them and builds what the
template prints). Values are only validated here — a date for "z dniem <date>", days for "po upływie", each
part named once in ``order`` and the entry into force last (it closes the resolution, docs/domain.md § 1).
The wording printed lives in ``paldocs/legal/clauses.yaml``; the rules on it are checks (PD025, PD026).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from paldocs.model.base import NonEmptyText, StrictModel

ClosingPart = Literal["executor", "repeal", "entry-into-force"]
EntryForm = Literal["z-dniem-podjecia", "z-dniem", "po-uplywie"]
Publication = Literal["dziennik-urzedowy", "zwyczajowo", "tablica-ogloszen"]

DEFAULT_ORDER: tuple[ClosingPart, ...] = ("executor", "repeal", "entry-into-force")


class RepealedResolution(StrictModel):
    """An earlier resolution of the council, named by number, date and (when the data give it) title.

    Real repeal clauses also name a resolution by number and date alone ("Traci moc uchwała Nr I/4/02 Rady Gminy
    Bobrowniki z dnia 19 listopada 2002 roku.") and one passed by the council under its former name ("Rady
    Miejskiej Gminy Frombork", now Rada Miejska we Fromborku) — hence the optional ``subject`` and ``council``."""

    number: NonEmptyText = Field(description="Numer uchwały, np. „XII/85/2019”.", examples=["XII/85/2019"])
    date: dt.date = Field(description="Data jej podjęcia (RRRR-MM-DD).", examples=["2019-05-20"])
    subject: NonEmptyText | None = Field(
        None, description="Jej tytuł „w sprawie …”; brak = uchwała nazwana tylko numerem, organem i datą („Traci "
        "moc uchwała Nr … Rady … z dnia … r.”).",
        examples=["w sprawie przyjęcia Programu Aktywności Lokalnej na lata 2019–2021"])
    council: NonEmptyText | None = Field(
        None, description="Rada, która ją podjęła (dopełniacz), gdy nie jest to rada z profilu gminy — np. rada "
        "pod dawną nazwą; brak = rada z profilu gminy.", examples=["Rady Miejskiej Gminy Frombork"])


class EntryIntoForce(StrictModel):
    """When the resolution enters into force and how it is published."""

    form: EntryForm | None = Field(
        None, description="Forma wejścia w życie: „z-dniem-podjecia” (z dniem podjęcia), „z-dniem” (z dniem "
        "podanym w „date”), „po-uplywie” (po upływie „days” dni od dnia ogłoszenia w Dzienniku Urzędowym "
        "Województwa …); brak = jak rodzaj uchwały (akt prawa miejscowego: „po-uplywie”, inne: "
        "„z-dniem-podjecia”).", examples=["z-dniem"])
    date: dt.date | None = Field(None, description="Dzień wejścia w życie dla formy „z-dniem” (RRRR-MM-DD).",
                                 examples=["2017-01-01"])
    days: int = Field(14, ge=1, le=365, description="Liczba dni od ogłoszenia dla formy „po-uplywie” (domyślnie "
                      "14 — art. 4 ust. 1 ustawy o ogłaszaniu aktów normatywnych).", examples=[14])
    publication: Publication | None = Field(
        None, description="Dopisek „i podlega ogłoszeniu …”: „dziennik-urzedowy” (w Dzienniku Urzędowym "
        "Województwa … z profilu gminy), „zwyczajowo” (w sposób zwyczajowo przyjęty), „tablica-ogloszen” (na "
        "tablicy ogłoszeń, zob. „notice_board”); brak = bez dopisku.", examples=["dziennik-urzedowy"])
    notice_board: NonEmptyText | None = Field(
        None, description="Czyja tablica ogłoszeń (dopełniacz), dla „tablica-ogloszen”; brak = sama „tablica "
        "ogłoszeń”.", examples=["Urzędu Gminy Ostróda"])

    @model_validator(mode="after")
    def _consistent(self) -> EntryIntoForce:
        if self.form == "z-dniem" and self.date is None:
            raise ValueError("forma „z-dniem” wymaga dnia wejścia w życie — podaj „date: RRRR-MM-DD”")
        if self.date is not None and self.form != "z-dniem":
            raise ValueError("„date” podaje się tylko z formą „z-dniem” (Uchwała wchodzi w życie z dniem …)")
        if "days" in self.model_fields_set and self.form != "po-uplywie":
            raise ValueError("„days” podaje się tylko z formą „po-uplywie”")
        if self.notice_board is not None and self.publication != "tablica-ogloszen":
            raise ValueError("„notice_board” podaje się tylko z „publication: tablica-ogloszen”")
        return self


class Closing(StrictModel):
    """Closing provisions (przepisy końcowe): each key optional, the kind gives the defaults."""

    order: list[ClosingPart] | None = Field(
        None, description="Kolejność przepisów końcowych; część pominięta nie jest drukowana. Domyślnie: "
        "executor, repeal, entry-into-force (repeal tylko, gdy są uchylane uchwały).",
        examples=[["repeal", "executor", "entry-into-force"]])
    executor: NonEmptyText | None = Field(
        None, description="Komu powierza się wykonanie uchwały (celownik); domyślnie organ wykonawczy z profilu "
        "gminy.", examples=["Wójtowi Gminy Ostróda"])
    repeals: list[RepealedResolution] = Field(
        default_factory=list, description="Uchwały, które tracą moc („Traci moc uchwała Nr …”; kilka: „Tracą "
        "moc: 1) uchwała …”).",
        examples=[[{"number": "XII/85/2019", "date": "2019-05-20",
                    "subject": "w sprawie przyjęcia Programu Aktywności Lokalnej na lata 2019–2021"}]])
    entry_into_force: EntryIntoForce | None = Field(
        None, description="Wejście w życie i ogłoszenie; brak = jak rodzaj uchwały.",
        examples=[{"form": "z-dniem-podjecia", "publication": "zwyczajowo"}])

    @model_validator(mode="after")
    def _order(self) -> Closing:
        order = self.order or []
        if len(set(order)) != len(order):
            raise ValueError("w „order” każdą część przepisów końcowych podaje się raz")
        if "entry-into-force" in order and order[-1] != "entry-into-force":
            raise ValueError("przepis o wejściu w życie zamyka uchwałę — „entry-into-force” jest ostatni w „order”")
        if self.repeals and self.order is not None and "repeal" not in order:
            raise ValueError("podano uchwały, które tracą moc („repeals”), a „order” nie ma części „repeal”")
        return self
