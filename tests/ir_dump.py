"""A stable, readable pretty-print of the IR for fixture and golden-file tests.

Contract: one node per line, children indented by two spaces, fields in a fixed order, nothing that depends
on object identity or dict order — the same IR always dumps to the same text. Formats:

    meta                                  (dump_document only; then one "  field: value" line per field)
    part annex "Załącznik" page_numbers heading_numbering=roman-dot
    heading 1 I. (roman-dot): Wstęp
    paragraph: Przyjmuje się **bold** and *em*⏎next line
    list decimal-paren start=3            (start shown only when it is not 1)
      item 3)
    unit paragraf 2 [par_2]               (heading shown as ": text" when a unit has one)
    div signature
    page-break
    table: Wskaźniki w·2015 r.            (": caption" only when the table has one)
      header
        cell left: Wskaźnik               (alignment shown when set; an empty cell is a bare "cell")
      row
        cell right: 120
    figure budget-by-source svg png width=12cm: Podpis   (svg/png when attached, width when not 16 cm)
      alt: Wykres słupkowy: …             (only when set)

In inline text ``·`` stands for NO-BREAK SPACE and ``⏎`` for a hard line break; the characters
``\\ * · ⏎`` occurring literally are escaped with a backslash, other invisible characters show as ``⟨U+202F⟩``.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable

from paldocs.document import (
    Block,
    Citation,
    Deleted,
    Div,
    Document,
    Emphasis,
    Figure,
    FootnoteRef,
    Heading,
    Inline,
    Inserted,
    LineBreak,
    ListBlock,
    Meta,
    PageBreak,
    Paragraph,
    Part,
    Strong,
    Table,
    TableCell,
    Text,
    Unit,
)

_ESCAPES = {"\\": "\\\\", "*": "\\*", "·": "\\·", "⏎": "\\⏎", "\u00a0": "·"}


def _char(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch != " " and unicodedata.category(ch)[0] in "ZC":
        return f"⟨U+{ord(ch):04X}⟩"
    return ch


def dump_text(text: str) -> str:
    return "".join(_char(ch) for ch in text)


def dump_inlines(inlines: Iterable[Inline]) -> str:
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, (Text, Citation)):  # a citation dumps as the text it prints
            parts.append(dump_text(node.text))
        elif isinstance(node, LineBreak):
            parts.append("⏎")
        elif isinstance(node, Strong):
            parts.append(f"**{dump_inlines(node.children)}**")
        elif isinstance(node, Emphasis):
            parts.append(f"*{dump_inlines(node.children)}*")
        elif isinstance(node, Inserted):
            parts.append(f"[+{dump_inlines(node.children)}+]")
        elif isinstance(node, Deleted):
            parts.append(f"[-{dump_inlines(node.children)}-]")
        elif isinstance(node, FootnoteRef):
            parts.append(f"[^{node.num}]")
        else:
            raise TypeError(f"unknown inline {type(node).__name__}")
    return "".join(parts)


def _block_lines(block: Block, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    if isinstance(block, Paragraph):
        out.append(f"{pad}paragraph: {dump_inlines(block.children)}".rstrip())
    elif isinstance(block, Heading):
        num = f" {block.label}" if block.num is not None else ""
        num += f" ({block.num_style})" if block.num_style else ""
        out.append(f"{pad}heading {block.level}{num}: {dump_inlines(block.children)}".rstrip())
    elif isinstance(block, ListBlock):
        start = f" start={block.start}" if block.start != 1 else ""
        out.append(f"{pad}list {block.style}{start}")
        for item in block.items:
            out.append(f"{pad}  item {item.label}".rstrip())
            for child in item.children:
                _block_lines(child, depth + 2, out)
    elif isinstance(block, Unit):
        head = " ".join(x for x in ("unit", block.kind, block.num, f"[{block.address}]" if block.address else "") if x)
        if block.heading is not None:
            head += f": {dump_inlines(block.heading)}"
        out.append(pad + head)
        for child in block.children:
            _block_lines(child, depth + 1, out)
    elif isinstance(block, Div):
        out.append(f"{pad}div {block.role}")
        for child in block.children:
            _block_lines(child, depth + 1, out)
    elif isinstance(block, PageBreak):
        out.append(f"{pad}page-break")
    elif isinstance(block, Table):
        caption = f": {dump_inlines(block.caption)}" if block.caption is not None else ""
        out.append(f"{pad}table{caption}")
        for name, rows in (("header", block.header), ("row", block.rows)):
            for row in rows:
                out.append(f"{pad}  {name}")
                out.extend(f"{pad}    {_cell(cell)}" for cell in row)
    elif isinstance(block, Figure):
        head = f"{pad}figure {block.asset}"
        head += " svg" * (block.svg is not None) + " png" * (block.png is not None)
        head += f" width={block.width_cm:g}cm" if block.width_cm != 16.0 else ""
        head += f": {dump_inlines(block.caption)}" if block.caption is not None else ""
        out.append(head)
        if block.alt:
            out.append(f"{pad}  alt: {dump_text(block.alt)}")
    else:
        raise TypeError(f"unknown block {type(block).__name__}")


def _cell(cell: TableCell) -> str:
    head = f"cell {cell.align}" if cell.align else "cell"
    return f"{head}: {dump_inlines(cell.children)}" if cell.children else head


def dump_blocks(blocks: Iterable[Block], depth: int = 0) -> str:
    """The blocks, one node per line, ending with a newline (empty string for no blocks)."""
    out: list[str] = []
    for block in blocks:
        _block_lines(block, depth, out)
    return "".join(line + "\n" for line in out)


def _meta_value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return ", ".join(dump_text(str(v)) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[no-any-return]
    return dump_text(str(value))


def dump_meta(meta: Meta) -> str:
    lines = ["meta"]
    for f in dataclasses.fields(meta):
        lines.append(f"  {f.name}: {_meta_value(getattr(meta, f.name))}".rstrip())
    return "".join(line + "\n" for line in lines)


def dump_part(part: Part) -> str:
    head = f"part {part.kind}"
    if part.label:
        head += f' "{dump_text(part.label)}"'
    if part.page_numbers:
        head += " page_numbers"
    if part.heading_numbering:
        head += f" heading_numbering={part.heading_numbering}"
    return head + "\n" + dump_blocks(part.blocks, depth=1)


def dump_document(doc: Document) -> str:
    """Meta, then every part with its blocks; deterministic for the same document."""
    return dump_meta(doc.meta) + "".join(dump_part(part) for part in doc.parts)
