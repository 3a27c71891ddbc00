"""The legal basis "Na podstawie …" of one resolution: each entry as a citation IR node, and the words between them.

Contract: :func:`citation_node` turns one :class:`~paldocs.model.resolution.LegalBasisEntry` into a
:class:`~paldocs.document.Citation` and the notes to show the user:

- an entry with ``act`` and ``provision`` is cited by the day of adoption (:func:`paldocs.legal.cite`, § 121
  ust. 3 and § 158 ZTP); a typed ``address`` is printed exactly as typed (the legal office's address wins — the
  profile's citation style does not rewrite it) and only judged against the catalog in notes and checks; an
  address paldocs cannot read is printed as typed too, with no journal positions nor ISAP id (nothing is known
  about the text it names) and one note saying it was not compared with the catalog;
- an entry with ``text`` is a whole citation typed by hand: printed as typed, not read against the catalog
  (no act key, no provision, no address; one note says so).

:func:`located_notes` puts each note after its place in the data. :func:`separators` gives the words printed before each entry: ", " and the global ``legal_basis_join`` before
the last one, unless an entry names its own ``join`` ("w związku z", "i", "oraz", ",").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from paldocs.document import Citation, Origin, journal_positions
from paldocs.errors import Location
from paldocs.legal import Catalog
from paldocs.legal import cite as legal_cite
from paldocs.legal.citation import UNREADABLE_NOTE
from paldocs.legal.journal import isap_id
from paldocs.model.resolution import LegalBasisEntry

TYPED_TEXT_NOTE = ("przepis podstawy prawnej wpisano w całości ręcznie („text”) — paldocs drukuje go bez zmian "
                   "i nie sprawdza ustawy, przepisu ani adresu publikacji")


def citation_node(entry: LegalBasisEntry, on: dt.date | None, style: str, catalog: Catalog, location: Location,
                  origin: Origin | None) -> Citation:
    """The IR node of one entry (see the module docstring); its ``notes`` are what the user is told."""
    if entry.text is not None:
        return Citation(entry.text, "", "", None, None, (), style, "", False, (TYPED_TEXT_NOTE,), origin=origin)
    assert entry.act is not None and entry.provision is not None  # LegalBasisEntry: act and provision, or text
    citation = legal_cite(entry.act, entry.provision, on, address=entry.address, location=location, style=style,
                          catalog=catalog, unreadable_address="note")
    first = citation.text
    journal = journal_positions(first, citation.amendments) if first is not None else ()
    isap = isap_id(first.year, first.issue, first.positions[0]) if first is not None else ""
    return Citation(citation.format(), entry.act, citation.act.title, citation.act.date, citation.provision,
                    journal, citation.style, isap, citation.certain, tuple(citation.notes), origin=origin)


def located_notes(node: Citation, location: Location, address_location: Location | None) -> list[str]:
    """The node's notes as the user reads them, each after its place; the note on an unreadable typed address
    points at the address itself (``address_location``: its line and column) when the loader knows it."""
    return [f"{address_location if address_location and note.startswith(UNREADABLE_NOTE) else location}: {note}"
            for note in node.notes]


def separators(entries: Sequence[LegalBasisEntry], default_join: str) -> list[str]:
    """The words before each entry ("" before the first): ", " between, `` default_join `` before the last, an
    entry's own ``join`` wherever it is given ("… ustawy … w związku z art. 5a …")."""
    words = [""]
    for index, entry in enumerate(entries[1:], 1):
        join = entry.join or (default_join if index == len(entries) - 1 else ",")
        words.append(", " if join == "," else f" {join} ")
    return words
