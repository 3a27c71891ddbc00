"""Charts of a monitoring report: plain numbers → an SVG and a PNG drawing plus a Polish text alternative.

Contract:

- :func:`target_vs_actual`, :func:`budget_by_source` and :func:`trend` are pure functions of their arguments
  and return a :class:`Chart` (``svg`` for HTML/PDF, ``png`` for DOCX, ``alt`` for accessibility).
- Same input → byte-identical ``svg`` and ``png``: fixed SVG hash salt, no date or software name in the
  metadata, a fresh :class:`~matplotlib.figure.Figure` per call (never pyplot's current figure, so nothing
  is registered globally), and rcParams set only inside ``rc_context`` — nothing leaks into a caller that
  uses matplotlib itself.
- Drawn for print: 6.3 × 3.5 in (the 16 cm text width of A4; a trend with a long legend grows taller so that
  the plot keeps its height), PNG at 200 dpi, font Liberation Serif as in
  the PDF (DejaVu Serif, shipped with matplotlib, only where Liberation is missing), black and greys with
  hatches and markers so that series stay apart in black-and-white print. SVG text stays text
  (``svg.fonttype = "none"``): smaller, selectable and extractable from the PDF.
- Polish throughout: legends "wartość docelowa"/"wartość osiągnięta", "plan"/"wykonanie"; numbers formatted
  by :mod:`paldocs.polish.numerals` ("12 000 zł" with NO-BREAK SPACE groups, decimal comma); labels, legend
  names and the alt text get :func:`~paldocs.polish.typography.apply_typography` (so "w 2015 r." never
  breaks); category labels wrap at about 18 characters.
- A missing value (None) is no bar (marked "b.d." on the chart) or a gap in a line, and the alt text says so.
- The alt text states what the chart shows with every number, e.g. "Wykres słupkowy: wartości docelowe
  i osiągnięte wskaźników w 2015 r. Liczba osób: cel 120, wykonanie 134." (amounts exact, with grosze).
  ``title`` opens the alt text and is not drawn: the figure's caption in the document titles the chart.
- Bars carry their values (amounts in whole złoty), turned vertical when they would not fit the bar's width.
- matplotlib is imported inside the functions: importing this module, paldocs or its CLI does not load it.
- Arguments that cannot make a chart (no categories, lists of different lengths) raise ``ValueError``:
  callers are paldocs's own report code, not a clerk's data.
"""

from __future__ import annotations

import io
import itertools
import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from paldocs.polish.numerals import format_amount, format_integer
from paldocs.polish.typography import apply_typography

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Chart", "budget_by_source", "format_number", "target_vs_actual", "trend"]

FIGSIZE_IN = (6.3, 3.5)
PNG_DPI = 200
LABEL_WIDTH = 18  # characters per line of a category label (fewer when many categories share the width)
# Rough geometry for fitting text without a renderer: the axes span about 5.6 in of the 6.3 in figure and
# 2.3 in of its height; a character of Liberation Serif is about half an em wide on average.
_AXES_WIDTH_IN, _AXES_HEIGHT_IN = 5.6, 2.3
_BAR_WIDTH = 0.38  # of the one unit a category takes on the x axis
_BAR_LABEL_PT, _TICK_LABEL_PT = 7, 8

_RC: dict[str, Any] = {
    "svg.fonttype": "none", "svg.hashsalt": "paldocs",
    # Generic "serif" resolved through this list: Liberation Serif when installed, else DejaVu Serif (bundled
    # with matplotlib, so never a font warning); the SVG names all three for whoever renders it.
    "font.family": ["serif"], "font.serif": ["Liberation Serif", "DejaVu Serif"], "font.size": 9,
    "axes.linewidth": 0.6, "axes.edgecolor": "black", "axes.spines.top": False, "axes.spines.right": False,
    "hatch.linewidth": 0.6, "legend.frameon": False, "xtick.color": "black", "ytick.color": "black",
}
_SVG_METADATA = {"Date": None, "Creator": None}
_PNG_METADATA = {"Software": None}

