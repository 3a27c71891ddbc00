"""Citing a statute by the day of adoption (§ 158 and § 121 ust. 3 ZTP), with notes on what is uncertain.

Contract: :func:`cite` returns a :class:`Citation` for ``provision`` of the act ``act_key`` in a resolution
adopted ``on`` (``None`` = a draft). It never invents an address and never guesses silently: everything the
catalog cannot confirm becomes a Polish sentence in :attr:`Citation.notes` (``certain`` is true only when
there is none).

Which text (§ 121 ust. 3 ZTP — the address announced by the day of adoption): the latest text, original or
consolidated, announced by ``on``. Rows are ordered by (year, first position): Dziennik Ustaw numbers its
positions in announcement order within a year. A row with an ``announced`` date counts if announced ≤ on; a
row ``seen_on`` a day ≤ on counts (a document of that day cited it, so it was announced by then); a row without
either counts if its year < on.year, not if its year > on.year (nor if ``on`` precedes the act). In on's own
year the catalog infers from the position order (:class:`~paldocs.legal.catalog.AnnouncementEvidence`, rows of
every act of the catalog): a row of the same year at an equal or higher position known announced by ``on``
(``announced`` or ``seen_on``) proves the row announced; one at an equal or lower position announced after
``on`` proves it was not. Otherwise the catalog cannot tell, and a note says which text to cite if it was
announced by then. Then every amendment announced after that text and by ``on``, under the same rules.
``on=None`` cites the newest text and notes that it must be checked on the day of adoption.

The form depends on the day (:data:`AMENDMENT_LIST_FROM`): from 1 March 2016 the amendments are listed (§ 158
ust. 1 pkt 4 ZTP); before, style ``ztp`` prints "z późn. zm." when the catalog knows amendments announced after the
text by ``on``, and with ``footnote=True`` :attr:`Citation.footnote` lists them ("Zmiany tekstu jednolitego
wymienionej ustawy zostały ogłoszone w …"), its mark numbered by the caller (:meth:`Citation.format` ``mark``). The
act is named by its title on ``on`` (:meth:`Act.titles_on`). A date after ``Catalog.current_to`` gets a note
(:func:`currency_note`) unless ``currency=False`` (a build prints it once per document).

An ``address`` written by the legal office wins: it is printed exactly as typed (only the surrounding spaces and
one pair of outer parentheses dropped — the citation adds its own), and it is parsed
(:func:`~paldocs.legal.journal.parse_address`) and compared with the catalog (unknown, unverified, newer text,
amendments the address leaves out, an old address without its "Nr"); the style applies only to catalog addresses.
An address paldocs cannot read (real practice: "tj. Dz. U. 2013 r., poz. 594, zm. poz. …", "Dz. U. Nr. 142 poz.
1591 z 2001 roku") is, with ``unreadable_address="note"`` (what a build asks for), still printed as typed when it names the journal
and a position (:func:`names_journal_position`: "Dz. U." or "Dziennik Ustaw", and "poz."): the citation then has no
``text`` (None), and its only note says the address could not be read and so was not compared with the catalog
(:data:`UNREADABLE_NOTE`). Anything else ("Dziennik 2024") is an error, as is every unreadable address by default
(``"error"``, e.g. ``paldocs acts cite --address``).

Styles (a municipality profile setting):

- ``ztp`` (default) — the § 158 ZTP form: "(Dz. U. z 2024 r. poz. 1465 i 1572)", "(Dz. U. Nr 64, poz. 593)",
  "(Dz. U. z 2023 r. poz. 40, z 2024 r. poz. 12 oraz z 2025 r. poz. 3)";
- ``tj-ze-zm`` — practice: "(t.j. Dz. U. z 2013 r. poz. 594 ze zm.)"; "t.j." only for a consolidated text;
- ``z-pozn-zm`` — practice: "(Dz. U. z 2013 r. poz. 594 z późn. zm.)" (both: docs/domain.md § 3).

In both practice styles the amendments are not listed; "ze zm." / "z późn. zm." is added when amendments exist
by ``on`` or are unknown (the catalog is not declared complete by ``amendments_checked`` up to ``on``).

Errors (:class:`~paldocs.errors.LegalBasisError`, with the location passed in and a hint): unknown act,
unknown style, malformed provision or address (unless ``unreadable_address="note"``), no text of the act
announced by ``on`` (a catalog citation only).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from paldocs.errors import LegalBasisError, Location
from paldocs.legal.catalog import Act, AnnouncementEvidence, Catalog, JournalRow, load_catalog
from paldocs.legal.journal import (FIRST_YEAR_WITHOUT_ISSUES, STYLES, JournalRef, format_journal, join_list,
                                  parse_address)
from paldocs.legal.provisions import Deviation, Provision, parse_provision
from paldocs.legal.typed_address import (ISAP_CHECK, UNREADABLE_NOTE, as_typed, names_journal_position,
                                         unreadable_note)
from paldocs.polish.dates import format_date

# § 158 ust. 1 pkt 4 ZTP as amended by Dz. U. z 2015 r. poz. 1812 (WDU20150001812), in force from
# 1 March 2016: the addresses of the amendments are listed. Before it, practice wrote "z późn. zm." (docs/domain.md § 3).
AMENDMENT_LIST_FROM = dt.date(2016, 3, 1)
# The start of the note on a day after the catalog's currency (a build prints it once per document).
CURRENCY_NOTE = "katalog aktów potwierdza stan Dziennika Ustaw najdalej do"


class Announced(enum.Enum):
    """Was a row announced by the day of adoption? The catalog may not know."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


