"""The legal basis "Na podstawie …" of one resolution: each entry as a citation IR node, and the words between them.

Contract: :func:`citation_node` turns one :class:`~paldocs.model.resolution.LegalBasisEntry` into a
:class:`~paldocs.document.Citation` and the notes to show the user:

- an entry with ``act`` and ``provision`` is cited by the day of adoption (:func:`paldocs.legal.cite`, § 121
  ust. 3 and § 158 ZTP); a typed ``address`` is printed exactly as typed (the legal office's address wins — the
  profile's citation style does not rewrite it) and only judged against the catalog in notes and checks; an
  address paldocs cannot read is printed as typed too, with no journal positions nor ISAP id (nothing is known
  about the text it names) and one note saying it was not compared with the catalog;
- an entry with ``text`` is a whole citation typed by hand: printed as typed, not read against the catalog
  (no act key, no provision, no address; one note says so);
- the act is named by its title on the day of adoption (a former title before a renaming); before 1 March 2016,
  when the profile asks for footnotes (``footnotes`` given), a citation whose text has known amendments prints
  "z późn. zm." with the next footnote mark ("¹)") and its footnote text is appended to ``footnotes`` (numbered
  in the order the citations are printed);
- the note on the catalog's currency is not given per citation: :func:`document_notes` gives it once for the
  document.

:func:`located_notes` puts each note after its place in the data. :func:`separators` gives the words printed before each entry: ", " and the global ``legal_basis_join`` before
the last one, unless an entry names its own ``join`` ("w związku z", "i", "oraz", ",").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from paldocs.document import Citation, Origin, journal_positions
from paldocs.errors import Location
from paldocs.legal import Catalog
from paldocs.legal import cite as legal_cite
from paldocs.legal.citation import UNREADABLE_NOTE, currency_note
from paldocs.legal.journal import isap_id
from paldocs.model.resolution import LegalBasisEntry

TYPED_TEXT_NOTE = ("przepis podstawy prawnej wpisano w całości ręcznie („text”) — paldocs drukuje go bez zmian "
                   "i nie sprawdza ustawy, przepisu ani adresu publikacji")


def citation_node(entry: LegalBasisEntry, on: dt.date | None, style: str, catalog: Catalog, location: Location,
                  origin: Origin | None, footnotes: list[str] | None = None) -> Citation:
    """The IR node of one entry (see the module docstring); its ``notes`` are what the user is told.
    ``footnotes``: the document's generated footnotes so far (None: the profile asks for none)."""
    if entry.text is not None:
        return Citation(entry.text, "", "", None, None, (), style, "", False, (TYPED_TEXT_NOTE,), origin=origin)
    assert entry.act is not None and entry.provision is not None  # LegalBasisEntry: act and provision, or text
    citation = legal_cite(entry.act, entry.provision, on, address=entry.address, location=location, style=style,
                          catalog=catalog, unreadable_address="note", footnote=footnotes is not None, currency=False)
    mark = ""
    if citation.footnote is not None and footnotes is not None:
        footnotes.append(citation.footnote)
        mark = superscript_mark(len(footnotes))
    first = citation.text
    journal = journal_positions(first, citation.amendments) if first is not None else ()
    isap = isap_id(first.year, first.issue, first.positions[0]) if first is not None else ""
    return Citation(citation.format(mark), entry.act, citation.title, citation.act.date, citation.provision,
                    journal, citation.style, isap, citation.certain, tuple(citation.notes), origin=origin)


def document_notes(entries: Sequence[LegalBasisEntry], on: dt.date | None, catalog: Catalog,
                   location: Location) -> list[str]:
    """The notes given once per document: the catalog's currency, when some entry is cited from the catalog and
    the day of adoption is after the newest day the catalog proves."""
    if not any(entry.text is None for entry in entries):
        return []
    note = currency_note(catalog, on)
    return [] if note is None else [f"{location}: {note}"]


_TYPED_NUMBER = re.compile(r"^\s*(\d+)\)")
_SUPERSCRIPT = str.maketrans("123456789", "¹²³⁴⁵⁶⁷⁸⁹")


def superscript_mark(number: int) -> str:
    """A footnote mark as resolutions print it, "¹)", "²)" … — the digit raised, the parenthesis not: the PDF font
    (Liberation Serif) has the raised digits 1–9 but neither a raised parenthesis "⁾" nor a raised zero, so from 10 on
    the mark is written "10)" (a legal basis with ten footnotes is not to be expected)."""
    return (str(number).translate(_SUPERSCRIPT) if number < 10 else str(number)) + ")"


def footnotes_block(generated: Sequence[str], typed: Sequence[str], file: str | None, notes: list[str]) -> list[str]:
    """The footnotes under the signature: the generated ones with their marks ("¹) Zmiany …"), numbered from 1 in the
    order of the legal basis (it comes first in the resolution), then those typed in the data, as typed; a note when
    a typed footnote starts with a number a generated one took ("1) …")."""
    numbers = [int(match[1]) for text in typed if (match := _TYPED_NUMBER.match(str(text)))]
    if clash := [number for number in numbers if 1 <= number <= len(generated)]:
        notes.append(f"{Location(file, path='resolution.footnotes')}: przypisy do podstawy prawnej mają numery "
                     f"1–{len(generated)}, a przypisy wpisane w danych zaczynają się od numerów "
                     f"{', '.join(map(str, clash))} — popraw numerację wpisanych przypisów i ich odsyłaczy")
    return [f"{superscript_mark(number)} {text}" for number, text in enumerate(generated, 1)] + list(typed)


def located_notes(node: Citation, location: Location, address_location: Location | None,
                  told: Sequence[str] = ()) -> list[str]:
    """The node's notes as the user reads them, each after its place; the note on an unreadable typed address
    points at the address itself (``address_location``: its line and column) when the loader knows it. A note
    already ``told`` (located elsewhere: another provision of the same act) is not repeated — one per document."""
    said = {note.split(": ", 1)[-1] for note in told}
    return [f"{address_location if address_location and note.startswith(UNREADABLE_NOTE) else location}: {note}"
            for note in node.notes if note not in said]


def separators(entries: Sequence[LegalBasisEntry], default_join: str) -> list[str]:
    """The words before each entry ("" before the first): ", " between, `` default_join `` before the last, an
    entry's own ``join`` wherever it is given ("… ustawy … w związku z art. 5a …")."""
    words = [""]
    for index, entry in enumerate(entries[1:], 1):
        join = entry.join or (default_join if index == len(entries) - 1 else ",")
        words.append(", " if join == "," else f" {join} ")
    return words
