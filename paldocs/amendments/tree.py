"""The unit tree of an act's data: every unit an amending resolution can name, with its wording as data Markdown.

Contract of :func:`act_tree` (root: kind "uchwala", the empty address; no I/O beyond the packaged templates):

- paragrafy: the resolution as a build prints it (composed and numbered by the project's own pipeline, so
  § 1 of the kind's template, the entries of ``resolution.provisions`` and the closing clauses get exactly the
  numbers printed); a paragraf from ``resolution.provisions[i]`` holds that entry's ustępy, punkty, litery and
  tirety (:mod:`paldocs.amendments.markdown_units`), one written by a template holds the text it prints;
- the annex (``zalacznik``, num "" when the act has one annex, else "1", "2" … in print order): the program's
  level-1 sections are ``rozdzial`` (num: the kept ``Section.num``, else the printed number of
  ``section_numbering``, else the position), level-2/3 sections are ``podrozdzial`` numbered by position in
  their chapter, a section's items are ``punkt`` (sub-items ``litera``, or ``tiret`` in a dash list), and the
  data rows of the first table of a section's content are ``wiersz``; further annexes (``annexes``) are
  ``zalacznik`` nodes holding their Markdown content;
- ``TreeNode.text`` is the unit's own wording without its label and sub-units; a section's is
  ``"## heading\\n\\ncontent"`` (one "#" more than its level); ``field`` is the data path it came from.

:func:`wording` is the whole wording of a unit as data Markdown — the form of ``Change.text`` — and
:mod:`paldocs.amendments.apply` reads it back into data. Table rows (``wiersz``) stay inside their section's text:
:func:`wording` does not print them twice.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field as dataclass_field
from functools import cache
from typing import Literal

from paldocs import vocabulary
from paldocs.amendments.address import UnitAddress, UnitKind
from paldocs.amendments.markdown_units import RawUnit, marker, split_provision
from paldocs.document import Paragraph, Unit, inline_text
from paldocs.model.program import Item, Program, Section
from paldocs.model.resolution import DataFile
from paldocs.polish.numerals import to_letter, to_roman
from paldocs.unit_numbers import plain_position, split_number

__all__ = ["ROOT", "TreeNode", "act_tree", "find", "section_heading_marker", "wording", "item_marker"]

TreeKind = UnitKind | Literal["uchwala"]


def _root_address() -> UnitAddress:
    address = object.__new__(UnitAddress)  # the whole act has no steps; UnitAddress refuses an empty path
    object.__setattr__(address, "steps", ())
    return address


ROOT: UnitAddress = _root_address()


@dataclass(frozen=True, slots=True)
class TreeNode:
    address: UnitAddress
    kind: TreeKind
    num: str
    text: str
    children: tuple[TreeNode, ...]
    closing: str = ""
    repealed: bool = False
    field: str = ""
    marker: str = dataclass_field(default="")  # how the unit opens in its parent's wording ("1.", "a)", "–")


def find(root: TreeNode, address: UnitAddress) -> TreeNode | None:
    """The unit at ``address`` (steps matched by kind and printed number), or None."""
    node = root
    for kind, num in address.steps:
        node = next((child for child in node.children if child.kind == kind and child.num == num), None)  # type: ignore[assignment]
        if node is None:
            return None
    return node


def wording(node: TreeNode) -> str:
    """The unit's whole wording as data Markdown without its own label: its text, its sub-units (each with its
    marker, indented under it), its closing part."""
    if node.repealed:
        return "(uchylony)"
    sections = [child for child in node.children if child.kind in ("rozdzial", "podrozdzial")]
    units = [child for child in node.children if is_sub_unit(child.kind)]
    # Inside a paragraf a unit's list follows its text on the next line ("obejmuje:\n1) …"); in an annex a
    # section's text and its list are two blocks. The closing part needs a blank line, or it would continue
    # the last sub-unit.
    text_gap = "\n\n" if node.kind in ("rozdzial", "podrozdzial", "zalacznik") else "\n"
    body = node.text
    if units:
        listed = "\n".join(marked_unit(child) for child in units)
        body = f"{body}{text_gap}{listed}" if body else listed
    blocks = [body] if body else []
    if node.closing:
        blocks.append(node.closing)
    blocks.extend(wording(child) for child in sections)
    return "\n\n".join(blocks)


def is_sub_unit(kind: str) -> bool:
    """A unit inside a paragraf or an item (ustęp, punkt, litera, tiret): it opens with a list marker."""
    return kind != "paragraf" and kind in vocabulary.UNIT_KINDS


def marked_unit(node: TreeNode) -> str:
    body = wording(node)
    indent = " " * (len(node.marker) + 1)
    lines = body.split("\n")
    return "\n".join([f"{node.marker} {lines[0]}", *(indent + line if line else "" for line in lines[1:])])


# --- the resolution ----------------------------------------------------------------------------------------

def act_tree(data: DataFile) -> TreeNode:
    """The whole act: its paragrafy, then its annexes (see the module contract)."""
    children = [*_paragrafy(data), *_annexes(data)]
    return TreeNode(ROOT, "uchwala", "", "", tuple(children))


@cache
def _context():  # type: ignore[no-untyped-def]
    from paldocs.api import make_context

    return make_context(None)


def _paragrafy(data: DataFile) -> list[TreeNode]:
    if data.document != "resolution":
        return []
    # the paragrafy do not depend on the program's sections: an amended annex needs no new composition
    key = data.model_dump_json(exclude={"program": {"sections"}})
    if key not in _COMPOSED:
        from paldocs.api import to_document

        document, _ = to_document(data, context=_context(), charts=False)
        if len(_COMPOSED) >= 64:
            _COMPOSED.pop(next(iter(_COMPOSED)))
        _COMPOSED[key] = tuple(_paragraf(block, data) for block in document.parts[0].blocks
                               if isinstance(block, Unit) and block.kind == "paragraf")
    return list(_COMPOSED[key])


_COMPOSED: dict[str, tuple[TreeNode, ...]] = {}  # the last compositions' paragrafy, by the data that make them


def _paragraf(unit: Unit, data: DataFile) -> TreeNode:
    address = UnitAddress((("paragraf", unit.num),))
    path = unit.origin.path if unit.origin is not None else ()
    if path[:2] == ("resolution", "provisions") and isinstance(path[2], int):
        provision = data.resolution.provisions[path[2]]
        where = f"resolution.provisions[{path[2]}]"
        if getattr(provision, "repealed", False):
            return TreeNode(address, "paragraf", unit.num, "", (), repealed=True, field=where)
        raw = split_provision(str(provision))
        if raw is not None:
            return _from_raw(raw, address, unit.num, where)
        return TreeNode(address, "paragraf", unit.num, str(provision), (), field=where)
    template = unit.origin.template if unit.origin is not None else None
    where = "resolution.closing" if template and "closing" in template else "resolution.adoption"
    return _from_ir(unit, address, where)


def _from_raw(raw: RawUnit, address: UnitAddress, num: str, where: str) -> TreeNode:
    try:
        children = tuple(_from_raw(child, address.child(child.kind, child.num), child.num, where)  # type: ignore[arg-type]
                         for child in raw.children)
    except ValueError:
        # a unit ZTP does not place here (published practice: a tiret right in an ustęp) cannot be cited: it stays
        # text of this unit, which can still be amended as a whole
        loose = _loose(raw, address)
        return TreeNode(address, raw.kind, num, wording(dataclasses.replace(loose, closing="")), (), raw.closing,
                        raw.repealed, where, marker(raw.kind, num) if raw.kind != "paragraf" else "")
    return TreeNode(address, raw.kind, num, raw.text, children, raw.closing, raw.repealed, where,  # type: ignore[arg-type]
                    marker(raw.kind, num) if raw.kind != "paragraf" else "")


def _loose(raw: RawUnit, address: UnitAddress) -> TreeNode:
    """``raw`` as a tree for its wording only (its sub-units share ``address``: they are never looked up)."""
    return TreeNode(address, raw.kind, raw.num, raw.text, tuple(_loose(child, address) for child in raw.children),  # type: ignore[arg-type]
                    raw.closing, raw.repealed, marker=marker(raw.kind, raw.num) if raw.kind != "paragraf" else "")


def _from_ir(unit: Unit, address: UnitAddress, where: str) -> TreeNode:
    """A unit a template wrote: its printed text (plain), its sub-units."""
    before: list[str] = []
    after: list[str] = []
    children: list[TreeNode] = []
    for block in unit.children:
        if isinstance(block, Unit):
            children.append(_from_ir(block, address.child(block.kind, block.num), where))  # type: ignore[arg-type]
        elif isinstance(block, Paragraph):
            # printed typography (a no-break space after "w", "z" …) is not part of the wording a clerk cites
            (after if children else before).append(inline_text(block.children).replace("\u00a0", " "))
    return TreeNode(address, unit.kind, unit.num, "\n\n".join(before), tuple(children), "\n\n".join(after),  # type: ignore[arg-type]
                    field=where, marker=marker(unit.kind, unit.num) if unit.kind != "paragraf" else "")


# --- the annexes -------------------------------------------------------------------------------------------

def _annexes(data: DataFile) -> list[TreeNode]:
    count = (data.program is not None) + len(data.annexes)
    nodes: list[TreeNode] = []
    position = 0
    if data.program is not None:
        position += 1
        nodes.append(program_node(data.program, "" if count == 1 else str(position)))
    for index, annex in enumerate(data.annexes):
        position += 1
        num = "" if count == 1 else str(position)
        nodes.append(TreeNode(UnitAddress((("zalacznik", num),)), "zalacznik", num, str(annex.content or ""), (),
                              field=f"annexes[{index}]"))
    return nodes


def section_number(program: Program, position: int, section: Section) -> str:
    """The number a level-1 section is cited by: the kept one, the printed one, else its position."""
    kept = getattr(section, "num", None)
    if kept:
        return str(kept)
    if program.section_numbering in ("roman", "chapter-roman"):
        return to_roman(position)
    return str(position)


def section_heading_marker(level: int) -> str:
    """"##" for a chapter, "###" and "####" below it: how a section's wording opens."""
    return "#" * (level + 1)


