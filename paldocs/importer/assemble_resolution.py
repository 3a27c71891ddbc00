"""One resolution segment (its blocks, its annexes, its justification) → a data dict that validates and builds.

Contract: :func:`assemble_resolution` reads, in order, the title block (:mod:`paldocs.importer.header`), the
legal basis and the enacting formula (:func:`paldocs.importer.legal_basis.read_legal_basis`), the §§
(:mod:`paldocs.importer.body`), the signature (:mod:`paldocs.importer.signature`), the footnotes and other text
after the signature, the justification and the annexes (:mod:`paldocs.importer.annex`), and returns the
``resolution``/``program``/``annexes`` data plus what it learnt about the municipality (``found``: council,
executive, numbering, layout, voivodeship). It never raises on content: what it does not recognise is kept
verbatim (Markdown) in the best place the model has, and logged. The kind: ``pal`` when the text is exactly
that kind's wording with a program annex (the § 1 adopting the program, the standard executor and
entry-into-force clauses); otherwise ``generic`` with ``requires`` listing what is present, the §§ verbatim in
``provisions`` and ``closing`` data only for the closing §§ paldocs prints with the same words
(:mod:`paldocs.importer.closing_text`) — always with an explicit ``order``, so that no clause the original lacks
is added. Amending and repealing resolutions are generic with their provisions verbatim (logged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from paldocs.importer import resolution as rx
from paldocs.importer.annex import import_annex, without_repeated_signature
from paldocs.importer.body import escape_line, escape_marker, log_numbering, printable, split_provisions
from paldocs.importer.clean.patterns import EDOC
from paldocs.importer.closing_text import read_closing
from paldocs.importer.header import BASIS_START, ENACTING, PARAGRAPH, Header, read_header
from paldocs.errors import PaldocsError
from paldocs.importer.legal_basis import LegalBasis, read_legal_basis, split_legal_basis
from paldocs.importer.log import ImportLog
from paldocs.importer.rows import Row, markdown_of, rows_from_blocks, split_row, text_of
from paldocs.importer.signature import is_signature_start, read_signature
from paldocs.importer.source import SourceBlock
from paldocs.importer.wording import log_if_changed

_JUSTIFICATION = re.compile(r"^uzasadnienie\b", re.IGNORECASE)
_JUSTIFICATION_PART = re.compile(r"^\s*:?\s*(?:do\s+(?:projektu\s+)?uchwały\b|rady\s|z\s+dnia\b|w\s+sprawie\b)",
                                re.IGNORECASE)
_FOOTNOTE = re.compile(r"^(?:\d{1,2}\)|\*{1,3})(?:\s|$)")
_FOOTNOTE_WORDS = re.compile(r"Dz\.\s*U|zmian|ogłoszon", re.IGNORECASE)
_AMENDING = re.compile(r"\b(?:w\s+sprawie\s+zmian[yi]?\b|zmieniając[aey]\s+uchwał)", re.IGNORECASE)
_REPEALING = re.compile(r"\bw\s+sprawie\s+uchylenia\s+uchwał", re.IGNORECASE)


@dataclass
class Assembled:
    data: dict[str, Any]  # document, resolution, program, annexes (no municipality yet)
    found: dict[str, Any] = field(default_factory=lambda: {"layout": {}, "numbering": {}})


def assemble_resolution(blocks: list[SourceBlock], annexes: list[list[SourceBlock]],
                        justification: list[SourceBlock] | None, log: ImportLog, *, markdown: bool) -> Assembled:
    rows = rows_from_blocks(blocks)
    header, rows = read_header(rows, log)
    out = Assembled({"document": "resolution"})
    resolution: dict[str, Any] = {}
    _header_data(header, resolution, out.found, log)
    rows = _legal_basis(rows, header, resolution, out.found, log)
    body, rows = _until_signature(rows)
    provisions = split_provisions(body, log, markdown=markdown)
    heading = _heading_layout(body)
    if provisions and provisions[0].number is not None and not any(p.number is None for p in provisions):
        out.found["layout"]["paragraph_layout"] = "heading" if heading else "inline"
    log_numbering(provisions, heading, log)
    council = rx.council_from_genitive(header.council_genitive) if header.council_genitive else None
    if rows and is_signature_start(rows[0]):
        signature = read_signature(rows, council, log)
        resolution["signatory"] = signature.signatory
        resolution["signature_organ"] = signature.organ_form
        if signature.council_genitive and not header.council_genitive:
            out.found["council_from_signature"] = signature.council_genitive
        if header.draft:
            log.dropped(rows[0].line, "podpis projektu — projekt drukuje się bez podpisu", text_of(rows[:signature.used]))
        rows = rows[signature.used:]
    if not annexes and (trailing := _trailing_annex(blocks, rows)):
        annexes = [trailing]  # a program printed after the signature without its "Załącznik …" header
        rows = []
    rows = _footnotes_and_rest(rows, resolution, log, markdown=markdown)
    if justification:
        _justification(rows_from_blocks(justification), resolution, log, markdown=markdown)
    elif rows:
        _justification(rows, resolution, log, markdown=markdown)
    program, others = None, []
    for position, annex in enumerate(annexes):
        # only the first annex can be the program (paldocs prints the program as Załącznik Nr 1); a later one is
        # read as text, so that none of its words is lost and the annexes keep their order
        imported = import_annex(without_repeated_signature(annex, log, out.found), log, program=position == 0)
        if "program" in imported:
            program = imported["program"]
        else:
            others.append(imported["annex"])
    program = _provisions_and_kind(provisions, resolution, out, program, header, log)
    out.data["resolution"] = resolution
    if program is not None:
        out.data["program"] = program
    if others:
        out.data["annexes"] = others
    return out


def _trailing_annex(blocks: list[SourceBlock], rest: list[Row]) -> list[SourceBlock] | None:
    """The blocks from ``rest`` on when they are an annex without its header: five blocks or more after the
    signature, neither an uzasadnienie nor footnotes (the Kętrzyn seed prints its program so)."""
    if not rest or _JUSTIFICATION.match(rest[0].text) or _FOOTNOTE.match(rest[0].text):
        return None
    start = next((k for k, block in enumerate(blocks) if block.line >= rest[0].line), None)
    if start is None or len(blocks) - start < 5 or blocks[start].line != rest[0].line:
        return None
    return blocks[start:]


def _marked_draft_by_e_session(log: ImportLog) -> bool:
    """The e-session system stamps a draft "Id: … Projekt Strona 1" (its state after the Id): the cleaners drop
    the stamp as an e-document mark, and it still says the document is a draft."""
    return any(entry.what == EDOC and re.search(r"\bProjekt\b", entry.text) for entry in log.of_kind("dropped"))


def _header_data(header: Header, resolution: dict[str, Any], found: dict[str, Any], log: ImportLog) -> None:
    if not header.draft and _marked_draft_by_e_session(log):
        header.draft = True
        log.recognised(header.title_line, "projekt — znacznik e-sesji „Projekt” przy identyfikatorze dokumentu")
    if header.draft:
        resolution["status"] = "projekt"
        # a draft prints blanks for its number and date even when they are known (templates/resolution.md.j2)
        if header.number and header.number_text:
            log.dropped(header.title_line, "projekt — paldocs drukuje wykropkowany numer", header.number_text)
        if header.date and header.date_text:
            log.dropped(header.title_line, "projekt — paldocs drukuje wykropkowaną datę", header.date_text)
    if header.number:
        resolution["number"] = header.number
    if header.date:
        resolution["date"] = header.date
    if header.subject:
        resolution["subject"] = header.subject
    found["numbering"].update(header.numbering)
    if header.council_genitive:
        found["council"] = rx.council_from_genitive(header.council_genitive)
    if header.number and header.number_text and not header.draft:
        printed = _printed_number(header)
        log_if_changed(log, header.title_line, "numer uchwały w formie, którą drukuje paldocs", header.number_text,
                       printed)


def _printed_number(header: Header) -> str:
    number = header.number or {}
    year = str(number.get("year", ""))
    year = year[-2:] if header.numbering.get("year_digits") == 2 else year
    order = header.numbering.get("order", "session/number/year")
    sign = header.numbering.get("separator", "/")
    if order == "number/session/year":
        return f"{number.get('number')}{sign}{number.get('session')}{sign}{year}"
    if order == "number/year":
        return f"{number.get('number')}{sign}{year}"
    return f"{number.get('session')}{sign}{number.get('number')}{sign}{year}"


def _legal_basis(rows: list[Row], header: Header, resolution: dict[str, Any], found: dict[str, Any],
                 log: ImportLog) -> list[Row]:
    """The legal basis and the enacting formula; returns the rows after them."""
    if not rows or PARAGRAPH.match(rows[0].text):
        return rows
    end, enacting = None, None
    limit = next((k for k, row in enumerate(rows) if PARAGRAPH.match(row.text)), len(rows))
    for k, row in enumerate(rows[:min(limit, 12)]):
        if k and row.opens_block and not BASIS_START.match(rows[0].text) and enacting is None:
            break
        if (match := ENACTING.search(row.text)) is not None:
            end, enacting = k, match
            break
    if end is None:
        if not BASIS_START.match(rows[0].text):
            return rows
        end = next((k for k, row in enumerate(rows[1:], 1) if row.opens_block), len(rows)) - 1
    used = list(rows[:end + 1])
    rest = list(rows[end + 1:])
    if enacting is not None:
        last, tail = split_row(used[-1], enacting.end())
        if tail.text:
            rest.insert(0, tail)
        used[-1] = last
    sentence = text_of(used)
    line = used[0].line
    formula = ENACTING.search(sentence) if enacting is not None else None
    basis_text = sentence[:formula.start()] if formula else sentence
    if formula:
        _enacting(formula, line, found, log)
    if basis_text.strip(" ,-–"):
        typed_log = ImportLog(log.source)  # merged when the generic path keeps these entries
        basis = read_legal_basis(basis_text, header.date, line, typed_log)
        found["strict_basis"] = _strict(basis_text)
        found["basis_log"] = (typed_log.entries, line)
        resolution["legal_basis"] = basis.entries
        if basis.join != "oraz":
            resolution["legal_basis_join"] = basis.join
        log.recognised(line, f"podstawa prawna ({len(basis.entries)} przepisy)")
    return rest


def _strict(text: str) -> LegalBasis | None:
    """The legal basis split into catalog entries as the ``pal`` kind prints them (§ 158 ZTP forms), or None."""
    try:
        return split_legal_basis(text)
    except PaldocsError:
        return None


def _enacting(formula: re.Match[str], line: int, found: dict[str, Any], log: ImportLog) -> None:
    council = " ".join((formula["council"] or "").split())
    if council and not formula["impersonal"]:
        found["layout"]["enacting_formula"] = "council"
        found["enacting_council"] = council
        printed = f"{council} uchwala, co następuje:"
    else:
        found["layout"]["enacting_formula"] = "impersonal"
        printed = "uchwala się, co następuje:"
        if council:
            log.dropped(line, "nazwa rady przed „uchwala się” — paldocs drukuje formułę bezosobową", council)
    log.recognised(line, "formuła „uchwala, co następuje”")
    written = formula.group().strip(" -–")
    if council and formula["impersonal"]:
        written = written[len(council):]
    log_if_changed(log, line, "formuła wydania w brzmieniu, które drukuje paldocs (§ 121 ZTP)", written, printed)


def _until_signature(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    for k, row in enumerate(rows):
        if is_signature_start(row) or (row.opens_block and _JUSTIFICATION.match(row.text) and k):
            return rows[:k], rows[k:]
    return rows, []


def _heading_layout(body: list[Row]) -> bool:
    """"§ 1" alone on its line: the heading layout; "§ 1." alone keeps the inline layout, whose "§ 1." has the
    original's words (the heading layout prints "§ 1" without the dot)."""
    first = next((row for row in body if PARAGRAPH.match(row.text)), None)
    return first is not None and not PARAGRAPH.match(first.text)["rest"].strip() \
        and not first.text.rstrip().endswith(".")  # type: ignore[index]


