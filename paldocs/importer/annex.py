"""An annex's text → program data or a verbatim annex; an annex printed without its resolution → a data file.

Contract:
- :func:`import_annex` takes an annex segment's blocks (its header "Załącznik Nr 1 do Uchwały Nr … Rady … z dnia
  …" first, when there is one) and returns ``{"program": …}`` when the text is a program whose title names its
  years and whose sections are recognised, and whose every word the program data keep
  (:func:`paldocs.importer.program.program_or_none`); anything else is ``{"annex": {"title": …, "content": …}}``
  (:class:`paldocs.model.annex.Annex`): the title from the first uppercase, bold or short line(s) ("REGULAMIN …",
  "STATUT SOŁECTWA …"), the rest as Markdown verbatim — paragraphs, lists, "§ 1." units, chapter headings
  ("Rozdział 1." with a dot become "#" headings, which paldocs prints with the same words; others stay text),
  tables of short text lines kept line by line. No word of the annex is lost: the header's words, which paldocs
  prints again from the resolution's data, are logged as ``changed`` (:func:`header_entry`).
- :func:`annex_alone` makes the data of an annex published without its resolution (``document: annex``): the
  resolution's number, date and council from the annex header (a draft's blanks stay blank) and the annex
  (program or verbatim annex). It returns the data and what it found for the municipality profile.
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
from paldocs.importer.source import LIST_START, SourceBlock
from paldocs.importer.split import AnnexHeader, Segment, annex_header, cut_blocks, same_number

_CHAPTER = re.compile(r"^(?:ROZDZIAŁ|Rozdział)\s+(?:[IVXLC]+|\d{1,3})(?P<dot>\.)?(?:\s+(?P<title>\S.*))?$")
_UNIT = re.compile(r"^(?:§\s*\d|ROZDZIAŁ\b|Rozdział\b|DZIAŁ\b|Dział\b)")
_SENTENCE_END = re.compile(r"(?<!\br)(?<!\brok)(?<!\broku)\.$")
_LINE_START_MARKUP = re.compile(r"^([#>|+=])")
_FALLBACK_TITLE = "Treść załącznika"


def import_annex(blocks: list[SourceBlock], log: ImportLog, *, program: bool = True) -> dict[str, Any]:
    """An annex's blocks (header first) → ``{"program": …}`` or ``{"annex": {"title", "content"}}``;
    ``program=False``: always the verbatim annex (an annex printed after another cannot be the program, which
    paldocs prints first)."""
    header, body = strip_header([block for block in blocks if block.lines], log)
    return _program_or_annex(body, log) if body and program else {"annex": verbatim_annex(body, log)}


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
    """The annex header the blocks begin with, if any (nothing logged)."""
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
        return header, cut_blocks(blocks, _header_end(blocks, header.lines), (len(blocks), 0))
    b, k = _header_end(blocks, header.lines - 1)  # the header's last line: its tail is the annex's text
    body = cut_blocks(blocks, (b, k), (len(blocks), 0))
    first = body[0]
    body[0] = dataclasses.replace(first, lines=(header.rest_of_line, *first.lines[1:]),
                                  markdown_lines=(header.rest_of_line, *(first.markdown_lines or first.lines)[1:]))
    return header, body


def _header_lines(blocks: list[SourceBlock]) -> list[str]:
    return [line for block in blocks[:6] for line in block.lines][:6]


def _header_end(blocks: list[SourceBlock], count: int) -> tuple[int, int]:
    for index, block in enumerate(blocks):
        if count < len(block.lines):
            return index, count
        count -= len(block.lines)
    return len(blocks), 0


def header_entry(header: AnnexHeader, line: int, log: ImportLog) -> None:
    """The header's words are printed again by paldocs from the resolution's data: a ``changed`` entry."""
    ordinal = f" Nr {header.ordinal}" if header.ordinal else ""
    council = f" {header.council}" if header.council else ""
    after = f"Załącznik{ordinal} do Uchwały Nr {header.number or '…'}{council} z dnia {header.date_text or '…'}"
    log.changed(line, "nagłówek załącznika — paldocs drukuje go z numeru, organu i daty uchwały "
                      "(numer załącznika nadaje sam)", header.text, after)


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
    if "number" not in resolution or "date" not in resolution:
        resolution["status"] = "projekt"
    data: dict[str, Any] = {"document": "annex", "resolution": resolution}
    if "program" in body:
        data["program"] = body["program"]
    else:
        data["annexes"] = [body["annex"]]
    return data, found


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


# --- the verbatim annex ---------------------------------------------------------------------------------------

def verbatim_annex(blocks: list[SourceBlock], log: ImportLog) -> dict[str, Any]:
    """Title + Markdown content keeping every word (see the module contract)."""
    blocks = _title_run_apart(blocks)
    lines = [(block, k) for block in blocks for k in range(len(block.lines))]
    count = _title_lines(lines)
    if count:
        title = " ".join(block.lines[k] for block, k in lines[:count])
        log.recognised(blocks[0].line, f"tytuł załącznika „{_short(title)}”")
    else:
        title = _FALLBACK_TITLE
        log.kept(blocks[0].line if blocks else 0, f"załącznik bez tytułu — tytuł „{_FALLBACK_TITLE}” "
                 "(zgadnięte — sprawdź)", "")
    rest = cut_blocks(blocks, _header_end(blocks, count), (len(blocks), 0)) if count else blocks
    annex: dict[str, Any] = {"title": title}
    if count and not any(block.bold or block.heading is not None for block, _ in lines[:count]) \
            and any(block.markdown_lines != block.lines for block in blocks):
        annex["title_style"] = "plain"  # Markdown input marks bold; a title it left plain stays plain
    content = _markdown(rest, log)
    if content:
        annex["content"] = content
        log.kept(rest[0].line, "treść załącznika zachowana jako tekst (Markdown)", _short(rest[0].text))
    else:
        annex["content"] = title + "\n"
        log.kept(blocks[0].line if blocks else 0, "załącznik bez treści poza tytułem — tytuł powtórzony jako treść",
                 title)
    return annex


def _title_run_apart(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """A text run together on one line ("PROGRAM WSPÓŁPRACY … NA ROK 2017 Rozdział 1. Podstawa …", as PDF
    transcripts give it): the leading uppercase words become a line of their own, the title."""
    if not blocks or block_is_marked(blocks[0]):
        return blocks
    first = blocks[0]
    words = first.lines[0].split()
    run = 0
    while run < len(words) and not any(ch.islower() for ch in words[run]):
        run += 1
    if run < 3 or run == len(words) or len(words) <= 20 or not _mostly_upper(" ".join(words[:run])):
        return blocks
    split = (" ".join(words[:run]), " ".join(words[run:]))
    return [dataclasses.replace(first, lines=(*split, *first.lines[1:]), markdown_lines=(*split, *first.lines[1:])),
            *blocks[1:]]


def block_is_marked(block: SourceBlock) -> bool:
    """Markdown or Word marked the block (heading, bold, emphasis): its lines are as the author made them."""
    return block.heading is not None or block.bold or block.markdown_lines not in ((), block.lines)


def _title_lines(lines: list[tuple[SourceBlock, int]]) -> int:
    """How many leading lines make the annex's title."""
    if not lines:
        return 0
    block, k = lines[0]
    first = block.lines[k]
    if _UNIT.match(first) or LIST_START.match(first) or block.label:
        return 0
    upper = _mostly_upper(first)
    marked = block.bold or block.heading is not None
    if not (upper or marked or (len(first.split()) <= 20 and not _SENTENCE_END.search(first))):
        return 0
    count = 1
    while count < min(len(lines), 5):
        block, k = lines[count]
        line = block.lines[k]
        if _UNIT.match(line) or LIST_START.match(line) or block.label:
            break
        previous = lines[count - 1][0].lines[lines[count - 1][1]]
        if upper and _mostly_upper(line) or marked and (block.bold or block.heading is not None) and k == 0 \
                and len(line.split()) <= 12 or line[:1].islower() and not _SENTENCE_END.search(previous):
            count += 1
            continue
        break
    return count


