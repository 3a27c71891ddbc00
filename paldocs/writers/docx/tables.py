"""Tables and figures for the DOCX writer: a real Word table and an inline picture with its alt text.

Contract:
- :func:`add_table` appends a Word table (``w:tbl``) styled by the reference's table style "Tabela paldocs":
  one table row per IR row (short rows padded, :func:`paldocs.writers.base.to_table_grid`), the header rows
  first, each marked ``w:tblHeader`` (Word repeats them at the top of every page the table spans) and every
  row ``w:cantSplit`` (a row never breaks across pages). Cell paragraphs get the style "Nagłówek tabeli" or
  "Tekst tabeli", and the cell's ``align`` as the paragraph alignment (numbers right). The table fills the
  text width (16 cm on A4 with 2.5 cm margins) with a fixed layout (LibreOffice reads no other); the column
  widths come from the cells' text, its width estimated from Times New Roman's metrics at the size of the
  reference's "Tekst tabeli" style (:func:`column_widths`): each column at least as wide as its longest word
  where the page allows.
  The caption is not written here: the writer puts it above the table in "Podpis tabeli".
- :func:`add_picture` puts a figure's PNG into a paragraph as an inline picture ``width_cm`` wide (at most the
  text width; the height keeps the aspect ratio) with its text alternative in ``wp:docPr/@descr`` (what
  Word's "Alt Text" pane and screen readers show) and the caption's text in ``@title``. A figure without a
  PNG, or with one python-docx cannot read, raises :class:`~paldocs.errors.RenderError` (in Polish).
- python-docx names the media parts and drawing ids by counting, so the same IR gives the same XML.
"""

from __future__ import annotations

import functools
import io
import unicodedata
from collections.abc import Callable

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from paldocs import document as ir
from paldocs.errors import RenderError
from paldocs.writers.docx import styles as styles
from paldocs.writers.base import TableGrid, to_table_grid

ALIGNMENTS = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
              "right": WD_ALIGN_PARAGRAPH.RIGHT}
BOLD_FACTOR = 1.08  # Times New Roman Bold against Regular, on average
WIDTH_SLACK = 1.05  # estimates, not measurements: a little more rather than a broken word
CELL_PADDING = Cm(0.3)  # left + right cell margins of the table style
# Advance widths of Times New Roman (= Liberation Serif) in em, from the font's metrics; a letter with a
# diacritic is as wide as its base letter ("ś" as "s").
_ADVANCE: dict[str, float] = {
    **dict.fromkeys("abcdeghknopquvxyz", 0.5), **dict.fromkeys("ace", 0.444), "f": 0.333, "i": 0.278,
    "j": 0.278, "l": 0.278, "m": 0.778, "r": 0.333, "s": 0.389, "t": 0.278, "w": 0.722, "z": 0.444,
    **dict.fromkeys("ABCDGHKNOQRUVXY", 0.722), **dict.fromkeys("EFLPTZ", 0.611), "I": 0.333, "J": 0.389,
    "M": 0.889, "S": 0.556, "W": 0.944, **dict.fromkeys("0123456789", 0.5), **dict.fromkeys(" \u00a0.,", 0.25),
    **dict.fromkeys(":;!|", 0.278), **dict.fromkeys("()[]/-'", 0.333), "%": 0.833, "–": 0.5, "—": 1.0,
}
_DEFAULT_ADVANCE = 0.5
_BASE = {"ł": "l", "Ł": "L", "„": ",", "”": "'"}
EMU_PER_TWIP = 635

FillCell = Callable[[ir.TableCell, _Cell, bool], None]  # (IR cell, Word cell, is a header cell)


def text_width(target: DocxDocument) -> Length:
    """The width between the margins of the last section (where the next block lands)."""
    section = target.sections[-1]
    return Emu((section.page_width or Cm(21)) - (section.left_margin or 0) - (section.right_margin or 0))


def add_table(target: DocxDocument, node: ir.Table, fill_cell: FillCell) -> DocxTable:
    """Append ``node`` as a Word table; ``fill_cell`` writes one IR cell into its Word cell."""
    grid = to_table_grid(node)
    rows = [*grid.header, *grid.rows]
    table = target.add_table(rows=len(rows), cols=grid.columns, style=styles.TABLE_STYLE)
    widths = column_widths(grid, text_width(target), style_font_size(target, styles.TABLE_TEXT))
    _set_layout(table, widths)
    for index, (ir_row, row) in enumerate(zip(rows, table.rows)):
        header = index < len(grid.header)
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if header:
            tr_pr.append(OxmlElement("w:tblHeader"))
        for ir_cell, cell, width in zip(ir_row, row.cells, widths):
            cell.width = width
            fill_cell(ir_cell, cell, header)
    return table


def format_cell_paragraph(cell: _Cell, node: ir.TableCell, header: bool, style_ids: styles.StyleIds) -> DocxParagraph:
    """The (only) paragraph of a fresh cell, styled and aligned for ``node``."""
    paragraph = cell.paragraphs[0]
    style_ids.apply(paragraph, styles.TABLE_HEADER if header else styles.TABLE_TEXT)
    if node.align is not None:
        paragraph.alignment = ALIGNMENTS[node.align]
    return paragraph


