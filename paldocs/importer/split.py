"""Where each document of an import file starts: resolutions, their annexes and justifications, reports.

Contract: :func:`split_documents` cuts the cleaned blocks of one file into :class:`Segment` objects, one per act
(a resolution, an annex printed without its resolution, a monitoring report, an uzasadnienie without its
resolution). A document starts only at the start of a block, or at the start of a line whose previous line ends
a sentence or a name (never inside a sentence: "zgodnie z Uchwałą Nr …", "traci moc uchwała Nr …"):

- a resolution header "UCHWAŁA NR …", "Uchwała nr …", a draft's "Uchwała Nr …/…/…" (or an order's
  "ZARZĄDZENIE Nr …", imported the same way), with the "Projekt", "PROJEKT" or "DRUK Nr …" lines just before
  it; a second header counts only when the text around it is a title block ("Rady …", "z dnia …", "w sprawie …"
  follow) and it names another number than the resolution before it (two acts on one BIP page or Dziennik
  print) — the same number repeated (the page's title above the act) does not start a new act;
- an annex header "Załącznik [Nr 1] do Uchwały Nr … Rady … z dnia …", possibly over several lines
  (:func:`annex_header`); an annex whose header names no number or the number of the resolution before it is
  attached to that resolution (:attr:`Segment.annexes`), one naming another resolution starts an annex alone;
  "Załącznik nr 1 do Regulaminu …" inside an annex is the annex's own text;
- a report title "SPRAWOZDANIE Z REALIZACJI …", "Sprawozdanie z …", "Informacja z realizacji …" (not as the
  title of an annex, and not a sentence);
- an uzasadnienie "UZASADNIENIE", "Uzasadnienie do uchwały Nr …": attached to the resolution before it.
A page number a PDF transcript glued before a header ("2 Załącznik Nr 1 do …") does not hide it. An annex alone
whose title is a report's ("Załącznik do Uchwały … Sprawozdanie roczne z …") is a report. A file with none of
these is one segment: an annex when it begins with the title of a program, strategy, regulation or statute
("PROGRAM …", "Gminny Program …", "Regulamin …", "Statut sołectwa …"), a report
when its first words name it one ("… Sprawozdanie z realizacji …"), else a resolution. Text before the first
document stays in the first segment. Every segment's blocks begin with its header. Nothing here raises; each
document found is logged as recognised.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from paldocs.importer.log import ImportLog
from paldocs.importer.source import SourceBlock

SegmentKind = Literal["resolution", "annex", "report", "justification"]


@dataclass
class Segment:
    kind: SegmentKind
    blocks: list[SourceBlock]
    annexes: list[Segment] = field(default_factory=list)  # annexes that follow a resolution, in order
    justification: Segment | None = None  # an uzasadnienie that follows it (own header or not)
    number: str | None = None  # the resolution number its header names, as written (None: none or a draft's blank)


# --- headers -------------------------------------------------------------------------------------------------

_RESOLUTION = re.compile(r"^(?:\d{1,3}\s+)?(?:U(?i:chwała)|U C H W A Ł A|ZARZĄDZENIE|Zarządzenie)"
                         r"(?:\s+(?:NR|Nr|nr|N r)\b\.?\s*(?P<rest>.*))?$")
# "Projekt", "- PROJEKT -", "Projekt z dnia 11 października 2016 r.", "DRUK Nr 5", "druk nr projekt Prezydenta …"
_DRAFT_MARK = re.compile(r"^(?:[-–/(]?\s*projekt\b(?:\s+\S+){0,8}?\s*[-–/)]?|druk\s+nr\b(?:\s+\S+){0,8})$",
                         re.IGNORECASE)
_ANNEX = re.compile(r"^(?:\d{1,3}\s+)?(?:ZAŁĄCZNIK|Załącznik|Z A Ł Ą C Z N I K)(?:\s+(?:NR|Nr|nr)\.?\s*(?P<ordinal>\d{1,2}))?"
                    r"\s*[.:]?\s*(?P<rest>.*)$")
_ANNEX_OF_ACT = re.compile(r"^(?:do\s+)?(?:projektu\s+)?(?:uchwał[yaą]|zarządzenia)(?:\s+(?:nr\b|rady\b|z\s+dnia\b|"
                           r"burmistrza\b|wójta\b|prezydenta\b|[IVXLCDM]+\s*[/.]|\d+\s*[/.])|\s*[.:]?$)", re.IGNORECASE)
_ANNEX_CONTINUES = re.compile(r"^(?:do\s|uchwał|zarządzeni|nr\b|rady\b|z\s+dnia\b|w\s+sprawie\b)", re.IGNORECASE)
_REPORT = re.compile(r"^(?:SPRAWOZDANIE|Sprawozdanie)\.?\s+(?:z|Z|za|ZA|roczne|ROCZNE)\b"
                     r"|^(?:INFORMACJA|Informacja)\s+(?:z|Z|o|O)\s+(?:realizacji|REALIZACJI|wykonaniu|WYKONANIU)\b")
_JUSTIFICATION = re.compile(r"^(?:\d{1,3}\s+)?(?:UZASADNIENIE|Uzasadnienie|U Z A S A D N I E N I E)\s*(?P<rest>.*)$")
_JUSTIFICATION_REST = re.compile(r"^(?:[:.]?$|do\b|uchwał|projektu)", re.IGNORECASE)
_PROGRAM_TITLE = re.compile(r"^(?:(?:Gminny|GMINNY|Miejski|MIEJSKI|Miejsko-Gminny|MIEJSKO-GMINNY|Lokalny|LOKALNY|"
                            r"Roczny|ROCZNY|Wieloletni|WIELOLETNI|Powiatowy|POWIATOWY)\s+(?:program|Program|PROGRAM)"
                            r"|Program|PROGRAM|P R O G R A M|Strategia|STRATEGIA|Regulamin|REGULAMIN|Statut|STATUT)\b")
_NUMBER_IN = re.compile(r"\b(?:uchwał\w*\s+)?(?:nr|NR|Nr)\.?\s*(?P<number>.+?)(?=\s+(?:rady|z\s+dnia|w\s+sprawie)\b|$)",
                        re.IGNORECASE)
# "z dnia 30 listopada 2016 r.", "z dnia 25.03.2014r.", "z dnia … stycznia 2019 roku", a draft's "z dnia ……"
_DATE = re.compile(r"\bz\s+dnia\b(?P<date>.{0,40}?(?:(?:19|20)\d{2}(?:\s*(?:r\.|roku\b|r\b))?|$))", re.IGNORECASE)
_RESOLUTION_NUMBER_IN = re.compile(r"\buchwał\w*\s+(?:nr\.?\s*(?P<number>.+?)(?=\s+(?:rady|z\s+dnia|w\s+sprawie)\b|$)"
                                   r"|(?P<bare>[IVXLCDM]+\s*/\s*\d+\s*/\s*\d+|\d+\s*/\s*[IVXLCDM]+\s*/\s*\d+)\b)",
                                   re.IGNORECASE)
_TITLE_BLOCK = re.compile(r"^(?:rady|z\s+dnia|w\s+sprawie)\b|\b(?:rady|z\s+dnia|w\s+sprawie)\b", re.IGNORECASE)
_NOT_A_HEADER = re.compile(r"\b(?:traci\s+moc|otrzymuje\s+brzmienie|zmienia\s+się|wprowadza\s+się|stanowi)\b",
                           re.IGNORECASE)
_BODY = re.compile(r"^(?:§\s*\d|Na\s+podstawie\b)")  # a resolution's text has begun: a later header is a new act
_ANNEX_ALONE_LINE = re.compile(r"^(?:ZAŁĄCZNIK|Załącznik)(?:\s+(?:NR|Nr|nr)\.?\s*\d{1,2})?$")
_CONTINUATION_END = re.compile(r"(?:[,;:(–-]|\b[a-ząćęłńóśźż][\w-]*)$")


@dataclass(frozen=True)
class AnnexHeader:
    """An annex's header as printed above its text: how many lines it takes and what it names."""

    lines: int  # lines of the block (from the first) that make the header
    text: str  # its words, joined
    ordinal: int | None  # "Załącznik Nr 2" → 2
    number: str | None  # the resolution's number as written ("107/XX/12"); None: none or dotted
    date_text: str | None  # "31 grudnia 2012 r."
    council: str | None  # "Rady Gminy Rutki"
    rest_of_line: str = ""  # text after the date on the header's last line (a title run into the header)


