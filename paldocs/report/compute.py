"""The figures of a monitoring report, computed from its data — never typed by hand.

Contract: :func:`compute_figures` takes a validated :class:`~paldocs.report.model.MonitoringReport` and the
:class:`~paldocs.model.program.Program` it reports on and returns :class:`ReportFigures`, a tree of frozen
dataclasses that templates print (with the Polish filters) and charts draw. Pure functions, no I/O, no Polish
formatting (the only Polish words are the :class:`Status` values and the labels of totals). Money and
indicator values are :class:`~decimal.Decimal`; every percentage is rounded to one decimal, half up.

Realisation of a yearly target (:func:`realisation`), T = target, A = actual, B = baseline:

- ``better: more`` — A / T · 100. T = 0: no percentage (None); any actual meets a zero target, so the status
  is "osiągnięty".
- ``better: less`` with a baseline above the target (B > T) — the share of the planned reduction achieved:
  (B − A) / (B − T) · 100, never below 0 (a value worse than the baseline is 0 %).
- ``better: less`` otherwise (no baseline, or B ≤ T: the target keeps a level rather than reducing it) —
  T / A · 100; A = 0 is fully achieved (100 %), T = 0 with A > 0 is 0 %.
- A missing actual: no percentage, status "brak danych"; a missing target: no percentage, status "brak
  wartości docelowej". A missing actual wins when both are missing.

Status (:func:`status_for`), compared on the rounded percentage so that the printed number and the status
agree: ≥ 100 "osiągnięty"; ≥ ``on_track`` (default 80) "realizowany zgodnie z planem"; ≥ ``at_risk`` (default
50) "zagrożony"; below "nieosiągnięty".

Progress against ``period_target`` (:class:`CumulativeProgress`), through the report's last year:

- ``aggregate: sum`` (default for "more") — the sum of the actual values from the program's first year to the
  report's last year; years without a value count as 0 and are listed in ``missing_years``.
- ``aggregate: latest`` (default for "less"; stock indicators) — the latest actual value up to the report's last
  year.
- ``percent`` — realisation of the whole-period target by the rules above. ``planned_to_date`` — the part of the
  period target due by ``through_year``, linearly (elapsed = years from the program's first year to
  ``through_year``, inclusive): for sums, period_target × elapsed / years of the program; for latest values with
  a baseline, baseline + (period_target − baseline) × elapsed / years; without a baseline, the period target
  itself. The cumulative status compares ``value`` with ``planned_to_date`` by the same rules (a planned 0 of
  a "more" indicator is met); no value at all is "brak danych".

Trend (:attr:`IndicatorResult.years`): every year from the first year with a target or an actual value (or the
report's first year, if earlier) to the report's last year; years before the report are marked
``reported=False``. An indicator's headline ``status`` is the status of the report's last year; when that year
has no target and there is a period target, the cumulative status.

Budget: planned and spent summed per source (in the order of ``funding_sources``, then the program's financing
items), per category (first appearance; costs without a category under the key "", labelled "pozostałe
koszty"), per activity and per report year (an activity counts in the year it starts; a report validates that
it ends in the same year); execution = spent / planned · 100 (None when planned is 0). Participants: totals
per activity, overall and per year (``activities`` and ``event_activities`` count the activities that report
participants and events: 0 means "not reported", which a report must not print as zero); splits (category,
sex, age) are summed over the activities that give them — a split's ``covered`` says how many participants
it describes (``complete`` when all). Labels keep the order of their first appearance, except age groups:
those starting with a number are ordered by it ("0–17", "18–29" …, "65 i więcej"), the others follow.
Participants are counted per activity: a person in two activities counts twice.

Missing data (truth first): a value the data do not give is None, never 0 — an activity without cost lines has
no budget line (:attr:`ActivityFigures.budget` None) and adds nothing to any sum of money; an activity without
``participants`` or ``events`` adds nothing to those totals. :class:`Gaps` counts what is missing so that a
table prints "b.d." in those cells and its note says which activities the sums leave out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Literal

from paldocs.report.load import funding_source_names
from paldocs.model.program import Program
from paldocs.report.model import Activity, Indicator, MonitoringReport, StatusThresholds

HUNDRED = Decimal(100)
TOTAL_KEY, TOTAL_LABEL = "total", "Razem"
UNCATEGORISED_LABEL = "pozostałe koszty"
_LEADING_NUMBER = re.compile(r"\d+")


class Status(StrEnum):
    ACHIEVED = "osiągnięty"
    ON_TRACK = "realizowany zgodnie z planem"
    AT_RISK = "zagrożony"
    NOT_ACHIEVED = "nieosiągnięty"
    NO_DATA = "brak danych"
    NO_TARGET = "brak wartości docelowej"


@dataclass(frozen=True)
class YearResult:
    year: int
    target: Decimal | None
    actual: Decimal | None
    percent: Decimal | None
    status: Status
    reported: bool  # one of the report's years (False: history before the report, for trends)


@dataclass(frozen=True)
class CumulativeProgress:
    aggregate: Literal["sum", "latest"]
    through_year: int  # the report's last year ("sum") or the year of the latest value ("latest")
    value: Decimal | None  # None: no actual value at all
    period_target: Decimal
    percent: Decimal | None  # realisation of the whole-period target
    planned_to_date: Decimal  # rounded to one decimal
    percent_of_plan: Decimal | None
    status: Status
    missing_years: tuple[int, ...]  # "sum": years without an actual value (counted as 0)


@dataclass(frozen=True)
class IndicatorResult:
    indicator: Indicator  # the data (measures, comment …)
    id: str
    name: str
    unit: str
    better: Literal["more", "less"]
    years: tuple[YearResult, ...]  # trend: first year with data (or the report's first) … the report's last
    current: YearResult  # the report's last year
    cumulative: CumulativeProgress | None  # None without a period target
    status: Status  # headline status (see the module docstring)


@dataclass(frozen=True)
class BudgetLine:
    key: str  # source id, category ("" = none), activity id/index, or TOTAL_KEY
    label: str
    planned: Decimal
    spent: Decimal
    percent: Decimal | None  # execution: spent / planned · 100


@dataclass(frozen=True)
class BudgetSummary:
    year: int | None  # None: all report years
    total: BudgetLine
    by_source: tuple[BudgetLine, ...]
    by_category: tuple[BudgetLine, ...]
    by_year: tuple[BudgetSummary, ...]  # one per report year (empty inside a yearly summary)


@dataclass(frozen=True)
class Breakdown:
    counts: tuple[tuple[str, int], ...]  # label → participants, in order of first appearance
    covered: int  # participants of the activities that give this split
    complete: bool  # every counted participant is in the split


@dataclass(frozen=True)
class ParticipantSummary:
    year: int | None  # None: all report years
    total: int
    events: int
    activities: int  # activities that report participants
    by_category: Breakdown
    by_sex: Breakdown
    by_age: Breakdown
    by_year: tuple[ParticipantSummary, ...]  # one per report year (empty inside a yearly summary)
    event_activities: int = 0  # activities that report a number of events (0: "events" is not reported at all)


@dataclass(frozen=True)
class ActivityFigures:
    activity: Activity
    year: int
    participants: int | None  # None: not reported (printed "b.d.", never 0)
    events: int | None  # None: not reported
    budget: BudgetLine | None  # None: the activity reports no costs (printed "b.d.", not "0,00 zł")


@dataclass(frozen=True)
class Gaps:
    """What the data leave out, so that a table can say "b.d." and its note can say what the sums exclude."""

    indicator_cells: int  # cells of the indicator table without a value (baseline, target, actual)
    activities: int  # activities in the report
    without_events: int
    without_participants: int
    without_costs: int  # activities that report no cost line (left out of every sum of money)


@dataclass(frozen=True)
class ReportFigures:
    years: tuple[int, ...]
    indicators: tuple[IndicatorResult, ...]
    activities: tuple[ActivityFigures, ...]
    budget: BudgetSummary
    participants: ParticipantSummary
    thresholds: StatusThresholds
    gaps: Gaps


def round_percent(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def realisation(better: str, target: Decimal, actual: Decimal, baseline: Decimal | None = None) -> Decimal | None:
    """Percent of the target achieved (rounded); None for a zero target of a "more" indicator."""
    if better == "more":
        return round_percent(actual / target * HUNDRED) if target else None
    if baseline is not None and baseline > target:
        return round_percent(max(Decimal(0), (baseline - actual) / (baseline - target) * HUNDRED))
    return HUNDRED.quantize(Decimal("0.1")) if actual == 0 else round_percent(target / actual * HUNDRED)


def status_for(percent: Decimal, thresholds: StatusThresholds) -> Status:
    if percent >= HUNDRED:
        return Status.ACHIEVED
    if percent >= thresholds.on_track:
        return Status.ON_TRACK
    return Status.AT_RISK if percent >= thresholds.at_risk else Status.NOT_ACHIEVED


def assess(better: str, target: Decimal | None, actual: Decimal | None, baseline: Decimal | None,
           thresholds: StatusThresholds) -> tuple[Decimal | None, Status]:
    """(percent, status) of one value against one target, by the module's rules."""
    if actual is None:
        return None, Status.NO_DATA
    if target is None:
        return None, Status.NO_TARGET
    percent = realisation(better, target, actual, baseline)
    return percent, Status.ACHIEVED if percent is None else status_for(percent, thresholds)


