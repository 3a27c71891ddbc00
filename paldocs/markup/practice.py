"""Units a clerk's paragraf puts where only published practice puts them, not ZTP.

Contract: :func:`practice_nestings` parses one paragraf's Markdown (a ``resolution.provisions`` entry, written
without "§") with the legal dialect of :mod:`paldocs.markup` and returns a :class:`PracticeNesting` for every
list of sub-units standing directly in a unit that ZTP does not let hold them, but that published resolutions
do and ``paldocs/legal/units.yaml`` records (``practice_children``: tirets directly in an ustęp, as Uchwała Nr
XI/60/2004 Rady Gminy Bobrowniki writes § 1 ust. 1). paldocs prints such units as written; ``paldocs check``
reports them (PD057). Nestings that neither ZTP nor practice allows are the parser's errors, not listed here.
Text that does not parse yields nothing (the build reports it). Pure: no I/O, nothing printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from paldocs.markup.parser import list_unit_kind, provision_tokens
from paldocs.vocabulary import PracticeChild, unit

__all__ = ["PracticeNesting", "practice_nestings"]


@dataclass(frozen=True, slots=True)
class PracticeNesting:
    line: int  # 1-based line of the paragraf's text where the first such sub-unit starts
    parent: str  # the unit kind holding them: "ustep"
    chain: tuple[tuple[str, int], ...]  # the holding unit's place below the paragraf: (("ustep", 1),)
    practice: PracticeChild  # the kind, what ZTP requires instead and the resolution seen doing it


def practice_nestings(provision: str) -> list[PracticeNesting]:
    """The practice nestings of one paragraf's text (see the module docstring)."""
    tokens = provision_tokens(provision)
    if tokens is None:
        return []
    found: list[PracticeNesting] = []
    kinds: list[str] = []  # the unit kind of each open list of sub-units, outermost first
    items: list[int] = []  # how many items each of those lists has opened so far
    for token in tokens:
        if token.type.endswith("_list_open"):
            kind = list_unit_kind(token)
            parent = kinds[-1] if kinds else "paragraf"
            practice = unit(parent).practice_child(kind)
            if practice is not None:
                # line 0 is the "§" written before the text, so the 0-based line is the text's 1-based line
                found.append(PracticeNesting(token.map[0] if token.map else 1, parent, tuple(zip(kinds, items)),
                                             practice))
            kinds.append(kind)
            items.append(0)
        elif token.type.endswith("_list_close"):
            kinds.pop()
            items.pop()
        elif token.type == "list_item_open" and items:
            items[-1] += 1
    return found
