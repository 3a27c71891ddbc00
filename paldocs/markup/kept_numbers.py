"""Numbers a unit keeps, as the paldocs dialect writes them: read while Markdown becomes IR (pure helpers).

Contract: :func:`added_number` gives the ``fixed_num`` of a list item whose typed marker has a letter suffix
("2a." / "2a)" after "2", "ba)" after "b": a unit an amending act added, :mod:`paldocs.unit_numbers`), else None —
a plain marker is numbered by its place. :func:`kept_heading_number` reads "{3a} " opening a level-1 heading (how
compose writes the chapter number a programme section keeps) into ``Heading.fixed_num`` and drops it from the
heading's text. ``§{4a}`` (a paragraf that keeps its number) is read by :mod:`paldocs.markup.rules`.
"""

from __future__ import annotations

import re

from paldocs.document import Heading, Text
from paldocs.unit_numbers import split_number

__all__ = ["added_number", "kept_heading_number"]

# "{3a} " or "{IVa} " at the start of a level-1 heading's Markdown (unescaped: a clerk's "{" is escaped by compose).
_KEPT_HEADING_NUMBER = re.compile(r"\{([0-9]{1,9}[a-z]{0,4}|[IVXLCDM]{1,12}[a-z]{0,4})\}[ \t]+")


def added_number(list_type: str, typed: str) -> str | None:
    """The typed number of an item of a list opened by ``list_type`` when it has a letter suffix, else None."""
    if list_type == "bullet_list_open":
        return None
    parts = split_number(typed, "letter" if list_type == "alpha_list_open" else "decimal")
    return typed if parts is not None and parts[1] else None


def kept_heading_number(heading: Heading, markdown: str) -> Heading:
    """``heading`` with ``fixed_num`` set and "{3a}" removed from its text when its Markdown opens with it."""
    kept = _KEPT_HEADING_NUMBER.match(markdown) if heading.level == 1 else None
    first = heading.children[0] if heading.children else None
    marker = kept[0].rstrip() if kept else ""
    if kept and isinstance(first, Text) and first.text.startswith(marker):
        heading.fixed_num = kept[1]
        rest = first.text[len(marker):].lstrip()
        heading.children = ([Text(rest)] if rest else []) + heading.children[1:]
    return heading
