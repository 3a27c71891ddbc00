"""An annex's text → program data or a verbatim annex; an annex printed without its resolution → a data file.

Contract:
- :func:`import_annex` takes an annex segment's blocks (its header "Załącznik Nr 1 do Uchwały Nr … Rady … z dnia
  …" first, when there is one) and returns ``{"program": …}`` when the text is a program whose title names its
  years and whose sections are recognised, and whose every word the program data keep
  (:func:`paldocs.importer.program.program_or_none`); anything else is ``{"annex": {"title": …, "content": …}}``
  (:func:`paldocs.importer.annex_text.verbatim_annex`: title and Markdown text, every word kept). No word of the
  annex is lost: the header, which paldocs prints again from the resolution's data, is logged as dropped with
  that reason (:func:`header_entry`); a header whose title runs on after the date on the same line gives that
  tail back to the text.
- :func:`annex_alone` makes the data of an annex published without its resolution (``document: annex``): the
  resolution's number, date and council from the annex header (a draft's blanks stay blank) and the annex
  (program or verbatim annex). It returns the data and what it found for the municipality profile.
- :func:`without_repeated_signature` takes off the resolution's signature repeated at the end of an annex
  (logged; ``found`` gets the ``annex_signature`` layout), before :func:`import_annex` reads the annex.
- :func:`attach_annexes` puts a resolution's annex segments (:attr:`paldocs.importer.split.Segment.annexes`) into
  its data: the first annex may be the program, the others go to ``annexes`` in order (paldocs prints the
  program first); :func:`compare_header` logs where an annex header's number or date differ from its
  resolution's, and an annex number ("Załącznik Nr 2") that is not the one paldocs prints is logged too.
Nothing here raises on content; every decision is logged.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Any

from paldocs.errors import PaldocsError
from paldocs.importer.log import ImportLog
from paldocs.importer.program import program_or_none
from paldocs.importer.signature import START as SIGNATURE_START
from paldocs.importer.source import SourceBlock
from paldocs.importer.annex_text import verbatim_annex, words_of
from paldocs.importer.split import AnnexHeader, Segment, annex_header, cut_blocks, line_position, same_number

_UPPERCASE_HEAD = re.compile(r"^\s*ZA[ŁL][AĄ]CZNIK\b")  # "ZAŁĄCZNIK DO UCHWAŁY …": printed so too


def import_annex(blocks: list[SourceBlock], log: ImportLog, *, program: bool = True) -> dict[str, Any]:
    """An annex's blocks (header first) → ``{"program": …}`` or ``{"annex": {"title", "content"}}``;
    ``program=False``: always the verbatim annex (an annex printed after another cannot be the program, which
    paldocs prints first)."""
    before, blocks = split_before_header([block for block in blocks if block.lines])
    header, body = strip_header(blocks, log)
    if before:  # text the file had before the annex's header (a page's title): kept at the top of the text
        log.kept(before[0].line, "tekst przed nagłówkiem załącznika — zachowany na początku treści (sprawdź, czy to "
                 "nie pozostałość strony)", " ".join(block.text for block in before))
        return {"annex": verbatim_annex(body, log, before=before)}
    return _program_or_annex(body, log) if body and program else {"annex": verbatim_annex(body, log)}


def split_before_header(blocks: list[SourceBlock]) -> tuple[list[SourceBlock], list[SourceBlock]]:
    """(text before the annex header, the blocks from the header on) — a header within the first lines only."""
    lines = [line for block in blocks[:16] for line in block.lines][:24]
    at = next((k for k in range(len(lines)) if annex_header(lines[k:k + 6]) is not None), 0)
    if at == 0:
        return [], blocks
    position = line_position(blocks, at)
    return cut_blocks(blocks, (0, 0), position), cut_blocks(blocks, position, (len(blocks), 0))


def _program_or_annex(body: list[SourceBlock], log: ImportLog) -> dict[str, Any]:
    program = program_or_none(body, log)
    if program is not None:
        missing = _missing_words(body, program)
        if not missing:
            log.recognised(body[0].line, "załącznik: program (tytuł z latami, rozdziały)")
            return {"program": program}
        log.kept(body[0].line, "załącznik wygląda na program, ale jego dane nie mieszczą wszystkich słów — "
                 "zachowany jako tekst (Markdown)", " ".join(missing[:12]))
    return {"annex": verbatim_annex(body, log)}


def attach_annexes(data: dict[str, Any], annexes: list[Segment], log: ImportLog) -> None:
    """A resolution's annex segments into its data, in order: the first may be the program (``program``), the
    others are ``annexes``; a header naming another number, date or annex number than paldocs prints is logged."""
    resolution = data.get("resolution") or {}
    for position, segment in enumerate(annexes, start=1):
        blocks = [block for block in segment.blocks if block.lines]
        header = header_of(blocks)
        line = blocks[0].line if blocks else 0
        compare_header(header, resolution, line, log)
        if header is not None and header.ordinal is not None and header.ordinal != position:
            log.kept(line, f"nagłówek podaje „Załącznik Nr {header.ordinal}”, a paldocs numeruje ten załącznik "
                           f"jako {position}. (sprawdź)", header.text)
        body = import_annex(blocks, log, program=position == 1 and data.get("program") is None)
        if "program" in body:
            data["program"] = body["program"]
        else:
            data.setdefault("annexes", []).append(body["annex"])


def header_of(blocks: list[SourceBlock]) -> AnnexHeader | None:
    """The annex header the blocks begin with (after a few lines of other text, if any), nothing logged."""
    blocks = split_before_header(blocks)[1]
    return annex_header(_header_lines(blocks)) if blocks else None


def strip_header(blocks: list[SourceBlock], log: ImportLog) -> tuple[AnnexHeader | None, list[SourceBlock]]:
    """The annex header (if the blocks begin with one) and the blocks after it; the header is logged."""
    if not blocks:
        return None, []
    header = annex_header(_header_lines(blocks))
    if header is None:
        return None, blocks
    header_entry(header, blocks[0].line, log)
    if not header.rest_of_line:
        return header, cut_blocks(blocks, line_position(blocks, header.lines), (len(blocks), 0))
    b, k = line_position(blocks, header.lines - 1)  # the header's last line: its tail is the annex's text
    body = cut_blocks(blocks, (b, k), (len(blocks), 0))
    first = body[0]
    body[0] = dataclasses.replace(first, lines=(header.rest_of_line, *first.lines[1:]),
                                  markdown_lines=(header.rest_of_line, *(first.markdown_lines or first.lines)[1:]))
    return header, body


def _header_lines(blocks: list[SourceBlock]) -> list[str]:
    return [line for block in blocks[:6] for line in block.lines][:6]


def header_entry(header: AnnexHeader, line: int, log: ImportLog) -> None:
    """The header is not kept as text: paldocs prints its own annex header from the resolution's number, organ
    and date, numbering the annexes itself ("Załącznik do …" for a single one) — a ``dropped`` entry."""
    log.dropped(line, "nagłówek załącznika — paldocs drukuje własny z numeru, organu i daty uchwały (numer "
                      "załącznika nadaje sam)", header.text)


def compare_header(header: AnnexHeader | None, resolution: dict[str, Any], line: int, log: ImportLog) -> None:
    """Log where the annex header names another number or date than its resolution (the resolution's win)."""
    if header is None:
        return
    number = resolution.get("number")
    if isinstance(number, dict) and header.number is not None:
        written = f"{number.get('session')}/{number.get('number')}/{number.get('year')}"
        swapped = f"{number.get('number')}/{number.get('session')}/{number.get('year')}"
        if not (same_number(written, header.number) or same_number(swapped, header.number)):
            log.kept(line, f"nagłówek załącznika podaje numer „{header.number}”, inny niż numer uchwały — "
                           "paldocs drukuje numer uchwały (sprawdź)", header.text)
    date = resolution.get("date")
    parsed = _date(header.date_text)
    if date is not None and parsed is not None and parsed != date:
        log.kept(line, f"nagłówek załącznika podaje datę „{header.date_text}”, inną niż data uchwały — "
                       "paldocs drukuje datę uchwały (sprawdź)", header.text)


def _date(text: str | None) -> Any:
    if not text:
        return None
    from paldocs.polish.dates import parse_date

    try:
        return parse_date(re.sub(r"\s*(?:r\.?|roku)\s*$", " r.", text).strip())
    except PaldocsError:
        return None


def annex_alone(blocks: list[SourceBlock], log: ImportLog) -> tuple[dict[str, Any], dict[str, Any]]:
    """An annex without its resolution → (data without ``municipality``, what was found for the profile)."""
    header = header_of([block for block in blocks if block.lines])
    body = import_annex(blocks, log)
    resolution: dict[str, Any] = {"kind": "generic", "requires": []}
    found: dict[str, Any] = {"layout": {}, "numbering": {}}
    line = blocks[0].line if blocks else 0
    if header is not None:
        _resolution_from_header(header, resolution, found, line, log)
    else:
        log.kept(line, "załącznik bez nagłówka „Załącznik do uchwały …” — numer i data uchwały puste (projekt); "
                       "uzupełnij je (zgadnięte — sprawdź)", "")
    first = blocks[0].lines[0] if blocks and blocks[0].lines else ""
    if first.isupper() and _UPPERCASE_HEAD.match(first):  # "ZAŁĄCZNIK NR 1" over a "do uchwały …" line too
        found["layout"]["annex_header_uppercase"] = True
    if "number" not in resolution and (header is None or header.number is None):
        resolution["status"] = "projekt"  # a draft's annex ("Nr …/…/2019") or no header at all: blanks, "Projekt"
    data: dict[str, Any] = {"document": "annex", "resolution": resolution}
    if "program" in body:
        data["program"] = body["program"]
    else:
        data["annexes"] = [body["annex"]]
    return data, found


def without_repeated_signature(blocks: list[SourceBlock], log: ImportLog,
                               found: dict[str, Any] | None = None) -> list[SourceBlock]:
    """The annex's blocks without the resolution's signature repeated under it (a short "Przewodniczący …" block
    among the last three); ``found`` gets the ``annex_signature`` layout, so that paldocs prints it there too."""
    for j in range(len(blocks) - 1, max(len(blocks) - 4, 0), -1):
        if SIGNATURE_START.match(blocks[j].lines[0]) and len(" ".join(b.text for b in blocks[j:]).split()) <= 16:
            log.recognised(blocks[j].line, "podpis powtórzony pod załącznikiem")
            if found is not None:
                found.setdefault("layout", {})["annex_signature"] = True
            return blocks[:j]
    return blocks


def _resolution_from_header(header: AnnexHeader, resolution: dict[str, Any], found: dict[str, Any], line: int,
                            log: ImportLog) -> None:
    from paldocs.importer.resolution import council_from_genitive, parse_number

    if header.number is not None:
        try:
            number = parse_number(header.number)
        except PaldocsError:
            number = None
        if number is not None and number.value:
            resolution["number"] = number.value
            found["numbering"] = {key: value for key, value in (("order", number.order),
                                                                 ("year_digits", number.year_digits)) if value}
            log.recognised(line, f"numer uchwały z nagłówka załącznika: {header.number}")
        else:
            log.kept(line, f"numer uchwały „{header.number}” nierozpoznany — pole numeru puste (sprawdź)",
                     header.number)
    date = _date(header.date_text)
    if date is not None:
        resolution["date"] = date
        log.recognised(line, "data uchwały z nagłówka załącznika")
    if header.council:
        found["council"] = council_from_genitive(header.council)
        log.recognised(line, "organ (dopełniacz) z nagłówka załącznika")
    if header.text.isupper():
        found["layout"]["annex_header_uppercase"] = True


# --- does the program keep every word? -----------------------------------------------------------------------

def _program_text(node: Any) -> list[str]:
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("id", "role", "items_style", "section_numbering", "level", "period", "implementer",
                       "title_genitive") or (key == "title" and "display_title" in node):
                continue
            out += _program_text(value)
    elif isinstance(node, list):
        for value in node:
            out += _program_text(value)
    elif isinstance(node, str):
        out.append(node)
    return out


def _toc_text(program: dict[str, Any]) -> list[str]:
    """The table of contents paldocs prints from the headings (compose._toc_entries): their words again."""
    if not program.get("toc"):
        return []
    return [section["heading"] for section in program["sections"] if section.get("heading")
            and (section.get("toc") is True or (section.get("toc") is None and section.get("level", 1) == 1))]


def _missing_words(blocks: list[SourceBlock], program: dict[str, Any]) -> list[str]:
    have = Counter(words_of(" ".join(_program_text(program) + _toc_text(program))))
    need = Counter(words_of(" ".join(block.text for block in blocks)))
    return sorted((need - have).elements())