def _footnotes_and_rest(rows: list[Row], resolution: dict[str, Any], log: ImportLog, *, markdown: bool) -> list[Row]:
    """Footnotes after the signature (Dziennik prints: "1) Zmiany … ogłoszone w Dz. U. …") and any other text
    before the justification, kept as footnotes (printed after the signature); returns the rows from the
    justification on."""
    notes: list[list[Row]] = []
    k = 0
    while k < len(rows) and not _JUSTIFICATION.match(rows[k].text):
        row = rows[k]
        if row.opens_block or not notes or _FOOTNOTE.match(row.text):
            notes.append([row])
        else:
            notes[-1].append(row)
        k += 1
    for note in notes:
        text = text_of(note)
        if _FOOTNOTE.match(text) and _FOOTNOTE_WORDS.search(text):
            log.recognised(note[0].line, "przypis (druk Dziennika Urzędowego)")
        else:
            log.kept(note[0].line, "tekst po podpisie — zachowany jako przypis drukowany pod podpisem (sprawdź)", text)
    if notes:
        resolution["footnotes"] = [_note_markdown(note, markdown) for note in notes]
    return rows[k:]


def _note_markdown(rows: list[Row], markdown: bool) -> str:
    """A footnote as Markdown that prints as written: its "1)" / "*" marker is text, not a list."""
    lines = [escape_line(row.md if markdown else row.text, in_quote=False, markdown=markdown) for row in rows]
    return "\n".join([escape_marker(lines[0]), *lines[1:]])


