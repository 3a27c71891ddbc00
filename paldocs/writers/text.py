"""Plain-text writer: UTF-8 text for BIP publication and for diffing.

Contract — ``to_text(document)``:
- One IR paragraph per line; a hard line break starts a new line. No Markdown markers: bold and italics
  are just their text. Words a comparison marks keep their marks, since plain text has no type to show
  them: inserted "[+nowe wyrazy+]", deleted "[-dawne wyrazy-]" (the notation of wdiff). Non-breaking spaces stay U+00A0.
- A blank line between the blocks of a part. The lines of one block follow each other without blank
  lines: the paragraphs of a Div (title block, signature …), the lines of a legal unit, the items of a list.
- Legal units as laid out by :func:`paldocs.writers.base.iter_unit_lines`: "label text" per line
  ("§ 2. 1. Program obejmuje:"); the "§ 1" line of the heading layout alone. As in print, § and ust. start
  at the margin and pkt / lit. / tiret are indented two spaces per level, so that a common closing part
  ("– w zakresie …") stands apart from the tirets above it.
- List items "label text", indented two spaces per nesting level; further paragraphs of an item and the
  continuation lines after a hard break are indented one level deeper than its label.
- Headings "I. Wstęp" (their number, then the text).
- Tables: the caption on its own line above, then one line per row, cells padded to the widest cell of their
  column and joined by " | ", a line of dashes ("-+-" at the joins) under the header rows; a cell is aligned
  as its ``align`` says (numbers right), left by default; a cell with hard breaks spans several lines. A
  table wider than 120 characters wraps cell text at spaces — header cells first, never inside a word, never
  at a non-breaking space — so that a row spans several lines instead of running off the screen.
- Figures: "[Rysunek: <caption>] <alt>" on one line (an annex's picture adds "(plik: <name>)"), so that the
  text version (BIP) carries the text
  alternative of the chart ("[Rysunek] <alt>" without a caption).
- Footnotes: a call prints "[1]" after the word it stands by; the part's notes follow its last block, after a
  line of ten underscores (as print rules off the notes), one "[1] Treść przypisu." per note (its further
  paragraphs indented two spaces).
- A page break — between parts, or a PageBreak block — is a line holding only a form feed "\\f".
- Deterministic; the text ends with exactly one "\\n".
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from paldocs import document as ir
from paldocs import vocabulary
from paldocs.writers.base import Visitor, iter_unit_lines, to_table_grid

FORM_FEED = "\f"
INDENT = "  "
CELL_SEPARATOR = " | "
TABLE_WIDTH = 120  # characters a table line may take before its cells wrap
FIGURE_LABEL = "Rysunek"
NOTES_RULE = "_" * 10  # above a part's footnotes
INSERTED_MARKS = ("[+", "+]")  # words a comparison marks as added …
DELETED_MARKS = ("[-", "-]")  # … and as dropped


def to_text(document: ir.Document) -> str:
    """Render ``document`` as plain text."""
    writer = TextWriter(document.meta)
    parts = [writer.render_blocks(part.blocks) for part in document.parts]
    return f"\n{FORM_FEED}\n".join(parts).strip("\n") + "\n"


class TextWriter(Visitor):
    """Visits IR nodes: blocks return their lines (``list[str]``), inlines their text."""

    def __init__(self, meta: ir.Meta) -> None:
        self.meta = meta

    def render_blocks(self, blocks: list[ir.Block]) -> str:
        """Blocks separated by a blank line; a page break line is not padded with blank lines."""
        out: list[str] = []
        previous: ir.Block | None = None
        for block in blocks:
            if out and not isinstance(block, ir.PageBreak) and not isinstance(previous, ir.PageBreak):
                out.append("")
            if isinstance(block, ir.Footnote) and not isinstance(previous, ir.Footnote):
                out += [NOTES_RULE, ""] if out else [NOTES_RULE]
            out.extend(self.visit(block))
            previous = block
        return "\n".join(out)

    def _lines(self, inlines: list[ir.Inline] | tuple[ir.Inline, ...]) -> list[str]:
        return "".join(self.visit(node) for node in inlines).split("\n")

    # --- blocks ---------------------------------------------------------------------------------------

    def visit_paragraph(self, node: ir.Paragraph) -> list[str]:
        return self._lines(node.children)

    def visit_heading(self, node: ir.Heading) -> list[str]:
        if node.is_chapter:  # "Rozdział 1." on a line of its own above the title, as printed
            return [node.label, *self._lines(node.children)]
        return _labelled(node.label, self._lines(node.children))

    def visit_list_block(self, node: ir.ListBlock, level: int = 0) -> list[str]:
        return [line for item in node.items for line in self.visit(item, level)]

    def visit_list_item(self, node: ir.ListItem, level: int = 0) -> list[str]:
        indent, inner = INDENT * level, INDENT * (level + 1)
        children = list(node.children)
        first = self._lines(children.pop(0).children) if children and isinstance(children[0], ir.Paragraph) else []
        lines = [indent + _labelled(node.label, first[:1])[0], *(inner + line for line in first[1:])]
        for child in children:
            if isinstance(child, ir.ListBlock):
                lines += self.visit(child, level + 1)
            else:
                lines += [inner + line for line in self.visit(child)]
        return lines

    def visit_unit(self, node: ir.Unit) -> list[str]:
        lines: list[str] = []
        title = self._lines(node.heading) if node.heading else []
        title_after_heading = node.kind == "paragraf" and self.meta.paragraph_layout == "heading"
        if not title_after_heading:
            lines += title
        for line in iter_unit_lines(node, self.meta.paragraph_layout):
            # The logical indent level of the kind (legal vocabulary); the print CSS hangs kinds by the same steps.
            indent = INDENT * vocabulary.unit(line.kind).level
            if line.is_heading:
                lines += [line.label, *title]
            elif line.block is not None:
                lines += [indent + text for text in ([line.label] if line.label else []) + self.visit(line.block)]
            else:
                text = self._lines(line.paragraph.children) if line.paragraph else []
                lines += [indent + text for text in _labelled(line.label, text)]
        return lines

    def visit_div(self, node: ir.Div) -> list[str]:
        return [line for child in node.children for line in self.visit(child)]

    def visit_page_break(self, node: ir.PageBreak) -> list[str]:
        return [FORM_FEED]

    def visit_table(self, node: ir.Table) -> list[str]:
        grid = to_table_grid(node)
        texts = [[self.visit(cell) for cell in row] for row in [*grid.header, *grid.rows]]
        widths = _column_widths(texts, len(grid.header), grid.columns)
        cells = [[(cell.align, _wrap(text, width)) for cell, text, width in zip(row, text_row, widths)]
                 for row, text_row in zip([*grid.header, *grid.rows], texts)]
        lines = [" ".join(self._lines(node.caption))] if node.caption else []
        for index, row in enumerate(cells):
            if index == len(grid.header) and grid.header:
                lines.append("-+-".join("-" * width for width in widths))
            for depth in range(max(len(text) for _, text in row)):
                parts = [_align(text[depth] if depth < len(text) else "", width, align)
                         for (align, text), width in zip(row, widths)]
                lines.append(CELL_SEPARATOR.join(parts).rstrip())
        return lines

    def visit_table_cell(self, node: ir.TableCell) -> list[str]:
        return self._lines(node.children)

    def visit_figure(self, node: ir.Figure) -> list[str]:
        caption = " ".join(self._lines(node.caption)) if node.caption else ""
        label = f"[{FIGURE_LABEL}: {caption}]" if caption else f"[{FIGURE_LABEL}]"
        named = f" (plik: {node.file_name})" if node.file_name else ""  # an annex's picture: which file it is
        return [f"{label} {node.alt}{named}".rstrip()]

    def visit_footnote(self, node: ir.Footnote) -> list[str]:
        lines: list[str] = []
        for index, paragraph in enumerate(node.children):
            text = self._lines(paragraph.children)
            lines += _labelled(f"[{node.num}]", text) if index == 0 else [INDENT + line for line in text]
        return lines or [f"[{node.num}]"]

    # --- inlines --------------------------------------------------------------------------------------

    def visit_text(self, node: ir.Text) -> str:
        return node.text

    def visit_strong(self, node: ir.Strong) -> str:
        return "".join(self.visit(child) for child in node.children)

    def visit_emphasis(self, node: ir.Emphasis) -> str:
        return "".join(self.visit(child) for child in node.children)

    def visit_inserted(self, node: ir.Inserted) -> str:
        return INSERTED_MARKS[0] + "".join(self.visit(child) for child in node.children) + INSERTED_MARKS[1]

    def visit_deleted(self, node: ir.Deleted) -> str:
        return DELETED_MARKS[0] + "".join(self.visit(child) for child in node.children) + DELETED_MARKS[1]

    def visit_line_break(self, node: ir.LineBreak) -> str:
        return "\n"

    def visit_footnote_ref(self, node: ir.FootnoteRef) -> str:
        return f"[{node.num}]"

    def visit_citation(self, node: ir.Citation) -> str:
        return node.text


def _column_widths(texts: list[list[list[str]]], header_rows: int, columns: int) -> list[int]:
    """Each column as wide as its widest line while the table fits TABLE_WIDTH; else header cells wrap first
    (to the width of the column's body), then body cells, the room shared in proportion to what each column
    still wants — and a column is never narrower than its longest word."""
    def longest(rows: list[list[list[str]]], column: int, unit: Callable[[str], list[str]]) -> int:
        return max((len(part) for row in rows for line in row[column] for part in unit(line)), default=0)

    budget = TABLE_WIDTH - len(CELL_SEPARATOR) * (columns - 1)
    least = [longest(texts, c, lambda line: line.split(" ")) for c in range(columns)]
    natural = [longest(texts, c, lambda line: [line]) for c in range(columns)]
    if sum(natural) <= budget:
        return natural
    body = [max(longest(texts[header_rows:], c, lambda line: [line]), least[c]) for c in range(columns)]
    if sum(body) <= budget:
        return _share(body, [n - b for n, b in zip(natural, body)], budget - sum(body))
    return _share(least, [b - m for b, m in zip(body, least)], max(budget - sum(least), 0))


def _share(base: list[int], weights: list[int], spare: int) -> list[int]:
    """``base`` plus ``spare`` characters shared in proportion to ``weights`` (whole characters, the
    remainder to the heaviest columns first)."""
    total = sum(weights)
    if total == 0:
        return base
    extra = [spare * w // total for w in weights]
    for column in sorted(range(len(base)), key=lambda c: -weights[c])[:spare - sum(extra)]:
        extra[column] += 1
    return [b + e for b, e in zip(base, extra)]


def _wrap(lines: list[str], width: int) -> list[str]:
    """The cell's lines wrapped at ``width`` on ordinary spaces (a non-breaking space holds)."""
    wrapped = [part for line in lines
               for part in (textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])]
    return wrapped or [""]


def _align(text: str, width: int, align: str | None) -> str:
    if align == "right":
        return text.rjust(width)
    if align == "center":
        return text.center(width)
    return text.ljust(width)


def _labelled(label: str, lines: list[str]) -> list[str]:
    """``label`` joined to the first line with one space: ["1) cele;", …]; the label alone if no text."""
    if not lines:
        return [label]
    if not label:
        return lines
    return [f"{label} {lines[0]}" if lines[0] else label, *lines[1:]]
