"""The drafting-check engine: rules, findings, the context rules read, and the runner.

Contract:
- A rule is a function registered with :func:`rule` under a stable id (``PD012``), a default severity and a
  Polish title; it receives a :class:`CheckContext` and yields :class:`Report` values (message, where, an
  optional fix and unit address). The runner turns them into :class:`Finding` values with locations.
- :func:`check_file` loads a data file (bad input raises :class:`~paldocs.errors.PaldocsError`: the CLI exits
  2), builds the document model if it can (a failure becomes finding PD000, not a crash) and runs every rule
  not ignored. Findings are sorted by file position, then rule id: the output is stable.
- Rules read the model (data as the user wrote it), the document model (what paldocs prints) and the acts
  catalog; they never write anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from paldocs.document import Document
from paldocs.errors import DataError, Location, PaldocsError
from paldocs.context import BuildContext
from paldocs.kinds import Kind, find_kind
from paldocs.legal import Catalog
from paldocs.model.load import Source
from paldocs.model.resolution import DataFile

if TYPE_CHECKING:
    from paldocs.report.model import MonitoringReport

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """What a rule says: ``where`` is a field path into the data (or None: the whole file)."""

    message: str
    where: FieldPath | None = None
    fix: str | None = None
    unit: str | None = None  # the unit's citation address, e.g. "§ 2 ust. 1 pkt 3"
    severity: Severity | None = None  # overrides the rule's default when a case is milder or worse


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    location: Location
    unit: str | None = None
    fix: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    title: str
    check: Callable[[CheckContext], Iterable[Report]]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: str) -> Callable[[Callable[[CheckContext], Iterable[Report]]],
                                                                   Callable[[CheckContext], Iterable[Report]]]:
    """Register a check under a stable id (never reuse an id for another rule)."""

    def register(check: Callable[[CheckContext], Iterable[Report]]) -> Callable[[CheckContext], Iterable[Report]]:
        if rule_id in RULES:
            raise ValueError(f"rule id {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, title, check)
        return check

    return register


@dataclass
class CheckContext:
    source: Source
    today: dt.date
    catalog: Catalog
    kind: Kind
    document: Document | None = None
    build_error: PaldocsError | None = None
    extra_acts: tuple[Path, ...] = field(default_factory=tuple)

    @property
    def data(self) -> DataFile:
        return self.source.data

    def iter_free_texts(self) -> Iterator[tuple[FieldPath, str]]:
        """Every text a clerk typed (plain and Markdown), with its field path."""
        resolution, program = self.data.resolution, self.data.program
        if resolution.subject:
            yield ("resolution", "subject"), resolution.subject
        for index, provision in enumerate(resolution.provisions):
            yield ("resolution", "provisions", index), provision
        if resolution.justification:
            yield ("resolution", "justification"), resolution.justification
        if program is None:
            return
        yield ("program", "title"), program.title
        if program.display_title:
            yield ("program", "display_title"), program.display_title
        for number, section in enumerate(program.sections):
            base: FieldPath = ("program", "sections", number)
            for name in ("heading", "content", "closing"):
                if value := getattr(section, name):
                    yield (*base, name), value
            yield from _item_texts(section.items, (*base, "items"))


def _item_texts(items: Sequence, base: FieldPath) -> Iterator[tuple[FieldPath, str]]:  # type: ignore[type-arg]
    for index, item in enumerate(items):
        yield (*base, index, "text"), item.text
        yield from _item_texts(item.items, (*base, index, "items"))


def check_file(path: str | Path, *, today: dt.date, ignore: Iterable[str] = (), acts: Sequence[Path] = (),
               templates: Path | None = None, context: BuildContext | None = None) -> list[Finding]:
    """``context``: the build context to check with (default: one of ``templates`` and ``acts``); the data file
    is read and parsed once, kinds and catalogs come from the context."""
    from paldocs import checks  # noqa: F401 — importing the package registers every rule
    from paldocs.api import make_context, to_document

    opened = make_context(context, templates=templates, acts=acts).open(path)
    if opened.data.is_report:
        return check_report(opened)
    source = opened.load_source()
    kind = find_kind(opened.kinds, source.data.resolution.kind, source.file)
    catalog = opened.catalog(source.data.municipality.acts)
    checked = CheckContext(source, today, catalog, kind, extra_acts=opened.acts)
    try:
        checked.document, _ = to_document(source.data, source=source.file, context=opened)
    except PaldocsError as error:
        checked.build_error = error
    with opened.applied():  # rules read the limits in force too (PD018 inspects texts as the loader does)
        findings = list(_run_rules(checked, set(ignore)))
    return sorted(findings, key=_order)


def _run_rules(checked: CheckContext, skipped: set[str]) -> Iterator[Finding]:
    source = checked.source
    for rule_id, registered in sorted(RULES.items()):
        if rule_id in skipped:
            continue
        for report in registered.check(checked):
            location = source.locate(report.where) if report.where is not None else Location(source.file)
            yield Finding(rule_id, report.severity or registered.severity, report.message, location, report.unit,
                          report.fix)


def check_report(opened: BuildContext) -> list[Finding]:
    """A monitoring report (``opened``: its build context, the file parsed): its data are validated when loaded
    (bad input raises); the drafting rules are about resolutions, so what remains to check is that the report
    composes into a document (PD000), that its indicators in per cent make sense (PD064) and what its kind
    expects (deadline, one year, contents: PD070–PD074, :mod:`paldocs.checks.rules_reports`)."""
    from paldocs.api import parse_composition
    from paldocs.checks.rules_programmes import report_indicator_problems
    from paldocs.checks.rules_reports import report_kind_problems
    from paldocs.model.untrusted import inspect_text
    from paldocs.report.compose import compose_report

    try:
        with opened.applied():
            # loaded once (its program and spreadsheets read once), composed as a build would, nothing printed
            source = opened.load_report()
            parse_composition(compose_report(source, opened.environment, draw=False), source.file)
    except DataError:
        raise  # the report's data do not validate: bad input (exit code 2), as for resolutions
    except PaldocsError as error:
        return [Finding("PD000", "error", f"nie można zbudować dokumentu: {error.message}", error.location,
                        fix=error.hint)]
    # the report as loaded, tables from spreadsheets included: a finding points at the cell it came from
    findings = [Finding("PD064", "warning", message, source.locate(where))
                for where, message in report_indicator_problems(source.report)]
    findings += [Finding(problem.rule, problem.severity, problem.message, source.locate(problem.where), fix=problem.fix)
                 for problem in report_kind_problems(source.report)]  # the report's kind: PD070–PD074
    findings += [Finding("PD018", "warning", message, source.locate(where))  # what would print literally
                 for where, text in _report_texts(source.report)
                 for severity, message in inspect_text(text) if severity == "warning"]
    return sorted(findings, key=_order)


def _report_texts(report: MonitoringReport) -> Iterator[tuple[FieldPath, str]]:
    """Every text a clerk typed into a report (title, chapters, narrative, activities), with its field path."""
    for name in ("title", "program_title"):
        if value := getattr(report, name):
            yield (name,), value
    for index, chapter in enumerate(report.chapters):
        for name in ("heading", "content"):
            if value := getattr(chapter, name):
                yield ("chapters", index, name), value
    if report.narrative:
        for name in ("summary", "problems", "conclusions"):
            if value := getattr(report.narrative, name):
                yield ("narrative", name), value
    for index, activity in enumerate(report.activities):
        for name in ("description", "results"):
            if value := getattr(activity, name, None):
                yield ("activities", index, name), value


def _order(finding: Finding) -> tuple[str, int, int, str, str]:
    location = finding.location
    return (location.file or "", location.line or 0, location.column or 0, finding.rule, finding.message)
