"""The change list that turns one version of a resolution into another (Dział II ZTP).

Contract: :func:`diff_acts` compares the unit trees of OLD and NEW (:func:`paldocs.amendments.tree.act_tree`) and
returns an :class:`AmendmentPlan`: the changes in the order of OLD, the new annex when the annex is given a new
wording as a whole, and the reason to propose a new resolution instead (§ 84 ZTP) or None. :func:`diff_trees`
does the work on any trees of :class:`UnitNode` s with a ``wording`` function (the tree module's, in use).

How (docs/amendments.md, section "paldocs amend"):

- Siblings are paired by the similarity of their wording, in order (a dynamic-programming alignment), not by
  their numbers: a unit renumbered in NEW is the same unit; changes address OLD's numbers. Unpaired units
  between two pairs are paired in order as rewritten units; the rest are repealed („uchyla się”) or added.
- An added unit takes the number of the unit it follows with a letter (§ 4a, pkt 2a; after 4a: 4b — § 89
  ZTP; between 4a and 4b: 4aa, as amending acts do); after the last unit of its kind the next number
  („dodaje się pkt 7”, as in Dz. U. z 2026 r. poz. 100, § 1 pkt 1); :mod:`paldocs.amendments.added_numbers`. Existing numbers never move. Units numbered by position (tirets,
  table rows, subchapters) cannot be added or repealed without moving the others: their parent gets a new
  wording instead.
- A changed unit gets the cheapest of: a new wording of the whole unit; word replacements in its own text
  (:mod:`paldocs.amendments.words`) together with the changes of its sub-units. Cost = printed characters.
- Annex: precise changes, unless they would print more than :data:`ANNEX_WHOLE_SHARE` of the annex's
  length — then the annex „otrzymuje brzmienie określone w załączniku do niniejszej uchwały” (``annex_form``
  overrides: "precise" or "whole").
- § 84 ZTP: a new act is proposed when the changes outside a whole new annex would print more than
  :data:`NEW_ACT_SHARE` of the act or when a unit moves to another place; also (paldocs's own reason) when
  the title changes, which the change list cannot say. What the unit tree does not hold of the programme
  (its title, period, numbering style …) changes with the whole annex.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from paldocs.amendments.address import UnitAddress
from paldocs.amendments.added_numbers import POSITIONAL_KINDS, added_number
from paldocs.amendments.words import FORMULA_COST, word_changes
from paldocs.errors import DataError
from paldocs.model.amendment import Change

if TYPE_CHECKING:
    from paldocs.model.program import Program
    from paldocs.model.resolution import DataFile

# Units whose wordings share less than this (difflib ratio of their words) are different units.
MATCH_THRESHOLD = 0.5
# Precise changes printing more than this share of the annex's length: the annex gets a new wording instead.
ANNEX_WHOLE_SHARE = 0.5
# Changes printing more than this share of the act's length are "liczne" (§ 84 ZTP): propose a new act.
NEW_ACT_SHARE = 0.5
# A repealed unit and an added one at least this similar are one unit moved elsewhere (§ 84: "konstrukcja").
MOVE_THRESHOLD = 0.8

AnnexForm = Literal["precise", "whole"]

# The change list has no unit for the title: a new title is a reason for a new resolution (not § 84 itself).
TITLE_CHANGES = ("zmienia się tytuł uchwały, a listą zmian paldocs nie zmienia tytułu — przygotuj nową uchwałę "
                 "albo dopisz zmianę tytułu ręcznie")


class UnitNode(Protocol):
    """What the diff reads of a unit (:class:`paldocs.amendments.tree.TreeNode` has it)."""

    @property
    def address(self) -> UnitAddress: ...
    @property
    def kind(self) -> str: ...
    @property
    def num(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def children(self) -> Sequence[UnitNode]: ...
    @property
    def closing(self) -> str: ...
    @property
    def repealed(self) -> bool: ...


Wording = Callable[[UnitNode], str]


@dataclass(frozen=True, slots=True)
class AmendmentPlan:
    """What an amending resolution must say to turn OLD into NEW."""

    changes: list[Change]
    new_annex: Program | None = None
    propose_new_act: str | None = None  # § 84 ZTP: why a new resolution should replace the old one


def diff_acts(old: DataFile, new: DataFile, *, annex_form: AnnexForm | None = None) -> AmendmentPlan:
    """The plan of an amending resolution turning OLD's units into NEW's."""
    from paldocs.amendments.tree import act_tree, wording  # the unit tree (its own module, loaded when used)

    # chapters of a program without section numbering are cited by position: none can be added or repealed
    unnumbered = old.program is not None and old.program.section_numbering == "none"
    # what the unit tree does not hold — the programme's title, period, numbering style … — changes only with
    # the whole annex
    outside = (old.program is not None and new.program is not None
               and old.program.model_dump(exclude={"sections"}) != new.program.model_dump(exclude={"sections"}))
    plan = diff_trees(act_tree(old), act_tree(new), wording, new_program=new.program, annex_form=annex_form,
                      positional=frozenset({"rozdzial"}) if unnumbered else frozenset(), program_changed=outside)
    if old.resolution.subject != new.resolution.subject:
        joined = f"{plan.propose_new_act}; {TITLE_CHANGES}" if plan.propose_new_act else TITLE_CHANGES
        return AmendmentPlan(plan.changes, plan.new_annex, joined)
    return plan


def diff_trees(old_root: UnitNode, new_root: UnitNode, wording: Wording, *, new_program: Program | None = None,
               annex_form: AnnexForm | None = None, positional: frozenset[str] = frozenset(),
               program_changed: bool = False) -> AmendmentPlan:
    """The plan for two unit trees (roots: the resolution, holding paragrafy and annexes); ``positional``:
    kinds numbered by position in these trees besides :data:`POSITIONAL_KINDS`; ``program_changed``: the
    programme (the first annex) changed outside its units — only its new wording as a whole says it."""
    differ = _Differ(wording, POSITIONAL_KINDS | positional)
    changes: list[Change] = []
    paragrafy_old = [n for n in old_root.children if n.kind == "paragraf"]
    paragrafy_new = [n for n in new_root.children if n.kind == "paragraf"]
    top = differ.children(paragrafy_old, paragrafy_new)
    if top is None:
        raise DataError("nowej jednostki nie da się dodać przed pierwszym paragrafem uchwały bez zmiany numeracji "
                        "(jednostka dodana bierze numer jednostki, po której stoi) — dodaj ją po innym paragrafie "
                        "albo przygotuj nową uchwałę")
    changes += top
    # "liczne" is measured against the whole act, its annexes included
    act_length = sum(len(wording(n)) for n in old_root.children)
    counted = _cost(changes)
    new_annex: Program | None = None
    annexes_new = {n.num: n for n in new_root.children if n.kind == "zalacznik"}
    annexes_old = [n for n in old_root.children if n.kind == "zalacznik"]
    for position, old_annex in enumerate(annexes_old):
        new_annex_node = annexes_new.pop(old_annex.num, None)
        if new_annex_node is None:
            raise DataError(f"w nowej wersji nie ma załącznika „{old_annex.address}” — paldocs nie zapisuje "
                            "uchylenia załącznika w liście zmian: przygotuj nową uchwałę albo dopisz zmianę ręcznie")
        whole_possible = position == 0 and new_program is not None
        must_be_whole = whole_possible and program_changed
        if wording(old_annex) == wording(new_annex_node) and not must_be_whole:
            continue
        precise = None if must_be_whole else differ.unit_parts(old_annex, new_annex_node)
        annex_length = max(len(wording(old_annex)), 1)
        share = _cost(precise) / annex_length if precise is not None else 1.0
        choose_whole = whole_possible and (annex_form == "whole" or precise is None
                                           or (annex_form is None and share > ANNEX_WHOLE_SHARE))
        if choose_whole:
            changes.append(Change(op="annex", unit=str(old_annex.address)))
            new_annex = new_program
            continue
        if precise is None:
            raise DataError(f"zmian w „{old_annex.address}” nie da się zapisać jednostka po jednostce, a nowe "
                            "brzmienie całego załącznika paldocs drukuje tylko dla programu (pierwszego załącznika)")
        changes += precise
        counted += _cost(precise)
    if annexes_new:
        added = ", ".join(str(n.address) for n in annexes_new.values())
        raise DataError(f"nowa wersja ma załącznik, którego nie było ({added}) — paldocs nie zapisuje dodania "
                        "załącznika w liście zmian: przygotuj nową uchwałę albo dopisz zmianę ręcznie")
    return AmendmentPlan(changes, new_annex, _new_act_reason(counted, act_length, differ.moves))


def _new_act_reason(counted: int, act_length: int, moves: list[str]) -> str | None:
    reasons = []
    if act_length and counted / act_length > NEW_ACT_SHARE:
        reasons.append(f"zmiany objęłyby około {round(100 * counted / act_length)}% tekstu uchwały (zmiany "
                       "liczne)")
    if moves:
        reasons.append(f"jednostki zmieniają miejsce ({', '.join(moves)}) — narusza to konstrukcję uchwały")
    if not reasons:
        return None
    return "; ".join(reasons) + " — § 84 ZTP: w takim wypadku przygotowuje się nową uchwałę"


def _cost(changes: Sequence[Change] | None) -> int:
    if changes is None:
        return 10**9
    total = 0
    for change in changes:
        total += FORMULA_COST
        if change.op in ("wording", "insert"):
            total += len(change.text or "")
        elif change.op == "words":
            total += len(change.old_words or "") + len(change.new_words or "")
    return total


_WORD = re.compile(r"\w+|[^\w\s]")


@dataclass
class _Differ:
    wording: Wording
    positional: frozenset[str] = POSITIONAL_KINDS
    moves: list[str] = field(default_factory=list)
    _texts: dict[int, str] = field(default_factory=dict)
    _words: dict[int, list[str]] = field(default_factory=dict)

    def text_of(self, node: UnitNode) -> str:
        key = id(node)
        if key not in self._texts:
            self._texts[key] = self.wording(node)
        return self._texts[key]

    def similarity(self, old: UnitNode, new: UnitNode) -> float:
        if old.kind != new.kind or old.repealed or new.repealed:
            return 0.0
        a, b = self.text_of(old), self.text_of(new)
        if a == b:
            return 1.0
        words_a = self._words.setdefault(id(old), _WORD.findall(a))
        words_b = self._words.setdefault(id(new), _WORD.findall(b))
        matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
        if matcher.real_quick_ratio() < MATCH_THRESHOLD or matcher.quick_ratio() < MATCH_THRESHOLD:
            return 0.0
        return matcher.ratio()

    def align(self, olds: Sequence[UnitNode], news: Sequence[UnitNode]
              ) -> list[tuple[UnitNode | None, UnitNode | None]]:
        """Pairs in order: (old, new), (old, None) = gone, (None, new) = added."""
        n, m = len(olds), len(news)
        score = [[0.0] * (m + 1) for _ in range(n + 1)]
        for i in range(n - 1, -1, -1):
            for j in range(m - 1, -1, -1):
                best = max(score[i + 1][j], score[i][j + 1])
                sim = self.similarity(olds[i], news[j])
                if sim >= MATCH_THRESHOLD:
                    # the same number breaks ties between equally similar candidates
                    best = max(best, score[i + 1][j + 1] + sim + (1e-3 if olds[i].num == news[j].num else 0))
                score[i][j] = best
        pairs: list[tuple[UnitNode | None, UnitNode | None]] = []
        i = j = 0
        while i < n or j < m:
            if i < n and j < m:
                sim = self.similarity(olds[i], news[j])
                bonus = 1e-3 if olds[i].num == news[j].num else 0
                if sim >= MATCH_THRESHOLD and abs(score[i][j] - (score[i + 1][j + 1] + sim + bonus)) < 1e-9:
                    pairs.append((olds[i], news[j]))
                    i, j = i + 1, j + 1
                    continue
            if i < n and (j >= m or score[i][j] == score[i + 1][j]):
                pairs.append((olds[i], None))
                i += 1
            else:
                pairs.append((None, news[j]))
                j += 1
        return _rewrites_paired(pairs)

    def children(self, olds: Sequence[UnitNode], news: Sequence[UnitNode]) -> list[Change] | None:
        """The changes turning the sub-units ``olds`` into ``news``; None when only the parent's new wording
        can say it (units numbered by position added or removed, a unit added before the first)."""
        live_olds = [n for n in olds if not n.repealed]
        live_news = [n for n in news if not n.repealed]
        pairs = self.align(live_olds, live_news)
        changes: list[Change] = []
        taken = {n.num for n in olds}
        # an added unit follows the last OLD unit passed, or the unit added just before it („po § 4a dodaje się § 4b”)
        follows: UnitAddress | None = None
        gone: list[UnitNode] = []
        added: list[UnitNode] = []
        for position, (old, new) in enumerate(pairs):
            if old is not None and new is not None:
                unit = self.unit(old, new)
                if unit is None:
                    return None
                changes += unit
                follows = old.address
            elif old is not None:
                if old.kind in self.positional:
                    return None
                changes.append(Change(op="repeal", unit=str(old.address)))
                gone.append(old)
                follows = old.address
            elif new is not None:
                if new.kind in self.positional or follows is None:
                    return None  # nothing before it: only the parent's new wording can add it
                following = _next_old(pairs, position)
                num = added_number(new.kind, follows.last()[1], following.num if following else None, taken)
                if num is None:
                    return None
                taken.add(num)
                address = _sibling(follows, num)
                changes.append(Change(op="insert", unit=str(address), after=str(follows), text=self.text_of(new)))
                added.append(new)
                follows = address
        self._note_moves(gone, added)
        return changes

    def unit(self, old: UnitNode, new: UnitNode) -> list[Change] | None:
        """The cheapest changes of one paired unit: its new wording, or word changes and sub-unit changes."""
        if self.text_of(old) == self.text_of(new):
            return []
        whole = [Change(op="wording", unit=str(old.address), text=self.text_of(new))]
        parts = self.unit_parts(old, new)
        if parts is not None and parts and _cost(parts) < _cost(whole):
            return parts
        return whole

    def unit_parts(self, old: UnitNode, new: UnitNode) -> list[Change] | None:
        """Word changes in the unit's own text plus its sub-units' changes; None when not possible."""
        if old.closing != new.closing:
            return None
        changes: list[Change] = []
        if _with_rows(old) or _with_rows(new):
            # the rows of a table are units of their own, inside the section's text: the text outside them
            # must be the same (else only a new wording of the section says it), the rows are compared below
            if _rows_masked(old) != _rows_masked(new):
                return None
        elif old.text != new.text:
            if old.kind == "zalacznik":
                return None  # an annex's own text changes only with its new wording as a whole („annex”)
            words = word_changes(old.text, new.text, self.text_of(old))
            if not words:
                return None
            changes += [Change(op="words", unit=str(old.address), old_words=w.old_words, new_words=w.new_words)
                        for w in words]
        below = self.children(old.children, new.children)
        if below is None:
            return None
        return changes + below

    def _note_moves(self, gone: list[UnitNode], added: list[UnitNode]) -> None:
        for old in gone:
            for new in added:
                if self.similarity(old, new) >= MOVE_THRESHOLD:
                    self.moves.append(str(old.address))
                    break


def _with_rows(node: UnitNode) -> bool:
    return any(child.kind == "wiersz" for child in node.children)


def _rows_masked(node: UnitNode) -> str:
    """The unit's own text with each table row (a ``wiersz`` sub-unit) replaced by the same mark."""
    text = node.text
    for child in node.children:
        if child.kind == "wiersz":
            text = text.replace(child.text, "\0", 1)
    return text


