"""DOCX writer: the IR → a Word document styled by a reference .docx (python-docx).

Contract: :func:`to_docx` returns the bytes of a .docx built from the reference document of the document's
house style (``templates/reference.docx`` for the packaged table, else one generated from the table:
:mod:`paldocs.writers.docx.reference`), or from the ``reference`` given (used as it is: a municipality's
own Word styles): its body is cleared, its styles and page setup kept, and every block gets a *named*
style (:mod:`paldocs.writers.docx.styles`), so a municipality restyles documents in its house-style table
or in Word, not in code.

- Accessibility (Polish law on digital accessibility; checked by tests/test_accessibility.py): headings use the
  built-in "Heading N" styles (outline levels, the navigation pane), lists and tables named styles, table
  header rows ``w:tblHeader``, pictures their alt text; the language (pl-PL) is set in the reference's
  docDefaults and ``w:themeFontLang`` and in the core properties with the title. A Heading inside the ``toc``
  Div ("SPIS TREŚCI:") becomes a "Spis treści tytuł" paragraph, not a heading: a part never opens with a
  Heading 2 before its first Heading 1.
- Div roles map to one paragraph style each; Strong/Emphasis become bold/italic runs, the words a comparison
  marks bold (Inserted) and struck through (Deleted: ``w:strike``), LineBreak a ``w:br``,
  a Citation a run of its text; text is written as the IR has it (non-breaking spaces stay).
- Legal units are laid out by :func:`paldocs.writers.base.iter_unit_lines`: one paragraph per line, the label
  before the text — separated by a space ("§ 1. Tekst"), or by a TAB where the style hangs the label out
  (pkt, lit., tiret) — and each unit's first paragraph bookmarked with its ``address``.
- PageBreak → a page-break run at the start of the next paragraph (dropped before a new part's section).
- Lists keep the IR's labels as literal text ("1)", "a)", "–") followed by a TAB against a hanging indent;
  Word's automatic numbering would renumber them.
- Table → a Word table in the table style "Tabela paldocs", header rows repeated on every page, its caption
  above in "Podpis tabeli"; Figure → its PNG inline in a centred "Rysunek" paragraph with the alt text on the
  picture, its caption below in "Podpis rysunku" (:mod:`paldocs.writers.docx.tables`).
- Footnotes are real Word footnotes, numbered as the IR numbers them (:mod:`paldocs.writers.docx.footnotes`).
- The first part fills the reference's first section; every following part starts a new section on a new
  page with its own footer: a centred PAGE field restarting at 1 when ``page_numbers`` is set, else empty.
  A part that opens with a title page (a report's, :mod:`paldocs.writers.title_page`): that section has a different (empty) first-page footer and counts
  from 0, so the title page shows no number and the first content page is 1.
- Same IR → same bytes: core properties come from ``meta`` (dates at midnight of ``meta.date``, else of
  SOURCE_DATE_EPOCH, else 2000-01-01) and the package is rewritten with fixed zip timestamps.
- Text that XML 1.0 cannot hold raises :class:`~paldocs.errors.RenderError` before anything is written.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Emu, Length
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from paldocs import document as ir
from paldocs.errors import Location, RenderError
from paldocs.writers.docx import styles as styles
from paldocs.writers.base import Visitor, iter_unit_lines, part_footnotes
from paldocs.writers.dates import FALLBACK_DATE
from paldocs.writers.dates import document_datetime as fixed_datetime
from paldocs.writers.docx.fields import (add_bookmark, add_page_field, check_xml_text, fold_section_break,
                                         restart_page_numbers, to_reproducible_package)
from paldocs.style.table import HouseStyle
from paldocs.writers.docx.footnotes import FootnotesPart
from paldocs.writers.docx.properties import set_core_properties, set_language
from paldocs.writers.docx.reference import reference_bytes
from paldocs.writers.docx.tables import add_picture, add_table, format_cell_paragraph, text_width
from paldocs.writers.title_page import opens_with_title_page

__all__ = ["DocxWriter", "to_docx"]

DEFAULT_STEP = Cm(0.75)  # list indent step when the style itself has no indent


def to_docx(document: ir.Document, *, reference: Path | None = None) -> bytes:
    """Render ``document`` as .docx bytes, styled by ``reference`` (default: that of its house style)."""
    check_xml_text(document)
    target = load_reference(reference, document.house_style)
    DocxWriter(target, document.meta).write(document)
    created = document_datetime(document.meta)
    set_core_properties(target, document.meta, created)
    set_language(target, document.meta.language or "pl-PL")
    buffer = io.BytesIO()
    target.save(buffer)
    return to_reproducible_package(buffer.getvalue(), created.date())


def add_text_run(paragraph: DocxParagraph, text: str) -> Run:
    """``paragraph.add_run(text)`` without python-docx's character-by-character scan for tabs and breaks
    when the text has none (most of a document's text: a fifth of the DOCX stage). Same XML either way."""
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    if text:
        run._r.add_t(text)  # sets xml:space="preserve" when the text has outer spaces, as add_run does
    return run


def load_reference(reference: Path | None = None, style: HouseStyle | None = None) -> DocxDocument:
    """Open the reference document (``reference``, else the one of the house ``style``), check it has every
    style the writer uses, and empty its body."""
    source = reference if reference is not None else resources.files("paldocs_templates") / "reference.docx"
    location = Location(file=str(source))
    try:
        if reference is None:
            target = docx.Document(io.BytesIO(reference_bytes(style)))
        else:
            with source.open("rb") as stream:
                target = docx.Document(stream)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as error:
        raise RenderError(f"nie można otworzyć dokumentu wzorcowego DOCX ({error})", location) from error
    present = {style.name for style in target.styles}  # one pass: "name in target.styles" scans them all
    missing = [name for name in styles.required_styles() if name not in present]
    if missing:
        raise RenderError(f"w dokumencie wzorcowym DOCX brakuje stylów: {', '.join(missing)}", location,
                          hint="Wygeneruj wzorzec poleceniem scripts/make_reference_docx.py i zmieniaj "
                               "wygląd stylów, nie ich nazwy.")
    target.element.body.clear_content()  # keeps the final w:sectPr (page size, margins)
    return target


def document_datetime(meta: ir.Meta) -> dt.datetime:
    """The date of the core properties and zip entries (:mod:`paldocs.writers.dates`; 2000-01-01 without one)."""
    return fixed_datetime(meta) or FALLBACK_DATE


@dataclass(frozen=True, slots=True)
class _Where:
    """Where a block lands: the paragraph style a Div imposes (None: the block's own) and the list depth."""

    style: str | None = None
    list_depth: int = 0


@dataclass(frozen=True, slots=True)
class _Font:
    bold: bool = False
    italic: bool = False
    strike: bool = False  # deleted words of a comparison


class DocxWriter(Visitor):
    """Appends the IR to a python-docx document whose body is empty (see :func:`load_reference`)."""

    def __init__(self, target: DocxDocument, meta: ir.Meta) -> None:
        self.target = target
        self._style_ids = styles.StyleIds(target)
        self.meta = meta
        self._bookmarks: dict[str, int] = {}
        self._indents: dict[str, tuple[Length | None, Length | None]] = {}
        self._page_break = False  # a PageBreak waiting for the next paragraph
        self._footnotes, self._notes = FootnotesPart(target, self._style_ids), dict[str, ir.Footnote]()

    def write(self, document: ir.Document) -> None:
        for index, part in enumerate(document.parts):
            self._notes, self._footnotes.section = part_footnotes(part), index
            if index:
                self._page_break = False  # the new section starts on a new page anyway
                section = self.target.add_section(WD_SECTION.NEW_PAGE)
                fold_section_break(self.target.element.body)
                self._set_footer(section, part, restart=True)
            elif part.page_numbers:
                self._set_footer(self.target.sections[0], part, restart=False)
            for block in part.blocks:
                self.visit(block, _Where())
        last = self.target.element.body.sectPr.getprevious()
        if self._page_break or (last is not None and last.tag == qn("w:tbl")):
            self._paragraph(styles.BODY)  # Word ends a document with a paragraph, never with a table
        self._footnotes.finish()

    # --- blocks ---------------------------------------------------------------------------------

    def visit_paragraph(self, node: ir.Paragraph, where: _Where) -> None:
        self._add_inlines(self._paragraph(where.style or styles.BODY), node.children)

    def visit_heading(self, node: ir.Heading, where: _Where) -> None:
        in_toc = where.style == styles.TOC_STYLE  # the title of a table of contents: not a heading
        paragraph = self._paragraph(styles.TOC_TITLE if in_toc else styles.heading_style(node.level))
        if node.is_chapter:  # "Rozdział 1." on its own line above the title, both centred
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(node.label).add_break()
        elif node.label:
            paragraph.add_run(f"{node.label} ")
        self._add_inlines(paragraph, node.children)

    def visit_div(self, node: ir.Div, where: _Where) -> None:
        inner = replace(where, style=styles.ROLE_STYLES[node.role])
        for child in node.children:
            self.visit(child, inner)

    def visit_page_break(self, node: ir.PageBreak, where: _Where) -> None:
        # The break run opens the next paragraph: a paragraph holding only a page break would leave an empty
        # line at the top of the new page in Word.
        self._page_break = True

    def visit_table(self, node: ir.Table, where: _Where) -> None:
        if node.caption:
            self._add_inlines(self._paragraph(styles.TABLE_CAPTION), node.caption)
        elif self._page_break:
            self._paragraph(styles.BODY)  # a table cannot carry the page break: a paragraph before it does
        add_table(self.target, node, self.visit)

    def visit_table_cell(self, node: ir.TableCell, cell: _Cell, header: bool) -> None:
        self._add_inlines(format_cell_paragraph(cell, node, header, self._style_ids), node.children)

    def visit_figure(self, node: ir.Figure, where: _Where) -> None:
        add_picture(self._paragraph(styles.FIGURE_STYLE), node, text_width(self.target))
        if node.caption:
            self._add_inlines(self._paragraph(styles.FIGURE_CAPTION), node.caption)

    def visit_list_block(self, node: ir.ListBlock, where: _Where) -> None:
        style = where.style or styles.LIST_STYLES[node.style]
        for item in node.items:
            self.visit(item, where, style)

    def visit_list_item(self, node: ir.ListItem, where: _Where, style: str) -> None:
        label = node.label
        for child in node.children:
            if isinstance(child, ir.Paragraph):
                self._add_inlines(self._list_paragraph(style, where.list_depth, label), child.children)
                label = ""
                continue
            if label:
                self._list_paragraph(style, where.list_depth, label)
                label = ""
            self.visit(child, replace(where, list_depth=where.list_depth + 1))
        if label:
            self._list_paragraph(style, where.list_depth, label)

    def visit_unit(self, node: ir.Unit, where: _Where) -> None:
        # The unit's own address goes on its first line: with "§ 2. 1." that line belongs to ust. 1.
        pending = [node.address]
        for line in iter_unit_lines(node, self.meta.paragraph_layout):
            if line.block is not None and not line.label:
                pending.append(line.address)
                self.visit(line.block, where)
                continue
            if line.is_heading:
                style = styles.UNIT_HEADING_STYLE
            elif line.is_closing:
                style = styles.UNIT_CLOSING_STYLE
            else:
                style = styles.UNIT_STYLES[line.kind]
            paragraph = self._paragraph(style)
            if line.is_closing:  # the common part lines up with the text of the unit it closes
                left, _ = self._style_indent(styles.UNIT_STYLES[line.kind])
                if left:
                    paragraph.paragraph_format.left_indent = left
            if line.label:
                paragraph.add_run(line.label + (self._separator(style) if line.paragraph is not None else ""))
            if line.paragraph is not None:
                self._add_inlines(paragraph, line.paragraph.children)
            self._bookmark(paragraph, *reversed([*pending, line.address]))  # outermost unit's bookmark outside
            pending = []
            if line.block is not None:
                self.visit(line.block, where)

    def visit_footnote(self, node: ir.Footnote, where: _Where) -> None:
        pass  # nothing in the body: the note went to the footnotes part at its first call
    # --- inlines --------------------------------------------------------------------------------

    def visit_text(self, node: ir.Text, paragraph: DocxParagraph, font: _Font) -> None:
        run = add_text_run(paragraph, node.text)
        if font.bold:
            run.bold = True
        if font.italic:
            run.italic = True
        if font.strike:
            run.font.strike = True

    def visit_strong(self, node: ir.Strong, paragraph: DocxParagraph, font: _Font) -> None:
        self._add_inlines(paragraph, node.children, replace(font, bold=True))

    def visit_emphasis(self, node: ir.Emphasis, paragraph: DocxParagraph, font: _Font) -> None:
        self._add_inlines(paragraph, node.children, replace(font, italic=True))

    def visit_inserted(self, node: ir.Inserted, paragraph: DocxParagraph, font: _Font) -> None:
        self._add_inlines(paragraph, node.children, replace(font, bold=True))

    def visit_deleted(self, node: ir.Deleted, paragraph: DocxParagraph, font: _Font) -> None:
        self._add_inlines(paragraph, node.children, replace(font, strike=True))

    def visit_line_break(self, node: ir.LineBreak, paragraph: DocxParagraph, font: _Font) -> None:
        paragraph.add_run().add_break()

    def visit_footnote_ref(self, node: ir.FootnoteRef, paragraph: DocxParagraph, font: _Font) -> None:
        self._footnotes.call(paragraph, node, self._notes.get(node.num), self._add_inlines)

    def visit_citation(self, node: ir.Citation, paragraph: DocxParagraph, font: _Font) -> None:
        self.visit_text(ir.Text(node.text), paragraph, font)

    # --- helpers --------------------------------------------------------------------------------

    def _add_inlines(self, paragraph: DocxParagraph, inlines: list[ir.Inline] | tuple[ir.Inline, ...],
                     font: _Font = _Font()) -> None:
        for node in inlines:
            self.visit(node, paragraph, font)

    def _paragraph(self, style: str) -> DocxParagraph:
        paragraph = self.target.add_paragraph()
        self._style_ids.apply(paragraph, style)
        if self._page_break:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
            self._page_break = False
        return paragraph

    def _list_paragraph(self, style: str, depth: int, label: str) -> DocxParagraph:
        """A list paragraph: "label TAB" against the style's hanging indent, one step further per depth;
        without a label (a second paragraph of an item) it is aligned with the item's text."""
        paragraph = self._paragraph(style)
        left, first_line = self._style_indent(style)
        step = left or DEFAULT_STEP
        fmt = paragraph.paragraph_format
        if depth or not left:
            fmt.left_indent = Emu(step * (depth + 1))
            fmt.first_line_indent = Emu(-step)
            fmt.tab_stops.add_tab_stop(fmt.left_indent, WD_TAB_ALIGNMENT.LEFT)
        if label:
            paragraph.add_run(f"{label}\t")
        else:
            fmt.first_line_indent = Emu(0)
        return paragraph

    def _separator(self, style: str) -> str:
        """After a unit's label: a TAB where the style hangs the label out (pkt, lit., tiret), so that every
        line of the text starts at the indent even when justified; a space elsewhere ("§ 1. Tekst")."""
        _, first_line = self._style_indent(style)
        return "\t" if first_line is not None and first_line < 0 else " "

    def _style_indent(self, style: str) -> tuple[Length | None, Length | None]:
        if style not in self._indents:
            fmt = self.target.styles[style].paragraph_format
            self._indents[style] = (fmt.left_indent, fmt.first_line_indent)
        return self._indents[style]

    def _bookmark(self, paragraph: DocxParagraph, *addresses: str) -> None:
        for address in addresses:
            if address and address not in self._bookmarks:
                self._bookmarks[address] = len(self._bookmarks)
                add_bookmark(paragraph, address, self._bookmarks[address])

    def _set_footer(self, section: Section, part: ir.Part, *, restart: bool) -> None:
        footer = section.footer
        footer.is_linked_to_previous = False  # a fresh, empty footer: the previous part's does not carry over
        # The title page of a report carries no page number; counting from 0 makes its first content page 1.
        title_page = opens_with_title_page(part)
        section.different_first_page_header_footer = title_page
        if title_page:
            section.first_page_footer.is_linked_to_previous = False  # an empty footer of its own
            restart_page_numbers(section._sectPr, 0)
        elif restart:
            restart_page_numbers(section._sectPr, 1 if part.page_numbers else None)
        if part.page_numbers:
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            paragraph.style = self.target.styles[styles.FOOTER_STYLE]
            add_page_field(paragraph)
