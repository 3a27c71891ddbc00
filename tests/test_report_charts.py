"""paldocs.report.charts: valid, deterministic, accessible drawings for print, and matplotlib loaded lazily."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import struct
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from paldocs.report.charts import (
    FIGSIZE_IN,
    PNG_DPI,
    Chart,
    budget_by_source,
    format_number,
    target_vs_actual,
    trend,
)

REPO = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
NBSP = "\u00a0"


def small_target_vs_actual() -> Chart:
    return target_vs_actual(["Liczba osób objętych działaniami", "Liczba szkoleń"], [120, 10], [134, None],
                            title="wartości docelowe i osiągnięte wskaźników w 2015 r.", unit="liczba")


def small_budget() -> Chart:
    return budget_by_source(["Budżet gminy", "Dotacja wojewody"], [Decimal(15000), Decimal("2500.50")],
                            [Decimal("14250.20"), Decimal(0)], title="Wydatki według źródeł finansowania w 2015 r.")


def small_trend() -> Chart:
    return trend([2014, 2015, 2016], {"Liczba osób": [120, 134.5, None], "Liczba szkoleń": [None, 10, 12]},
                 title="Wskaźniki w latach 2014–2016", unit="")


BUILDERS: dict[str, Callable[[], Chart]] = {
    "target_vs_actual": small_target_vs_actual, "budget_by_source": small_budget, "trend": small_trend,
}


@pytest.fixture(scope="module")
def charts() -> dict[str, Chart]:
    return {name: build() for name, build in BUILDERS.items()}


def svg_root(chart: Chart) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(chart.svg, parser)


def svg_texts(chart: Chart) -> list[str]:
    return ["".join(text.itertext()) for text in svg_root(chart).iter(f"{SVG}text")]


# --- the drawings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", BUILDERS)
def test_svg_is_valid_and_a4_text_width(charts: dict[str, Chart], name: str) -> None:
    root = svg_root(charts[name])
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height")) == (f"{FIGSIZE_IN[0] * 72:g}pt", f"{FIGSIZE_IN[1] * 72:g}pt")


@pytest.mark.parametrize("name", BUILDERS)
def test_svg_text_is_text_in_liberation_serif(charts: dict[str, Chart], name: str) -> None:
    root = svg_root(charts[name])
    texts = list(root.iter(f"{SVG}text"))
    assert texts, "svg.fonttype none keeps labels as <text>"
    assert all("font-family: 'Liberation Serif', 'DejaVu Serif', serif" in (t.get("style") or "") for t in texts)
    # With fonttype "path" matplotlib would define one path per glyph, named after the font.
    assert not [i for i in root.xpath("//@id") if str(i).startswith(("LiberationSerif", "DejaVu"))]


@pytest.mark.parametrize("name", BUILDERS)
def test_png_is_200_dpi_at_a4_text_width(charts: dict[str, Chart], name: str) -> None:
    png = charts[name].png
    assert png.startswith(PNG_MAGIC) and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (round(FIGSIZE_IN[0] * PNG_DPI), round(FIGSIZE_IN[1] * PNG_DPI))
    assert b"Software" not in png and b"matplotlib version" not in png


@pytest.mark.parametrize("name", BUILDERS)
def test_same_input_gives_identical_bytes(charts: dict[str, Chart], name: str) -> None:
    again = BUILDERS[name]()
    assert again == charts[name]
    assert b"<dc:date>" not in again.svg


@pytest.mark.slow
def test_bytes_are_identical_in_another_process(charts: dict[str, Chart]) -> None:
    script = ("import hashlib, sys; sys.path.insert(0, 'tests'); import test_report_charts as t; "
              "print(hashlib.sha256(b''.join(c.svg + c.png for c in (b() for b in t.BUILDERS.values()))).hexdigest())")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True,
                            check=True)
    here = hashlib.sha256(b"".join(chart.svg + chart.png for chart in charts.values())).hexdigest()
    assert result.stdout.strip() == here


def test_polish_labels_are_in_the_svg(charts: dict[str, Chart]) -> None:
    texts = set(svg_texts(charts["target_vs_actual"]))
    assert {"Liczba szkoleń", "wartość docelowa", "wartość osiągnięta"} <= texts
    assert {"Budżet gminy", "plan", "wykonanie"} <= set(svg_texts(charts["budget_by_source"]))
    assert "żółć" in "".join(svg_texts(target_vs_actual(["żółć"], [1], [2], title="t", unit="")))


def test_long_labels_wrap_and_keep_one_letter_words_with_the_next() -> None:
    texts = svg_texts(target_vs_actual(["Odsetek uczniów w programach rekomendowanych"], [1], [2], title="t", unit=""))
    assert texts[:3] == ["Odsetek uczniów", f"w{NBSP}programach", "rekomendowanych"]


def test_crowded_bar_labels_turn_vertical() -> None:
    sources = [f"Źródło {i}" for i in range(6)]
    amounts = [Decimal(493_827) + i for i in range(6)]
    root = svg_root(budget_by_source(sources, amounts, amounts, title="t"))
    labels = [t for t in root.iter(f"{SVG}text") if "".join(t.itertext()).startswith("493")]
    assert len(labels) == 12 and all("rotate(-90" in (t.get("transform") or "") for t in labels)
    few = svg_root(budget_by_source(sources[:2], amounts[:2], amounts[:2], title="t"))
    assert all("rotate(-90" not in (t.get("transform") or "") for t in few.iter(f"{SVG}text"))


def test_long_legend_wraps_and_the_figure_grows_to_keep_the_plot() -> None:
    names = [f"Liczba osób, które ukończyły zajęcia Klubu Integracji Społecznej nr {i}" for i in range(6)]
    chart = trend([2014, 2015], {name: [1, 2] for name in names}, title="t", unit="%")
    root = svg_root(chart)
    assert root.get("width") == "453.6pt" and float(str(root.get("height")).removesuffix("pt")) > 252
    texts = svg_texts(chart)
    assert "Liczba osób, które ukończyły zajęcia Klubu" in texts and f"Integracji Społecznej nr{NBSP}0" in texts


def test_amount_axis_is_in_zloty_with_no_break_space_groups(charts: dict[str, Chart]) -> None:
    texts = svg_texts(charts["budget_by_source"])
    assert {"0\u00a0zł", f"2{NBSP}000{NBSP}zł", f"16{NBSP}000{NBSP}zł"} <= set(texts)  # ticks
    assert {f"15{NBSP}000{NBSP}zł", f"14{NBSP}250{NBSP}zł"} <= set(texts)  # bar labels in whole złoty


def test_missing_values_are_marked_on_the_chart(charts: dict[str, Chart]) -> None:
    assert svg_texts(charts["target_vs_actual"]).count("b.d.") == 1
    nothing = target_vs_actual(["A", "B"], [None, None], [None, None], title="t", unit="")
    assert svg_texts(nothing).count("b.d.") == 4
    assert trend([2014, 2015], {"A": [None, None]}, title="t", unit="").png.startswith(PNG_MAGIC)


# --- the text alternative -------------------------------------------------------------------------


def test_alt_of_target_vs_actual(charts: dict[str, Chart]) -> None:
    assert charts["target_vs_actual"].alt == (
        f"Wykres słupkowy: wartości docelowe i{NBSP}osiągnięte wskaźników w{NBSP}2015{NBSP}r. Jednostka: liczba. "
        f"Liczba osób objętych działaniami: cel 120, wykonanie 134. "
        f"Liczba szkoleń: cel 10, brak danych o{NBSP}wykonaniu."
    )


def test_alt_of_budget_by_source(charts: dict[str, Chart]) -> None:
    assert charts["budget_by_source"].alt == (
        f"Wykres słupkowy: Wydatki według źródeł finansowania w{NBSP}2015{NBSP}r. "
        f"Budżet gminy: plan 15{NBSP}000,00{NBSP}zł, wykonanie 14{NBSP}250,20{NBSP}zł. "
        f"Dotacja wojewody: plan 2{NBSP}500,50{NBSP}zł, wykonanie 0,00{NBSP}zł. "
        f"Razem: plan 17{NBSP}500,50{NBSP}zł, wykonanie 14{NBSP}250,20{NBSP}zł."
    )


def test_alt_of_trend(charts: dict[str, Chart]) -> None:
    assert charts["trend"].alt == (
        f"Wykres liniowy: Wskaźniki w{NBSP}latach 2014–2016. "
        f"Liczba osób: w{NBSP}2014{NBSP}r. 120, w{NBSP}2015{NBSP}r. 134,5, w{NBSP}2016{NBSP}r. brak danych. "
        f"Liczba szkoleń: w{NBSP}2014{NBSP}r. brak danych, w{NBSP}2015{NBSP}r. 10, w{NBSP}2016{NBSP}r. 12."
    )


def test_alt_names_each_kind_of_missing_value() -> None:
    alt = target_vs_actual(["A", "B", "C"], [None, None, 1], [None, 2, None], title="Tytuł", unit="%").alt
    assert alt == ("Wykres słupkowy: Tytuł. Jednostka: %. A: brak danych. B: wykonanie 2, brak wartości docelowej. "
                   f"C: cel 1, brak danych o{NBSP}wykonaniu.")


@pytest.mark.parametrize(("value", "text"), [
    (134.0, "134"), (0, "0"), (12345.5, f"12{NBSP}345,5"), (9999, "9999"), (10_000, f"10{NBSP}000"),
    (0.1 + 0.2, "0,3"), (-2.5, "-2,5"), (Decimal("1234.565"), "1234,57"), (-0.001, "0"), (75.25, "75,25"),
])
def test_format_number(value: float | Decimal, text: str) -> None:
    assert format_number(value) == text


# --- contract edges -------------------------------------------------------------------------------


@pytest.mark.parametrize("call", [
    lambda: target_vs_actual([], [], [], title="t", unit=""),
    lambda: target_vs_actual(["A"], [1, 2], [1], title="t", unit=""),
    lambda: target_vs_actual(["A"], [float("nan")], [1], title="t", unit=""),
    lambda: budget_by_source(["A", "B"], [Decimal(1)], [Decimal(1), Decimal(2)], title="t"),
    lambda: trend([2014, 2015], {}, title="t", unit=""),
    lambda: trend([2014, 2015], {"A": [1]}, title="t", unit=""),
    lambda: trend([2015, 2014], {"A": [1, 2]}, title="t", unit=""),
], ids=["no categories", "lengths differ", "nan", "budget lengths", "no series", "series length", "years order"])
def test_arguments_that_cannot_make_a_chart(call: Callable[[], Chart]) -> None:
    with pytest.raises(ValueError):
        call()


def test_matplotlib_settings_do_not_leak() -> None:
    import matplotlib

    before = dict(matplotlib.rcParams)
    small_trend()
    assert dict(matplotlib.rcParams) == before


@pytest.mark.slow  # a fresh font setup
def test_dejavu_serif_is_the_fallback_without_liberation(monkeypatch: pytest.MonkeyPatch) -> None:
    from matplotlib import font_manager

    manager = font_manager.fontManager
    if not hasattr(manager, "_findfont_cached"):  # private cache of matplotlib 3.x; the test needs to clear it
        pytest.skip("this matplotlib has no FontManager._findfont_cached")
    normal = small_trend().png
    monkeypatch.setattr(manager, "ttflist", [f for f in manager.ttflist if f.name != "Liberation Serif"])
    manager._findfont_cached.cache_clear()
    try:
        fallback = small_trend()  # no warning (warnings are errors here), a different font
    finally:
        monkeypatch.undo()
        manager._findfont_cached.cache_clear()
    assert fallback.png.startswith(PNG_MAGIC) and fallback.png != normal
    assert small_trend().png == normal


def test_weasyprint_draws_the_svg_text_in_liberation_serif(charts: dict[str, Chart]) -> None:
    from pypdf import PdfReader
    from weasyprint import HTML

    data = base64.b64encode(charts["target_vs_actual"].svg).decode()
    pdf = HTML(string=f'<img style="width: 16cm" src="data:image/svg+xml;base64,{data}">').write_pdf()
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    fonts: set[str] = set()

    def collect(resources: object) -> None:
        resources = resources.get_object() if resources is not None else {}  # type: ignore[attr-defined]
        fonts.update(str(font.get_object()["/BaseFont"]) for font in resources.get("/Font", {}).values())
        for xobject in resources.get("/XObject", {}).values():
            collect(xobject.get_object().get("/Resources"))

    collect(page["/Resources"])
    assert {font.split("+")[-1] for font in fonts} == {"Liberation-Serif"}
    assert "wartość osiągnięta" in page.extract_text()


# --- lazy import ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_matplotlib_is_not_imported_by_paldocs_or_its_cli() -> None:
    check = ("import sys, paldocs, paldocs.markup, paldocs.report.charts as charts, paldocs.cli; "
             "assert 'matplotlib' not in sys.modules, 'imported on import'; "
             "charts.trend([2014], {'A': [1]}, title='t', unit=''); "
             "assert 'matplotlib' in sys.modules and 'matplotlib.pyplot' not in sys.modules, 'pyplot used'")
    result = subprocess.run([sys.executable, "-c", check], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "paldocs", "--help"], cwd=REPO,
                            capture_output=True, text=True, check=True)
    assert result.stdout.startswith("Usage")
    assert "matplotlib" not in result.stderr
