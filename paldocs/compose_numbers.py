"""How compose writes the numbers units keep from the data, in the paldocs dialect (pure; no Jinja here).

Contract: :func:`paragraf_sign` is the line that opens a provision — "§" (numbered by its place) or "§{4a}" for a
provision given as ``{num: "4a", …}`` (:class:`~paldocs.model.resolution.ProvisionText`); :func:`heading_number`
is "{3a} " before the heading of a programme section with ``num``, else ""; :func:`list_markers` are the Markdown
markers of a list's items: an item's ``num`` as typed ("2a.", "ba)"), the others by their place, counted on from
the last plain number ("2.", "2a.", "3."). The parser reads all three back (:mod:`paldocs.markup.kept_numbers`,
:mod:`paldocs.markup.rules`), and :mod:`paldocs.numbering` keeps the numbers.
"""

from __future__ import annotations

from typing import cast

from paldocs import vocabulary
from paldocs.model.program import Item, Section
from paldocs.unit_numbers import NumberCounter, plain_position, split_number

__all__ = ["heading_number", "list_markers", "paragraf_sign"]


def paragraf_sign(provision: str) -> str:
    num = getattr(provision, "num", None)
    return f"§{{{num}}}" if num else "§"


def heading_number(section: Section) -> str:
    return f"{{{section.num}}} " if section.num else ""


def list_markers(items: list[Item], style: str) -> list[str]:
    info = vocabulary.list_style(style)
    markers: list[str] = []
    position = 0
    for item in items:
        parts = split_number(item.num, cast(NumberCounter, info.counter)) if item.num and info.ordered else None
        if parts is None:
            position += 1
            markers.append(info.markdown_marker(position))
            continue
        plain, suffix = parts
        position = position if suffix else plain_position(plain, cast(NumberCounter, info.counter))
        markers.append((info.markdown or "").format(n=item.num, a=item.num))
    return markers