def annex_header(lines: Sequence[str]) -> AnnexHeader | None:
    """The annex header at the start of ``lines`` ("Załącznik Nr 1 do Uchwały Nr …", over up to five lines)."""
    if not lines:
        return None
    match = _ANNEX.match(lines[0])
    if not match:
        return None
    rest = match["rest"]
    if rest and not _ANNEX_OF_ACT.match(rest):
        return None  # "Załącznik nr 1 – wzór wniosku", a sentence
    if not rest and len(lines) > 1 and lines[1].lower().startswith("do ") and not _ANNEX_OF_ACT.match(lines[1]):
        return None  # "Załącznik nr 1" / "do Regulaminu …": the annex's own appendix
    count = 1
    while count < min(len(lines), 6) and _ANNEX_CONTINUES.match(lines[count]) \
            and not lines[count].lower().startswith("w sprawie") and not _dated(lines[:count]):
        count += 1
    text = " ".join(lines[:count])
    date = _DATE.search(text)
    rest_of_line = ""
    if date and date.end() < len(text):  # "… z dnia 30 listopada 2016 r. PROGRAM WSPÓŁPRACY …" on one line
        end = date.end()
        late = re.match(r"\s+(?:nr|NR|Nr)\.?\s*[IVXLCDM\d]+(?:\s*[/.]\s*[IVXLCDM\d]+)+", text[end:])
        end += late.end() if late else 0  # "… z dnia 30 kwietnia 2015 r. Nr VIII/50/2015": the number after the date
        text, rest_of_line = text[:end], text[end:].strip()
    number = _number(text) if re.search(r"uchwał", text, re.IGNORECASE) else None
    if number is None and (late_number := re.search(r"\b(?:nr|NR|Nr)\.?\s*([IVXLCDM\d]+(?:\s*[/.]\s*[IVXLCDM\d]+)+)\s*$",
                                                   text)):
        number = _number("uchwały Nr " + late_number[1])
    council = re.search(r"\b(?P<council>(?:Rady|RADY)\s+.+?)(?=\s+z\s+dnia\b|$)", text)
    return AnnexHeader(count, text, int(match["ordinal"]) if match["ordinal"] else None, number,
                       date["date"].strip() if date else None, council["council"] if council else None, rest_of_line)