def indicator_result(indicator: Indicator, report_years: list[int], program: Program,
                     thresholds: StatusThresholds) -> IndicatorResult:
    first, last = report_years[0], report_years[-1]
    known = [year for year in (*indicator.actual, *indicator.targets) if year <= last]
    years = tuple(
        YearResult(year, indicator.targets.get(year), indicator.actual.get(year),
                   *assess(indicator.better, indicator.targets.get(year), indicator.actual.get(year),
                           indicator.baseline, thresholds), year >= first)
        for year in range(min([first, *known]), last + 1))
    current = years[-1]
    cumulative = cumulative_progress(indicator, last, program, thresholds)
    status = cumulative.status if current.status == Status.NO_TARGET and cumulative else current.status
    return IndicatorResult(indicator, indicator.id, indicator.name, indicator.unit, indicator.better, years, current,
                           cumulative, status)


def cumulative_progress(indicator: Indicator, last: int, program: Program,
                        thresholds: StatusThresholds) -> CumulativeProgress | None:
    target = indicator.period_target
    if target is None:
        return None
    start, length = program.period.start, program.period.end - program.period.start + 1
    reported = sorted(year for year in indicator.actual if year <= last)
    missing: tuple[int, ...] = ()
    if indicator.aggregate == "sum":
        through = last
        value = sum((indicator.actual[year] for year in reported), Decimal(0)) if reported else None
        missing = tuple(year for year in range(start, last + 1) if year not in indicator.actual)
        planned = target * (last - start + 1) / length
        baseline = None
    else:
        through = reported[-1] if reported else last
        value = indicator.actual[through] if reported else None
        baseline = indicator.baseline
        planned = target if baseline is None else baseline + (target - baseline) * (through - start + 1) / length
    if value is None:
        percent = percent_of_plan = None
        status = Status.NO_DATA
    else:
        percent = realisation(indicator.better, target, value, baseline)
        percent_of_plan = realisation(indicator.better, planned, value, baseline)
        status = Status.ACHIEVED if percent_of_plan is None else status_for(percent_of_plan, thresholds)
    return CumulativeProgress(indicator.aggregate, through, value, target, percent, round_percent(planned),
                              percent_of_plan, status, missing)


