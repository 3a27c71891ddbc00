"""The legal vocabulary: unit kinds (§ / ust. / pkt / lit. / tiret) and list styles, read from one data file.

Contract:
- ``paldocs/legal/units.yaml`` is the only place that spells what paldocs knows per unit kind (Markdown marker,
  printed label, address prefix, citation abbreviation, Polish forms, allowed children, the ZTP paragraph that
  places it, the writers' style role name, logical indent level, the children published resolutions put there
  although ZTP does not — each with what ZTP requires and the resolution seen doing it) and per list style (template marker, printed
  label and counter, ordered or not, style role, the unit a list opens inside a paragraf, the marker pattern
  of imported text). Every other module asks :func:`unit` / :func:`list_style` / :func:`unit_by_prefix`.
- The file is read once (on first use, not at import: :mod:`paldocs.document` imports this module and every
  command imports it) into frozen dataclasses, and checked on the way: the kinds of a resolution and the list
  styles must be exactly those of the :data:`UnitKind` / :data:`ListStyle` types, children must name known
  kinds, labels may use only ``{n}``, a practice child names a known kind that is not a ZTP child and says what ZTP
  requires and where it was seen. A broken shipped file raises :class:`~paldocs.errors.PaldocsError`
  naming the file and the field.
- Why data and not a Python dict: the table is legal knowledge a reviewer of Polish drafting reads (and a ZTP
  paragraph next to each row), not code; one YAML table with a checking loader keeps it in one place, while
  the two ``Literal`` types below stay in Python because a type checker cannot read YAML — the loader refuses
  a file that disagrees with them.
"""

from __future__ import annotations

import importlib.resources
import re
import string
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, TypeAlias, get_args

from paldocs.errors import Location, PaldocsError
from paldocs.polish.numerals import to_letter, to_roman
from paldocs.yamlload import load_table

__all__ = [
    "ListStyle", "ListStyleInfo", "PracticeChild", "UNIT_KINDS", "UnitInfo", "UnitKind", "Vocabulary", "cited_units", "list_style",
    "list_styles", "load_vocabulary", "tiret_ordinal", "unit", "unit_by_prefix", "units", "write_counter",
]

UnitKind: TypeAlias = Literal["paragraf", "ustep", "punkt", "litera", "tiret"]
UNIT_KINDS: tuple[UnitKind, ...] = get_args(UnitKind)
ListStyle: TypeAlias = Literal["decimal-dot", "decimal-paren", "alpha-paren", "roman-dot", "dash", "bullet"]
Counter: TypeAlias = Literal["decimal", "letter", "roman", "none"]

PACKAGE_FILE = "paldocs/legal/units.yaml"


@dataclass(frozen=True, slots=True)
class PracticeChild:
    """A unit that published resolutions put directly into another although ZTP does not place it there: paldocs
    prints it (a real resolution must be expressible as written) and ``paldocs check`` warns (PD057)."""

    kind: str  # "tiret"
    ztp: str  # what ZTP requires instead, with its paragraph: "wyliczenie w ustępie tworzą punkty (§ 56 ust. 1 ZTP) …"
    seen: str  # the published resolution that does it: "Uchwała Nr XI/60/2004 Rady Gminy Bobrowniki …, § 1 ust. 1"


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """One editorial unit kind (§ 54–57 ZTP); see the field comments in ``units.yaml``."""

    kind: str  # a UnitKind, or "artykul" (cited in statutes, never in a resolution)
    in_resolution: bool
    marker: str | None  # "§", "1.", "1)", "a)", "–"
    label: str  # "§\u00a0{n}.", "{n}.", "{n})", "–"
    counter: Counter
    address_prefix: str  # "par", "ust", "pkt", "lit", "tir"
    citation: str  # "§", "ust.", "pkt", "lit.", "tiret"
    typed: str  # the abbreviation as typed in a provision, without its dot: "par", "ust", …
    missing: str  # "numeru ustępu": what a provision lacks when the abbreviation has no number after it
    name: str  # "Paragraf"
    in_form: str  # "w paragrafie"
    plural: str  # "paragrafy"
    plural_genitive: str  # "paragrafów"
    children: tuple[str, ...]  # what ZTP lets stand directly in the unit
    practice_children: tuple[PracticeChild, ...]  # what published resolutions put there besides (see PracticeChild)
    contents: str  # what may stand in the unit (a hint in messages)
    ztp: str | None  # "§ 56 ust. 1 ZTP"
    numbering_rule: str | None  # how siblings are numbered (PD021)
    style: str | None  # writers' style role name: "Paragraf", "Ustęp", …
    level: int  # logical indent level, 0 = margin

    def practice_child(self, kind: str) -> PracticeChild | None:
        """The practice entry when ``kind`` stands here only by practice (not a ZTP child), else None."""
        return next((child for child in self.practice_children if child.kind == kind), None)

    def format_label(self, num: str) -> str:
        """The printed marker: "§ 1." (NO-BREAK SPACE), "1.", "1)", "a)", "–"."""
        return self.label.format(n=num)

    def value(self, position: int) -> str:
        """The unit's number at 1-based ``position`` among its siblings: "3", "c"; "" for a tiret."""
        return "" if self.counter == "none" else write_counter(self.counter, position)