def announced_by(year: int, announced: dt.date | None, on: dt.date | None, act: Act, *,
                 seen_on: dt.date | None = None, positions: tuple[int, ...] | list[int] = (),
                 evidence: AnnouncementEvidence | None = None) -> Announced:
    """The counting rule of the module docstring for one address (``positions`` and ``evidence``: the inference
    from the position order within on's year; without them the catalog cannot tell in that year)."""
    if on is None:
        return Announced.YES  # a draft cites the newest text
    if announced is not None:
        return Announced.YES if announced <= on else Announced.NO
    if seen_on is not None and seen_on <= on:
        return Announced.YES  # a document of that day cited it
    if on < act.date or year > on.year:
        return Announced.NO  # nothing is announced before the act is passed, nor in a later year
    if year < on.year:
        return Announced.YES
    if evidence is not None and positions:
        # positions of a year are in announcement order: a later position announced by ``on`` proves this one was
        if evidence.announced_by(year, max(positions), on):
            return Announced.YES
        if evidence.announced_after(year, min(positions), on):
            return Announced.NO
    return Announced.UNKNOWN


def row_announced(row: JournalRow, on: dt.date | None, act: Act, catalog: Catalog) -> Announced:
    """:func:`announced_by` for a catalog row, with everything the catalog knows (its ``seen_on``, the position
    order of its year across every act)."""
    return announced_by(row.year, row.announced, on, act, seen_on=row.seen_on, positions=row.positions,
                        evidence=catalog.evidence)


def currency_note(catalog: Catalog, on: dt.date | None) -> str | None:
    """The note on a day of adoption after the newest day the catalog proves (None: the catalog covers it)."""
    if on is None:
        return None
    current = catalog.current_to
    if current is not None and on <= current:
        return None
    proven = format_date(current) if current is not None else "żadnego dnia (brak wierszy potwierdzonych)"
    return (f"{CURRENCY_NOTE} {proven} (katalog z dnia {catalog.version}), a uchwała ma datę {format_date(on)}; mogły "
            f"zostać ogłoszone teksty jednolite lub zmiany, których katalog nie zna — {ISAP_CHECK} albo odśwież "
            "katalog poleceniem „paldocs acts update”")


