"""Report file → :class:`ReportSource`: the validated report, the program it reports on, and positions.

Contract: :func:`load_report` reads a report file the way :mod:`paldocs.model.load` reads data files (UTF-8,
positions of every value, Polish errors with ``file:line:column field.path``), adds the rows of its ``tables``
read from spreadsheets (:func:`~paldocs.report.spreadsheet.merge_tables`; a problem found later in such a row is
located at its cell), validates it against :class:`~paldocs.report.model.MonitoringReport`, loads the program's
data file named in ``program:`` (relative to the report file) with :func:`~paldocs.model.load.load_source`, checks
what needs the whole report (:func:`iter_report_problems`: unique ids; activity dates, actual values and the month
against the report years) and every reference into the program (:func:`iter_program_problems`). A standalone
report (no ``program:``, see :mod:`paldocs.report.model`) loads alone: no program, no resolution, no municipality
profile — it is printed with the packaged house style. References checked into the program:

- ``indicators[].measures`` — ids of goals (items of goal sections, main-goal sections), directions or results;
- ``activities[].direction`` — ids of items in a directions section;
- ``activities[].costs[].source`` — a key of ``funding_sources`` or an item id of the program's financing
  section; a ``funding_sources`` key that is a program id of another kind (a goal …) is an error;
- ``years`` and every year of ``targets`` within the program period; ``actual`` from the program's start (the
  report's own rule — see :mod:`paldocs.report.model` — bounds it by the report's last year).

All problems are collected; the first is raised as a :class:`~paldocs.errors.DataError` at its position in the
report file, the hint counting the others. :func:`funding_source_names` gives the display name of each source.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field as dataclass_field
from pathlib import Path

from paldocs import inputs
from paldocs.errors import DataError, Location
from paldocs.model.load import (ParsedFile, Positions, Source, field_location, load_source, parse_file,
                                referenced_file, validate)
from paldocs.model.municipality import Municipality
from paldocs.model.program import Item, Program, SectionRole
from paldocs.report.model import MonitoringReport, Problem
from paldocs.report.spreadsheet import merge_tables
from paldocs.model.resolution import Resolution
from paldocs.polish.words import plural_form

GOAL_ROLES = frozenset({SectionRole.GOALS, SectionRole.MAIN_GOAL, SectionRole.SPECIFIC_GOALS})
MEASURABLE_ROLES = GOAL_ROLES | {SectionRole.DIRECTIONS, SectionRole.RESULTS}

_ROLE_NOUNS = {
    SectionRole.GOALS: "celem", SectionRole.MAIN_GOAL: "celem głównym", SectionRole.SPECIFIC_GOALS: "celem",
    SectionRole.DIRECTIONS: "kierunkiem działań", SectionRole.RECIPIENTS: "adresatem programu",
    SectionRole.METHODS: "metodą", SectionRole.RESULTS: "rezultatem",
    SectionRole.FINANCING: "źródłem finansowania",
}


@dataclass(frozen=True, slots=True)
class ProgramRef:
    """An id defined in the program: the section role it belongs to and its text (item) or heading (section)."""

    id: str
    role: SectionRole | None
    text: str
    is_section: bool

    @property
    def noun(self) -> str:
        """What the id is, in the instrumental ("… jest w programie celem")."""
        if self.is_section and self.role != SectionRole.MAIN_GOAL:
            return "rozdziałem"
        return _ROLE_NOUNS.get(self.role, "punktem") if self.role else "punktem"


def program_refs(program: Program) -> dict[str, ProgramRef]:
    """Every id of the program (sections and items, nested items too), in document order."""
    refs: dict[str, ProgramRef] = {}

    def add_items(items: list[Item], role: SectionRole | None) -> None:
        for item in items:
            if item.id:
                refs[item.id] = ProgramRef(item.id, role, str(item.text), False)
            add_items(item.items, role)

    for section in program.sections:
        if section.id:
            refs[section.id] = ProgramRef(section.id, section.role, section.heading or "", True)
        add_items(section.items, section.role)
    return refs


def measurable_ids(refs: Mapping[str, ProgramRef]) -> list[str]:
    """Ids an indicator may measure: goal, direction and result items, and main-goal sections."""
    return [ref.id for ref in refs.values() if ref.role in MEASURABLE_ROLES
            and (not ref.is_section or ref.role == SectionRole.MAIN_GOAL)]


def funding_source_names(report: MonitoringReport, program: Program | None) -> dict[str, str]:
    """Display name of every known funding source: ``funding_sources`` first (its names win), then the program's
    financing items (their text without the trailing list punctuation — give a name in ``funding_sources`` for
    a better one)."""
    names = dict(report.funding_sources)
    for ref in program_refs(program).values() if program else ():
        if ref.role == SectionRole.FINANCING and not ref.is_section and ref.id not in names:
            names[ref.id] = ref.text.strip().rstrip(",;.").strip()
    return names


@dataclass(frozen=True)
class ReportSource:
    """A loaded report file with its program and where each value came from."""

    report: MonitoringReport
    program_source: Source | None  # the program's data file (load_source); None: a standalone report
    file: str
    positions: Positions
    files: tuple[Path, ...]  # every file read: the report, its spreadsheets, the program's data file, its profile
    notes: tuple[str, ...] = ()  # "uwaga" lines about texts that will print literally (report and program)
    cells: Mapping[tuple[str, ...], Location] = dataclass_field(default_factory=dict)  # spreadsheet rows and cells

    @property
    def program(self) -> Program | None:
        """The program reported on; None for a standalone report (checked by load_report otherwise)."""
        return self.program_source.data.program if self.program_source else None

    @property
    def resolution(self) -> Resolution | None:
        """The resolution that adopted the program (number, date: "przyjętego uchwałą Nr …")."""
        return self.program_source.data.resolution if self.program_source else None

    @property
    def municipality(self) -> Municipality | None:
        return self.program_source.data.municipality if self.program_source else None

    def funding_source_names(self) -> dict[str, str]:
        return funding_source_names(self.report, self.program)

    def locate(self, path: tuple[str | int, ...]) -> Location:
        """``file:line:column field.path`` of a field of the report (the nearest known parent's line); for a
        value read from a spreadsheet table, its cell (or its row)."""
        for length in range(len(path), 1, -1):
            cell = self.cells.get(tuple(str(part) for part in path[:length]))
            if cell is not None:
                return cell
        return field_location(self.file, self.positions, {}, path)


def load_report(path: str | Path, parsed: ParsedFile | None = None, *,
                kinds: Collection[str] | None = None) -> ReportSource:
    """Load and validate a report file and the program it names; :class:`DataError` on the first problem
    (``parsed``: the report file already read; ``kinds``: the registry the program's kind is validated
    against, see :func:`~paldocs.model.load.load_source`)."""
    parsed = parsed or parse_file(path)
    path = parsed.path
    file = str(path)
    notes = list(parsed.notes)
    data, positions = parsed.data, parsed.positions
    if not isinstance(data, Mapping):
        raise DataError("plik sprawozdania musi być mapą pól (np. „document: report”, „program:”)",
                        Location(file, 1, 1))
    tables = merge_tables(data, path, lambda where: field_location(file, positions, {}, where))
    report: MonitoringReport = validate(MonitoringReport, tables.data, file, positions)
    program_source = _load_program(path, report.program, positions, kinds) if report.program else None
    source = ReportSource(report, program_source, file, positions,
                          (path, *tables.files, *(program_source.files if program_source else ())),
                          (*notes, *(program_source.notes if program_source else ())), tables.cells)
    problems = list(iter_report_problems(report))
    if source.program is not None:
        problems += iter_program_problems(report, source.program)
    problems.sort(key=lambda problem: source.locate(problem[0]).line or 0)  # the first in the file first
    if problems:
        (where, message), more = problems[0], len(problems) - 1
        hint = f"(oraz {more} {plural_form(more, 'inny błąd', 'inne błędy', 'innych błędów')})" if more else None
        raise DataError(message, source.locate(where), hint)
    return source


def _load_program(report_path: Path, program: str, positions: Positions, kinds: Collection[str] | None) -> Source:
    where = Location(str(report_path), *positions.get(("program",), (None, None)), "program")
    program_path = Path(os.path.normpath(referenced_file(report_path.parent, program, where)))
    if not inputs.exists(program_path):
        raise DataError(f"nie ma pliku programu „{program}” (szukano: {program_path})", where,
                        "ścieżka jest względna wobec folderu pliku sprawozdania")
    try:
        source = load_source(program_path, kinds=kinds)
    except DataError as error:
        note = f"(plik programu wskazany w {where})"
        raise DataError(error.message, error.location, f"{error.hint}\n  {note}" if error.hint else note) from None
    if source.data.program is None:
        raise DataError(f"plik „{program}” nie zawiera programu (pola „program”)", where)
    return source


def iter_program_problems(report: MonitoringReport, program: Program) -> Iterator[Problem]:
    """Every reference of the report into the program that the program does not support."""
    refs = program_refs(program)
    start, end = program.period.start, program.period.end
    period = f"{start}–{end}"
    assert report.years is not None  # required when the report names a program (paldocs.report.model)
    if report.years.start < start or report.years.end > end:
        yield ("years",), f"sprawozdanie obejmuje {report.span_text}, a program jest realizowany w latach {period}"
    measurable = measurable_ids(refs)
    for index, indicator in enumerate(report.indicators):
        for position, ident in enumerate(indicator.measures):
            if ident not in measurable:
                what = (f"„{ident}” jest w programie {refs[ident].noun}, a wskaźnik mierzy cel, kierunek działań "
                        "albo rezultat") if ident in refs else (
                        f"program nie ma celu, kierunku działań ani rezultatu o identyfikatorze „{ident}”")
                yield ("indicators", index, "measures", position), f"{what} (znane: {compress_ids(measurable)})"
        for year in indicator.targets:
            if not start <= year <= end:
                yield (("indicators", index, "targets", str(year)),
                       f"wartość docelowa na rok {year} jest poza okresem programu ({period})")
        for year in indicator.actual:
            if year < start:  # later years: iter_report_problems (bounded by the report's last year)
                yield (("indicators", index, "actual", str(year)),
                       f"wartość osiągnięta za rok {year} jest poza okresem programu ({period})")
    directions = [ref.id for ref in refs.values() if ref.role == SectionRole.DIRECTIONS and not ref.is_section]
    for index, activity in enumerate(report.activities):
        ident = activity.direction
        if ident not in directions:
            what = (f"„{ident}” jest w programie {refs[ident].noun}, nie kierunkiem działań" if ident in refs
                    else f"program nie ma kierunku działań o identyfikatorze „{ident}”")
            yield ("activities", index, "direction"), f"{what} (znane: {compress_ids(directions)})"
    for key in report.funding_sources:
        if key in refs and (refs[key].role != SectionRole.FINANCING or refs[key].is_section):
            yield ("funding_sources", key), f"„{key}” jest w programie {refs[key].noun}, nie źródłem finansowania"
    known = list(funding_source_names(report, program))
    for index, activity in enumerate(report.activities):
        for line, cost in enumerate(activity.costs):
            if cost.source not in known:
                yield (("activities", index, "costs", line, "source"),
                       (f"nieznane źródło finansowania „{cost.source}” (znane: {', '.join(known) or 'brak'}) — "
                        "dodaj je do „funding_sources” z nazwą"))


def iter_report_problems(report: MonitoringReport) -> Iterator[Problem]:
    """Checks that need the whole report but not the program: ids, dates and years against the report years."""
    years = report.years
    if years is None:  # a standalone report stating no year: nothing to check against (no indicators either)
        return
    span = report.span_text
    if report.month is not None and report.month < dt.date(years.end, 12, 1):
        month = report.month.isoformat()[:7]
        yield ("month",), f"sprawozdanie obejmuje {span}, a miesiąc jego sporządzenia ({month}) przypada przed końcem tego okresu"
    yield from _duplicates("indicators", [indicator.id for indicator in report.indicators], "wskaźnika")
    yield from _duplicates("activities", [activity.id for activity in report.activities], "działania")
    for index, indicator in enumerate(report.indicators):
        for year in indicator.actual:
            if year > years.end:
                yield (("indicators", index, "actual", str(year)),
                       (f"wartość osiągnięta za rok {year}, a sprawozdanie obejmuje {span} — późniejsze lata "
                        "nie mogą mieć wartości osiągniętych (wcześniejsze są dozwolone jako dane historyczne)"))
        if indicator.baseline_year is not None and indicator.baseline_year > years.end:
            yield (("indicators", index, "baseline_year"),
                   f"rok wartości bazowej {indicator.baseline_year} jest po okresie sprawozdania ({span})")
    for index, activity in enumerate(report.activities):
        if activity.year is not None and activity.year not in years:
            yield ("activities", index, "year"), f"rok działania {activity.year} — sprawozdanie obejmuje {span}"
        if activity.dates is not None:
            start, end = activity.dates.start, activity.dates.end
            if start.year not in years or end.year not in years:
                yield (("activities", index, "dates"),
                       f"termin działania {start} – {end} wykracza poza okres sprawozdania ({span})")
            elif start.year != end.year:
                yield (("activities", index, "dates"),
                       (f"działanie trwa od {start.year} do {end.year} r. — liczby uczestników i koszty są roczne: "
                        "wpisz je osobno dla każdego roku"))


def _duplicates(field: str, ids: list[str | None], what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, ident in enumerate(ids):
        if ident is not None and ident in seen:
            yield (field, index, "id"), f"identyfikator {what} „{ident}” występuje więcej niż raz"
        if ident is not None:
            seen.add(ident)


def compress_ids(ids: list[str]) -> str:
    """``cel-1, cel-2, …, cel-8, kierunek-1`` → ``cel-1 … cel-8, kierunek-1`` (runs of three or more)."""
    runs: list[list[str]] = []
    for ident in ids:
        prefix, _, number = ident.rpartition("-")
        last = runs[-1][-1] if runs else None
        last_prefix, _, last_number = last.rpartition("-") if last else ("", "", "")
        if (last and number.isdigit() and last_number.isdigit() and last_prefix == prefix
                and int(last_number) + 1 == int(number)):
            runs[-1].append(ident)
        else:
            runs.append([ident])
    return ", ".join(f"{run[0]} … {run[-1]}" if len(run) > 2 else ", ".join(run) for run in runs) or "brak"


__all__ = ["ProgramRef", "ReportSource", "compress_ids", "funding_source_names", "iter_program_problems",
           "iter_report_problems", "load_report", "measurable_ids", "program_refs"]
