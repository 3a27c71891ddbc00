"""Addresses of the units of a resolution and of its annex, in the form a citation prints them.

Contract: :class:`UnitAddress` is a path of ``(kind, number)`` steps from the top of the act; numbers are
strings exactly as printed ("4a", "II", "a", "ba"); a tiret's number is its position ("2") and prints as an
ordinal word ("tiret drugie"). ``str(address)`` is the citation form ("§ 2 ust. 1 pkt 3 lit. a tiret
drugie", "załącznik rozdział II pkt 3", "załącznik nr 2 rozdział 3", "załącznik rozdział 4 tabela wiersz 5");
:func:`parse_address` is its inverse and raises ``ValueError`` with a Polish message; :func:`locative` is the
form that opens an amending point ("w § 2 w ust. 1", "w załączniku do uchwały w rozdziale II") — every
enclosing unit in the locative with its own "w", as in „w § 1 w ust. 2 w pkt 6 kropkę zastępuje się
średnikiem” (Dz. U. z 2026 r. poz. 100, § 1 pkt 1; docs/amendments.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

UnitKind = Literal["paragraf", "ustep", "punkt", "litera", "tiret", "zalacznik", "rozdzial", "podrozdzial", "wiersz"]

UNIT_KINDS: tuple[UnitKind, ...] = get_args(UnitKind)

# What a unit may directly contain: the editorial units of § 55–57 ZTP (paragraf → ustęp → punkt → litera →
# tiret; a paragraf without ustępy has punkty directly, § 55 ust. 3) and the parts of a program annex.
_CHILDREN: dict[UnitKind | None, frozenset[UnitKind]] = {
    None: frozenset({"paragraf", "zalacznik"}),
    "paragraf": frozenset({"ustep", "punkt"}),
    "ustep": frozenset({"punkt"}),
    "punkt": frozenset({"litera"}),
    "litera": frozenset({"tiret"}),
    "tiret": frozenset(),
    "zalacznik": frozenset({"rozdzial", "punkt", "wiersz"}),
    "rozdzial": frozenset({"podrozdzial", "punkt", "wiersz"}),
    "podrozdzial": frozenset({"podrozdzial", "punkt", "wiersz"}),
    "wiersz": frozenset(),
}

# Citation labels (nominative) and the locative an amending point uses for an enclosing unit.
_LABEL: dict[UnitKind, str] = {"paragraf": "§", "ustep": "ust.", "punkt": "pkt", "litera": "lit.",
                               "tiret": "tiret", "zalacznik": "załącznik", "rozdzial": "rozdział",
                               "podrozdzial": "podrozdział", "wiersz": "tabela wiersz"}
_LOCATIVE: dict[UnitKind, str] = {"paragraf": "w §", "ustep": "w ust.", "punkt": "w pkt", "litera": "w lit.",
                                  "tiret": "w tirecie", "zalacznik": "w załączniku", "rozdzial": "w rozdziale",
                                  "podrozdzial": "w podrozdziale", "wiersz": "w tabeli w wierszu"}

# Tirety are cited by ordinal words (neuter: "tiret drugie"); the locative is "w tirecie drugim".
_ORDINALS = ("pierwsze", "drugie", "trzecie", "czwarte", "piąte", "szóste", "siódme", "ósme", "dziewiąte",
             "dziesiąte", "jedenaste", "dwunaste", "trzynaste", "czternaste", "piętnaste", "szesnaste",
             "siedemnaste", "osiemnaste", "dziewiętnaste", "dwudzieste")
_ORDINALS_LOCATIVE = tuple(word[:-1] + "ym" if not word.endswith("ie") else word[:-1] + "m" for word in _ORDINALS)

# Printed numbers: arabic with letter suffixes ("4a", "12ab"), roman chapters ("II", "IVa"), letters ("a", "ba").
_NUMBER = {
    "paragraf": re.compile(r"\d+[a-z]*"),
    "ustep": re.compile(r"\d+[a-z]*"),
    "punkt": re.compile(r"\d+[a-z]*"),
    "litera": re.compile(r"[a-z]+"),
    "tiret": re.compile(r"[1-9]\d*"),
    "zalacznik": re.compile(r"(?:\d+[a-z]*)?"),
    "rozdzial": re.compile(r"(?:\d+|[IVXLCDM]+)[a-z]*"),
    "podrozdzial": re.compile(r"\d+[a-z]*"),
    "wiersz": re.compile(r"\d+[a-z]*"),
}
_DESCRIBED: dict[UnitKind, str] = {"paragraf": "paragrafu", "ustep": "ustępu", "punkt": "punktu",
                                   "litera": "litery", "tiret": "tiretu", "zalacznik": "załącznika",
                                   "rozdzial": "rozdziału", "podrozdzial": "podrozdziału", "wiersz": "wiersza"}


@dataclass(frozen=True, slots=True)
class UnitAddress:
    """A unit of the act: ``(("paragraf", "2"), ("ustep", "1"), ("punkt", "3"))`` is „§ 2 ust. 1 pkt 3”."""

    steps: tuple[tuple[UnitKind, str], ...]

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError("adres jednostki jest pusty")
        parent: UnitKind | None = None
        for kind, num in self.steps:
            if kind not in _CHILDREN:
                raise ValueError(f"„{kind}” nie jest rodzajem jednostki ({', '.join(UNIT_KINDS)})")
            if kind not in _CHILDREN[parent]:
                where = f"w jednostce „{_LABEL[parent]}”" if parent else "na początku adresu"
                raise ValueError(f"„{_LABEL[kind]}” nie może stać {where}")
            if not _NUMBER[kind].fullmatch(num):
                raise ValueError(f"„{num}” nie jest numerem {_DESCRIBED[kind]}")
            parent = kind

    def __str__(self) -> str:
        return " ".join(_step_text(kind, num, _LABEL) for kind, num in self.steps)

    def parent(self) -> UnitAddress | None:
        """The enclosing unit; None for a paragraf or an annex."""
        return UnitAddress(self.steps[:-1]) if len(self.steps) > 1 else None

    def last(self) -> tuple[UnitKind, str]:
        """The unit's own step: ``("punkt", "3")`` for „§ 2 ust. 1 pkt 3”."""
        return self.steps[-1]

    def child(self, kind: UnitKind, num: str) -> UnitAddress:
        """The address of a unit inside this one."""
        return UnitAddress((*self.steps, (kind, num)))