def lists_amendments(on: dt.date | None) -> bool:
    """Whether the § 158 ZTP form for a resolution adopted ``on`` lists the amendments (from 1 March 2016; a draft:
    yes) rather than "z późn. zm." (before)."""
    return on is None or on >= AMENDMENT_LIST_FROM


@dataclass(frozen=True, slots=True)
class Citation:
    act_key: str
    act: Act
    provision: Provision | None
    on: dt.date | None
    text: JournalRef | None  # the text cited: original or consolidated; None = a typed address paldocs cannot read
    amendments: tuple[JournalRef, ...]  # amendments announced after it (ZTP style lists them)
    style: str
    address_text: str  # the parenthesis content, e.g. "Dz. U. z 2024 r. poz. 1465 i 1572"
    notes: list[str] = field(default_factory=list)  # what is not certain, in Polish
    catalog_version: str = ""
    provision_deviations: tuple[Deviation, ...] = ()  # normalisations applied to the provision as written
    footnote: str | None = None  # before 1 March 2016, asked for: "Zmiany tekstu jednolitego … ogłoszone w …"

    @property
    def certain(self) -> bool:
        return not self.notes

    @property
    def title(self) -> str:
        """The act's title on the day of adoption (a former title before a renaming)."""
        return self.act.titles_on(self.on)[0]

    @property
    def title_genitive(self) -> str:
        return self.act.titles_on(self.on)[1]

    def format(self, mark: str = "") -> str:
        """"art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2024 r. poz. 1465)";
        ``mark`` (the footnote's "¹)") goes after the address, inside the parenthesis, as resolutions print it."""
        head = f"{self.provision.format()} " if self.provision is not None else ""
        return f"{head}{self.title_genitive} ({self.address_text}{mark})"


def cite(act_key: str, provision: str | Provision | None, on: dt.date | None, address: str | None = None,
         location: Location | None = None, *, style: str = "ztp", catalog: Catalog | None = None,
         unreadable_address: str = "error", footnote: bool = False, currency: bool = True) -> Citation:
    """The citation of ``provision`` of ``act_key`` for a resolution adopted ``on`` (None = draft).

    Pass ``address`` and ``location`` by keyword; they stay positional only while paldocs.compose calls
    ``cite(act, provision, date, address, location)``. ``footnote``: before 1 March 2016, give the amendments
    in :attr:`Citation.footnote`; ``currency=False``: leave the catalog-currency note to the caller (a build
    prints it once per document).
    """
    if style not in STYLES:
        raise LegalBasisError(f"nieznany styl cytowania „{style}”", location, "Dozwolone style: " + ", ".join(STYLES) + ".")
    catalog = catalog if catalog is not None else load_catalog()
    act = catalog.act(act_key, location)
    deviations: list[Deviation] = []
    if isinstance(provision, str):
        provision, deviations = parse_provision(provision, location)
    notes: list[str] = []
    if address is not None:
        try:
            parse_address(address, act.date.year, location)
        except LegalBasisError as error:  # a build prints it as typed all the same: the legal office's address wins
            if unreadable_address != "note" or not names_journal_position(address):
                raise
            notes.append(unreadable_note(address, error))
            return Citation(act_key, act, provision, on, None, (), style, as_typed(address), notes, catalog.version,
                            tuple(deviations))
    if address is None:
        row, rows = _by_date(act, on, location, notes, catalog, act_key)
        text, amendments = row.ref, [amendment.ref for amendment in rows]
        consolidated = row is not act.original
    else:
        text, amendments, consolidated = _by_address(act, address, on, location, notes, catalog, act_key)
    unknown_amendments = _amendments_note(act, text, on, notes, catalog)  # always called: it adds the note
    amended = bool(amendments) or unknown_amendments
    if on is None:
        cited = (f"zacytowano najnowszy tekst znany katalogowi ({_show(text)})" if address is None
                 else f"zacytowano adres podany ręcznie ({_show(text)})")
        notes.insert(0, f"uchwała nie ma jeszcze daty podjęcia: {cited}; w dniu podjęcia sprawdź, czy nie ogłoszono "
                        "nowszego tekstu jednolitego ani zmian (§ 121 ust. 3 ZTP)")
    elif currency and (note := currency_note(catalog, on)) is not None:
        notes.append(note)
    printed = (as_typed(address) if address is not None else
               format_address_text(style, text, amendments, act.date.year, consolidated=consolidated, amended=amended,
                                   on=on))
    note_text = None
    if footnote and address is None and style == "ztp" and not lists_amendments(on) and amendments:
        note_text = footnote_text(amendments, consolidated=consolidated)
    return Citation(act_key, act, provision, on, text, tuple(amendments), style, printed, notes, catalog.version,
                    tuple(deviations), note_text)


