"""The change list of an amending resolution (uchwała zmieniająca) and the resolution it amends.

Contract: :class:`Amendment` names the amended resolution (:class:`AmendedResolution`: number, date, title,
where it was published and what amended it before) and lists its :class:`Change` s in the order of the
amended act. A change addresses one unit in the citation form of :mod:`paldocs.amendments.address` („§ 2 ust. 1
pkt 3”, „załącznik rozdział II pkt 3”) and says what happens to it (Dział II ZTP, § 82–§ 95; docs/amendments.md):
``wording`` — the unit „otrzymuje brzmienie”, ``insert`` — a new unit „dodaje się … w brzmieniu” after
``after``, ``repeal`` — „uchyla się”, ``words`` — „wyrazy „…” zastępuje się wyrazami „…””, ``annex`` — the annex
„otrzymuje brzmienie określone w załączniku do niniejszej uchwały”. Each change is checked here for the fields
its operation needs; whether the unit exists is checked against the amended act elsewhere. No wording here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator, model_validator

from paldocs.amendments.address import UnitAddress, parse_address
from paldocs.model.base import Markdown, NonEmptyText, StrictModel

ChangeOp = Literal["wording", "insert", "repeal", "words", "annex"]

_OP_NAMES = {"wording": "nowe brzmienie", "insert": "dodanie jednostki", "repeal": "uchylenie",
             "words": "zmiana wyrazów", "annex": "nowe brzmienie załącznika"}


class Change(StrictModel):
    """One change of the amended act: one point of the change list (§ 85 ZTP: one unit per point)."""

    op: ChangeOp = Field(description="Rodzaj zmiany: wording (jednostka otrzymuje nowe brzmienie), insert (dodaje "
                         "się nową jednostkę), repeal (uchyla się jednostkę), words (zmiana wyrazów w jednostce), "
                         "annex (załącznik otrzymuje brzmienie określone w załączniku do uchwały zmieniającej).",
                         examples=["wording"])
    unit: NonEmptyText = Field(description="Zmieniana jednostka, jak w cytowaniu: „§ 2 ust. 1 pkt 3”, „załącznik "
                               "rozdział II pkt 3”; przy „insert” — NOWA jednostka („§ 4a”); przy „annex” — "
                               "„załącznik” (albo „załącznik nr 2”).", examples=["§ 2 ust. 1 pkt 3"])
    after: NonEmptyText | None = Field(None, description="Tylko „insert”: istniejąca jednostka, po której dodaje "
                                       "się nową („§ 4”); brak = na początku jednostki nadrzędnej.",
                                       examples=["§ 4"])
    text: Markdown | None = Field(None, description="Przy „wording” i „insert”: całe nowe brzmienie jednostki "
                                  "(Markdown jak w danych, bez jej oznaczenia: paragraf jak element provisions, "
                                  "rozdział programu jako „## nagłówek” i treść, punkt z literami „a) …”).",
                                  examples=["Program realizuje Miejski Ośrodek Pomocy Społecznej."])
    old_words: NonEmptyText | None = Field(None, description="Przy „words”: wyrazy zastępowane (albo skreślane).",
                                           examples=["do 31 marca"])
    new_words: str | None = Field(None, description="Przy „words”: nowe wyrazy; pusty napis = wyrazy się skreśla "
                                  "(„skreśla się wyrazy „…””).", examples=["do 30 kwietnia"])

    @field_validator("unit", "after")
    @classmethod
    def _readable_address(cls, value: str | None) -> str | None:
        if value is not None:
            parse_address(value)  # its ValueError carries the Polish message, located by pydantic
        return value

    @property
    def address(self) -> UnitAddress:
        """The unit's parsed address."""
        return parse_address(self.unit)

    @property
    def after_address(self) -> UnitAddress | None:
        """The parsed address of the unit an inserted unit follows."""
        return parse_address(self.after) if self.after is not None else None

    @model_validator(mode="after")
    def _fields_of_the_operation(self) -> Change:
        name = _OP_NAMES[self.op]
        needs_text = self.op in ("wording", "insert")
        if needs_text and self.text is None:
            raise ValueError(f"{name} („{self.op}”) wymaga pola „text” — całego nowego brzmienia jednostki")
        if not needs_text and self.text is not None:
            raise ValueError(f"pole „text” należy tylko do „wording” i „insert”, nie do „{self.op}”")
        if self.op == "words":
            if self.old_words is None or self.new_words is None:
                raise ValueError("zmiana wyrazów („words”) wymaga pól „old_words” i „new_words” (pusty napis: "
                                 "wyrazy się skreśla)")
        elif self.old_words is not None or self.new_words is not None:
            raise ValueError(f"pola „old_words” i „new_words” należą tylko do „words”, nie do „{self.op}”")
        if self.after is not None and self.op != "insert":
            raise ValueError(f"pole „after” należy tylko do „insert”, nie do „{self.op}”")
        address = self.address
        whole_annex = len(address.steps) == 1 and address.last()[0] == "zalacznik"
        if self.op == "annex" and not whole_annex:
            raise ValueError(f"„annex” zmienia cały załącznik — „unit” to „załącznik” (albo „załącznik nr 2”), "
                             f"nie „{self.unit}”")
        if self.op != "annex" and whole_annex:
            raise ValueError("nowe brzmienie całego załącznika to zmiana „annex” (treść: program uchwały "
                             "zmieniającej)")
        if self.op == "insert" and self.after is not None:
            after = parse_address(self.after)
            if after.parent() != address.parent() or after.last()[0] != address.last()[0]:
                raise ValueError(f"„{self.unit}” dodaje się po jednostce tego samego rodzaju w tej samej jednostce "
                                 f"nadrzędnej — „{self.after}” nią nie jest")
        return self


