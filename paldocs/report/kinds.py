"""Report kinds (rodzaje sprawozdań): the legal basis, deadline and expected contents of each kind of report.

Contract: :func:`report_kinds` reads the packaged ``report-kinds.yaml`` once and returns :class:`ReportKind` values
keyed by their key (``program-wspolpracy``, ``wspieranie-rodziny``, ``monitoring``, ``narracyjne``);
:func:`report_kind_keys` names them (the model validates ``kind:`` against it); :func:`kind_of` gives a report's
kind — its ``kind`` field, or by default ``monitoring`` with a program file and ``narracyjne`` without one.
:meth:`ReportKind.deadline_for` gives the day by which a report for given years is due (None: no statutory
deadline, or one not read in a cited text). A kind whose legal basis was not read in a cited text has
``verified: false``, and checks say so (PD074). A malformed entry is a broken ``report-kinds.yaml``
(:class:`~paldocs.errors.TemplateError`). No formatting happens here; the rules are in
:mod:`paldocs.checks.rules_reports`, the drafts in :mod:`paldocs.draft`.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import yaml

from paldocs.errors import Location, TemplateError
from paldocs.yamlload import load_table

if TYPE_CHECKING:
    from paldocs.report.model import MonitoringReport

KINDS_FILE = "report-kinds.yaml"
DEFAULT_WITH_PROGRAM = "monitoring"
DEFAULT_STANDALONE = "narracyjne"
ProgramUse = Literal["required", "forbidden", "any"]


@dataclass(frozen=True, slots=True)
class ReportDeadline:
    """Due by ``day``.``month`` of the year after the report's last year (``following-year``: "za rok poprzedni")."""

    month: int
    day: int
    source: str

    def for_year(self, last_year: int) -> dt.date:
        return dt.date(last_year + 1, self.month, self.day)


@dataclass(frozen=True, slots=True)
class ExpectedContent:
    """Contents a kind expects: a chapter whose heading holds one of ``words`` (case-insensitive), or — ``figures``
    — indicators or activities in the data."""

    label: str
    words: tuple[str, ...]
    figures: bool
    source: str


@dataclass(frozen=True, slots=True)
class DraftChapter:
    heading: str
    content: str


@dataclass(frozen=True, slots=True)
class ReportKind:
    key: str
    name: str
    description: str
    act: str | None  # the act key in the catalog (paldocs acts list) of the provision requiring the report
    provision: str | None
    deadline: ReportDeadline | None
    yearly: bool  # one calendar year per report ("za rok poprzedni")
    yearly_source: str | None
    program: ProgramUse
    expected: tuple[ExpectedContent, ...]
    verified: bool
    sources: str
    draft_title: str
    draft_chapters: tuple[DraftChapter, ...]

    @property
    def basis_text(self) -> str:
        """„art. 5a ust. 3 (pozytek-publiczny)” or "" for a kind no statute requires."""
        return f"{self.provision} ({self.act})" if self.provision else ""

    def deadline_for(self, years: list[int]) -> dt.date | None:
        """The day a report covering ``years`` is due, or None (no deadline known, or no years stated)."""
        if self.deadline is None or not years:
            return None
        return self.deadline.for_year(years[-1])


@functools.cache
def report_kinds() -> Mapping[str, ReportKind]:
    """The packaged report kinds, by key (read once)."""
    resource = importlib.resources.files("paldocs_templates").joinpath(KINDS_FILE)
    try:
        raw: dict[str, dict[str, Any]] = load_table(resource.read_text(encoding="utf-8"))
        return {str(key): _to_kind(str(key), value) for key, value in raw.items()}
    except (OSError, yaml.YAMLError, AttributeError, KeyError, TypeError, ValueError) as error:
        raise TemplateError(f"plik rodzajów sprawozdań „{KINDS_FILE}” jest uszkodzony ({error})",
                            Location(KINDS_FILE)) from None


def report_kind_keys() -> tuple[str, ...]:
    return tuple(report_kinds())


def default_kind_key(has_program: bool) -> str:
    """The kind of a report that names none: a programme's monitoring report, or a free narrative one."""
    return DEFAULT_WITH_PROGRAM if has_program else DEFAULT_STANDALONE


def kind_of(report: MonitoringReport) -> ReportKind:
    """The report's kind: its ``kind`` field (validated by the model), else the default (see the module doc)."""
    return report_kinds()[report.kind or default_kind_key(report.program is not None)]


def _to_kind(key: str, value: Mapping[str, Any]) -> ReportKind:
    basis = value.get("legal_basis") or {}
    deadline = value.get("deadline")
    if deadline is not None and deadline.get("year") != "following-year":
        raise ValueError(f"{key}: deadline.year musi być „following-year”")
    program = value.get("program", "any")
    if program not in ("required", "forbidden", "any"):
        raise ValueError(f"{key}: program musi być required, forbidden albo any")
    expected = tuple(ExpectedContent(str(item["label"]), tuple(str(word).lower() for word in item.get("words", ())),
                                     bool(item.get("figures", False)), str(item["source"]))
                     for item in value.get("expected") or ())
    for item in expected:
        if not item.words and not item.figures:
            raise ValueError(f"{key}: oczekiwana treść „{item.label}” bez słów („words”) i bez „figures”")
    return ReportKind(
        key=key, name=str(value["name"]), description=str(value["description"]),
        act=basis.get("act"), provision=basis.get("provision"),
        deadline=ReportDeadline(int(deadline["month"]), int(deadline["day"]), str(deadline["source"]))
        if deadline else None,
        yearly=bool(value.get("yearly", False)), yearly_source=value.get("yearly_source"), program=program,
        expected=expected, verified=bool(value["verified"]), sources=str(value["sources"]),
        draft_title=str(value.get("draft_title", "Sprawozdanie za {rok} rok")),
        draft_chapters=tuple(DraftChapter(str(chapter["heading"]), str(chapter["content"]))
                             for chapter in value.get("draft_chapters") or ()))


__all__ = ["DraftChapter", "ExpectedContent", "ReportDeadline", "ReportKind", "default_kind_key", "kind_of",
           "report_kind_keys", "report_kinds"]
