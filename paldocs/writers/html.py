"""HTML writer: semantic, self-contained HTML5 for BIP publication and as the input of the PDF writer.

Contract:
- ``to_html(document)`` returns one deterministic string. Standalone mode (the default) is a whole page —
  ``<html lang="pl">``, ``<title>`` = ``meta.title``, ``<meta name="description">`` = ``meta.subject``, author,
  keywords, ``dcterms.created``/``dcterms.modified`` (see :func:`format_document_date`) — with the print CSS
  of the document's house style (:mod:`paldocs.style.css`) embedded in a ``<style>`` element: the page makes
  no request of its own (no ``src``, no ``href``).
  ``standalone=False`` returns the ``<section>`` elements only, to embed in another page.
- Accessibility (BIP, Polish law on digital accessibility; checked by tests/test_accessibility.py): a
  ``<meta name="viewport">`` for phones, the parts inside one ``<main>`` landmark, each part a ``<section>``
  named by ``aria-label``, title blocks ``<header>``, the table of contents ``<nav>``. Headings keep the IR's
  levels (``Heading(1)`` → ``<h1>``, sections of a program or report; the PDF is made from this page, so
  its tag tree matches): the page title is ``<title>`` = ``meta.title``, no extra h1 is added. A Heading inside
  the ``toc`` Div ("SPIS TREŚCI:") is the ``<nav>``'s name (``aria-label``) and a ``<p class="toc-title">``,
  not a heading, so that a part never opens with an ``<h2>`` before its first ``<h1>`` (no skipped level).
- Every part is ``<section class="part part-{kind}">`` (``new-page`` when it is not the first part,
  ``page-numbers`` when the IR asks for numbered pages). Legal units are laid out by
  :func:`paldocs.writers.base.iter_unit_lines`, one ``<p class="unit unit-{kind} depth-{n}">`` per line with
  the unit's address as ``id``; list markers are the IR's own labels (``<span class="label">``), never the
  browser's counters.
- Tables: ``<table class="table">`` with the caption as ``<caption>``, the header rows in ``<thead>`` as
  ``<th scope="col">`` (the print CSS repeats them on every page), the rows in ``<tbody>``; a cell's ``align``
  is a class ``align-left|center|right`` (the CSS aligns, the IR decides).
- Figures: ``<figure class="figure">`` with a ``<figcaption>`` below the drawing. The drawing is the SVG
  *inlined* as an ``<svg role="img" aria-label="alt">`` element (sanitized, ids prefixed ``figure-N-``:
  :mod:`paldocs.writers.svg`) — WeasyPrint draws inline SVG as vector paths, takes the tagged-PDF /Alt
  from its ``<title>``, needs no fetch (no data: URI size limit) and the page keeps making no request. A
  figure without SVG falls back to its PNG as ``<img src="data:image/png;base64,…" alt="alt">``; with
  neither, or with a drawing that is not SVG/PNG, a RenderError.
- Words a comparison marks: :class:`~paldocs.document.Inserted` → ``<ins>``, :class:`~paldocs.document.Deleted`
  → ``<del>`` (semantic: screen readers and the tagged PDF know them; the print CSS sets them bold and struck
  through, as the DOCX does).
- A statute citation is ``<span class="citation" data-act="<catalog key>" data-isap="<ISAP id>">`` around its
  text: machines find the act, readers and screen readers get the text (no ``<cite>``, which browsers italicise).
- Footnotes, ``notes="end"`` (the default, the page for BIP): a call is ``<sup class="note-ref"><a
  href="#przypis-P-N" id="odsylacz-P-N">N</a></sup>`` (P: the part's number in the document, N: the note's), a
  later call of the same note links to the note without an id; the part's notes close its ``<section>`` as
  ``<aside class="notes" role="doc-endnotes"><ol>`` with one ``<li id="przypis-P-N">`` each, its number
  ``<span class="label">N.</span>`` and a link back ("↑", ``aria-label`` "powrót do tekstu").
  ``notes="page"`` (the PDF writer's input): the note's text stands at its first call as ``<span
  class="note" data-num="N">`` — the print CSS floats it to the foot of the page (``float: footnote``,
  WeasyPrint's GCPM support) and prints the call and the note's marker from ``data-num``; a later call is a
  plain ``<sup class="note-ref">N</sup>``; no list at the end of the part.
- Escaping happens here and only here: every text and attribute value goes through :func:`html.escape`.
"""

