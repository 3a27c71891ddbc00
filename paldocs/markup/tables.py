"""Pipe tables of the paldocs dialect: the block rule and the tokens → :class:`~paldocs.document.Table` step.

Contract:

- :func:`table_plugin` enables markdown-it's GFM ``table`` rule, wrapped by :func:`table_rule`: a body row
  with more cells than the header raises :class:`~paldocs.errors.MarkupError` (markdown-it would drop the
  extra cells, and with them a clerk's words). Fewer cells are filled with empty ones, as GFM does.
  ``\\|`` is a pipe inside a cell. A table ends at a blank line or at a line that starts another block
  (a list item, ``§``, a ``:::`` fence).
- :func:`caption_tokens` recognises a table caption — a paragraph whose text starts with exactly
  :data:`CAPTION_PREFIX` ("Tabela: ") — and returns its inline tokens without the prefix.
- :func:`to_table` reads ``table_open`` … ``table_close`` into a :class:`Table`: the header row, the body
  rows, and for every cell its inlines (same conversion and typography as paragraphs) and its alignment from
  the delimiter row (``:---`` left, ``---:`` right, ``:---:`` center, ``---`` None); given the source map of
  the parsed text, every cell gets the origin of its first character (:mod:`paldocs.sourcemap`).

Where a table may stand (not inside legal units or lists) is checked by :mod:`paldocs.markup`.
"""

from __future__ import annotations

from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.table import escapedSplit, getLine, table
from markdown_it.token import Token

from paldocs.document import Inline, Origin, Table, TableCell
from paldocs.markup.inline import Calls, to_inlines
from paldocs.markup.rules import ENV_KEY, ParseContext
from paldocs.sourcemap import SourceMap

try:  # the trim the table rule itself uses (markdown-it-py 4); 3.x trimmed with str.strip
    from markdown_it.common.utils import mdTrim as _trim
except ImportError:  # pragma: no cover
    _trim = str.strip

__all__ = ["CAPTION_PREFIX", "caption_tokens", "table_plugin", "table_rule", "to_table"]

CAPTION_PREFIX = "Tabela: "

Align = Literal["left", "center", "right"]
_ALIGNS: dict[str, Align] = {"text-align:left": "left", "text-align:center": "center",
                             "text-align:right": "right"}


def _cell_count(state: StateBlock, line: int) -> int:
    """Cells of a table row as markdown-it splits it (outer pipes optional, ``\\|`` escaped)."""
    cells = escapedSplit(_trim(getLine(state, line)))
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return len(cells)


def table_rule(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    first = len(state.tokens)
    if not table(state, startLine, endLine, silent):
        return False
    if silent:
        return True
    tokens = state.tokens[first:]
    columns = sum(1 for token in tokens if token.type == "th_open")
    for token in tokens:
        if token.type == "tr_open" and token.map and token.map[0] > startLine:
            row = token.map[0]
            if (cells := _cell_count(state, row)) > columns:
                ctx = state.env.get(ENV_KEY)
                if not isinstance(ctx, ParseContext):
                    ctx = ParseContext("<markdown>", 1, False)
                raise ctx.error(row, f"Wiersz tabeli ma więcej komórek niż nagłówek ({cells} zamiast {columns}).",
                                "Dopisz kolumnę w nagłówku albo połącz komórki; znak „|” w tekście komórki "
                                "wpisz jako „\\|”.", offset=state.bMarks[row] + state.tShift[row])
    return True


def table_plugin(md: MarkdownIt) -> None:
    """Turn on pipe tables (the commonmark preset leaves markdown-it's ``table`` rule disabled)."""
    md.block.ruler.at("table", table_rule, {"alt": ["paragraph", "reference"]})
    md.block.ruler.enable("table")


def caption_tokens(inline: Token) -> list[Token] | None:
    """The inline children of a caption paragraph without "Tabela: ", or None when it is no caption."""
    children = inline.children or []
    if not inline.content.startswith(CAPTION_PREFIX) or not children or children[0].type != "text":
        return None
    first = children[0].copy()
    # The prefix sits in the first text token; its space may have become a soft break ("Tabela:" ⏎ text).
    first.content = first.content.removeprefix(CAPTION_PREFIX.rstrip()).lstrip(" ")
    rest = children[1:]
    if not first.content:
        return rest[1:] if rest and rest[0].type == "softbreak" else rest
    return [first, *rest]


def _cell(cell_open: Token, inline: Token, origin: Origin | None, calls: Calls | None) -> TableCell:
    align = _ALIGNS.get(str(cell_open.attrs.get("style", "")))
    return TableCell(to_inlines(inline.children or [], calls), align, origin=origin)


def _cell_origins(origins: SourceMap | None, row: Token) -> list[Origin | None]:
    """The origin of each cell of a row: who wrote the first character of its text (after the pipe)."""
    if origins is None or not row.map:
        return []
    text, start = origins.text, origins.line_offset(row.map[0])
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    starts, position = [start + 1 if text.startswith("|", start) else start], start + 1
    while position < end:
        if text[position] == "\\":
            position += 2
            continue
        if text[position] == "|":
            starts.append(position + 1)
        position += 1
    found: list[Origin | None] = []
    for cell in starts:
        while cell < end and text[cell] in " \t":
            cell += 1
        found.append(origins.origin_at(cell))
    return found


def to_table(tokens: list[Token], pos: int, caption: list[Inline] | None = None,
             origins: SourceMap | None = None, calls: Calls | None = None) -> tuple[Table, int]:
    """Read the table whose ``table_open`` is ``tokens[pos]``; return it and the position after its close.
    ``origins`` (the source map of the parsed text) gives each cell its origin; ``calls`` what a footnote
    call in a cell prints (:func:`paldocs.markup.inline.to_inlines`)."""
    header: list[list[TableCell]] = []
    rows: list[list[TableCell]] = []
    target = header
    row_origins: list[Origin | None] = []
    pos += 1
    while (kind := tokens[pos].type) != "table_close":
        if kind == "tbody_open":
            target = rows
        elif kind == "tr_open":
            target.append([])
            row_origins = _cell_origins(origins, tokens[pos])
        elif kind in ("th_open", "td_open"):
            column = len(target[-1])
            origin = row_origins[column] if column < len(row_origins) else None
            target[-1].append(_cell(tokens[pos], tokens[pos + 1], origin, calls))
            pos += 2  # the inline and the cell's close
        pos += 1
    return Table(header, rows, caption or None), pos + 1