def style_font_size(target: DocxDocument, name: str) -> Length:
    """The font size a paragraph style sets or inherits (its base styles, then the document defaults)."""
    style = target.styles[name]
    while style is not None:
        if style.font.size is not None:
            return style.font.size
        style = style.base_style
    size = target.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    return Pt(int(size.get(qn("w:val"))) / 2) if size is not None else Pt(10)  # w:sz: half-points; Word: 10 pt


def column_widths(grid: TableGrid, total: Length, font_size: Length | None = None) -> list[Length]:
    """Column widths summing to ``total``, from the estimated width of each column's text (see module doc);
    ``font_size`` is the cells' (default: "Tekst tabeli" of the packaged house style).

    - Everything fits on one line: the widths of the longest lines, widened in proportion to fill ``total``
      (as a 100 % wide HTML table).
    - Else every column gets its longest word and the rest is shared in proportion to how much wider each
      column's longest line is.
    - Else (the longest words alone are wider than the page) numeric columns — all body cells right-aligned —
      keep their longest word and the other columns are cut down to one common width, so that only the
      longest words of text columns break.
    """
    columns = list(zip(*[[(cell, True) for cell in row] for row in grid.header],
                       *[[(cell, False) for cell in row] for row in grid.rows]))
    least = [max(_text_width(word, bold, font_size) for cell, bold in column for word in _words(cell))
             + CELL_PADDING for column in columns]
    wanted = [max(_text_width(line, bold, font_size) for cell, bold in column for line in _lines(cell))
              + CELL_PADDING for column in columns]
    if sum(wanted) <= total:
        return _to_total([total * w / sum(wanted) for w in wanted], total)
    if sum(least) <= total:
        more = [w - m for w, m in zip(wanted, least)]
        return _to_total([m + (total - sum(least)) * x / sum(more) for m, x in zip(least, more)], total)
    numeric = [bool(grid.rows) and all(cell.align == "right" for cell, header in column if not header)
               for column in columns]
    room = total - sum(w for w, fixed in zip(least, numeric) if fixed)
    text = sorted(w for w, fixed in zip(least, numeric) if not fixed)
    if not text or room <= 0:
        return _to_total([total * w / sum(least) for w in least], total)
    level, used = 0.0, 0.0
    for index, width in enumerate(text):  # the common width the widest text columns are cut down to
        level = (room - used) / (len(text) - index)
        if width >= level:  # always reached: the text columns' longest words do not fit in ``room``
            break
        used += width
    return _to_total([w if fixed else min(w, level) for w, fixed in zip(least, numeric)], total)


def _lines(cell: ir.TableCell) -> list[str]:
    return ir.inline_text(cell.children).split("\n")


def _words(cell: ir.TableCell) -> list[str]:
    return [word for line in _lines(cell) for word in line.split(" ")]  # a non-breaking space holds


def _text_width(text: str, bold: bool, font_size: Length | None = None) -> float:
    """Estimated width (EMU) of ``text`` in Times New Roman at ``font_size`` (default: the packaged house
    style's table text), from the font's advance widths."""
    ems = sum(_ADVANCE.get(_BASE.get(char, unicodedata.normalize("NFD", char)[:1]), _DEFAULT_ADVANCE)
              for char in text)
    return ems * (font_size or _packaged_table_text_size()) * (BOLD_FACTOR if bold else 1.0) * WIDTH_SLACK


@functools.cache
def _packaged_table_text_size() -> Length:
    from paldocs.style.resolve import look_for, packaged_style, size_of

    style = packaged_style()
    return Pt(size_of(style, look_for(style, "table_text", "docx")))


def _to_total(widths: list[float], total: Length) -> list[Length]:
    """Whole twips (Word's unit) that add up to ``total`` exactly; the last column takes the rounding."""
    twips = [int(w) // EMU_PER_TWIP for w in widths]
    twips[-1] = int(total) // EMU_PER_TWIP - sum(twips[:-1])
    return [Emu(t * EMU_PER_TWIP) for t in twips]


def _set_layout(table: DocxTable, widths: list[Length]) -> None:
    """Fixed layout, the table as wide as its columns, the grid columns set (LibreOffice reads those)."""
    table.autofit = False
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(int(w) for w in widths) // EMU_PER_TWIP))
    for column, width in zip(table.columns, widths):
        column.width = width


def add_picture(paragraph: DocxParagraph, node: ir.Figure, max_width: Length) -> None:
    """Put the figure's PNG into ``paragraph`` as an inline picture with its alt text (see module doc)."""
    name = node.asset or "rysunek"
    if node.png is None:
        raise RenderError(f"rysunek „{name}” nie ma wersji PNG, której wymaga plik DOCX",
                          hint="Rysunek (wykres) trzeba wygenerować także jako PNG przed zapisem dokumentu.")
    width = min(Cm(node.width_cm), max_width)
    try:
        shape = paragraph.add_run().add_picture(io.BytesIO(node.png), width=width)
    except (UnrecognizedImageError, ValueError, ZeroDivisionError) as error:
        raise RenderError(f"rysunek „{name}”: obraz PNG jest nieprawidłowy ({error})") from None
    doc_pr = shape._inline.docPr
    if node.alt:
        doc_pr.set("descr", node.alt)
    if title := ir.inline_text(node.caption or []).replace("\n", " "):
        doc_pr.set("title", title)
