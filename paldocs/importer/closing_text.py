"""Closing provisions of an imported resolution: structure only when paldocs prints the same words.

Contract: :func:`read_closing` takes the §§ of a resolution (their text as written, without "§ N.") and the
council's genitive and returns :class:`ClosingRead`: the ``closing`` data (always with an explicit ``order``, so
that paldocs never adds a clause the original does not have — ``order: []`` when none is taken) and how many of
the last §§ it took. A § becomes closing data — executor clause, repeal ("Traci moc uchwała Nr …"), entry into
force ("z dniem podjęcia", "z dniem 1 stycznia 2017 r.", "po upływie 14 dni od dnia ogłoszenia w Dzienniku
Urzędowym Województwa …", "… i podlega ogłoszeniu …") — only when :func:`paldocs.closing.resolve_closing`
renders it with the same words (:func:`paldocs.importer.wording.same_words`); only a run of such §§ at the end
is taken (the order printed stays the original's), and the entry into force only as the last §. Everything
else stays a verbatim provision. Never raises on content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, get_args

from paldocs.errors import PaldocsError
from paldocs.legal.clauses import clause_text, recognise_clause
from paldocs.polish.dates import parse_date
from paldocs.polish.regions import official_journal
from paldocs.importer.wording import same_words

_REPEAL = re.compile(r"^Traci moc (?:uchwała|Uchwała) Nr (?P<number>\S+) (?P<council>Rady .+?) z dnia "
                     r"(?P<date>\d{1,2} [^\W\d_]+ \d{4}(?: ?r\.)?)(?: (?P<subject>w sprawie .+?))?\.?$")
_SUFFIXES = {"i podlega ogłoszeniu w sposób zwyczajowo przyjęty": "zwyczajowo"}


@dataclass
class ClosingRead:
    closing: dict[str, Any] = field(default_factory=lambda: {"order": []})
    taken: int = 0  # how many of the last §§ became closing data
    voivodeship: str | None = None  # from the journal named in the entry into force


def _voivodeship(journal: str | None) -> str | None:
    from paldocs.model.municipality import Voivodeship

    for name in get_args(Voivodeship):
        if journal and official_journal(name) == journal:
            return name
    return None


def _candidate(text: str, council: str) -> tuple[str, dict[str, Any], str | None] | None:
    """(part, its closing data, voivodeship) for one § read as a closing clause, or None."""
    normal = " ".join(text.split())
    if repeal := _REPEAL.match(normal):
        try:
            day = parse_date(repeal["date"] if repeal["date"].endswith("r.") else f"{repeal['date']} r.")
        except PaldocsError:
            return None
        entry: dict[str, Any] = {"number": repeal["number"], "date": day}
        if repeal["council"] != council:
            entry["council"] = repeal["council"]
        if repeal["subject"]:
            entry["subject"] = repeal["subject"]
        return "repeal", {"repeals": [entry]}, None
    suffix = next((s for s in _SUFFIXES if normal.removesuffix(".").endswith(" " + s)), None)
    clause = recognise_clause(normal.removesuffix(".").removesuffix(" " + suffix) + "." if suffix else normal)
    if clause is None:
        return None
    if clause.kind == "executor" and clause.variant == "standard" and clause.organ:
        return "executor", {"executor": clause.organ}, None
    if clause.kind != "entry-into-force":
        return None
    entry_data: dict[str, Any] = {}
    voivodeship = _voivodeship(clause.journal)
    if clause.variant == "upon-adoption":
        entry_data["form"] = "z-dniem-podjecia"
    elif clause.variant == "on-date" and clause.date:
        try:
            entry_data = {"form": "z-dniem", "date": parse_date(clause.date if clause.date.endswith("r.")
                                                                else f"{clause.date} r.")}
        except PaldocsError:
            return None
    elif clause.variant in ("after-publication", "published-after-publication") and voivodeship:
        days = re.search(r"po upływie (\d+) dni", normal)
        entry_data = {"form": "po-uplywie", "days": int(days[1]) if days else 14}
        if clause.variant == "published-after-publication":
            entry_data["publication"] = "dziennik-urzedowy"
    else:
        return None
    if suffix:
        entry_data["publication"] = _SUFFIXES[suffix]
    return "entry-into-force", {"entry_into_force": entry_data}, voivodeship


def _rendered(part: str, data: dict[str, Any], council: str, voivodeship: str | None) -> str | None:
    """The paragraf paldocs prints for the closing data of one part (paldocs.closing), or None."""
    from paldocs.closing import resolve_closing
    from paldocs.model.resolution import DataFile

    profile = {"name": "X", "kind": "gmina wiejska", "seat": "X", "voivodeship": voivodeship,
               "council": {"nominative": "Rada", "genitive": council, "type_genitive": "Rady"},
               "executive": {"nominative": "Wójt", "dative": data.get("executor", "Wójtowi")}}
    try:
        built = DataFile.model_validate({"municipality": profile, "resolution": {
            "kind": "generic", "closing": {"order": [part], **data}}})
        closing = resolve_closing(built, None, False, lambda kind, variant, **values: clause_text(
            kind, variant, **values), None)
    except (PaldocsError, ValueError):
        return None
    found = closing.parts[0] if closing.parts else None
    if found is None or found.items:
        return None
    return found.text


def read_closing(provisions: list[str], council: str | None) -> ClosingRead:
    """The closing data and how many of the last §§ they replace (see the module contract)."""
    result = ClosingRead()
    council = council or "Rady"
    order: list[str] = []
    merged: dict[str, Any] = {}
    for text in reversed(provisions):
        candidate = _candidate(text, council)
        if candidate is None:
            break
        part, data, voivodeship = candidate
        if part in order or (part == "entry-into-force" and order):
            break  # each part once; the entry into force only as the last §
        printed = _rendered(part, data, council, voivodeship)
        if printed is None or not same_words(text, printed):
            break
        order.insert(0, part)
        merged.update(data)
        result.taken += 1
        result.voivodeship = result.voivodeship or voivodeship
    result.closing = {"order": order, **merged}
    return result