def _dated(lines: Sequence[str]) -> bool:
    return bool(re.search(r"\bz\s+dnia\b", " ".join(lines), re.IGNORECASE))


def _number(text: str) -> str | None:
    """The resolution number a header names ("XIX/180/2020"), or None for none or a draft's dots."""
    match = _RESOLUTION_NUMBER_IN.search(text) or _NUMBER_IN.search(text)
    if not match:
        return None
    number = re.sub(r"\s*([/.])\s*", r"\1", match.group("number") or match.groupdict().get("bare") or "").strip(" .,")
    parts = re.split(r"[/.]", number)
    if len(parts) < 2 or not all(re.fullmatch(r"\d+|[IVXLCDM]+", part) for part in parts):
        return None  # none, or a draft's blanks ("…/…/2019", "/ /2019")
    return number


def same_number(first: str | None, second: str | None) -> bool:
    """Whether two numbers name the same resolution ("XX / 1 / 2020" = "XX/1/20"); unknown agrees with anything."""
    if first is None or second is None:
        return True

    def key(number: str) -> tuple[str, ...]:
        parts = [part for part in re.split(r"[/.\s]+", number.upper()) if part]
        if parts and parts[-1].isdigit() and len(parts[-1]) == 4:
            parts[-1] = parts[-1][2:]
        return tuple(parts)

    return key(first) == key(second)


