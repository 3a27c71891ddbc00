"""Edits of a program held as plain data (the dict of ``DataFile.program``): what an amending point does to the annex.

Contract: each function takes the program dict and the :class:`~paldocs.amendments.tree.TreeNode` of the unit (whose
``field`` is its data path, e.g. ``program.sections[3].items[2]``) and changes the dict in place:

- :func:`reword` — the unit "otrzymuje brzmienie": a chapter (with its subsections), a subsection, an item (with
  its sub-items) or a table row takes the new wording, read from the data Markdown of
  :func:`paldocs.amendments.tree.wording` (headings "##"/"###", the last list of a section is its items);
- :func:`insert` — "dodaje się … w brzmieniu": the new unit after the one named (or first in its parent);
- :func:`repeal` — "uchyla się": the unit keeps its place and number and prints "(uchylony)" (``Section.repealed``,
  ``Item.repealed``); an item of a dash or bullet list (no numbers printed) and a table row are removed.

Stable ids (``Section.id``, ``Item.id``, which monitoring reports cite) and section roles are not part of the
wording: a reworded unit keeps those of the unit it replaces, position by position. A number the new unit must
keep ("4a", "IIa") is written into ``num`` where numbers print (a numbered list; a chapter with
``section_numbering``); elsewhere the unit just takes its place.
"""

from __future__ import annotations

import re
from typing import Any

from paldocs.amendments.markdown_units import REPEALED, RawUnit, split_section_body
from paldocs.amendments.tree import TreeNode, table_row_lines, table_rows
from paldocs.model.program import Item, Section

_HEADING = re.compile(r"^(#{2,4})[ \t]+(.+?)\s*$")
_PATH_STEP = re.compile(r"(\w+)(?:\[(\d+)\])?")


def path_steps(field: str) -> list[str | int]:
    """``"program.sections[3].items[2]"`` → ``["sections", 3, "items", 2]`` (relative to the program)."""
    steps: list[str | int] = []
    for name, index in _PATH_STEP.findall(field):
        if name == "program":
            continue
        steps.append(name)
        if index:
            steps.append(int(index))
    return steps


def _container(program: dict[str, Any], field: str) -> tuple[list[Any], int]:
    """The list holding the unit at ``field`` and its index there."""
    steps = path_steps(field)
    holder: Any = program
    for step in steps[:-1]:
        holder = holder[step]
    return holder, int(steps[-1])


def chapter_span(program: dict[str, Any], index: int) -> int:
    """The index after the last subsection of the chapter that starts at ``index``."""
    sections = program["sections"]
    end = index + 1
    while end < len(sections) and sections[end].get("level", 1) != 1:
        end += 1
    return end


# --- reading new wording -----------------------------------------------------------------------------------

def parse_sections(markdown: str, first_level: int) -> list[dict[str, Any]]:
    """Sections of a new wording: each "##"/"###"/"####" heading opens one (level 1/2/3); text before the first
    heading is a section without a heading at ``first_level``."""
    chunks: list[tuple[int, str | None, list[str]]] = []
    for line in markdown.split("\n"):
        match = _HEADING.match(line)
        if match:
            chunks.append((len(match[1]) - 1, match[2], []))
        elif chunks:
            chunks[-1][2].append(line)
        elif line.strip():
            chunks.append((first_level, None, [line]))
    sections: list[dict[str, Any]] = []
    for level, heading, lines in chunks:
        section: dict[str, Any] = {"level": level}
        if heading is not None:
            section["heading"] = heading
        content, items, closing = split_section_body("\n".join(lines))
        if content:
            section["content"] = content
        if items:
            section["items"] = [item_data(raw) for raw in items]
            section["items_style"] = items[0].style
        if closing:
            section["closing"] = closing
        if len(section) == 1:
            section["content"] = REPEALED  # a section must say something; an empty wording repeals it in effect
        sections.append(section)
    return sections


def item_data(raw: RawUnit) -> dict[str, Any]:
    if raw.repealed and raw.style not in ("dash", "bullet"):
        return {"num": raw.num, "repealed": True}  # "3) (uchylony)": kept in its place
    item: dict[str, Any] = {"text": raw.text if raw.text else REPEALED}
    if raw.closing:
        item["text"] = f"{item['text']}\n\n{raw.closing}"
    if _suffixed(raw.typed) and raw.style not in ("dash", "bullet"):
        item["num"] = raw.typed
    if raw.children:
        item["items"] = [item_data(child) for child in raw.children]
        item["items_style"] = raw.children[0].style
    return item


def parse_item(markdown: str) -> dict[str, Any]:
    """An item's new wording: its text, then its sub-items as "a) …" (or "- …") lines."""
    text, subs, closing = split_section_body(markdown)
    item: dict[str, Any] = {"text": text or REPEALED}
    if subs:
        item["items"] = [item_data(raw) for raw in subs]
        item["items_style"] = subs[0].style
        if closing:
            item["text"] = f"{item['text']}"  # an item has no closing part in the model: kept in the last sub-item
            item["items"][-1]["text"] += f"\n\n{closing}"
    return item


def _suffixed(typed: str) -> bool:
    return bool(re.fullmatch(r"\d+[a-z]+", typed or "")) or (bool(typed) and typed.isalpha()
                                                              and not re.fullmatch(r"z*[a-z]", typed))


