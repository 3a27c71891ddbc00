"""The reference document of the DOCX writer, generated from the house-style table.

Contract:
- :func:`build_reference` turns a resolved :class:`~paldocs.style.table.HouseStyle` into the bytes of a
  reference .docx: page size and margins, the document defaults (font, size, pl-PL), ``Normal``, the
  built-in ``Heading 1``–``Heading 6`` and ``Footer``, one named paragraph style per role (names in
  :mod:`paldocs.writers.docx.styles`) and the table style "Tabela paldocs". Same table → same bytes.
- :func:`reference_bytes` is what the writer opens. Why the styles are generated whole rather than patched
  onto the shipped file at every build: the shipped ``templates/reference.docx`` *is* this function's output
  for the packaged table (scripts/make_house_style.py writes it; its title names the table's digest), so the
  default build opens it as before and stays as fast as before; a table with overrides (a profile, a
  ``--templates`` folder) gets its own reference generated once per process and cached by digest — the
  DOCX stage then costs what it costs for the default (one generation per table, not per document), and
  there is one code path from table to Word styles, not a generator plus a patcher that could disagree.
- Lengths in ``em`` are taken of the role's own font size; ``%`` of the text width. A hanging indent adds a
  left tab stop at the indent (label TAB text: the text of every line starts at the indent).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from importlib import resources

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt, RGBColor
from docx.styles.style import StyleFactory

from paldocs import vocabulary
from paldocs.style.resolve import base_size, digest, look_for, packaged_style, size_of
from paldocs.style.table import PAGE_SIZES_MM, HouseStyle, Look, split_length, to_points
from paldocs.writers.docx import styles as names
from paldocs.writers.docx.fields import to_reproducible_package

LANGUAGE = "pl-PL"
TITLE = "paldocs — dokument wzorcowy stylów"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
ALIGNMENTS = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
              "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}

def _list_style(*, ordered: bool) -> str:
    """The paragraph style of ordered ("1)", "a)") or unordered ("–") lists (the legal vocabulary's)."""
    return next(info.style for info in vocabulary.list_styles() if info.ordered == ordered)


# Role of the house-style table → the paragraph style it defines (in the order the styles are written).
NAMED_ROLES: tuple[tuple[str, str], ...] = (
    ("draft_mark", names.ROLE_STYLES["draft-mark"]),
    ("title", names.ROLE_STYLES["title"]),
    ("legal_basis", names.ROLE_STYLES["legal-basis"]),
    ("enacting_formula", names.ROLE_STYLES["enacting-formula"]),
    ("unit_paragraf", names.UNIT_STYLES["paragraf"]),
    ("unit_heading", names.UNIT_HEADING_STYLE),
    ("unit_ustep", names.UNIT_STYLES["ustep"]),
    ("unit_punkt", names.UNIT_STYLES["punkt"]),
    ("unit_litera", names.UNIT_STYLES["litera"]),
    ("unit_tiret", names.UNIT_STYLES["tiret"]),
    ("unit_closing", names.UNIT_CLOSING_STYLE),
    ("signature", names.ROLE_STYLES["signature"]),
    ("footnotes", names.ROLE_STYLES["footnotes"]),
    ("annex_header", names.ROLE_STYLES["annex-header"]),
    ("program_title", names.ROLE_STYLES["program-title"]),
    ("toc_title", names.TOC_TITLE),
    ("toc", names.TOC_STYLE),
    ("justification_title", names.ROLE_STYLES["justification-title"]),
    ("center", names.ROLE_STYLES["center"]),
    ("list_numbered", _list_style(ordered=True)),
    ("list_bullet", _list_style(ordered=False)),
    ("report_title", names.ROLE_STYLES["report-title"]),
    ("table_caption", names.TABLE_CAPTION),
    ("table_text", names.TABLE_TEXT),
    ("table_header", names.TABLE_HEADER),
    ("figure", names.FIGURE_STYLE),
    ("figure_caption", names.FIGURE_CAPTION),
)
MINOR_HEADING_LEVEL = 3  # Heading 3–6 take the role "subheading", Heading 1–2 "heading"


def reference_title(style: HouseStyle) -> str:
    """The reference document's title: names the digest of the table it was generated from."""
    return f"{TITLE} (house-style {digest(style)})"


def reference_bytes(style: HouseStyle | None = None) -> bytes:
    """The reference document for ``style`` (None: the packaged table): the shipped file while it was
    generated from this very table, else one generated from the table (cached per digest)."""
    style = style or packaged_style()
    shipped = _shipped()
    if style == packaged_style() and reference_title(style).encode("utf-8") in shipped[1]:
        return shipped[0]
    return _generated(digest(style), style)


@functools.cache
def _shipped() -> tuple[bytes, bytes]:
    """The shipped reference.docx and its core properties part (where its title, with the digest, is)."""
    import zipfile

    data = (resources.files("paldocs_templates") / "reference.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return data, package.read("docProps/core.xml")


@functools.lru_cache(maxsize=16)  # a service building for many municipalities keeps the recent ones
def _generated(key: str, style: HouseStyle) -> bytes:
    return build_reference(style)


def build_reference(style: HouseStyle | None = None) -> bytes:
    """The reference .docx for ``style`` (None: the packaged table), reproducible byte for byte."""
    style = style or packaged_style()
    document = docx.Document()
    _drop_unused_parts(document)
    _set_defaults(document, style)
    _set_page(document, style)
    text_width = _text_width(style)

    styles = document.styles
    normal = styles[names.BODY]
    normal.font.name = _font(style)
    normal.font.size = Pt(base_size(style))
    _apply(normal, look_for(style, "body", "docx"), style, text_width)
    for level in range(1, names.HEADING_LEVELS + 1):
        heading = styles[names.heading_style(level)]
        look = look_for(style, "heading" if level < MINOR_HEADING_LEVEL else "subheading", "docx")
        rpr = heading.element.get_or_add_rPr()  # no theme fonts: a theme font attribute wins over a named one
        for old in rpr.findall(qn("w:rFonts")):
            rpr.remove(old)
        heading.font.size = Pt(size_of(style, look))
        heading.font.name = _font(style)
        heading.font.italic = bool(look.italic)
        heading.font.color.rgb = RGBColor(0, 0, 0)
        _apply(heading, look, style, text_width)
    footer = styles[names.FOOTER_STYLE]
    footer.paragraph_format.tab_stops.clear_all()  # Letter-size tab stops of the python-docx template
    _apply(footer, look_for(style, "footer", "docx"), style, text_width)

    for role, name in NAMED_ROLES:
        # styles.add_style() without its check that the name is new (a scan of every style per style added:
        # most of the generation time); the names are paldocs's own and distinct.
        paragraph_style = StyleFactory(styles.element.add_style_of_type(name, WD_STYLE_TYPE.PARAGRAPH, False))
        paragraph_style.style_id = names.style_id(name)
        paragraph_style.base_style = normal
        paragraph_style.quick_style = True
        _apply(paragraph_style, look_for(style, role, "docx"), style, text_width)
    _add_table_style(document, style)
    present = {each.name for each in styles}
    missing = [name for name in names.required_styles() if name not in present]
    assert not missing, missing

    document.core_properties.author = ""
    document.core_properties.comments = ""
    document.core_properties.title = reference_title(style)
    document.core_properties.created = document.core_properties.modified = dt.datetime(2000, 1, 1)
    buffer = io.BytesIO()
    document.save(buffer)
    return to_reproducible_package(buffer.getvalue(), dt.date(2000, 1, 1))


def _font(style: HouseStyle) -> str:
    assert style.font is not None and style.font.docx is not None
    return style.font.docx


def _length(value: str, *, em: float, text_width: float | None = None) -> Length:
    """A table length as a python-docx Length (cm and mm exactly as Cm()/Mm() give them)."""
    number, unit = split_length(value)
    if unit == "cm":
        return Cm(number)
    if unit == "mm":
        return Mm(number)
    return Pt(to_points(value, em=em, percent_of=text_width))


def _text_width(style: HouseStyle) -> float:
    """The width between the margins in points (what ``%`` indents refer to)."""
    assert style.page and style.page.margins and style.page.size
    margins = style.page.margins
    width = PAGE_SIZES_MM[style.page.size][0] * 72 / 25.4
    return width - sum(to_points(side or "0pt", em=0) for side in (margins.left, margins.right))


def _apply(paragraph_style: docx.styles.style.ParagraphStyle, look: Look, style: HouseStyle,
           text_width: float) -> None:
    em = size_of(style, look)
    fmt = paragraph_style.paragraph_format
    fmt.alignment = ALIGNMENTS[look.align or "justify"]
    left = _length(look.left_indent, em=em, text_width=text_width) if look.left_indent else None
    fmt.left_indent = left
    if look.hanging:
        fmt.first_line_indent = -_length(look.hanging, em=em)
    else:
        fmt.first_line_indent = _length(look.first_line, em=em) if look.first_line else None
    fmt.space_before = Pt(to_points(look.space_before or "0pt", em=em))
    fmt.space_after = Pt(to_points(look.space_after or "0pt", em=em))
    fmt.line_spacing = look.line_spacing or _body_line_spacing(style)
    fmt.keep_with_next = look.keep_with_next or None
    fmt.keep_together = look.keep_together or None
    fmt.widow_control = True
    if look.hanging and left is not None:  # label TAB text (lists, pkt, lit., tiret)
        fmt.tab_stops.add_tab_stop(left, WD_TAB_ALIGNMENT.LEFT)
    if look.bold is not None:
        paragraph_style.font.bold = look.bold
    if look.size is not None:
        paragraph_style.font.size = Pt(size_of(style, look))
    if look.contextual_spacing:
        paragraph_style.element.get_or_add_pPr().insert_element_before(
            OxmlElement("w:contextualSpacing"), "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
            "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
            "w:pPrChange")


@functools.lru_cache(maxsize=8)
def _body_line_spacing(style: HouseStyle) -> float:
    return look_for(style, "body", "docx").line_spacing or 1.0


def _set_page(document: docx.document.Document, style: HouseStyle) -> None:
    assert style.page and style.page.margins and style.page.size
    section = document.sections[0]
    width, height = PAGE_SIZES_MM[style.page.size]
    section.page_width, section.page_height = Mm(width), Mm(height)
    margins = style.page.margins
    for side, value in (("top_margin", margins.top), ("bottom_margin", margins.bottom),
                        ("left_margin", margins.left), ("right_margin", margins.right)):
        setattr(section, side, _length(value or "0pt", em=0))
    section.header_distance = _length(style.page.header_distance or "0pt", em=0)
    section.footer_distance = _length(style.page.footer_distance or "0pt", em=0)
    for attribute in [a for a in section._sectPr.attrib if a.startswith(qn("w:rsid"))]:
        del section._sectPr.attrib[attribute]  # revision ids of the python-docx template's editing sessions


def _add_table_style(document: docx.document.Document, style: HouseStyle) -> None:
    """The table style: borders around and between all cells, small cell margins, and the first (header)
    row bold on a light fill. The font of the cells comes from the paragraph styles "Tekst tabeli" /
    "Nagłówek tabeli" (a paragraph style wins over a table style)."""
    table = style.table
    assert table is not None and table.border and table.cell_padding_vertical and table.cell_padding_horizontal
    table_style = document.styles.add_style(names.TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    table_style.style_id = names.style_id(names.TABLE_STYLE)
    table_style.base_style = document.styles["Normal Table"]
    table_style.quick_style = True
    element = table_style.element
    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    eighths = round(to_points(table.border, em=base_size(style)) * 8)  # w:sz is in eighths of a point
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(OxmlElement(f"w:{side}", {qn("w:val"): "single", qn("w:sz"): str(eighths),
                                                 qn("w:space"): "0", qn("w:color"): str(table.border_color)}))
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    vertical = round(to_points(table.cell_padding_vertical, em=0) * 20)  # twips
    horizontal = round(to_points(table.cell_padding_horizontal, em=0) * 20)
    for side, twips in (("top", vertical), ("left", horizontal), ("bottom", vertical), ("right", horizontal)):
        margins.append(OxmlElement(f"w:{side}", {qn("w:w"): str(twips), qn("w:type"): "dxa"}))
    tbl_pr.append(margins)
    element.append(tbl_pr)
    header = OxmlElement("w:tblStylePr", {qn("w:type"): "firstRow"})
    run = OxmlElement("w:rPr")
    run.append(OxmlElement("w:b"))
    header.append(run)
    cell = OxmlElement("w:tcPr")
    cell.append(OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto",
                                      qn("w:fill"): str(table.header_fill)}))
    header.append(cell)
    element.append(header)


def _set_defaults(document: docx.document.Document, style: HouseStyle) -> None:
    """docDefaults: the font and base size, Polish, single spacing; settings: Polish decimal and list marks."""
    rpr_default = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr_default.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for key in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{key}"), _font(style))
    for key in ("sz", "szCs"):
        rpr_default.find(qn(f"w:{key}")).set(qn("w:val"), f"{round(base_size(style) * 2)}")  # half-points
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
