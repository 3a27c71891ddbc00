"""Monitoring report (sprawozdanie z realizacji programu): what was done in a year, against the targets.

Contract: :class:`MonitoringReport` is the root of a report file (``document: report``). It names the program's
data file (``program:``, a path relative to the report file), the report years (one year or a range), the
indicators with targets and actual values, the activities with participants and costs, the narrative and the
clerk's own chapters (:class:`Chapter`: a heading as written and Markdown content, printed in data order).

A report may stand alone, without the program's data file (as municipalities publish them: a title and
chapters of text): then it names the program as text (``program_title``) or carries its own ``title``, and
has no indicators or activities (those refer to the program's goals and directions). ``years`` is required
with a program file; a standalone report may leave it out when the document states no year (the importer
logs it). Everything else — ``prepared_by``, ``place``, ``month``, ``narrative`` — is optional and printed
only when given: a report prints what its data say, nothing for what they do not.
Everything that can be computed (percentages, statuses, sums) is computed by :mod:`paldocs.report.compute`,
never typed here. Validators in this module check what a report can check alone (no negative numbers, money
with at most two decimals, splits of participants that add up to the total, ordered dates);
:mod:`paldocs.report.load` checks what needs the whole report (unique ids, dates and years against the
report years) and the references into the program. No formatting happens here.

Years of indicator values (documented rule): ``targets`` may name any year of the program period (period
planning); ``actual`` may name any year of the program period up to the report's last year — years before the
report's first year are history (for trends and cumulative progress), later years are an error (the future
cannot be reported). A year missing from ``actual`` means "not reported" (status "brak danych").
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from paldocs.model.base import Markdown, NonEmptyText, StrictModel
from paldocs.model.program import ID_PATTERN
from paldocs.report.spreadsheet import TableSource
from paldocs.report.texts import Chapter, Narrative

ILLUSTRATIVE_NOTICE = ("Dane liczbowe w niniejszym sprawozdaniu mają charakter przykładowy (ilustracyjny) "
                       "i nie przedstawiają rzeczywistych wyników realizacji programu.")
"""The notice a template prints when ``illustrative: true``."""

ProblemPath = tuple[str | int, ...]
Problem = tuple[ProblemPath, str]
"""A located problem: the field path in the report file and a Polish message."""


def _not_negative(value: Decimal | int) -> Decimal | int:
    if value < 0:
        raise ValueError(f"wartość nie może być ujemna (jest: {value})")
    return value


def _money(value: Decimal) -> Decimal:
    """Zł with at most two decimals, returned with exactly two (``86125.6`` → ``86125.60``)."""
    _not_negative(value)
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValueError(f"kwota {value} ma więcej niż dwa miejsca po przecinku (grosze)")
    return value.quantize(Decimal("0.01"))


Ident = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Year = Annotated[int, Field(ge=1990, le=2100)]
Count = Annotated[int, AfterValidator(_not_negative)]
Number = Annotated[Decimal, AfterValidator(_not_negative)]
Money = Annotated[Decimal, AfterValidator(_money)]
def _year_keys(value: object) -> object:
    """Keys of a year → value mapping must be years; a clear message instead of pydantic's key error."""
    if isinstance(value, dict):
        for key in value:
            text = str(key).strip() if isinstance(key, (int, str)) and not isinstance(key, bool) else ""
            if not (text.isdigit() and 1990 <= int(text) <= 2100):
                raise ValueError(f"„{key}” nie jest rokiem (1990–2100) — klucze to lata, np. „2015: 120”")
    return value


YearValues = Annotated[dict[Year, Number], BeforeValidator(_year_keys)]
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def _to_month(value: object) -> object:
    """``"2016-03"`` → 1 March 2016; a full date (YAML ``2016-03-15``) keeps only its month."""
    if isinstance(value, dt.date):
        return value.replace(day=1)
    if isinstance(value, str):
        match = _MONTH.match(value)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ValueError(f"„{value}” nie jest miesiącem w postaci RRRR-MM, np. „2016-03”")
        return dt.date(int(match.group(1)), int(match.group(2)), 1)
    return value