# (face colour, hatch) of the two bar series: the first is hatched white, the second solid dark grey.
_BAR_STYLES = (("white", "////"), ("0.35", None))
# (colour, marker, line style, hollow marker) of line series, cycled.
_LINE_STYLES = (
    ("black", "o", "-", False), ("0.45", "s", "--", False), ("black", "^", ":", True),
    ("0.45", "D", "-.", True), ("black", "v", "--", False), ("0.45", "o", ":", True),
)  # fmt: skip
_MISSING = "b.d."

_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Chart:
    """One drawing in two formats, and what it shows in words."""

    svg: bytes
    png: bytes
    alt: str


def _to_decimal(value: float | Decimal) -> Decimal:
    # repr gives the shortest decimal that round-trips (0.1 → "0.1"); float() unwraps numpy's float64 ticks.
    return Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)


def format_number(value: float | Decimal) -> str:
    """A value as Polish text prints it: at most two decimals, decimal comma, NO-BREAK SPACE groups from
    10 000 (:func:`~paldocs.polish.numerals.format_integer`): ``134.0`` → "134", ``12345.5`` → "12 345,5"."""
    number = _to_decimal(value).quantize(_CENT, ROUND_HALF_UP)
    whole, _, fraction = f"{abs(number):f}".partition(".")
    text = format_integer(int(whole)) + ("," + fraction.rstrip("0") if fraction.rstrip("0") else "")
    return f"-{text}" if number < 0 and text != "0" else text


def _format_zloty(value: float | Decimal) -> str:
    """An amount on the axis: "12 000 zł", grosze only when there are any ("0,50 zł")."""
    text = format_amount(_to_decimal(value))
    return text.replace(",00\u00a0", "\u00a0")


def _format_whole_zloty(value: float) -> str:
    """An amount on a bar, in whole złoty ("142 350 zł"); the exact amount is in the alt text and the table."""
    return _format_zloty(_to_decimal(value).quantize(Decimal(1), ROUND_HALF_UP))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _intro(kind: str, title: str, unit: str) -> list[str]:
    parts = [f"{kind}: {_sentence(title)}"]
    return parts + [f"Jednostka: {unit.strip()}."] if unit.strip() else parts


def _check_lengths(what: str, expected: int, **lists: Sequence[float | Decimal | None]) -> None:
    """Every list as long as the categories, and every value a finite number or None."""
    if expected == 0:
        raise ValueError(f"{what}: nothing to draw")
    for name, values in lists.items():
        if len(values) != expected:
            raise ValueError(f"{what}: {name!r} has {len(values)} values, expected {expected}")
        if any(value is not None and not math.isfinite(value) for value in values):
            raise ValueError(f"{what}: {name!r} holds a value that is not a finite number")


def _text_width_in(text: str, points: float) -> float:
    return len(text) * points / 2 / 72


def _wrap(label: str, categories: int) -> str:
    """A category label in lines that fit its share of the axis (at most :data:`LABEL_WIDTH` characters)."""
    width = int((_AXES_WIDTH_IN / categories - 0.08) / _text_width_in("x", _TICK_LABEL_PT * 0.9))
    lines = textwrap.wrap(apply_typography(label), max(8, min(LABEL_WIDTH, width)), break_long_words=False)
    return "\n".join(lines) or " "


def _legend_layout(names: Sequence[str]) -> tuple[int, list[str], float]:
    """Columns, wrapped labels and the extra figure height (in) that let a legend fit the figure's width.

    As many columns as fit every label on one line (at most 3); otherwise two columns of wrapped labels.
    """
    labels = [apply_typography(name.strip()) for name in names]
    char_in = _text_width_in("x", _TICK_LABEL_PT * 0.9)
    wrapped: list[list[str]] = []
    columns = 1
    for columns in range(min(3, len(labels)), 0, -1):
        width = int(((FIGSIZE_IN[0] - 0.2) / columns - 0.55) / char_in)  # less the line sample before a label
        wrapped = [textwrap.wrap(label, width, break_long_words=False) or [" "] for label in labels]
        if all(len(lines) == 1 for lines in wrapped) or columns == 2:
            break
    rows = math.ceil(len(labels) / columns)
    lines = rows * max(len(lines) for lines in wrapped)
    return columns, ["\n".join(lines) for lines in wrapped], (lines - 1) * 0.16