def program_node(program: Program, num: str) -> TreeNode:
    annex = UnitAddress((("zalacznik", num),))
    groups: list[list[tuple[int, Section]]] = []  # each chapter: its section and the subsections after it
    for index, section in enumerate(program.sections):
        if section.level == 1 or not groups:
            groups.append([(index, section)])
        else:
            groups[-1].append((index, section))
    chapters: list[TreeNode] = []
    plain = 0  # the count of chapters; a kept number goes on from its plain part ("IIa" → 2, as numbering.py)
    counter = "roman" if program.section_numbering in ("roman", "chapter-roman") else "decimal"
    for group in groups:
        kept = getattr(group[0][1], "num", None)
        parts = split_number(str(kept), counter) if kept else None  # type: ignore[arg-type]
        if kept is None or parts is None:
            plain += 1
        elif not parts[1]:
            plain = plain_position(parts[0], counter)  # type: ignore[arg-type]
        chapters.append(_chapter(program, annex, group, plain))
    return TreeNode(annex, "zalacznik", num, "", tuple(chapters), field="program")


def _chapter(program: Program, annex: UnitAddress, sections: list[tuple[int, Section]], position: int) -> TreeNode:
    index, section = sections[0]
    num = section_number(program, position, section)
    address = annex.child("rozdzial", num)
    subsections = tuple(_section(address.child("podrozdzial", str(offset)), "podrozdzial", str(offset), sub, where)
                        for offset, (where, sub) in enumerate(sections[1:], start=1))
    node = _section(address, "rozdzial", num, section, index)
    return TreeNode(node.address, node.kind, node.num, node.text, node.children + subsections, node.closing,
                    node.repealed, node.field)


