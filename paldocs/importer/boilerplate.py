"""Website text and page numbers around and inside an imported document (text copied from a BIP page, PDF text).

Contract: :func:`strip_page_text` takes the source blocks and the import log and returns the blocks of the
document alone. Everything before the resolution header ("Uchwała Nr …", or "Załącznik …" for an annex-only
file) is dropped as "tekst strony BIP przed dokumentem"; everything from the first paragraph opening with a BIP footer line
("Metryczka", "Liczba odwiedzin: …", "Udostępnił: …", …) after the last signature / justification to the end
is dropped as "tekst strony BIP po dokumencie"; page numbers ("Strona 1 z 3", "- 2 -", a paragraph holding only
a number) are dropped as "numer strony". Each dropped text goes to the log with its line — never silently.
Inside the document nothing else is removed; without a recognisable header the blocks are returned unchanged.
"""

from __future__ import annotations

import dataclasses
import re

from paldocs.importer import resolution as rx
from paldocs.importer.log import ImportLog
from paldocs.importer.source import SourceBlock

BEFORE = "tekst strony BIP przed dokumentem"
AFTER = "tekst strony BIP po dokumencie"
PAGE = "numer strony"

_PAGE_LINE = re.compile(r"^(?:strona\s+\d+\s*(?:z|/)\s*\d+|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*/\s*\d{1,3})$",
                        re.IGNORECASE)
_LONE_NUMBER = re.compile(r"^\d{1,3}$")
_FOOTER = re.compile(r"^(?:(?:metryczka|rejestr\s+zmian|historia\s+zmian|drukuj|wersja\s+do\s+druku|powrót|"
                     r"do\s+góry)\s*$|(?:liczba\s+(?:odwiedzin|wyświetleń)|udostępni(?:ł|ający)|wytworzy(?:ł|ł\(a\))|"
                     r"opublikował|wprowadził|zatwierdził|data\s+(?:publikacji|wytworzenia|udostępnienia|"
                     r"wprowadzenia|modyfikacji)|osoba\s+(?:odpowiedzialna|wprowadzająca|udostępniająca)|"
                     r"ostatnia\s+modyfikacja)\s*:)", re.IGNORECASE)
_NUMBER = re.compile(r"^[\dIVXLCDM.…_\s/]*$")


def _is_header(line: str) -> bool:
    """"Uchwała Nr 228/2005" or "Załącznik do Uchwały Nr …" with nothing but the number (a BIP page title
    "Uchwała nr 228/2005 Rady Gminy Rypin w sprawie …" is not the header)."""
    match = rx.HEADER.match(line) or rx.ANNEX.match(line)
    return bool(match) and (match["number"] is None or bool(_NUMBER.match(match["number"])))


def _cut(block: SourceBlock, start: int, end: int | None = None) -> SourceBlock:
    return dataclasses.replace(block, lines=block.lines[start:end], line=block.line + start,
                               markdown_lines=block.markdown_lines[start:end])


def _header_position(blocks: list[SourceBlock]) -> tuple[int, int] | None:
    """(block, line) of the first resolution header, or annex header (an annex-only file)."""
    return next(((i, k) for i, block in enumerate(blocks) for k, line in enumerate(block.lines) if _is_header(line)),
                None)


def _without_page_numbers(block: SourceBlock, log: ImportLog) -> SourceBlock | None:
    if len(block.lines) == 1 and _LONE_NUMBER.match(block.lines[0]):
        log.dropped(block.line, PAGE, block.lines[0])
        return None
    keep = [k for k, line in enumerate(block.lines) if not _PAGE_LINE.match(line)]
    if len(keep) == len(block.lines):
        return block
    for k, line in enumerate(block.lines):
        if k not in keep:
            log.dropped(block.line + k, PAGE, line)
    if not keep:
        return None
    same = len(block.markdown_lines) == len(block.lines)
    return dataclasses.replace(block, lines=tuple(block.lines[k] for k in keep),
                               markdown_lines=tuple(block.markdown_lines[k] for k in keep) if same
                               else block.markdown_lines)


def strip_page_text(blocks: list[SourceBlock], log: ImportLog) -> list[SourceBlock]:
    found = _header_position(blocks)
    if found is None:
        return blocks
    first, line = found
    for block in blocks[:first]:
        log.dropped(block.line, BEFORE, block.text)
    if line:
        log.dropped(blocks[first].line, BEFORE, " ".join(blocks[first].lines[:line]))
    body = [_cut(blocks[first], line), *blocks[first + 1:]]
    last_end = max((i for i, block in enumerate(body)
                    if rx.SIGNATURE_START.match(block.lines[0]) or block.text.strip().upper() == "UZASADNIENIE"),
                    default=0)
    end = len(body)
    for i in range(last_end + 1, len(body)):  # the footer starts a paragraph: a marker line, or "Udostępnił: …"
        if _FOOTER.match(body[i].lines[0]):
            for block in body[i:]:
                log.dropped(block.line, AFTER, block.text)
            end = i
            break
    cleaned = [_without_page_numbers(block, log) for block in body[:end]]
    return [block for block in cleaned if block is not None]