def _justification(rows: list[Row], resolution: dict[str, Any], log: ImportLog, *, markdown: bool) -> None:
    """The uzasadnienie: its own header ("Uzasadnienie", "Uzasadnienie do uchwały Nr … Rady … z dnia … w sprawie
    …", on one line or several) is not kept — paldocs prints "UZASADNIENIE" — the rest is kept as Markdown."""
    if not rows:
        return
    first = rows[0]
    if match := _JUSTIFICATION.match(first.text):
        header, k = [first.text[match.end():]], 1
        while k < len(rows) and not rows[k].opens_block and _JUSTIFICATION_PART.match(rows[k].text):
            header.append(rows[k].text)
            k += 1
        head = " ".join(" ".join(header).split())
        if _JUSTIFICATION_PART.match(head) or k > 1:
            log.dropped(first.line, "nagłówek uzasadnienia — paldocs drukuje własny", head)
            rows = rows[k:]
        else:
            rest = first.text[match.end():].strip(" :")
            rows = ([Row(rest, rest, first.line)] if rest else []) + rows[1:]
    else:
        log.kept(first.line, "tekst po uchwale bez nagłówka „Uzasadnienie” — zachowany jako uzasadnienie (sprawdź)",
                 text_of(rows))
    content = markdown_of([Row(r.text, escape_line(r.md if markdown else r.text, in_quote=False, markdown=markdown),
                               r.line, r.opens_block) for r in rows])
    if content.strip():
        resolution["justification"] = content.strip() + "\n"
        log.recognised(first.line, "uzasadnienie")


