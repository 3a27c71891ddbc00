"""Monitoring reports (sprawozdania z realizacji programu): computed figures on top of the report model.

Contract: this package computes, it does not format. Load a report file with
:func:`paldocs.report.load.load_report` (the report, its program and the adopting resolution), then
:func:`compute_figures` returns :class:`ReportFigures` — indicators with realisation percentages and statuses,
cumulative progress, budget execution and participant counts — for the report template (which formats with
the Polish filters) and the charts. The rules are documented in :mod:`paldocs.report.compute`. A report may
also stand alone, without the program's data file: its title and chapters in the clerk's words
(:mod:`paldocs.report.model`); such a source has no program, resolution or municipality, and no figures.

Glossary: sprawozdanie = report, wskaźnik = indicator, wartość docelowa = target, wartość bazowa = baseline,
działanie = activity, realizator = implementer, źródło finansowania = funding source.

Usage::

    source = load_report("resolutions/ketrzyn-2014-pal/sprawozdanie-2016.yaml")
    figures = compute_figures(source.report, source.program)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from paldocs.lazy_package import lazy_names

if TYPE_CHECKING:
    from paldocs.report.compute import (ActivityFigures, Breakdown, BudgetLine, BudgetSummary, CumulativeProgress,
                                        IndicatorResult, ParticipantSummary, ReportFigures, Status, YearResult,
                                        compute_figures)
    from paldocs.report.load import ReportSource, load_report

# Loaded on first use (PEP 562): a resolution adopting a report imports paldocs.report.adoption, which must not
# load the report model, its spreadsheets and figures for every resolution built.
_HOMES = {
    "ReportSource": "load", "load_report": "load",
    **dict.fromkeys(("ActivityFigures", "Breakdown", "BudgetLine", "BudgetSummary", "CumulativeProgress",
                     "IndicatorResult", "ParticipantSummary", "ReportFigures", "Status", "YearResult",
                     "compute_figures"), "compute"),
}


__getattr__ = lazy_names(__name__, _HOMES, globals())


__all__ = ["ActivityFigures", "Breakdown", "BudgetLine", "BudgetSummary", "CumulativeProgress", "IndicatorResult",
           "ParticipantSummary", "ReportFigures", "ReportSource", "Status", "YearResult", "compute_figures",
           "load_report"]
