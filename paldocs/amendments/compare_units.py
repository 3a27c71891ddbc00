"""Pairing the units of two printed versions of an act: which units changed, and their wording before and after.

Contract: :func:`compared_units` takes the two versions as IR documents (both data files composed and numbered)
and yields a :class:`ComparedUnit` for every unit whose wording differs, in reading order — the smallest unit
holding the change:
- in the resolution: a paragraf, ustęp, punkt, litera or tiret (a unit whose own text changed is compared whole,
  with its sub-units; one whose own text did not is looked into);
- in an annex: a chapter (rozdział: a level-1 section, by its printed number or else its position), a
  podrozdział (level 2 or 3, by its position in its parent) or one list item (pkt) of a section when only list
  items changed — then a changed title is a row of its own; any other change compares the section's title and
  its own blocks (not its subsections, compared on their own). The annex header and the table of contents are
  printed from other data and never compared.
Units are aligned by their wording without their numbers (difflib), so that a unit added in the middle does not
make every later one "changed"; a unit only the new version has has no old wording (``old`` None), one that is
gone has no new wording (``new`` None). The wording is the unit's printed lines as the text version prints them
(labels included: "§ 2. 1. …", "3) …"; indentation dropped). Citations follow the printed numbers ("§ 2 ust. 1
pkt 3", "§ 1 tiret drugie", "załącznik rozdział II pkt 3", "załącznik nr 2 rozdział 3 podrozdział 1"); a unit
only the new version has is cited by its new number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TypeVar

from paldocs import document as ir
from paldocs import vocabulary
from paldocs.writers.text import TextWriter

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ComparedUnit:
    """One changed unit: its citation ("§ 2 ust. 1", "załącznik rozdział II pkt 3") and its printed lines
    before and after (``None``: the unit is new / is gone)."""

    unit: str
    old: tuple[str, ...] | None
    new: tuple[str, ...] | None


def _lines(block: ir.Block) -> tuple[str, ...]:
    """The printed lines of a block, as the text version prints them (labels included, indentation not)."""
    lines = TextWriter(ir.Meta(title="")).visit(block)
    return tuple(line.strip() for line in lines if line.strip())


def _key(lines: tuple[str, ...]) -> str:
    return "\n".join(lines)


def _aligned(old: Sequence[T], new: Sequence[T], key: Callable[[T], str]) -> Iterator[tuple[T | None, T | None]]:
    """The pairs of ``old`` and ``new`` that differ: items with the same wording are matched (and skipped)
    whatever their positions; between matches, the changed items pair up in order, the rest stand alone."""
    matcher = SequenceMatcher(None, [key(x) for x in old], [key(x) for x in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = old[i1:i2], new[j1:j2]
        for k in range(max(len(olds), len(news))):
            yield (olds[k] if k < len(olds) else None, news[k] if k < len(news) else None)


def _unit_citation(unit: ir.Unit, parent: str) -> str:
    info = vocabulary.unit(unit.kind)
    tiret = unit.kind == "tiret"
    number = vocabulary.tiret_ordinal(int(unit.address.rsplit("_", 1)[-1])) if tiret else unit.num
    own = f"{info.citation} {number}"
    return f"{parent} {own}".strip()


def _own_lines(unit: ir.Unit) -> tuple[str, ...]:
    """The unit's wording without its sub-units (its introduction and closing part)."""
    return tuple(line for child in unit.children if not isinstance(child, ir.Unit) for line in _lines(child))


def _compare_units(old: ir.Unit | None, new: ir.Unit | None, parent: str) -> Iterator[ComparedUnit]:
    sample = old if old is not None else new
    assert sample is not None
    citation = _unit_citation(sample, parent)
    if old is None or new is None:
        yield ComparedUnit(citation, _lines(old) if old else None, _lines(new) if new else None)
        return
    old_subs = [c for c in old.children if isinstance(c, ir.Unit)]
    new_subs = [c for c in new.children if isinstance(c, ir.Unit)]
    if old_subs and new_subs and _own_lines(old) == _own_lines(new) and old.kind == new.kind:
        for pair in _aligned(old_subs, new_subs, _body):
            yield from _compare_units(*pair, citation)
        return
    yield ComparedUnit(citation, _lines(old), _lines(new))


def _body(unit: ir.Unit) -> str:
    """A unit's wording without its own number: moved units still match by what they say."""
    lines = _lines(unit)
    if lines and unit.label and lines[0] == unit.label.removesuffix("."):  # "§ 1" on its own line (heading layout)
        lines = lines[1:]
    elif lines and unit.label and lines[0].startswith(unit.label):
        lines = (lines[0].removeprefix(unit.label).lstrip(), *lines[1:])
    return _key(lines)


def _paragrafy(document: ir.Document) -> list[ir.Unit]:
    return [block for part in document.parts if part.kind == "resolution" for block in part.blocks
            if isinstance(block, ir.Unit)]


def _annexes(document: ir.Document) -> list[ir.Part]:
    return [part for part in document.parts if part.kind == "annex"]