class YearRange(StrictModel):
    """The years a report covers; a single year in the file (``years: 2015``) becomes ``{from: 2015, to: 2015}``."""

    start: Year = Field(alias="from", description="Pierwszy rok objęty sprawozdaniem.", examples=[2014])
    end: Year = Field(alias="to", description="Ostatni rok objęty sprawozdaniem.", examples=[2016])

    @model_validator(mode="before")
    @classmethod
    def _from_single_year(cls, value: object) -> object:
        return {"from": value, "to": value} if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _ordered(self) -> YearRange:
        if self.end < self.start:
            raise ValueError(f"zakres lat kończy się ({self.end}) przed początkiem ({self.start})")
        return self

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end


class DateRange(StrictModel):
    start: dt.date = Field(alias="from", description="Data rozpoczęcia (RRRR-MM-DD).", examples=["2016-02-01"])
    end: dt.date = Field(alias="to", description="Data zakończenia (RRRR-MM-DD).", examples=["2016-12-16"])

    @model_validator(mode="after")
    def _ordered(self) -> DateRange:
        if self.end < self.start:
            raise ValueError(f"działanie kończy się ({self.end.isoformat()}) przed rozpoczęciem "
                             f"({self.start.isoformat()})")
        return self


class PreparedBy(StrictModel):
    name: NonEmptyText = Field(description="Imię i nazwisko sporządzającego.", examples=["Anna Kowalska"])
    function: NonEmptyText = Field(description="Funkcja, np. „Dyrektor Miejskiego Ośrodka Pomocy Społecznej”.",
                                   examples=["Dyrektor Miejskiego Ośrodka Pomocy Społecznej"])


class Indicator(StrictModel):
    """A measurable indicator of the program's goals, directions or results."""

    id: Ident = Field(description="Stały identyfikator wskaźnika, np. „uczestnicy-kis”.", examples=["uczestnicy-kis"])
    name: NonEmptyText = Field(description="Nazwa wskaźnika, np. „Liczba osób objętych działaniami KIS”.",
                               examples=["Liczba osób objętych działaniami KIS"])
    unit: NonEmptyText = Field(description="Jednostka do wydruku, np. „osoby”, „rodziny”, „%”, „zł”.",
                               examples=["osoby"])
    measures: list[Ident] = Field(min_length=1, description="Identyfikatory celów, kierunków lub rezultatów programu.",
                                  examples=[["cel-1", "kierunek-8"]])
    better: Literal["more", "less"] = Field("more", description="„more” — im więcej, tym lepiej; „less” — im mniej.",
                                            examples=["less"])
    baseline: Number | None = Field(None, description="Wartość bazowa (przed programem).", examples=[52])
    baseline_year: Year | None = Field(None, description="Rok wartości bazowej.", examples=[2013])
    targets: YearValues = Field(default_factory=dict, description="Wartości docelowe na lata (rok: wartość).",
                                examples=[{2015: 70, 2016: 80}])
    period_target: Number | None = Field(None, description="Wartość docelowa na cały okres programu.", examples=[530])
    period_aggregate: Literal["sum", "latest"] | None = Field(
        None, description="Postęp wobec celu na okres: „sum” — suma wartości z lat (domyślnie dla „more”), "
        "„latest” — wartość z ostatniego roku (domyślnie dla „less”; wskaźniki stanu).", examples=["latest"])
    actual: YearValues = Field(default_factory=dict, description="Wartości osiągnięte (rok: wartość).",
                               examples=[{2015: 74, 2016: 69}])
    comment: Markdown | None = Field(None, description="Wyjaśnienie (np. dlaczego cel nie został osiągnięty).",
                                     examples=["Zajęcia grupy popołudniowej rozpoczęto z opóźnieniem."])

    @model_validator(mode="after")
    def _aggregate_fits(self) -> Indicator:
        if self.better == "less" and self.period_aggregate == "sum":
            raise ValueError("wskaźnik „im mniej, tym lepiej” nie może sumować wartości z lat "
                             "(period_aggregate: sum) — użyj „latest”")
        return self

    @property
    def aggregate(self) -> Literal["sum", "latest"]:
        """How progress against ``period_target`` is measured (see ``period_aggregate``)."""
        return self.period_aggregate or ("sum" if self.better == "more" else "latest")


class BySex(StrictModel):
    women: Count = Field(alias="kobiety", description="Liczba kobiet.", examples=[41])
    men: Count = Field(alias="mężczyźni", description="Liczba mężczyzn.", examples=[28])


