"""Drafting rules over the document model (what paldocs prints): buildability, enacting formula, numbering and
punctuation of units (the closing provisions and annexes: :mod:`paldocs.checks.rules_closing`).

Contract: a rule reads ``context.document`` and does nothing when it is None (PD000 then says why). The rules
read the part of kind "resolution" (an annex-only document has none). A finding
names the unit by its citation address in ``Report.unit`` ("§ 2 ust. 1 pkt 3", "… tiret drugie") and points
``where`` at the data that printed it: the clerk's provision (``resolution.provisions[i]``), a profile field, or
None for the template's standard text. Rules never raise on odd (imported, hand-built) IR. Each rule's docstring
names the drafting rule it enforces (ZTP paragraph / section of docs/domain.md, with its status).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from paldocs import vocabulary
from paldocs.checks.engine import CheckContext, Report, rule
from paldocs.document import Div, Unit
from paldocs.errors import PaldocsError
from paldocs.polish.numerals import from_letter, to_letter
from paldocs.unit_numbers import split_number
from paldocs.checks.units import (
    UnitNode,
    div_text,
    iter_nodes,
    paragrafy_of,
    plain,
    resolution_part,
    resolution_units,
    text_tail,
    unit_citation,
)



@rule("PD000", "error", "dokument da się zbudować")
def document_builds(context: CheckContext) -> Iterator[Report]:
    """Dokument daje się zbudować z danych (podstawa prawna, szablony, jednostki redakcyjne); jeśli nie — dlaczego.

    Everything else assumes the document can be composed; if not, say why (and where) in one finding.
    """
    if context.build_error is not None:
        error = context.build_error
        where = tuple(_split_path(error.location.path)) if error.location.path else None
        yield Report(f"nie można zbudować dokumentu: {error.message}", where, fix=error.hint)


def _split_path(path: str) -> Iterator[str | int]:
    for part in path.replace("]", "").replace("[", ".").split("."):
        if part:
            yield int(part) if part.isdigit() else part

_FORMULA = re.compile(r"\buchwala(?: się)?, co następuje:$")


@rule("PD020", "error", "formuła wydania")
def enacting_formula(context: CheckContext) -> Iterator[Report]:
    """Przed § 1 stoi formuła wydania: podstawa prawna kończy się „uchwala się, co następuje:” albo osobny akapit
    „Rada … uchwala, co następuje:”.

    § 121 ZTP („uchwala się, co następuje:”); nazwa rady zamiast „się” to praktyka (docs/domain.md § 1).
    """
    part = resolution_part(context)
    if part is None:
        return
    basis, formula, role = "", "", ""
    for block in part.blocks:
        if isinstance(block, Unit):
            break
        if isinstance(block, Div) and block.role in ("legal-basis", "enacting-formula"):
            text = div_text(block)
            basis = text if block.role == "legal-basis" else basis
            if block.role == "enacting-formula" or text.endswith("co następuje:"):
                formula, role = text, block.role
    if not formula:
        yield Report("brak formuły wydania przed § 1 — podstawę prawną kończą słowa „uchwala się, co następuje:” "
                     "(§ 121 ZTP)", fix=" ".join(["…", *basis.split()[-5:], "uchwala się, co następuje:"]))
    elif not _FORMULA.search(formula):
        kept = re.sub(r"\S+(?: się)?,? co następuje:$", "", formula).split()[-5:]
        fix = " ".join(["…", *kept, "uchwala się, co następuje:"])
        if role == "enacting-formula":
            fix = f"{plain(context.data.municipality.council.nominative)} uchwala, co następuje:"
        yield Report(f"formuła wydania „{text_tail(formula, 60)}” ma kończyć się słowami „uchwala się, co następuje:” "
                     "(§ 121 ZTP) albo „… uchwala, co następuje:”", fix=fix)


# --- PD021 numbering -----------------------------------------------------------------------------------------------

# Ustępy, punkty and litery are numbered among their siblings (paragrafy through the whole resolution).
_NUMBERED_SUB_UNITS = tuple(info.kind for info in vocabulary.units() if info.kind != "paragraf" and info.numbering_rule)


@rule("PD021", "error", "numeracja jednostek")
def unit_numbering(context: CheckContext) -> Iterator[Report]:
    """Paragrafy mają numery 1…n w całej uchwale, bez luk i powtórzeń; ustępy i punkty 1…n w każdej jednostce
    nadrzędnej; litery a, b, … z, za, zb … bez liter ą ć ę ł ń ó ś ź ż.

    § 54–57 ZTP, docs/domain.md § 2. Numery nadaje paldocs — reguła pilnuje dokumentów importowanych i budowanych
    ręcznie. Jednostka dodana uchwałą zmieniającą po jednostce „4” ma numer „4a” (dalsze numery się nie zmieniają,
    docs/amendments.md).
    """
    roots = resolution_units(context)
    if roots is None:
        return
    yield from _sequence(paragrafy_of(roots))
    for siblings in [roots, *(node.children for node in iter_nodes(roots))]:
        for kind in _NUMBERED_SUB_UNITS:
            yield from _sequence([node for node in siblings if node.unit.kind == kind])


def _number_value(kind: str, num: str) -> int | None:
    if kind == "litera":
        try:
            return from_letter(num)
        except PaldocsError:
            return None
    return int(num) if num.isdigit() and str(int(num)) == num else None


def _sequence(nodes: list[UnitNode]) -> Iterator[Report]:
    previous: UnitNode | None = None
    value_before = 0
    for node in nodes:
        kind, num = node.unit.kind, node.unit.num
        added = split_number(num, "letter" if kind == "litera" else "decimal")
        if added is not None and added[1] and previous is not None and _number_value(kind, added[0]) == value_before:
            previous = node  # "4a" after "4" (or "4a"): a unit added by an amending act keeps its number (§ 86 ZTP)
            continue
        value = _number_value(kind, num)
        expected = to_letter(value_before + 1) if kind == "litera" else str(value_before + 1)
        fix = unit_citation((*node.chain[:-1], (kind, expected)))
        what = None
        if value is None:
            polish = sorted(set(num) & set("ąćęłńóśźż"))
            what = f"{node.citation}: " + (f"litery {', '.join(polish)} nie są używane do oznaczania liter" if polish
                                           else "niepoprawne oznaczenie")
            value = value_before + 1
        elif value != value_before + 1:
            what = (f"numeracja zaczyna się od {node.citation} zamiast {fix}" if previous is None else
                    f"{node.citation} po {previous.citation}: numer powtarza się albo cofa" if value <= value_before
                    else f"po {previous.citation} następuje {node.citation} — brakuje {fix}")
        if what:
            yield Report(f"{what}; {vocabulary.unit(kind).numbering_rule}", node.where, fix=fix, unit=node.citation)
        previous, value_before = node, value


# --- PD022 / PD023 punctuation of enumerations ---------------------------------------------------------------------


@rule("PD022", "warning", "interpunkcja punktów")
def punkt_punctuation(context: CheckContext) -> Iterator[Report]:
    """Wprowadzenie do wyliczenia kończy się dwukropkiem; każdy punkt kończy się średnikiem, ostatni — kropką;
    punkt, po którym następują litery lub tiret, kończy się dwukropkiem.

    docs/domain.md § 2 (§ 54–57 ZTP): punkt „;” — ostatni „.”; jednostka z punktami ma wprowadzenie.
    """
    yield from _enumeration(context, "punkt")


@rule("PD023", "warning", "interpunkcja liter")
def litera_punctuation(context: CheckContext) -> Iterator[Report]:
    """Każda litera kończy się przecinkiem, ostatnia — średnikiem lub kropką; wprowadzenie do liter — dwukropkiem.

    docs/domain.md § 2 (§ 54–57 ZTP): litera „,” — ostatnia „;” albo „.”.
    """
    yield from _enumeration(context, "litera")


def _enumeration(context: CheckContext, kind: str) -> Iterator[Report]:
    roots = resolution_units(context)
    for parent in [None, *iter_nodes(roots or [])]:
        members = [node for node in (parent.children if parent else roots or []) if node.unit.kind == kind]
        intro = parent.own_text if parent and members and parent.unit.kind != "punkt" else None  # punkty: PD022
        if parent and intro and not intro.endswith(":"):
            yield Report(f"wprowadzenie do wyliczenia kończy się „{text_tail(intro)}” — przed punktami i literami stawia "
                         "się dwukropek", parent.where, fix=_with_final(intro, ":"), unit=parent.citation)
        for member in members:
            text = member.own_text
            if member.children:
                accepted = mark = ":"
                rule_text = "jednostka, po której następują litery lub tiret, kończy się dwukropkiem"
            elif kind == "punkt":
                accepted = mark = "." if member.last else ";"
                rule_text = "punkty kończą się średnikiem, ostatni — kropką"
            else:
                accepted = ";." if member.last else ","
                mark = "," if not member.last else "." if parent is None or parent.last else ";"
                rule_text = "litery kończą się przecinkiem, ostatnia — średnikiem albo kropką"
            if text and text[-1] not in accepted:
                yield Report(f"{member.citation} kończy się „{text_tail(text)}”: {rule_text}", member.where,
                             fix=_with_final(text, mark), unit=member.citation)


def _with_final(text: str, mark: str) -> str:
    return re.sub(r"[\s.,;:]*$", "", text) + mark


# --- PD024 executor clause -----------------------------------------------------------------------------------------