class PriorAmendment(StrictModel):
    """An earlier amending resolution of the same act (named in the footnote of a consolidated text)."""

    number: NonEmptyText = Field(description="Numer uchwały zmieniającej, np. „XX/150/2016”.",
                                 examples=["XX/150/2016"])
    date: dt.date = Field(description="Data jej podjęcia (RRRR-MM-DD).", examples=["2016-03-31"])
    journal: NonEmptyText | None = Field(None, description="Gdzie ją ogłoszono, np. „Dz. Urz. Woj. Warm.-Maz. "
                                         "z 2016 r. poz. 1500”.", examples=["Dz. Urz. Woj. Warm.-Maz. z 2016 r. poz. 1500"])


class AmendedResolution(StrictModel):
    """The resolution being amended, named as the amending resolution's title and § 1 name it."""

    number: NonEmptyText = Field(description="Numer zmienianej uchwały, np. „LXIV/400/14”.", examples=["LXIV/400/14"])
    date: dt.date = Field(description="Data jej podjęcia (RRRR-MM-DD).", examples=["2014-04-29"])
    subject: NonEmptyText = Field(description="Jej tytuł „w sprawie …”.",
                                  examples=["w sprawie przyjęcia Programu Aktywności Lokalnej dla Gminy Miejskiej "
                                            "Kętrzyn na lata 2014 – 2020"])
    council: NonEmptyText | None = Field(None, description="Rada, która ją podjęła (dopełniacz), gdy nie jest to "
                                         "rada z profilu gminy; brak = rada z profilu.",
                                         examples=["Rady Miejskiej Gminy Frombork"])
    journal: NonEmptyText | None = Field(None, description="Gdzie ją ogłoszono (akt prawa miejscowego), np. "
                                         "„Dz. Urz. Woj. Warm.-Maz. z 2014 r. poz. 1750”; przy kolejnych zmianach "
                                         "drukuje się też ogłoszone zmiany (pole amended_by).",
                                         examples=["Dz. Urz. Woj. Warm.-Maz. z 2014 r. poz. 1750"])
    data: NonEmptyText | None = Field(None, description="Plik danych zmienianej uchwały (ścieżka względem pliku "
                                      "uchwały zmieniającej) — na nim paldocs check sprawdza, czy zmieniane jednostki "
                                      "istnieją; brak = plik z tym numerem i datą w tym samym folderze.",
                                      examples=["../../ketrzyn-2014-pal.yaml"])
    amended_by: list[PriorAmendment] = Field(default_factory=list, description="Wcześniejsze uchwały zmieniające "
                                             "(numer, data, ogłoszenie) — w kolejności podjęcia.",
                                             examples=[[{"number": "XX/150/2016", "date": "2016-03-31"}]])

    @field_validator("subject")
    @classmethod
    def _w_sprawie(cls, value: str) -> str:
        if not value.startswith("w sprawie"):
            raise ValueError(f"tytuł zmienianej uchwały zaczyna się od „w sprawie …” — jest „{value[:40]}”")
        return value


