"""A PDF's text layer as located lines, running headers, footers and page numbers removed.

Contract: :func:`read_pdf` returns plain-text lines (``markdown=False``, format ``pdf``), one per printed line,
each with its ``page`` and a ``line`` numbered through the document; a blank line separates paragraphs (a
vertical gap over 1.5 times the page's usual line pitch) and pages (except where a sentence runs on: the page
ends without closing punctuation and the next one starts with a small letter). It raises
:class:`paldocs.errors.DataError` for a corrupt file, an encrypted one (a password is needed to open it), one
without any text layer (a scan: OCR first) and one whose text exceeds the text size limit.

Why pypdfium2 (PDFium, the engine of Chrome's viewer), not pypdf: it is already a runtime dependency, it gives
each character's position (so lines are put in the order they are printed, top to bottom — WeasyPrint and Word
draw the running header after the body, so stream order would put it at the page's end), it keeps justified
lines' single spaces (pypdf doubles them), it opens PDFs that carry only an owner password (permissions) with
no extra cryptography package, and it is some twenty times faster.

Reading order: the printed lines of a page sorted top to bottom; pieces of text at the same height (table cells,
a superscript footnote mark) join into one line, left to right. Two-column pages are not separated into
columns (municipal acts and Dziennik Urzędowy prints are set in one column).

Running headers and footers: the candidates are the lines a page sets apart at its top and its bottom — at
most two, above (below) the first gap over 1.5 usual line pitches. A candidate's
key is its text case-folded with each digit run replaced by "#", so "Strona 3 z 5" and "Dziennik Urzędowy
Województwa X — 3 — Poz. 123" match across pages. A key found on at least two pages and on at least half of the
pages is page chrome: every occurrence, the first page's included, is dropped and logged ("nagłówek/stopka
strony PDF"). Exception: when the occurrences differ in their digits and the text starts like a unit of the act
("§", "art.", "Rozdział", "Uchwała", …) they are the act's own text at the top of several pages, and are kept.
A candidate that is a page number alone ("3", "- 3 -", "Strona 3", "str. 3 z 5", "3/5") is dropped as
"numer strony" — a bare number only when it is that page's number or repeats as chrome.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from paldocs.errors import DataError, Location
from paldocs.importer.lines import ReadInput, SourceLine, normalise_space
from paldocs.importer.log import ImportLog
from paldocs.importer.readers.text import TEXT_LIMIT

CHROME = "nagłówek/stopka strony PDF"
PAGE_NUMBER = "numer strony"
_MARGIN_ROWS = 2  # candidates for running headers/footers: this many lines at the top and at the bottom
_PARAGRAPH_GAP = 1.5  # a vertical gap over this many usual line pitches separates paragraphs
_DIGITS = re.compile(r"\d+")
_LABELLED_PAGE_NUMBER = re.compile(r"^(?:strona|str\.?|s\.)\s*\d{1,4}(?:\s*(?:z|/|of)\s*\d{1,4})?$|^\d{1,4}\s*/\s*\d{1,4}$",
                                   re.IGNORECASE)
_BARE_PAGE_NUMBER = re.compile(r"^[-–—]?\s*(\d{1,4})\s*[-–—]?$")
_ACT_UNIT = re.compile(r"^(?:§|art\.|rozdział|dział|uchwała|zarządzenie|obwieszczenie)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.:;!?)”\"]$")
# PDFium marks a hyphen it considers soft (end of a line) with U+FFFE or U+0002: print it as the hyphen it was.
_SOFT_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})


@dataclass
class _Row:
    """One printed line: its text and where it is on the page (PDF points, y grows upwards)."""

    text: str
    top: float
    bottom: float
    left: float


def read_pdf(path: Path, log: ImportLog) -> ReadInput:
    import pypdfium2 as pdfium

    where = Location(str(path))
    with path.open("rb") as file:
        start = file.read(1024)
    if b"%PDF-" not in start:  # PDF readers accept the header within the first kilobyte
        kind = " (to strona HTML — nadaj plikowi rozszerzenie .html)" if b"<html" in start.lower() else ""
        raise DataError(f"plik PDF jest uszkodzony albo nie jest plikiem PDF — brak nagłówka %PDF{kind}", where)
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DataError("plik PDF jest zaszyfrowany — zdejmij hasło i spróbuj ponownie", where) from error
        raise DataError("plik PDF jest uszkodzony albo nie jest plikiem PDF — nie można go otworzyć", where) \
            from error
    try:
        pages = [_page_rows(document[index]) for index in range(len(document))]
    finally:
        document.close()
    size = sum(len(row.text) for rows in pages for row in rows)
    if size == 0:
        raise DataError("PDF nie ma warstwy tekstowej (skan) — najpierw rozpoznaj tekst programem OCR, np. ocrmypdf, "
                        "i zaimportuj wynik", where)
    if size > TEXT_LIMIT:
        raise DataError(f"tekst pliku PDF jest za duży do importu (ponad {TEXT_LIMIT // 2**20} MB znaków) — importuj "
                        "plik z jednym dokumentem", where)
    return ReadInput(_lines(pages, _page_chrome(pages), log), markdown=False, format="pdf")


def _page_rows(page: object) -> list[_Row]:
    """The page's printed lines, top to bottom (see the module contract)."""
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    text = textpage.get_text_range().translate(_SOFT_HYPHENS)
    positioned = len(text) == textpage.count_chars()  # PDFium's characters map one to one onto the text
    pieces: list[_Row] = []
    for match in re.finditer(r"[^\r\n]+", text):
        piece = normalise_space(match.group())
        if not piece:
            continue
        if not positioned:  # no geometry to trust: keep the stream order, one piece under the other
            pieces.append(_Row(piece, -len(pieces), -len(pieces) - 1, 0.0))
            continue
        boxes = [textpage.get_charbox(index, loose=True) for index in _sample(match.start(), match.end(), text)]
        pieces.append(_Row(piece, max(box[3] for box in boxes), min(box[1] for box in boxes),
                           min(box[0] for box in boxes)))
    return _join_rows(sorted(pieces, key=lambda row: -(row.top + row.bottom) / 2))