@dataclass(frozen=True, slots=True)
class _Section:
    """A section of an annex: its heading, its own blocks (up to its first subsection) and its subsections (the
    headings one level down); the blocks before an annex's first chapter (header, program title) are the
    annex's own blocks."""

    heading: ir.Heading | None
    blocks: tuple[ir.Block, ...]
    subsections: tuple[_Section, ...]
    citation: str

    def own_lines(self) -> tuple[str, ...]:
        return tuple(line for block in (*([self.heading] if self.heading else []), *self.blocks)
                     for line in _lines(block))

    def all_lines(self) -> tuple[str, ...]:
        return (*self.own_lines(), *(line for sub in self.subsections for line in sub.all_lines()))

    def key(self) -> str:
        """What the section says, without its number (a chapter added before it renumbers it)."""
        heading = ir.inline_text(self.heading.children) if self.heading else ""
        rest = (line for block in self.blocks for line in _lines(block))
        return _key((heading, *rest, *(sub.key() for sub in self.subsections)))


# Blocks an annex prints from other data, never amended as such: the annex header repeats the resolution's number
# and date, the table of contents repeats the headings (a changed heading is compared where it stands).
_DERIVED_ROLES = frozenset({"annex-header", "toc"})


def _sections(blocks: Sequence[ir.Block], level: int, parent: str) -> tuple[tuple[ir.Block, ...], tuple[_Section, ...]]:
    """``blocks`` split at the headings of ``level``: the blocks before the first one, and the sections."""
    own: list[ir.Block] = []
    groups: list[tuple[ir.Heading, list[ir.Block]]] = []
    for block in blocks:
        if isinstance(block, ir.Footnote) or (isinstance(block, ir.Div) and block.role in _DERIVED_ROLES):
            continue
        if isinstance(block, ir.Heading) and block.level == level:
            groups.append((block, []))
        elif groups:
            groups[-1][1].append(block)
        else:
            own.append(block)
    sections: list[_Section] = []
    for position, (heading, content) in enumerate(groups, start=1):
        citation = (f"{parent} rozdział {heading.num or position}" if level == 1
                    else f"{parent} podrozdział {position}")
        inner, subsections = _sections(content, level + 1, citation) if level < 3 else (tuple(content), ())
        sections.append(_Section(heading, inner, subsections, citation))
    return tuple(own), tuple(sections)


def _item_lines(item: ir.ListItem) -> tuple[str, ...]:
    return _lines(item)  # type: ignore[arg-type]  (a list item prints through the same writer)


def _compare_sections(old: _Section | None, new: _Section | None) -> Iterator[ComparedUnit]:
    if old is None or new is None:
        sample = old if old is not None else new
        assert sample is not None
        yield ComparedUnit(sample.citation, old.all_lines() if old else None, new.all_lines() if new else None)
        return
    yield from _compare_contents(old, new)


def _compare_contents(old: _Section, new: _Section) -> Iterator[ComparedUnit]:
    """A section's own wording, then its subsections. When only list items changed, one row per item (and a row
    with the title alone when the title changed too); any other change: one row with the title and own blocks."""
    changed = list(_aligned(old.blocks, new.blocks, lambda b: _key(_lines(b))))
    old_title, new_title = (_lines(section.heading) if section.heading else () for section in (old, new))
    only_items = all(isinstance(o, ir.ListBlock) and isinstance(n, ir.ListBlock) for o, n in changed)
    if not only_items:
        yield ComparedUnit(old.citation, old.own_lines(), new.own_lines())
    elif _key(old_title) != _key(new_title):
        yield ComparedUnit(old.citation, old_title, new_title)
    for old_list, new_list in changed if only_items else ():
        assert isinstance(old_list, ir.ListBlock) and isinstance(new_list, ir.ListBlock)
        for old_item, new_item in _aligned(old_list.items, new_list.items,
                                           lambda i: _key(_item_lines(i)).removeprefix(i.label)):
            items, item = (old_list.items, old_item) if old_item is not None else (new_list.items, new_item)
            assert item is not None
            number = item.label.rstrip(").") if item.label[:1].isalnum() else str(items.index(item) + 1)
            yield ComparedUnit(f"{old.citation} pkt {number}", _item_lines(old_item) if old_item else None,
                               _item_lines(new_item) if new_item else None)
    for pair in _aligned(old.subsections, new.subsections, _Section.key):
        yield from _compare_sections(*pair)


def compared_units(old: ir.Document, new: ir.Document) -> Iterator[ComparedUnit]:
    """Every unit whose wording differs between the two printed versions, in reading order (module doc)."""
    for old_par, new_par in _aligned(_paragrafy(old), _paragrafy(new), _body):
        yield from _compare_units(old_par, new_par, "")
    old_annexes, new_annexes = _annexes(old), _annexes(new)
    several = max(len(old_annexes), len(new_annexes)) > 1
    for index in range(max(len(old_annexes), len(new_annexes))):
        annex = f"załącznik nr {index + 1}" if several else "załącznik"
        old_annex, new_annex = (_annex(parts, index, annex) for parts in (old_annexes, new_annexes))
        if old_annex is None or new_annex is None:
            yield from _compare_sections(old_annex, new_annex)
        elif old_annex.key() != new_annex.key():
            yield from _compare_contents(old_annex, new_annex)


def _annex(parts: list[ir.Part], index: int, citation: str) -> _Section | None:
    if index >= len(parts):
        return None
    own, chapters = _sections(parts[index].blocks, 1, citation)
    return _Section(None, own, chapters, citation)
