"""Machine numbering of a part: unit numbers and addresses, list labels, section heading numbers.

Contract of :func:`number_part` (in place, returns the part; idempotent — everything is recomputed):

- paragrafy get 1…n through the whole part in reading order (wherever they stand);
- below a unit, each kind counts from 1 among its siblings: ustępy and punkty "1", "2", …; litery "a", "b",
  … "z", "za", "zb" … (:func:`paldocs.polish.numerals.to_letter`, § 56–57 ZTP); tirets stay unnumbered ("");
  units outside any paragraf count per part, so hand-built IR is numbered too;
- every unit gets an ``address``: ``par_2``, ``par_2__ust_1``, ``par_2__ust_1__pkt_3``, ``…__lit_a``,
  ``…__tir_2`` (a tiret by its position among its sibling tirets); addresses are unique within the part;
- list items get their printed label from the list style and ``ListBlock.start``: "1.", "1)", "a)", "I.",
  "–", "•";
- a number kept from the data (``fixed_num`` of a unit, list item or level-1 heading: "4a", "ba", "IIIa", or a
  plain "5" given for a paragraf) is kept as it is — amending acts never renumber (:mod:`paldocs.unit_numbers`);
  its address uses it (``par_4a``, ``…__pkt_2a``); the siblings after it continue from the last plain number
  ("2", "2a", then "3"; after a kept plain "5" comes "6");
- when ``part.heading_numbering`` is set, the part's top-level (not in a Div) level-1 headings get ``num``
  "I", "II", … (roman-dot, chapter-roman) or "1", "2", … (decimal-dot, chapter-decimal) and that
  ``num_style``; without it, an annex's level-1 heading typed as "Rozdział 1. Tytuł" (or "Rozdział 1." followed by
  a heading with the title) becomes a chapter heading with the typed number.

One pass over the tree, linear in its size.
"""

from __future__ import annotations

import re
from typing import cast

from paldocs import vocabulary
from paldocs.document import Block, Div, Heading, ListBlock, ListStyle, Origin, Part, Text, Unit, UnitKind
from paldocs.errors import MarkupError
from paldocs.unit_numbers import NumberCounter, plain_position, split_number
from paldocs.vocabulary import Counter, write_counter

__all__ = ["format_list_label", "number_part", "unit_address_part"]


def format_list_label(style: ListStyle, n: int) -> str:
    """The printed marker of the ``n``-th item (1-based value, start already applied) of a list."""
    return vocabulary.list_style(style).format_label(n)


def unit_address_part(kind: UnitKind, position: int) -> str:
    """One component of a unit address: ``("punkt", 3)`` → ``"pkt_3"``, ``("litera", 28)`` → ``"lit_zb"``."""
    info = vocabulary.unit(kind)
    # A tiret has no number of its own; its address names its position among its sibling tirets.
    value = write_counter("decimal" if info.counter == "none" else info.counter, position)
    return f"{info.address_prefix}_{value}"


def number_part(part: Part) -> Part:
    """Number ``part`` in place (see the module docstring) and return it."""
    numberer = _Numberer()
    numberer.blocks(part.blocks, parent_address="", counts={})
    if part.heading_numbering is not None:
        _number_headings(part)
    elif part.kind == "annex":
        _typed_chapters(part)
    return part


_CHAPTER_COUNTERS: dict[str, Counter] = {"chapter-decimal": "decimal", "chapter-roman": "roman"}
# "Rozdział 1.", "Rozdział IV" typed at the start of a heading (an annex's Markdown): the chapter's own number.
_TYPED_CHAPTER = re.compile(r"^Rozdział\s+(\d+|[IVXLCDM]+)\.?(?:\s+|$)")


def _number_headings(part: Part) -> None:
    style = part.heading_numbering
    assert style is not None
    counter = _CHAPTER_COUNTERS.get(style) or vocabulary.list_style(style).counter
    n = 0
    for block in part.blocks:
        if isinstance(block, Heading) and block.level == 1:
            if block.fixed_num is not None:  # a chapter number kept from the data ("3a" after "3")
                n = _continue(block.fixed_num, counter, n, block.origin)
                block.num, block.num_style = block.fixed_num, style
                continue
            if style in _CHAPTER_COUNTERS and block.children and isinstance(block.children[0], Text) \
                    and _TYPED_CHAPTER.match(block.children[0].text):
                raise MarkupError("Numery rozdziałów nadaje paldocs (section_numbering) — usuń „Rozdział …” z tytułu "
                                  "albo usuń section_numbering.",
                                  block.origin.location() if block.origin is not None else None)
            n += 1
            block.num = write_counter(counter, n)
            block.num_style = style