class Participants(StrictModel):
    """Participants of one activity; every split that is given must add up to ``total``."""

    total: Count = Field(description="Liczba uczestników ogółem.", examples=[69])
    by_category: dict[NonEmptyText, Count] | None = Field(None, description="Podział według kategorii (nazwa: liczba).",
                                                          examples=[{"osoby bezrobotne": 47, "inne osoby": 22}])
    by_sex: BySex | None = Field(None, description="Podział według płci: kobiety, mężczyźni.",
                                 examples=[{"kobiety": 41, "mężczyźni": 28}])
    by_age: dict[NonEmptyText, Count] | None = Field(None, description="Podział według wieku, np. „18–29”: 12.",
                                                     examples=[{"18–29": 15, "30–49": 36, "50–64": 18}])

    @field_validator("by_category", "by_sex", "by_age")
    @classmethod
    def _adds_up(cls, split: BySex | dict[str, int] | None, info: ValidationInfo) -> object:
        total = info.data.get("total")  # absent when ``total`` itself failed
        if split is None or total is None:
            return split
        counted = split.women + split.men if isinstance(split, BySex) else sum(split.values())
        if counted != total:
            raise ValueError(f"suma podziału ({counted}) różni się od liczby uczestników ogółem (total: {total})")
        return split


class CostLine(StrictModel):
    source: Ident = Field(description="Źródło finansowania: klucz z „funding_sources” albo id źródła w programie.",
                          examples=["zrodlo-budzet"])
    category: NonEmptyText | None = Field(None, description="Rodzaj kosztu, np. „wynagrodzenia”, „materiały”, „usługi”.",
                                          examples=["wynagrodzenia"])
    planned: Money = Field(description="Kwota planowana (zł).", examples=[88000])
    spent: Money = Field(description="Kwota wydatkowana (zł).", examples=[86125.60])


class Activity(StrictModel):
    """One activity carried out in the report years (działanie), under a direction of the program."""

    id: Ident | None = Field(None, description="Identyfikator działania (opcjonalny).", examples=["kis-2016"])
    name: NonEmptyText = Field(description="Nazwa działania.",
                               examples=["Klub Integracji Społecznej — zajęcia reintegracji społecznej i zawodowej"])
    direction: Ident = Field(description="Identyfikator kierunku działań programu, np. „kierunek-8”.",
                             examples=["kierunek-8"])
    dates: DateRange | None = Field(None, description="Termin realizacji {from, to} (RRRR-MM-DD).",
                                    examples=[{"from": "2016-02-01", "to": "2016-12-16"}])
    year: Year | None = Field(None, description="Rok realizacji (gdy nie podano dokładnych dat).", examples=[2016])
    implementer: NonEmptyText = Field(description="Realizator działania.",
                                      examples=["Miejski Ośrodek Pomocy Społecznej w Kętrzynie"])
    partners: list[NonEmptyText] = Field(default_factory=list, description="Partnerzy.",
                                         examples=[["Powiatowy Urząd Pracy w Kętrzynie"]])
    description: Markdown | None = Field(None, description="Opis działania (Markdown).",
                                         examples=["Warsztaty aktywnego poszukiwania pracy i doradztwo zawodowe."])
    results: Markdown | None = Field(None, description="Osiągnięte rezultaty (Markdown).",
                                     examples=["Zajęcia ukończyło 69 osób; 13 z nich podjęło zatrudnienie."])
    events: Count | None = Field(None, description="Liczba spotkań, zajęć, wydarzeń.", examples=[92])
    participants: Participants | None = Field(None, description="Uczestnicy.",
                                              examples=[{"total": 69, "by_sex": {"kobiety": 41, "mężczyźni": 28}}])
    costs: list[CostLine] = Field(default_factory=list, description="Koszty według źródeł i rodzajów.",
                                  examples=[[{"source": "zrodlo-budzet", "planned": 4500, "spent": 4402.15}]])

    @model_validator(mode="after")
    def _dated_once(self) -> Activity:
        if (self.dates is None) == (self.year is None):
            raise ValueError("podaj termin działania: „dates” ({from, to}) albo „year” — jedno z dwóch")
        return self

    @property
    def activity_year(self) -> int:
        """The year the activity's numbers count for (the year of its start)."""
        return self.dates.start.year if self.dates else self.year  # type: ignore[return-value]


