"""Computed figures of monitoring reports: the documented rules as tables, and the three examples."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from paldocs.model.program import Program
from paldocs.report.model import Activity, Indicator, StatusThresholds
from paldocs.report import Status, compute_figures, load_report
from paldocs.report.compute import (
    assess,
    budget_summary,
    cumulative_progress,
    indicator_result,
    participant_summary,
    realisation,
    round_percent,
    status_for,
)

D = Decimal
EXAMPLES = REPO / "resolutions" / "ketrzyn-2014-pal"
PROGRAM = Program.model_validate({"title": "Program", "period": {"from": 2014, "to": 2020},
                                  "sections": [{"heading": "Wstęp"}]})
DEFAULT = StatusThresholds()


def indicator(**fields: Any) -> Indicator:
    return Indicator.model_validate({"id": "w", "name": "Wskaźnik", "unit": "osoby", "measures": ["cel-1"], **fields})


def activity(year: int, participants: dict[str, Any] | None = None, costs: list[dict[str, Any]] | None = None,
             events: int | None = None) -> Activity:
    return Activity.model_validate({"name": "Działanie", "direction": "kierunek-1", "year": year,
                                    "implementer": "MOPS", "participants": participants, "costs": costs or [],
                                    "events": events})


@pytest.mark.parametrize(("better", "target", "actual", "baseline", "expected"), [
    ("more", "80", "69", None, "86.3"),  # 86.25 → half up
    ("more", "70", "74", None, "105.7"),
    ("more", "20", "17.2", None, "86.0"),
    ("more", "3", "1", None, "33.3"),
    ("more", "8", "1", None, "12.5"),
    ("more", "0", "5", None, None),  # zero target: no percentage
    ("more", "0", "0", None, None),
    ("more", "10", "0", None, "0.0"),
    ("less", "370", "381", "412", "73.8"),  # (412 − 381) / (412 − 370)
    ("less", "385", "379", "412", "122.2"),
    ("less", "400", "420", "412", "0.0"),  # worse than the baseline: never below 0
    ("less", "400", "412", "412", "0.0"),
    ("less", "400", "400", "412", "100.0"),
    ("less", "50", "40", None, "125.0"),  # no baseline: target / actual
    ("less", "50", "100", None, "50.0"),
    ("less", "50", "0", None, "100.0"),  # actual 0: fully achieved
    ("less", "0", "0", None, "100.0"),
    ("less", "0", "3", None, "0.0"),
    ("less", "40", "50", "40", "80.0"),  # baseline equal to the target: the ratio rule
    ("less", "40", "50", "30", "80.0"),  # baseline below the target: the ratio rule
])
def test_realisation(better: str, target: str, actual: str, baseline: str | None, expected: str | None) -> None:
    result = realisation(better, D(target), D(actual), D(baseline) if baseline else None)
    assert (None if result is None else str(result)) == expected


@pytest.mark.parametrize(("value", "expected"), [("86.25", "86.3"), ("86.35", "86.4"), ("99.94", "99.9"),
                                                  ("99.95", "100.0"), ("0.05", "0.1"), ("100", "100.0")])
def test_round_percent_half_up(value: str, expected: str) -> None:
    assert str(round_percent(D(value))) == expected


@pytest.mark.parametrize(("percent", "thresholds", "expected"), [
    ("100.0", DEFAULT, Status.ACHIEVED),
    ("150", DEFAULT, Status.ACHIEVED),
    ("99.9", DEFAULT, Status.ON_TRACK),
    ("80.0", DEFAULT, Status.ON_TRACK),
    ("79.9", DEFAULT, Status.AT_RISK),
    ("50.0", DEFAULT, Status.AT_RISK),
    ("49.9", DEFAULT, Status.NOT_ACHIEVED),
    ("0", DEFAULT, Status.NOT_ACHIEVED),
    ("89.9", StatusThresholds(on_track=D(90), at_risk=D(70)), Status.AT_RISK),
    ("90", StatusThresholds(on_track=D(90), at_risk=D(70)), Status.ON_TRACK),
    ("69.9", StatusThresholds(on_track=D(90), at_risk=D(70)), Status.NOT_ACHIEVED),
    ("99.9", StatusThresholds(on_track=D(100), at_risk=D(100)), Status.NOT_ACHIEVED),
])
def test_status_at_thresholds(percent: str, thresholds: StatusThresholds, expected: Status) -> None:
    assert status_for(D(percent), thresholds) is expected


@pytest.mark.parametrize(("better", "target", "actual", "expected"), [
    ("more", None, None, (None, Status.NO_DATA)),
    ("more", "10", None, (None, Status.NO_DATA)),  # a missing actual: "brak danych"
    ("more", None, "10", (None, Status.NO_TARGET)),
    ("more", "0", "0", (None, Status.ACHIEVED)),  # zero target: met, no percentage
    ("more", "10", "7.995", (D("80.0"), Status.ON_TRACK)),  # the rounded percent decides
    ("less", "10", "0", (D("100.0"), Status.ACHIEVED)),
])
def test_assess(better: str, target: str | None, actual: str | None, expected: tuple[Any, Status]) -> None:
    as_decimal = (lambda value: None if value is None else D(value))
    assert assess(better, as_decimal(target), as_decimal(actual), None, DEFAULT) == expected


def test_status_labels_are_polish() -> None:
    assert [str(status) for status in Status] == ["osiągnięty", "realizowany zgodnie z planem", "zagrożony",
                                                  "nieosiągnięty", "brak danych", "brak wartości docelowej"]


@pytest.mark.parametrize(("fields", "last", "expected"), [
    # sum: 58 + 74 + 69 = 201 of 530 (37.9 %); plan to date 530 · 3/7 = 227.14 → 88.5 % of the plan
    ({"period_target": 530, "actual": {2014: 58, 2015: 74, 2016: 69}}, 2016,
     {"value": D(201), "percent": D("37.9"), "planned_to_date": D("227.1"), "percent_of_plan": D("88.5"),
      "status": Status.ON_TRACK, "missing_years": (), "through_year": 2016}),
    # a year without a value counts as 0 and is listed
    ({"period_target": 70, "actual": {2014: 10, 2016: 20}}, 2016,
     {"value": D(30), "percent": D("42.9"), "planned_to_date": D("30.0"), "percent_of_plan": D("100.0"),
      "status": Status.ACHIEVED, "missing_years": (2015,)}),
    # values after the report's last year are ignored
    ({"period_target": 70, "actual": {2014: 10, 2015: 10}}, 2014,
     {"value": D(10), "planned_to_date": D("10.0"), "status": Status.ACHIEVED}),
    ({"period_target": 70}, 2015, {"value": None, "percent": None, "status": Status.NO_DATA}),
    ({"period_target": 0, "actual": {2014: 0}}, 2014, {"percent": None, "percent_of_plan": None,
                                                       "status": Status.ACHIEVED}),
    # latest, less, baseline: 412 → 320 over 7 years; after 3 years the plan is 372.57; actual 381
    ({"better": "less", "baseline": 412, "period_target": 320, "actual": {2014: 405, 2015: 379, 2016: 381}}, 2016,
     {"aggregate": "latest", "value": D(381), "percent": D("33.7"), "planned_to_date": D("372.6"),
      "percent_of_plan": D("78.6"), "status": Status.AT_RISK}),
    # latest without a baseline: the plan is the period target itself
    ({"better": "less", "period_target": 20, "actual": {2014: 25}}, 2016,
     {"value": D(25), "percent": D("80.0"), "planned_to_date": D("20.0"), "percent_of_plan": D("80.0"),
      "through_year": 2014, "status": Status.ON_TRACK}),
    # latest, more, with a baseline; 2016 missing → the latest reported value (2015)
    ({"period_aggregate": "latest", "baseline": 10, "period_target": 40, "actual": {2014: 12, 2015: 21}}, 2016,
     {"value": D(21), "through_year": 2015, "planned_to_date": D("18.6"), "percent_of_plan": D("113.1"),
      "percent": D("52.5"), "status": Status.ACHIEVED}),
])
def test_cumulative_progress(fields: dict[str, Any], last: int, expected: dict[str, Any]) -> None:
    progress = cumulative_progress(indicator(**fields), last, PROGRAM, DEFAULT)
    assert progress is not None
    assert {key: getattr(progress, key) for key in expected} == expected


def test_no_period_target_no_cumulative() -> None:
    assert cumulative_progress(indicator(actual={2014: 1}), 2014, PROGRAM, DEFAULT) is None


def test_indicator_result_trend_and_headline_status() -> None:
    result = indicator_result(indicator(targets={2014: 0, 2015: 1, 2016: 1, 2020: 2}, actual={2014: 0, 2015: 0},
                                        period_target=4), [2016], PROGRAM, DEFAULT)
    assert [(y.year, y.percent, y.status, y.reported) for y in result.years] == [
        (2014, None, Status.ACHIEVED, False), (2015, D("0.0"), Status.NOT_ACHIEVED, False),
        (2016, None, Status.NO_DATA, True)]
    assert result.current.year == 2016 and result.status is Status.NO_DATA
    # no target in the last year: the cumulative status stands in
    no_target = indicator_result(indicator(actual={2015: 30}, period_target=70), [2015], PROGRAM, DEFAULT)
    assert no_target.current.status is Status.NO_TARGET
    assert no_target.status is Status.ACHIEVED  # 30 against the plan to date 20


def test_budget_sums_and_execution() -> None:
    activities = [
        activity(2014, costs=[{"source": "a", "category": "usługi", "planned": 1000, "spent": 950.5},
                              {"source": "b", "planned": 500, "spent": 500}]),
        activity(2015, costs=[{"source": "b", "category": "usługi", "planned": 300, "spent": 330.25},
                              {"source": "c", "category": "materiały", "planned": 0, "spent": 0}]),
    ]
    summary = budget_summary(activities, {"b": "Źródło B", "a": "Źródło A"}, [2014, 2015])
    assert (summary.total.planned, summary.total.spent, summary.total.percent) == (D("1800"), D("1780.75"), D("98.9"))
    assert [(line.key, line.label, line.planned, line.spent, line.percent) for line in summary.by_source] == [
        ("b", "Źródło B", D(800), D("830.25"), D("103.8")), ("a", "Źródło A", D(1000), D("950.5"), D("95.1")),
        ("c", "c", D(0), D(0), None)]
    assert [(line.key, line.label, line.spent) for line in summary.by_category] == [
        ("usługi", "usługi", D("1280.75")), ("", "pozostałe koszty", D(500)), ("materiały", "materiały", D(0))]
    assert [(year.year, year.total.spent, len(year.by_source), year.by_year) for year in summary.by_year] == [
        (2014, D("1450.5"), 2, ()), (2015, D("330.25"), 2, ())]


def test_participant_sums() -> None:
    activities = [
        activity(2014, {"total": 10, "by_sex": {"kobiety": 6, "mężczyźni": 4}, "by_age": {"30–49": 7, "18–29": 3}},
                 events=5),
        activity(2015, {"total": 20, "by_sex": {"kobiety": 5, "mężczyźni": 15}, "by_age": {"65 i więcej": 4,
                 "0–17": 16}, "by_category": {"seniorzy": 20}}, events=2),
        activity(2015, {"total": 100}),
        activity(2015, None, events=1),
    ]
    summary = participant_summary(activities, [2014, 2015])
    assert (summary.total, summary.events, summary.activities) == (130, 8, 3)
    assert summary.by_sex.counts == (("kobiety", 11), ("mężczyźni", 19))
    assert (summary.by_sex.covered, summary.by_sex.complete) == (30, False)
    assert [label for label, _ in summary.by_age.counts] == ["0–17", "18–29", "30–49", "65 i więcej"]
    assert summary.by_category.counts == (("seniorzy", 20),) and summary.by_category.covered == 20
    assert [(year.year, year.total, year.events) for year in summary.by_year] == [(2014, 10, 5), (2015, 120, 3)]
    assert summary.by_year[0].by_sex.complete


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    names = {"2015": "sprawozdanie-2015.yaml", "2016": "sprawozdanie-2016.yaml", "range": "sprawozdanie-2014-2016.yaml"}
    loaded = {key: load_report(EXAMPLES / name) for key, name in names.items()}
    return {key: compute_figures(source.report, source.program) for key, source in loaded.items()}


def test_example_2016(figures: dict[str, Any]) -> None:
    result = figures["2016"]
    assert result.years == (2016,)
    statuses = {item.id: (item.current.percent, item.status) for item in result.indicators}
    assert statuses == {
        "uczestnicy-kis": (D("86.3"), Status.ON_TRACK), "rodziny-zasilki": (D("73.8"), Status.AT_RISK),
        "wolontariusze": (None, Status.NO_DATA), "podmioty-es": (D("100.0"), Status.ACHIEVED),
        "zatrudnienie": (D("75.2"), Status.AT_RISK), "inicjatywy": (D("116.7"), Status.ACHIEVED)}
    assert (result.budget.total.planned, result.budget.total.spent, result.budget.total.percent) == (
        D("239200.00"), D("227419.65"), D("95.1"))
    assert [line.key for line in result.budget.by_source] == ["zrodlo-budzet", "zrodlo-ue", "zrodlo-sponsorzy", "alkohol"]
    assert (result.participants.total, result.participants.events) == (675, 190)
    assert (result.activities[0].activity.id, result.activities[0].participants) == ("kis-2016", 69)


def test_example_2015_zero_target_history(figures: dict[str, Any]) -> None:
    podmioty = next(item for item in figures["2015"].indicators if item.id == "podmioty-es")
    assert [(y.year, y.target, y.percent, y.status, y.reported) for y in podmioty.years] == [
        (2014, D(0), None, Status.ACHIEVED, False), (2015, D(1), D("0.0"), Status.NOT_ACHIEVED, True)]


def test_range_report_agrees_with_the_yearly_reports(figures: dict[str, Any]) -> None:
    ranged = figures["range"]
    assert ranged.years == (2014, 2015, 2016)
    for index, year in ((1, "2015"), (2, "2016")):
        assert ranged.budget.by_year[index].total == figures[year].budget.total
        assert ranged.budget.by_year[index].by_source == figures[year].budget.by_source
        assert ranged.participants.by_year[index] == figures[year].participants.by_year[0]
    assert [item.status for item in ranged.indicators] == [item.status for item in figures["2016"].indicators]
    assert sum(year.total.spent for year in ranged.budget.by_year) == ranged.budget.total.spent


@pytest.mark.parametrize("name", ["sprawozdanie-2015.yaml", "sprawozdanie-2016.yaml", "sprawozdanie-2014-2016.yaml"])
def test_examples_have_five_to_eight_activities_a_year(name: str) -> None:
    source = load_report(EXAMPLES / name)
    figures = compute_figures(source.report, source.program)
    for year in figures.participants.by_year:
        assert 5 <= sum(1 for a in figures.activities if a.year == year.year) <= 8
        assert year.by_sex.covered > 0 and year.by_age.covered > 0
    assert 3 <= len(figures.budget.by_source) <= 4


def test_figures_are_frozen(figures: dict[str, Any]) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        figures["2016"].budget.total.spent = D(0)  # type: ignore[misc]


def test_examples_folder_holds_three_reports() -> None:
    assert sorted(path.name for path in Path(EXAMPLES).glob("*.yaml")) == [
        "sprawozdanie-2014-2016.yaml", "sprawozdanie-2015.yaml", "sprawozdanie-2016.yaml"]
