"""The legal basis "Na podstawie …" of an imported resolution → ``legal_basis`` entries and ``legal_basis_join``.

Contract: :func:`split_legal_basis` takes the sentence (with or without "Na podstawie", without the enacting
formula) and returns the entries ``{act, provision, address}`` with the provision and the address kept as
written (the checks flag "pkt." and "poz.594" later) and the joining word ("i", "oraz", "w związku z").
An act is matched to a catalog key by its date and title (``Act.title_genitive`` / ``title``); "ustawy" may be
missing before "z dnia". An act the catalog does not know stops the import with a :class:`DataError` naming
the act text (the model needs a catalog key; a guess would change the law cited). "tekst jednolity" / "t.j."
before the address is not kept: paldocs writes the § 158 ZTP form (returned in ``dropped``); "ze zm." /
"z późn. zm." stay in the address (returned in ``amended``). Entries are separated by commas and/or a join word
("A, B oraz C" — paldocs' own form for 3+ entries); several provisions of one act ("art. 7 … i art. 18 …
ustawy …") become one entry each with the same act and address.

Besides the entries as written, ``citations`` holds what each cites as structure —
:class:`~paldocs.document.Cited`: the act's key, the provision parsed by
:func:`~paldocs.legal.provisions.parse_provision` and the address parsed by
:func:`~paldocs.legal.journal.parse_address` (the text cited, then its amendments) — the same values the
document's :class:`~paldocs.document.Citation` nodes carry, so an imported legal basis compares with a built
one structurally. A provision or address paldocs cannot read is None / empty there (the entry keeps the text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from paldocs.document import Cited, journal_positions
from paldocs.errors import DataError, PaldocsError
from paldocs.legal.catalog import Catalog, load_catalog
from paldocs.legal.journal import JournalRef, parse_address
from paldocs.legal.provisions import parse_provision
from paldocs.polish.dates import format_date, parse_date

_INTRO = re.compile(r"^\s*Na\s+podstawie\s+", re.IGNORECASE)
_JOIN = r"(?:i|oraz|w\s+związku\s+z)"
_NEXT = r"(?=art\.?\s*\d|§)"
_ENTRY = re.compile(
    r"(?P<prov>(?:art\.?|§)\s*\d.*?)\s+(?P<ustawy>ustawy\s+)?"
    r"(?P<date>z\s+dnia\s+\d{1,2}(?:\s+[^\W\d_]+\s+|\.\d{1,2}\.)\d{4}\s*r?\.?)\s*"
    r"(?P<about>o\s.*?)\s*(?:\((?P<addr>[^()]*)\))?\s*"
    rf"(?P<join>,?\s*{_JOIN}\s+{_NEXT}|,\s*{_NEXT}|[,;.]?\s*$)", re.IGNORECASE | re.DOTALL)
# several provisions of one act: "art. 7 ust. 1 pkt 6, art. 8 i art. 18 ust. 2 pkt 15 ustawy …"
_PROVISION_SPLIT = re.compile(rf"\s*,\s*{_NEXT}|\s+(?:i|oraz)\s+{_NEXT}", re.IGNORECASE)
_PROVISION_JOIN = re.compile(rf"\s+(i|oraz)\s+{_NEXT}", re.IGNORECASE)
_CONSOLIDATED = re.compile(r"^(?P<prefix>(?:tekst\s+jednolity|t\.\s*j\.)\s*[:,]?)\s*", re.IGNORECASE)
_AMENDED = re.compile(r"\s*(?P<suffix>,?\s*(?:ze\s+zm\.|z\s+późn\.\s*zm\.|ze\s+zmianami))\s*$", re.IGNORECASE)


@dataclass
class LegalBasis:
    entries: list[dict[str, Any]] = field(default_factory=list)
    join: str = "oraz"
    dropped: list[str] = field(default_factory=list)  # words written that paldocs does not print (ZTP form)
    join_guessed: bool = False  # 2+ entries separated only by commas: the join word is paldocs' default
    amended: list[str] = field(default_factory=list)  # "ze zm." / "z późn. zm." kept in the address (check flags it)
    citations: list[Cited] = field(default_factory=list)  # each entry as structure (one per entry, same order)


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).lower()


def act_key(date_text: str, about: str, catalog: Catalog) -> str:
    """The catalog key of "z dnia 8 marca 1990 r." + "o samorządzie gminnym"; DataError when unknown."""
    written = f"z dnia {date_text} {about}".strip()
    try:
        day = parse_date(re.sub(r"^z\s+dnia\s+", "", date_text.strip(), flags=re.IGNORECASE))
    except PaldocsError:
        raise DataError(f"Nie rozpoznano daty ustawy w podstawie prawnej: „{written}”") from None
    wanted = _norm(f"z dnia {format_date(day)} {about}").rstrip(" .,")
    for key, act in catalog.acts.items():
        for title in (act.title_genitive, act.title):
            if _norm(title).endswith(wanted):
                return key
    raise DataError(f"Ustawy „{' '.join(written.split())}” nie ma w katalogu aktów — dodaj ją do własnego "
                    "katalogu (pole „acts” profilu gminy) i zaimportuj ponownie.")


def cited(act: str, provision: str, address: str | None, catalog: Catalog) -> Cited:
    """What an entry cites, as structure (see the module docstring)."""
    try:
        parsed_provision = parse_provision(provision)[0]
    except PaldocsError:
        parsed_provision = None
    journal: tuple[JournalRef, ...] = ()
    if address:
        try:
            parsed = parse_address(address, catalog.acts[act].date.year)
            journal = journal_positions(parsed.base, parsed.amendments)
        except PaldocsError:
            pass
    return Cited(act, parsed_provision, journal)


def split_legal_basis(text: str, catalog: Catalog | None = None) -> LegalBasis:
    """Split "Na podstawie art. … ustawy z dnia … (Dz. U. …) i art. … ustawy …" into entries."""
    catalog = catalog or load_catalog()
    body = " ".join(_INTRO.sub("", text.replace("\u00a0", " ")).split())
    result = LegalBasis()
    position, joins = 0, []
    for match in _ENTRY.finditer(body):
        if match.start() != position:
            raise DataError(f"Nie rozpoznano fragmentu podstawy prawnej: „{body[position:match.start()]}”")
        position = match.end()
        act = act_key(match["date"].removeprefix("z dnia").strip(), match["about"], catalog)
        address = None
        if match["addr"]:
            address = match["addr"].strip()
            consolidated = _CONSOLIDATED.match(address)
            if consolidated:
                result.dropped.append(consolidated["prefix"].strip())
                address = address[consolidated.end():]
            amended = _AMENDED.search(address)
            if amended and len(address) > amended.end() - amended.start():
                result.amended.append(amended["suffix"].strip(" ,"))
        provisions = [part.strip() for part in _PROVISION_SPLIT.split(match["prov"].strip()) if part.strip()]
        for provision in provisions:
            entry: dict[str, Any] = {"act": act, "provision": provision}
            if address:
                entry["address"] = address
            result.entries.append(entry)
            result.citations.append(cited(act, provision, address, catalog))
        if len(provisions) > 1:
            joins.extend(_PROVISION_JOIN.findall(match["prov"]))
        join = " ".join(match["join"].strip(" ,;.").split())
        if join:
            joins.append(join)
    if position != len(body) or not result.entries:
        raise DataError(f"Nie rozpoznano podstawy prawnej: „{body[position:] or body}”")
    if joins:  # "A, B oraz C": commas between entries, the join word before the last one
        result.join = joins[-1]
    elif len(result.entries) > 1:
        result.join_guessed = True
    return result


# --- tolerant reading: never refuses -------------------------------------------------------------------------
_LEAD = re.compile(r"^\s*Na\s+(?P<word>pod?stawie)\s+", re.IGNORECASE)
# where one act's citation ends and the next begins: after its address "(…)" or "/…/", a comma or a join word,
# then "art." or "§" (the typed entries keep every word, the joins are printed between them as written)
_TYPED_SPLIT = re.compile(r"(?<=[)/])\s*(?P<join>,|;|,?\s*(?:i|oraz|w\s+związku\s+z|w\s+zw\.\s+z))\s+(?=art\.?\s*\d|§)",
                          re.IGNORECASE)
_JOINS = {"i": "i", "oraz": "oraz", "w związku z": "w związku z", "w zw. z": "w zw. z", ",": ",", ";": ","}


def read_legal_basis(sentence: str, on: Any, line: int, log: Any, catalog: Catalog | None = None) -> LegalBasis:
    """The legal basis as written (without the enacting formula), never refused: catalog entries
    ``{act, provision, address}`` when the citations paldocs prints from them have the original's words, else the
    text verbatim as ``{text: …}`` entries (one per act cited, split after each address)."""
    lead = _LEAD.match(sentence)
    body = " ".join(sentence[lead.end():].split()) if lead else " ".join(sentence.split())
    if lead and lead["word"].lower() != "podstawie":
        log.changed(line, "literówka „Na postawie” — paldocs drukuje „Na podstawie”", lead.group().strip(),
                    "Na podstawie")
    trailing = re.search(r"[\s,;:–-]*$", body)
    core = body[:trailing.start()] if trailing else body
    tail = "".join(ch for ch in (trailing.group() if trailing else "") if ch in ",;:")
    try:
        strict = split_legal_basis(core, catalog)
    except PaldocsError:
        strict = None
    # a comma before the formula ("…zm.), Rada … uchwala") is a word paldocs would not print after a citation
    if strict is not None and not tail and _prints_as_written(strict, core, on, catalog):
        return strict
    result = LegalBasis()
    kept = core + tail  # the punctuation before the formula stays with the typed text
    position, join = 0, None
    for match in _TYPED_SPLIT.finditer(kept):
        _typed(result, kept[position:match.start()], join)
        join = _JOINS.get(" ".join(match["join"].strip(" ,").split()) or ",", ",")
        position = match.end()
    _typed(result, kept[position:], join)
    if result.entries:
        log.kept(line, f"podstawa prawna przepisana dosłownie ({len(result.entries)} "
                       f"{'przepis' if len(result.entries) == 1 else 'przepisy'} jako „text”) — paldocs nie "
                       "wydrukowałby z katalogu tych samych słów", kept)
    return result


def _typed(result: LegalBasis, text: str, join: str | None) -> None:
    text = text.strip()
    if not text:
        return
    entry: dict[str, Any] = {"text": text}
    if join is not None and result.entries:
        entry["join"] = join
    result.entries.append(entry)


def _prints_as_written(basis: LegalBasis, written: str, on: Any, catalog: Catalog | None) -> bool:
    """Whether the citations paldocs prints from the entries have the words of ``written``."""
    from paldocs.importer.wording import same_words
    from paldocs.legal import cite

    printed: list[str] = []
    try:
        for index, entry in enumerate(basis.entries):
            citation = cite(entry["act"], entry["provision"], on, address=entry.get("address"), style="ztp",
                            catalog=catalog, unreadable_address="note")
            if index:
                printed.append(", " if index < len(basis.entries) - 1 else f" {basis.join} ")
            printed.append(citation.format())
    except PaldocsError:
        return False
    return same_words(written, "".join(printed))
