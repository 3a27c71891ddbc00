"""The unit tree of a resolution's IR and citation addresses, shared by the document rules.

Contract: :func:`unit_tree` links every legal unit of the resolution part to its citation address
("§ 2 ust. 1 pkt 3", tirets "tiret drugie") and to the field path of the data that printed it, read from the
unit's ``origin`` (``resolution.provisions[i]``; None for a template's text or hand-built IR); helpers never
raise on odd (imported, hand-built) IR. :func:`annex_of_this_act` tells whether "załącznik … do <words>" means the
resolution's own annex or another act's (PD027, PD033).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from paldocs import vocabulary
from paldocs.checks.engine import CheckContext, FieldPath
from paldocs.document import Block, Div, ListBlock, Paragraph, Part, Unit, inline_text, walk
from paldocs.vocabulary import tiret_ordinal as tiret_ordinal

# --- citation addresses and the unit tree (shared by the rules below) ---------------------------------------------

Chain = tuple[tuple[str, str], ...]


def unit_citation(chain: Sequence[tuple[str, str]]) -> str:
    """``[("paragraf", "2"), ("ustep", "1"), ("punkt", "3")]`` → "§ 2 ust. 1 pkt 3" (docs/domain.md § 2 "cited as");
    a tiret's number is its position among its sibling tirets: ``("tiret", "2")`` → "tiret drugie"."""
    return " ".join(f"{_citation(kind)} {tiret_ordinal(int(num)) if kind == 'tiret' and num.isdigit() else num}"
                    .strip() for kind, num in chain)


def citation_from_address(address: str) -> str:
    """A unit address from numbering → its citation: "par_2__ust_1__pkt_3" → "§ 2 ust. 1 pkt 3"."""
    parts = [component.partition("_") for component in address.split("__")]
    return unit_citation([(_kind_of_prefix(prefix), value) for prefix, _, value in parts])


def _citation(kind: str) -> str:
    """The citation abbreviation of a kind ("ustep" → "ust."); an unknown kind is cited by its own name."""
    try:
        return vocabulary.unit(kind).citation
    except KeyError:
        return kind


def _kind_of_prefix(prefix: str) -> str:
    info = vocabulary.unit_by_prefix(prefix)
    return prefix if info is None else info.kind


def plain(text: str) -> str:
    """Text as a reader compares it: every run of whitespace (NO-BREAK SPACE, line breaks) is one space."""
    return " ".join(text.split())


@dataclass(eq=False, slots=True)
class UnitNode:
    unit: Unit
    chain: Chain  # (kind, printed number) from the paragraf down; a tiret's number is its position
    where: FieldPath | None
    last: bool  # the last unit of its kind among its siblings
    children: list[UnitNode] = field(default_factory=list)

    @property
    def citation(self) -> str:
        return unit_citation(self.chain)

    @property
    def own_text(self) -> str | None:
        """The unit's own text (the introduction when sub-units follow); None when it starts with a sub-unit."""
        first = self.unit.children[0] if self.unit.children else None
        return plain(inline_text(first.children)) if isinstance(first, Paragraph) else None

    @property
    def text(self) -> str:
        """The first text printed in the unit (its own or its first sub-unit's)."""
        return next((plain(inline_text(node.children)) for node in walk(self.unit) if isinstance(node, Paragraph)), "")


def sub_units(blocks: Sequence[Block]) -> list[Unit]:
    """The units directly below, looking through Divs and list items as numbering does."""
    found: list[Unit] = []
    for block in blocks:
        if isinstance(block, Unit):
            found.append(block)
        elif isinstance(block, (Div, ListBlock)):
            inner = block.children if isinstance(block, Div) else [b for item in block.items for b in item.children]
            found += sub_units(inner)
    return found


# The obwieszczenie announcing a consolidated text (paldocs consolidate) is not a resolution: no paragrafy, enacting
# formula or closing clauses of its own; the rules over a resolution's text do not read it.
NOTICE_KIND = "tekst-jednolity"


def resolution_part(context: CheckContext) -> Part | None:
    if context.kind.key == NOTICE_KIND:
        return None
    parts = context.document.parts if context.document is not None else []
    return next((part for part in parts if part.kind == "resolution"), None)


def unit_tree(context: CheckContext, part: Part) -> list[UnitNode]:
    """The part's top-level units as nodes; each points at the data that printed it — the field path in its
    ``origin`` (a clerk's provision ``resolution.provisions[i]``, with all the sub-units written in it) — or
    at nothing (``where`` None) when a template wrote it."""
    return build_nodes(sub_units(part.blocks), ())


def build_nodes(units: list[Unit], chain: Chain) -> list[UnitNode]:
    last_index = {unit.kind: index for index, unit in enumerate(units)}
    nodes, tirets = [], 0
    for index, unit in enumerate(units):
        tirets += unit.kind == "tiret"
        num = str(tirets) if unit.kind == "tiret" else unit.num
        own = ((unit.kind, num),) if unit.kind == "paragraf" else (*chain, (unit.kind, num))
        where = unit.origin.path if unit.origin is not None and unit.origin.from_data else None
        nodes.append(UnitNode(unit, own, where, last_index[unit.kind] == index, build_nodes(sub_units(unit.children), own)))
    return nodes


def iter_nodes(nodes: UnitNode | list[UnitNode]) -> Iterator[UnitNode]:
    """Every node in reading order (depth-first)."""
    for node in [nodes] if isinstance(nodes, UnitNode) else nodes:
        yield node
        yield from iter_nodes(node.children)


def resolution_units(context: CheckContext) -> list[UnitNode] | None:
    """The resolution's unit tree; None when there is no resolution to check."""
    part = resolution_part(context)
    return None if part is None else unit_tree(context, part)


def paragrafy_of(roots: list[UnitNode]) -> list[UnitNode]:
    return [node for node in iter_nodes(roots) if node.unit.kind == "paragraf"]


def div_text(div: Div) -> str:
    return plain(" ".join(inline_text(node.children) for node in walk(div) if isinstance(node, Paragraph)))


def text_tail(text: str, size: int = 30) -> str:
    return text if len(text) <= size else "…" + text[-size:]


# --- PD020 enacting formula ----------------------------------------------------------------------------------------


# --- whose annex ---------------------------------------------------------------------------------------------------

# "do niniejszej uchwały", and "do uchwały" that names no act ("stanowiący załącznik do uchwały." — Uchwała Nr
# 107/XII/11 Rady Gminy Wysokie Mazowieckie; "który stanowi załącznik do uchwały ." — Uchwała Nr XIII/41/2016 Rady
# Gminy Rogowo) mean this resolution; an act named by number, date, organ or title ("do uchwały Nr X/1/2010",
# "do uchwały z dnia …", "do uchwały Rady …", "do uchwały budżetowej", "do uchwały w sprawie …") or any other kind of
# act ("do zarządzenia", "do rozporządzenia", "do ustawy") is another's.
_THIS_ACT = re.compile(r"niniejsz\w*\b|uchwały\b(?!\s*(?:nr\b|numer\b|\d|z\s+dnia\b|rady\b|sejmiku\b|"
                       r"zarządu\b|zgromadzenia\b|budżetow\w*\b|w\s+sprawie\b))", re.IGNORECASE)


def annex_of_this_act(after_do: str) -> bool:
    """``after_do``: the text after "załącznik … do " (from the word naming the act); True when it is this
    resolution's annex."""
    return _THIS_ACT.match(after_do) is not None