# --- finding the starts ---------------------------------------------------------------------------------------

@dataclass
class _Start:
    block: int
    line: int
    kind: SegmentKind
    number: str | None = None
    draft_lines: int = 0  # "Projekt" lines before a resolution header that belong to it


def _is_resolution_header(lines: Sequence[str], at: int, first: bool) -> bool:
    match = _RESOLUTION.match(lines[at])
    if not match:
        return False
    if match["rest"] is None and not (lines[at].isupper() and at + 1 < len(lines)
                                      and re.match(r"^(?:NR|Nr|RADY|Rady)\b", lines[at + 1])):
        return False
    head = re.split(r"\bw\s+sprawie\b", lines[at], maxsplit=1, flags=re.IGNORECASE)[0]
    if _NOT_A_HEADER.search(" ".join(head.split()[:15])):  # "Uchwała Nr … traci moc", not a title
        return False
    return first or any(_TITLE_BLOCK.search(line) for line in lines[at: at + 4])


def _report_title(lines: Sequence[str], at: int, block: SourceBlock) -> bool:
    line = lines[at]
    if re.fullmatch(r"(?:SPRAWOZDANIE|Sprawozdanie)\.?", line) and at + 1 < len(lines) \
            and re.match(r"^(?:z|za|roczne)\b", lines[at + 1], re.IGNORECASE):
        return True  # "SPRAWOZDANIE" / "z działalności …" on the next line
    if not _REPORT.match(line):
        return False
    words = block.text.split()
    if line.isupper():
        return True
    if len(words) > 40 or len(block.lines) > 4:
        return False
    return not (block.text.endswith(".") and not re.search(r"\b(?:r|rok|roku)\.$", block.text))


def _flat(blocks: Sequence[SourceBlock]) -> list[tuple[int, int, str]]:
    return [(b, k, line) for b, block in enumerate(blocks) for k, line in enumerate(block.lines)]


def _starts(blocks: Sequence[SourceBlock]) -> list[_Start]:
    flat = _flat(blocks)
    texts = [text for _, _, text in flat]
    starts: list[_Start] = []
    for index, (b, k, text) in enumerate(flat):
        previous = texts[index - 1] if index else ""
        if k > 0 and _CONTINUATION_END.search(previous) and not text.isupper() and not (
                _ANNEX_ALONE_LINE.match(text) and index + 1 < len(texts) and _ANNEX_OF_ACT.match(texts[index + 1])):
            continue  # inside a sentence: "… traci moc" / "uchwała Nr …" (not "Załącznik" / "do Uchwały …")
        window = texts[index: index + 6]
        if _is_resolution_header(window, 0, not starts):
            if k == 0 and index and _CONTINUATION_END.search(previous) and not text.isupper() \
                    and re.search(r"\b[a-ząćęłńóśźż]+$", previous):
                continue  # "§ 3. Traci moc" / "Uchwała Nr … z dnia …" (one paragraph each in a DOCX)
            number = _number(" ".join(window[:2]))
            drafts = 0
            while index - drafts - 1 >= 0 and _DRAFT_MARK.match(texts[index - drafts - 1]) \
                    and (not starts or (starts[-1].block, starts[-1].line) < flat[index - drafts - 1][:2]):
                drafts += 1
            starts.append(_Start(b, k, "resolution", number, drafts))
        elif (header := annex_header(window)) is not None:
            starts.append(_Start(b, k, "annex", header.number))
        elif _JUSTIFICATION.match(text) and _JUSTIFICATION_REST.match(_JUSTIFICATION.match(text)["rest"]):  # type: ignore[index]
            starts.append(_Start(b, k, "justification", _number(" ".join(window[:3]))))
        elif k == 0 and _report_title(texts, index, blocks[b]):
            starts.append(_Start(b, k, "report"))
    return starts


# --- cutting ----------------------------------------------------------------------------------------------------

