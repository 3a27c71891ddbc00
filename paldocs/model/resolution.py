"""Resolution (uchwała): what the council decides, and the data file that holds it.

Contract: :class:`ResolutionNumber` is structured (session in roman numerals, running number, year); a
draft has no number and/or no date and prints dotted blanks. :class:`LegalBasisEntry` names an act from
the acts catalog and a provision; an explicit journal ``address`` given by the legal office wins over the
catalog. :class:`DataFile` is the root of a YAML file: the municipality profile, the resolution and its
program (annex). ``document`` says what to build: the whole resolution with its annex, or the annex alone
(a seed may hold only the annex: its program, or without a program its one entry of ``annexes``). No formatting
happens here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from paldocs.errors import PaldocsError
from paldocs.model.amendment import Amendment
from paldocs.model.annex import Annex
from paldocs.model.base import Markdown, MarkdownText, NonEmptyText, StrictModel
from paldocs.model.closing import Closing, RepealedResolution
from paldocs.model.municipality import Municipality, Signatory
from paldocs.model.program import Program
from paldocs.polish.numerals import from_roman

# The parts are separated by "/" or, in some councils, by "." ("III.23.2018") — the same sign throughout.
_SESSION_FIRST = re.compile(r"^\s*([IVXLCDM]+)\s*([/.])\s*(\d+)\s*\2\s*(\d{2}|\d{4})\s*$")
_NUMBER_FIRST = re.compile(r"^\s*(\d+)\s*([/.])\s*([IVXLCDM]+)\s*\2\s*(\d{2}|\d{4})\s*$")
_NO_SESSION = re.compile(r"^\s*(\d+)\s*[/.]\s*(\d{2}|\d{4})\s*$")


def _full_year(year: str) -> int:
    return int(year) + 2000 if len(year) == 2 else int(year)


class ResolutionNumber(StrictModel):
    """„LXIV/400/14”, „124/XXII/2016” or „228/2005”: session (roman), running number, year (docs/domain.md § 5);
    also with dots, „III.23.2018”.

    The order in which they are printed, and the separator, are the municipality's numbering setting; a number without a session
    needs ``numbering.order: number/year``."""

    session: str | None = Field(None, description="Numer sesji cyframi rzymskimi, np. „LXIV” (brak: numeracja bez sesji).",
        examples=["LXIV"])
    number: int = Field(ge=1, description="Kolejny numer uchwały.", examples=[400])
    year: int = Field(ge=1990, le=2100, description="Rok (czterocyfrowy; sposób zapisu wynika z profilu gminy).",
        examples=[2014])

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        if isinstance(value, str):
            if match := _SESSION_FIRST.match(value):
                session, _, number, year = match.groups()
            elif match := _NUMBER_FIRST.match(value):
                number, _, session, year = match.groups()
            elif match := _NO_SESSION.match(value):
                (number, year), session = match.groups(), None
            else:
                raise ValueError(f"„{value}” nie jest numerem uchwały w postaci sesja/numer/rok, np. „LXIV/400/14” "
                                 "(także „124/XXII/2016”, „228/2005” albo z kropkami: „III.23.2018”)")
            return {"session": session, "number": int(number), "year": _full_year(year)}
        return value

    @field_validator("session")
    @classmethod
    def _roman(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            from_roman(value)
        except PaldocsError as error:  # pydantic reports only ValueErrors with their location
            raise ValueError(error.message) from None
        return value


class LegalBasisEntry(StrictModel):
    """One entry of the legal basis: an act of the catalog and its provision(s), or a whole citation typed."""

    act: NonEmptyText | None = Field(None, description="Klucz ustawy w katalogu aktów, np. „samorzad-gminny”.",
                                     examples=["samorzad-gminny"])
    provision: NonEmptyText | None = Field(
        None, description="Przepis albo kilka przepisów tej ustawy, np. „art. 18 ust. 2 pkt 15”, „art. 5a ust. 1 "
        "i 4”, „art. 18 ust. 2 pkt 15 i art. 40 ust. 1”.", examples=["art. 18 ust. 2 pkt 15 i art. 40 ust. 1"])
    address: NonEmptyText | None = Field(
        None, description="Adres publikacji podany przez biuro prawne — drukowany dokładnie tak, jak go wpisano "
        "(ma pierwszeństwo przed katalogiem; paldocs check ocenia go według katalogu), także dawna postać "
        "sprzed 2012 r.", examples=["Dz. U. z 2021 r. poz. 2268 z późn. zm.", "Dz. U. z 2001 r. Nr 142, poz. 1591"])
    text: NonEmptyText | None = Field(
        None, description="Cały przepis podstawy prawnej wpisany ręcznie — drukowany tak, jak go wpisano, bez "
        "katalogu i bez sprawdzania (zamiast act, provision, address).",
        examples=["art. 7 ust. 1 pkt 6 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2001 r. "
                  "Nr 142, poz. 1591 z późn. zm.)"])
    join: Literal["i", "oraz", "w związku z", "w zw. z", ","] | None = Field(
        None, description="Spójnik przed tym przepisem (zamiast „legal_basis_join”), np. „w związku z”; przy "
        "pierwszym przepisie niedozwolony.", examples=["w związku z"])

    @model_validator(mode="after")
    def _act_or_text(self) -> LegalBasisEntry:
        if self.text is not None:
            if self.act is not None or self.provision is not None or self.address is not None:
                raise ValueError("„text” to cały przepis wpisany ręcznie — nie podawaj obok niego „act”, "
                                 "„provision” ani „address”")
        elif self.act is None or self.provision is None:
            raise ValueError("podaj ustawę i przepis („act” i „provision”) albo cały przepis jako „text”")
        return self


# "§ Tekst" or a lone "§": a typed number ("§ 5.") is left to the parser, which names the number to remove.
_PARAGRAF_SIGN = re.compile(r"\s*§(?!\s*\d)")


def _no_paragraf_sign(value: MarkdownText) -> MarkdownText:
    """A provision is one paragraf whose sign and number paldocs prints (§ 54 ZTP numbers them through the act)."""
    if _PARAGRAF_SIGN.match(value):
        raise ValueError("znak § drukuje paldocs — usuń „§” z początku paragrafu (każdy element listy provisions "
                         "to jeden paragraf; ustępy zaczynaj od „1.”)")
    return value


Provision = Annotated[Markdown, AfterValidator(_no_paragraf_sign)]
"""One paragraf of ``resolution.provisions``: Markdown with ustępy, punkty, litery and tirety, without "§"."""


class Resolution(StrictModel):
    # A key of the kinds registry: the built-in kinds.yaml plus a user's --templates one, so the set is known
    # only when the data are loaded (paldocs.model.load passes it as the validation context "kinds").
    kind: str = Field("pal", description="Rodzaj uchwały: klucz z kinds.yaml (szablon podstawy prawnej; "
                      "wbudowane i własne z --templates; lista: paldocs kinds).", examples=["program-wspolpracy"])
    number: ResolutionNumber | None = Field(None, description="Numer; brak = projekt (wykropkowane miejsce).",
        examples=["XII/85/2019"])
    date: dt.date | None = Field(None, description="Data podjęcia (RRRR-MM-DD); brak = projekt.",
        examples=["2019-05-20"])
    subject: NonEmptyText | None = Field(
        None, description="Tytuł „w sprawie …”; domyślnie z szablonu rodzaju uchwały.",
            examples=["w sprawie przyjęcia Programu współpracy Gminy X z organizacjami pozarządowymi na 2020 rok"])
    legal_basis: list[LegalBasisEntry] | None = Field(
        None, description="Podstawa prawna; domyślnie z szablonu rodzaju uchwały.",
            examples=[[{"act": "samorzad-gminny", "provision": "art. 18 ust. 2 pkt 15"}]])
    legal_basis_join: Literal["i", "oraz", "w związku z"] = Field(
        "oraz", description="Spójnik przed ostatnim przepisem podstawy prawnej (wcześniejsze oddziela przecinek); "
        "przepis z własnym „join” ma swój.", examples=["oraz"])
    provisions: list[Provision] = Field(
        default_factory=list,
        description="Dodatkowe paragrafy (przed klauzulą wykonawczą), bez znaku § i bez numerów — numery nadaje "
        "paldocs. Paragraf może dzielić się na ustępy „1.”, ustęp na punkty „1)”, punkt na litery „a)”, litera "
        "na tirety „–” (§ 55–57 ZTP); jednostkę niższego stopnia wpisuje się z wcięciem pod nadrzędną.",
        examples=[["Zwykły paragraf bez ustępów.",
                   "1. Pierwszy ustęp.\n2. Drugi ustęp obejmuje:\n   1) punkt pierwszy;\n   2) punkt drugi:\n"
                   "      a) litera pierwsza,\n      b) litera druga."]])
    repeals: RepealedResolution | None = Field(None, description="Uchylana uchwała (rodzaj „repeal”).",
        examples=[{"number": "XII/85/2019", "date": "2019-05-20", "subject": "w sprawie …"}])
    amends: Amendment | None = Field(
        None, description="Uchwała zmieniająca (rodzaj „zmiana”): zmieniana uchwała i lista zmian (docs/amendments.md).",
        examples=[{"resolution": {"number": "LXIV/400/14", "date": "2014-04-29", "subject": "w sprawie …"},
                   "changes": [{"op": "repeal", "unit": "§ 5"}]}])
    adoption: NonEmptyText | None = Field(
        None, description="Własne brzmienie § 1 zamiast brzmienia rodzaju uchwały (bez „§ 1.”).",
        examples=["Przyjmuje się Strategię Rozwiązywania Problemów Społecznych Gminy Ostróda na lata 2021–2030, "
                  "stanowiącą załącznik do niniejszej uchwały."])
    requires_program: bool | None = Field(
        None, description="Czy uchwała wymaga programu (załącznika) — zamiast wymagania rodzaju uchwały; false: "
        "uchwała rodzaju programowego bez programu w danych.", examples=[False])
    requires: list[Literal["program", "legal_basis", "repeals", "subject", "provisions"]] | None = Field(
        None, description="Pełna lista danych, bez których uchwały nie da się zbudować — zamiast listy rodzaju "
        "uchwały (kinds.yaml); np. [] nie wymaga niczego.", examples=[["subject", "legal_basis"]])
    closing: Closing | None = Field(
        None, description="Przepisy końcowe: kolejność, uchwały tracące moc, wejście w życie i ogłoszenie; brak = "
        "jak rodzaj uchwały.", examples=[{"order": ["repeal", "executor", "entry-into-force"],
                                          "entry_into_force": {"form": "z-dniem", "date": "2017-01-01"}}])
    act_of_local_law: bool | None = Field(
        None, description="Czy uchwała jest aktem prawa miejscowego (domyślnie: jak rodzaj uchwały).", examples=[True])
    status: Literal["podjęta", "projekt"] = Field(
        "podjęta", description="„podjęta” — uchwała podjęta (numer, data, podpis); „projekt” — projekt na sesję: "
        "znak „Projekt” w prawym górnym rogu, wykropkowane miejsca na numer („UCHWAŁA NR …/…/…”) i datę („z dnia "
        "…”), bez podpisu — także gdy numer i data są podane. Flaga --draft polecenia paldocs build wymusza projekt.",
        examples=["projekt"])
    signatory: Signatory | None = Field(
        None, description="Podpisujący (jeden); domyślnie z profilu gminy. Kilku podpisujących: pole signatories.",
        examples=[{"name": "Anna Nowak", "gender": "k"}])
    signatories: list[Signatory] | None = Field(
        None, min_length=1, description="Podpisujący w kolejności druku (każdy we własnym bloku podpisu), np. "
        "przewodnicząca i wiceprzewodniczący; zamiast pola signatory.",
        examples=[[{"name": "Anna Nowak", "function": "przewodniczący", "gender": "k"},
                   {"name": "Jan Kowalski", "function": "wiceprzewodniczący", "gender": "m",
                    "on_behalf_of_chair": True, "chair_gender": "k"}]])
    signature_organ: Literal["full", "type", "short"] = Field(
        "full", description="Nazwa rady w podpisie: full — pełna („Przewodniczący Rady Miejskiej w Kętrzynie”); "
        "type — bez miejscowości („Przewodniczący Rady Gminy”, np. uchwała Nr III/15/18 Rady Gminy Zduny); "
        "short — „Przewodniczący Rady”.", examples=["short"])
    justification: Markdown | None = Field(None, description="Uzasadnienie (Markdown).",
        examples=["Program jest odpowiedzią na potrzeby mieszkańców."])
    footnotes: list[Markdown] | None = Field(
        None, min_length=1, description="Przypisy drukowane pod blokiem podpisu drobniejszym pismem (Markdown), "
        "w kolejności druku — np. przypisy Dziennika Urzędowego do podstawy prawnej („1) Zmiany tekstu "
        "jednolitego wymienionej ustawy zostały ogłoszone w Dz. U. …”); odsyłacz w tekście („gminnym1)”) pisze "
        "się wprost w tekście.", examples=[["1) Zmiany tekstu jednolitego wymienionej ustawy zostały ogłoszone "
                                           "w Dz. U. z 2023 r. poz. 572."]])

    @model_validator(mode="after")
    def _one_way_to_name_signatories(self) -> Resolution:
        if self.signatory is not None and self.signatories is not None:
            raise ValueError("podaj albo „signatory” (jeden podpisujący), albo „signatories” (lista) — nie oba pola")
        return self

    @property
    def is_draft(self) -> bool:
        """A draft for a council session: blanks for number and date, no signature."""
        return self.status == "projekt"

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str, info: ValidationInfo) -> str:
        """Refused when the loader gave the registry and it has no such kind (its message: ``unknown_kind``
        in :mod:`paldocs.model.messages`); a model built in code is checked when composed."""
        known = (info.context or {}).get("kinds")
        if known is not None and value not in known:
            raise PydanticCustomError("unknown_kind", "unknown resolution kind {kind}",
                                      {"kind": value, "known": sorted(known)})
        return value

    @model_validator(mode="after")
    def _amending_kind_names_the_amended(self) -> Resolution:
        # The amending kind prints § 1 from the change list (docs/amendments.md); other kinds have no use for one.
        if self.kind == "zmiana" and self.amends is None:
            raise ValueError("uchwała zmieniająca (rodzaj „zmiana”) wymaga pola „amends”: zmienianej uchwały "
                             "(resolution: number, date, subject) i listy zmian (changes)")
        return self

    @model_validator(mode="after")
    def _overrides_agree(self) -> Resolution:
        if self.requires_program is not None and self.requires is not None:
            raise ValueError("podaj „requires_program” albo pełną listę „requires”, nie oba")
        if self.legal_basis and self.legal_basis[0].join is not None:
            raise ValueError("pierwszy przepis podstawy prawnej nie ma spójnika „join” — spójnik stoi przed "
                             "kolejnymi przepisami")
        return self


class DataFile(StrictModel):
    document: Literal["resolution", "annex"] = Field(
        "resolution", description="Co zbudować: całą uchwałę z załącznikami albo sam załącznik (annex) — program "
        "(pole „program”) albo, bez programu, jedyny załącznik z listy „annexes”, z nagłówkiem „Załącznik do "
        "Uchwały Nr …” z danych uchwały.", examples=["annex"])
    municipality: Municipality = Field(description="Profil gminy (albo ścieżka do pliku profilu).",
        examples=["profiles/gmina-x.yaml"])
    resolution: Resolution = Field(description="Uchwała: rodzaj, numer, data, tytuł, podstawa prawna, paragrafy, "
                                   "przepisy końcowe i podpis.",
                                   examples=[{"kind": "pal", "number": "XII/85/2019", "date": "2019-05-20"}])
    program: Program | None = Field(None, description="Program przyjmowany uchwałą (załącznik).",
        examples=[{"title": "Program …", "period": {"from": 2021, "to": 2027}, "sections": [{"id": "cele", "heading": "Cele"}]}])
    annexes: list[Annex] = Field(
        default_factory=list, description="Dalsze załączniki (po programie, jeśli jest): tekst z tabelami, rysunek "
        "lub plan z pliku albo załącznik nieodtworzony; numery („Załącznik Nr 2”) nadaje paldocs.",
        examples=[[{"title": "Wykaz zadań", "content": "1. Remont świetlicy."},
                   {"title": "Mapa obszaru", "file": "mapa.png"},
                   {"title": "Regulamin konkursu", "reproduced": False}]])

    @model_validator(mode="after")
    def _annex_needs_a_program(self) -> DataFile:
        if self.document == "annex" and self.program is None and len(self.annexes) != 1:
            raise ValueError("„document: annex” buduje sam załącznik — podaj program (pole „program”) albo, bez "
                             "programu, dokładnie jeden załącznik w „annexes”")
        amends = self.resolution.amends
        if amends is not None and self.program is None and not self.annexes and \
                any(change.op == "annex" for change in amends.changes):
            raise ValueError("zmiana „annex” nadaje załącznikowi brzmienie określone w załączniku uchwały "
                             "zmieniającej — podaj ten załącznik: program (pole „program”) albo „annexes”")
        number = self.resolution.number
        if number is not None and number.session is None and self.municipality.numbering.order != "number/year":
            raise ValueError("numer uchwały nie ma numeru sesji — ustaw w profilu gminy „numbering: {order: "
                             "number/year}” albo podaj sesję (np. „XII/85/2024”)")
        return self


def as_draft(data: DataFile) -> DataFile:
    """The same data printed as a draft (``paldocs build --draft``): ``resolution.status`` "projekt"."""
    if data.resolution.is_draft:
        return data
    return data.model_copy(update={"resolution": data.resolution.model_copy(update={"status": "projekt"})})


def number_year_conflict(data: DataFile) -> tuple[str, str] | None:
    """``(message, corrected number)`` when the year in the resolution's number is not the year of its date.

    docs/domain.md § 5 (practice): the number is session / running number / year of adoption (2 or 4 digits, a
    profile setting); with 2 digits a year of another century prints the same and is reported too. Used by
    check PD002 and by ``paldocs build``, which refuses to print a self-contradictory title block."""
    number, date = data.resolution.number, data.resolution.date
    if number is None or date is None or number.year == date.year:
        return None
    digits = data.municipality.numbering.year_digits
    printed = _year_text(number.year, digits)
    if digits == 2 and printed == _year_text(date.year, 2):
        message = (f"rok w numerze uchwały ({number.year}, drukowany jako „{printed}”) i rok daty podjęcia "
                   f"({date.year}) należą do różnych stuleci — sprawdź numer i datę")
    else:
        message = (f"rok w numerze uchwały ({number.year}) różni się od roku daty podjęcia ({date.year}) — numer "
                   "uchwały kończy się rokiem jej podjęcia; popraw numer albo datę")
    # "XII/85/95" would be read as 2095: outside 2000–2099 the fix keeps four digits (still printed as two)
    year = _year_text(date.year, digits if 2000 <= date.year <= 2099 else 4)
    return message, f"{number.session}/{number.number}/{year}"


def _year_text(year: int, digits: int) -> str:
    return str(year)[-2:] if digits == 2 else str(year)
