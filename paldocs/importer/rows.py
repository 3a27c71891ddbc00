"""The lines of one imported act as a flat list of rows, and the small recognisers every assembler shares.

Contract: :func:`rows_from_blocks` flattens :class:`~paldocs.importer.source.SourceBlock` into :class:`Row` —
one input line each (its plain text, its Markdown and its input line number) with ``opens_block`` set on the
first line of each block, so that an assembler can walk the act line by line and still see paragraph breaks.
:func:`split_row` cuts a row in two at a position (a title block or a legal basis written on one line with what
follows it). :func:`markdown_of` joins rows back into Markdown, a blank line between blocks. Nothing here
interprets the document.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from paldocs.importer.source import SourceBlock


@dataclass(frozen=True, slots=True)
class Row:
    text: str  # the line without Markdown markers
    md: str  # the line as Markdown (inline emphasis kept)
    line: int  # 1-based input line
    opens_block: bool = False  # first line of a paragraph (a blank line or a block start before it)


def rows_from_blocks(blocks: list[SourceBlock]) -> list[Row]:
    rows: list[Row] = []
    for block in blocks:
        markdown = block.markdown_lines or block.lines
        for k, (text, md) in enumerate(zip(block.lines, markdown, strict=False)):
            if text.strip():
                rows.append(Row(text.strip(), md.strip(), block.line + k, opens_block=k == 0 or not rows))
    return rows


def split_row(row: Row, at: int) -> tuple[Row, Row]:
    """``row`` cut at character ``at`` of its text: (head, tail), both as plain text (inline emphasis of a line
    that is cut is not kept); the tail keeps the line number and opens no block."""
    head, tail = row.text[:at].strip(), row.text[at:].strip()
    return dataclasses.replace(row, text=head, md=head), Row(tail, tail, row.line)


def markdown_of(rows: list[Row]) -> str:
    """The rows as Markdown: lines of a block one under another, a blank line before each new block."""
    out: list[str] = []
    for index, row in enumerate(rows):
        if row.opens_block and index:
            out.append("")
        out.append(row.md)
    return "\n".join(out)


def text_of(rows: list[Row]) -> str:
    return " ".join(row.text for row in rows)