def cut_blocks(blocks: Sequence[SourceBlock], start: tuple[int, int], end: tuple[int, int]) -> list[SourceBlock]:
    """The blocks from position ``start`` (block, line) up to ``end`` (exclusive), splitting blocks at the lines."""
    out: list[SourceBlock] = []
    for b in range(start[0], min(end[0] + 1, len(blocks))):
        block = blocks[b]
        first = start[1] if b == start[0] else 0
        last = end[1] if b == end[0] else len(block.lines)
        if first >= last:
            continue
        if first == 0 and last == len(block.lines):
            out.append(block)
            continue
        marked = block.markdown_lines or block.lines
        out.append(dataclasses.replace(block, lines=block.lines[first:last], line=block.line + first,
                                       markdown_lines=tuple(marked[first:last]),
                                       label=block.label if first == 0 else None))
    return out


def line_position(blocks: Sequence[SourceBlock], count: int) -> tuple[int, int]:
    """(block, line) of the ``count``-th line (from 0) of the blocks; past the end: ``(len(blocks), 0)``."""
    for index, block in enumerate(blocks):
        if count < len(block.lines):
            return index, count
        count -= len(block.lines)
    return len(blocks), 0


def _position(blocks: Sequence[SourceBlock], start: _Start) -> tuple[int, int]:
    """Where a start really begins: the "Projekt" lines before a resolution header belong to it."""
    b, k = start.block, start.line
    for _ in range(start.draft_lines):
        if k > 0:
            k -= 1
        else:
            b -= 1
            k = len(blocks[b].lines) - 1
    return b, k


def split_documents(blocks: list[SourceBlock], log: ImportLog) -> list[Segment]:
    """Cut a file's blocks into its documents (see the module contract); never raises."""
    blocks = [block for block in blocks if block.lines]
    if not blocks:
        return [Segment("resolution", [])]
    starts = _accepted(_starts(blocks), blocks)
    if not starts:
        kind: SegmentKind = "annex" if _PROGRAM_TITLE.match(blocks[0].lines[0]) else \
            "report" if _report_in_title(blocks) else "resolution" if _has_act_text(blocks) else "annex"
        if kind == "annex" and _PROGRAM_TITLE.match(blocks[0].lines[0]):
            log.recognised(blocks[0].line, "dokument 1: załącznik bez uchwały — zaczyna się tytułem (program, "
                                           "regulamin, statut)")
        elif kind == "annex":
            log.recognised(blocks[0].line, "dokument 1: tekst bez nagłówka, bez paragrafów i bez podstawy prawnej — "
                                           "zachowany jako załącznik bez uchwały (sprawdź)")
        elif kind == "report":
            log.recognised(blocks[0].line, "dokument 1: sprawozdanie (tytuł „Sprawozdanie z …” w pierwszych słowach)")
        return [Segment(kind, list(blocks))]
    positions = [_position(blocks, start) for start in starts]
    ends = positions[1:] + [(len(blocks), 0)]
    segments: list[Segment] = []
    owner: Segment | None = None  # the resolution later annexes and an uzasadnienie belong to
    for index, (start, position, end) in enumerate(zip(starts, positions, ends, strict=True)):
        part = cut_blocks(blocks, (0, 0) if index == 0 else position, end)
        segment = Segment(start.kind, part, number=start.number)
        line = blocks[start.block].line + start.line
        if start.kind == "annex" and owner is not None and same_number(owner.number, start.number):
            owner.annexes.append(segment)
            log.recognised(line, f"załącznik {len(owner.annexes)} do uchwały z dokumentu {_ordinal(segments, owner)}")
            continue
        if start.kind == "justification":
            target = _justified(segments, owner, start.number)
            if target is not None:
                target.justification = segment
                log.recognised(line, f"uzasadnienie uchwały z dokumentu {_ordinal(segments, target)}")
                continue
        if start.kind == "annex" and _annex_report(segment):
            segment.kind = start.kind = "report"  # a report published as an annex, without its resolution
        segments.append(segment)
        owner = segment if start.kind == "resolution" else None
        log.recognised(line, f"dokument {len(segments)}: {_describe(start)}")
    return segments