def footnote_text(amendments: list[JournalRef], *, consolidated: bool) -> str:
    """The footnote of a citation before 1 March 2016, in the words of the journal's own footnotes (e.g. Dz. U. z 2012
    r. poz. 692): "Zmiany tekstu jednolitego wymienionej ustawy zostały ogłoszone w …" (a consolidated text) or
    "Zmiany wymienionej ustawy zostały ogłoszone w …" (the original text)."""
    subject = "tekstu jednolitego wymienionej ustawy" if consolidated else "wymienionej ustawy"
    return f"Zmiany {subject} zostały ogłoszone w {format_journal(amendments)}."


def format_address_text(style: str, text: JournalRef, amendments: list[JournalRef], act_year: int, *,
                        consolidated: bool, amended: bool, on: dt.date | None = None) -> str:
    """The parenthesis content in ``style`` for a resolution adopted ``on`` (see the module docstring)."""
    if style == "ztp":
        if not lists_amendments(on):  # before 1 March 2016: "z późn. zm." for the amendments the catalog knows
            return format_journal([text], act_year) + (" z późn. zm." if amendments else "")
        return format_journal([text, *amendments], act_year)
    base = format_journal([text], act_year)
    if style == "tj-ze-zm":
        return ("t.j. " if consolidated else "") + base + (" ze zm." if amended else "")
    return base + (" z późn. zm." if amended else "")


def _by_date(act: Act, on: dt.date | None, location: Location | None,
             notes: list[str], catalog: Catalog, act_key: str) -> tuple[JournalRow, list[JournalRow]]:
    states = [(row, row_announced(row, on, act, catalog)) for row in act.texts]
    sure = [row for row, state in states if state is Announced.YES]
    unsure = [row for row, state in states if state is Announced.UNKNOWN]
    if sure:
        chosen = sure[-1]
    elif unsure:
        chosen = unsure[0]
        notes.append(f"katalog nie zna daty ogłoszenia tekstu {_show(chosen.ref)} i nie zna tekstu na pewno "
                     f"ogłoszonego najpóźniej {_day(on)}; zacytowano ten tekst — {ISAP_CHECK}, czy był już ogłoszony")
    else:
        example = act.texts[0].ref.format() if act.texts else "Dz. U. z 2024 r. poz. 1465"
        raise LegalBasisError(
            f"katalog nie zna żadnego tekstu {act.titles_on(on)[1]} ogłoszonego najpóźniej {_day(on)}", location,
            f"Sprawdź datę podjęcia uchwały (ustawa nosi datę {format_date(act.date)}) albo podaj adres publikacji "
            f"w polu „address”, np. „{example}”.")
    notes.extend(unverified_notes("tekst", [chosen], act_key))
    notes.extend(_undated_newer(row, on) for row in unsure if row.order > chosen.order)
    amendments, undated = [], []
    for row in act.sorted_amendments:
        state = row_announced(row, on, act, catalog)
        if row.order <= chosen.order or state is Announced.NO:
            continue
        if state is Announced.UNKNOWN:
            undated.append(row)
        else:
            amendments.append(row)
    if undated:
        one = len(undated) == 1
        notes.append(f"katalog zna {'zmianę' if one else 'zmiany'} {format_journal([row.ref for row in undated])} bez "
                     f"daty ogłoszenia; jeśli {'ogłoszono ją' if one else 'którąś ogłoszono'} najpóźniej {_day(on)}, "
                     f"należy {'ją' if one else 'je'} dopisać do adresu (§ 158 ZTP)")
    notes.extend(unverified_notes("zmiana", amendments, act_key))
    return chosen, amendments


