"""Pairing the units of two printed versions of an act: which units changed, and their wording before and after.

Contract: :func:`compared_units` takes the two versions as IR documents (both data files composed, numbered) and
yields a :class:`ComparedUnit` for every unit whose wording differs, in reading order: the smallest unit holding
the change — a paragraf, ustęp, punkt, litera or tiret of the resolution; a chapter (rozdział: a level-1
section) of an annex, or one item (pkt) of a chapter's list when only list items changed. Units are aligned by
their wording without their numbers (difflib), not by their numbers, so that a unit added in the middle does not
make every later one "changed"; a unit only the new version has has no old wording (``old`` None), one that is
gone has no new wording (``new`` None). The wording is the unit's printed lines as the text version prints
them (labels included: "§ 2. 1. …", "3) …"; indentation dropped). Citations follow the printed numbers
("§ 2 ust. 1 pkt 3", "§ 4 ust. 2 lit. a tiret drugie", "załącznik rozdział II pkt 3", "załącznik nr 2 rozdział
3"); a unit only the new version has is cited by its new number.
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
    if lines and unit.label and lines[0].startswith(unit.label):
        lines = (lines[0].removeprefix(unit.label).lstrip(), *lines[1:])
    return _key(lines)


def _paragrafy(document: ir.Document) -> list[ir.Unit]:
    return [block for part in document.parts if part.kind == "resolution" for block in part.blocks
            if isinstance(block, ir.Unit)]


def _annexes(document: ir.Document) -> list[ir.Part]:
    return [part for part in document.parts if part.kind == "annex"]


@dataclass(frozen=True, slots=True)
class _Chapter:
    """A level-1 section of an annex (its heading and the blocks up to the next one); the blocks before the
    first heading (annex header, program title) are the chapter without a heading."""

    heading: ir.Heading | None
    blocks: tuple[ir.Block, ...]
    position: int

    def citation(self, annex: str) -> str:
        if self.heading is None:
            return annex
        return f"{annex} rozdział {self.heading.num or self.position}"

    def key(self) -> str:
        """What the chapter says, without its number (a chapter added before it renumbers it)."""
        heading = ir.inline_text(self.heading.children) if self.heading else ""
        return _key((heading, *(line for block in self.blocks[1 if self.heading else 0:] for line in _lines(block))))


def _chapters(part: ir.Part) -> list[_Chapter]:
    chapters: list[_Chapter] = []
    heading: ir.Heading | None = None
    blocks: list[ir.Block] = []
    for block in part.blocks:
        if isinstance(block, ir.Heading) and block.level == 1:
            if heading is not None or blocks:
                chapters.append(_Chapter(heading, tuple(blocks), len(chapters)))
            heading, blocks = block, [block]
        elif not isinstance(block, ir.Footnote):
            blocks.append(block)
    if heading is not None or blocks:
        chapters.append(_Chapter(heading, tuple(blocks), len(chapters)))
    return chapters


def _item_lines(item: ir.ListItem) -> tuple[str, ...]:
    return _lines(item)  # type: ignore[arg-type]  (a list item prints through the same writer)


def _compare_chapters(old: _Chapter | None, new: _Chapter | None, annex: str) -> Iterator[ComparedUnit]:
    sample = old if old is not None else new
    assert sample is not None
    citation = sample.citation(annex)
    if old is not None and new is not None:
        changed = list(_aligned(old.blocks, new.blocks, lambda b: _key(_lines(b))))
        if all(isinstance(o, ir.ListBlock) and isinstance(n, ir.ListBlock) for o, n in changed):
            for old_list, new_list in changed:  # only the items of lists changed: one row per item
                assert isinstance(old_list, ir.ListBlock) and isinstance(new_list, ir.ListBlock)
                for old_item, new_item in _aligned(old_list.items, new_list.items,
                                                   lambda i: _key(_item_lines(i)).removeprefix(i.label)):
                    item = old_item if old_item is not None else new_item
                    assert item is not None
                    number = item.label.rstrip(").") or str(1 + (old_list.items if old_item else new_list.items)
                                                             .index(item))
                    yield ComparedUnit(f"{citation} pkt {number}",
                                       _item_lines(old_item) if old_item else None,
                                       _item_lines(new_item) if new_item else None)
            return
    lines = lambda chapter: tuple(line for b in chapter.blocks for line in _lines(b))  # noqa: E731
    yield ComparedUnit(citation, lines(old) if old else None, lines(new) if new else None)


def compared_units(old: ir.Document, new: ir.Document) -> Iterator[ComparedUnit]:
    """Every unit whose wording differs between the two printed versions, in reading order (module doc)."""
    for old_par, new_par in _aligned(_paragrafy(old), _paragrafy(new), _body):
        yield from _compare_units(old_par, new_par, "")
    old_annexes, new_annexes = _annexes(old), _annexes(new)
    several = max(len(old_annexes), len(new_annexes)) > 1
    for index in range(max(len(old_annexes), len(new_annexes))):
        annex = f"załącznik nr {index + 1}" if several else "załącznik"
        old_chapters = _chapters(old_annexes[index]) if index < len(old_annexes) else []
        new_chapters = _chapters(new_annexes[index]) if index < len(new_annexes) else []
        for pair in _aligned(old_chapters, new_chapters, _Chapter.key):
            yield from _compare_chapters(*pair, annex)