def section_text(section: Section) -> str:
    """A section's own wording: "## heading" (one "#" more than its level) and its content."""
    blocks = []
    if section.heading:
        blocks.append(f"{section_heading_marker(section.level)} {section.heading}")
    if section.content:
        blocks.append(str(section.content))
    return "\n\n".join(blocks)


def _section(address: UnitAddress, kind: UnitKind, num: str, section: Section, index: int) -> TreeNode:
    where = f"program.sections[{index}]"
    if getattr(section, "repealed", False):
        return TreeNode(address, kind, num, "", (), repealed=True, field=where)
    items = _items(address, section.items, section.items_style, f"{where}.items", "punkt")
    rows = tuple(TreeNode(address.child("wiersz", str(position)), "wiersz", str(position), row, (),
                          field=f"{where}.content")
                 for position, row in enumerate(table_rows(str(section.content or "")), start=1))
    return TreeNode(address, kind, num, section_text(section), items + rows, str(section.closing or ""),
                    field=where)


def item_marker(style: str, num: str) -> str:
    """The data marker of an item in a list of ``style``: "1.", "1)", "a)", "-", "*"."""
    written = vocabulary.list_style(style).markdown or "{n}."  # type: ignore[arg-type]
    return written.replace("{n}", num).replace("{a}", num)


