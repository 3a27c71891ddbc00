"""Drafting rules over the closing provisions and annexes of the printed document: executor clause, entry into
force (and for an act of local law the Dziennik Urzędowy formula, no retroactivity), annex references and headers.

Contract: as :mod:`paldocs.checks.rules_document` — rules read ``context.document`` (nothing when it is None),
name the unit in ``Report.unit`` and point ``where`` at the data that printed it; each docstring names the
drafting rule (section of docs/domain.md, with its status: verified, practice or unverified).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from paldocs.checks.engine import CheckContext, Report, rule
from paldocs.checks.executor_organs import (EXECUTIVE_TITLES, chosen_executor_reports, other_executive,
                                            unit_head_problem)
from paldocs.document import Div
from paldocs.errors import PaldocsError
from paldocs.legal.clauses import ClauseMatch, clause_kinds, clause_text, recognise_clause
from paldocs.model.municipality import GminaKind
from paldocs.polish.dates import format_date, parse_date
from paldocs.polish.regions import official_journal
from paldocs.checks.units import (
    UnitNode,
    annex_of_this_act,
    div_text,
    iter_nodes,
    paragrafy_of,
    plain,
    resolution_units,
)


_TITLE_NAMES = EXECUTIVE_TITLES


@rule("PD024", "error", "klauzula wykonawcza")
def executor_clause(context: CheckContext) -> Iterator[Report]:
    """Jest jeden paragraf „Wykonanie uchwały powierza się X.”; X to organ wykonawczy z profilu gminy w celowniku
    (albo ten, którego wskazują dane: resolution.closing.executor), a tytuł organu z profilu pasuje do rodzaju
    gminy: wiejska — Wójtowi; miejska i miejsko-wiejska — Burmistrzowi albo Prezydentowi. Sprawdzana jest każda
    klauzula — także wpisana przez urzędnika w paragrafach i organ z resolution.closing.executor: celownik, organ
    wykonawczy tej gminy, nigdy kierownik jednostki organizacyjnej ani dwa organy naraz. Gdy dane pomijają klauzulę
    celowo (resolution.closing.order bez „executor”, jak uchwały bez niej), jest to tylko informacja. Źródło: art. 26
    i art. 30 ust. 1 u.s.g. (wójt wykonuje uchwały rady; rozstrzygnięcie nadzorcze opisane w wspolnota.org.pl, „To
    wójt wydaje polecenia służbowe” — wykonanie powierzone „wójtowi i kierownikowi gminnego ośrodka pomocy
    społecznej” narusza art. 30 ust. 1 i ust. 2 pkt 2 u.s.g.).

    docs/domain.md § 1 (przepisy końcowe = klauzula wykonawcza + wejście w życie; brzmienie klauzuli: praktyka) i § 4
    (art. 26 u.s.g.; celownik „Wójtowi Gminy Ostróda” — praktyka).
    """
    roots = resolution_units(context)
    if roots is None:
        return
    chosen = context.data.resolution.closing.executor if context.data.resolution.closing else None
    if chosen:
        yield from chosen_executor_reports(context, chosen)
    # the data may entrust the execution to another organ (resolution.closing.executor): then that is the one expected
    dative = plain(chosen or context.data.municipality.executive.dative)
    clause = clause_text("executor", "standard", organ=dative)
    clauses = [(node, plain(match.organ or "")) for node in iter_nodes(roots)
               if (match := recognise_clause(node.own_text or "")) and match.kind == "executor"]
    if not clauses:
        closing = context.data.resolution.closing
        if closing is not None and closing.order is not None and "executor" not in closing.order:
            # The data leave the clause out on purpose, as published resolutions do (Uchwała Nr XI/60/2004 Rady
            # Gminy Bobrowniki, Uchwała Nr XIV/56/2011 Rady Miejskiej Ząbkowic Śląskich): a note, not an error.
            yield Report("uchwała nie ma klauzuli wykonawczej, bo dane ją pomijają (resolution.closing.order bez "
                         "„executor”) — zwykle uchwała wskazuje organ, który ją wykonuje; jeśli to przeoczenie, "
                         "dopisz „executor” do „order”", ("resolution", "closing", "order"), severity="info")
            return
        yield Report("brak klauzuli wykonawczej: uchwała wskazuje organ, który ją wykonuje — paragraf „Wykonanie "
                     "uchwały powierza się …” przed przepisem o wejściu w życie", fix=clause)
        return
    # With two clauses the template's (no data path) stays; the clerk's copy is the one to remove.
    node, organ = next((found for found in clauses if found[0].where is None), clauses[0])
    for other, other_organ in clauses:
        if other is node:
            continue
        yield Report(f"klauzula wykonawcza powtórzona ({other.citation} i {node.citation}) — uchwała ma jedną "
                     "klauzulę wykonawczą", other.where, unit=other.citation)
        # The clerk's copy is judged too when its organ is wrong in itself — a unit's head, two organs, another
        # executive — which is what a supervisor reads first; another organ alone is the duplicate's problem.
        if unit_head_problem(other_organ) or other_executive(other_organ, dative):
            yield from _organ_reports(other, other_organ, dative, clause)
    if node.unit.kind != "paragraf":
        yield Report(f"klauzula wykonawcza stoi w {node.citation} — powinna być osobnym paragrafem przed przepisem "
                     "o wejściu w życie", node.where, fix=clause, unit=node.citation)
    if organ != dative:
        yield from _organ_reports(node, organ, dative, clause)
    if chosen or unit_head_problem(organ):
        return  # not the executive organ of art. 26 u.s.g. (the data's choice, or reported above): no title to judge
    accepted, preferred, doubtful = _executive_titles(context)
    title, _, rest = organ.partition(" ")
    fixed = clause_text("executor", "standard", organ=f"{preferred} {rest}".rstrip())
    where = ("municipality", "executive", "dative") if organ == dative else node.where
    if title.capitalize() in doubtful:
        yield Report(f"„{organ}”: w gminie miejsko-wiejskiej organem wykonawczym jest burmistrz, a wójt tylko wtedy, "
                     "gdy siedziba władz gminy nie jest w mieście (art. 26 u.s.g.) — sprawdź", where, fix=fixed,
                     unit=node.citation, severity="warning")
    elif title.capitalize() not in accepted:
        expected = " albo ".join(name for key, name in _TITLE_NAMES.items() if key in accepted)
        kind = str(context.data.municipality.kind).removeprefix("gmina ")[:-1] + "iej"
        yield Report(f"„{organ}”: w gminie {kind} organem wykonawczym jest {expected} (art. 26 u.s.g.), w klauzuli "
                     "wykonawczej — w celowniku", where, fix=fixed, unit=node.citation)


def _organ_reports(node: UnitNode, organ: str, dative: str, clause: str) -> Iterator[Report]:
    problem = unit_head_problem(organ)
    detail = f" — {problem}" if problem else ""
    yield Report(f"klauzula wykonawcza powierza wykonanie „{organ}”, a organem wykonawczym gminy jest „{dative}” "
                 f"(profil gminy, celownik){detail}", node.where, fix=clause, unit=node.citation)


def _executive_titles(context: CheckContext) -> tuple[set[str], str, set[str]]:
    """Titles (dative) accepted for the gmina's kind, the one to suggest, and those only doubtful (art. 26 u.s.g.)."""
    municipality = context.data.municipality
    if municipality.kind == GminaKind.WIEJSKA:
        return {"Wójtowi"}, "Wójtowi", set()
    if municipality.kind == GminaKind.MIEJSKO_WIEJSKA:
        return {"Burmistrzowi", "Prezydentowi"}, "Burmistrzowi", {"Wójtowi"}
    if municipality.president_before_1990 or (municipality.population or 0) > 100_000:
        return {"Prezydentowi"}, "Prezydentowi", set()
    return ({"Burmistrzowi"} if municipality.population is not None else {"Burmistrzowi", "Prezydentowi"},
            "Burmistrzowi", set())