@dataclass(frozen=True, slots=True)
class ListStyleInfo:
    """One list style (``ListBlock.style``); see the field comments in ``units.yaml``."""

    name: str
    markdown: str | None  # "{n}.", "{a})", "-": the marker a template writes
    label: str  # "{n}.", "{n})", "–", "•"
    counter: Counter
    ordered: bool
    style: str  # "Lista numerowana" / "Lista punktowana"
    unit: str | None  # the unit kind such a list opens inside a paragraf
    source: str | None  # regex of the marker in imported plain text

    def format_label(self, n: int) -> str:
        """The printed marker of the item with 1-based value ``n``: "1.", "a)", "IV.", "–"."""
        return self.label.format(n="" if self.counter == "none" else write_counter(self.counter, n))

    def markdown_marker(self, n: int) -> str:
        """The marker a template writes for the ``n``-th item: "1.", "b)", "-"."""
        if self.markdown is None:
            raise ValueError(f"list style {self.name!r} has no Markdown marker")
        return self.markdown.format(n=n, a=to_letter(n) if "{a}" in self.markdown else "")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    units: tuple[UnitInfo, ...]  # every kind, in order of rank (artykuł, paragraf, … tiret)
    list_styles: tuple[ListStyleInfo, ...]
    ordinals: tuple[str, ...]  # "pierwsze" … "dziewiętnaste"
    tens: tuple[str, ...]  # "dwudzieste" … "dziewięćdziesiąte"


def write_counter(counter: Counter, n: int) -> str:
    """``n`` written as the counter says: decimal "3", letter "c" (… "z", "za"), roman "III"."""
    if counter == "letter":
        return to_letter(n)
    if counter == "roman":
        return to_roman(n)
    return str(n)