def _step_text(kind: UnitKind, num: str, labels: dict[UnitKind, str]) -> str:
    if kind == "tiret":
        position = int(num)
        words = _ORDINALS if labels is _LABEL else _ORDINALS_LOCATIVE
        word = words[position - 1] if position <= len(words) else num
        return f"{labels[kind]} {word}"
    if kind == "zalacznik":
        suffix = " do uchwały" if labels is _LOCATIVE else ""
        return f"{labels[kind]} nr {num}{suffix}" if num else f"{labels[kind]}{suffix}"
    return f"{labels[kind]} {num}"


def locative(address: UnitAddress) -> str:
    """„w § 2 w ust. 1”, „w załączniku do uchwały w rozdziale II”: the enclosing units of an amending point.

    Each unit takes its own „w” (Dz. U. z 2026 r. poz. 100, § 1 pkt 1: „w § 1 w ust. 2 w pkt 6”)."""
    return " ".join(_step_text(kind, num, _LOCATIVE) for kind, num in address.steps)


def step_citation(step: tuple[UnitKind, str]) -> str:
    """One step in the citation form: „ust. 1”, „tiret drugie”, „rozdział II”."""
    return _step_text(step[0], step[1], _LABEL)


def after_phrase(step: tuple[UnitKind, str]) -> str:
    """„po § 4”, „po ust. 1”, „po tirecie drugim”, „po rozdziale II”: where an added unit goes (§ 85 ust. 3 ZTP:
    „po art. … dodaje się art. … w brzmieniu”)."""
    kind, num = step
    return "po " + _step_text(kind, num, _LOCATIVE).removeprefix("w tabeli ").removeprefix("w ")


_TOKEN = re.compile(
    r"\s*(?:(?P<par>§)\s*(?P<par_num>\S+)"
    r"|(?P<ust>ust\.)\s*(?P<ust_num>\S+)"
    r"|(?P<pkt>pkt)\s*(?P<pkt_num>\S+)"
    r"|(?P<lit>lit\.)\s*(?P<lit_num>\S+)"
    r"|(?P<tir>tiret)\s+(?P<tir_num>\S+)"
    r"|(?P<zal>za[łl][ąa]cznik)(?:\s+nr\s+(?P<zal_num>\S+))?"
    r"|(?P<podr>podrozdzia[łl])\s+(?P<podr_num>\S+)"
    r"|(?P<rozdz>rozdzia[łl])\s+(?P<rozdz_num>\S+)"
    r"|(?:tabela\s+)?(?P<wiersz>wiersz)\s+(?P<wiersz_num>\S+))",
    re.IGNORECASE)
_GROUP_KIND: dict[str, UnitKind] = {"par": "paragraf", "ust": "ustep", "pkt": "punkt", "lit": "litera",
                                    "tir": "tiret", "zal": "zalacznik", "podr": "podrozdzial",
                                    "rozdz": "rozdzial", "wiersz": "wiersz"}


def parse_address(text: str) -> UnitAddress:
    """The inverse of ``str(address)``: „§ 2 ust. 1 pkt 3”, „załącznik nr 2 rozdział 3 pkt 1”.

    Also reads „Załącznik”, „Nr 2” and a tiret typed by its position („tiret 2”). Raises ``ValueError``
    whose message names what could not be read."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("adres jednostki jest pusty — napisz np. „§ 2 ust. 1 pkt 3” albo „załącznik rozdział II”")
    steps: list[tuple[UnitKind, str]] = []
    position, source = 0, text.strip()
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None or match.end() == position:
            rest = source[position:].strip()
            raise ValueError(f"nie rozumiem „{rest}” w adresie „{source}” — jednostki pisze się jak w cytowaniu: "
                             "„§ 2 ust. 1 pkt 3 lit. a tiret drugie”, „załącznik rozdział II pkt 3”")
        group = next(name for name in _GROUP_KIND if match.group(name))
        kind = _GROUP_KIND[group]
        num = (match.group(f"{group}_num") or "").rstrip(",;")
        if kind == "tiret":
            num = _tiret_position(num, source)
        steps.append((kind, num))
        position = match.end()
    return UnitAddress(tuple(steps))


def _tiret_position(word: str, source: str) -> str:
    if word.isdigit():
        return word
    lowered = word.lower()
    if lowered in _ORDINALS:
        return str(_ORDINALS.index(lowered) + 1)
    raise ValueError(f"„tiret {word}” w adresie „{source}” — tiret wskazuje się liczebnikiem porządkowym "
                     "(„tiret drugie”) albo numerem pozycji („tiret 2”)")