def _typed_chapters(part: Part) -> None:
    """Level-1 headings that start with "Rozdział 1." keep that number as a chapter label (the text after it is
    the title); a heading that is only "Rozdział 1." takes the next level-1 heading as its title."""
    blocks = part.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if not (isinstance(block, Heading) and block.level == 1 and block.num is None and block.children
                and isinstance(block.children[0], Text) and (match := _TYPED_CHAPTER.match(block.children[0].text))):
            continue
        block.num = match[1]
        block.num_style = "chapter-decimal" if match[1].isdigit() else "chapter-roman"
        rest = block.children[0].text[match.end():]
        block.children = ([Text(rest)] if rest else []) + block.children[1:]
        following = blocks[index] if index < len(blocks) else None
        if not block.children and isinstance(following, Heading) and following.level == 1 and following.num is None \
                and not (following.children and isinstance(following.children[0], Text)
                         and _TYPED_CHAPTER.match(following.children[0].text)):
            block.children = following.children
            del blocks[index]


class _Numberer:
    def __init__(self) -> None:
        self.paragrafy = 0
        self.addresses: set[str] = set()

    def blocks(self, blocks: list[Block], parent_address: str, counts: dict[UnitKind, int]) -> None:
        """Number ``blocks``; ``counts`` are the per-kind sibling counters of the enclosing unit (or part)."""
        for block in blocks:
            if isinstance(block, Unit):
                self.unit(block, parent_address, counts)
            elif isinstance(block, ListBlock):
                self.list_block(block, parent_address, counts)
            elif isinstance(block, Div):
                # Divs and list items are layout, not units: what they hold counts with the enclosing unit.
                self.blocks(block.children, parent_address, counts)

    def unit(self, unit: Unit, parent_address: str, counts: dict[UnitKind, int]) -> None:
        kind = unit.kind
        info = vocabulary.unit(kind)
        previous = self.paragrafy if kind == "paragraf" else counts.get(kind, 0)
        if unit.fixed_num is not None and info.counter != "none":
            # a number kept from the data: printed as given, the count goes on from its plain part
            position = _continue(unit.fixed_num, info.counter, previous, unit.origin)
            unit.num, component = unit.fixed_num, f"{info.address_prefix}_{unit.fixed_num}"
        else:
            position = previous + 1
            unit.num, component = info.value(position), unit_address_part(kind, position)
        if kind == "paragraf":
            self.paragrafy = position
            parent_address = ""  # a paragraf's address never depends on where it stands
        else:
            counts[kind] = position
        unit.address = f"{parent_address}__{component}" if parent_address else component
        if unit.address in self.addresses:
            # Cannot happen for IR built by paldocs.markup; guards hand-built trees against broken anchors.
            # Only a kept number can repeat one counted before it ("§ 3" twice); hand-built trees are guarded too.
            raise MarkupError(f"Numer {info.citation} {unit.num} występuje dwa razy — numery zachowane z danych "
                              "muszą następować po sobie (jednostka dodana później ma numer poprzedniej z literą, "
                              "np. „4a”).", unit.origin.location() if unit.origin is not None else None)
        self.addresses.add(unit.address)
        self.blocks(unit.children, unit.address, {})

    def list_block(self, block: ListBlock, parent_address: str, counts: dict[UnitKind, int]) -> None:
        style = vocabulary.list_style(block.style)
        n = block.start - 1
        for item in block.items:
            if item.fixed_num is not None and style.counter not in ("none", "roman"):
                n = _continue(item.fixed_num, style.counter, n, item.origin)
                item.label = style.label.format(n=item.fixed_num)
            else:
                n += 1
                item.label = style.format_label(n)
            self.blocks(item.children, parent_address, counts)


def _continue(num: str, counter: Counter, previous: int, origin: Origin | None) -> int:
    """The count after a kept number: its plain position ("5" → 5), or ``previous`` for a suffixed one ("2a")."""
    parts = split_number(num, cast(NumberCounter, counter))
    if parts is None:
        shape = {"decimal": "liczba", "letter": "litera", "roman": "liczba rzymska"}[counter]
        raise MarkupError(f"Numer „{num}” nie pasuje do numeracji — tu numerem jest {shape} (z literą, gdy "
                          "jednostkę dodano później).", origin.location() if origin is not None else None)
    plain, suffix = parts
    return previous if suffix else plain_position(plain, cast(NumberCounter, counter))
