"""Addresses of the units of a resolution and of its annex, in the form a citation prints them.

Contract: :class:`UnitAddress` is a path of ``(kind, number)`` steps from the top of the act; numbers are
strings exactly as printed ("4a", "II", "a", "ba"); a tiret's number is its position ("2") and prints as an
ordinal word ("tiret drugie"). ``str(address)`` is the citation form ("§ 2 ust. 1 pkt 3 lit. a tiret
drugie", "załącznik rozdział II pkt 3", "załącznik nr 2 rozdział 3", "załącznik rozdział 4 tabela wiersz 5");
:func:`parse_address` is its inverse and raises ``ValueError`` with a Polish message; :func:`locative` is the
form that opens an amending point ("w § 2 w ust. 1", "w załączniku do uchwały w rozdziale II") — every
enclosing unit in the locative with its own "w", as in „w § 1 w ust. 2 w pkt 6 kropkę zastępuje się
średnikiem” (Dz. U. z 2026 r. poz. 100, § 1 pkt 1; docs/amendments.md). The editorial units of a resolution
(paragraf … tiret: abbreviations, what may stand in what) are those of :mod:`paldocs.vocabulary`; the parts of an
annex (załącznik, rozdział, podrozdział, a table's wiersz) are named here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from paldocs import vocabulary

UnitKind = Literal["paragraf", "ustep", "punkt", "litera", "tiret", "zalacznik", "rozdzial", "podrozdzial", "wiersz"]

UNIT_KINDS: tuple[UnitKind, ...] = get_args(UnitKind)
_LEGAL_KINDS = frozenset(vocabulary.UNIT_KINDS)

# The parts of a programme annex: what each may hold directly (its chapters, a chapter's sub-chapters, items —
# cited "pkt" — and the rows of a table), its citation word, its locative and its genitive (for messages).
_ANNEX_CHILDREN: dict[str | None, tuple[str, ...]] = {
    None: ("paragraf", "zalacznik"),
    "zalacznik": ("rozdzial", "punkt", "wiersz"),
    "rozdzial": ("podrozdzial", "punkt", "wiersz"),
    "podrozdzial": ("podrozdzial", "punkt", "wiersz"),
    "wiersz": (),
}
_ANNEX_WORD = {"zalacznik": "załącznik", "rozdzial": "rozdział", "podrozdzial": "podrozdział", "wiersz": "tabela wiersz"}
_ANNEX_LOCATIVE = {"zalacznik": "w załączniku", "rozdzial": "w rozdziale", "podrozdzial": "w podrozdziale",
                   "wiersz": "w tabeli w wierszu"}
_ANNEX_GENITIVE = {"zalacznik": "załącznika", "rozdzial": "rozdziału", "podrozdzial": "podrozdziału",
                   "wiersz": "wiersza"}
_ANNEX_NUMBER = {"zalacznik": re.compile(r"(?:\d+[a-z]*)?"), "rozdzial": re.compile(r"(?:\d+|[IVXLCDM]+)[a-z]*"),
                 "podrozdzial": re.compile(r"\d+[a-z]*"), "wiersz": re.compile(r"\d+[a-z]*")}
# A numbered editorial unit: "4a", "ba"; a programme's item or sub-item may be numbered in another list style
# ("1)" sub-items, lettered items), so either form is read for both. A tiret is named by its position.
_UNIT_NUMBER = re.compile(r"\d+[a-z]*|[a-z]+")
_POSITION = re.compile(r"[1-9]\d*")


def _children(kind: str | None) -> tuple[str, ...]:
    if kind in _LEGAL_KINDS:
        info = vocabulary.unit(str(kind))
        return (*info.children, *(child.kind for child in info.practice_children))
    return _ANNEX_CHILDREN[kind]


def _word(kind: str) -> str:
    """The citation word: "§", "ust.", "pkt", "lit.", "tiret", "załącznik", "rozdział", "tabela wiersz"."""
    return vocabulary.unit(kind).citation if kind in _LEGAL_KINDS else _ANNEX_WORD[kind]


@dataclass(frozen=True, slots=True)
class UnitAddress:
    """A unit of the act: ``(("paragraf", "2"), ("ustep", "1"), ("punkt", "3"))`` is „§ 2 ust. 1 pkt 3”."""

    steps: tuple[tuple[UnitKind, str], ...]

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError("adres jednostki jest pusty")
        parent: str | None = None
        for kind, num in self.steps:
            if kind not in UNIT_KINDS:
                raise ValueError(f"„{kind}” nie jest rodzajem jednostki ({', '.join(UNIT_KINDS)})")
            if kind not in _children(parent):
                where = f"w jednostce „{_word(parent)}”" if parent else "na początku adresu"
                raise ValueError(f"„{_word(kind)}” nie może stać {where}")
            _check_number(kind, num)
            parent = kind

    def __str__(self) -> str:
        return " ".join(step_citation(step) for step in self.steps)

    def parent(self) -> UnitAddress | None:
        """The enclosing unit; None for a paragraf or an annex."""
        return UnitAddress(self.steps[:-1]) if len(self.steps) > 1 else None

    def last(self) -> tuple[UnitKind, str]:
        """The unit's own step: ``("punkt", "3")`` for „§ 2 ust. 1 pkt 3”."""
        return self.steps[-1]

    def child(self, kind: UnitKind, num: str) -> UnitAddress:
        """The address of a unit inside this one."""
        return UnitAddress((*self.steps, (kind, num)))