def _items(parent: UnitAddress, items: list[Item], style: str, where: str, kind: UnitKind) -> tuple[TreeNode, ...]:
    """Items as ``kind`` units: punkty of a section (cited "pkt 3" whatever their marker), litery of a punkt
    ("lit. a"), tirety of a litera (by position); their sub-items one level down."""
    nodes: list[TreeNode] = []
    plain = 0
    for index, item in enumerate(items):
        kept = getattr(item, "num", None)
        if kept:
            # a kept number prints as given; the count goes on from its plain part ("5" → 6, "2a" → 3)
            num = str(kept)
            parts = split_number(num, "letter" if kind == "litera" else "decimal")
            if parts is not None and not parts[1]:
                plain = plain_position(parts[0], "letter" if kind == "litera" else "decimal")
        else:
            plain += 1
            num = to_letter(plain) if kind == "litera" else str(plain)
        address = parent.child(kind, num)
        place = f"{where}[{index}]"
        if getattr(item, "repealed", False):
            nodes.append(TreeNode(address, kind, num, "", (), repealed=True, field=place,
                                  marker=item_marker(style, num)))
            continue
        below = _below(kind)
        children = _items(address, item.items, item.items_style, f"{place}.items", below) if below else ()
        text = str(item.text) if below or not item.items else _folded(item)  # below a tiret: no more units
        nodes.append(TreeNode(address, kind, num, text, children, field=place,
                              marker=item_marker(style, num)))
    return tuple(nodes)


def _folded(item: Item) -> str:
    lines = [str(item.text)]
    for position, sub in enumerate(item.items, start=1):
        mark = item_marker(item.items_style, to_letter(position) if item.items_style == "alpha-paren" else str(position))
        lines.append(f"{mark} " + _folded(sub).replace("\n", "\n" + " " * (len(mark) + 1)))
    return "\n".join(lines)


def _below(kind: UnitKind) -> UnitKind | None:
    """What an item's sub-items are: the next unit kind in rank (§ 56–57 ZTP: punkt → litera → tiret)."""
    if kind not in vocabulary.UNIT_KINDS or kind == "tiret":
        return None
    return vocabulary.UNIT_KINDS[vocabulary.UNIT_KINDS.index(kind) + 1]  # type: ignore[return-value]

_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def table_rows(content: str) -> list[str]:
    """The data rows (after the header and the delimiter row) of the first pipe table in ``content``."""
    lines = content.split("\n")
    return [lines[index] for index in table_row_lines(content)]


def table_row_lines(content: str) -> list[int]:
    """The line indexes of :func:`table_rows` in ``content``."""
    lines = content.split("\n")
    for start, line in enumerate(lines[:-1]):
        if _TABLE_ROW.match(line) and _DELIMITER_ROW.match(lines[start + 1]):
            found: list[int] = []
            for index in range(start + 2, len(lines)):
                if not lines[index].strip() or "|" not in lines[index]:
                    break
                found.append(index)
            return found
    return []
