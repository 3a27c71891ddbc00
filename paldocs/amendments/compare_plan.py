"""Pairing by the amendment plan: the changed units of a comparison as the amending resolution names them.

Contract of :func:`planned_units` (OLD and NEW: two versions of one resolution's data):
- the change list is :func:`paldocs.amendments.diff.diff_acts` — so units are matched, moved and numbered as
  ``paldocs amend`` does it: an added unit carries its letter suffix ("§ 1a", "pkt 2a"), existing numbers never
  move, and a unit is cited by its address in the amended act ("załącznik rozdział 3 podrozdział 2 pkt 1a");
- each change is one :class:`~paldocs.amendments.compare_units.ComparedUnit`: the old wording is the unit in OLD, the
  new wording the unit after the whole change list is applied to OLD (:func:`paldocs.amendments.apply.apply_change`,
  in order); an added unit has no old wording, a repealed one no new wording; a change whose unit lies inside
  the unit of an earlier one is left out (that row already shows it); a row of replaced words ("words") in a
  unit of several lines shows only the lines that changed, each run of unchanged lines as one "(…)" line;
- a change giving the annex a whole new wording ("annex") yields no row here: ``annex_replaced`` says so, and
  the caller compares the annex's units as printed instead;
- the wording is printed as the act prints it: the unit's data Markdown (:func:`paldocs.amendments.tree.wording`)
  parsed by the project's Markdown parser, numbered, printed by the text writer, the unit's own label ("§ 1a.",
  "5.", "2a)") before its first line; a chapter's wording starts with its heading.
"""

from __future__ import annotations

from dataclasses import dataclass

from paldocs import document as ir
from paldocs.amendments.address import UnitAddress
from paldocs.amendments.apply import apply_change
from paldocs.amendments.compare_units import ComparedUnit
from paldocs.amendments.diff import diff_acts
from paldocs.amendments.tree import TreeNode, act_tree, find, wording
from paldocs.errors import PaldocsError
from paldocs.markup import to_blocks
from paldocs.model.resolution import DataFile
from paldocs.numbering import number_part
from paldocs.polish.typography import apply_typography
from paldocs.vocabulary import UNIT_KINDS
from paldocs.writers.text import TextWriter

OMITTED = "(…)"  # unchanged lines left out of a row of replaced words



@dataclass(frozen=True, slots=True)
class PlannedComparison:
    units: list[ComparedUnit]
    annex_replaced: bool  # the plan gives the annex a new wording as a whole


def planned_units(old: DataFile, new: DataFile) -> PlannedComparison:
    """The rows of the comparison of OLD and NEW in the amendment plan's terms (see the module contract)."""
    plan = diff_acts(old, new)
    changes = [change for change in plan.changes if change.op != "annex"]
    applied = old
    for change in changes:
        applied = apply_change(applied, change, new_annex=plan.new_annex)
    before, after = act_tree(old), act_tree(applied)
    units: list[ComparedUnit] = []
    shown: list[UnitAddress] = []
    for change in changes:
        address = change.address
        if any(_inside(address, outer) for outer in shown):
            continue
        shown.append(address)
        old_node = None if change.op == "insert" else find(before, address)
        new_node = find(after, address)
        old_lines, new_lines = _printed(old_node), _printed(new_node)
        if change.op == "words" and old_lines and new_lines:
            old_lines, new_lines = _excerpts(old_lines, new_lines)
        units.append(ComparedUnit(str(address), old_lines, new_lines))
    return PlannedComparison(units, len(changes) != len(plan.changes))


def _excerpts(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words replaced in a long unit (a chapter): only the lines that changed, each run of unchanged lines
    between them shown as one "(…)" line — the unit's whole wording would bury the change."""
    if len(old) != len(new) or len(old) < 2:
        return old, new
    kept_old: list[str] = []
    kept_new: list[str] = []
    for before, after in zip(old, new):
        if before != after:
            kept_old.append(before)
            kept_new.append(after)
        elif not kept_old or kept_old[-1] != OMITTED:
            kept_old.append(OMITTED)
            kept_new.append(OMITTED)
    return tuple(kept_old), tuple(kept_new)


def _inside(address: UnitAddress, outer: UnitAddress) -> bool:
    return len(address.steps) > len(outer.steps) and address.steps[: len(outer.steps)] == outer.steps


def _printed(node: TreeNode | None) -> tuple[str, ...] | None:
    """The unit's printed lines (None: no unit, or a repealed one)."""
    if node is None or node.repealed:
        return None
    markdown = wording(node)
    try:
        part = number_part(ir.Part("annex", to_blocks(markdown, legal=False)))
        writer = TextWriter(ir.Meta(title=""))
        lines = [line.strip() for block in part.blocks for line in writer.visit(block) if line.strip()]
    except PaldocsError:  # a wording the parser refuses (a lone table row) prints as typed
        lines = [apply_typography(line.strip()) for line in markdown.splitlines() if line.strip()]
    label = _label(node)
    if label:
        lines = [f"{label} {lines[0]}" if lines else label, *lines[1:]]
    return tuple(lines)


def _label(node: TreeNode) -> str:
    if node.marker:
        return node.marker
    if node.kind in UNIT_KINDS:  # the act prints their labels from kind and number (§ 55–57 ZTP)
        return apply_typography(ir.format_unit_label(node.kind, node.num))  # type: ignore[arg-type]
    return ""