def _check_number(kind: str, num: str) -> None:
    if kind in _LEGAL_KINDS:
        pattern = _POSITION if vocabulary.unit(kind).counter == "none" else _UNIT_NUMBER
        if not pattern.fullmatch(num):
            raise ValueError(f"w miejscu {vocabulary.unit(kind).missing} stoi „{num}”")
    elif not _ANNEX_NUMBER[kind].fullmatch(num):
        raise ValueError(f"„{num}” nie jest numerem {_ANNEX_GENITIVE[kind]}")


def _tiret_words(num: str, locative: bool) -> str:
    """„drugie” / „drugim”: the ordinal of a tiret's position, nominative or (after „w”) locative."""
    words = vocabulary.tiret_ordinal(int(num))
    if not locative or words.isdigit():
        return words
    # neuter ordinals: "pierwsze" → "pierwszym", "drugie" → "drugim", "trzecie" → "trzecim"
    return " ".join(word[:-1] + ("m" if word.endswith("ie") else "ym") for word in words.split())


def step_citation(step: tuple[UnitKind, str]) -> str:
    """One step in the citation form: „ust. 1”, „tiret drugie”, „rozdział II”, „załącznik nr 2”."""
    kind, num = step
    if kind == "tiret":
        return f"{_word(kind)} {_tiret_words(num, locative=False)}"
    if kind == "zalacznik":
        return f"{_word(kind)} nr {num}" if num else _word(kind)
    return f"{_word(kind)} {num}"


def _step_locative(step: tuple[UnitKind, str]) -> str:
    kind, num = step
    if kind == "tiret":
        return f"w tirecie {_tiret_words(num, locative=True)}"
    if kind == "zalacznik":
        return f"{_ANNEX_LOCATIVE[kind]}{f' nr {num}' if num else ''} do uchwały"
    if kind in _LEGAL_KINDS:
        return f"w {_word(kind)} {num}"
    return f"{_ANNEX_LOCATIVE[kind]} {num}"


def locative(address: UnitAddress) -> str:
    """„w § 2 w ust. 1”, „w załączniku do uchwały w rozdziale II”: the enclosing units of an amending point.

    Each unit takes its own „w” (Dz. U. z 2026 r. poz. 100, § 1 pkt 1: „w § 1 w ust. 2 w pkt 6”)."""
    return " ".join(_step_locative(step) for step in address.steps)