class Amendment(StrictModel):
    """What an amending resolution (rodzaj „zmiana”) changes, and in which uchwała."""

    resolution: AmendedResolution = Field(
        description="Zmieniana uchwała: numer, data, tytuł, ogłoszenie.",
        examples=[{"number": "LXIV/400/14", "date": "2014-04-29", "subject": "w sprawie przyjęcia Programu Aktywności "
                   "Lokalnej dla Gminy Miejskiej Kętrzyn na lata 2014 – 2020"}])
    changes: list[Change] = Field(
        min_length=1, description="Zmiany w kolejności jednostek zmienianej uchwały; każda to jeden punkt wyliczenia "
        "(jedna zmiana — jedno zdanie, § 85 ust. 3 ZTP).",
        examples=[[{"op": "repeal", "unit": "§ 5"},
                   {"op": "insert", "unit": "§ 4a", "after": "§ 4", "text": "Dodany paragraf."}]])
    annex_form: Literal["precise", "whole"] | None = Field(
        None, description="Zmiany w załączniku: precise — zmiany poszczególnych jednostek załącznika; whole — "
        "„Załącznik do uchwały … otrzymuje brzmienie określone w załączniku do niniejszej uchwały”; brak = reguła "
        "opisana w docs/amendments.md.", examples=["whole"])
    title_form: Literal["zmieniajaca", "zmiany"] = Field(
        "zmieniajaca", description="Tytuł: „zmieniajaca” — „zmieniająca uchwałę w sprawie …” (jak tytuły aktów "
        "zmieniających w ZTP); „zmiany” — „w sprawie zmiany uchwały Nr … z dnia … w sprawie …” (częste w praktyce rad).",
        examples=["zmiany"])

    @model_validator(mode="after")
    def _annex_changes_agree(self) -> Amendment:
        whole = [change for change in self.changes if change.op == "annex"]
        if len(whole) > 1:
            raise ValueError("nowe brzmienie załącznika („annex”) może być jedno — uchwała zmieniająca ma jeden "
                             "program, który je określa")
        if self.annex_form == "precise" and whole:
            raise ValueError("„annex_form: precise” zapowiada zmiany poszczególnych jednostek załącznika, a lista "
                             "zawiera nowe brzmienie całego załącznika („annex”)")
        if self.annex_form == "whole" and not whole:
            raise ValueError("„annex_form: whole” — podaj zmianę „annex” (nowe brzmienie całego załącznika) zamiast "
                             "zmian poszczególnych jednostek załącznika")
        for change in whole:
            inside = [other.unit for other in self.changes if other is not change and
                      other.address.steps[0] == change.address.steps[0]]
            if inside:
                raise ValueError(f"załącznik otrzymuje nowe brzmienie w całości — zmiany w nim („{inside[0]}”) są "
                                 "zbędne: nowe brzmienie określa program uchwały zmieniającej")
        return self

    def markdown(self, council_genitive: str) -> str:
        """§ 1 in ZTP wording (:func:`paldocs.amendments.wording.amendment_markdown`); for templates."""
        from paldocs.amendments.wording import amendment_markdown  # wording reads this model: imported when used

        return amendment_markdown(self, council_genitive)

    def title(self, council_genitive: str) -> str:
        """The title „zmieniająca uchwałę w sprawie …” (:func:`paldocs.amendments.wording.amendment_title`)."""
        from paldocs.amendments.wording import amendment_title

        return amendment_title(self, council_genitive)

    @model_validator(mode="after")
    def _one_point_per_unit(self) -> Amendment:
        seen: set[tuple[str, str]] = set()
        for change in self.changes:
            key = (str(change.address), change.op if change.op == "words" else "")
            if change.op != "words" and key in seen:
                raise ValueError(f"jednostka „{change.unit}” jest zmieniana dwa razy — jedna jednostka, jeden punkt")
            seen.add(key)
        return self