def _sample(start: int, end: int, text: str) -> list[int]:
    """Indices of up to nine visible characters of text[start:end], spread along it (first and last included)."""
    visible = [index for index in range(start, end) if not text[index].isspace()]
    if len(visible) <= 9:
        return visible
    step = (len(visible) - 1) / 8
    return [visible[round(k * step)] for k in range(9)]


def _join_rows(pieces: list[_Row]) -> list[_Row]:
    """Pieces whose vertical middle lies within the current line's height join it, left to right."""
    rows: list[list[_Row]] = []
    for piece in pieces:
        middle = (piece.top + piece.bottom) / 2
        if rows and rows[-1][0].bottom <= middle <= rows[-1][0].top:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    out = []
    for row in rows:
        row.sort(key=lambda piece: piece.left)
        out.append(_Row(" ".join(piece.text for piece in row), max(p.top for p in row), min(p.bottom for p in row),
                        row[0].left))
    return out


def _key(text: str) -> str:
    return _DIGITS.sub("#", text.casefold())


def _margin_rows(rows: list[_Row]) -> list[int]:
    """Indices of the rows set apart at the top and the bottom of a page (see the module contract)."""
    if len(rows) < 2:
        return list(range(len(rows)))
    pitch = _usual_pitch(rows)
    found: set[int] = set()
    for k in range(min(_MARGIN_ROWS, len(rows) - 1)):
        if rows[k].bottom - rows[k + 1].bottom > _PARAGRAPH_GAP * pitch:
            found.update(range(k + 1))
            break
    for k in range(len(rows) - 1, max(len(rows) - 1 - _MARGIN_ROWS, 0), -1):
        if rows[k - 1].bottom - rows[k].bottom > _PARAGRAPH_GAP * pitch:
            found.update(range(k, len(rows)))
            break
    return sorted(found)


def _page_chrome(pages: list[list[_Row]]) -> dict[tuple[int, int], str]:
    """(page index, row index) → why the row is dropped, for running headers/footers and page numbers."""
    candidates: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    margins = [_margin_rows(rows) for rows in pages]
    for page, rows in enumerate(pages):
        for index in margins[page]:
            candidates[_key(rows[index].text)].append((page, index, rows[index].text))
    needed = max(2, math.ceil(len(pages) / 2))
    chrome: dict[tuple[int, int], str] = {}
    for found in candidates.values():
        page_count = len({page for page, _, _ in found})
        texts = {text for _, _, text in found}
        if page_count < needed or (len(texts) > 1 and _ACT_UNIT.match(found[0][2])):
            continue
        for page, index, text in found:
            chrome[(page, index)] = PAGE_NUMBER if _is_page_number(text, page, repeated=True) else CHROME
    for page, rows in enumerate(pages):
        for index in margins[page]:
            if (page, index) not in chrome and _is_page_number(rows[index].text, page, repeated=False):
                chrome[(page, index)] = PAGE_NUMBER
    return chrome


def _is_page_number(text: str, page: int, *, repeated: bool) -> bool:
    if _LABELLED_PAGE_NUMBER.match(text):
        return True
    bare = _BARE_PAGE_NUMBER.match(text)
    return bool(bare) and (repeated or int(bare.group(1)) == page + 1)


def _lines(pages: list[list[_Row]], chrome: dict[tuple[int, int], str], log: ImportLog) -> list[SourceLine]:
    """Number the lines through the document; drop and log the chrome; blank lines at paragraph and page breaks."""
    out: list[SourceLine] = []
    number = 0
    for page, rows in enumerate(pages):
        kept = [(index, row) for index, row in enumerate(rows) if (page, index) not in chrome]
        if not rows:
            number += 1
            log.dropped(number, f"strona {page + 1} bez warstwy tekstowej (skan) — jej treści nie zaimportowano; "
                        "rozpoznaj ją programem OCR", "")
            continue
        pitch = _usual_pitch([row for _, row in kept])
        previous: _Row | None = None
        for index, row in enumerate(rows):
            number += 1
            if (page, index) in chrome:
                log.dropped(number, chrome[(page, index)], row.text)
                continue
            if previous is None and out and out[-1].text and not _runs_on(out[-1].text, row.text):
                out.append(SourceLine("", number, page + 1))
                number += 1
            elif previous is not None and previous.bottom - row.bottom > _PARAGRAPH_GAP * pitch:
                out.append(SourceLine("", number, page + 1))
                number += 1
            out.append(SourceLine(row.text, number, page + 1))
            previous = row
    return out


def _usual_pitch(rows: list[_Row]) -> float:
    """The median distance between consecutive baselines (bottoms) of a page; a line's height when too few."""
    pitches = [upper.bottom - lower.bottom for upper, lower in zip(rows, rows[1:], strict=False)
               if upper.bottom > lower.bottom]
    if len(pitches) >= 3:
        return statistics.median(pitches)
    heights = [row.top - row.bottom for row in rows if row.top > row.bottom]
    return 1.2 * statistics.median(heights) if heights else math.inf


def _runs_on(last: str, first: str) -> bool:
    """A sentence continues over the page break: no closing punctuation before, a small letter after."""
    return not _SENTENCE_END.search(last) and first[:1].islower()