def after_phrase(step: tuple[UnitKind, str]) -> str:
    """„po § 4”, „po ust. 1”, „po tirecie drugim”, „po rozdziale II”: where an added unit goes (§ 85 ust. 3 ZTP:
    „po art. … dodaje się art. … w brzmieniu”)."""
    return "po " + _step_locative(step).removeprefix("w tabeli ").removeprefix("w ")


@cache
def _keyword_pattern() -> re.Pattern[str]:
    """A unit word as people type it: the vocabulary's abbreviations with or without the dot, any case."""
    legal = [f"(?P<{kind}>{re.escape(vocabulary.unit(kind).citation.rstrip('.'))}\\.?)"
             for kind in vocabulary.UNIT_KINDS]
    annex = [r"(?P<zalacznik>za[łl][ąa]cznik)", r"(?P<podrozdzial>podrozdzia[łl])", r"(?P<rozdzial>rozdzia[łl])",
             r"(?:tabela\s+)?(?P<wiersz>wiersz)"]
    # "tiret" before the others; the number follows after optional spaces ("§4a", "ust.2")
    return re.compile(r"\s*(?:" + "|".join(annex + legal) + r")(?:\s*(?P<nr>nr)(?=\s))?\s*(?P<num>[^\s,;]*)",
                      re.IGNORECASE)


def parse_address(text: str) -> UnitAddress:
    """The inverse of ``str(address)``: „§ 2 ust. 1 pkt 3”, „załącznik nr 2 rozdział 3 pkt 1”.

    Also reads „Załącznik”, „Nr 2”, „§4a”, „ust.2” and a tiret typed by its position („tiret 2”). Raises
    ``ValueError`` whose message names what could not be read."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("adres jednostki jest pusty — napisz np. „§ 2 ust. 1 pkt 3” albo „załącznik rozdział II”")
    source = " ".join(text.split())
    pattern = _keyword_pattern()
    steps: list[tuple[UnitKind, str]] = []
    position = 0
    while position < len(source):
        match = pattern.match(source, position)
        kind = next((name for name in UNIT_KINDS if match is not None and match.group(name)), None)
        if match is None or kind is None or match.end() == position:
            rest = source[position:].strip()
            raise ValueError(f"nie rozumiem „{rest}” w adresie „{source}” — jednostki pisze się jak w cytowaniu: "
                             "„§ 2 ust. 1 pkt 3 lit. a tiret drugie”, „załącznik rozdział II pkt 3”")
        num = match.group("num")
        if kind == "zalacznik" and not match.group("nr"):
            num, end = "", match.start("num")  # "załącznik rozdział II": the annex without a number
        else:
            end = match.end()
        if kind == "tiret":
            num, end = _tiret_position(source, match.start("num"), num)
        elif kind != "zalacznik" and not num:
            raise ValueError(f"w adresie „{source}” po „{match.group(kind)}” brakuje numeru")
        steps.append((kind, num))
        position = end
    return UnitAddress(tuple(steps))


@cache
def _ordinal_positions() -> dict[str, int]:
    return {vocabulary.tiret_ordinal(position): position for position in range(1, 100)}


def _tiret_position(source: str, start: int, word: str) -> tuple[str, int]:
    """A tiret's position from „drugie”, „dwudzieste pierwsze” or „2”, and where its words end in ``source``."""
    if word.isdigit():
        return word, start + len(word)
    words = source[start:].split(" ")
    for count in (2, 1):  # "dwudzieste pierwsze" before "dwudzieste"
        phrase = " ".join(words[:count]).rstrip(",;").lower()
        if phrase in _ordinal_positions():
            return str(_ordinal_positions()[phrase]), start + len(" ".join(words[:count]).rstrip(",;"))
    raise ValueError(f"„tiret {word}” w adresie „{source}” — tiret wskazuje się liczebnikiem porządkowym "
                     "(„tiret drugie”) albo numerem pozycji („tiret 2”)")
