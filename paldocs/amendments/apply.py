"""Applying an amending resolution's change list to the data of the act it amends: the act as in force after it.

Contract of :func:`apply_amendment`: the changes are applied one by one in their order, each to the act as the
previous ones left it (addresses stay valid because numbers never move: an added unit takes a letter suffix, a
repealed one keeps its place — § 86 ZTP practice, docs/amendments.md). Per operation (Dział II ZTP, § 83–§ 94):

- ``wording`` — the unit takes the whole new wording (``Change.text``, the data Markdown of
  :func:`paldocs.amendments.tree.wording`); ``words`` — every occurrence of the old words in the unit's wording is
  replaced (an empty ``new_words`` deletes them); ``insert`` — the new unit stands after ``after`` (or first in its
  parent); ``repeal`` — the unit prints "(uchylony)" in its place (a paragraf and a program unit: when the model
  keeps numbers, else it is removed); ``annex`` — the program becomes ``new_annex``;
- units of a paragraf from ``resolution.provisions`` are edited in the paragraf's Markdown; § 1 written by the
  kind's template is reworded through ``resolution.adoption``; closing clauses (executor, entry into force) are
  not data units and cannot be amended here (a located error says so);
- every failure is one :class:`~paldocs.errors.DataError` located at the change
  (``resolution.amends.changes[i]``): "zmiana 3: w uchwale Nr … nie ma § 7".
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from paldocs.amendments import program_edit
from paldocs.amendments.address import UnitAddress
from paldocs.amendments.markdown_units import REPEALED, marker, split_provision
from paldocs.amendments.tree import ROOT, TreeNode, act_tree, find, wording
from paldocs.errors import DataError, Location
from paldocs.model.amendment import Amendment, Change
from paldocs.model.program import Program
from paldocs.model.resolution import DataFile

__all__ = ["ChangeRefused", "apply_amendment", "apply_change"]

_SUFFIX = re.compile(r"[0-9IVXLCDM][a-z]+$")
_PLAIN_LETTER = re.compile(r"z*[a-z]")


def apply_amendment(base: DataFile, amendment: Amendment, *, new_annex: Program | None = None,
                    source: str | None = None) -> DataFile:
    """``base`` as in force after ``amendment`` (see the module contract); ``source``: the amending file, named
    in errors."""
    data = base
    for index, change in enumerate(amendment.changes):
        try:
            data = apply_change(data, change, new_annex=new_annex)
        except (ChangeRefused, ValueError) as error:
            raise DataError(f"zmiana {index + 1}: w uchwale Nr {amendment.resolution.number} {error}",
                            Location(source, path=f"resolution.amends.changes[{index}]")) from None
    return data


class ChangeRefused(Exception):
    """A change that cannot be applied; its message completes "zmiana N: w uchwale Nr …"."""


def apply_change(data: DataFile, change: Change, *, new_annex: Program | None = None) -> DataFile:
    """``data`` after one change (errors: :class:`ChangeRefused` or ``ValueError`` with the reason)."""
    dump = data.model_dump(by_alias=True, exclude_unset=True)
    address = change.address
    if change.op == "annex":
        if new_annex is None:
            raise ChangeRefused("nowe brzmienie załącznika („annex”) wymaga programu w danych uchwały zmieniającej "
                           "(pole „program”)")
        if data.program is None or address.last()[1] not in ("", "1"):
            raise ChangeRefused(f"nie ma {address} z programem, który mógłby otrzymać nowe brzmienie")
        dump["program"] = new_annex.model_dump(by_alias=True, exclude_unset=True)
        return DataFile.model_validate(dump)
    tree = act_tree(data)
    if change.op == "insert":
        _insert(dump, tree, change, address)
    else:
        node = find(tree, address)
        if node is None:
            raise ChangeRefused(f"nie ma {address}")
        if change.op == "repeal":
            _repeal(dump, tree, node)
        else:
            text = change.text if change.op == "wording" else _replaced_words(node, change)
            assert text is not None
            _reword(dump, tree, node, str(text))
    return DataFile.model_validate(dump)


def _replaced_words(node: TreeNode, change: Change) -> str:
    whole = wording(node)
    old, new = str(change.old_words), str(change.new_words)
    if old not in whole:
        raise ChangeRefused(f"w {node.address} nie ma wyrazów „{old}”")
    replaced = whole.replace(old, new)
    if new:
        return replaced
    # "skreśla się wyrazy": the words go with one of the spaces around them, not the indentation of a line
    return re.sub(r" +([,.;:)])", r"\1", re.sub(r"(?<=\S) {2,}", " ", replaced))


# --- dispatch by where the unit's data lives ---------------------------------------------------------------

def _paragraf_of(tree: TreeNode, address: UnitAddress) -> TreeNode | None:
    first = address.steps[0]
    if first[0] != "paragraf":
        return None
    return find(tree, UnitAddress((first,)))


def _reword(dump: dict[str, Any], tree: TreeNode, node: TreeNode, text: str) -> None:
    if node.field.startswith("program"):
        program_edit.reword(dump["program"], node, text)
    elif node.field.startswith("resolution.provisions"):
        paragraf = _paragraf_of(tree, node.address)
        assert paragraf is not None
        if node is paragraf:
            _set_provision(dump, node, text)
        else:
            _set_provision(dump, paragraf, wording(_edited(paragraf, node.address, lambda old: _parsed(old, text))))
    elif node.field == "resolution.adoption" and node.kind == "paragraf":
        dump["resolution"]["adoption"] = text
    else:
        raise ChangeRefused(_not_data(node))


def _repeal(dump: dict[str, Any], tree: TreeNode, node: TreeNode) -> None:
    if node.field.startswith("program"):
        program_edit.repeal(dump["program"], node)
    elif node.field.startswith("resolution.provisions"):
        paragraf = _paragraf_of(tree, node.address)
        assert paragraf is not None
        if node is paragraf:
            index = _provision_index(node)
            if _numbered_provisions():
                dump["resolution"]["provisions"][index] = {"num": node.num, "repealed": True}
            else:
                del dump["resolution"]["provisions"][index]
        else:
            repealed = lambda old: dataclasses.replace(old, text=REPEALED, children=(), closing="", repealed=False)  # noqa: E731
            _set_provision(dump, paragraf, wording(_edited(paragraf, node.address, repealed)))
    else:
        raise ChangeRefused(_not_data(node))


def _insert(dump: dict[str, Any], tree: TreeNode, change: Change, address: UnitAddress) -> None:
    kind, num = address.last()
    parent_address = address.parent()
    parent = find(tree, parent_address) if parent_address is not None else tree
    if parent is None:
        raise ChangeRefused(f"nie ma {parent_address}, do którego miałby należeć {address}")
    if find(tree, address) is not None:
        raise ChangeRefused(f"{address} już jest — dodana jednostka dostaje nowy numer (np. z literą), a istniejące "
                       "numery się nie zmieniają")
    after = find(tree, change.after_address) if change.after_address is not None else None
    if change.after_address is not None and after is None:
        raise ChangeRefused(f"nie ma {change.after_address}, po którym miałby stać {address}")
    siblings = [child for child in parent.children if child.kind == kind]
    position = siblings.index(after) + 1 if after is not None else 0
    # appended at the end with a number of its own (no letter suffix): the count gives it, nothing to keep
    plain = position == len(siblings) and not _SUFFIX.search(num) if kind != "litera" else \
        position == len(siblings) and bool(_PLAIN_LETTER.fullmatch(num))
    text = str(change.text)
    if kind == "paragraf":
        _insert_paragraf(dump, tree, after, num, text, plain)
    elif parent.field.startswith("program") or kind in ("rozdzial", "podrozdzial") or parent.kind == "zalacznik":
        if "program" not in dump or dump["program"] is None:
            raise ChangeRefused(f"nie ma {parent.address} z programem")
        program_edit.insert(dump["program"], parent, after, kind, num, text, plain)
    elif parent.field.startswith("resolution.provisions"):
        paragraf = _paragraf_of(tree, parent.address)
        assert paragraf is not None
        fresh = _parsed(TreeNode(ROOT, kind, num, "", (), marker=marker(kind, num)), text)

        def add(old: TreeNode) -> TreeNode:
            children = list(old.children)
            at = children.index(after) + 1 if after is not None else 0
            children.insert(at, fresh)
            return dataclasses.replace(old, children=tuple(children))

        edited = add(paragraf) if parent is paragraf else _edited(paragraf, parent.address, add)
        _set_provision(dump, paragraf, wording(edited))
    else:
        raise ChangeRefused(_not_data(parent))


def _insert_paragraf(dump: dict[str, Any], tree: TreeNode, after: TreeNode | None, num: str, text: str,
                     plain: bool) -> None:
    provisions = dump["resolution"].setdefault("provisions", [])
    if after is None or after.field == "resolution.adoption":
        index = 0
    elif after.field.startswith("resolution.provisions"):
        index = _provision_index(after) + 1
    else:
        raise ChangeRefused(f"paragrafy z danych stoją przed przepisami końcowymi — nie można dodać paragrafu po "
                       f"{after.address}")
    provisions.insert(index, text if plain or not _numbered_provisions() else {"num": num, "text": text})


# --- paragraf Markdown ---------------------------------------------------------------------------------------

def _edited(node: TreeNode, address: UnitAddress, edit: Any) -> TreeNode:
    """``node`` with the unit at ``address`` (inside it) replaced by ``edit(unit)``."""
    if node.address == address:
        return edit(node)
    depth = len(node.address.steps)
    step = address.steps[depth]
    children = tuple(_edited(child, address, edit) if (child.kind, child.num) == step else child
                     for child in node.children)
    return dataclasses.replace(node, children=children)


def _parsed(old: TreeNode, text: str) -> TreeNode:
    """A sub-unit of a paragraf with the new wording ``text`` (its own text, its sub-units by their markers)."""
    raw = split_provision(text)
    if raw is None:
        raise ChangeRefused(f"nowe brzmienie {old.address} nie daje się odczytać jako tekst jednostki")

    def build(unit: Any) -> TreeNode:
        return TreeNode(ROOT, unit.kind, unit.num, unit.text, tuple(build(child) for child in unit.children),
                        unit.closing, unit.repealed, marker=marker(unit.kind, unit.typed or unit.num))

    fresh = build(raw)
    return dataclasses.replace(old, text=fresh.text, children=fresh.children, closing=fresh.closing, repealed=False)


def _provision_index(node: TreeNode) -> int:
    return int(node.field.split("[")[1].rstrip("]"))


def _numbered_provisions() -> bool:
    from paldocs.model import resolution

    return hasattr(resolution, "NumberedProvision")


def _set_provision(dump: dict[str, Any], paragraf: TreeNode, text: str) -> None:
    index = _provision_index(paragraf)
    provisions = dump["resolution"]["provisions"]
    old = provisions[index]
    provisions[index] = {"num": old["num"], "text": text} if isinstance(old, dict) and "num" in old else text


def _not_data(node: TreeNode) -> str:
    if node.field.startswith("annexes"):
        return (f"{node.address} to załącznik z tekstem, nie program — jego jednostek paldocs nie zmienia; nadaj mu "
                "nowe brzmienie w danych uchwały zmieniającej")
    return (f"{node.address} pisze szablon rodzaju uchwały (przepisy końcowe), nie dane — tej jednostki nie da się "
            "tu zmienić; zmień ją w danych uchwały (resolution.closing)")