def _carry(old: dict[str, Any], new: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    for key in keys:
        if key in old and key not in new:
            new[key] = old[key]
    return new


def _carry_items(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
    for before, after in zip(old, new):
        _carry(before, after, ("id", "num"))
        if before.get("items") and after.get("items"):
            _carry_items(before["items"], after["items"])


def _carry_section(old: dict[str, Any], new: dict[str, Any]) -> None:
    _carry(old, new, ("id", "role", "toc", "num"))
    if old.get("items") and new.get("items"):
        _carry_items(old["items"], new["items"])


# --- the three operations ----------------------------------------------------------------------------------

def reword(program: dict[str, Any], node: TreeNode, text: str) -> None:
    if node.kind in ("rozdzial", "podrozdzial"):
        sections, index = _container(program, node.field)
        end = chapter_span(program, index) if node.kind == "rozdzial" else index + 1
        level = sections[index].get("level", 1)
        new = parse_sections(text, level)
        if new:
            new[0]["level"] = level if node.kind == "podrozdzial" or new[0].get("level", 1) == 1 else new[0]["level"]
        for old, fresh in zip(sections[index:end], new):
            _carry_section(old, fresh)
        sections[index:end] = new
    elif node.kind == "wiersz":
        _replace_row(program, node, text)
    else:
        holder, index = _container(program, node.field)
        fresh = parse_item(text)
        old = holder[index]
        _carry(old, fresh, ("id", "num"))
        if old.get("items") and fresh.get("items"):
            _carry_items(old["items"], fresh["items"])
        holder[index] = fresh


def insert(program: dict[str, Any], parent: TreeNode, after: TreeNode | None, kind: str, num: str, text: str,
           plain: bool) -> None:
    """Add the unit ``kind``/``num`` in ``parent`` after ``after`` (None: first); ``plain``: the number is the
    one the count gives there (nothing to keep)."""
    sections = program["sections"]
    if kind in ("rozdzial", "podrozdzial"):
        level = 1 if kind == "rozdzial" else 2
        new = parse_sections(text, level)
        if new:
            new[0]["level"] = level
            if not plain and kind == "rozdzial" and program.get("section_numbering", "none") != "none":
                new[0]["num"] = num
        if after is not None:
            _, index = _container(program, after.field)
            position = chapter_span(program, index) if kind == "rozdzial" else index + 1
        elif kind == "rozdzial":
            position = 0
        else:
            _, position = _container(program, parent.field)
            position += 1
        sections[position:position] = new
        return
    if kind == "wiersz":
        _insert_row(program, parent, after, text)
        return
    if parent.kind == "zalacznik":
        raise ValueError("punkty programu należą do rozdziałów — wskaż rozdział, np. „załącznik rozdział II pkt 3a”")
    fresh = parse_item(text)
    target = _items_of(program, parent)
    holder, at = _container(program, parent.field)
    if not plain and holder[at].get("items_style", "decimal-dot" if parent.kind != "punkt" else "alpha-paren") \
            not in ("dash", "bullet"):
        fresh["num"] = num
    position = 0 if after is None else _container(program, after.field)[1] + 1
    target.insert(position, fresh)


def _items_of(program: dict[str, Any], parent: TreeNode) -> list[Any]:
    holder, index = _container(program, parent.field)
    return holder[index].setdefault("items", [])


def repeal(program: dict[str, Any], node: TreeNode) -> None:
    if node.kind == "wiersz":
        _replace_row(program, node, None)
        return
    holder, index = _container(program, node.field)
    old = holder[index]
    if node.kind in ("rozdzial", "podrozdzial"):
        end = chapter_span(program, index) if node.kind == "rozdzial" else index + 1
        level = old.get("level", 1)
        kept: dict[str, Any] = {"level": level, "repealed": True} if level != 1 else {"repealed": True}
        if "id" in old:
            kept["id"] = old["id"]
        if level == 1 and program.get("section_numbering", "none") != "none":
            kept["num"] = old.get("num") or node.num  # "Rozdział 5. (uchylony)": the number stays
        holder[index:end] = [kept]
    elif _numbered(program, node.field):
        holder[index] = {**({"id": old["id"]} if "id" in old else {}), "num": node.num, "repealed": True}
    else:
        del holder[index]  # a dash or bullet list prints no numbers: nothing to keep in place


def _numbered(program: dict[str, Any], field: str) -> bool:
    """Whether the list holding the item at ``field`` prints numbers (a repealed item keeps its place there)."""
    steps = path_steps(field)
    owner: Any = program
    for step in steps[:-2]:
        owner = owner[step]
    default = "decimal-dot" if len(steps) == 4 else "alpha-paren"  # a section's items / an item's sub-items
    return owner.get("items_style", default) not in ("dash", "bullet")


def _section_content(program: dict[str, Any], node: TreeNode) -> tuple[dict[str, Any], list[str]]:
    holder, index = _container(program, node.field.removesuffix(".content"))
    section = holder[index]
    return section, str(section.get("content") or "").split("\n")


def _row_line(lines: list[str], row_number: int) -> int:
    return table_row_lines("\n".join(lines))[row_number - 1]


def _replace_row(program: dict[str, Any], node: TreeNode, text: str | None) -> None:
    section, lines = _section_content(program, node)
    line = _row_line(lines, int(node.num))
    lines[line:line + 1] = [] if text is None else [text.strip()]
    section["content"] = "\n".join(lines)


def _insert_row(program: dict[str, Any], parent: TreeNode, after: TreeNode | None, text: str) -> None:
    section, lines = _section_content(program, parent)
    rows = table_rows("\n".join(lines))
    if not rows:
        raise ValueError("ten rozdział nie ma tabeli z wierszami")
    first = _row_line(lines, 1)
    position = first if after is None else _row_line(lines, int(after.num)) + 1
    lines[position:position] = [text.strip()]
    section["content"] = "\n".join(lines)