def _execution(planned: Decimal, spent: Decimal) -> Decimal | None:
    return round_percent(spent / planned * HUNDRED) if planned else None


def _lines(pairs: Iterable[tuple[str, Decimal, Decimal]], labels: dict[str, str],
           order: list[str]) -> tuple[BudgetLine, ...]:
    sums: dict[str, list[Decimal]] = {}
    for key, planned, spent in pairs:
        total = sums.setdefault(key, [Decimal(0), Decimal(0)])
        total[0] += planned
        total[1] += spent
    keys = [key for key in order if key in sums] + [key for key in sums if key not in order]
    return tuple(BudgetLine(key, labels.get(key, key), sums[key][0], sums[key][1], _execution(*sums[key]))
                 for key in keys)


def budget_summary(activities: list[Activity], names: dict[str, str], years: list[int],
                   year: int | None = None) -> BudgetSummary:
    costs = [cost for activity in activities for cost in activity.costs]
    planned = sum((cost.planned for cost in costs), Decimal(0))
    spent = sum((cost.spent for cost in costs), Decimal(0))
    by_source = _lines(((cost.source, cost.planned, cost.spent) for cost in costs), names, list(names))
    by_category = _lines(((cost.category or "", cost.planned, cost.spent) for cost in costs),
                         {"": UNCATEGORISED_LABEL}, [])
    by_year = () if year is not None else tuple(
        budget_summary([a for a in activities if a.activity_year == y], names, years, y) for y in years)
    total = BudgetLine(TOTAL_KEY, TOTAL_LABEL, planned, spent, _execution(planned, spent))
    return BudgetSummary(year, total, by_source, by_category, by_year)


