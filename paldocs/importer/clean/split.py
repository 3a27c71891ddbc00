"""Text that lost its line breaks: a title block or a whole resolution on one line, split at its structure.

Contract: :func:`split_run_on_lines` cuts a line (plain text only) at the structural boundaries of an act —
before "RADY …" after the header's number, before "z dnia" and after its date, before "w sprawie", before "Na
podstawie", after "co następuje:", before each "§ N." that opens a paragraf (never inside „…” quotes, never a
reference such as "w § 2"), before a chapter ("Rozdział 2"), an annex header ("Załącznik Nr 1 do Uchwały …"),
"Uzasadnienie" and the closing signature ("Przewodniczący Rady …"). The parts keep the line's number; no word
changes, so the log gets one recognised entry per split line. :func:`split_numbered_items` cuts a run-on body at
its numbered items "1. … 2. … 3. …" (in sequence, each followed by a capital letter) — used where the § signs
were lost. A line without such boundaries is returned as it is.
"""

from __future__ import annotations

import dataclasses
import re

from paldocs.importer.clean.patterns import UPPER
from paldocs.importer.lines import SourceLine
from paldocs.importer.log import ImportLog

SPLIT = "tekst w jednym wierszu podzielony na części"

_HEADER = re.compile(r"^(?:\d{1,3}\s+)?(?:uchwa[łl]a|załącznik\b[^.]{0,20}?\bdo\s+uchwały)\s+nr\.?\s*", re.IGNORECASE)
_COUNCIL = re.compile(r"\s(?=(?:RADY|Rady|RADA|Rada)\s)")
_DATE = re.compile(r"(?<=\s)[zZ]\s+(?:dnia|dn\.)\s*(?:\d{1,2}(?:\.\d{1,2}\.\d{4}|\s+\w+\s+\d{4})\s*(?:r\.|roku|r\b)?"
                   r"|[.…_ ]*(?:\d{1,2}\s+)?(?:[a-ząćęłńóśźż]+\s+)?(?:\d{4}\s*)?(?:r\.|roku))")  # a draft: "z dnia r."
_SUBJECT = re.compile(r"\s(?=w\s+sprawie\b)")
_BASIS = re.compile(r"(?:^|\s)(?=Na\s+podstawie\b)")
_BASIS_LOWER = re.compile(r"\s(?=na\s+podstawie\s+art\.)")
ENACTING_IN_LINE = re.compile(r"uchwala(?:\s+się)?\s*,?\s*co\s+następuje", re.IGNORECASE)
_ENACTED = re.compile(r"co\s+następuje\s*:\s*(?=\S)|\buchwala\s*:\s*(?=\S)")
_PARAGRAPH = re.compile(rf"(?:(?<=[.:;)”\"])|(?<=\b[{UPPER}]{{2}})|(?<=[{UPPER}]{{3}}))\s+(?=§\s*\d+[a-z]?"
                        rf"(?:\.\s|\s+[{UPPER}„]))")
_CHAPTER = re.compile(r"(?<=[.:;])\s+(?=(?:ROZDZIAŁ|Rozdział)\s+(?:\d+|[IVXLC]+)\b)")
_ANNEX = re.compile(r"\s(?=(?:Załącznik|ZAŁĄCZNIK)(?:\s+(?:Nr|nr|NR)\.?\s*\d+)?\s+(?:do|DO)\s+(?:[Uu]chwały|UCHWAŁY)\b)")
_JUSTIFICATION = re.compile(r"(?:(?<=\s)|^)(?:UZASADNIENIE|Uzasadnienie)(?=\s|$)")
_SIGNATURE = re.compile(r"\s(?=(?:Z\s+up\.\s+)?(?:Wice)?[Pp]rzewodnicząc[ya]\s+Rady\b)")
# A header in capitals inside a line ("… RADA MIEJSKA Kons J-fl CŁU_Jeziorna UChWAŁA NR 575/VI/44/2014 …": an OCR-ed
# stamp before it). The capital "Ł" tells it from a reference in a sentence ("traci moc uchwała Nr …").
_CAPITAL_HEADER = re.compile(r"(?<=\s)U[Cc][Hh][Ww]AŁA\s+N[Rr]\b")
_NUMBERED = re.compile(rf"(?:^|(?<=\s))(?P<n>\d{{1,2}})\.\s+(?=[{UPPER}„\"])")


