"""Standard clauses of a resolution: one table of wording (``clauses.yaml``) and one recogniser.

Contract:
- ``paldocs/legal/clauses.yaml`` holds each clause kind (executor clause, entry into force, publication) with
  its variants in order of precedence: the wording paldocs prints (``text``, or none when paldocs only
  recognises the variant), the pattern that recognises it and the variant's source (a provision or a named
  resolution; ``verified: false`` when nobody has checked it). It is read once, on first use, and checked:
  patterns compile and use only the groups ``organ``, ``date``, ``journal``; texts use only the
  placeholders of ``_PLACEHOLDERS`` (organ, journal, date, days, number, council, subject, board). A broken shipped file raises :class:`~paldocs.errors.PaldocsError`.
- :func:`clause_text` is the printed wording — templates print it through the ``clause`` Jinja global
  (:mod:`paldocs.compose`), checks suggest it as a fix.
- :func:`recognise_clause` reads the text of one provision (any run of whitespace counts as one space) and
  returns a :class:`ClauseMatch` — kind, variant (None when the kind is recognised but no listed variant
  fits), the captured organ (dative), date and journal, and whether the text is exactly the printed wording
  — or None when the text is no standard clause. Checks (PD024–PD026) and the importer use it instead of
  patterns of their own. Pure functions, no I/O beyond reading the packaged table.
"""

from __future__ import annotations

import importlib.resources
import re
import string
from dataclasses import dataclass
from functools import cache
from typing import Any

from paldocs.errors import Location, PaldocsError
from paldocs.yamlload import load_table

__all__ = ["ClauseKind", "ClauseMatch", "ClauseVariant", "clause_kinds", "clause_text", "recognise_clause"]

PACKAGE_FILE = "paldocs/legal/clauses.yaml"
_GROUPS = frozenset({"organ", "date", "journal"})
_PLACEHOLDERS = frozenset({"organ", "journal", "date", "days", "number", "council", "subject", "board"})


@dataclass(frozen=True, slots=True)
class ClauseVariant:
    id: str
    text: str | None  # the wording paldocs prints; None: recognised only
    pattern: re.Pattern[str]
    source: str
    verified: bool


@dataclass(frozen=True, slots=True)
class ClauseKind:
    kind: str  # "executor", "entry-into-force", "publication"
    name: str  # Polish name for messages
    pattern: re.Pattern[str]
    variants: tuple[ClauseVariant, ...]

    def variant(self, variant_id: str) -> ClauseVariant:
        return next(v for v in self.variants if v.id == variant_id)


@dataclass(frozen=True, slots=True)
class ClauseMatch:
    kind: str
    variant: str | None  # None: a clause of this kind in a wording none of the variants describes
    text: str  # the provision's text, whitespace normalised
    organ: str | None = None  # the executive organ, dative ("Burmistrzowi Miasta Kętrzyn")
    date: str | None = None  # a date written in the clause ("1 stycznia 2015 r.")
    journal: str | None = None  # "Dzienniku Urzędowym Województwa Warmińsko-Mazurskiego"
    exact: bool = False  # the text is the wording paldocs prints for this variant (a final dot aside)


def _fail(message: str) -> PaldocsError:
    return PaldocsError(f"Tabela przepisów standardowych jest uszkodzona: {message}", Location(file=PACKAGE_FILE))


def _compile(pattern: Any, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise _fail(f"{where}: brak wyrażenia regularnego")
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        raise _fail(f"{where}: {error}") from None
    if not set(compiled.groupindex) <= _GROUPS:
        raise _fail(f"{where}: dozwolone grupy to {sorted(_GROUPS)}")
    return compiled


def _variant(raw: Any, where: str) -> ClauseVariant:
    if not isinstance(raw, dict) or set(raw) != {"id", "text", "pattern", "source", "verified"}:
        raise _fail(f"{where}: pola id, text, pattern, source, verified")
    text = raw["text"]
    if text is not None and (not isinstance(text, str) or not {
            name for _, name, _, _ in string.Formatter().parse(text) if name is not None} <= _PLACEHOLDERS):
        raise _fail(f"{where}.text: dozwolone pola to {sorted(_PLACEHOLDERS)}")
    if not isinstance(raw["id"], str) or not isinstance(raw["source"], str) or not isinstance(raw["verified"], bool):
        raise _fail(f"{where}: id i source to teksty, verified — true albo false")
    return ClauseVariant(raw["id"], text, _compile(raw["pattern"], f"{where}.pattern"), raw["source"], raw["verified"])


@cache
def clause_kinds() -> tuple[ClauseKind, ...]:
    """The shipped table, read and checked once, in order of recognition."""
    text = importlib.resources.files("paldocs.legal").joinpath("clauses.yaml").read_text(encoding="utf-8")
    data = load_table(text)
    if not isinstance(data, dict) or not isinstance(data.get("clauses"), list):
        raise _fail("plik ma mieć listę clauses")
    kinds: list[ClauseKind] = []
    for i, raw in enumerate(data["clauses"]):
        where = f"clauses[{i}]"
        if not isinstance(raw, dict) or set(raw) != {"kind", "name", "pattern", "variants"}:
            raise _fail(f"{where}: pola kind, name, pattern, variants")
        variants = tuple(_variant(v, f"{where}.variants[{k}]") for k, v in enumerate(raw["variants"] or []))
        if len({v.id for v in variants}) != len(variants):
            raise _fail(f"{where}: identyfikator wariantu powtarza się")
        kinds.append(ClauseKind(str(raw["kind"]), str(raw["name"]), _compile(raw["pattern"], f"{where}.pattern"),
                                variants))
    return tuple(kinds)


def _kind(kind: str) -> ClauseKind:
    found = next((entry for entry in clause_kinds() if entry.kind == kind), None)
    if found is None:
        raise KeyError(kind)
    return found


def clause_text(kind: str, variant: str, **values: str) -> str:
    """The wording paldocs prints: ``clause_text("executor", "standard", organ="Wójtowi Gminy Rypin")``."""
    text = _kind(kind).variant(variant).text
    if text is None:
        raise ValueError(f"paldocs does not print the {kind}/{variant} clause")
    # "days" defaults to 14: art. 4 ust. 1 ustawy o ogłaszaniu aktów normatywnych (docs/domain.md § 1)
    return text.format(**({"days": "14"} | values))


def recognise_clause(text: str) -> ClauseMatch | None:
    """Which standard clause ``text`` is (see the module docstring), or None."""
    normal = " ".join(text.split())
    for kind in clause_kinds():
        found = kind.pattern.search(normal)
        if found is None:
            continue
        groups = {name: value for name, value in found.groupdict().items() if value is not None}
        for variant in kind.variants:
            matched = variant.pattern.search(normal)
            if matched is not None:
                groups |= {name: value for name, value in matched.groupdict().items() if value is not None}
                exact = variant.text is not None and _is_printed(normal, variant.text, groups)
                return ClauseMatch(kind.kind, variant.id, normal, exact=exact, **groups)
        return ClauseMatch(kind.kind, None, normal, **groups)
    return None


def _is_printed(text: str, wording: str, groups: dict[str, str]) -> bool:
    try:
        printed = wording.format(**({"days": "14"} | groups))  # the default term (art. 4 ust. 1 u.o.a.n.)
    except KeyError:  # the wording needs a value this text did not provide
        return False
    return text.removesuffix(".") == printed.removesuffix(".")