def unverified_notes(what: str, rows: list[JournalRow], act_key: str) -> list[str]:
    """At most one note per status for the rows not verified in ISAP ("tekst" or "zmiana"): a long amendment list
    seen in resolutions gives one note naming them all (a single row's note quotes its source; many rows point to
    ``paldocs acts show``), so that it does not drown the other notes."""
    notes = []
    for status in ("z praktyki", "niezweryfikowany"):
        group = [row for row in rows if not row.verified and (row.row_status == "z praktyki") == (status == "z praktyki")]
        if not group:
            continue
        addresses = format_journal([row.ref for row in group])
        one = len(group) == 1
        subject = (f"tekst {addresses} jest" if what == "tekst" else
                   f"zmiana {addresses} jest" if one else f"zmiany {addresses} są")
        if status == "z praktyki":
            state = "z praktyki" if one else "z praktyki (widziane w dokumentach gmin)"
        else:
            state = ("niezweryfikowany" if what == "tekst" else "niezweryfikowana") if one else "niezweryfikowane"
        source = f"źródło: {group[0].source}" if one else f"źródła: paldocs acts show {act_key}"
        notes.append(f"{subject} w katalogu {state} ({source}) — {ISAP_CHECK}")
    return notes

def _by_address(act: Act, address: str, on: dt.date | None, location: Location | None,
                notes: list[str], catalog: Catalog, act_key: str) -> tuple[JournalRef, list[JournalRef], bool]:
    parsed = parse_address(address, act.date.year, location)
    base = parsed.base
    known = next((row for row in act.texts if _same(row.ref, base)), None)
    if known is None:
        notes.append(f"adres „{_show(base)}” podano ręcznie; katalog nie zna takiego tekstu {act.titles_on(on)[1]} — "
                     f"{ISAP_CHECK}")
    elif not known.verified:
        state = "z praktyki" if known.row_status == "z praktyki" else "niezweryfikowany"
        notes.append(f"adres „{_show(base)}” jest w katalogu {state} (źródło: {known.source}) — {ISAP_CHECK}")
    if base.issue is None and base.year < FIRST_YEAR_WITHOUT_ISSUES:
        notes.append(f"w adresie „{_show(base)}” brakuje numeru Dziennika Ustaw (Nr): przed {FIRST_YEAR_WITHOUT_ISSUES} r. "
                     "adres ma postać „Dz. U. z 2001 r. Nr 142, poz. 1591”"
                     + (f"; katalog podaje „{_show(known.ref)}”" if known is not None and known.issue else ""))
    state = (row_announced(known, on, act, catalog) if known is not None else
             announced_by(base.year, None, on, act, positions=base.positions, evidence=catalog.evidence))
    if state is Announced.NO:
        notes.append(f"tekst {_show(base)} ogłoszono po dniu podjęcia uchwały ({_day(on)}); cytuje się tekst "
                     "ogłoszony najpóźniej w dniu podjęcia (§ 121 ust. 3 ZTP)")
    newer = [(row, row_announced(row, on, act, catalog)) for row in act.texts if row.order > base.order]
    sure = [row for row, row_state in newer if row_state is Announced.YES]
    if sure:
        when = f"ogłoszony {format_date(sure[-1].announced)}" if sure[-1].announced else f"z {sure[-1].year} r."
        notes.append(f"katalog zna nowszy tekst jednolity {_show(sure[-1].ref)} ({when}) — sprawdź, czy to nie on "
                     "powinien być cytowany (§ 121 ust. 3 ZTP)")
    latest = sure[-1].order if sure else base.order
    notes.extend(_undated_newer(row, on) for row, row_state in newer
                 if row_state is Announced.UNKNOWN and row.order > latest)
    given = parsed.amendments
    unknown = [ref for ref in given if not any(_contains(row, ref) for row in act.amendments)]
    if unknown:
        notes.append(f"katalog nie zna zmian {join_list([_show(ref) for ref in unknown])} podanych w adresie — {ISAP_CHECK}")
    # before 1 March 2016 "z późn. zm." stood for the amendments (the practice of the time): nothing to add
    covered = parsed.amended_mark and not lists_amendments(on)
    named, left_out = [], []
    for row in act.sorted_amendments:
        row_state = row_announced(row, on, act, catalog)
        if any(_contains(row, ref) for ref in given):
            named.append(row)
        elif row.order > base.order and row_state is not Announced.NO and not covered:
            left_out.append(row)
    notes.extend(unverified_notes("zmiana", named, act_key))
    if left_out:
        one = len(left_out) == 1
        notes.append(f"katalog zna {'zmianę' if one else 'zmiany'} {format_journal([row.ref for row in left_out])}, "
                     f"{'ogłoszoną' if one else 'ogłoszone'} po tekście {_show(base)}, {'której' if one else 'których'} "
                     f"adres nie wymienia — sprawdź, czy {'jej' if one else 'ich'} nie dopisać (§ 158 ZTP)")
    is_original = act.original is not None and _same(act.original.ref, base)
    return base, given, parsed.consolidated_mark or not is_original