from __future__ import annotations

import base64
import html
import re

from paldocs import document as ir
from paldocs import vocabulary
from paldocs.writers.dates import w3c_datetime
from paldocs.errors import RenderError
from typing import Literal

from paldocs.writers.base import Visitor, iter_unit_lines, part_footnotes, to_table_grid
from paldocs.style.css import print_css
from paldocs.style.table import HouseStyle
from paldocs.writers.svg import to_inline_svg
from paldocs.writers.title_page import opens_with_title_page

GENERATOR = "paldocs"

# Div roles with a more specific element than <div>.
_DIV_TAGS: dict[str, str] = {"title": "header", "annex-header": "header", "toc": "nav"}
# Parts that open on a new page; the first part of a document never does (no blank first page).
_NEW_PAGE_PARTS = frozenset({"annex", "justification", "report"})
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def load_print_css(style: HouseStyle | None = None) -> str:
    """The print stylesheet for a house style (None: the packaged one, ``templates/print.css``), generated
    from the house-style table (:mod:`paldocs.style.css`)."""
    return print_css(style)


def format_document_date(meta: ir.Meta) -> str | None:
    """The document's fixed creation date as a W3C date-time, or None (:mod:`paldocs.writers.dates`)."""
    return w3c_datetime(meta)


NotePlacement = Literal["end", "page"]


def to_html(document: ir.Document, *, standalone: bool = True, css: str | None = None,
            notes: NotePlacement = "end", first_part_number: int = 1) -> str:
    """Render ``document`` as HTML; ``css`` replaces the print CSS of its house style ("" embeds none);
    ``notes``: footnotes at the end of each part, or at their calls for the page layout (see the module doc);
    ``first_part_number``: the number of the first part in a whole document of which ``document`` is a piece
    (footnote ids carry it, so the pieces of one document never share one)."""
    body = HtmlWriter(document.meta, notes, first_part_number).render_parts(document.parts)
    if not standalone:
        return body
    stylesheet = load_print_css(document.house_style) if css is None else css
    return _render_head(document.meta, stylesheet) + "<main>\n" + body + "</main>\n</body>\n</html>\n"


def _render_head(meta: ir.Meta, css: str) -> str:
    esc = html.escape
    lang = meta.language.split("-")[0] or "pl"
    head = ["<!DOCTYPE html>", f'<html lang="{esc(lang)}">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{esc(meta.title)}</title>"]
    named = [("description", meta.subject), ("author", meta.author), ("keywords", ", ".join(meta.keywords)),
             ("generator", GENERATOR)]
    if date := format_document_date(meta):
        named += [("dcterms.created", date), ("dcterms.modified", date)]
    head += [f'<meta name="{name}" content="{esc(value)}">' for name, value in named if value]
    if css:
        # "</style" inside the stylesheet would end the element early and turn the rest into markup.
        if re.search(r"</style", css, re.IGNORECASE):
            raise RenderError("Arkusz stylów CSS nie może zawierać „</style”.")
        head.append(f"<style>\n{css.rstrip()}\n</style>")
    head += ["</head>", "<body>", ""]
    return "\n".join(head)


def _attrs(**attrs: str) -> str:
    """` name="value"` for each non-empty attribute, in order (``class_`` → class, ``aria_label`` → aria-label)."""
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{html.escape(value)}"'
                   for name, value in attrs.items() if value)


_SLASHED_NUMBER = re.compile(r"\b\w+(?:/\w+)+\b")


