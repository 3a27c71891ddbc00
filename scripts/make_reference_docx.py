"""(Re)generate ``templates/reference.docx``: the named Word styles and page setup the DOCX writer uses.

Usage: ``python scripts/make_reference_docx.py [OUTPUT]`` (default: ``templates/reference.docx``).

The reference document is the DOCX writer's style file (styling lives in style files, not code): A4, margins 2.5 cm,
Normal = Times New Roman 12 pt justified, language pl-PL, one named paragraph style per layout role
and legal unit, the paragraph styles of table cells, captions and figures, and the table style "Tabela
paldocs" (thin black borders, header row bold on light grey) — names in :mod:`paldocs.writers.docx.styles`.
A municipality may restyle a copy in Word and pass it as ``reference=``; the names must stay. The output is
reproducible: running the script twice gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt, RGBColor

from paldocs.writers.docx import styles as names
from paldocs.writers.docx.fields import to_reproducible_package

ROOT = Path(__file__).resolve().parent.parent
FONT = "Times New Roman"
LANGUAGE = "pl-PL"
J, C, L, R = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT


@dataclass(frozen=True)
class Look:
    align: WD_ALIGN_PARAGRAPH = J
    bold: bool | None = None
    size: float | None = None  # pt; None = inherit 12 pt (half points allowed: 10.5)
    left: Length | None = None
    first_line: Length | None = None  # negative = hanging indent
    before: float = 0  # pt
    after: float = 0  # pt
    keep_next: bool = False
    keep_together: bool = False
    contextual: bool = False  # no spacing between consecutive paragraphs of the same style
    tab: Length | None = None  # a left tab stop (lists: label TAB text)


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
HANG = Cm(0.75)  # one step of the legal-unit and list indents

STYLES: dict[str, Look] = {
    "Tytuł uchwały": Look(C, bold=True, keep_next=True, keep_together=True),
    "Podstawa prawna": Look(J, before=18, after=12),
    "Formuła wydania": Look(J, after=12, keep_next=True),
    "Paragraf": Look(J, before=6),
    "Paragraf nagłówek": Look(C, bold=True, before=12, after=6, keep_next=True),
    "Ustęp": Look(J, before=3),
    "Punkt": Look(J, left=HANG, first_line=-HANG, tab=HANG),
    "Litera": Look(J, left=HANG * 2, first_line=-HANG, tab=HANG * 2),
    "Tiret": Look(J, left=HANG * 3, first_line=-HANG, tab=HANG * 3),
    "Część wspólna": Look(J),
    # A left indent, not right alignment, so that the lines of a signature share one axis; 7 cm leaves room
    # for "Wiceprzewodniczący Rady Miejskiej w Kętrzynie" (8.5 cm) on one line.
    "Podpis": Look(C, left=Cm(7), before=30, keep_together=True, contextual=True),
    "Nagłówek załącznika": Look(R, size=10, after=24, contextual=True),
    "Tytuł programu": Look(C, size=14, before=24, after=24, keep_next=True, contextual=True),
    "Spis treści tytuł": Look(L, bold=True, before=12, after=6, keep_next=True),  # as a heading, not one
    "Spis treści": Look(L, left=HANG, first_line=-HANG, tab=HANG),
    "Uzasadnienie tytuł": Look(C, bold=True, after=12, keep_next=True),
    "Wyśrodkowany": Look(C, after=6),
    "Lista numerowana": Look(J, left=HANG, first_line=-HANG, tab=HANG, after=3),
    "Lista punktowana": Look(J, left=HANG, first_line=-HANG, tab=HANG, after=3),
    # Monitoring reports: title page, tables and figures (the print CSS sets the same sizes).
    "Tytuł sprawozdania": Look(C, bold=True, size=16, before=48, after=36, keep_next=True, contextual=True),
    "Podpis tabeli": Look(L, size=10, before=6, after=3, keep_next=True),
    "Tekst tabeli": Look(L, size=10.5),
    "Nagłówek tabeli": Look(C, bold=True, size=10.5, keep_next=True),
    "Rysunek": Look(C, before=12, keep_next=True),
    "Podpis rysunku": Look(C, size=10, before=3, after=12),
}
TABLE_BORDER = 4  # eighths of a point: 0.5 pt, as the print CSS
TABLE_HEADER_FILL = "E6E6E6"  # light grey, as the print CSS
TABLE_CELL_MARGINS = {"top": 20, "left": 85, "bottom": 20, "right": 85}  # twips (1 pt; 0.15 cm), schema order
HEADING = Look(L, bold=True, before=12, after=6, keep_next=True)


def build_reference() -> bytes:
    document = docx.Document()
    _drop_unused_parts(document)
    _set_defaults(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.header_distance = section.footer_distance = Cm(1.25)
    for attribute in [a for a in section._sectPr.attrib if a.startswith(qn("w:rsid"))]:
        del section._sectPr.attrib[attribute]  # revision ids of the python-docx template's editing sessions

    styles = document.styles
    normal = styles[names.BODY]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    _apply(normal, Look(J, after=6))  # body paragraphs of a program, as the print CSS (0.5em)
    for level in range(1, names.HEADING_LEVELS + 1):
        heading = styles[names.heading_style(level)]
        _plain_font(heading)
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        _apply(heading, HEADING)
    footer = styles[names.FOOTER_STYLE]
    footer.font.size = Pt(10)
    footer.paragraph_format.tab_stops.clear_all()  # Letter-size tab stops of the python-docx template
    _apply(footer, Look(C))

    for name, look in STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = names.style_id(name)
        style.base_style = normal
        style.quick_style = True
        _apply(style, look)
    _add_table_style(document)
    missing = [name for name in names.required_styles() if name not in styles]
    assert not missing, missing

    document.core_properties.author = ""
    document.core_properties.comments = ""
    document.core_properties.title = "paldocs — dokument wzorcowy stylów"
    document.core_properties.created = document.core_properties.modified = dt.datetime(2000, 1, 1)
    buffer = io.BytesIO()
    document.save(buffer)
    return to_reproducible_package(buffer.getvalue(), dt.date(2000, 1, 1))


def _apply(style: docx.styles.style.ParagraphStyle, look: Look) -> None:
    fmt = style.paragraph_format
    fmt.alignment = look.align
    fmt.left_indent = look.left
    fmt.first_line_indent = look.first_line
    fmt.space_before = Pt(look.before)
    fmt.space_after = Pt(look.after)
    fmt.line_spacing = 1.0
    fmt.keep_with_next = look.keep_next or None
    fmt.keep_together = look.keep_together or None
    fmt.widow_control = True
    if look.tab is not None:
        fmt.tab_stops.add_tab_stop(look.tab, WD_TAB_ALIGNMENT.LEFT)
    if look.bold is not None:
        style.font.bold = look.bold
    if look.size is not None:
        style.font.size = Pt(look.size)
    if look.contextual:
        style.element.get_or_add_pPr().insert_element_before(
            OxmlElement("w:contextualSpacing"), "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
            "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
            "w:pPrChange")


def _add_table_style(document: docx.document.Document) -> None:
    """The table style: 0.5 pt black borders around and between all cells, small cell margins, and the
    first (header) row bold on light grey. The font of the cells comes from the paragraph styles "Tekst
    tabeli" / "Nagłówek tabeli" (a paragraph style wins over a table style)."""
    style = document.styles.add_style(names.TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    style.style_id = names.style_id(names.TABLE_STYLE)
    style.base_style = document.styles["Normal Table"]
    style.quick_style = True
    element = style.element
    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(OxmlElement(f"w:{side}", {qn("w:val"): "single", qn("w:sz"): str(TABLE_BORDER),
                                                 qn("w:space"): "0", qn("w:color"): "000000"}))
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side, twips in TABLE_CELL_MARGINS.items():
        margins.append(OxmlElement(f"w:{side}", {qn("w:w"): str(twips), qn("w:type"): "dxa"}))
    tbl_pr.append(margins)
    element.append(tbl_pr)
    header = OxmlElement("w:tblStylePr", {qn("w:type"): "firstRow"})
    run = OxmlElement("w:rPr")
    run.append(OxmlElement("w:b"))
    header.append(run)
    cell = OxmlElement("w:tcPr")
    cell.append(OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): TABLE_HEADER_FILL}))
    header.append(cell)
    element.append(header)


