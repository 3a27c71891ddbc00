"""Drafting rules on how provisions designate the resolution's own annexes (the count is the document's).

Contract: a rule reads the resolution part of ``context.document`` (nothing when there is none) and the number
of annex parts; a finding names the unit by its citation address and points ``where`` at the data that printed
it (:mod:`paldocs.checks.units`). A reference to an annex number beyond the count is PD027's
(:mod:`paldocs.checks.rules_closing`); this module judges the *form* of the designation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from paldocs.checks.engine import CheckContext, Report, rule
from paldocs.checks.units import annex_of_this_act, iter_nodes, resolution_units

# "załącznik nr 1", "załącznikiem Nr 2", "załącznika do niniejszej uchwały"; the act it belongs to after "do".
_REFERENCE = re.compile(r"\b[Zz]ałącznik(?:a|owi|iem|u)?\b(?P<number> (?:nr|Nr|NR) ?\d+)?(?: do (?P<whose>\w+))?")


@rule("PD033", "warning", "oznaczenie załącznika")
def annex_designation(context: CheckContext) -> Iterator[Report]:
    """Paragraf oznacza załącznik uchwały tak jak jego nagłówek: jedyny załącznik — „załącznik” bez numeru, a przy
    kilku załącznikach — „załącznik nr 1”, „załącznik nr 2” (jak „Załącznik Nr 2 do Uchwały …”).

    docs/domain.md § 6 (nagłówek „Załącznik do Uchwały …”, przy kilku „Załącznik nr 1 do …”: praktyka; przy
    jednym załączniku bywa też „nr 1”, stąd ostrzeżenie, nie błąd). Że numerację załączników nakazuje § 28
    ust. 4 ZTP (w zw. z § 143 ZTP) — niezweryfikowane.
    """
    roots = resolution_units(context)
    if roots is None or context.document is None:
        return
    count = sum(part.kind == "annex" for part in context.document.parts)
    if count == 0:
        return
    for node in iter_nodes(roots):
        for match in _REFERENCE.finditer(node.own_text or ""):
            if match["whose"] and not annex_of_this_act(match.string[match.start("whose"):]):
                continue  # an annex to another act ("załącznik do uchwały Nr …", "do rozporządzenia")
            if count == 1 and match["number"]:
                yield Report(f"{node.citation} oznacza jedyny załącznik numerem („{match[0].strip()}”), a jego "
                             "nagłówek mówi „Załącznik do Uchwały …” — napisz „załącznik” bez numeru",
                             node.where, unit=node.citation, fix=match[0].replace(match["number"], ""))
            elif count > 1 and not match["number"] and match["whose"] is not None:
                yield Report(f"{node.citation} powołuje „{match[0]}”, a uchwała ma załączników: {count} — wskaż który: "
                             f"„załącznik nr 1” … „załącznik nr {count}”", node.where, unit=node.citation)
