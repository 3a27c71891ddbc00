"""E-document marks and Dziennik Urzędowy print headers: lines the publishing system added to the act.

Contract: :func:`drop_marks` removes, line by line, the marks of an electronically signed document ("Id: AD6ED1A
E72-93BC-ACA0EB319AF6. Podpisany", "Podpisany", "Strona 1", "Strona 2 z 5" — also when glued to the end of the
signature line: only the tail is cut) and the print headers of a Dziennik Urzędowy ("DZIENNIK URZĘDOWY
WOJEWÓDZTWA MAZOWIECKIEGO", "Warszawa, dnia 1 lipca 2014 r.", "Poz. 6286", the e-signature block "Elektronicznie
podpisany przez: …" / "Data: …", the running head "Dziennik Urzędowy Województwa … – 2 – Poz. 6286"). Every
removed text is logged as dropped with its line; the publication address read from the header is logged as
recognised ("ogłoszono: Dziennik Urzędowy Województwa Mazowieckiego z 2014 r. poz. 6286"). Anything else is
returned unchanged.
"""

from __future__ import annotations

import dataclasses
import re

from paldocs.importer.clean.patterns import EDOC, JOURNAL, PAGE, UPPER, plain
from paldocs.importer.lines import SourceLine
from paldocs.importer.log import ImportLog

# An OCR-ed scan reads the Id's "1" as "I" and a "-" as "." ("Id: B3E-B2D4-4E92-B9 I F.DD77C94 I 449B."),
# and the page "1" as "I" ("Strona I"); the "Id:" label keeps the pattern specific.
_ID = r"Id:\s*[0-9A-FIl][0-9A-FIl\s.-]{8,}[0-9A-FIl]\.?"
_PAGE_NO = r"Strona\s+(?:\d{1,3}|I)(?:\s*(?:z|/)\s*\d{1,3})?"
_STATE = r"(?:Podpisany|Uchwalony|Projekt)"  # the e-session system's state of the document after its Id
_EDOC_LINE = re.compile(rf"^(?:{_ID})?\s*{_STATE}?\s*(?:{_PAGE_NO})?$")
_EMPTY_ID = rf"Id:\.?\s*{_STATE}"  # "Id:. Projekt Strona 1": the transcript lost the identifier
_EDOC_TAIL = re.compile(rf"\s*(?:{_ID}\s*{_STATE}?|{_EMPTY_ID}|Podpisany|{_STATE}\s+(?={_PAGE_NO}))\s*(?:{_PAGE_NO})?\s*$")
_STATE_PAGE = re.compile(rf"\s{_STATE}\s+{_PAGE_NO}$")  # "… Marek Kowalski Uchwalony Strona 1": the Id lost
_STRONA = re.compile(rf"^{_PAGE_NO}$", re.IGNORECASE)

_HEAD = re.compile(rf"^DZIENNIK\s+URZĘDOWY\s+WOJEWÓDZTWA\s+(?P<region>[{UPPER}-]+)")
_HEAD_SPLIT = re.compile(r"^DZIENNIK\s+URZĘDOWY$")  # the masthead on two lines: "DZIENNIK URZĘDOWY" / "WOJEWÓDZTWA …"
_HEAD_REST = re.compile(rf"^WOJEWÓDZTWA\s+(?P<region>[{UPPER}-]+)")
_PLACE_DATE = re.compile(rf"^[{UPPER}][\w -]+,\s+dnia\s+\d{{1,2}}\s+\w+\s+(?P<year>\d{{4}})\s*r\.?")
_POSITION = re.compile(r"^Poz\.\s*(?P<position>\d+)")
_SIGNED_BY = re.compile(r"^Elektronicznie\s+podpisany\s+przez:?", re.IGNORECASE)
_SIGNED_DATE = re.compile(r"^Data:\s*\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_RUNNING = re.compile(r"^Dziennik\s+Urzędowy\s+Województwa\s+\S+(?:\s+\S+)?\s+[–—-]\s*\d+\s*[–—-]\s+Poz\.\s*\d+$",
                      re.IGNORECASE)


