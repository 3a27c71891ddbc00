"""Visitor base for writers: dispatch on IR node type to ``visit_<snake_case_type>``.

Contract: a writer subclasses :class:`Visitor` and defines one ``visit_`` method per block and inline type
of :mod:`paldocs.document` (``visit_paragraph``, ``visit_heading``, ``visit_list_block``, ``visit_list_item``,
``visit_unit``, ``visit_div``, ``visit_page_break``, ``visit_table``, ``visit_table_cell``, ``visit_figure``,
``visit_footnote``, ``visit_text``, ``visit_strong``, ``visit_emphasis``, ``visit_inserted``, ``visit_deleted``,
``visit_line_break``,
``visit_footnote_ref``, ``visit_citation`` — a citation
prints its ``text`` as it stands; a format may mark it up, never change its words). The class refuses to be
created when one is missing, naming it — so a new node type cannot be silently dropped by one format (one IR,
one writer per format, each a visitor — docs/design-notes.md). A writer never reads YAML or runs Jinja2.

Shared layout helpers every writer uses the same way: :func:`iter_unit_lines` (the printed lines of a legal
unit), :func:`to_table_grid` (a table's rows padded to one column count) and :func:`part_footnotes` (a part's
notes by number, for formats that print a note where it is called).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from paldocs import document as ir
from paldocs.errors import RenderError

NODE_TYPES: tuple[type, ...] = (
    ir.Paragraph,
    ir.Heading,
    ir.ListBlock,
    ir.ListItem,
    ir.Unit,
    ir.Div,
    ir.PageBreak,
    ir.Table,
    ir.TableCell,
    ir.Figure,
    ir.Footnote,
    ir.Text,
    ir.Strong,
    ir.Emphasis,
    ir.Inserted,
    ir.Deleted,
    ir.LineBreak,
    ir.FootnoteRef,
    ir.Citation,
)


def visitor_name(node_type: type) -> str:
    """``ListBlock`` → ``visit_list_block``."""
    return "visit_" + re.sub(r"(?<!^)(?=[A-Z])", "_", node_type.__name__).lower()


class Visitor:
    """Dispatches ``visit(node, *args)`` to the method named after the node's type."""

    _dispatch: ClassVar[dict[type, str]] = {}

    def __init_subclass__(cls, abstract: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if abstract:
            return
        missing = [visitor_name(t) for t in NODE_TYPES if not callable(getattr(cls, visitor_name(t), None))]
        if missing:
            raise TypeError(f"writer {cls.__name__} lacks {', '.join(missing)}")
        cls._dispatch = {t: visitor_name(t) for t in NODE_TYPES}

    def visit(self, node: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            name = self._dispatch[type(node)]
        except KeyError:
            raise TypeError(f"{type(self).__name__} cannot render {type(node).__name__}") from None
        return getattr(self, name)(node, *args, **kwargs)


@dataclass(slots=True)
class UnitLine:
    """One printed line (paragraph) of a legal unit, as every writer lays it out.

    ``label`` is printed before ``paragraph``'s inlines ("§ 2. 1." when the first ustęp shares the
    paragraf's line, "§ 2. 1. " is never split — docs/domain.md § 2); ``kind`` is the innermost unit the line
    belongs to (it picks the style and the indent), ``depth`` its nesting depth (paragraf = 0).
    ``is_heading`` marks the "§ 1" line of the heading layout (centred, bold, no dot, own line).
    ``block`` carries any non-paragraph child (rare; rendered by the writer's own visitor).
    """

    kind: ir.UnitKind
    depth: int
    label: str
    paragraph: ir.Paragraph | None = None
    is_heading: bool = False
    is_closing: bool = False  # the common part after the sub-units ("część wspólna")
    block: ir.Block | None = None
    address: str = ""


def iter_unit_lines(unit: ir.Unit, paragraph_layout: str = "inline", depth: int = 0,
                    pending_label: str = "") -> Iterator[UnitLine]:
    """Flatten a unit into printed lines in reading order.

    Inline layout (ZTP default): "§ 1. Text"; a paragraf that starts with ustęp 1 prints "§ 2. 1. Text".
    Heading layout (house style seen in Kętrzyn): "§ 1" centred on its own line, then the text.
    """
    label = unit.label
    if unit.kind == "paragraf" and paragraph_layout == "heading":
        yield UnitLine(unit.kind, depth, label.removesuffix("."), is_heading=True, address=unit.address)
        label = ""
    lead = f"{pending_label} {label}".strip() if pending_label else label
    children = list(unit.children)
    seen_subunit = False
    for index, child in enumerate(children):
        if index == 0 and isinstance(child, ir.Unit) and unit.kind == "paragraf" and child.kind == "ustep":
            # "§ 2. 1. Tekst" — the first ustęp starts on the paragraf's line.
            yield from iter_unit_lines(child, paragraph_layout, depth + 1, lead)
            lead = ""
            seen_subunit = True
            continue
        if isinstance(child, ir.Unit):
            if lead:  # a unit with no text of its own before its sub-units: print its label alone
                yield UnitLine(unit.kind, depth, lead, address=unit.address)
                lead = ""
            seen_subunit = True
            yield from iter_unit_lines(child, paragraph_layout, depth + 1)
        elif isinstance(child, ir.Paragraph):
            yield UnitLine(unit.kind, depth, lead, paragraph=child, is_closing=seen_subunit,
                           address=unit.address)
            lead = ""
        else:
            yield UnitLine(unit.kind, depth, lead, block=child, address=unit.address)
            lead = ""
    if lead:
        yield UnitLine(unit.kind, depth, lead, address=unit.address)


@dataclass(frozen=True, slots=True)
class TableGrid:
    """A table's header rows and body rows, every row padded with empty cells to ``columns`` cells."""

    header: list[list[ir.TableCell]]
    rows: list[list[ir.TableCell]]
    columns: int


def to_table_grid(table: ir.Table) -> TableGrid:
    """Pad the rows of ``table`` to its widest row (a short row gets empty cells at its end).

    A table without a single cell cannot be drawn in any format: RenderError.
    """
    columns = max((len(row) for row in [*table.header, *table.rows]), default=0)
    if columns == 0:
        caption = ir.inline_text(table.caption or [])
        raise RenderError("tabela nie ma żadnej komórki" + (f" („{caption}”)" if caption else ""),
                          hint="Tabela musi mieć co najmniej jeden wiersz nagłówka lub danych.")

    def pad(rows: list[list[ir.TableCell]]) -> list[list[ir.TableCell]]:
        return [[*row, *(ir.TableCell([]) for _ in range(columns - len(row)))] for row in rows]

    return TableGrid(pad(table.header), pad(table.rows), columns)


def part_footnotes(part: ir.Part) -> dict[str, ir.Footnote]:
    """The footnotes of ``part`` by number (the parser puts them after the part's other blocks)."""
    return {block.num: block for block in part.blocks if isinstance(block, ir.Footnote)}