class StatusThresholds(StrictModel):
    """Percent of the target from which an indicator is on track / at risk (100 % = achieved)."""

    on_track: Number = Field(Decimal(80), description="Od tylu procent: „realizowany zgodnie z planem” (domyślnie 80).",
                             examples=[80])
    at_risk: Number = Field(Decimal(50), description="Od tylu procent: „zagrożony”, poniżej: „nieosiągnięty” (domyślnie 50).",
                            examples=[50])

    @model_validator(mode="after")
    def _ordered(self) -> StatusThresholds:
        if not self.at_risk <= self.on_track <= 100:
            raise ValueError(f"progi muszą spełniać at_risk ≤ on_track ≤ 100 (jest: at_risk {self.at_risk}, "
                             f"on_track {self.on_track})")
        return self


class MonitoringReport(StrictModel):
    """Root of a report file."""

    document: Literal["report"] = Field(description="Rodzaj pliku: „report” (sprawozdanie).", examples=["report"])
    kind: NonEmptyText | None = Field(
        None, description="Rodzaj sprawozdania (templates/report-kinds.yaml): „program-wspolpracy” (art. 5a ust. 3 "
        "u.d.p.p.w.), „wspieranie-rodziny”, „monitoring” (z plikiem programu), „narracyjne” (sam tekst); domyślnie "
        "„monitoring”, gdy podano plik programu, a „narracyjne” bez niego. Rodzaj wyznacza termin i oczekiwaną "
        "treść, które sprawdza „paldocs check”.", examples=["program-wspolpracy"])
    program: NonEmptyText | None = Field(
        None, description="Ścieżka do pliku danych programu (względem pliku sprawozdania); bez niej sprawozdanie "
        "jest samodzielnym tekstem (tytuł i rozdziały).", examples=["../ketrzyn-2014-pal.yaml"])
    program_title: NonEmptyText | None = Field(
        None, description="Tytuł programu, którego dotyczy sprawozdanie, w dopełniaczu (gdy nie ma pliku danych "
        "programu): „Sprawozdanie z realizacji „…”.",
        examples=["Programu współpracy Gminy Kluczbork z organizacjami pozarządowymi na 2015 rok"])
    title: NonEmptyText | None = Field(
        None, description="Tytuł sprawozdania, jeśli inny niż domyślny (w sprawozdaniu bez pliku programu "
        "drukowany dokładnie tak, jak zapisano).",
        examples=["SPRAWOZDANIE Z REALIZACJI PROGRAMU WSPÓŁPRACY GMINY KLUCZBORK Z ORGANIZACJAMI "
                  "POZARZĄDOWYMI W ROKU 2015"])
    years: YearRange | None = Field(
        None, description="Rok (2015) albo zakres lat ({from: 2014, to: 2016}); wymagany, gdy podano plik "
        "programu.", examples=[2015, {"from": 2014, "to": 2016}])
    illustrative: bool = Field(False, description="Dane przykładowe, nie rzeczywiste (drukowana jest adnotacja).",
                               examples=[True])
    prepared_by: PreparedBy | None = Field(
        None, description="Kto sporządził sprawozdanie (drukowane pod tekstem, jeśli podano).",
        examples=[{"name": "Anna Kowalska", "function": "Dyrektor Miejskiego Ośrodka Pomocy Społecznej"}])
    place: NonEmptyText | None = Field(None, description="Miejscowość na stronie tytułowej, np. „Kętrzyn”.",
                                       examples=["Łomża"])
    month: Annotated[dt.date, BeforeValidator(_to_month)] | None = Field(
        None, description="Miesiąc sporządzenia (RRRR-MM).", examples=["2017-04"])
    funding_sources: dict[Ident, NonEmptyText] = Field(
        default_factory=dict, description="Źródła finansowania: identyfikator: nazwa (także id źródeł z programu).",
        examples=[{"zrodlo-budzet": "środki własne gminy"}])
    indicators: list[Indicator] = Field(default_factory=list, description="Wskaźniki (wymagają pliku programu).",
                                        examples=[[{"id": "uczestnicy", "name": "Liczba uczestników zajęć",
                                                    "unit": "osoby", "measures": ["cel-1"],
                                                    "targets": {2015: 60}, "actual": {2015: 58}}]])
    activities: list[Activity] = Field(
        default_factory=list, description="Zrealizowane działania (wymagają pliku programu).",
        examples=[[{"name": "Zajęcia Klubu Integracji Społecznej", "direction": "kierunek-8", "year": 2015,
                    "implementer": "Miejski Ośrodek Pomocy Społecznej"}]])
    narrative: Narrative | None = Field(
        None, description="Część opisowa: summary, problems, conclusions.",
        examples=[{"summary": "Program realizowano zgodnie z harmonogramem."}])
    empty_chapters: Literal["pomiń", "brak danych"] = Field(
        "pomiń", description="Rozdział sprawozdania z programu (wskaźniki, działania, uczestnicy, finansowanie), dla "
        "którego dane nic nie podają: „pomiń” (domyślnie — rozdziału nie ma) albo „brak danych” (tytuł rozdziału i "
        "zdanie „Brak danych.”); nigdy zero.", examples=["brak danych"])
    chapters: list[Chapter] = Field(
        default_factory=list, description="Własne rozdziały sprawozdania (tytuł i treść), drukowane w podanej "
        "kolejności po tytule.", examples=[[{"heading": "WSTĘP", "content": "Program współpracy określa …"}]])
    tables: list[TableSource] = Field(
        default_factory=list, description="Tabele z arkusza (.xlsx) albo pliku CSV obok pliku sprawozdania: "
        "ich wiersze są dopisywane do wskaźników, działań albo kosztów działań.",
        examples=[[{"file": "wskazniki.xlsx", "sheet": "Wskaźniki", "into": "indicators",
                    "columns": {"id": "A", "name": "B", "unit": "C", "actual.2015": "D"}}]])
    status_thresholds: StatusThresholds = Field(default_factory=StatusThresholds,
                                                description="Progi statusu wskaźników (procent celu).",
                                                examples=[{"on_track": 80, "at_risk": 50}])

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str | None) -> str | None:
        from paldocs.report.kinds import report_kind_keys  # the registry reads report-kinds.yaml

        if value is not None and value not in report_kind_keys():
            raise ValueError(f"nieznany rodzaj sprawozdania „{value}” (znane: {', '.join(report_kind_keys())})")
        return value

    @model_validator(mode="after")
    def _kind_fits_program(self) -> MonitoringReport:
        from paldocs.report.kinds import report_kinds

        kind = report_kinds().get(self.kind) if self.kind else None
        if kind is not None and kind.program == "required" and self.program is None:
            raise ValueError(f"sprawozdanie rodzaju „{kind.key}” powstaje z pliku danych programu — podaj „program” "
                             "albo wybierz rodzaj „narracyjne”")
        if kind is not None and kind.program == "forbidden" and self.program is not None:
            raise ValueError(f"sprawozdanie rodzaju „{kind.key}” to sam tekst, bez pliku programu — usuń „program” "
                             "albo wybierz rodzaj „monitoring”")
        return self

    @model_validator(mode="after")
    def _program_or_standalone(self) -> MonitoringReport:
        if self.program is not None:
            if self.program_title is not None:
                raise ValueError("podaj plik programu („program”) albo tytuł programu („program_title”), nie oba — "
                                 "tytuł programu pochodzi z jego pliku")
            if self.years is None:
                raise ValueError("podaj lata sprawozdania („years”), np. „years: 2015”")
            return self
        if self.indicators or self.activities:
            raise ValueError("wskaźniki i działania odnoszą się do celów i kierunków programu — podaj plik danych "
                             "programu („program”) albo opisz je w rozdziałach („chapters”)")
        if self.title is None and self.program_title is None:
            raise ValueError("sprawozdanie bez pliku programu potrzebuje tytułu: podaj „title” albo "
                             "„program_title”")
        if self.title is None and self.years is None:
            raise ValueError("tytuł tworzony z „program_title” podaje okres — podaj „years” albo własny „title”")
        return self

    @property
    def year_list(self) -> list[int]:
        """The report years; empty for a standalone report that states none."""
        return self.years.years if self.years else []

    @property
    def is_range(self) -> bool:
        return self.years is not None and self.years.start != self.years.end

    @property
    def span_text(self) -> str:
        """„rok 2015” or „lata 2014–2016” (for messages)."""
        if self.years is None:
            return "okres niepodany"
        return f"lata {self.years.start}–{self.years.end}" if self.is_range else f"rok {self.years.start}"


__all__ = ["ILLUSTRATIVE_NOTICE", "Activity", "BySex", "Chapter", "CostLine", "DateRange", "Indicator", "MonitoringReport",
           "Narrative", "Participants", "PreparedBy", "Problem", "StatusThresholds", "YearRange"]