def _provisions_and_kind(provisions: list[Any], resolution: dict[str, Any], out: Assembled, program: Any,
                         header: Header, log: ImportLog) -> Any:
    """Kind, provisions and closing (see the module contract); returns the program (its title from a pal § 1)."""
    texts = [provision.text for provision in provisions]
    kinds = [rx.classify_provision(text) for text in texts]
    strict = out.found.pop("strict_basis", None)
    basis_log, basis_line = out.found.pop("basis_log", ([], 0))
    shape = [kind for kind, _ in kinds]
    if program is not None and len(shape) >= 3 and shape[0] == "adopt" and shape[-2:] == ["executor", "in-force"] \
            and all(kind == "other" for kind in shape[1:-2]) and (strict is not None or not resolution.get("legal_basis")):
        return _pal(provisions, kinds, resolution, out, program, strict, log, basis_line)
    log.entries.extend(basis_log)
    closing = read_closing(texts, header.council_genitive)
    if closing.voivodeship:
        out.found["voivodeship"] = closing.voivodeship
    if executor := closing.closing.get("executor"):
        out.found["executive"] = rx.executive_from_dative(executor)
    kept = provisions[:len(provisions) - closing.taken]
    for provision in provisions[len(kept):]:
        log.recognised(provision.line, "przepis końcowy (closing) — paldocs drukuje te same słowa")
    if not out.found.get("executive"):
        for text in texts:
            if (clause := rx.recognise_clause(text)) and clause.kind == "executor" and clause.organ:
                out.found["executive"] = rx.executive_from_dative(clause.organ.rstrip(" ."))
                break
    subject = resolution.get("subject", "")
    if _AMENDING.search(subject) or _REPEALING.search(subject):
        log.recognised(header.title_line, "uchwała zmieniająca — zmiany zachowane dosłownie (paldocs nie modeluje "
                                          "jeszcze zmian)" if _AMENDING.search(subject) else
                       "uchwała uchylająca — przepisy zachowane dosłownie")
    resolution["kind"] = "generic"
    requires = [name for name, present in (("subject", "subject" in resolution),
                                           ("legal_basis", bool(resolution.get("legal_basis"))),
                                           ("provisions", bool(kept))) if present]
    if kept:
        resolution["provisions"] = [printable(provision.text, provision.line, log) for provision in kept]
        for provision in kept:
            log.recognised(provision.line, "§ zachowany dosłownie (resolution.provisions)")
    resolution["requires"] = requires
    resolution["closing"] = closing.closing
    order = ["kind", "status", "number", "date", "subject", "legal_basis", "legal_basis_join", "provisions",
             "requires", "closing", "signatory", "signature_organ", "footnotes", "justification"]
    ordered = {key: resolution[key] for key in order if key in resolution}
    resolution.clear()
    resolution.update(ordered)
    return program


