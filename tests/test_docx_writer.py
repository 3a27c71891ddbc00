"""DOCX writer: read the produced bytes back with python-docx (and, when installed, LibreOffice + pdftotext)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from paldocs.document import Document, Figure, Meta, PageBreak, Paragraph, Part, Table, Text, Unit
from paldocs.errors import RenderError
from paldocs.writers.base import TableGrid, Visitor
from paldocs.writers.docx import DocxWriter, to_docx
from paldocs.writers.docx.tables import _text_width, column_widths

sys.path.insert(0, str(Path(__file__).parent))
from docx_dump import docx_text_dump, paragraph_text  # noqa: E402
from ir_samples import CHART_ALT, cell, chart_drawings, report_figure, sample_document, sample_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"
HALF_MM = Mm(0.5)


@pytest.fixture(scope="module")
def data() -> bytes:
    return to_docx(sample_document())


@pytest.fixture(scope="module")
def doc(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def paragraphs_with_style(doc: docx.document.Document, name: str) -> list:
    return [p for p in doc.paragraphs if p.style.name == name]


# --- the expected dumps, written by hand from docs/domain.md § 1–2 and the sample IR ----------------------

TITLE_AND_BASIS = f"""\
[Tytuł uchwały] UCHWAŁA NR LXIV/400/14
[Tytuł uchwały] RADY MIEJSKIEJ W KĘTRZYNIE
[Tytuł uchwały] z dnia 29{NBSP}kwietnia 2014{NBSP}r.
[Tytuł uchwały] w sprawie przyjęcia „Programu Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – 2020”
[Podstawa prawna] Na podstawie art.{NBSP}18 ust.{NBSP}2 pkt{NBSP}15 ustawy z dnia 8{NBSP}marca 1990{NBSP}r. \
o{NBSP}samorządzie gminnym (Dz.{NBSP}U. z{NBSP}2013{NBSP}r. poz.{NBSP}594)
[Formuła wydania] Rada Miejska w Kętrzynie uchwala, co następuje:
"""

UNITS_INLINE = f"""\
[Paragraf] §{NBSP}1. Przyjmuje się „Program”, stanowiący załącznik do niniejszej uchwały.
[Ustęp] §{NBSP}2. 1. Program obejmuje:
[Punkt] 1)\\tcele;
[Punkt] 2)\\tdziałania, w tym:
[Litera] a)\\tszkolenia,
[Litera] b)\\tspotkania:
[Tiret] –\\totwarte,
[Tiret] –\\tzamknięte.
[Część wspólna] – w zakresie określonym w programie.
[Ustęp] 2. Wykonanie uchwały powierza się Burmistrzowi Miasta Kętrzyn.
[Paragraf] §{NBSP}3. Uchwała wchodzi w życie z dniem podjęcia.
"""

UNITS_HEADING = f"""\
[Paragraf nagłówek] §{NBSP}1
[Paragraf] Przyjmuje się „Program”, stanowiący załącznik do niniejszej uchwały.
[Paragraf nagłówek] §{NBSP}2
[Ustęp] 1. Program obejmuje:
[Punkt] 1)\\tcele;
[Punkt] 2)\\tdziałania, w tym:
[Litera] a)\\tszkolenia,
[Litera] b)\\tspotkania:
[Tiret] –\\totwarte,
[Tiret] –\\tzamknięte.
[Część wspólna] – w zakresie określonym w programie.
[Ustęp] 2. Wykonanie uchwały powierza się Burmistrzowi Miasta Kętrzyn.
[Paragraf nagłówek] §{NBSP}3
[Paragraf] Uchwała wchodzi w życie z dniem podjęcia.
"""

SIGNATURE_ANNEX_JUSTIFICATION = f"""\
[Podpis] z up. Przewodniczącego Rady Miejskiej\\nWiceprzewodniczący Rady Miejskiej w Kętrzynie
[Podpis] Rafał Rypina
[Nagłówek załącznika] Załącznik do Uchwały Nr LXIV/400/14\\nRady Miejskiej w Kętrzynie\\nz dnia 29{NBSP}kwietnia \
2014{NBSP}r.
[Tytuł programu] P R O G R A M\\nAKTYWNOŚCI LOKALNEJ\\nna lata\\n2014 – 2020
[Spis treści tytuł] SPIS TREŚCI:
[Spis treści] 1.\\tWstęp
[Spis treści] 2.\\tCele
[Heading 1] I. Wstęp
[Normal] Cel główny: realizowanie polityki integracji.
[Lista numerowana] 1)\\tdziałania o charakterze środowiskowym, obejmujące m.in.:
[Lista numerowana] a)\\tedukację,
[Lista numerowana] b)\\tinspirowanie.
[Lista numerowana] 2)\\tinstrumenty aktywnej integracji.
[Heading 2] Przewidywane rezultaty
[Lista punktowana] –\\trozwój zdolności,
[Lista punktowana] –\\tstały monitoring.
[Lista punktowana] •\\tpunkt wypunktowany
[Lista numerowana] I.\\tpierwszy
[Lista numerowana] II.\\tdrugi
[Wyśrodkowany] \\fKoniec programu
[Podpis] Przewodniczący Rady Miejskiej\\nJan Kowalski
[Uzasadnienie tytuł] UZASADNIENIE
[Normal] Program jest odpowiedzią na potrzeby mieszkańców.
"""


@pytest.mark.parametrize(("layout", "units"), [("inline", UNITS_INLINE), ("heading", UNITS_HEADING)])
def test_dump_of_sample_document(layout: str, units: str) -> None:
    dump = docx_text_dump(to_docx(sample_document(layout)))
    assert dump == TITLE_AND_BASIS + units + SIGNATURE_ANNEX_JUSTIFICATION


# --- page setup and styles -------------------------------------------------------------------------


def test_every_section_is_a4_with_25mm_margins(doc: docx.document.Document) -> None:
    assert len(doc.sections) == 3
    for section in doc.sections:
        assert abs(section.page_width - Mm(210)) < HALF_MM
        assert abs(section.page_height - Mm(297)) < HALF_MM
        for margin in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin):
            assert abs(margin - Cm(2.5)) < HALF_MM


def test_normal_is_times_new_roman_12pt_justified_polish(doc: docx.document.Document) -> None:
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(12)
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = defaults.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "pl-PL"
    assert lang.get(qn("w:eastAsia")) == "pl-PL"
    fonts = defaults.find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"
    assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would override Times New Roman


def test_title_block_is_centred_bold(doc: docx.document.Document) -> None:
    title = paragraphs_with_style(doc, "Tytuł uchwały")
    assert [p.text for p in title][:2] == ["UCHWAŁA NR LXIV/400/14", "RADY MIEJSKIEJ W KĘTRZYNIE"]
    assert len(title) == 4
    style = doc.styles["Tytuł uchwały"]
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert style.font.bold is True
    assert style.paragraph_format.keep_with_next is True
    assert all(p.alignment is None for p in title)  # layout comes from the style, not direct formatting


@pytest.mark.parametrize("name", ["Podstawa prawna", "Paragraf", "Ustęp", "Punkt", "Litera", "Tiret",
                                  "Część wspólna", "Lista numerowana"])
def test_body_styles_are_justified(doc: docx.document.Document, name: str) -> None:
    assert doc.styles[name].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert doc.styles[name].base_style.name == "Normal"


def test_unit_label_is_followed_by_a_space_or_by_a_tab_against_a_hanging_indent(
        doc: docx.document.Document) -> None:
    first_point = paragraphs_with_style(doc, "Punkt")[0]
    assert first_point.text == "1)\tcele;"
    point_style = doc.styles["Punkt"].paragraph_format
    assert [t.position for t in point_style.tab_stops] == [point_style.left_indent]
    assert paragraphs_with_style(doc, "Paragraf")[0].text.startswith(f"§{NBSP}1. Przyjmuje")


def test_unit_indents_grow_with_depth(doc: docx.document.Document) -> None:
    def left(name: str) -> int:
        return doc.styles[name].paragraph_format.left_indent or 0

    assert left("Paragraf") == left("Ustęp") == 0
    assert 0 < left("Punkt") < left("Litera") < left("Tiret")
    for name in ("Punkt", "Litera", "Tiret"):
        assert doc.styles[name].paragraph_format.first_line_indent < 0  # hanging indent


def test_paragraph_heading_style_is_centred_bold(doc: docx.document.Document) -> None:
    style = doc.styles["Paragraf nagłówek"]
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert style.font.bold is True
    assert style.paragraph_format.keep_with_next is True


def test_annex_header_is_right_aligned_and_smaller(doc: docx.document.Document) -> None:
    style = doc.styles["Nagłówek załącznika"]
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert style.font.size < doc.styles["Normal"].font.size
    (header,) = paragraphs_with_style(doc, "Nagłówek załącznika")
    assert header.text.startswith("Załącznik do Uchwały Nr LXIV/400/14\nRady Miejskiej w Kętrzynie")


def test_signature_is_an_indented_block_on_the_right(doc: docx.document.Document) -> None:
    style = doc.styles["Podpis"]
    assert style.paragraph_format.left_indent >= Cm(6)
    assert style.paragraph_format.alignment != WD_ALIGN_PARAGRAPH.RIGHT
    texts = [p.text for p in paragraphs_with_style(doc, "Podpis")]
    assert "Rafał Rypina" in texts and "Przewodniczący Rady Miejskiej\nJan Kowalski" in texts


@pytest.mark.parametrize("level", [1, 2, 3])
def test_headings_are_black_bold_times(doc: docx.document.Document, level: int) -> None:
    style = doc.styles[f"Heading {level}"]
    assert style.font.name == "Times New Roman"
    assert style.font.size == Pt(12)
    assert style.font.bold is True
    assert str(style.font.color.rgb) == "000000"
    assert style.element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:asciiTheme")) is None


def test_inline_formatting(doc: docx.document.Document) -> None:
    (paragraph,) = [p for p in doc.paragraphs if p.text.startswith("Cel główny:")]
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in paragraph.runs]
    assert runs == [("Cel główny:", True, False), (" realizowanie ", False, False), ("polityki", False, True),
                    (" integracji.", False, False)]


def test_nested_list_is_indented_further_with_a_tab_stop(doc: docx.document.Document) -> None:
    outer = next(p for p in doc.paragraphs if p.text.startswith("1)\tdziałania"))
    inner = next(p for p in doc.paragraphs if p.text.startswith("a)\tedukację"))
    style_left = doc.styles["Lista numerowana"].paragraph_format.left_indent
    assert outer.paragraph_format.left_indent is None  # the style's hanging indent
    assert inner.paragraph_format.left_indent > style_left
    assert inner.paragraph_format.first_line_indent < 0
    assert [t.position for t in inner.paragraph_format.tab_stops] == [inner.paragraph_format.left_indent]


def test_closing_part_of_a_point_lines_up_with_the_point_text() -> None:
    point = Unit("punkt", [Paragraph([Text("obejmuje:")]),
                           Unit("litera", [Paragraph([Text("x,")])], num="a", address="par_1__pkt_1__lit_a"),
                           Unit("litera", [Paragraph([Text("y")])], num="b", address="par_1__pkt_1__lit_b"),
                           Paragraph([Text("– na zasadach ogólnych;")])], num="1", address="par_1__pkt_1")
    unit = Unit("paragraf", [Paragraph([Text("Program:")]), point], num="1", address="par_1")
    result = docx.Document(io.BytesIO(to_docx(Document(Meta(title="T"), [Part("resolution", [unit])]))))
    closing = paragraphs_with_style(result, "Część wspólna")[0]
    assert closing.text == "– na zasadach ogólnych;"
    assert closing.paragraph_format.left_indent == result.styles["Punkt"].paragraph_format.left_indent


# --- sections, footers, page numbers ---------------------------------------------------------------


def _footer_xml(section: docx.section.Section) -> str:
    return section.footer._element.xml


def test_annex_starts_a_new_section_with_a_page_field(doc: docx.document.Document) -> None:
    resolution, annex, justification = doc.sections
    assert annex.start_type == justification.start_type == WD_SECTION.NEW_PAGE
    assert resolution.footer.is_linked_to_previous  # no footer of its own: empty
    assert all(not p.text for p in resolution.footer.paragraphs)
    assert not annex.footer.is_linked_to_previous
    assert "PAGE" in _footer_xml(annex)
    assert annex.footer.paragraphs[0].style.name == "Footer"
    assert doc.styles["Footer"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    page_numbering = annex._sectPr.find(qn("w:pgNumType"))
    assert page_numbering is not None and page_numbering.get(qn("w:start")) == "1"
    assert not justification.footer.is_linked_to_previous  # unlinked, so the annex numbers stop here
    assert "PAGE" not in _footer_xml(justification)
    assert justification._sectPr.find(qn("w:pgNumType")) is None


def _one_part(*blocks: object, page_numbers: bool = False) -> Part:
    return Part("annex", list(blocks), page_numbers=page_numbers)  # type: ignore[arg-type]


def test_page_break_opens_the_next_paragraph_and_is_dropped_before_a_new_part() -> None:
    text = Paragraph([Text("Tekst.")])
    document = Document(Meta(title="T"), [_one_part(text, PageBreak(), text, PageBreak()),
                                          _one_part(text, PageBreak())])
    assert docx_text_dump(to_docx(document)) == (
        "[Normal] Tekst.\n[Normal] \\fTekst.\n[Normal] Tekst.\n[Normal] \\f\n")


def test_a_single_part_with_page_numbers_numbers_the_first_section() -> None:
    document = Document(Meta(title="Sprawozdanie"), [_one_part(Paragraph([Text("Tekst.")]), page_numbers=True)])
    (section,) = docx.Document(io.BytesIO(to_docx(document))).sections
    assert not section.footer.is_linked_to_previous
    assert "PAGE" in _footer_xml(section)


def test_section_break_sits_on_the_last_paragraph_of_a_part(doc: docx.document.Document) -> None:
    breaks = [p for p in doc.paragraphs if p._p.pPr is not None and p._p.pPr.sectPr is not None]
    assert [p.text for p in breaks] == ["Rafał Rypina", "Przewodniczący Rady Miejskiej\nJan Kowalski"]


# --- bookmarks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["inline", "heading"])
def test_units_are_bookmarked_by_address(layout: str) -> None:
    result = docx.Document(io.BytesIO(to_docx(sample_document(layout))))
    body = result.element.body
    starts = {b.get(qn("w:name")): b for b in body.iter(qn("w:bookmarkStart"))}
    assert set(starts) == {"par_1", "par_2", "par_2__ust_1", "par_2__ust_1__pkt_1", "par_2__ust_1__pkt_2",
                           "par_2__ust_1__pkt_2__lit_a", "par_2__ust_1__pkt_2__lit_b", "par_2__ust_2", "par_3"}
    ends = {b.get(qn("w:id")) for b in body.iter(qn("w:bookmarkEnd"))}
    assert {b.get(qn("w:id")) for b in starts.values()} == ends
    text_of = {name: paragraph_text(b.getparent()) for name, b in starts.items()}
    assert text_of["par_2__ust_1__pkt_2__lit_b"] == "b)\\tspotkania:"
    expected_par_2 = f"§{NBSP}2. 1. Program obejmuje:" if layout == "inline" else f"§{NBSP}2"
    assert text_of["par_2"] == expected_par_2


# --- metadata and reproducibility --------------------------------------------------------------------


def test_core_properties(doc: docx.document.Document) -> None:
    props = doc.core_properties
    assert props.title == f"Uchwała Nr LXIV/400/14 Rady Miejskiej w{NBSP}Kętrzynie z dnia 29{NBSP}kwietnia 2014{NBSP}r."
    assert props.subject.startswith("w sprawie przyjęcia „Programu Aktywności Lokalnej")
    assert props.author == "Rada Miejska w Kętrzynie"
    assert props.keywords == "uchwała, program aktywności lokalnej"
    assert props.language == "pl-PL"
    assert props.created == props.modified == dt.datetime(2014, 4, 29, tzinfo=dt.timezone.utc)
    assert props.last_modified_by == "paldocs"
    assert props.revision == 1


def test_output_is_byte_identical(data: bytes) -> None:
    assert to_docx(sample_document()) == data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert names[2:] == sorted(names[2:])
        assert {info.date_time for info in package.infolist()} == {(2014, 4, 29, 0, 0, 0)}
        app = package.read("docProps/app.xml").decode()
    assert "<Application>paldocs</Application>" in app
    for varying in ("TotalTime", "Pages", "Words", "Company", "AppVersion"):
        assert varying not in app


def _undated() -> Document:
    return Document(Meta(title="Projekt"), [Part("resolution", [Paragraph([Text("Tekst.")])])])


def test_undated_document_gets_a_fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = to_docx(_undated())
    assert docx.Document(io.BytesIO(data)).core_properties.created == dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_undated_document_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    props = docx.Document(io.BytesIO(to_docx(_undated()))).core_properties
    assert props.created == props.modified == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)


def test_overlong_subject_is_shortened_for_core_properties() -> None:
    document = _undated()
    document.meta.subject = "w sprawie " + "bardzo " * 60
    props = docx.Document(io.BytesIO(to_docx(document))).core_properties
    assert len(props.subject) == 255 and props.subject.endswith("…")


# --- errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x0c", "\x1f", "\ufffe"])
def test_character_illegal_in_xml_is_a_render_error(char: str) -> None:
    document = sample_document()
    document.parts[2].blocks[1] = Paragraph([Text(f"Program jest odpowiedzią{char} na potrzeby mieszkańców.")])
    with pytest.raises(RenderError) as caught:
        to_docx(document)
    message = str(caught.value)
    assert f"U+{ord(char):04X}" in message
    assert f"odpowiedzią[U+{ord(char):04X}] na potrzeby" in message
    assert caught.value.location.path == "parts[2].blocks[1]"


def test_illegal_character_in_metadata_is_named() -> None:
    document = _undated()
    document.meta.title = "Uchwała\x07"
    with pytest.raises(RenderError, match="U\\+0007") as caught:
        to_docx(document)
    assert caught.value.location.path == "meta.title"


def test_reference_without_the_styles_is_a_render_error(tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    with pytest.raises(RenderError, match="brakuje stylów: .*Tytuł uchwały"):
        to_docx(sample_document(), reference=plain)


def test_missing_reference_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="nie można otworzyć"):
        to_docx(sample_document(), reference=tmp_path / "nie-ma.docx")


def test_writer_is_a_complete_visitor() -> None:
    assert issubclass(DocxWriter, Visitor)


# --- the shipped reference document ------------------------------------------------------------------


def test_shipped_reference_is_what_the_script_generates() -> None:
    spec = importlib.util.spec_from_file_location("make_reference_docx", ROOT / "scripts" / "make_reference_docx.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = script  # dataclasses look their module up while the class is created
    try:
        spec.loader.exec_module(script)
        generated = script.build_reference()
    finally:
        del sys.modules[spec.name]
    assert generated == (ROOT / "templates" / "reference.docx").read_bytes(), \
        "templates/reference.docx is stale: run scripts/make_reference_docx.py"


# --- a real client: LibreOffice --------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext not installed")
def test_libreoffice_renders_the_polish_text(tmp_path: Path, data: bytes) -> None:
    source = tmp_path / "uchwala.docx"
    source.write_bytes(data)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "uchwala.pdf"
    pages = []
    for page in range(1, 5):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              check=True, capture_output=True, text=True).stdout
        pages.append(" ".join(text.replace(NBSP, " ").split()))
    resolution, annex_1, annex_2, justification = pages
    for expected in ("UCHWAŁA NR LXIV/400/14", "RADY MIEJSKIEJ W KĘTRZYNIE", "§ 1. Przyjmuje się",
                     "§ 2. 1. Program obejmuje:", "a) szkolenia,", "– zamknięte.", "Rafał Rypina"):
        assert expected in resolution
    assert annex_1.startswith("Załącznik do Uchwały Nr LXIV/400/14")
    assert "AKTYWNOŚCI LOKALNEJ" in annex_1 and annex_1.endswith(" 1")  # page number in the footer
    assert annex_2.startswith("Koniec programu") and annex_2.endswith(" 2")
    assert justification == "UZASADNIENIE Program jest odpowiedzią na potrzeby mieszkańców."


# --- monitoring reports: tables and figures ------------------------------------------------------------

REPORT_DUMP = f"""\
[Tytuł sprawozdania] SPRAWOZDANIE
[Tytuł sprawozdania] z realizacji Programu Aktywności Lokalnej
[Tytuł sprawozdania] Miasta Kętrzyn za 2015{NBSP}r.
[Heading 1] 1. Wskaźniki
[Normal] Program realizowano zgodnie z harmonogramem.
[Podpis tabeli] Tabela 1. Wskaźniki realizacji programu w 2015 r.
[table Tabela paldocs]
[header] Wskaźnik | Wartość docelowa | Wykonanie | Stopień realizacji
[row] Liczba uczestników programu | 40 | 51 | 127,5{NBSP}%
[row] Liczba godzin zajęć | 1{NBSP}200 | 1{NBSP}134 | 94,5{NBSP}%
[row] Liczba spotkań otwartych | 12 | 9 | 75,0{NBSP}%
[row] Osoby, które podjęły zatrudnienie | 5 | 6 | 120,0{NBSP}%
[row] Wydatki (zł) | 150{NBSP}000,00 | 142{NBSP}318,20 | 94,9{NBSP}%
[Heading 1] 2. Uczestnicy
[Rysunek] [obraz: {CHART_ALT}]
[Podpis rysunku] Rysunek 1. Liczba uczestników w latach 2013–2015
[Normal] Liczba uczestników rośnie z roku na rok.
"""


@pytest.fixture(scope="module")
def report_data() -> bytes:
    return to_docx(sample_report())


@pytest.fixture(scope="module")
def report(report_data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(report_data))


def _report_bytes(*blocks: object) -> bytes:
    return to_docx(Document(Meta(title="Sprawozdanie"), [Part("report", list(blocks))]))  # type: ignore[arg-type]


def _report(*blocks: object) -> docx.document.Document:
    return docx.Document(io.BytesIO(_report_bytes(*blocks)))


def test_dump_of_sample_report(report_data: bytes) -> None:
    assert docx_text_dump(report_data) == REPORT_DUMP


def test_table_style_header_rows_and_cells(report: docx.document.Document) -> None:
    (table,) = report.tables
    assert table.style.name == "Tabela paldocs"
    assert [[c.text for c in row.cells] for row in table.rows][:2] == [
        ["Wskaźnik", "Wartość docelowa", "Wykonanie", "Stopień realizacji"],
        ["Liczba uczestników programu", "40", "51", f"127,5{NBSP}%"]]
    header_flags = [row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows]
    assert header_flags == [True, False, False, False, False, False]
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    header_cell, number_cell, name_cell = table.cell(0, 0), table.cell(2, 1), table.cell(2, 0)
    assert header_cell.paragraphs[0].style.name == "Nagłówek tabeli"
    assert number_cell.paragraphs[0].style.name == name_cell.paragraphs[0].style.name == "Tekst tabeli"
    assert number_cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert name_cell.paragraphs[0].alignment is None  # the style's left alignment
    assert table.cell(0, 1).paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT  # the IR's header alignment


def test_table_fills_the_text_width_with_fixed_columns(report: docx.document.Document) -> None:
    (table,) = report.tables
    widths = [column.width for column in table.columns]
    section = report.sections[0]
    assert sum(widths) == section.page_width - section.left_margin - section.right_margin  # to the EMU
    assert abs(sum(widths) - Cm(16)) < Mm(0.1)  # A4 minus 2 × 2.5 cm
    assert widths[0] == max(widths)  # the names take the room, the numbers what they need
    assert all(w >= Cm(2.2) for w in widths)  # "142 318,20" (a non-breaking space) fits on one line
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert [cell.width for cell in table.rows[3].cells] == widths  # Word reads tcW, LibreOffice gridCol


def test_reference_table_and_caption_styles(report: docx.document.Document) -> None:
    style = report.styles["Tabela paldocs"]
    borders = style.element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert [(b.tag.split("}")[1], b.get(qn("w:val")), b.get(qn("w:sz")), b.get(qn("w:color"))) for b in borders] == [
        (side, "single", "4", "000000") for side in ("top", "left", "bottom", "right", "insideH", "insideV")]
    first_row = style.element.find(qn("w:tblStylePr"))
    assert first_row.get(qn("w:type")) == "firstRow" and first_row.find(qn("w:rPr")).find(qn("w:b")) is not None
    sizes = {"Tekst tabeli": 10.5, "Nagłówek tabeli": 10.5, "Podpis tabeli": 10, "Podpis rysunku": 10}
    for name, size in sizes.items():
        assert report.styles[name].font.size == Pt(size), name
    assert report.styles["Nagłówek tabeli"].font.bold is True
    assert report.styles["Tekst tabeli"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT  # not justified
    assert report.styles["Podpis tabeli"].paragraph_format.keep_with_next is True  # stays with its table
    assert report.styles["Rysunek"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert report.styles["Rysunek"].paragraph_format.keep_with_next is True  # stays with its caption
    title = report.styles["Tytuł sprawozdania"]
    assert (title.font.size, title.font.bold, title.paragraph_format.alignment) == (Pt(16), True,
                                                                                    WD_ALIGN_PARAGRAPH.CENTER)


def test_figure_is_an_inline_picture_with_alt_text(report: docx.document.Document, report_data: bytes) -> None:
    (shape,) = report.inline_shapes
    assert shape.width == Cm(14)
    assert abs(shape.height - Cm(7)) < Mm(0.1)  # the chart's 2:1
    doc_pr = shape._inline.docPr
    assert doc_pr.get("descr") == CHART_ALT
    assert doc_pr.get("title") == "Rysunek 1. Liczba uczestników w latach 2013–2015"
    picture = next(p for p in report.paragraphs if p.style.name == "Rysunek")
    assert picture._p.xpath(".//wp:docPr") == [doc_pr]
    with zipfile.ZipFile(io.BytesIO(report_data)) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        assert [package.read(n) for n in media] == [chart_drawings()[1]]


def test_picture_is_never_wider_than_the_text() -> None:
    figure = report_figure()
    figure.width_cm = 30
    (shape,) = _report(figure).inline_shapes
    assert abs(shape.width - Cm(16)) < Mm(0.1)


def test_report_is_byte_identical_and_numbers_its_pages(report_data: bytes, report: docx.document.Document) -> None:
    assert to_docx(sample_report()) == report_data
    (section,) = report.sections
    assert "PAGE" in _footer_xml(section)


def test_two_header_rows_short_rows_and_a_table_at_the_end() -> None:
    table = Table(header=[[cell("Rok"), cell("Liczba")], [cell(""), cell("osób", "right")]],
                  rows=[[cell("2015"), cell("51", "right")], [cell("razem")]])
    # The page break waits in a paragraph of its own (a table cannot carry it); the document ends with a
    # paragraph after the table, as Word requires.
    assert docx_text_dump(_report_bytes(Paragraph([Text("Przed.")]), PageBreak(), table)) == (
        "[Normal] Przed.\n[Normal] \\f\n[table Tabela paldocs]\n[header] Rok | Liczba\n[header]  | osób\n"
        "[row] 2015 | 51\n[row] razem | \n[Normal] \n")


@pytest.mark.parametrize(("figure", "message"), [
    (Figure("wykres-2", svg=b"<svg/>"), "rysunek „wykres-2” nie ma wersji PNG"),
    (Figure("wykres-2", png=b"to nie jest PNG"), "rysunek „wykres-2”: obraz PNG jest nieprawidłowy"),
])
def test_figure_errors(figure: Figure, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        _report(figure)


def test_table_without_cells_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="tabela nie ma żadnej komórki"):
        _report(Table(header=[], rows=[]))


@pytest.mark.slow
@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext not installed")
def test_libreoffice_repeats_the_header_row_and_shows_the_chart(tmp_path: Path) -> None:
    source = tmp_path / "sprawozdanie.docx"
    source.write_bytes(to_docx(sample_report(table_rows=60)))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "sprawozdanie.pdf"
    pages = [" ".join(subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                                     check=True, capture_output=True, text=True).stdout.replace(NBSP, " ").split())
             for n in (1, 2)]
    header = "Wskaźnik Wartość docelowa Wykonanie Stopień realizacji"
    assert header in pages[0] and header in pages[1]
    images = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert [line.split()[2] for line in images.splitlines()[2:]] == ["image", "smask"]  # the chart (and its alpha)


def _grid(header: list[str], *rows: list[tuple[str, str | None]]) -> TableGrid:
    return TableGrid([[cell(text) for text in header]], [[cell(t, a) for t, a in row] for row in rows],  # type: ignore[arg-type]
                     len(header))


def _least(word: str, bold: bool) -> float:
    """The word and the cell margins, less the rounding to whole twips."""
    return _text_width(word, bold) + Cm(0.3) - 635


def test_column_widths_fill_the_width_in_proportion_when_every_line_fits() -> None:
    widths = column_widths(_grid(["Rok", "Liczba"], [("2015", "right"), ("51", "right")]), Cm(16))
    assert sum(widths) == Cm(16) // 635 * 635 and widths[0] < widths[1]  # "Liczba" (bold) is the wider text


def test_column_widths_give_every_column_its_longest_word_then_share_the_rest() -> None:
    name = "Liczba rodzin korzystających z zasiłku okresowego z powodu bezrobocia " * 3
    widths = column_widths(_grid(["Wskaźnik", "Wartość docelowa", "Status"],
                                 [(name, None), ("385", "right"), ("nieosiągnięty", None)]), Cm(16))
    assert widths[2] >= _least("nieosiągnięty", False) and widths[1] >= _least("docelowa", True)
    assert widths[0] > Cm(8)  # the long text takes what is left


def test_column_widths_when_words_alone_overflow_cut_text_columns_and_keep_numbers() -> None:
    long_words = [("współuzależnionych", None), ("wolontarystycznej", None), ("międzypokoleniowe", None),
                  ("Alkoholowych", None), ("dwadzieścia", None)]
    numbers = [(f"122{NBSP}275,15{NBSP}zł", "right"), (f"58{NBSP}464,00{NBSP}zł", "right")]
    grid = _grid(["Działanie", "Kierunek", "Opis", "Realizator", "Uwagi", "Wydatki", "Plan"], long_words + numbers)
    widths = column_widths(grid, Cm(16))
    assert sum(widths) == Cm(16) // 635 * 635
    assert widths[5] >= _least(f"122{NBSP}275,15{NBSP}zł", False)  # numbers never break
    assert widths[0] == widths[1] == widths[2]  # the longest words are cut to one common width
    assert widths[4] < widths[0]  # a column whose longest word fits keeps it
