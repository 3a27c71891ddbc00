"""Compose a monitoring report: report data + program → computed figures → Markdown with tables and figures.

Contract: :func:`compose_report` takes a :class:`~paldocs.report.load.ReportSource` and returns a
:class:`~paldocs.compose.Composition` with one part of kind "report" (page numbers, counted from the first page
after the title page; decimal section numbers unless the report has its own chapters, whose headings print
exactly as written) and the chart drawings in ``assets`` (attached to the Figure nodes by the pipeline).
Truth first: a chapter without data is left out, a cell without a value prints "b.d." (docs/reports.md); a
text field that opens with the clerk's own heading (:func:`opens_with_own_heading`) gets no generated one. Every number printed is
computed by :mod:`paldocs.report.compute`; the template (``report.md.j2``) only formats it. Charts are drawn
only when the report needs them (matplotlib is imported lazily by :mod:`paldocs.report.charts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from paldocs.compose import ComposedPart, Composition, format_number, make_environment, render_part
from paldocs.document import Meta
from paldocs.report.load import ReportSource, program_refs
from paldocs.polish.dates import MONTHS_NOMINATIVE, format_date
from paldocs.report.compute import ReportFigures, compute_figures
from paldocs.sourcemap import DataFile, Recorder, index_fields
from paldocs.style.resolve import style_for


_BOLD_LINE = re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__")
_HEADING_MAX = 150  # longer single-line paragraphs in capitals are shouted sentences, not headings


def opens_with_own_heading(text: object) -> bool:
    """True when a text field starts with the clerk's own heading, so that the template prints no generated
    heading above it (two headings one under the other read as a drafting error): a Markdown heading
    (``# WPROWADZENIE``), a paragraph of one line that is all bold (``**Wprowadzenie**``), or a paragraph of
    one line in capitals without a final full stop (``WPROWADZENIE``, ``1. PODSUMOWANIE``)."""
    paragraph = str(text or "").strip().split("\n\n", 1)[0].strip()
    if not paragraph:
        return False
    if paragraph.startswith("#"):
        return True
    if "\n" in paragraph or len(paragraph) > _HEADING_MAX:
        return False
    if _BOLD_LINE.fullmatch(paragraph):
        return True
    letters = [char for char in paragraph if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters) and not paragraph.endswith(".")


def period_text(years: list[int]) -> str:
    """"za 2015 rok" / "za lata 2014–2016" (the title page form, docs/domain.md § 8); "" without years."""
    if not years:
        return ""
    return f"za {years[0]} rok" if len(years) == 1 else f"za lata {years[0]}–{years[-1]}"


def compose_report(source: ReportSource, env: SandboxedEnvironment | None = None, *, draw: bool = True) -> Composition:
    """The report as Markdown with its charts (``draw=False``: empty drawings, for checks that print nothing —
    they need not load matplotlib). A standalone report (no program file) prints its own title, place, month
    and chapters with the packaged house style; its chapters keep the clerk's headings, so no heading of a
    report with chapters is numbered by paldocs."""
    env = env or make_environment()
    env.tests["own_heading"] = opens_with_own_heading
    report, program, resolution, municipality = source.report, source.program, source.resolution, source.municipality
    figures = compute_figures(report, program)
    years = list(figures.years)
    month = f"{MONTHS_NOMINATIVE[report.month.month - 1]} {report.month.year}" if report.month else None
    context: dict[str, Any] = {
        "report": report, "program": program, "figures": figures, "municipality": municipality,
        "month": month, "period": period_text(years), "years": years,
    }
    fields = index_fields(report, DataFile(source.file, source.locate))
    if program is not None and source.program_source is not None and resolution is not None \
            and municipality is not None:
        program_data = source.program_source.data
        number = format_number(program_data)
        adopted = format_date(resolution.date) if resolution.date else "………… r."
        title = report.title or (f"Sprawozdanie z realizacji „{program.title_genitive or program.title}” "
                                 f"{period_text(years)}")
        subject = f"przyjętego uchwałą Nr {number} {municipality.council.genitive} z dnia {adopted}"
        context.update(number=number, adopted=adopted, council=municipality.council.genitive,
                       direction_text={key: ref.text for key, ref in program_refs(program).items()})
        # Provenance (paldocs.sourcemap): report values point into the report file, program values into the program's.
        program_file = source.program_source
        fields = {**index_fields(program_data, DataFile(program_file.file, program_file.locate)), **fields}
        keywords: tuple[str, ...] = ("sprawozdanie", program.title)
    else:
        title = report.title or f"Sprawozdanie z realizacji „{report.program_title}” {period_text(years)}"
        subject = ""
        keywords = ("sprawozdanie", *([report.program_title] if report.program_title else []))
    context["title"] = title
    from paldocs.report.sheet_table import install  # a chapter's table, read from its spreadsheet

    sheet_files = install(context, source.file, source.locate)
    assets = draw_charts(figures, draw=draw)
    context["charts"] = sorted(assets)
    markdown, origins = render_part(env, "report.md.j2", context, source.file, Recorder(fields))
    meta = Meta(title=title, subject=subject, author=report.prepared_by.function if report.prepared_by else "",
                date=report.month, keywords=keywords,
                paragraph_layout=municipality.layout.paragraph_layout if municipality else "inline")
    notes = ["dane sprawozdania są przykładowe (illustrative: true) — nie są rzeczywistymi wynikami gminy"] \
        if report.illustrative else []
    part = ComposedPart("report", markdown, page_numbers=True,
                        heading_numbering=None if report.chapters else "decimal-dot", origins=origins)
    return Composition(meta, [part], notes, assets=assets, annex_files=sheet_files,
                       house_style=style_for(env, municipality.house_style if municipality else None))


def draw_charts(figures: ReportFigures, *, draw: bool = True) -> dict[str, Any]:
    """The report's charts by asset id: indicator realisation, budget by source, and the trend (range reports).
    With ``draw=False`` the same ids with empty drawings."""
    from paldocs.report import charts

    planned = _planned_charts(figures, charts)
    if not draw:
        return {name: charts.Chart(b"", b"", "") for name in planned}
    return {name: make() for name, make in planned.items()}


def _planned_charts(figures: ReportFigures, charts: Any) -> dict[str, Callable[[], Any]]:
    assets: dict[str, Callable[[], Any]] = {}
    if not figures.years:  # a standalone report stating no year has no figures to draw
        return assets
    last = figures.years[-1]
    measured = [result for result in figures.indicators if result.current.percent is not None]
    if measured:
        assets["wskazniki"] = lambda: charts.target_vs_actual(
            [result.name for result in measured], [100.0] * len(measured),
            [float(result.current.percent) for result in measured],  # type: ignore[arg-type]
            title=f"Realizacja wskaźników w {last} r. (% wartości docelowej)", unit="%")
    if figures.budget.by_source:
        assets["budzet"] = lambda: charts.budget_by_source(
            [line.label for line in figures.budget.by_source], [line.planned for line in figures.budget.by_source],
            [line.spent for line in figures.budget.by_source], title="Wydatki według źródeł finansowania")
    if len(figures.years) > 1 and figures.indicators:
        series = {result.name: [_percent_in(result, year) for year in figures.years] for result in figures.indicators}
        assets["trend"] = lambda: charts.trend(list(figures.years), series,
                                       title="Realizacja wskaźników w kolejnych latach (% wartości docelowej)",
                                       unit="%")
    return assets


def _percent_in(result: Any, year: int) -> float | None:
    for year_result in result.years:
        if year_result.year == year and year_result.percent is not None:
            return float(year_result.percent)
    return None