def _sibling(address: UnitAddress, num: str) -> UnitAddress:
    """The unit of the same kind, in the same parent, numbered ``num``."""
    return UnitAddress((*address.steps[:-1], (address.last()[0], num)))


def _next_old(pairs: list[tuple[UnitNode | None, UnitNode | None]], position: int) -> UnitNode | None:
    for old, _ in pairs[position + 1:]:
        if old is not None:
            return old
    return None


def _rewrites_paired(pairs: list[tuple[UnitNode | None, UnitNode | None]]
                     ) -> list[tuple[UnitNode | None, UnitNode | None]]:
    """Between two paired units, a gone unit and an added unit of the same kind are one rewritten unit
    (in order): „§ 3 otrzymuje brzmienie”, not „uchyla się § 3” and „po § 3 dodaje się § 3a”."""
    result: list[tuple[UnitNode | None, UnitNode | None]] = []
    run: list[tuple[UnitNode | None, UnitNode | None]] = []

    def flush() -> None:
        gone = [old for old, _ in run if old is not None]
        added = [new for _, new in run if new is not None]
        while gone and added and gone[0].kind == added[0].kind:
            result.append((gone.pop(0), added.pop(0)))
        result.extend((old, None) for old in gone)
        result.extend((None, new) for new in added)
        run.clear()

    for pair in pairs:
        if pair[0] is not None and pair[1] is not None:
            flush()
            result.append(pair)
        else:
            run.append(pair)
    flush()
    return result
