"""PDF writer: text, fonts, pages and metadata read back with real tools (pdftotext, pdffonts, pypdf);
the locked-down fetcher; reproducible bytes."""

from __future__ import annotations

import dataclasses
import io
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pypdf
import pytest
import weasyprint
from weasyprint.urls import FatalURLFetchingError

from ir_samples import chart_drawings, para, report_figure, sample_document, sample_report
from paldocs import document as ir
from paldocs.errors import RenderError
from paldocs.writers import pdf as pdf_writer
from paldocs.writers.html import load_print_css
from paldocs.writers.pdf import BASE_URL, AssetFetcher, to_pdf

pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdffonts")),
                                reason="needs poppler-utils (pdftotext, pdffonts)")

TESTS = Path(__file__).parent
PNG_1PX = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def page_text(path: Path, page: int) -> str:
    return run("pdftotext", "-f", str(page), "-l", str(page), "-layout", path, "-").replace("\u00a0", " ")


def page_words(path: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points, from ``pdftotext -bbox``."""
    xml = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), path, "-")
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    return [(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in ElementTree.fromstring(xml).iterfind(".//x:word", ns)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    data = to_pdf(sample_document())
    path = tmp_path_factory.mktemp("pdf") / "uchwala.pdf"
    path.write_bytes(data)
    return data, path


@pytest.fixture(scope="module")
def pdf_path(built: tuple[bytes, Path]) -> Path:
    return built[1]


def test_polish_text_is_extractable(pdf_path: Path) -> None:
    text = " ".join(page_text(pdf_path, 1).split())
    for phrase in ("UCHWAŁA NR LXIV/400/14", "RADY MIEJSKIEJ W KĘTRZYNIE", "Przyjmuje się „Program”",
                   "o samorządzie gminnym", "§ 2. 1. Program obejmuje:", "a) szkolenia,", "– otwarte,",
                   "Wiceprzewodniczący", "Rafał Rypina"):
        assert phrase in text, phrase


def test_only_liberation_serif_is_embedded(pdf_path: Path) -> None:
    rows = run("pdffonts", pdf_path).splitlines()[2:]
    fonts = {re.sub(r"^[A-Z]{6}\+", "", row.split()[0]) for row in rows}
    assert fonts == {"Liberation-Serif", "Liberation-Serif-Bold", "Liberation-Serif-Italic"}
    assert all(row.split()[-5] == "yes" for row in rows)  # emb


def test_pages_annex_on_a_new_page_and_numbers_in_its_footer(pdf_path: Path) -> None:
    assert len(pypdf.PdfReader(pdf_path).pages) == 4  # resolution, annex (2 pages: PageBreak), justification
    assert "Załącznik" not in page_text(pdf_path, 1)
    assert page_text(pdf_path, 2).split()[0] == "Załącznik"
    assert page_text(pdf_path, 4).split()[0] == "UZASADNIENIE"
    for page, number in ((1, None), (2, "1"), (3, "2"), (4, None)):  # the annex counts from 1, like DOCX
        footer = [w for w, _, y_min, _, _ in page_words(pdf_path, page) if y_min > 770]  # below the 2.5 cm margin
        assert footer == ([number] if number else []), page


def test_layout_title_centred_annex_header_and_signature_on_the_right(pdf_path: Path) -> None:
    width = 595.28
    first = page_words(pdf_path, 1)
    title = [w for w in first if w[0] in {"UCHWAŁA", "LXIV/400/14"}]
    assert abs((title[0][1] + title[1][3]) / 2 - width / 2) < 2  # centred
    signature = next(w for w in first if w[0] == "Rypina")
    assert signature[1] > width / 2
    annex = page_words(pdf_path, 2)
    header = next(w for w in annex if w[0] == "Załącznik")
    assert header[1] > width / 2 - 1  # top right: the header starts in the right half of the text column
    assert header[2] < 100  # first line of the page
    body = next(w for w in annex if w[0] == "SPIS")
    assert header[4] - header[2] < body[4] - body[2]  # smaller type (10 pt against 12 pt)


def test_metadata() -> None:
    reader = pypdf.PdfReader(io.BytesIO(to_pdf(sample_document())))
    info = reader.metadata
    assert info.title == "Uchwała Nr LXIV/400/14 Rady Miejskiej w\u00a0Kętrzynie z dnia 29\u00a0kwietnia 2014\u00a0r."
    assert info.subject.startswith("w sprawie przyjęcia „Programu")
    assert info.author == "Rada Miejska w Kętrzynie"
    assert info["/Keywords"] == "uchwała, program aktywności lokalnej"
    assert info["/CreationDate"] == info["/ModDate"] == "D:20140429"
    assert reader.trailer["/Root"]["/Lang"] == "pl-PL"


def test_byte_identical_builds(built: tuple[bytes, Path]) -> None:
    assert to_pdf(sample_document()) == built[0]


@pytest.mark.slow
def test_byte_identical_in_a_fresh_process(built: tuple[bytes, Path], tmp_path: Path) -> None:
    out = tmp_path / "fresh.pdf"
    script = f"from ir_samples import sample_document\nfrom paldocs.writers.pdf import to_pdf\n" \
             f"open({str(out)!r}, 'wb').write(to_pdf(sample_document()))"
    subprocess.run([sys.executable, "-c", script], check=True, cwd=TESTS,
                   env={**os.environ, "PYTHONPATH": str(TESTS), "PYTHONHASHSEED": "12345"})
    assert out.read_bytes() == built[0]


@pytest.mark.slow  # PDF builds
def test_source_date_epoch_dates_an_undated_draft_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    draft = sample_document()
    draft = dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, date=None))
    first = to_pdf(draft)
    assert pypdf.PdfReader(io.BytesIO(first)).metadata["/CreationDate"] == "D:20231114221320Z"
    assert to_pdf(draft) == first
    # the adopted document keeps its own date whatever the machine's epoch (paldocs.writers.dates)
    assert pypdf.PdfReader(io.BytesIO(to_pdf(sample_document()))).metadata["/CreationDate"] == "D:20140429"


@pytest.mark.parametrize("epoch", ["abc", "1.7e9", "²", "-5", "99999999999999"])
def test_a_malformed_source_date_epoch_is_an_error(monkeypatch: pytest.MonkeyPatch, epoch: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    draft = sample_document()
    draft = dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, date=None))
    with pytest.raises(RenderError, match="SOURCE_DATE_EPOCH"):
        to_pdf(draft)


def test_pdf_a_variant_is_reproducible_too() -> None:
    first = to_pdf(sample_document(), variant="pdf/a-3b")
    reader = pypdf.PdfReader(io.BytesIO(first))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="B"' in xmp
    assert reader.trailer["/Root"]["/OutputIntents"][0]["/S"] == "/GTS_PDFA1"
    assert to_pdf(sample_document(), variant="pdf/a-3b") == first


def test_unknown_variant() -> None:
    with pytest.raises(RenderError, match="wariant"):
        to_pdf(sample_document(), variant="pdf/z-9")


def test_resources_are_built_once() -> None:
    to_pdf(sample_document())
    font_config, css = pdf_writer._resources()
    to_pdf(sample_document())
    assert pdf_writer._resources() == (font_config, css)
    assert pdf_writer._resources.cache_info().currsize == 1


def test_no_weasyprint_warnings(caplog: pytest.LogCaptureFixture) -> None:
    """WeasyPrint understands every rule of the print CSS and has nothing to say about the page."""
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        weasyprint.CSS(string=load_print_css(), base_url=BASE_URL, url_fetcher=AssetFetcher())
        to_pdf(sample_document("heading"))
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


# --- the locked-down fetcher --------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "http://example.com/x.png", "https://example.com/x.css", "ftp://example.com/x",
    "data:text/html,<b>x</b>", "paldocs-asset:../pyproject.toml", "paldocs-asset:__init__.py",
    "paldocs-asset:/etc/passwd.css", "paldocs-asset:missing.css", "/etc/passwd",
])
def test_fetcher_refuses_and_records(url: str) -> None:
    fetcher = AssetFetcher()
    with pytest.raises(Exception):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_fetcher_serves_packaged_assets_and_small_inline_images() -> None:
    fetcher = AssetFetcher()
    css = fetcher.fetch("paldocs-asset:print.css")
    assert b"@page" in css.read() and css.content_type == "text/css"
    image = fetcher.fetch(f"data:image/png;base64,{PNG_1PX}")
    assert image.read().startswith(b"\x89PNG") and image.content_type == "image/png"
    assert fetcher.refused == []


@pytest.fixture
def no_outside_access(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any file: or network fetch attempt fails the test loudly."""
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("paldocs tried to fetch an outside resource")
    monkeypatch.setattr(urllib.request.FileHandler, "file_open", forbidden)
    monkeypatch.setattr(socket.socket, "connect", forbidden)


@pytest.mark.parametrize("markup", [
    '<img src="file:///etc/passwd">',
    '<img src="http://example.com/x.png">',
    '<p style="background: url(http://example.com/bg.png)">x</p>',
    '<style>@import url("file:///etc/passwd");</style>',
    '<img src="x.png">',  # relative: resolves against the fixed paldocs:/ base, which is not fetchable
])
def test_to_pdf_fetches_nothing_outside(markup: str, monkeypatch: pytest.MonkeyPatch,
                                        no_outside_access: None) -> None:
    html = f'<!DOCTYPE html><html lang="pl"><head><title>t</title></head><body><p>Tekst</p>{markup}</body></html>'
    monkeypatch.setattr(pdf_writer, "to_html", lambda document, **kwargs: html)
    with pytest.raises(RenderError, match="zasobu spoza paldocs"):
        to_pdf(sample_document())


def test_weasyprint_stops_at_the_first_refusal(no_outside_access: None) -> None:
    fetcher = AssetFetcher()
    page = weasyprint.HTML(string='<img src="file:///etc/passwd"><img src="http://example.com/a.png">',
                           base_url=BASE_URL, url_fetcher=fetcher)
    with pytest.raises(FatalURLFetchingError):
        page.write_pdf()
    assert fetcher.refused == ["file:///etc/passwd"]


# --- fonts: Liberation Serif or an error, never a silent fallback --------------------------------------

def test_characters_outside_liberation_serif_are_an_error() -> None:
    doc = sample_document()
    doc.parts[2].blocks.append(para("Załącznik graficzny: ✓ 中"))
    with pytest.raises(RenderError) as error:
        to_pdf(doc)
    message = str(error.value)
    assert "U+2713" in message and "U+4E2D" in message and "„Z”" not in message


@pytest.mark.slow  # a whole build in a fresh environment (> 1 s)
@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu").is_dir(), reason="needs fonts-dejavu")
def test_missing_liberation_serif_asks_to_install_it(tmp_path: Path) -> None:
    """A machine with fonts but without Liberation Serif (a fontconfig that sees only DejaVu)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(textwrap.dedent(f"""\
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path}/cache</cachedir></fontconfig>
        """), encoding="utf-8")
    script = textwrap.dedent("""\
        from ir_samples import sample_document
        from paldocs.errors import RenderError
        from paldocs.writers.pdf import to_pdf
        try:
            to_pdf(sample_document())
        except RenderError as error:
            print(error)
        else:
            print("NO ERROR")
        """)
    result = subprocess.run([sys.executable, "-c", script], cwd=TESTS, capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(TESTS), "FONTCONFIG_FILE": str(conf)})
    assert "Nie znaleziono czcionki Liberation Serif" in result.stdout
    assert "fonts-liberation2" in result.stdout


# --- monitoring reports: tables and figures ------------------------------------------------------------

PATH_OPERATOR = re.compile(rb"(?:^|\s)(?:re|l|c|m|h)(?=\s)")


def image_xobjects(page: pypdf.PageObject) -> list[str]:
    """Names of the raster images a page draws (also inside its form XObjects)."""
    found: list[str] = []

    def visit(resources: object) -> None:
        for name, ref in ((resources or {}).get("/XObject") or {}).items():  # type: ignore[attr-defined]
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                found.append(name)
            elif xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    visit(page.get("/Resources"))
    return found


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    data = to_pdf(sample_report())
    path = tmp_path_factory.mktemp("report") / "sprawozdanie.pdf"
    path.write_bytes(data)
    return data, path


def test_report_figure_is_vector_not_an_image(report_pdf: tuple[bytes, Path]) -> None:
    (page,) = pypdf.PdfReader(io.BytesIO(report_pdf[0])).pages
    assert image_xobjects(page) == []
    content = page.get_contents().get_data()
    assert len(PATH_OPERATOR.findall(content)) > 100  # bars, axes, ticks and the glyphs of the labels


def test_png_only_figure_is_an_image(tmp_path: Path) -> None:
    """The other side of the check above: the same chart as a PNG is an image XObject."""
    doc = sample_report()
    doc.parts[0].blocks[5] = report_figure(svg=False)
    (page,) = pypdf.PdfReader(io.BytesIO(to_pdf(doc))).pages
    assert len(image_xobjects(page)) == 1


def test_report_text_is_extractable_with_the_table_in_reading_order(report_pdf: tuple[bytes, Path]) -> None:
    rows = [" ".join(line.split()) for line in page_text(report_pdf[1], 1).splitlines()]
    for row in ("SPRAWOZDANIE", "Tabela 1. Wskaźniki realizacji programu w 2015 r.",
                "Wskaźnik Wartość docelowa Wykonanie Stopień realizacji",
                "Liczba uczestników programu 40 51 127,5 %", "Wydatki (zł) 150 000,00 142 318,20 94,9 %",
                "Rysunek 1. Liczba uczestników w latach 2013–2015", "1"):
        assert row in rows, row


def test_numbers_are_right_aligned_and_the_figure_centred(report_pdf: tuple[bytes, Path]) -> None:
    words = page_words(report_pdf[1], 1)
    right_edges = {w[0]: w[3] for w in words if w[0] in {"40", "200", "12"}}  # "1 200" is two words
    assert abs(right_edges["40"] - right_edges["12"]) < 0.5 and abs(right_edges["40"] - right_edges["200"]) < 0.5
    caption = [w for w in words if w[0] in {"Rysunek", "2013–2015"}]
    assert abs((caption[0][1] + caption[-1][3]) / 2 - 595.28 / 2) < 2


@pytest.mark.slow  # a multi-page PDF (> 1 s)
def test_long_table_repeats_its_header_on_the_next_page(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(to_pdf(sample_report(table_rows=60)))
    first, second = (" ".join(page_text(path, n).split()) for n in (1, 2))
    header = "Wskaźnik Wartość docelowa Wykonanie Stopień realizacji"
    assert header in first and header in second
    assert second.index(header) < second.index("Liczba")  # at the top of the table part on that page
    body_rows = sum(t.count("%") for t in (first, second, " ".join(page_text(path, 3).split())))
    assert body_rows == 60  # no row lost or printed twice


def test_report_is_byte_identical_and_warning_free(report_pdf: tuple[bytes, Path],
                                                    caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        again = to_pdf(sample_report())
    assert again == report_pdf[0]
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


def test_tagged_pdf_takes_the_alt_text_from_the_svg_title() -> None:
    reader = pypdf.PdfReader(io.BytesIO(to_pdf(sample_report(), variant="pdf/ua-1")))
    figures = []

    def walk(node: object) -> None:
        node = node.get_object()  # type: ignore[attr-defined]
        if isinstance(node, pypdf.generic.DictionaryObject):
            if node.get("/S") == "/Figure":
                figures.append(node)
            kids = node.get("/K")
            for kid in (kids if isinstance(kids, pypdf.generic.ArrayObject) else [kids] if kids is not None else []):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert [f.get("/Alt") for f in figures] == [report_figure().alt]


def test_oversized_png_only_figure_is_refused_before_layout() -> None:
    doc = sample_report()
    doc.parts[0].blocks[5] = ir.Figure("mapa", alt="Mapa", png=b"\x89PNG\r\n\x1a\n" + bytes(300 * 1024))
    with pytest.raises(RenderError, match="Rysunek „mapa” ma tylko wersję PNG \\(300 KiB\\)"):
        to_pdf(doc)


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu").is_dir(), reason="needs fonts-dejavu")
def test_chart_with_text_in_another_font_is_named() -> None:
    svg = chart_drawings()[0].replace(b"<g id=\"figure_1\">",
                                      b"<g id=\"figure_1\"><text x=\"10\" y=\"20\" font-family=\"DejaVu Sans\">"
                                      b"Liczba</text>", 1)
    doc = sample_report()
    doc.parts[0].blocks[5] = ir.Figure("uczestnicy", alt="x", svg=svg)
    with pytest.raises(RenderError, match="Rysunek SVG zawiera tekst w czcionce DejaVu Sans"):
        to_pdf(doc)


def test_page_references_are_remembered_until_a_page_is_added() -> None:
    # WeasyPrint's tagging asks pydyf for every page's reference once per structure element; the writer makes
    # pydyf keep the tuple until a page is added, with the values pydyf itself would give.
    import pydyf

    import paldocs.writers.pdf  # noqa: F401 — installs the remembered property

    pdf = pydyf.PDF()
    assert pdf.page_references == ()
    for count in (1, 2, 3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        expected = tuple(f"{number} 0 R".encode("ascii") for number in pdf.pages["Kids"][::3])
        assert pdf.page_references == expected and len(expected) == count
        assert pdf.page_references is pdf.page_references  # built once per page count