# --- PD025 / PD026 entry into force --------------------------------------------------------------------------------



def _is_apm(context: CheckContext) -> bool:
    own = context.data.resolution.act_of_local_law
    return own if own is not None else context.kind.act_of_local_law


def _in_force_text(context: CheckContext) -> str:
    if not _is_apm(context):
        return clause_text("entry-into-force", "upon-adoption")
    voivodeship = context.data.municipality.voivodeship
    journal = official_journal(voivodeship) if voivodeship else "Dzienniku Urzędowym Województwa …"
    return clause_text("entry-into-force", "after-publication", journal=journal)


@rule("PD025", "error", "wejście w życie")
def entry_into_force(context: CheckContext) -> Iterator[Report]:
    """Jest paragraf „Uchwała wchodzi w życie …” i jest to ostatni paragraf uchwały; przepis o wejściu w życie zaczyna
    się od słów „Uchwała wchodzi w życie” (nie „Niniejsza uchwała wchodzi w życie”, „Uchwała niniejsza …”,
    „Przepisy uchwały wchodzą w życie …”, „Uchwała obowiązuje od …”). Źródło: § 45 ust. 1 ZTP („Ustawa wchodzi
    w życie …”) stosowany odpowiednio do uchwał (§ 143 ZTP); forma z ogłoszeniem na początku („Uchwała podlega
    ogłoszeniu w … i wchodzi w życie …”) jest przyjęta z Uchwały Nr XXX.338.2014 Rady Miejskiej w Białej.

    docs/domain.md § 1: przepisy końcowe (klauzula wykonawcza, wejście w życie) zamykają uchwałę.
    """
    roots = resolution_units(context)
    if roots is None:
        return
    paragrafy = paragrafy_of(roots)
    entries = [node for node in paragrafy if _entry_into_force(node.text) is not None]
    misworded = [(node, fixed) for node in paragrafy if node not in entries
                 and (fixed := _reworded_entry(node.text)) is not None]
    for node, fixed in misworded:
        yield Report(f"{node.citation}: „{_opening(node.text)}” — przepis o wejściu w życie zaczyna się od słów "
                     "„Uchwała wchodzi w życie” (§ 45 ust. 1 w zw. z § 143 ZTP)", node.where, fix=fixed,
                     unit=node.citation)
    entries = sorted([*entries, *(node for node, _ in misworded)], key=paragrafy.index)
    if not entries:
        yield Report("brak przepisu o wejściu w życie: uchwałę zamyka paragraf „Uchwała wchodzi w życie …”",
                     fix=_in_force_text(context))
    for node in entries:
        if node is not paragrafy[-1]:
            more = f" (uchwała ma {len(entries)} takie przepisy)" if len(entries) > 1 else ""
            yield Report(f"przepis o wejściu w życie ({node.citation}) nie jest ostatnim paragrafem — po nim jest "
                         f"{paragrafy[-1].citation}{more}; przepis o wejściu w życie zamyka uchwałę", node.where,
                         unit=node.citation)