def tiret_ordinal(n: int) -> str:
    """Tirets are cited by ordinal (neuter): 1 → "pierwsze", 22 → "dwudzieste drugie"; from 100 the number."""
    vocabulary = load_vocabulary()
    ones, tens = ("", *vocabulary.ordinals), ("", "", *vocabulary.tens)
    if 1 <= n < 20:
        return ones[n]
    return " ".join(word for word in (tens[n // 10], ones[n % 10]) if word) if 20 <= n < 100 else str(n)


@cache
def load_vocabulary() -> Vocabulary:
    """The shipped ``units.yaml``, read and checked once."""
    text = importlib.resources.files("paldocs.legal").joinpath("units.yaml").read_text(encoding="utf-8")
    return _build(load_table(text))


@cache
def _units_by_kind() -> dict[str, UnitInfo]:
    return {info.kind: info for info in load_vocabulary().units}


@cache
def _styles_by_name() -> dict[str, ListStyleInfo]:
    return {info.name: info for info in load_vocabulary().list_styles}


@cache
def _units_by_prefix() -> dict[str, UnitInfo]:
    return {info.address_prefix: info for info in load_vocabulary().units}


def unit(kind: str) -> UnitInfo:
    """The row of ``kind`` ("paragraf", "ustep", …, "artykul"); KeyError for an unknown kind."""
    return _units_by_kind()[kind]


def unit_by_prefix(prefix: str) -> UnitInfo | None:
    """The row whose address prefix is ``prefix`` ("pkt" → punkt), None when no kind uses it."""
    return _units_by_prefix().get(prefix)


def units() -> tuple[UnitInfo, ...]:
    """The kinds of a resolution, from paragraf down to tiret."""
    return tuple(info for info in load_vocabulary().units if info.in_resolution)


def cited_units() -> tuple[UnitInfo, ...]:
    """Every kind a provision may cite, in rank order (artykuł first)."""
    return load_vocabulary().units


def list_style(name: str) -> ListStyleInfo:
    """The row of a list style ("decimal-dot", …); KeyError for an unknown style."""
    return _styles_by_name()[name]


def list_styles() -> tuple[ListStyleInfo, ...]:
    return load_vocabulary().list_styles


# --- loading and checking ------------------------------------------------------------------------------------------

_UNIT_FIELDS = {"kind": str, "in_resolution": bool, "marker": (str, type(None)), "label": str, "counter": str,
                "address_prefix": str, "citation": str, "typed": str, "missing": str, "name": str, "in": str,
                "plural": str, "plural_genitive": str, "children": list, "practice_children": list, "contents": str, "ztp": (str, type(None)),
                "numbering_rule": (str, type(None)), "style": (str, type(None)), "level": int}
_PRACTICE_FIELDS = {"kind": str, "ztp": str, "seen": str}
_STYLE_FIELDS = {"name": str, "markdown": (str, type(None)), "label": str, "counter": str, "ordered": bool,
                 "style": str, "unit": (str, type(None)), "source": (str, type(None))}


def _fail(message: str) -> PaldocsError:
    return PaldocsError(f"Słownik jednostek redakcyjnych jest uszkodzony: {message}", Location(file=PACKAGE_FILE))


def _row(raw: Any, fields: dict[str, Any], where: str) -> dict[str, Any]:
    if not isinstance(raw, dict) or set(raw) != set(fields):
        keys = sorted(raw) if isinstance(raw, dict) else raw
        raise _fail(f"{where}: pola {keys} zamiast {sorted(fields)}")
    for key, expected in fields.items():
        if not isinstance(raw[key], expected) or (expected is int and isinstance(raw[key], bool)):
            raise _fail(f"{where}.{key}: niewłaściwy typ wartości {raw[key]!r}")
    return raw


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _build(data: Any) -> Vocabulary:
    if not isinstance(data, dict) or set(data) != {"units", "tiret_ordinals", "list_styles"}:
        raise _fail("plik ma mieć klucze units, tiret_ordinals i list_styles")
    counters = set(get_args(Counter))
    rows = [_row(raw, _UNIT_FIELDS, f"units[{i}]") for i, raw in enumerate(data["units"])]
    kinds = [row["kind"] for row in rows]
    if len(set(kinds)) != len(kinds) or len({row["address_prefix"] for row in rows}) != len(rows):
        raise _fail("rodzaj jednostki lub prefiks adresu powtarza się")
    if [row["kind"] for row in rows if row["in_resolution"]] != list(UNIT_KINDS):
        raise _fail(f"jednostki uchwały mają być dokładnie {list(UNIT_KINDS)} (typ UnitKind), w tej kolejności")
    infos: list[UnitInfo] = []
    for i, row in enumerate(rows):
        if not set(row["children"]) <= set(kinds) or row["counter"] not in counters - {"roman"}:
            raise _fail(f"units[{i}]: nieznana jednostka w children albo nieznany counter")
        numbered = "n" in _placeholders(row["label"])
        if not _placeholders(row["label"]) <= {"n"} or (row["counter"] != "none") != numbered:
            raise _fail(f"units[{i}].label: oznaczenie numerowanej jednostki zawiera {{n}}, tiret — nie")
        practice = tuple(PracticeChild(**_row(raw, _PRACTICE_FIELDS, f"units[{i}].practice_children[{j}]"))
                         for j, raw in enumerate(row["practice_children"]))
        if any(child.kind not in kinds or child.kind in row["children"] or not child.ztp.strip()
               or not child.seen.strip() for child in practice):
            raise _fail(f"units[{i}].practice_children: nieznana jednostka, jednostka dozwolona już przez ZTP "
                        "albo brak wymagania ZTP lub uchwały, która tak pisze")
        infos.append(UnitInfo(**{**{k: v for k, v in row.items() if k != "in"}, "in_form": row["in"],
                                 "children": tuple(row["children"]), "practice_children": practice}))
    styles: list[ListStyleInfo] = []
    for i, raw in enumerate(data["list_styles"]):
        row = _row(raw, _STYLE_FIELDS, f"list_styles[{i}]")
        if row["counter"] not in counters or (row["unit"] is not None and row["unit"] not in UNIT_KINDS):
            raise _fail(f"list_styles[{i}]: nieznany counter albo jednostka")
        if not _placeholders(row["label"]) <= {"n"} or not _placeholders(row["markdown"] or "") <= {"n", "a"}:
            raise _fail(f"list_styles[{i}]: oznaczenie może zawierać tylko {{n}} (znacznik Markdown: {{n}}, {{a}})")
        try:
            re.compile(row["source"] or "")
        except re.error as error:
            raise _fail(f"list_styles[{i}].source: {error}") from None
        styles.append(ListStyleInfo(**row))
    if [style.name for style in styles] != list(get_args(ListStyle)):
        raise _fail(f"style wyliczeń mają być dokładnie {list(get_args(ListStyle))} (typ ListStyle)")
    ordinals = data["tiret_ordinals"]
    if not isinstance(ordinals, dict) or len(ordinals.get("units", ())) != 19 or len(ordinals.get("tens", ())) != 8:
        raise _fail("tiret_ordinals: 19 liczebników jedności i 8 dziesiątek")
    return Vocabulary(tuple(infos), tuple(styles), tuple(ordinals["units"]), tuple(ordinals["tens"]))