def _label(label: str, *, followed: bool) -> str:
    """A unit's or list item's marker. The space before the text sits inside the span: the print CSS hangs
    the label in the indent as a fixed-width inline-block, so the space neither widens the first line nor
    gets lost in extracted text."""
    return f'<span class="label">{html.escape(label)}{" " if followed else ""}</span>'


class HtmlWriter(Visitor):
    """Visits IR nodes and returns HTML strings; one instance renders one document (ids stay unique)."""

    def __init__(self, meta: ir.Meta, notes: NotePlacement = "end", first_part_number: int = 1) -> None:
        self.meta = meta
        self.notes = notes
        self.first_part_number = first_part_number
        self.used_ids: set[str] = set()
        self.figures = 0  # figures rendered so far: the id prefix of the next inline SVG
        self.part_number = 0  # the part being rendered (1-based): footnote ids are unique in the document
        self.part_notes: dict[str, ir.Footnote] = {}

    def render_parts(self, parts: list[ir.Part]) -> str:
        out = []
        numbered = 0
        for index, part in enumerate(parts):
            classes = ["part", f"part-{part.kind}"]
            if index and part.kind in _NEW_PAGE_PARTS:
                classes.append("new-page")
            if part.page_numbers:
                # Each numbered part counts its own pages from 1 (as the DOCX sections do): consecutive
                # numbered parts alternate between two named pages whose counters reset each other.
                classes += ["page-numbers", "numbered-a" if numbered % 2 == 0 else "numbered-b"]
                numbered += 1
                if opens_with_title_page(part):
                    classes.append("title-page")  # its first page is unnumbered (print.css)
            self.part_number = self.first_part_number + index
            self.part_notes = part_footnotes(part)
            blocks = "".join(self.visit(block) for block in part.blocks if not isinstance(block, ir.Footnote))
            if self.part_notes and self.notes == "end":
                items = "".join(self.visit(note) for note in self.part_notes.values())
                blocks += f'<aside class="notes" role="doc-endnotes">\n<ol>\n{items}</ol>\n</aside>\n'
            out.append(f"<section{_attrs(class_=' '.join(classes), aria_label=part.label)}>\n{blocks}</section>\n")
        return "".join(out)

    def _id(self, address: str) -> str:
        """``address`` the first time it is used in the document, else "" (ids must be unique)."""
        if not address or address in self.used_ids:
            return ""
        self.used_ids.add(address)
        return address

    def _inlines(self, inlines: list[ir.Inline] | tuple[ir.Inline, ...]) -> str:
        return "".join(self.visit(node) for node in inlines)

    # --- blocks ---------------------------------------------------------------------------------------

    def visit_paragraph(self, node: ir.Paragraph) -> str:
        return f"<p>{self._inlines(node.children)}</p>\n"

    def visit_heading(self, node: ir.Heading) -> str:
        level = min(max(node.level, 1), 6)
        if node.is_chapter:  # "Rozdział 1." on its own line above the title, both centred
            num = f'<span class="num">{html.escape(node.label)}</span><br>'
            return f'<h{level} class="chapter">{num}{self._inlines(node.children)}</h{level}>\n'
        num = f'<span class="num">{html.escape(node.label)}</span> ' if node.label else ""
        return f"<h{level}>{num}{self._inlines(node.children)}</h{level}>\n"

    def visit_list_block(self, node: ir.ListBlock) -> str:
        tag = "ol" if vocabulary.list_style(node.style).ordered else "ul"
        start = str(node.start) if tag == "ol" and node.start != 1 else ""
        items = "".join(self.visit(item) for item in node.items)
        return f"<{tag}{_attrs(class_=f'list list-{node.style}', start=start)}>\n{items}</{tag}>\n"

    def visit_list_item(self, node: ir.ListItem) -> str:
        children = list(node.children)
        first = self._inlines(children.pop(0).children) if children and isinstance(children[0], ir.Paragraph) else ""
        label = _label(node.label, followed=bool(first))
        rest = "".join(self.visit(child) for child in children)
        if rest:
            rest = "\n" + rest
        return f"<li>{label}{first}{rest}</li>\n"

    def visit_unit(self, node: ir.Unit) -> str:
        # Ids: every unit's address once, in reading order. When a line starts with a parent's label
        # ("§ 2. 1."), the parent has no line of its own: its id goes on an empty anchor in that line.
        pending = [u.address for u in (node, *ir.walk(node)) if isinstance(u, ir.Unit) and u.address]
        title_after_heading = node.kind == "paragraf" and self.meta.paragraph_layout == "heading"
        out = [self._unit_title(node)] if node.heading and not title_after_heading else []
        for line in iter_unit_lines(node, self.meta.paragraph_layout):
            anchors = line_id = ""
            if line.address in pending:
                index = pending.index(line.address)
                anchors = "".join(f'<span class="anchor"{_attrs(id=self._id(a))}></span>' for a in pending[:index])
                line_id = self._id(line.address)
                del pending[: index + 1]
            if line.is_heading:
                out.append(f'<p{_attrs(class_="unit-heading", id=line_id)}>{anchors}{html.escape(line.label)}</p>\n')
                if node.heading:
                    out.append(self._unit_title(node))
                continue
            classes = f"unit unit-{line.kind} depth-{line.depth}" + (" closing" if line.is_closing else "")
            if line.block is not None:
                inner = f"<p>{_label(line.label, followed=False)}</p>\n" if line.label else ""
                out.append(f"<div{_attrs(class_=classes, id=line_id)}>{anchors}{inner}{self.visit(line.block)}</div>\n")
            else:
                text = self._inlines(line.paragraph.children) if line.paragraph else ""
                label = _label(line.label, followed=bool(text)) if line.label else ""
                out.append(f"<p{_attrs(class_=classes, id=line_id)}>{anchors}{label}{text}</p>\n")
        return "".join(out)

    def _unit_title(self, node: ir.Unit) -> str:
        return f'<p class="unit-title">{self._inlines(node.heading or [])}</p>\n'

    def visit_div(self, node: ir.Div) -> str:
        tag = _DIV_TAGS.get(node.role, "div")
        if node.role == "toc":  # its title names the <nav> and is no heading (see the module doc)
            titles = [ir.inline_text(c.children).replace("\n", " ") for c in node.children if isinstance(c, ir.Heading)]
            children = "".join(f'<p class="toc-title">{self._inlines(child.children)}</p>\n'
                               if isinstance(child, ir.Heading) else self.visit(child) for child in node.children)
            return f"<{tag}{_attrs(class_=node.role, aria_label=titles[0] if titles else '')}>\n{children}</{tag}>\n"
        children = "".join(self.visit(child) for child in node.children)
        return f"<{tag}{_attrs(class_=node.role)}>\n{children}</{tag}>\n"

    def visit_page_break(self, node: ir.PageBreak) -> str:
        return '<div class="page-break"></div>\n'

    def visit_table(self, node: ir.Table) -> str:
        grid = to_table_grid(node)
        out = ['<table class="table">\n']
        if node.caption:
            out.append(f"<caption>{self._inlines(node.caption)}</caption>\n")
        if grid.header:
            rows = "".join(f"<tr>{''.join(self.visit(cell, 'th') for cell in row)}</tr>\n" for row in grid.header)
            out.append(f"<thead>\n{rows}</thead>\n")
        rows = "".join(f"<tr>{''.join(self.visit(cell, 'td') for cell in row)}</tr>\n" for row in grid.rows)
        out.append(f"<tbody>\n{rows}</tbody>\n</table>\n")
        return "".join(out)

    def visit_table_cell(self, node: ir.TableCell, tag: str = "td") -> str:
        attrs = _attrs(scope="col" if tag == "th" else "", class_=f"align-{node.align}" if node.align else "")
        return f"<{tag}{attrs}>{self._inlines(node.children)}</{tag}>"

    def visit_figure(self, node: ir.Figure) -> str:
        self.figures += 1
        name = node.asset or str(self.figures)
        if node.svg is not None:
            drawing = to_inline_svg(node.svg, alt=node.alt, id_prefix=f"figure-{self.figures}-",
                                    width_cm=node.width_cm, name=name)
        elif node.png is not None:
            if not node.png.startswith(PNG_SIGNATURE):
                raise RenderError(f"rysunek „{name}”: obraz PNG jest nieprawidłowy")
            source = "data:image/png;base64," + base64.b64encode(node.png).decode("ascii")
            drawing = (f'<img src="{source}" alt="{html.escape(node.alt)}" '
                       f'style="width: {node.width_cm:g}cm">')
        else:
            raise RenderError(f"rysunek „{name}” nie ma ani wersji SVG, ani PNG",
                              hint="Rysunek (wykres) trzeba wygenerować przed zapisem dokumentu.")
        caption = f"<figcaption>{self._inlines(node.caption)}</figcaption>\n" if node.caption else ""
        return f'<figure class="figure">\n{drawing}\n{caption}</figure>\n'

    def visit_footnote(self, node: ir.Footnote) -> str:
        """A note in the list at the end of its part (``notes="end"``)."""
        text = "</p>\n<p>".join(self._inlines(paragraph.children) for paragraph in node.children)
        back = (f' <a class="note-back" href="#{self._note_id("odsylacz", node.num)}" '
                f'aria-label="powrót do tekstu">↑</a>')
        return (f'<li id="{self._note_id("przypis", node.num)}"><p>{_label(node.num + ".", followed=True)}'
                f"{text}{back}</p></li>\n")

    def _note_id(self, kind: str, num: str) -> str:
        return f"{kind}-{self.part_number}-{num}"

    # --- inlines --------------------------------------------------------------------------------------

    def visit_text(self, node: ir.Text) -> str:
        # Numbers with slashes ("LXXV/387/10") must not break at a slash, as Pango and browsers may.
        return _SLASHED_NUMBER.sub(r'<span class="nowrap">\g<0></span>', html.escape(node.text))

    def visit_strong(self, node: ir.Strong) -> str:
        return f"<strong>{self._inlines(node.children)}</strong>"

    def visit_emphasis(self, node: ir.Emphasis) -> str:
        return f"<em>{self._inlines(node.children)}</em>"

    def visit_inserted(self, node: ir.Inserted) -> str:
        return f"<ins>{self._inlines(node.children)}</ins>"

    def visit_deleted(self, node: ir.Deleted) -> str:
        return f"<del>{self._inlines(node.children)}</del>"

    def visit_line_break(self, node: ir.LineBreak) -> str:
        return "<br>"

    def visit_footnote_ref(self, node: ir.FootnoteRef) -> str:
        num = html.escape(node.num)
        if self.notes == "page":
            note = self.part_notes.get(node.num)
            if not node.first or note is None:
                return f'<sup class="note-ref">{num}</sup>'
            text = "".join(f'<span class="note-p">{self._inlines(p.children)}</span>' for p in note.children)
            return f'<span class="note" data-num="{num}">{text}</span>'
        anchor = f' id="{self._note_id("odsylacz", node.num)}"' if node.first else ""
        return f'<sup class="note-ref"><a href="#{self._note_id("przypis", node.num)}"{anchor}>{num}</a></sup>'

    def visit_citation(self, node: ir.Citation) -> str:
        # A neutral span (no <cite>: browsers italicise it) naming the act for machines: the catalog key and the
        # ISAP id of the text cited; what a reader sees and hears is the citation's text.
        isap = f' data-isap="{html.escape(node.isap_id)}"' if node.isap_id else ""
        return (f'<span class="citation" data-act="{html.escape(node.act)}"{isap}>'
                f"{self.visit_text(ir.Text(node.text))}</span>")
