"""Closing provisions (przepisy końcowe) of one resolution: the data's choices over the kind's defaults, as text.

Contract: :func:`resolve_closing` merges ``resolution.closing`` over the kind's ``closing`` (``kinds.yaml``) over
paldocs' defaults — field by field, what the data set wins — and returns :class:`ResolvedClosing`: the parts in
the order printed, each as the Markdown text of one paragraf (a repeal of several resolutions as a lead-in and
its punkty), and ``notes`` naming every printed wording whose source is not verified (``clauses.yaml``: the
tool says so, docs/domain.md "How to read the status of a fact"). The wording itself comes from
``paldocs/legal/clauses.yaml`` through the ``render`` function given (the ``clause`` Jinja global, which escapes
the values); the rules on it are checks (PD024–PD026).

Defaults (docs/domain.md § 1): executor clause, then the repeal clause (when resolutions lose force), then the
entry into force — "z dniem podjęcia", or for an act of local law "po upływie 14 dni od dnia ogłoszenia
w Dzienniku Urzędowym Województwa …" (art. 4 ust. 1 ustawy o ogłaszaniu aktów normatywnych). A form that needs
the voivodeship's journal without a voivodeship in the profile is a located :class:`DataError`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from paldocs.errors import DataError, Location
from paldocs.legal.clauses import clause_kinds
from paldocs.model.closing import DEFAULT_ORDER, Closing, EntryIntoForce
from paldocs.model.resolution import DataFile
from paldocs.polish.dates import format_date
from paldocs.polish.regions import official_journal
from paldocs.sourcemap import strip_markers

Render = Callable[..., str]  # clause(kind, variant, **values) → trusted Markdown text (a str subclass kept as is)

# The entry-into-force form of the data → the clause variant printed (clauses.yaml).
_ENTRY_VARIANTS = {"z-dniem-podjecia": "upon-adoption", "z-dniem": "on-date", "po-uplywie": "after-publication"}
_SUFFIX_VARIANTS = {"dziennik-urzedowy": "official-journal", "zwyczajowo": "customary",
                    "tablica-ogloszen": "notice-board"}


@dataclass(frozen=True, slots=True)
class ClosingPart:
    part: str  # "executor" | "repeal" | "entry-into-force"
    text: str  # the paragraf's text (Markdown), without "§"
    items: tuple[str, ...] = ()  # punkty after the text (a repeal of several resolutions)


@dataclass(frozen=True, slots=True)
class ResolvedClosing:
    parts: tuple[ClosingPart, ...]
    notes: tuple[str, ...] = ()
    entry: EntryIntoForce = field(default_factory=EntryIntoForce)  # the merged entry into force (checks read it)

    @property
    def entry_text(self) -> str:
        """The entry-into-force paragraf ("" when ``order`` leaves it out); it always closes the resolution."""
        return next((part.text for part in self.parts if part.part == "entry-into-force"), "")


def merged_closing(data: DataFile, kind_closing: Closing | None) -> tuple[tuple[str, ...], EntryIntoForce]:
    """The order and the entry into force after merging the data over the kind (no defaults applied yet)."""
    own = data.resolution.closing
    order = (own.order if own and own.order is not None else
             kind_closing.order if kind_closing and kind_closing.order is not None else list(DEFAULT_ORDER))
    values: dict[str, Any] = {}
    for source in (kind_closing, own):
        entry = source.entry_into_force if source else None
        if entry is not None:
            values |= {name: getattr(entry, name) for name in entry.model_fields_set}
    if values.get("form") != "po-uplywie":
        values.pop("days", None)  # a kind's "days" does not follow a form the data changed
    if values.get("form") != "z-dniem":
        values.pop("date", None)
    return tuple(order), EntryIntoForce.model_validate(values)


def resolve_closing(data: DataFile, kind_closing: Closing | None, act_of_local_law: bool, render: Render,
                    file: str | None) -> ResolvedClosing:
    """The closing provisions to print (see the module docstring)."""
    order, entry = merged_closing(data, kind_closing)
    own = data.resolution.closing
    municipality = data.municipality
    used: list[tuple[str, str, str]] = []

    def clause(kind: str, variant: str, **values: Any) -> str:
        text = render(kind, variant, **values)  # trusted Markdown (its values escaped): never str() it
        used.append((kind, variant, str(text)))
        return text

    parts: list[ClosingPart] = []
    for part in order:
        if part == "executor":
            organ = own.executor if own and own.executor else (
                kind_closing.executor if kind_closing and kind_closing.executor else municipality.executive.dative)
            parts.append(ClosingPart(part, clause("executor", "standard", organ=organ)))
        elif part == "repeal" and own and own.repeals:
            council = municipality.council.genitive
            named = [(dict(number=r.number, council=r.council or council, date=format_date(r.date))
                      | ({"subject": r.subject} if r.subject else {}), "" if r.subject else "-by-number")
                     for r in own.repeals]  # without a title: named by number, council and date only
            if len(named) == 1:
                values, variant = named[0]
                parts.append(ClosingPart(part, _one_sentence(clause("repeal", "one" + variant, **values))))
            else:
                parts.append(ClosingPart(part, clause("repeal", "several"), tuple(
                    clause("repeal", "several-item" + variant, **values) for values, variant in named)))
        elif part == "entry-into-force":
            parts.append(ClosingPart(part, _entry_text(entry, act_of_local_law, data, clause, file)))
    notes = tuple(_unverified(used, file))
    return ResolvedClosing(tuple(parts), notes, entry)


def _entry_text(entry: EntryIntoForce, apm: bool, data: DataFile, clause: Render, file: str | None) -> str:
    form = entry.form or ("po-uplywie" if apm else "z-dniem-podjecia")
    needs_journal = form == "po-uplywie" or entry.publication == "dziennik-urzedowy"
    journal = _journal(data, file) if needs_journal else ""
    if form == "po-uplywie" and entry.publication == "dziennik-urzedowy":
        return clause("entry-into-force", "published-after-publication", journal=journal, days=str(entry.days))
    values: dict[str, str] = {}
    if form == "z-dniem":
        assert entry.date is not None  # EntryIntoForce guarantees a date for "z-dniem"
        values["date"] = format_date(entry.date)
    elif form == "po-uplywie":
        values = {"journal": journal, "days": str(entry.days)}
    text = _one_sentence(clause("entry-into-force", _ENTRY_VARIANTS[form], **values))
    trusted = type(text)  # the Markdown type of the rendered clause: a new string built from it stays trusted
    if entry.publication is None:
        return text
    board = f" {entry.notice_board}" if entry.notice_board else ""
    suffix = clause("publication-suffix", _SUFFIX_VARIANTS[entry.publication], journal=journal, board=board)
    sentence = text if text.endswith(" r.") else text.removesuffix(".")  # a date keeps its "r."
    return trusted(f"{sentence} {suffix}.")


def _one_sentence(text: str) -> str:
    """A clause ending in a date ("z dniem 1 stycznia 2025 r.", "z dnia 19 listopada 2002 r.") closes the sentence
    with the date's own dot, not a second one."""
    return type(text)(text[:-1]) if text.endswith(" r..") else text  # the rendered Markdown type stays trusted


def _journal(data: DataFile, file: str | None) -> str:
    voivodeship = data.municipality.voivodeship
    if voivodeship is None:
        raise DataError("ogłoszenie w dzienniku urzędowym województwa wymaga województwa gminy",
                        Location(file, path="municipality.voivodeship"), "Np. „voivodeship: warmińsko-mazurskie”.")
    return official_journal(voivodeship)


def _unverified(used: list[tuple[str, str, str]], file: str | None) -> list[str]:
    """A note for every printed wording whose source nobody has checked (clauses.yaml ``verified: false``)."""
    notes: list[str] = []
    kinds = {kind.kind: kind for kind in clause_kinds()}
    for kind_id, variant_id, text in used:
        variant = kinds[kind_id].variant(variant_id)
        if not variant.verified:
            notes.append(f"{Location(file, path='resolution.closing')}: brzmienie „{strip_markers(text)}” "
                         f"({kinds[kind_id].name}) jest niezweryfikowane — źródło: {variant.source}; biuro prawne "
                         "powinno je potwierdzić")
    return notes

