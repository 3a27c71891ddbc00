"""Drafting rules over the paragrafy a clerk wrote in ``resolution.provisions`` (PD055, PD056, PD057).

Contract: rules read ``context.data.resolution.provisions`` as written (never the printed document, whose numbers
paldocs assigned), run also when the document could not be built, never raise on odd text, and report each
finding with the provision's field path as ``where``. Each rule names the drafting rule it enforces. Only to name
a unit by its printed address ("§ 1 ust. 1") a rule may look up the number of the provision's paragraf in the
document, when it was built.
"""

from __future__ import annotations

from collections.abc import Iterator

from paldocs.checks.engine import CheckContext, Report, rule
from paldocs.checks.units import paragrafy_of, resolution_units, unit_citation
from paldocs.markup.practice import practice_nestings
from paldocs.markup.typed_numbers import text_before_ustepy, typed_number_slips
from paldocs.vocabulary import unit


@rule("PD055", "error", "oznaczenia jednostek wpisane w danych")
def typed_unit_numbers(context: CheckContext) -> Iterator[Report]:
    """Ustępy, punkty i litery wpisane w paragrafie danych mają kolejne oznaczenia („1.”, „2.”; „1)”, „2)”; „a)”,
    „b)”), bo paldocs drukuje własne numery: „1.”, „3.” to zgubiona albo zbędna jednostka, a wyliczenie od „2)” po
    tekście drukuje się jako zwykły tekst. Dozwolone jest powtarzanie pierwszego oznaczenia („1)”, „1)”, „1)”).

    § 55–57 ZTP (verified): jednostki danego stopnia numeruje się kolejno.
    """
    for index, provision in enumerate(context.data.resolution.provisions):
        for slip in typed_number_slips(provision):
            plural = unit(slip.kind).plural
            if slip.previous:
                message = (f"{slip.line}. wiersz paragrafu: po „{slip.previous}” następuje „{slip.typed}” — {plural} "
                           f"oznacza się kolejno (§ 55–57 ZTP), a paldocs wydrukuje tu „{slip.expected}”; sprawdź, "
                           "czy nie brakuje jednostki albo czy nie powinna stać z wcięciem pod poprzednią")
            else:
                message = (f"{slip.line}. wiersz paragrafu: wyliczenie po tekście zaczyna się od „{slip.typed}” — "
                           f"{plural} oznacza się kolejno od „{slip.expected}” (§ 55–57 ZTP); wyliczenie, które "
                           "nie zaczyna się od pierwszego oznaczenia, drukuje się jako dalszy ciąg tekstu")
            yield Report(message, ("resolution", "provisions", index), fix=slip.expected)


@rule("PD056", "warning", "paragraf dzielony na ustępy od początku")
def ustepy_from_the_start(context: CheckContext) -> Iterator[Report]:
    """Paragraf podzielony na ustępy zaczyna się od ustępu 1 („§ 2. 1. Tekst”); tekst przed „1.” drukuje się jako
    część paragrafu bez numeru, do której nie da się odesłać.

    § 55 ZTP (verified: a paragraf is divided into ustępy); "§ 2. 1." as the printed form: docs/domain.md § 2
    (practice). A colon before "1." usually means an enumeration, whose units are punkty "1)" (§ 56 ust. 1 ZTP).
    """
    for index, provision in enumerate(context.data.resolution.provisions):
        line = text_before_ustepy(provision)
        if line is not None:
            yield Report(f"{line}. wiersz paragrafu: ustęp „1.” następuje po tekście paragrafu — tekst przed nim "
                         "nie ma numeru ustępu; zacznij paragraf od „1.” albo, jeśli to wyliczenie, oznacz jego "
                         "jednostki jako punkty „1)”", ("resolution", "provisions", index))


@rule("PD057", "warning", "jednostka, której ZTP w tym miejscu nie przewiduje")
def units_placed_by_practice(context: CheckContext) -> Iterator[Report]:
    """Jednostki stoją tam, gdzie umieszcza je ZTP: wyliczenie w ustępie tworzą punkty „1)”, a tiret wprowadza się
    w obrębie liter. Tirety bezpośrednio w ustępie spotyka się w opublikowanych uchwałach (Uchwała Nr XI/60/2004
    Rady Gminy Bobrowniki, § 1 ust. 1), więc paldocs je drukuje tak, jak je wpisano — i ostrzega.

    § 56 ust. 1 ZTP (verified: in an article or ustęp holding an enumeration, the enumeration is made of punkty) and
    § 56 ust. 3 ZTP (verified: tirets are introduced within litery), as paldocs/legal/units.yaml records them with
    the published resolution that does otherwise (``practice_children``). Any other misplaced unit is an error of
    the build (PD000), not this warning.
    """
    printed = _paragraf_numbers(context)
    for index, provision in enumerate(context.data.resolution.provisions):
        where = ("resolution", "provisions", index)
        for nesting in practice_nestings(provision):
            child, parent = unit(nesting.practice.kind), unit(nesting.parent)
            chain = [(kind, str(position)) for kind, position in nesting.chain]
            known = where in printed
            citation = unit_citation([("paragraf", printed[where]), *chain] if known else chain)
            instead = " albo ".join(f"{unit(kind).plural} („{unit(kind).marker}”)" for kind in parent.children)
            yield Report(f"{nesting.line}. wiersz paragrafu{'' if known else f' ({citation})'}: {child.plural} "
                         f"(„{child.marker}”) stoją bezpośrednio {parent.in_form}, czego ZTP nie przewiduje — "
                         f"{nesting.practice.ztp}; paldocs drukuje je tak, jak je wpisano, bo tak piszą też "
                         f"opublikowane uchwały ({nesting.practice.seen}), ale w nowej uchwale zapisz je jako "
                         f"{instead}", where, unit=citation if known else None)


def _paragraf_numbers(context: CheckContext) -> dict[tuple[str | int, ...], str]:
    """The printed number of each provision's paragraf, by the provision's field path (empty when not built)."""
    roots = resolution_units(context) or []
    return {node.where: node.unit.num for node in paragrafy_of(roots) if node.where is not None}