# An entry-into-force provision in other words ("Niniejsza uchwała wchodzi w życie", "Uchwała obowiązuje od …"):
# clauses.yaml, kind "entry-into-force-other"; its match ends with the verb.
_OTHER_ENTRY = next(kind.pattern for kind in clause_kinds() if kind.kind == "entry-into-force-other")


def _opening(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[:size].rstrip() + "…"


def _reworded_entry(text: str) -> str | None:
    """The standard wording of an entry-into-force provision written otherwise, or None when ``text`` is none."""
    clause = recognise_clause(text)
    if clause is None or clause.kind != "entry-into-force-other" or not (found := _OTHER_ENTRY.match(clause.text)):
        return None
    rest = clause.text[found.end():].lstrip()
    if clause.variant == "in-force-from":
        rest = re.sub(r"^od(?: dnia)? ", "z dniem ", rest)  # "obowiązuje od dnia 1 stycznia" → "z dniem 1 stycznia"
    return f"Uchwała wchodzi w życie {rest}".rstrip()


@rule("PD026", "error", "wejście w życie aktu prawa miejscowego")
def local_law_entry_into_force(context: CheckContext) -> Iterator[Report]:
    """Akt prawa miejscowego wchodzi w życie „po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym
    Województwa …” (także „Uchwała podlega ogłoszeniu w … i wchodzi w życie po upływie 14 dni …”), nie „z dniem
    podjęcia”, nie „z dniem” wcześniejszym niż 14 dni po podjęciu i nigdy wstecz — w żadnej postaci: „z mocą od …”,
    „stosuje się od …”, „ma zastosowanie od …”, „obowiązuje od …”, „stosuje się z dniem …”, „z dniem” sprzed dnia
    podjęcia, w przepisie o wejściu w życie czy w innym paragrafie — to błąd; w innej uchwale dzień wejścia w życie
    sprzed dnia podjęcia, także w osobnym paragrafie („Program ma zastosowanie od …”), zgłasza ostrzeżenie. „W
    terminie 14 dni” jest wadliwe w każdej uchwale. Źródło: art. 4
    ust. 1 i art. 5 ustawy z dnia 20 lipca 2000 r. o ogłaszaniu aktów normatywnych i niektórych innych aktów
    prawnych; orzeczenie opisane w prawo.gazetaprawna.pl („Uchwała rady gminy nie obowiązuje z mocą wsteczną”: Rada
    Miejska w Skale, „wchodzi w życie z dniem podjęcia z mocą obowiązującą od 1 października 2010 roku”).

    docs/domain.md § 1: art. 4 ust. 1 ustawy o ogłaszaniu aktów normatywnych (14 dni od ogłoszenia); art. 5 tej
    ustawy dopuszcza wsteczną moc obowiązującą tylko, gdy zasady demokratycznego państwa prawnego nie stoją temu na
    przeszkodzie — paldocs odmawia jej w akcie prawa miejscowego; „w terminie 14 dni” uznano za wadliwe (źródła nie
    nazwano — do potwierdzenia). Forms dated on or after the day of adoption other than "z mocą od"/"stosuje się
    od" are not reported: "z mocą obowiązującą od dnia 1 stycznia 2016 r." in a resolution of 25 November 2015
    (Uchwała Nr XIII…2015 Rady Miejskiej w Człuchowie, a programme of cooperation) is not retroactive.
    """
    roots = resolution_units(context)
    if roots is None or context.document is None:
        return
    apm, expected, voivodeship = _is_apm(context), _in_force_text(context), context.data.municipality.voivodeship
    adopted = context.document.meta.date
    for node in paragrafy_of(roots):
        text, problem, fix, severity = node.text, "", expected, "error"
        applied = _APPLIES_FROM.search(text)
        clause = _entry_into_force(text)
        if applied and _before(applied_on := _date_of(applied["date"]), adopted):
            # "obowiązuje od", "ma zastosowanie od", "stosuje się z dniem" a day before adoption: retroactive
            if apm:
                yield Report(f"{node.citation}: „{text}” — {RETROACTIVE} (docs/domain.md § 1)", node.where, fix=fix,
                             unit=node.citation)
                continue
            if clause is None:  # a provision of its own ("Program ma zastosowanie od …") in another resolution
                assert applied_on is not None  # _before compares only a known date
                yield Report(f"{node.citation}: „{text}” — przepisy mają działać od {format_date(applied_on)}, przed "
                             "dniem podjęcia — wsteczna moc obowiązująca jest dopuszczalna tylko wyjątkowo (art. 5 "
                             "ustawy o ogłaszaniu aktów normatywnych); sprawdź (docs/domain.md § 1)", node.where,
                             unit=node.citation, severity="warning")
                continue
        variant = clause.variant if clause is not None else ("retroactive" if _RETROACTIVE.search(text) else None)
        if variant is None:
            continue
        dated = _date_of(clause.date if clause is not None else None)
        if variant == "within-14-days":
            problem = "„w terminie 14 dni” nie wskazuje dnia wejścia w życie (sformułowanie uznane za wadliwe)"
            fix = text.replace("w terminie 14 dni", "po upływie 14 dni")
        elif apm and (variant == "retroactive" or (variant == "on-date" and _before(dated, adopted))):
            problem = RETROACTIVE
        elif variant == "on-date" and _before(dated, adopted):
            assert dated is not None  # _before compares only a known date
            problem = (f"uchwała wchodzi w życie {format_date(dated)}, przed dniem podjęcia — wsteczna moc obowiązująca "
                       "jest dopuszczalna tylko wyjątkowo (art. 5 ustawy o ogłaszaniu aktów normatywnych); sprawdź")
            severity, fix = "warning", clause_text("entry-into-force", "upon-adoption")
        elif not apm:
            continue
        elif variant == "upon-adoption":
            problem = "akt prawa miejscowego nie wchodzi w życie z dniem podjęcia, lecz po ogłoszeniu"
        elif variant == "on-date" and dated is not None and adopted is not None:
            too_soon = dated < adopted + dt.timedelta(days=14)
            problem = ("akt prawa miejscowego wchodzi w życie po upływie 14 dni od dnia ogłoszenia, a ogłasza się go po "
                       f"podjęciu: dzień {format_date(dated)} jest " + ("wcześniej niż 14 dni po dniu podjęcia" if too_soon
                       else "dopuszczalny tylko wtedy, gdy ogłoszenie nastąpi co najmniej 14 dni wcześniej — sprawdź"))
            severity = "error" if too_soon else "warning"
        elif variant not in ("after-publication", "published-after-publication"):
            problem = "akt prawa miejscowego wchodzi w życie po upływie 14 dni od dnia ogłoszenia"
        elif voivodeship and official_journal(voivodeship) not in ((clause.journal if clause else None) or ""):
            problem = f"akt ogłasza się w dzienniku urzędowym województwa {voivodeship}"
        if problem:
            yield Report(f"{node.citation}: „{text}” — {problem} (docs/domain.md § 1)", node.where, fix=fix,
                         unit=node.citation, severity=severity)


RETROACTIVE = ("akt prawa miejscowego nie może działać wstecz (art. 5 ustawy o ogłaszaniu aktów normatywnych dopuszcza "
               "wsteczną moc obowiązującą tylko wtedy, gdy zasady demokratycznego państwa prawnego nie stoją temu na "
               "przeszkodzie)")
# Every form that makes provisions apply from a day ("obowiązuje od", "ma zastosowanie od", "stosuje się z dniem",
# "z mocą od"), with its date: clauses.yaml, kind "applies-from"; retroactive when the day is before adoption.
_APPLIES_FROM = next(kind.pattern for kind in clause_kinds() if kind.kind == "applies-from")
# "Przepisy uchwały stosuje się od …" standing alone: the retroactive wording of clauses.yaml, anywhere in a paragraf.
_RETROACTIVE = next(
    variant.pattern for kind in clause_kinds() if kind.kind == "entry-into-force"
    for variant in kind.variants if variant.id == "retroactive")


def _date_of(text: str | None) -> dt.date | None:
    try:
        return parse_date(text) if text else None
    except PaldocsError:
        return None


def _entry_into_force(text: str) -> ClauseMatch | None:
    clause = recognise_clause(text)
    return clause if clause is not None and clause.kind == "entry-into-force" else None


def _before(date: dt.date | None, adopted: dt.date | None) -> bool:
    """The clause's date ("z dniem 1 stycznia 2014 r.") lies before the day of adoption."""
    return adopted is not None and date is not None and date < adopted


# --- PD027 / PD028 annexes -----------------------------------------------------------------------------------------

_ANNEX_REFERENCE = re.compile(r"\b[Zz]ałącznik\w*(?: (?:nr|Nr|NR) ?(?P<nums>\d+(?:(?:, ?| i | oraz |[–-])\d+)*))?"
                              r"(?P<after> do (?P<whose>\w+))?")


@rule("PD027", "error", "załączniki")
def annex_references(context: CheckContext) -> Iterator[Report]:
    """Każdy załącznik jest powołany w paragrafie uchwały („… stanowiący załącznik do niniejszej uchwały”, „… do
    uchwały”, „załącznik nr 2”), a każdy powołany załącznik istnieje; „załącznik do uchwały Nr X/1/2010”, „do uchwały
    z dnia …”, „do zarządzenia” to załączniki innych aktów.

    docs/domain.md § 1 (§ 1 „… stanowiący załącznik do niniejszej uchwały.”: praktyka) i § 6 (numer
    załącznika, gdy jest ich kilka: praktyka); „do uchwały” bez numeru o załączniku własnym: praktyka (Uchwała Nr
    XIII/41/2016 Rady Gminy Rogowo, Uchwała Nr 107/XII/11 Rady Gminy Wysokie Mazowieckie).
    """
    roots = resolution_units(context)
    if roots is None or context.document is None:
        return
    count = sum(part.kind == "annex" for part in context.document.parts)
    referenced: set[int] = set()
    amending = getattr(context.data.resolution, "amends", None) is not None
    for node in iter_nodes(roots):
        for match in _ANNEX_REFERENCE.finditer(node.own_text or ""):
            if match["after"] and not annex_of_this_act(match.string[match.start("whose"):]):
                continue  # an annex to another act ("do uchwały Nr X/1/2010", "do zarządzenia")
            if amending and match["after"] and not match["whose"].lower().startswith("niniejsz"):
                continue  # the change list's "w załączniku do uchwały" is the amended act's (docs/amendments.md)
            numbers = _numbers(match["nums"]) if match["nums"] else ({1} if count == 1 or match["after"] else set())
            referenced |= numbers
            for number in sorted(n for n in numbers if n > count):
                what = f"załącznik nr {number}" if match["nums"] else "załącznik"
                has = f"ma załączników: {count}" if count else "nie ma załącznika"
                yield Report(f"{node.citation} powołuje {what} do niniejszej uchwały, a uchwała {has}", node.where,
                             unit=node.citation)
    for number in sorted(set(range(1, count + 1)) - referenced):
        name = "załącznik" if count == 1 else f"załącznik nr {number}"
        yield Report(f"{name} nie jest powołany w żadnym paragrafie uchwały — paragraf, który go przyjmuje, mówi np. "
                     f"„…, stanowiący {name} do niniejszej uchwały”", ("program",) if context.data.program else None,
                     fix=f"stanowiący {name} do niniejszej uchwały")


def _numbers(text: str) -> set[int]:
    numbers: set[int] = set()
    for piece in re.split(r", ?| i | oraz ", text):
        low, _, high = piece.replace("–", "-").partition("-")
        numbers |= set(range(int(low), min(int(high or low), int(low) + 50) + 1))
    return numbers


@rule("PD028", "error", "nagłówek załącznika")
def annex_header(context: CheckContext) -> Iterator[Report]:
    """Nagłówek każdego załącznika podaje numer i datę uchwały oraz radę w dopełniaczu („Załącznik do Uchwały
    Nr … / Rady … / z dnia … r.”), a gdy załączników jest kilka — numer załącznika.

    docs/domain.md § 6 (oficjalny wzór XML); „Załącznik nr 1 do …” przy kilku załącznikach — praktyka.
    """
    if context.document is None:
        return
    meta, council = context.document.meta, plain(context.data.municipality.council.genitive)
    annexes = [part for part in context.document.parts if part.kind == "annex"]
    date = format_date(meta.date) if meta.date else "… r."
    for number, part in enumerate(annexes, 1):
        name = "Załącznik" if len(annexes) == 1 else f"Załącznik nr {number}"
        expected = f"{name} do Uchwały Nr {meta.number or '…'} / {council} / z dnia {date}"
        header = next((b for b in part.blocks if isinstance(b, Div) and b.role == "annex-header"), None)
        if header is None:
            yield Report(f"{name.lower()} nie ma nagłówka wskazującego uchwałę (docs/domain.md § 6)", fix=expected)
            continue
        text = div_text(header)
        low = text.lower()
        missing = [what for what, present in (
            (f"numeru uchwały „Nr {meta.number}”", not meta.number or f"nr {meta.number}".lower() in low),
            (f"daty „z dnia {date}”", not meta.date or f"z dnia {date}".lower() in low),
            (f"rady w dopełniaczu „{council}”", council.lower() in low),
            (f"numeru załącznika „{name}”", len(annexes) == 1 or low.startswith(name.lower())),
        ) if not present]
        if missing:
            yield Report(f"nagłówek załącznika „{text}” nie zawiera {', '.join(missing)} (docs/domain.md § 6)",
                         fix=expected)
