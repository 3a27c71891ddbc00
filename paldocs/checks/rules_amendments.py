"""Drafting rules over amending resolutions (PD080–PD084): the title, the quoted new wordings, one change per
point, the Dziennik Urzędowy of an amended act of local law and the § 84 ZTP warning sign of numerous changes.

Contract: rules read the data's ``resolution.amends`` (:mod:`paldocs.model.amendment`) and, for the wording that
prints (also a change list a clerk typed in ``provisions`` or an imported resolution), ``context.document``; a
resolution that amends nothing yields nothing. Whether the amended units exist in the amended act is checked
against that act's data elsewhere. Each docstring names its source (docs/amendments.md, "Checks").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from paldocs.amendments.wording import amendment_title
from paldocs.checks.engine import CheckContext, Report, rule
from paldocs.checks.units import UnitNode, iter_nodes, plain, resolution_units
from paldocs.document import Paragraph, inline_text

# A change list opens with this sentence (§ 85 ust. 2 ZTP: „W ustawie … wprowadza się następujące zmiany:”).
_CHANGE_LIST = re.compile(r"wprowadza się następujące zmiany\s*:")
_NEW_WORDING = re.compile(r"(?:otrzymuj[eą] brzmienie|w brzmieniu)\s*:")
_OPERATION = re.compile(r"\b(?:otrzymuj[eą] brzmienie|dodaje się|uchyla się|zastępuje się|skreśla się)\b")
_QUOTED = re.compile(r"„[^”]*”")
# More points than this in one change list: paldocs's own sign for § 84 ZTP ("liczne" zmiany has no number).
NUMEROUS_CHANGES = 10
# So many earlier amendments: § 84 ZTP also names an act "wielokrotnie nowelizowany" (paldocs's threshold).
MANY_AMENDMENTS = 3


def _unit_text(node: UnitNode) -> str:
    """The unit's own paragraphs (not its sub-units'), as a reader compares them."""
    return plain(" ".join(inline_text(block.children) for block in node.unit.children if isinstance(block, Paragraph)))


def _amending_units(context: CheckContext) -> Iterator[tuple[UnitNode, bool]]:
    """Every unit of a change list and whether it is a point of the list (not the paragraf that opens it)."""
    roots = resolution_units(context)
    if roots is None:
        return
    for paragraf in roots:
        if context.data.resolution.amends is None and not _CHANGE_LIST.search(_unit_text(paragraf)):
            continue
        for node in iter_nodes(paragraf):
            yield node, node is not paragraf and len(node.chain) == 2


@rule("PD080", "error", "tytuł wskazuje zmienianą uchwałę")
def title_names_the_amended(context: CheckContext) -> Iterator[Report]:
    """Tytuł uchwały zmieniającej wskazuje uchwałę zmienianą: jej tytuł „w sprawie …” albo jej numer —
    „zmieniająca uchwałę w sprawie …” (jak tytuł aktu zmieniającego: „zmieniające rozporządzenie w sprawie …”,
    Dz. U. z 2026 r. poz. 100; Uchwała Nr XXIV/125/13 Rady Gminy Wizna) albo „w sprawie zmiany uchwały Nr …
    z dnia … w sprawie …” (praktyka: Uchwała Nr VII/80/03 Rady Miejskiej w Choroszczy). Dane
    z listą zmian (resolution.amends) przy rodzaju uchwały, który jej nie drukuje, też są błędem: § 1 nie
    wymieniłby zmian. docs/amendments.md, „Checks”.
    """
    resolution = context.data.resolution
    amendment = resolution.amends
    if amendment is None:
        return
    council = context.data.municipality.council.genitive
    expected = amendment_title(amendment, council)
    if resolution.kind != "zmiana" and resolution.adoption is None:
        yield Report(f"dane podają listę zmian (resolution.amends), ale rodzaj uchwały „{resolution.kind}” jej nie "
                     "drukuje — uchwała zmieniająca ma rodzaj „zmiana”", ("resolution", "kind"), fix="zmiana")
    subject = resolution.subject
    if subject is None:
        return  # the kind's title is made from amends and names the amended resolution
    amended = amendment.resolution
    said = plain(subject)
    if plain(amended.number) in said or plain(amended.subject).removeprefix("w sprawie ") in said:
        return
    yield Report(f"tytuł „{said}” nie wskazuje zmienianej uchwały Nr {amended.number} — tytuł uchwały zmieniającej "
                 f"powtarza jej tytuł albo numer, np. „{expected}”", ("resolution", "subject"), fix=expected)


@rule("PD081", "error", "nowe brzmienie w cudzysłowie „…”")
def new_wording_is_quoted(context: CheckContext) -> Iterator[Report]:
    """Nowe brzmienie jednostki stoi w cudzysłowie: „ przed oznaczeniem jednostki, ” po jej ostatnim znaku, po nim
    średnik albo kropka punktu — jak w przepisach zmieniających (Dz. U. z 2026 r. poz. 100, § 1 pkt 1–2:
    „dodaje się pkt 7 w brzmieniu: „7) … .”;”); prosty cudzysłów "…" paldocs drukuje jako „…” (typografia).
    Dotyczy jednostek po „otrzymuje brzmienie:” i „w brzmieniu:”. docs/amendments.md, „Checks”.
    """
    for node, _ in _amending_units(context):
        text = _unit_text(node)
        match = _NEW_WORDING.search(text)
        if match is None:
            continue
        wording = text[match.end():].strip()
        where = node.where or ("resolution", "amends")
        if not wording:
            continue  # the wording stands in the sub-units: nothing of this unit to judge
        if not wording.startswith("„"):
            yield Report("nowe brzmienie po dwukropku nie zaczyna się cudzysłowem „ — przytacza się je w „…”",
                         where, unit=node.citation)
        elif not re.search(r"”[;.,]?$", wording):
            yield Report("nowe brzmienie nie kończy się cudzysłowem ” (po nim średnik albo kropka punktu)", where,
                         unit=node.citation)


@rule("PD082", "warning", "jedna zmiana w jednym punkcie")
def one_change_per_point(context: CheckContext) -> Iterator[Report]:
    """Każdy punkt listy zmian zmienia jedną jednostkę jedną czynnością: „otrzymuje brzmienie”, „dodaje się”,
    „uchyla się”, „zastępuje się”, „skreśla się” (§ 85 ust. 2 ZTP: zmiany wylicza się punktami). Tekst w „…” (nowe
    brzmienie) nie jest liczony. Ostrzeżenie, nie błąd: przepisy zmieniające łączą niekiedy zmianę znaku
    z dodaniem jednostki („kropkę zastępuje się średnikiem i dodaje się pkt 7”, Dz. U. z 2026 r. poz. 100).
    docs/amendments.md, „Checks”.
    """
    for node, is_point in _amending_units(context):
        if not is_point:
            continue
        text = _unit_text(node)
        if wording := _NEW_WORDING.search(text):  # what follows is the new wording, quotes inside it included
            text = text[:wording.end()]
        operations = _OPERATION.findall(_QUOTED.sub("", text))
        if len(operations) > 1:
            yield Report(f"punkt listy zmian łączy {len(operations)} zmiany („{'”, „'.join(operations)}”) — każdą "
                         "zmianę zapisuje się w osobnym punkcie", node.where or ("resolution", "amends"),
                         unit=node.citation)


@rule("PD083", "warning", "zmiana aktu ogłoszonego w dzienniku urzędowym")
def amended_local_law_keeps_the_journal(context: CheckContext) -> Iterator[Report]:
    """Uchwała ogłoszona w dzienniku urzędowym województwa (resolution.amends.resolution.journal) — akt prawa
    miejscowego — zmienia się uchwałą, którą ogłasza się tak samo: uchwała zmieniająca jest wtedy aktem prawa
    miejscowego (resolution.act_of_local_law), a jej przepis o wejściu w życie ma formułę dziennika urzędowego
    (sprawdza ją PD026). Zmieniana uchwała, która jest aktem prawa miejscowego, podaje adres
    ogłoszenia w § 1 („(Dz. Urz. Woj. … poz. …)”, § 85 ust. 2 ZTP: akt wskazuje się z miejscem ogłoszenia).
    Zasada „zmiana aktu prawa miejscowego jest aktem prawa miejscowego” — praktyka, niezweryfikowana w przepisie:
    docs/amendments.md, „Checks”.
    """
    resolution = context.data.resolution
    amendment = resolution.amends
    if amendment is None:
        return
    apm = resolution.act_of_local_law if resolution.act_of_local_law is not None else context.kind.act_of_local_law
    if amendment.resolution.journal and not apm:
        yield Report(f"zmieniana uchwała Nr {amendment.resolution.number} była ogłoszona w dzienniku urzędowym "
                     f"({amendment.resolution.journal}) — uchwałę, która ją zmienia, ogłasza się tak samo: ustaw "
                     "„act_of_local_law: true” (wejście w życie po ogłoszeniu w dzienniku urzędowym województwa)",
                     ("resolution", "act_of_local_law"), fix="true")
    if apm and amendment.resolution.journal is None:
        yield Report(f"uchwała zmieniająca jest aktem prawa miejscowego, a dane nie podają, gdzie ogłoszono "
                     f"zmienianą uchwałę Nr {amendment.resolution.number} — § 1 wskazuje ją z adresem ogłoszenia "
                     "(„Dz. Urz. Woj. … z … r. poz. …”): podaj resolution.amends.resolution.journal",
                     ("resolution", "amends", "resolution"))


@rule("PD084", "info", "liczne zmiany — nowa uchwała (§ 84 ZTP)")
def numerous_changes(context: CheckContext) -> Iterator[Report]:
    """§ 84 ZTP: gdy zmiany byłyby liczne albo naruszałyby konstrukcję lub spójność aktu, albo akt był już
    wielokrotnie zmieniany, opracowuje się nowy akt (tekst z 2016 r., arslege.pl). Progi są paldocs, nie ZTP:
    więcej niż 10 punktów listy zmian albo co najmniej 3 wcześniejsze uchwały zmieniające (amended_by) — wtedy
    informacja, by rozważyć nową uchwałę, która uchyla dotychczasową. docs/amendments.md, „Checks”.
    """
    amendment = context.data.resolution.amends
    if amendment is None:
        return
    if len(amendment.changes) > NUMEROUS_CHANGES:
        yield Report(f"lista zmian ma {len(amendment.changes)} punktów — przy licznych zmianach § 84 ZTP każe "
                     "opracować nową uchwałę (i uchylić dotychczasową) zamiast ją zmieniać; rozważ to z biurem "
                     "prawnym", ("resolution", "amends", "changes"))
    prior = len(amendment.resolution.amended_by)
    if prior >= MANY_AMENDMENTS:
        yield Report(f"uchwała Nr {amendment.resolution.number} była już zmieniana {prior} razy — akt wielokrotnie "
                     "zmieniany zastępuje się nowym (§ 84 ZTP); rozważ nową uchwałę albo ogłoszenie tekstu "
                     "jednolitego", ("resolution", "amends", "resolution", "amended_by"))