def _amendments_note(act: Act, text: JournalRef, on: dt.date | None, notes: list[str], catalog: Catalog) -> bool:
    """Say when the amendment list may be incomplete; True when amendments by ``on`` are unknown."""
    if act.amendments_checked is not None and on is not None and on <= act.amendments_checked:
        return False
    genitive = act.titles_on(on)[1]
    held = [row for row in act.amendments
            if row.order > text.order and row_announced(row, on, act, catalog) is not Announced.NO]
    if held:
        notes.append(f"katalog nie potwierdza, że zna wszystkie zmiany {genitive} ogłoszone po tekście "
                     f"{_show(text)} najpóźniej {_day(on)} (brak pola „amendments_checked”) — {ISAP_CHECK}")
    elif lists_amendments(on):
        notes.append(f"katalog nie zawiera zmian {genitive} ogłoszonych po tekście {_show(text)}, więc "
                     f"adres może być niepełny: zmiany ogłoszone najpóźniej {_day(on)} trzeba dopisać (§ 158 ZTP) — "
                     f"{ISAP_CHECK}")
    else:
        notes.append(f"katalog nie zawiera zmian {genitive} ogłoszonych po tekście {_show(text)}: jeśli ustawę "
                     f"zmieniono po nim najpóźniej {_day(on)}, przed 1 marca 2016 r. pisano po adresie „z późn. zm.” — "
                     f"{ISAP_CHECK}")
    return True


def _undated_newer(row: JournalRow, on: dt.date | None) -> str:
    return (f"katalog zna tekst {_show(row.ref)} bez daty ogłoszenia; jeśli ogłoszono go najpóźniej {_day(on)}, "
            "należy cytować ten tekst")


def _same(row: JournalRef, other: JournalRef) -> bool:
    """The same text: year and first position agree (and the issue, when both give one)."""
    return (row.year, row.positions[0]) == (other.year, other.positions[0]) and (
        row.issue is None or other.issue is None or row.issue == other.issue)


def _contains(row: JournalRow, ref: JournalRef) -> bool:
    return row.year == ref.year and ref.positions[0] in row.positions


def _show(ref: JournalRef) -> str:
    """An address in a note: always with its year."""
    return format_journal([ref])


def _day(on: dt.date | None) -> str:
    return format_date(on) if on is not None else "w dniu podjęcia"