def _pal(provisions: list[Any], kinds: list[tuple[str, str | None]], resolution: dict[str, Any], out: Assembled,
         program: dict[str, Any], strict: LegalBasis | None, log: ImportLog, line: int) -> dict[str, Any]:
    """The ``pal`` kind: its template prints § 1 (adopting the program), the executor and the entry into force;
    the legal basis as catalog entries in § 158 ZTP form (the differences are the reviewed ZTP forms)."""
    resolution["kind"] = "pal"
    others = []
    for (kind, value), provision in zip(kinds, provisions, strict=True):
        if kind == "executor":
            out.found["executive"] = rx.executive_from_dative(value or "")
        if kind == "other":
            others.append(printable(provision.text, provision.line, log))
            log.recognised(provision.line, "§ dodatkowy (resolution.provisions)")
        else:
            log.recognised(provision.line, f"§ w brzmieniu rodzaju „pal” ({kind})")
    if others:
        resolution["provisions"] = others
    if strict is not None:
        resolution["legal_basis"] = strict.entries
        resolution["legal_basis_join"] = strict.join
        for words in strict.dropped:
            log.dropped(line, "„tekst jednolity” — paldocs pisze adres w formie § 158 ZTP", words)
        for suffix in strict.amended:
            log.recognised(line, f"dopisek „{suffix}” w adresie podstawy prawnej — paldocs drukuje adres bez niego; "
                                 "dopisz adresy zmian (§ 158 ZTP) — sprawdź")
        if strict.join_guessed:
            log.recognised(line, "przepisy podstawy prawnej rozdzielone tylko przecinkami — spójnik „oraz” przed "
                                 "ostatnim (zgadnięte — sprawdź)")
    title = kinds[0][1] or program.get("title", "")
    genitive = re.fullmatch(r"w sprawie przyjęcia „(.+)”", resolution.get("subject", ""))
    ordered: dict[str, Any] = {"title": title}
    if genitive and genitive[1] != title:
        ordered["title_genitive"] = genitive[1]
    if genitive:
        del resolution["subject"]
    order = ["kind", "status", "number", "date", "subject", "legal_basis", "legal_basis_join", "provisions",
             "signatory", "signature_organ", "footnotes", "justification"]
    kept = {key: resolution[key] for key in order if key in resolution}
    resolution.clear()
    resolution.update(kept)
    return {**ordered, **{k: v for k, v in program.items() if k not in ("title", "title_genitive")}}