def drop_marks(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    e_document = any(re.search(_ID, line.text) for line in lines)
    out: list[SourceLine] = []
    skip: set[int] = set()  # indices of header lines already consumed by a Dziennik header before them
    signed_block = False
    for index, line in enumerate(lines):
        text = plain(line.text, markdown)
        if index in skip:
            log.dropped(line.line, JOURNAL, line.text)
            continue
        if not text:
            signed_block = False
            out.append(line)
            continue
        if _STRONA.match(text):
            log.dropped(line.line, EDOC if e_document else PAGE, line.text)
            continue
        if re.search(_ID, text) or re.search(_EMPTY_ID, text) or text == "Podpisany" or _STATE_PAGE.search(text):
            if _EDOC_LINE.match(text):
                log.dropped(line.line, EDOC, line.text)
                continue
            tail = _EDOC_TAIL.search(line.text)
            if tail and tail.start() > 0:
                log.dropped(line.line, EDOC, tail.group().strip())
                out.append(dataclasses.replace(line, text=line.text[:tail.start()].rstrip()))
                continue
        if _RUNNING.match(text):
            log.dropped(line.line, JOURNAL, line.text)
            continue
        if _SIGNED_BY.match(text) or (signed_block and _SIGNED_DATE.match(text)):
            signed_block = True
            log.dropped(line.line, JOURNAL, line.text)
            continue
        if _HEAD_SPLIT.match(text) and _HEAD_REST.match(_next_text(lines, index)):
            log.dropped(line.line, JOURNAL, line.text)
            continue
        if _HEAD.match(line.text) or (_HEAD_REST.match(line.text) and
                                      _HEAD_SPLIT.match(plain(_previous_text(lines, index), markdown))):
            rest = _journal_head(index, lines, skip, log, markdown)
            if rest:
                out.append(dataclasses.replace(line, text=rest))
            continue
        out.append(line)
    return out


def _next_text(lines: list[SourceLine], index: int) -> str:
    return next((other.text for other in lines[index + 1:] if other.text), "")


def _previous_text(lines: list[SourceLine], index: int) -> str:
    return next((other.text for other in reversed(lines[:index]) if other.text), "")


def _journal_head(index: int, lines: list[SourceLine], skip: set[int], log: ImportLog, markdown: bool) -> str:
    """Drop the masthead (glued place-and-date and "Poz. N" included, or those and the e-signature block
    "Elektronicznie podpisany przez:" / signer / "Data: …" on the next lines), log the publication address;
    return what follows the masthead on its line."""
    line = lines[index]
    head = _HEAD.match(line.text) or _HEAD_REST.match(line.text)
    assert head is not None
    rest = line.text[head.end():].strip()
    dropped = [line.text[:head.end()]]
    year = position = None
    if date := _PLACE_DATE.match(rest):
        year, rest = date["year"], rest[date.end():].strip()
        dropped.append(date.group())
    if pos := _POSITION.match(rest):
        position, rest = pos["position"], rest[pos.end():].strip()
        dropped.append(pos.group())
    log.dropped(line.line, JOURNAL, " ".join(dropped))
    seen, signed = 0, False
    for later in range(index + 1, len(lines)):
        text = plain(lines[later].text, markdown)
        if not text:
            continue
        seen += 1
        if seen > 8:
            break
        date, pos = _PLACE_DATE.match(text), _POSITION.match(text)
        if date and date.end() == len(text) and year is None:
            year = date["year"]
        elif pos and pos.end() == len(text) and position is None:
            position = pos["position"]
        elif _SIGNED_BY.match(text):
            signed = True
        elif signed and _SIGNED_DATE.match(text):
            signed = False
        elif not signed or len(text.split()) > 5:  # the signer's name; anything else ends the masthead
            break
        skip.add(later)
    if year and position:
        region = " ".join("-".join(part.capitalize() for part in word.split("-"))
                          for word in head["region"].lower().split())
        log.recognised(line.line, f"ogłoszono: Dziennik Urzędowy Województwa {region} z {year} r. poz. {position}")
    return rest
