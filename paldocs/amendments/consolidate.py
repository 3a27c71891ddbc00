"""Consolidation: a resolution and the resolutions that amended it → the act as in force (tekst jednolity).

Contract of :func:`consolidate`: reads the base data file and each amending data file (a resolution whose
``resolution.amends`` names the base by number and date), orders the amending resolutions by adoption (date,
then number), applies each change list in turn (:func:`paldocs.amendments.apply.apply_amendment`; an amending
resolution with ``op: annex`` brings the new annex as its own ``program``) and returns a
:class:`ConsolidatedText`: the data as in force, the base, and the amending resolutions applied with what of
each is not part of the consolidated text (its own paragrafy after § 1 — executor, entry into force — which an
obwieszczenie quotes instead: docs/amendments.md, "Consolidated text").

Bad inputs are one located :class:`~paldocs.errors.DataError` each: an amending file without ``amends``; one that
amends another resolution (number or date differ); one not yet adopted (no number or date); a base without
number or date (only an adopted resolution can be amended).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from paldocs.amendments.apply import apply_amendment
from paldocs.amendments.tree import act_tree, wording
from paldocs.errors import DataError, Location
from paldocs.model.resolution import DataFile, ResolutionNumber

__all__ = ["AppliedAmendment", "ConsolidatedText", "act_subject", "consolidate", "consolidate_data", "printed_number"]


@dataclass(frozen=True, slots=True)
class AppliedAmendment:
    """One amending resolution applied: how the notice names it, and its paragrafy left out of the text."""

    number: str
    date: dt.date
    subject: str
    council: str
    source: str | None
    journal: str | None = None  # where it was published, when known (the notice's list and footnote)
    left_out: tuple[str, ...] = ()  # "§ 2. Wykonanie uchwały powierza się …" — quoted by the notice


@dataclass(frozen=True, slots=True)
class ConsolidatedText:
    data: DataFile  # the act as in force after every amendment
    base: DataFile
    applied: tuple[AppliedAmendment, ...]
    base_source: str | None = None
    base_journal: str | None = None  # where the amended resolution was published (named by the amending ones)


def printed_number(data: DataFile) -> str:
    """The resolution's number as it prints ("XX/150/2021")."""
    from paldocs.compose import format_number

    return format_number(data)


def _same_number(text: str, number: ResolutionNumber) -> bool:
    try:
        typed = ResolutionNumber.model_validate(text)
    except ValueError:
        return text.strip() == f"{number.session}/{number.number}/{number.year}"
    return (typed.session, typed.number, typed.year) == (number.session, number.number, number.year)


def consolidate(base_path: str | Path, amending_paths: Sequence[str | Path], *,
                published: dict[str, str] | None = None) -> ConsolidatedText:
    """Read the files and consolidate (see the module contract); ``published``: amending resolution number →
    where it was published ("Dz. Urz. Woj. … poz. …"), for the notice."""
    from paldocs.api import load, make_context

    context = make_context(None)
    base = load(base_path, context=context)
    amending = [(str(path), load(path, context=context)) for path in amending_paths]
    return consolidate_data(base, amending, base_source=str(base_path), published=published)


def consolidate_data(base: DataFile, amending: Sequence[tuple[str | None, DataFile]], *,
                     base_source: str | None = None, published: dict[str, str] | None = None) -> ConsolidatedText:
    """:func:`consolidate` on data already loaded: ``amending`` is ``(file name, data)`` in any order."""
    number, date = base.resolution.number, base.resolution.date
    if number is None or date is None:
        raise DataError("tekst jednolity sporządza się dla uchwały podjętej — podaj numer i datę uchwały "
                        "zmienianej (resolution.number, resolution.date)", Location(base_source, path="resolution"))
    if not amending:
        raise DataError("podaj co najmniej jedną uchwałę zmieniającą", Location(base_source))
    checked = [_checked(source, data, base, base_source) for source, data in amending]
    checked.sort(key=lambda item: (item[1].resolution.date, _sort_number(item[1])))
    known = _journals(checked, published or {})
    data = base
    applied: list[AppliedAmendment] = []
    for source, amending_data, amendment in checked:
        data = apply_amendment(data, amendment, new_annex=amending_data.program, source=source)
        council = amendment.resolution.council or amending_data.municipality.council.genitive
        own_number = printed_number(amending_data)
        applied.append(AppliedAmendment(own_number, amending_data.resolution.date, act_subject(amending_data), council,  # type: ignore[arg-type]
                                        source, known.get(own_number), _left_out(amending_data)))
    base_journal = next((amendment.resolution.journal for _, _, amendment in checked if amendment.resolution.journal),
                        None)
    return ConsolidatedText(data, base, tuple(applied), base_source, base_journal)


def _checked(source: str | None, data: DataFile, base: DataFile, base_source: str | None):  # type: ignore[no-untyped-def]
    amendment = getattr(data.resolution, "amends", None)
    if amendment is None:
        raise DataError("to nie jest uchwała zmieniająca: brak pola resolution.amends (zmieniana uchwała i lista "
                        "zmian)", Location(source, path="resolution"))
    if data.resolution.number is None or data.resolution.date is None:
        raise DataError("tekst jednolity obejmuje tylko uchwały zmieniające już podjęte — podaj numer i datę "
                        "uchwały zmieniającej", Location(source, path="resolution.number"))
    if data.resolution.is_draft:
        raise DataError("tekst jednolity obejmuje tylko uchwały zmieniające już podjęte — ta jest projektem: po "
                        "podjęciu zmień „status: projekt” na „status: podjęta”",
                        Location(source, path="resolution.status"))
    assert base.resolution.number is not None
    named = amendment.resolution
    if not _same_number(named.number, base.resolution.number) or named.date != base.resolution.date:
        raise DataError(f"ta uchwała zmienia uchwałę Nr {named.number} z dnia {named.date:%d.%m.%Y} r., a tekst "
                        f"jednolity dotyczy uchwały Nr {printed_number(base)} z dnia "
                        f"{base.resolution.date:%d.%m.%Y} r. ({base_source or 'dane'})",
                        Location(source, path="resolution.amends.resolution"))
    return source, data, amendment


def _sort_number(data: DataFile) -> int:
    return data.resolution.number.number if data.resolution.number else 0


def _journals(checked: list, published: dict[str, str]) -> dict[str, str]:  # type: ignore[type-arg]
    """Where each amending resolution was published: given on the command line, or named by a later amending
    resolution among the earlier ones (``amends.resolution.amended_by``)."""
    known: dict[str, str] = {}
    for _, _, amendment in checked:
        for prior in amendment.resolution.amended_by:
            if prior.journal:
                known[prior.number] = prior.journal
    known.update(published)
    return known


def act_subject(data: DataFile) -> str:
    from paldocs.api import make_context, to_document

    if data.resolution.subject:
        return data.resolution.subject
    document, _ = to_document(data, context=make_context(None), charts=False)
    return document.meta.subject or ""


def _left_out(data: DataFile) -> tuple[str, ...]:
    """The amending resolution's paragrafy after its § 1 (the change list): executor, entry into force and the
    like — not part of the consolidated text; the notice quotes them (docs/amendments.md)."""
    tree = act_tree(data)
    paragrafy = [node for node in tree.children if node.kind == "paragraf"][1:]
    return tuple(f"§ {node.num}. {wording(node)}" for node in paragrafy)