def _breakdown(splits: list[tuple[int, dict[str, int] | None]], total: int, by_number: bool = False) -> Breakdown:
    counts: dict[str, int] = {}
    covered = 0
    for participants, split in splits:
        if split is None:
            continue
        covered += participants
        for label, count in split.items():
            counts[label] = counts.get(label, 0) + count
    items = list(counts.items())
    if by_number:  # age groups: "0–17" before "18–29" … whatever order the activities list them in
        items.sort(key=lambda item: (0, int(m.group())) if (m := _LEADING_NUMBER.match(item[0])) else (1, 0))
    return Breakdown(tuple(items), covered, covered == total)


def participant_summary(activities: list[Activity], years: list[int], year: int | None = None) -> ParticipantSummary:
    counted = [activity.participants for activity in activities if activity.participants is not None]
    total = sum(p.total for p in counted)
    by_sex = [(p.total, {"kobiety": p.by_sex.women, "mężczyźni": p.by_sex.men} if p.by_sex else None) for p in counted]
    by_year = () if year is not None else tuple(
        participant_summary([a for a in activities if a.activity_year == y], years, y) for y in years)
    return ParticipantSummary(
        year, total, sum(activity.events or 0 for activity in activities), len(counted),
        _breakdown([(p.total, p.by_category) for p in counted], total), _breakdown(by_sex, total),
        _breakdown([(p.total, p.by_age) for p in counted], total, by_number=True), by_year,
        sum(activity.events is not None for activity in activities))


def activity_figures(index: int, activity: Activity) -> ActivityFigures:
    """One activity's figures; an activity without cost lines has no budget line (None), not a zero one —
    absence of data is not spending nothing (a free activity says so: a cost line with 0)."""
    line = None
    if activity.costs:
        planned = sum((cost.planned for cost in activity.costs), Decimal(0))
        spent = sum((cost.spent for cost in activity.costs), Decimal(0))
        line = BudgetLine(activity.id or str(index), activity.name, planned, spent, _execution(planned, spent))
    participants = activity.participants.total if activity.participants else None
    return ActivityFigures(activity, activity.activity_year, participants, activity.events, line)


def gaps_in(indicators: tuple[IndicatorResult, ...], activities: list[Activity]) -> Gaps:
    """Counts of the values the data do not give (see :class:`Gaps`)."""
    cells = sum((result.indicator.baseline is None) + (result.current.target is None)
                + (result.current.actual is None) for result in indicators)
    return Gaps(cells, len(activities), sum(activity.events is None for activity in activities),
                sum(activity.participants is None for activity in activities),
                sum(not activity.costs for activity in activities))


def compute_figures(report: MonitoringReport, program: Program | None) -> ReportFigures:
    """Every computed figure of the report (see the module docstring for the rules). A standalone report
    (``program`` None) has no indicators or activities (the model's rule): its figures are empty."""
    years = report.year_list
    thresholds = report.status_thresholds
    indicators = tuple(indicator_result(indicator, years, program, thresholds)
                       for indicator in report.indicators) if program else ()
    return ReportFigures(
        years=tuple(years),
        indicators=indicators,
        activities=tuple(activity_figures(index, activity) for index, activity in enumerate(report.activities)),
        budget=budget_summary(report.activities, funding_source_names(report, program), years),
        participants=participant_summary(report.activities, years),
        thresholds=thresholds,
        gaps=gaps_in(indicators, report.activities))


__all__ = ["ActivityFigures", "Breakdown", "Gaps", "BudgetLine", "BudgetSummary", "CumulativeProgress", "IndicatorResult",
           "ParticipantSummary", "ReportFigures", "Status", "YearResult", "assess", "budget_summary",
           "compute_figures", "cumulative_progress", "gaps_in", "indicator_result", "participant_summary", "realisation",
           "round_percent", "status_for"]
