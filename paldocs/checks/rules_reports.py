"""Report rules (PD070–PD074): what each kind of report (templates/report-kinds.yaml) expects of a report file.

Contract: :func:`report_kind_problems` takes a validated :class:`~paldocs.report.model.MonitoringReport` and returns
:class:`ReportProblem` values (rule id, field path in the report file, Polish message, fix); the check engine turns
them into findings when it checks a ``document: report`` file. The rules are registered in the rule table like the
resolution rules (their docstrings are the table's descriptions); on a resolution they find nothing. Dates are
judged by the report's ``month`` (the month it was prepared, RRRR-MM): a report prepared in a month after the
deadline's month is late; one prepared in the deadline's month cannot be judged and is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from paldocs.checks.engine import CheckContext, Report, Severity, rule
from paldocs.polish.dates import MONTHS_GENITIVE, format_date

if TYPE_CHECKING:  # a check of a resolution loads neither the report model nor the report kinds
    from paldocs.report.kinds import ReportKind
    from paldocs.report.model import MonitoringReport

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class ReportProblem:
    rule: str
    severity: Severity
    where: FieldPath
    message: str
    fix: str | None = None


@rule("PD070", "warning", "termin przedłożenia sprawozdania")
def report_deadline(context: CheckContext) -> Iterator[Report]:
    """Sprawozdanie sporządzone (pole „month”) w miesiącu po terminie, który wyznacza ustawa dla jego rodzaju — np.
    sprawozdanie z realizacji programu współpracy za rok poprzedni organ wykonawczy przedkłada radzie i publikuje w
    BIP do 31 maja (art. 5a ust. 3 u.d.p.p.w.). Sprawdzane w plikach sprawozdań (document: report)."""
    return iter(())


@rule("PD071", "warning", "sprawozdanie roczne obejmuje jeden rok")
def report_one_year(context: CheckContext) -> Iterator[Report]:
    """Rodzaj sprawozdania składanego „za rok poprzedni” (program współpracy, art. 5a ust. 3 u.d.p.p.w.) obejmuje
    jeden rok — sprawozdanie za kilka lat (years: {from, to}) nie spełnia obowiązku za każdy z nich. Sprawdzane w
    plikach sprawozdań."""
    return iter(())


@rule("PD072", "warning", "treść oczekiwana przez rodzaj sprawozdania")
def report_expected_contents(context: CheckContext) -> Iterator[Report]:
    """Sprawozdanie nie zawiera treści, której oczekuje jego rodzaj (pole „expected” w report-kinds.yaml, każda ze
    źródłem) — np. sprawozdanie z monitoringu programu bez wskaźników i bez działań. Sprawdzane w plikach
    sprawozdań."""
    return iter(())


@rule("PD073", "info", "termin sprawozdania bez miesiąca sporządzenia")
def report_deadline_unknown(context: CheckContext) -> Iterator[Report]:
    """Rodzaj sprawozdania ma ustawowy termin, a sprawozdanie nie podaje miesiąca sporządzenia („month”) ani lat —
    paldocs podaje termin, ale nie może sprawdzić, czy go dotrzymano. Sprawdzane w plikach sprawozdań."""
    return iter(())


@rule("PD074", "info", "rodzaj sprawozdania bez odczytanego przepisu")
def report_kind_unverified(context: CheckContext) -> Iterator[Report]:
    """Podstawy prawnej rodzaju sprawozdania nie odczytano w tekście ustawy (verified: false w report-kinds.yaml):
    paldocs nie sprawdza terminu ani treści, których może wymagać przepis — sprawdź go z biurem prawnym.
    Sprawdzane w plikach sprawozdań."""
    return iter(())


def report_kind_problems(report: MonitoringReport) -> list[ReportProblem]:
    """Every problem of ``report`` against its kind (PD070–PD074), in rule order."""
    from paldocs.report.kinds import kind_of

    kind = kind_of(report)
    where: FieldPath = ("kind",) if report.kind else ()
    return [*_deadline(report, kind), *_one_year(report, kind), *_expected(report, kind, where),
            *_unverified(kind, where)]


def _deadline(report: MonitoringReport, kind: ReportKind) -> Iterator[ReportProblem]:
    if kind.deadline is None:
        return
    due = kind.deadline_for(report.year_list)
    basis = f"{kind.provision} ({kind.act})"
    if due is None:
        yield ReportProblem("PD073", "info", ("years",) if report.kind is None else ("kind",),
                            f"sprawozdanie rodzaju „{kind.key}” ma termin {kind.deadline.day} "
                            f"{_month_genitive(kind.deadline.month)} roku następnego ({basis}), ale nie podaje lat",
                            "Podaj „years”, np. „years: 2025”.")
        return
    if report.month is None:
        yield ReportProblem("PD073", "info", ("years",),
                            f"sprawozdanie rodzaju „{kind.key}” należy przedłożyć do {format_date(due)} ({basis}) — "
                            "bez miesiąca sporządzenia („month”) paldocs nie sprawdzi terminu",
                            "Podaj „month: RRRR-MM”, np. „month: " + f"{due.year}-{due.month:02d}”.")
        return
    if report.month > due:  # ``month`` is the first day of the month: later than the deadline's day only when after
        yield ReportProblem("PD070", "warning", ("month",),
                            f"sprawozdanie sporządzone po terminie (month: {report.month.isoformat()[:7]}, termin: "
                            f"{format_date(due)}) — {kind.deadline.source}",
                            "Sprawdź miesiąc sporządzenia; spóźnione sprawozdanie przedłóż radzie niezwłocznie.")


def _one_year(report: MonitoringReport, kind: ReportKind) -> Iterator[ReportProblem]:
    if kind.yearly and report.is_range:
        yield ReportProblem("PD071", "warning", ("years",),
                            f"sprawozdanie rodzaju „{kind.key}” składa się za jeden rok, a to obejmuje "
                            f"{report.span_text} ({kind.yearly_source})",
                            "Sporządź osobne sprawozdanie za każdy rok.")


def _expected(report: MonitoringReport, kind: ReportKind, where: FieldPath) -> Iterator[ReportProblem]:
    headings = [chapter.heading.lower() for chapter in report.chapters if chapter.heading]
    for item in kind.expected:
        present = (item.figures and bool(report.indicators or report.activities)) or any(
            word in heading for word in item.words for heading in headings)
        if not present:
            yield ReportProblem("PD072", "warning", where,
                                f"sprawozdanie rodzaju „{kind.key}” nie zawiera: {item.label} ({item.source})",
                                "Dopisz tę treść (rozdział w „chapters” albo dane) albo wybierz inny rodzaj (kind).")


def _unverified(kind: ReportKind, where: FieldPath) -> Iterator[ReportProblem]:
    if not kind.verified:
        yield ReportProblem("PD074", "info", where,
                            f"rodzaj sprawozdania „{kind.key}”: {kind.sources}")


def _month_genitive(month: int) -> str:
    return MONTHS_GENITIVE[month - 1]


__all__ = ["ReportProblem", "report_kind_problems"]
