"""Plain-text writer: UTF-8 text for BIP publication and for diffing.

Contract — ``to_text(document)``:
- One IR paragraph per line; a hard line break starts a new line. No Markdown markers: bold and italics
  are just their text. Non-breaking spaces stay U+00A0.
- A blank line between the blocks of a part. The lines of one block follow each other without blank
  lines: the paragraphs of a Div (title block, signature …), the lines of a legal unit, the items of a list.
- Legal units as laid out by :func:`paldocs.writers.base.iter_unit_lines`: "label text" per line
  ("§ 2. 1. Program obejmuje:"); the "§ 1" line of the heading layout alone. As in print, § and ust. start
  at the margin and pkt / lit. / tiret are indented two spaces per level, so that a common closing part
  ("– w zakresie …") stands apart from the tirets above it.
- List items "label text", indented two spaces per nesting level; further paragraphs of an item and the
  continuation lines after a hard break are indented one level deeper than its label.
- Headings "I. Wstęp" (their number, then the text).
- A page break — between parts, or a PageBreak block — is a line holding only a form feed "\\f".
- Deterministic; the text ends with exactly one "\\n".
"""

from __future__ import annotations

from paldocs import document as ir
from paldocs.writers.base import Visitor, iter_unit_lines

FORM_FEED = "\f"
INDENT = "  "
# Indent levels of legal units, by kind (the print CSS hangs the same kinds by the same steps).
_UNIT_LEVEL: dict[str, int] = {"paragraf": 0, "ustep": 0, "punkt": 1, "litera": 2, "tiret": 3}


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
            out.extend(self.visit(block))
            previous = block
        return "\n".join(out)

    def _lines(self, inlines: list[ir.Inline] | tuple[ir.Inline, ...]) -> list[str]:
        return "".join(self.visit(node) for node in inlines).split("\n")

    # --- blocks ---------------------------------------------------------------------------------------

    def visit_paragraph(self, node: ir.Paragraph) -> list[str]:
        return self._lines(node.children)

    def visit_heading(self, node: ir.Heading) -> list[str]:
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
            indent = INDENT * _UNIT_LEVEL[line.kind]
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

    # --- inlines --------------------------------------------------------------------------------------

    def visit_text(self, node: ir.Text) -> str:
        return node.text

    def visit_strong(self, node: ir.Strong) -> str:
        return "".join(self.visit(child) for child in node.children)

    def visit_emphasis(self, node: ir.Emphasis) -> str:
        return "".join(self.visit(child) for child in node.children)

    def visit_line_break(self, node: ir.LineBreak) -> str:
        return "\n"


def _labelled(label: str, lines: list[str]) -> list[str]:
    """``label`` joined to the first line with one space: ["1) cele;", …]; the label alone if no text."""
    if not lines:
        return [label]
    if not label:
        return lines
    return [f"{label} {lines[0]}" if lines[0] else label, *lines[1:]]