def _has_act_text(blocks: Sequence[SourceBlock]) -> bool:
    """Text of a resolution's body: a § unit or the legal basis. A file with neither and no header (the stored
    copy of a program that begins at its chapter "I. Wstęp") is a document's text, imported as an annex alone."""
    return any(_BODY.match(line) for block in blocks for line in block.lines)


def _accepted(starts: list[_Start], blocks: Sequence[SourceBlock]) -> list[_Start]:
    """Drop starts that do not begin a new document: a repeated resolution header with the same number (or a
    second blank one before any §), and a report title that is an annex's title or chapter."""
    kept: list[_Start] = []
    current: _Start | None = None  # the last resolution
    last: _Start | None = None
    for start in starts:
        if start.kind == "resolution" and current is not None and last is current:
            between = cut_blocks(blocks, (current.block, current.line + 1), (start.block, start.line))
            has_body = any(_BODY.match(line) for block in between for line in block.lines)
            if same_number(current.number, start.number) and (
                    current.number is not None and start.number is not None or not has_body):
                continue
        if start.kind in ("justification", "report") and last is not None and last.kind == start.kind \
                and _short_between(blocks, last, start, 12 if start.kind == "justification" else 40):
            continue  # "Uzasadnienie" (the page's title) and then "Uzasadnienie do uchwały Nr …": one text
        if start.kind == "report" and last is not None and last.kind == "annex":
            continue  # the annex's title ("Załącznik do uchwały …" / "Sprawozdanie z realizacji …") or a chapter
        if start.kind == "resolution" and last is not None and last.kind == "annex" and current is not None \
                and same_number(current.number, start.number) and start.number is not None:
            continue  # the annex quotes its resolution's title
        kept.append(start)
        last = start
        if start.kind == "resolution":
            current = start
    return kept


def _short_between(blocks: Sequence[SourceBlock], first: _Start, second: _Start, words: int) -> bool:
    between = cut_blocks(blocks, (first.block, first.line + 1), (second.block, second.line))
    return sum(len(block.text.split()) for block in between) <= words


def _report_in_title(blocks: Sequence[SourceBlock]) -> bool:
    """A text without any header that names itself a report in its first words ("Nowy Sącz, 15 maja 2018 r.
    KAN-NGO Sprawozdanie z realizacji programu …", a PDF transcript's first line)."""
    first = " ".join(" ".join(block.text for block in blocks[:12]).split()[:120])
    return bool(re.search(r"\b(?:SPRAWOZDANIE|Sprawozdanie)\.?\s+(?:z|za|roczne)\b", first))


def _annex_report(segment: Segment) -> bool:
    """An annex alone whose title is a report's ("Załącznik do Uchwały … Sprawozdanie roczne z działalności …")."""
    lines = [line for block in segment.blocks[:16] for line in block.lines][:24]
    at = next((k for k in range(len(lines)) if annex_header(lines[k:k + 6]) is not None), None)
    if at is None:  # (text before the first document stays in the first segment: look past it)
        return False
    lines = lines[at:]
    header = annex_header(lines[:6])
    if header is None:
        return False
    after = [header.rest_of_line] if header.rest_of_line else []
    after += lines[header.lines:header.lines + 2]
    return any(_REPORT.match(line) for line in after[:2])


def _justified(segments: list[Segment], owner: Segment | None, number: str | None) -> Segment | None:
    if owner is not None and owner.justification is None and same_number(owner.number, number):
        return owner
    for segment in reversed(segments):
        if segment.kind == "resolution" and segment.justification is None and number is not None \
                and segment.number is not None and same_number(segment.number, number):
            return segment
    return None


def _ordinal(segments: list[Segment], segment: Segment) -> int:
    return next(i for i, item in enumerate(segments, start=1) if item is segment)


def _describe(start: _Start) -> str:
    number = f" Nr {start.number}" if start.number else ""
    return {"resolution": f"uchwała{number}", "annex": f"załącznik bez uchwały (do uchwały{number})",
            "report": "sprawozdanie", "justification": f"uzasadnienie bez uchwały{number}"}[start.kind]
