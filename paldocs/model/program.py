"""Program (e.g. Program Aktywności Lokalnej): what the council adopts as an annex.

Contract: a program is a title, a period and an ordered list of sections. A section has an optional heading,
an optional semantic role (goals, directions, recipients …: reports and checks find content by role, never by
heading text), Markdown content before and after an optional list of items, and an optional table read from
a spreadsheet (:class:`~paldocs.model.sheet_table.SheetTable`), printed after the content, before the items. Items carry stable ids that
monitoring reports refer to; ids are unique across the whole program. No formatting happens here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, cast

from pydantic import Field, model_validator

from paldocs import vocabulary
from paldocs.model.base import Markdown, NonEmptyText, StrictModel
from paldocs.model.sheet_table import SheetTable
from paldocs.unit_numbers import NumberCounter, follows, plain_position, split_number


class SectionRole(StrEnum):
    INTRODUCTION = "introduction"
    DIAGNOSIS = "diagnosis"
    GOALS = "goals"
    MAIN_GOAL = "main-goal"
    SPECIFIC_GOALS = "specific-goals"
    DIRECTIONS = "directions"
    RECIPIENTS = "recipients"
    METHODS = "methods"
    SCHEDULE = "schedule"
    RESOURCES = "resources"
    RESULTS = "results"
    FINANCING = "financing"
    IMPLEMENTER = "implementer"
    PARTNERS = "partners"
    MONITORING = "monitoring"
    # The contents art. 5a ust. 4 u.d.p.p.w. requires of a programme of cooperation with NGOs (besides goals,
    # financing and evaluation): principles, scope, forms, priority tasks, period, way of implementation,
    # how the programme was made and consulted, competition committees.
    PRINCIPLES = "principles"
    SCOPE = "scope"
    FORMS = "forms"
    PRIORITIES = "priorities"
    PERIOD = "period"
    IMPLEMENTATION = "implementation"
    EVALUATION = "evaluation"
    CONSULTATION = "consultation"
    COMMITTEES = "committees"
    OTHER = "other"


ItemListStyle = Literal["decimal-dot", "decimal-paren", "alpha-paren", "dash", "bullet"]

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


REPEALED_TEXT = "(uchylony)"  # what a repealed unit prints after its number (§ 106 pkt 2 ZTP)
_SECTION_COUNTERS: dict[str, NumberCounter] = {"roman": "roman", "chapter-roman": "roman", "decimal": "decimal",
                                               "chapter": "decimal"}


class Item(StrictModel):
    """One entry of a section's list (a goal, a direction …) with a stable id; ``num`` is a number it keeps
    (an amended programme: "2a" added after "2"), ``repealed`` prints "(uchylony)" in its place."""

    id: str | None = Field(None, pattern=ID_PATTERN, description="Stały identyfikator, np. „cel-1” (do sprawozdań).",
        examples=["cel-1"])
    num: str | None = Field(None, description="Numer, który punkt zachowuje (program zmieniony uchwałą), np. „2a” "
                            "— punkt dodany po punkcie 2 — albo „ba” po literze b; brak = numer według kolejności.",
                            examples=["2a"])
    repealed: bool = Field(False, description="Punkt uchylony: drukuje się jego numer i „(uchylony)”, bez treści.",
                           examples=[True])
    text: Markdown = Field(description="Treść punktu (Markdown); punkt uchylony: pomiń.",
        examples=["Zmniejszenie zjawiska wykluczenia społecznego."])
    items: list[Item] = Field(default_factory=list, description="Podpunkty.", examples=[{"text": "szkolenia"}])
    items_style: ItemListStyle = Field("alpha-paren", description="Styl numeracji podpunktów.", examples=["dash"])

    @model_validator(mode="before")
    @classmethod
    def _repealed_text(cls, data: object) -> object:
        """A repealed item prints "(uchylony)" as its text; it has no text or sub-items of its own."""
        if isinstance(data, dict) and data.get("repealed") is True:
            if data.get("text") not in (None, REPEALED_TEXT) or data.get("items"):
                raise ValueError("punkt uchylony („repealed: true”) nie ma treści ani podpunktów — usuń „text” i "
                                 "„items”")
            return {**data, "text": REPEALED_TEXT}
        return data

    @model_validator(mode="after")
    def _kept_numbers_in_order(self) -> Item:
        check_kept_numbers(self.items, self.items_style, "podpunkt")
        return self


def check_kept_numbers(items: list[Item], style: str, what: str) -> None:
    """Numbers given in data stay in order (:func:`paldocs.unit_numbers.follows`): a plain one continues the
    count, a suffixed one follows the unit it is named after; a dash or bullet list has no numbers to keep."""
    # the counter of the list style's numbers; dashes and bullets have none (an item there keeps no number)
    numbers = vocabulary.list_style(style).counter
    previous = 0
    for position, item in enumerate(items, start=1):
        if item.num is None:
            previous += 1
            continue
        if numbers == "none":
            raise ValueError(f"{what} {position}: lista w stylu „{style}” nie ma numerów — usuń „num”")
        counter = cast(NumberCounter, numbers)
        problem = follows(item.num, previous, counter)
        if problem is not None:
            raise ValueError(f"{what} {position}: {problem}")
        plain, suffix = split_number(item.num, counter) or ("", "")
        previous = plain_position(plain, counter) if not suffix else previous


class Section(StrictModel):
    id: str | None = Field(None, pattern=ID_PATTERN, description="Stały identyfikator rozdziału.",
        examples=["cele-szczegolowe"])
    heading: NonEmptyText | None = Field(None, description="Tytuł rozdziału (bez numeru — numer nadaje paldocs; "
                                         "numer, który się nie zmienia: pole num).",
        examples=["Cele szczegółowe"])
    level: Literal[1, 2, 3] = Field(1, description="1 — rozdział, 2 — podrozdział, 3 — część podrozdziału.",
        examples=[2])
    role: SectionRole | None = Field(None, description="Rola rozdziału (cele, kierunki działań, adresaci …).",
        examples=["specific-goals"])
    toc: bool | NonEmptyText | None = Field(
        None, description="Czy rozdział jest w spisie treści (domyślnie rozdziały 1. poziomu z tytułem); "
        "tekst = inny tytuł w spisie treści.", examples=[False])
    content: Markdown | None = Field(None, description="Treść przed listą punktów (Markdown).",
        examples=["Program realizowany będzie w następujących obszarach:"])
    table: SheetTable | None = Field(
        None, description="Tabela z arkusza (.xlsx) albo pliku CSV, drukowana po treści (content), przed punktami.",
        examples=[{"file": "budzet.xlsx", "sheet": "Budżet", "caption": "Budżet programu",
                   "types": {"Kwota (zł)": "money"}, "total": ["Kwota (zł)"]}])
    items: list[Item] = Field(default_factory=list, description="Punkty z identyfikatorami.",
        examples=[{"id": "cel-1", "text": "Zmniejszenie zjawiska wykluczenia społecznego."}])
    items_style: ItemListStyle = Field("decimal-dot", description="Styl numeracji punktów.", examples=["decimal-paren"])
    closing: Markdown | None = Field(None, description="Treść po liście punktów (Markdown).",
        examples=["Działania będą realizowane we współpracy z organizacjami pozarządowymi."])
    num: str | None = Field(None, description="Numer rozdziału, który się nie zmienia (program zmieniony uchwałą), "
                            "np. „3a” — rozdział dodany po rozdziale 3 — albo „IIa”; tylko rozdziały 1. poziomu "
                            "przy numeracji rozdziałów (section_numbering).", examples=["3a"])
    repealed: bool = Field(False, description="Rozdział uchylony: drukuje się „Rozdział 5. (uchylony)”, bez treści.",
                           examples=[True])

    @model_validator(mode="after")
    def _says_something(self) -> Section:
        if self.repealed:
            if self.heading is not None or self.content or self.table or self.items or self.closing:
                raise ValueError("rozdział uchylony („repealed: true”) nie ma tytułu ani treści — usuń heading, "
                                 "content, table, items i closing")
            return self
        if not (self.heading or self.content or self.table or self.items or self.closing):
            raise ValueError("rozdział jest pusty: podaj heading, content, table, items lub closing")
        check_kept_numbers(self.items, self.items_style, "punkt")
        return self


class Period(StrictModel):
    start: int = Field(alias="from", ge=1990, le=2100, description="Pierwszy rok realizacji.", examples=[2021])
    end: int = Field(alias="to", ge=1990, le=2100, description="Ostatni rok realizacji.", examples=[2027])

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"okres programu kończy się ({self.end}) przed początkiem ({self.start})")
        return self


class TableOfContents(StrictModel):
    title: NonEmptyText = Field("Spis treści", description="Tytuł spisu treści.", examples=["SPIS TREŚCI:"])


class Program(StrictModel):
    title: NonEmptyText = Field(description="Pełny tytuł w mianowniku, np. „Program Aktywności Lokalnej … na lata 2014–2020”.",
        examples=["Program Aktywności Lokalnej Gminy X na lata 2021–2027"])
    title_genitive: NonEmptyText | None = Field(
        None, description="Tytuł w dopełniaczu (do tytułu uchwały: „w sprawie przyjęcia „Programu …””).",
            examples=["Programu Aktywności Lokalnej Gminy X na lata 2021–2027"])
    display_title: Markdown | None = Field(
        None, description="Tytuł na pierwszej stronie załącznika, jeśli inny niż title (Markdown, wiersze).",
            examples=["PROGRAM AKTYWNOŚCI LOKALNEJ\\\nGMINY X"])
    period: Period = Field(description="Okres realizacji programu (lata od–do).", examples=[{"from": 2021, "to": 2027}])
    implementer: NonEmptyText | None = Field(None, description="Realizator, np. „Miejski Ośrodek Pomocy Społecznej w …”.",
        examples=["Gminny Ośrodek Pomocy Społecznej w X"])
    section_numbering: Literal["none", "roman", "decimal", "chapter", "chapter-roman"] = Field(
        "none", description="Numeracja rozdziałów: brak, rzymska (I., II.), arabska (1., 2.) albo „Rozdział 1.” "
        "(chapter) / „Rozdział I.” (chapter-roman) wyśrodkowany nad wyśrodkowanym tytułem rozdziału.",
        examples=["chapter"])
    title_style: Literal["as-written", "bold"] = Field(
        "as-written", description="Krój tytułu na pierwszej stronie załącznika: jak zapisano w display_title "
        "(as-written; sam title jest pogrubiony) albo cały pogrubiony (bold).", examples=["bold"])
    chapters_on_new_pages: bool = Field(
        False, description="Każdy rozdział 1. poziomu z tytułem (poza pierwszym) zaczyna się od nowej strony; w takim miejscu "
        "długi program może być składany do PDF-u na kilku rdzeniach procesora naraz.", examples=[True])
    title_gender: Literal["m", "ż", "n", "mnoga"] | None = Field(
        None, description="Rodzaj gramatyczny rzeczownika, od którego zaczyna się tytuł (Program — m, Strategia — ż, "
        "Studium — n, Zasady — mnoga): uzgadnia „stanowiący/stanowiącą/stanowiące załącznik”; domyślnie ze "
        "słownika morfeusz2.", examples=["ż"])
    title_accusative: NonEmptyText | None = Field(
        None, description="Tytuł w bierniku („Przyjmuje się Strategię …”); domyślnie odmieniany słownikiem "
        "morfeusz2 (zmienia się tylko rzeczownik główny i przymiotniki przed nim).",
        examples=["Gminną Strategię Rozwiązywania Problemów Społecznych na lata 2021–2030"])
    toc: TableOfContents | None = Field(None, description="Spis treści (gdy podany).",
        examples=[{"title": "SPIS TREŚCI:"}])
    sections: list[Section] = Field(min_length=1, description="Rozdziały programu w kolejności druku.",
        examples=[{"id": "wstep", "heading": "Wstęp", "content": "…"}])

    @model_validator(mode="after")
    def _kept_section_numbers(self) -> Program:
        """Chapter numbers given in data: only level-1 sections of a numbered programme, in order."""
        counter = _SECTION_COUNTERS.get(self.section_numbering)
        previous = 0
        for position, section in enumerate(self.sections, start=1):
            if section.num is not None and (counter is None or section.level != 1):
                raise ValueError(f"rozdział {position}: numer („num”) ma tylko rozdział 1. poziomu programu z "
                                 "numeracją rozdziałów (section_numbering) — usuń „num”")
            if counter is None or section.level != 1:
                if section.repealed and counter is None:
                    raise ValueError(f"rozdział {position}: rozdział uchylony zachowuje swój numer — ustaw "
                                     "numerację rozdziałów (section_numbering)")
                continue
            if section.num is None:
                previous += 1
                continue
            problem = follows(section.num, previous, counter)
            if problem is not None:
                raise ValueError(f"rozdział {position}: {problem}")
            plain, suffix = split_number(section.num, counter) or ("", "")
            previous = plain_position(plain, counter) if not suffix else previous
        return self

    @model_validator(mode="after")
    def _unique_ids(self) -> Program:
        seen: set[str] = set()
        for section in self.sections:
            for ident in [section.id, *_iter_item_ids(section.items)]:
                if ident is None:
                    continue
                if ident in seen:
                    raise ValueError(f"identyfikator „{ident}” występuje w programie więcej niż raz")
                seen.add(ident)
        return self


def _iter_item_ids(items: list[Item]) -> list[str | None]:
    ids: list[str | None] = []
    for item in items:
        ids.append(item.id)
        ids.extend(_iter_item_ids(item.items))
    return ids