def _mostly_upper(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


_UNIT_START = re.compile(r"^(?:§\s*\d+[a-z]?(?:\.(?:\s|$)|$)|(?:ROZDZIAŁ|Rozdział|DZIAŁ|Dział)\s+(?:[IVXLC]+|\d{1,3})\.?(?:\s|$))")


def _units(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """Blocks cut before every line that opens a unit ("§ 2.", "§ 2" alone, "ROZDZIAŁ 2.") and around a table
    — BIP pages often have no blank lines between them."""
    out: list[SourceBlock] = []
    for block in blocks:
        lines = block.lines
        cuts = [k for k in range(1, len(lines)) if _UNIT_START.match(lines[k])
                or lines[k].startswith("|") != lines[k - 1].startswith("|")]  # a Markdown table is a block
        edges = [0, *cuts, len(block.lines)]
        out += [part for a, b in zip(edges, edges[1:], strict=False)
                for part in cut_blocks([block], (0, a), (0, b))]
    return out


def _markdown(blocks: list[SourceBlock], log: ImportLog) -> str:
    blocks = _units(blocks)
    paragraphs: list[str] = []
    in_list = False
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        marked = [_escape(line) for line in (block.markdown_lines or block.lines)]
        chapter = _CHAPTER.match(block.lines[0])
        if chapter and chapter["dot"] and len((chapter["title"] or "").split()) <= 12:  # not a run-together text
            title = chapter["title"]
            rest = marked[1:]
            if title is None and rest and not _UNIT.match(block.lines[1]) and not LIST_START.match(block.lines[1]):
                title, rest = block.lines[1], marked[2:]
            elif title is None and len(block.lines) == 1 and index < len(blocks) \
                    and not _UNIT.match(blocks[index].lines[0]) and len(blocks[index].lines) == 1 \
                    and not LIST_START.match(blocks[index].lines[0]):
                title = blocks[index].lines[0]
                index += 1
            heading = block.lines[0] if chapter["title"] else f"{block.lines[0]} {title}" if title else block.lines[0]
            paragraphs.append(f"# {heading}")
            log.recognised(block.line, f"rozdział „{_short(heading)}” (nagłówek „#”, słowa bez zmian)")
            if rest:
                paragraphs.append(_paragraph(block, rest))
            in_list = False
            continue
        if block.heading is not None:
            paragraphs.append("#" * min(block.heading + 1, 6) + " " + block.text)
            in_list = False
            continue
        if block.bold and len(block.lines) == 1:
            paragraphs.append(f"**{block.text}**")
            in_list = False
            continue
        listed = bool(block.label or LIST_START.match(block.lines[0]))
        text = _paragraph(block, marked)
        if block.label and not LIST_START.match(block.lines[0]):
            text = f"{block.label} {text}"
        if listed and in_list:
            paragraphs[-1] += "\n" + text
        else:
            paragraphs.append(text)
        in_list = listed
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def _paragraph(block: SourceBlock, lines: list[str]) -> str:
    """A block's lines: a table of short text lines keeps its lines (hard breaks), prose its soft breaks."""
    short = len(lines) >= 3 and all(len(line.split()) <= 8 for line in lines) \
        and not any(LIST_START.match(line) or line.startswith("|") for line in lines)
    return ("\\\n" if short else "\n").join(lines)


def _escape(line: str) -> str:
    """Characters that would make a line Markdown markup although the source meant them as text."""
    return _LINE_START_MARKUP.sub(r"\\\1", line) if not line.startswith("|") or not line.endswith("|") else line


# --- words --------------------------------------------------------------------------------------------------

_TOKEN_EDGE = re.compile(r"^[^\w§]+|[^\w]+$")


def words_of(text: str) -> list[str]:
    """The words of a text as the annex check counts them: case-folded, edge punctuation and Markdown marks
    removed, numbering marks ("I.", "1)", "a)") and dash tokens left out (paldocs numbers units again)."""
    out = []
    for token in text.replace("**", " ").replace("\\", " ").split():
        if re.fullmatch(r"(?:[IVXLC]+|\d{1,3}|[a-z])[.)]|[-–—•*#|]+", token):
            continue
        word = _TOKEN_EDGE.sub("", token).casefold()
        if word:
            out.append(word)
    return out


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


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