def _render(draw: Callable[[Figure], None], extra_height_in: float = 0.0) -> tuple[bytes, bytes]:
    """Draw on a fresh figure and save it as SVG and PNG with every rcParam scoped to this call."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_RC):
        figure = Figure(figsize=(FIGSIZE_IN[0], FIGSIZE_IN[1] + extra_height_in), layout="constrained")
        draw(figure)
        svg, png = io.BytesIO(), io.BytesIO()
        figure.savefig(svg, format="svg", metadata=_SVG_METADATA)
        figure.savefig(png, format="png", dpi=PNG_DPI, metadata=_PNG_METADATA)
    return svg.getvalue(), png.getvalue()


def _set_value_axis(axes: Axes, values: list[float], unit: str, formatter: Callable[[float], str],
                    headroom: float = 0.1) -> None:
    """Limits with ``headroom`` (a fraction of the range) above and below for value labels, Polish ticks."""
    from matplotlib.ticker import FuncFormatter

    low, high = min([0.0, *values]), max([0.0, *values])
    if low == high:
        high = 1.0  # nothing but zeros or missing values: keep a sensible empty axis
    axes.set_ylim(low * (1 + headroom), high * (1 + headroom))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: formatter(value)))
    axes.grid(axis="y", color="0.8", linewidth=0.5)
    axes.set_axisbelow(True)
    if unit.strip():
        axes.set_ylabel(apply_typography(unit.strip()))


def _grouped_bars(figure: Figure, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
                  unit: str, axis_format: Callable[[float], str], bar_format: Callable[[float], str]) -> None:
    """Two bars per category (series in :data:`_BAR_STYLES`), value labels on the bars, "b.d." for None.

    Value labels stand upright when they fit the bar's width, else all of them turn vertical.
    """
    from matplotlib.patches import Patch

    axes = figure.add_subplot()
    texts = [[None if v is None else bar_format(float(v)) for v in values] for _, values in series]
    longest = max((_text_width_in(t, _BAR_LABEL_PT) for row in texts for t in row if t), default=0.0)
    bar_in = _BAR_WIDTH * _AXES_WIDTH_IN / len(labels)
    vertical = longest > bar_in
    handles = []
    for index, ((name, values), (face, hatch)) in enumerate(zip(series, _BAR_STYLES, strict=False)):
        offset = (index - (len(series) - 1) / 2) * _BAR_WIDTH
        present = [(i, float(v)) for i, v in enumerate(values) if v is not None]
        style = {"facecolor": face, "edgecolor": "black", "hatch": hatch, "linewidth": 0.6}
        bars = axes.bar([i + offset for i, _ in present], [v for _, v in present], _BAR_WIDTH, **style)
        axes.bar_label(bars, labels=[texts[index][i] or "" for i, _ in present], padding=2,
                       fontsize=_BAR_LABEL_PT, rotation=90 if vertical else 0)
        for i, value in enumerate(values):
            if value is None:
                axes.text(i + offset, 0, _MISSING, ha="center", va="bottom", fontsize=_BAR_LABEL_PT, color="0.3",
                          rotation=90 if vertical else 0)
        handles.append(Patch(label=apply_typography(name), **style))
    axes.set_xticks(range(len(labels)), [_wrap(label, len(labels)) for label in labels], fontsize=_TICK_LABEL_PT)
    axes.tick_params(axis="x", length=0)
    known = [float(v) for _, values in series for v in values if v is not None]
    label_in = longest if vertical else _BAR_LABEL_PT / 72
    _set_value_axis(axes, known, unit, axis_format, headroom=(label_in + 0.1) / _AXES_HEIGHT_IN)
    figure.legend(handles=handles, loc="outside upper center", ncols=len(handles), fontsize=8)


def target_vs_actual(labels: list[str], targets: list[float | None], actuals: list[float | None], *,
                     title: str, unit: str) -> Chart:
    """Grouped bars per indicator: the target ("wartość docelowa") and the actual value ("wartość osiągnięta")."""
    _check_lengths("target_vs_actual", len(labels), targets=targets, actuals=actuals)
    series = [("wartość docelowa", targets), ("wartość osiągnięta", actuals)]
    svg, png = _render(lambda figure: _grouped_bars(figure, labels, series, unit, format_number, format_number))
    parts = _intro("Wykres słupkowy", title, unit)
    for label, target, actual in zip(labels, targets, actuals, strict=True):
        if target is None and actual is None:
            said = "brak danych"
        elif actual is None:
            said = f"cel {format_number(target)}, brak danych o wykonaniu"  # type: ignore[arg-type]
        elif target is None:
            said = f"wykonanie {format_number(actual)}, brak wartości docelowej"
        else:
            said = f"cel {format_number(target)}, wykonanie {format_number(actual)}"
        parts.append(f"{label.strip()}: {said}.")
    return Chart(svg, png, apply_typography(" ".join(parts)))


def budget_by_source(sources: list[str], planned: list[Decimal], spent: list[Decimal], *, title: str) -> Chart:
    """Grouped bars per source of financing: planned ("plan") and spent ("wykonanie") amounts in zł."""
    _check_lengths("budget_by_source", len(sources), planned=planned, spent=spent)
    series: list[tuple[str, Sequence[float | None]]] = [
        ("plan", [float(amount) for amount in planned]), ("wykonanie", [float(amount) for amount in spent]),
    ]
    svg, png = _render(lambda figure: _grouped_bars(figure, sources, series, "", _format_zloty, _format_whole_zloty))
    parts = _intro("Wykres słupkowy", title, "")
    for source, plan, done in zip(sources, planned, spent, strict=True):
        parts.append(f"{source.strip()}: plan {format_amount(plan)}, wykonanie {format_amount(done)}.")
    if len(sources) > 1:
        parts.append(f"Razem: plan {format_amount(sum(planned, Decimal(0)))}, "
                     f"wykonanie {format_amount(sum(spent, Decimal(0)))}.")
    return Chart(svg, png, apply_typography(" ".join(parts)))


def trend(years: list[int], series: dict[str, list[float | None]], *, title: str, unit: str) -> Chart:
    """One line with markers per series across the years (reports over a range of years)."""
    _check_lengths("trend", len(years) if series else 0, **series)
    if any(later <= earlier for earlier, later in itertools.pairwise(years)):
        raise ValueError(f"trend: years must increase, got {years}")

    columns, names, extra_height = _legend_layout(list(series))

    def draw(figure: Figure) -> None:
        axes = figure.add_subplot()
        styles = _cycle(len(series))
        for name, values, (color, marker, line, hollow) in zip(names, series.values(), styles, strict=True):
            ys = [math.nan if value is None else float(value) for value in values]
            axes.plot(years, ys, color=color, marker=marker, linestyle=line, linewidth=1.2, markersize=5,
                      markerfacecolor="white" if hollow else color, markeredgecolor=color, label=name)
        axes.set_xticks(years, [format_integer(year) for year in years])
        axes.set_xlim(years[0] - 0.5, years[-1] + 0.5)
        known = [float(v) for values in series.values() for v in values if v is not None]
        _set_value_axis(axes, known, unit, format_number)
        figure.legend(loc="outside upper center", ncols=columns, fontsize=_TICK_LABEL_PT)

    svg, png = _render(draw, extra_height)
    parts = _intro("Wykres liniowy", title, unit)
    for name, values in series.items():
        said = ", ".join(f"w {year} r. {'brak danych' if value is None else format_number(value)}"
                         for year, value in zip(years, values, strict=True))
        parts.append(f"{name.strip()}: {said}.")
    return Chart(svg, png, apply_typography(" ".join(parts)))


def _cycle(n: int) -> list[tuple[str, str, str, bool]]:
    return [_LINE_STYLES[i % len(_LINE_STYLES)] for i in range(n)]
