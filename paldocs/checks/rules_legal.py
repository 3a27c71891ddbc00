"""Drafting rules over the legal basis (PD011–PD017): acts, provisions and journal addresses (§ 158 ZTP).

Contract: only a resolution (``document: resolution``) is checked — an annex alone prints no legal basis. The
rules read the data entries as written (``resolution.legal_basis``; PD011 and PD014 also the kind's default
basis, which paldocs prints when the data give none) and the acts catalog in ``context.catalog``; they also run
when the document could not be built, never raise, and say nothing when they cannot judge (an unknown act is
PD012's; a malformed provision PD015's; an address paldocs cannot read is PD016's — the build prints it as
typed). Citations by date come from :func:`paldocs.legal.cite` (§ 121 ust. 3 and § 158 ZTP, docs/domain.md § 3). When the document was
built, PD014 and PD017 read what it prints — its :class:`~paldocs.document.Citation` nodes (notes, acts, order,
and the entry each came from by its ``origin``) — and fall back to the data entries otherwise.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator

from paldocs.checks.engine import CheckContext, FieldPath, Report, rule
from paldocs.document import Citation, walk
from paldocs.errors import LegalBasisError, PaldocsError
from paldocs.legal import JournalRef, cite, format_journal, parse_address, parse_provision
from paldocs.legal.journal import join_list
from paldocs.legal.catalog import Act, JournalRow
from paldocs.legal.citation import (ISAP_CHECK, UNREADABLE_NOTE, Announced, currency_note, lists_amendments,
                                    names_journal_position, row_announced, unreadable_note)
from paldocs.model.resolution import LegalBasisEntry
from paldocs.polish.dates import format_date

USG = "samorzad-gminny"


def printed_citations(context: CheckContext) -> list[Citation] | None:
    """The citations the resolution prints, in reading order; None when there is no built resolution."""
    document = context.document
    part = next((part for part in document.parts if part.kind == "resolution"), None) if document else None
    return None if part is None else [node for node in walk(part) if isinstance(node, Citation)]


def _printed_notes(context: CheckContext, where: FieldPath, position: int) -> tuple[str, ...] | None:
    """The notes of the citation printed for the entry at ``where`` (the kind's default entries: by position)."""
    printed = printed_citations(context)
    if printed is None:
        return None
    if where[-1:] == ("legal_basis",):  # the kind's default basis: its citations come from resolution.kind
        defaults = [node for node in printed if node.origin is not None and node.origin.path == ("resolution", "kind")]
        return defaults[position].notes if position < len(defaults) else None
    return next((node.notes for node in printed if node.origin is not None and node.origin.path == where), None)


def _data_entries(context: CheckContext) -> list[tuple[FieldPath, LegalBasisEntry]]:
    """The legal basis as the user wrote it, with field paths (nothing for an annex alone)."""
    if context.data.document != "resolution":
        return []
    # an entry typed whole ("text") names no act of the catalog: printed as typed, never judged
    return [(("resolution", "legal_basis", index), entry)
            for index, entry in enumerate(context.data.resolution.legal_basis or []) if entry.text is None]


@rule("PD011", "error", "podstawa prawna podana")
def legal_basis_given(context: CheckContext) -> Iterator[Report]:
    """Uchwała ma podstawę prawną: podaną w danych, domyślną dla rodzaju uchwały albo (uchwała przyjmująca
    sprawozdanie) z rodzaju załączonego sprawozdania. docs/domain.md § 1: "Na podstawie art. … ustawy …"."""
    resolution = context.data.resolution
    from_report = bool(context.kind.adoption_forms) and any(annex.report for annex in context.data.annexes)
    if (context.data.document == "resolution" and not resolution.legal_basis and not context.kind.legal_basis
            and not from_report):
        yield Report(f"uchwała nie ma podstawy prawnej: rodzaj „{context.kind.key}” nie ma domyślnej, a pole "
                     "resolution.legal_basis jest puste — podaj ustawę i przepis, np. „{act: samorzad-gminny, "
                     "provision: art. 18 ust. 2 pkt 15}”", ("resolution", "legal_basis"))


@rule("PD012", "error", "ustawa znana katalogowi")
def act_in_catalog(context: CheckContext) -> Iterator[Report]:
    """Każda ustawa podstawy prawnej jest w katalogu aktów (paldocs acts list); komunikat podaje najbliższe klucze.

    Catalog keys: paldocs/legal/catalog.py (user catalogs may add acts: "legal offices maintain citations").
    """
    for where, entry in _data_entries(context):
        if entry.act in context.catalog.acts:
            continue
        known = sorted(context.catalog.acts,
                       key=lambda key: (-difflib.SequenceMatcher(None, entry.act, key).ratio(), key))
        close = difflib.get_close_matches(entry.act, list(context.catalog.acts), n=1, cutoff=0.6)
        yield Report(f"ustawy „{entry.act}” nie ma w katalogu aktów — najbliższe klucze: {', '.join(known[:3])} "
                     "(pełna lista: paldocs acts list; własną ustawę dopisuje się w katalogu gminy, pole „acts”)",
                     (*where, "act"), fix=close[0] if close else None)


def _show(ref: JournalRef) -> str:
    return format_journal([ref])  # always with the year


def _same(one: JournalRef, other: JournalRef) -> bool:
    """The same text: year and first position agree (and the issue, when both give one) — as citation.py."""
    return (one.year, one.positions[0]) == (other.year, other.positions[0]) and (
        one.issue is None or other.issue is None or one.issue == other.issue)


def _address_report(context: CheckContext, entry: LegalBasisEntry, where: FieldPath) -> Report | None:
    """PD013's judgement of one written address against the catalog's text for the day (None: nothing to say)."""
    act: Act | None = context.catalog.acts.get(entry.act)
    if act is None or entry.address is None:
        return None
    dated = context.data.resolution.date
    on = dated or context.today
    try:
        base = parse_address(entry.address, act.date.year).base
        by_date = cite(entry.act, None, on, catalog=context.catalog)
    except PaldocsError:
        return None
    chosen = next((row for row in act.texts if _same(row.ref, by_date.text)), None)
    if chosen is None:
        return None
    if _same(base, chosen.ref):
        return _missing_amendments_report(entry, act, by_date.amendments, dated, on, where)

    def state(row: JournalRow) -> Announced:
        return row_announced(row, on, act, context.catalog)

    known = next((row for row in act.texts if _same(row.ref, base)), None)
    day = format_date(on) + ("" if dated else " (dziś — uchwała nie ma jeszcze daty podjęcia)")
    rule_text = "cytuje się tekst ogłoszony najpóźniej w dniu podjęcia uchwały (§ 121 ust. 3 ZTP)"
    doubts = [f"ten tekst jest w katalogu niezweryfikowany (źródło: {chosen.source})"] if not chosen.verified else []
    doubts += [f"katalog zna też tekst {_show(row.ref)} bez daty ogłoszenia — jeśli ogłoszono go najpóźniej {day}, "
               "należy cytować ten tekst"
               for row in act.texts if row.order > chosen.order and state(row) is Announced.UNKNOWN]
    doubt = f"; {'; '.join(doubts)} — {ISAP_CHECK}" if doubts else ""
    if any(row.order > base.order and state(row) is Announced.YES for row in act.texts):
        # then ``chosen`` is the latest text surely announced by the day, newer than the address
        return Report(f"adres publikacji „{entry.address}” nie jest aktualny na dzień {day}: katalog zna nowszy tekst "
                      f"jednolity {_show(chosen.ref)} ({_when(chosen)}) — {rule_text}{doubt}", where,
                      fix=by_date.address_text)
    if known is None:
        return None  # a newer text the catalog does not know: PD014 says so
    if state(known) is Announced.UNKNOWN:
        return Report(f"katalog nie zna daty ogłoszenia tekstu {_show(base)} (adres „{entry.address}”), więc nie "
                      f"potwierdza, że ogłoszono go najpóźniej {day}: jeśli tak — adres jest poprawny, jeśli nie — "
                      f"należy cytować {_show(chosen.ref)} ({rule_text}) — {ISAP_CHECK}", where, severity="info")
    if state(known) is Announced.NO:
        sure = state(chosen) is Announced.YES
        unsure = "" if sure else f"; katalog nie wie jednak na pewno, który tekst był wtedy ogłoszony — {ISAP_CHECK}"
        return Report(f"adres publikacji „{entry.address}” wskazuje tekst {_show(base)} ({_when(known)}), czyli "
                      f"ogłoszony po dniu podjęcia uchwały ({day}) — {rule_text}; według katalogu: {_show(chosen.ref)}"
                      f"{doubt if sure else unsure}", where, fix=by_date.address_text if sure else None,
                      severity=None if sure else "info")
    return None


def _missing_amendments_report(entry: LegalBasisEntry, act: Act, known: tuple[JournalRef, ...], dated: dt.date | None,
                               on: dt.date, where: FieldPath) -> Report | None:
    """PD013's judgement of a written address that names the right text: does it give the amendments the catalog
    knows were announced after that text by the day? From 1 March 2016 § 158 ust. 1 pkt 4 ZTP lists them all; before,
    "z późn. zm." stood for them (the practice of the time)."""
    assert entry.address is not None
    try:
        parsed = parse_address(entry.address, act.date.year)
    except PaldocsError:
        return None
    missing = [ref for ref in known if not all(any(given.year == ref.year and position in given.positions
                                                   for given in parsed.amendments) for position in ref.positions)]
    if not missing:
        return None
    listed = lists_amendments(dated)
    if not listed and parsed.amended_mark:
        return None  # "z późn. zm." before 1 March 2016 is the form of the time
    day = format_date(on) + ("" if dated else " (dziś — uchwała nie ma jeszcze daty podjęcia)")
    full = sorted([*parsed.amendments, *missing], key=lambda ref: ref.order)
    fix = format_journal([parsed.base, *full], act.date.year)
    if listed:
        rule_text = "od 1 marca 2016 r. adres wymienia wszystkie zmiany ogłoszone po tekście jednolitym (§ 158 ust. 1 pkt 4 ZTP)"
    else:
        rule_text = "przed 1 marca 2016 r. pisano po adresie „z późn. zm.” albo wymieniano zmiany"
        if not parsed.amendments:
            fix = format_journal([parsed.base], act.date.year) + " z późn. zm."
    return Report(f"adres publikacji „{entry.address}” nie wymienia "
                  f"{'zmiany' if len(missing) == 1 else 'zmian'} {join_list([_show(ref) for ref in missing])}, "
                  f"ogłoszonych po tekście {_show(parsed.base)} najpóźniej {day}, które zna katalog aktów — {rule_text}; "
                  f"pełny adres: „{fix}”", where, fix=fix)


def _when(row: JournalRow) -> str:
    return f"ogłoszony {format_date(row.announced)}" if row.announced else f"z {row.year} r."


@rule("PD013", "warning", "adres publikacji aktualny na dzień podjęcia")
def address_current_on_adoption_day(context: CheckContext) -> Iterator[Report]:
    """Adres publikacji podany w danych to tekst, który katalog wskazuje na dzień podjęcia (w projekcie: na dziś),
    z każdą zmianą ogłoszoną po nim, którą katalog zna (od 1 marca 2016 r.). Źródło: § 121 ust. 3 i § 158 ust. 1
    pkt 4 ZTP.

    § 121 ust. 3 ZTP (docs/domain.md § 3): the address is the one announced by the day of adoption; § 158 ZTP: the
    latest consolidated text, and (§ 158 ust. 1 pkt 4 ZTP, from 1 March 2016) every amendment announced after it —
    an address that leaves out amendments the catalog knows were announced by the day is a warning whose fix is the
    full address (before 1 March 2016 "z późn. zm." stands for them). Where the catalog does not know when a text
    was announced, the finding is info and says so instead of calling the address wrong.
    """
    for where, entry in _data_entries(context):
        report = _address_report(context, entry, (*where, "address"))
        if report is not None:
            yield report


# Notes of cite() that PD013 already turns into a finding (with a fix) when it judges the address.
_PD013_TOPICS = ("katalog zna nowszy tekst jednolity", "ogłoszono po dniu podjęcia uchwały")


def _repeats(note: str, verdict: Report | None) -> bool:
    """Whether PD013's finding on the same entry already says what this note of cite() says."""
    if verdict is None:
        return False
    if re.match(r"katalog zna zmian[ęy] .+?, ogłoszon[ąe] po tekście", note):
        # PD013 already gives the whole address of the day as its fix (a newer text, or the amendments left out)
        return True
    if any(topic in note for topic in _PD013_TOPICS):
        return True
    undated = re.match(r"katalog zna tekst (.+?) bez daty ogłoszenia", note)
    return undated is not None and f"tekst {undated[1]} bez daty ogłoszenia" in verdict.message


@rule("PD014", "info", "pewność cytowania")
def citation_certainty(context: CheckContext) -> Iterator[Report]:
    """Wątpliwości katalogu aktów co do cytowania (adres niezweryfikowany, nieznana data ogłoszenia, możliwe brakujące
    zmiany) — jedno zgłoszenie na ustawę w dokumencie, ze wszystkimi jej wątpliwościami; data po aktualności katalogu —
    jedno zgłoszenie na dokument. Źródło: wiersze katalogu aktów i ich źródła (paldocs acts show).

    docs/domain.md § 3: "the citation check must not claim more certainty than the data has" — but these are doubts
    about the catalog, not defects of the draft: info, grouped (one finding per act, however many provisions of it are
    cited; one currency note per document), so that a clean draft shows no warning and real findings do not drown.
    What is wrong in the data (an outdated address, amendments left out) is PD013's warning. The kind's default basis
    is checked too (it is what gets printed).
    """
    if context.data.document != "resolution":
        return
    entries, defaults = _data_entries(context), False
    if not entries:  # paldocs prints the kind's default basis
        entries, defaults = [(("resolution", "legal_basis"), entry) for entry in context.kind.legal_basis], True
    grouped: dict[str, tuple[FieldPath, list[str], list[str]]] = {}  # act → (first place, provisions, notes)
    for position, (where, entry) in enumerate(entries):
        act = context.catalog.acts.get(entry.act)
        if act is None:
            continue
        notes = _printed_notes(context, where, position)
        if notes is None:  # not printed (no document): cite the entry as compose would
            try:
                notes = tuple(cite(entry.act, None, context.data.resolution.date, address=entry.address,
                                   style=context.data.municipality.citation_style, catalog=context.catalog,
                                   unreadable_address="note", currency=False).notes)
            except PaldocsError:
                continue
        verdict = _address_report(context, entry, where)
        place, provisions, doubts = grouped.setdefault(entry.act, (where, [], []))
        provisions.append(_provision_text(entry))
        for note in notes:
            if _repeats(note, verdict) or note.startswith(UNREADABLE_NOTE):  # an unreadable address is PD016's
                continue
            if note not in doubts:
                doubts.append(note)
    for key, (where, provisions, doubts) in grouped.items():
        if not doubts:
            continue
        act = context.catalog.acts[key]
        cited = ", ".join(dict.fromkeys(provisions))
        prefix = (f"domyślna podstawa prawna rodzaju „{context.kind.key}” ({cited} {act.short}): " if defaults else
                  f"{act.short} ({cited}): " if len(doubts) > 1 or len(provisions) > 1 else "")
        text = doubts[0] if len(doubts) == 1 else " ".join(f"{number}) {doubt};" for number, doubt in
                                                           enumerate(doubts, 1))[:-1]
        yield Report(prefix + text, where)
    if grouped:
        note = currency_note(context.catalog, context.data.resolution.date)
        if note is not None:
            yield Report(note, ("resolution", "date"))


@rule("PD015", "warning", "forma przepisu")
def provision_form(context: CheckContext) -> Iterator[Report]:
    """Przepis zapisany jak w cytowaniu: „art. 18 ust. 2 pkt 15” — „pkt” bez kropki, spacja po oznaczeniach.

    § 54–57 ZTP as docs/domain.md § 2 records them ("pkt 1 (no dot after pkt)", "ust. 1", "lit. a"). A provision
    paldocs cannot read at all is an error.
    """
    for where, entry in _data_entries(context):
        try:
            provision, deviations = parse_provision(entry.provision)
        except PaldocsError as error:
            yield Report(error.message + (f" — {error.hint}" if error.hint else ""), (*where, "provision"),
                         severity="error")
            continue
        if deviations:
            yield Report(f"przepis „{entry.provision}” zapisano niezgodnie z zasadami cytowania: "
                         + "; ".join(deviation.value for deviation in deviations)
                         + f" — poprawnie: „{provision.format()}”", (*where, "provision"), fix=provision.format())


_PRACTICE_MARKS = (
    (re.compile(r"\d{4}r\.?"), "między rokiem a „r.” pisze się spację"),
    (re.compile(r"poz\.\d+"), "po „poz.” pisze się spację"),
    (re.compile(r"Dz\.U\.?|Dz\s+U\b\.?|Dz\.\s*U(?!\.)"), "skrót dziennika pisze się „Dz. U.”"),
)
_CONSOLIDATED = re.compile(r"tekst\s+jednolity|t\.\s*j\.?", re.IGNORECASE)
_AMENDED = re.compile(r"ze\s+zm(?:\.|ianami)?|z\s+p[óo][źz]n(?:\.|iejszymi)?\s*zm(?:\.|ianami)?", re.IGNORECASE)


def _mark(pattern: re.Pattern[str], text: str, default: str) -> str:
    match = pattern.search(text)
    return match.group() if match else default


@rule("PD016", "warning", "forma adresu publikacji (§ 158 ZTP)")
def address_form(context: CheckContext) -> Iterator[Report]:
    """Adres publikacji w danych ma formę z § 158 ZTP („Dz. U. z 2013 r. poz. 594”), nie „t.j.”, „ze zm.”, „2013r.”;
    adres, którego paldocs nie umie odczytać, jest drukowany tak, jak go wpisano, ale nie jest sprawdzany z katalogiem.

    docs/domain.md § 3: "ze zm.", "z późn. zm.", "t.j.", "tekst jednolity" are practice, not the ZTP form — except
    "z późn. zm." in a resolution adopted before 1 March 2016, the form of that time (the fix keeps it).
    With a practice citation style in the profile the finding is info: the profile chose it, ZTP is the standard.
    An address paldocs cannot read at all (real practice: "Dz. U. Nr. 142 poz. 1591 z 2001 roku") is printed as
    typed and a warning says it was not compared with the catalog (no fix: paldocs cannot tell which text it names).
    """
    style = context.data.municipality.citation_style
    for where, entry in _data_entries(context):
        act = context.catalog.acts.get(entry.act)
        if entry.address is None:
            continue
        try:
            parsed = parse_address(entry.address, act.date.year if act else None)
        except LegalBasisError as error:
            if names_journal_position(entry.address):  # printed as typed; nothing about it could be checked
                yield Report(unreadable_note(entry.address, error), (*where, "address"))
            continue  # not an address at all: the build fails and PD000 names it
        ztp = format_journal(parsed.refs, act.date.year if act else None)
        # before 1 March 2016 "z późn. zm." was the form of the time (§ 158 ust. 1 pkt 4 ZTP lists amendments only since)
        of_the_time = parsed.amended_mark and not lists_amendments(context.data.resolution.date)
        if of_the_time:
            ztp += " z późn. zm."
        written = " ".join(entry.address.split())
        if written.startswith("(") and written.endswith(")"):
            written = written[1:-1].strip()
        if written == ztp:
            continue
        problems = []
        if parsed.consolidated_mark:
            problems.append(f"„{_mark(_CONSOLIDATED, written, 't.j.')}” — § 158 ZTP nie oznacza tekstu jednolitego")
        amended = _mark(_AMENDED, written, "ze zm.")
        if of_the_time and " ".join(amended.split()) != "z późn. zm.":
            problems.append(f"„{amended}” — przed 1 marca 2016 r. pisano „z późn. zm.”")
        elif parsed.amended_mark and not of_the_time:
            problems.append(f"„{amended}” — § 158 ZTP wymienia zamiast tego adresy "
                            "wszystkich zmian ogłoszonych po tekście jednolitym (np. „Dz. U. z 2024 r. poz. 1465 i 1572”)")
        problems += [f"„{match.group()}” — {text}" for pattern, text in _PRACTICE_MARKS
                     if (match := pattern.search(written))]
        if not problems:
            problems.append("zapis różni się od formy z § 158 ZTP")
        practice = (f" Profil gminy cytuje w stylu praktyki („{style}”), ale standardem jest forma z § 158 ZTP."
                    if style != "ztp" else "")
        # a typed address is printed as typed: the fix is the user's to apply (or to leave the address out)
        yield Report(f"adres publikacji „{entry.address}” nie ma formy z § 158 ZTP: {'; '.join(problems)} — forma ZTP: "
                     f"„{ztp}”.{practice}", (*where, "address"), fix=ztp, severity="info" if practice else None)


@rule("PD017", "info", "kolejność podstawy prawnej")
def specific_statute_first(context: CheckContext) -> Iterator[Report]:
    """Ustawa o samorządzie gminnym stoi w podstawie prawnej po przepisie ustawy szczególnej (zalecenie).

    docs/domain.md § 1 (a legal commentary): the specific statute first is the recommended order; most real resolutions
    do the opposite, so this is info only, and only for a basis written in the data.
    """
    printed = printed_citations(context)
    if printed is None:
        entries = [(where, entry.act, _provision_text(entry)) for where, entry in _data_entries(context)]
    else:  # the order the document prints, for the citations written in the data
        entries = [(node.origin.path, node.act, node.provision.format() if node.provision else "") for node in printed
                   if node.origin is not None and node.origin.path[:2] == ("resolution", "legal_basis")]
    for position, (where, act, provision) in enumerate(entries):
        if act != USG:
            continue
        later = [(other, text) for _, other, text in entries[position + 1:] if other != USG]
        if not later:
            return
        names = ", ".join(f"{text} {_short(context, other)}" for other, text in later)
        yield Report(f"podstawa prawna wymienia ustawę o samorządzie gminnym ({provision} u.s.g.) przed "
                     f"ustawą szczególną ({names}) — zalecana kolejność to najpierw przepis ustawy szczególnej, potem "
                     "u.s.g. (zalecenie komentarza; w praktyce częsta jest kolejność odwrotna)", where)
        return


def _provision_text(entry: LegalBasisEntry) -> str:
    """The provision in its cited form when paldocs can read it, else as written."""
    try:
        return parse_provision(entry.provision)[0].format()
    except PaldocsError:
        return entry.provision


def _short(context: CheckContext, key: str) -> str:
    act = context.catalog.acts.get(key)
    return act.short if act is not None else f"„{key}”"