def _quote_depths(text: str) -> list[int]:
    """Per position: how many „…” quotes are open (a typographic opening quote not yet closed)."""
    if "„" not in text:
        return [0] * (len(text) + 1)
    depth, out = 0, []
    for char in text:
        out.append(depth)
        if char == "„":
            depth += 1
        elif char in "”“" and depth:
            depth -= 1
    out.append(depth)
    return out


def _cuts(text: str) -> list[int]:
    depths = _quote_depths(text)
    cuts: set[int] = set()
    basis = _BASIS.search(text)
    if basis is None and ENACTING_IN_LINE.search(text):  # a whole act on one line: "… sportowych na podstawie art."
        basis = _BASIS_LOWER.search(text)
    head_end = basis.start() if basis else len(text)
    header = _HEADER.match(text)
    if header:
        subject = _SUBJECT.search(text, header.end(), head_end)
        if subject:
            head_end = subject.end()  # "z dnia" of the header comes before "w sprawie"; later ones are an act's
        council = _COUNCIL.search(text, header.end(), min(header.end() + 40, head_end))
        if council and re.match(r"^\S+(?:\s*/\s*\S+)*\s*$", text[header.end():council.start()]):
            cuts.add(council.end())
        date = _DATE.search(text, header.end(), head_end)
        if date:
            cuts.add(date.start())
            rest = text[date.end():head_end]
            if rest.strip() and not re.match(r"\s*w\s+sprawie\b", rest):
                cuts.add(date.end() + len(rest) - len(rest.lstrip()))
        if subject:
            cuts.add(subject.end())
    if basis and basis.end() > 0 and (header or basis.start() > 0):
        cuts.add(basis.end())
    enacted = _ENACTED.search(text)
    if enacted:
        cuts.add(enacted.end())
    for pattern in (_PARAGRAPH, _CHAPTER, _ANNEX):
        cuts.update(match.end() for match in pattern.finditer(text) if depths[min(match.end(), len(text) - 1)] == 0)
    for match in _JUSTIFICATION.finditer(text):
        if depths[match.start()]:
            continue
        if match.start() > 0:
            cuts.add(match.start())
        following = text[match.end():]
        if following.strip() and not re.match(r"\s*do\s", following):  # "Uzasadnienie do uchwały …": a header
            cuts.add(match.end() + len(following) - len(following.lstrip()))
    for match in _SIGNATURE.finditer(text):
        tail = text[match.end():]
        stop = min([cut for cut in cuts if cut > match.end()], default=len(text))
        if len(text[match.end():stop].split()) <= 10 and depths[match.end()] == 0 and tail:
            cuts.add(match.end())
    return sorted(cut for cut in cuts if 0 < cut < len(text))


def _parts(line: SourceLine, cuts: list[int]) -> list[SourceLine]:
    bounds = [0, *cuts, len(line.text)]
    parts = (line.text[a:b].strip() for a, b in zip(bounds, bounds[1:]))
    return [dataclasses.replace(line, text=part) for part in parts if part]


def split_run_on_lines(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    if markdown:
        return lines
    out: list[SourceLine] = []
    for whole in lines:
        header = _CAPITAL_HEADER.search(whole.text)
        pieces = _parts(whole, [header.start()]) if header else [whole]
        cut_any = header is not None
        for line in pieces:
            cuts = _cuts(line.text) if line.text else []
            cut_any = cut_any or bool(cuts)
            out.extend(_parts(line, cuts) if cuts else [line])
        if cut_any:
            log.recognised(whole.line, SPLIT)
    return out


def numbered_cuts(text: str, expected: int) -> tuple[list[int], int]:
    """Positions of the items ``expected``, ``expected + 1``, … in ``text`` (outside quotes) and the next
    number expected after them."""
    depths = _quote_depths(text)
    cuts = []
    for match in _NUMBERED.finditer(text):
        if int(match["n"]) == expected and depths[match.start()] == 0:
            cuts.append(match.start())
            expected += 1
    return cuts, expected


def split_numbered_items(line: SourceLine, cuts: list[int]) -> list[SourceLine]:
    return _parts(line, [cut for cut in cuts if cut > 0])