def _plain_font(style: docx.styles.style.BaseStyle) -> None:
    """Times New Roman 12 pt without theme fonts (a theme font attribute wins over an explicit one)."""
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    style.font.size = Pt(12)
    style.font.name = FONT


def _set_defaults(document: docx.document.Document) -> None:
    """docDefaults: Times New Roman 12 pt, Polish, single spacing; settings: Polish decimal and list marks."""
    rpr_default = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr_default.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for key in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{key}"), FONT)
    for key in ("sz", "szCs"):
        rpr_default.find(qn(f"w:{key}")).set(qn("w:val"), "24")
    lang = rpr_default.find(qn("w:lang"))
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    spacing = document.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(
        qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")

    settings = document.settings.element
    for tag in ("w:rsids", "w:proofState", "w:savePreviewPicture"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    theme_lang = settings.find(qn("w:themeFontLang"))
    theme_lang.set(qn("w:val"), LANGUAGE)
    settings.find(qn("w:decimalSymbol")).set(qn("w:val"), ",")
    settings.find(qn("w:listSeparator")).set(qn("w:val"), ";")


def _drop_unused_parts(document: docx.document.Document) -> None:
    """The python-docx template carries a thumbnail of an empty page, a Word 2010 copy of the styles (with the
    old blue headings) and a bibliography store; none belongs in a style file."""
    package_rels = document.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            del document.part.rels[rid]


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else ROOT / "templates" / "reference.docx"
    output.write_bytes(build_reference())
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
