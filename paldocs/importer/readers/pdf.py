"""A PDF's text layer as located lines, running headers, footers and page numbers removed.

Contract: :func:`read_pdf` returns plain-text lines (``markdown=False``, format ``pdf``), one per printed line,
each with its ``page`` and a ``line`` numbered through the document; a blank line separates paragraphs (white space
between two lines wider than the page's usual space between lines by half a line's height) and pages (except where
a sentence runs on: the page ends without closing punctuation and the next one starts with a small letter). It
raises :class:`paldocs.errors.DataError` for a corrupt file, an encrypted one (a password is needed to open it),
one without any text layer (a scan: OCR first) and one whose text exceeds the text size limit. A scanned page
among text pages (a picture, no text) is named in the log as dropped; a blank page is skipped.

Why pypdfium2 (PDFium, the engine of Chrome's viewer), not pypdf: it is already a runtime dependency, it gives each
character's position (so lines are put in the order they are printed, top to bottom — WeasyPrint and Word draw the
running header after the body, so stream order would put it at the page's end), it keeps justified lines' single
spaces (pypdf doubles them), it opens PDFs that carry only an owner password (permissions) with no extra
cryptography package, and it is some twenty times faster.

Reading order: the printed lines of a page sorted top to bottom; pieces of text at the same height (table cells, a
superscript footnote mark) join into one line, left to right. A two-column page (a newsletter-style announcement)
is read column by column between the lines that cross the page's middle (see ``_two_columns``).

Running headers and footers: the candidates are the lines a page sets apart at its top and its bottom — at most
two, above (below) the first paragraph gap. A candidate's key is its text case-folded with each digit run replaced
by "#", so "Strona 3 z 5" and "Dziennik Urzędowy Województwa X — 3 — Poz. 123" match across pages. A key found on
at least two pages and on at least half of the pages is page chrome: every occurrence is dropped and logged
("nagłówek/stopka strony PDF") — the first page's too, except when the header opens the document and names it
("Załącznik do Uchwały Nr …" set as the Word header of an annex): there it is the document's heading and stays,
only its repetitions go. Exception: when the occurrences differ in their digits and the text starts like a unit of
the act ("§", "art.", "Rozdział", "Uchwała", …) they are the act's own text at the top of several pages, and are
kept. A candidate that is a page number alone ("3", "- 3 -", "Strona 3", "str. 3 z 5", "3/5") is dropped as "numer
strony" — a bare number only when it is that page's number or repeats as chrome.
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
_PARAGRAPH_GAP = 0.5  # extra white space, in heights of the smaller line, that separates paragraphs
_DIGITS = re.compile(r"\d+")
_LABELLED_PAGE_NUMBER = re.compile(
    r"^(?:strona|str\.?|s\.)\s*\d{1,4}(?:\s*(?:z|/|of)\s*\d{1,4})?$|^\d{1,4}\s*/\s*\d{1,4}$", re.IGNORECASE)
_BARE_PAGE_NUMBER = re.compile(r"^[-–—]?\s*(\d{1,4})\s*[-–—]?$")
_DOCUMENT_HEADING = re.compile(r"^(?:załącznik|uchwała|zarządzenie|program|sprawozdanie|regulamin|statut)\b",
                               re.IGNORECASE)
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
    right: float = 0.0


def read_pdf(path: Path, log: ImportLog) -> ReadInput:
    import pypdfium2 as pdfium

    where = Location(str(path))
    try:
        with path.open("rb") as file:
            start = file.read(1024)
    except OSError as error:
        raise DataError(f"nie można odczytać pliku: {error.strerror or error}", where) from error
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
        # a page without text but with a picture is a scan; one with neither is a blank page (nothing to read)
        scanned = {index for index, rows in enumerate(pages) if not rows and _has_picture(document[index])}
    except pdfium.PdfiumError as error:
        raise DataError("plik PDF jest uszkodzony — nie można odczytać tekstu jego stron", where) from error
    finally:
        document.close()
    size = sum(len(row.text) for rows in pages for row in rows)
    if size == 0 and not scanned:
        raise DataError("plik jest pusty — PDF nie ma ani tekstu, ani obrazów stron", where)
    if size == 0:
        raise DataError("PDF nie ma warstwy tekstowej (skan) — najpierw rozpoznaj tekst programem OCR, np. ocrmypdf, "
                        "i zaimportuj wynik", where)
    if size > TEXT_LIMIT:
        raise DataError(f"tekst pliku PDF jest za duży do importu (ponad {TEXT_LIMIT // 2**20} MB znaków) — importuj "
                        "plik z jednym dokumentem", where)
    return ReadInput(_lines(pages, _page_chrome(pages), scanned, log), markdown=False, format="pdf")


def _has_picture(page: object) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)))  # type: ignore[attr-defined]


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
                           min(box[0] for box in boxes), max(box[2] for box in boxes)))
    if positioned:
        columns = _two_columns(pieces, page.get_width())  # type: ignore[attr-defined]
        if columns:
            return columns
    return _join_rows(_top_down(pieces))


def _top_down(pieces: list[_Row]) -> list[_Row]:
    return sorted(pieces, key=lambda row: -(row.top + row.bottom) / 2)


def _two_columns(pieces: list[_Row], width: float) -> list[_Row] | None:
    """A two-column page read column by column, or None for a one-column page.

    Two columns: at least 30 % of the lines lie left of the page's middle and 30 % right of it, and at most 20 %
    cross it. Lines crossing the middle (titles, running headers, page numbers) cut the page into bands; each
    band is read left column first, top to bottom, then the right column.
    """
    middle = width / 2
    left = [piece for piece in pieces if piece.right < middle]
    right = [piece for piece in pieces if piece.left > middle]
    spanning = [piece for piece in pieces if piece.right >= middle >= piece.left]
    if len(left) < 0.3 * len(pieces) or len(right) < 0.3 * len(pieces) or len(spanning) > 0.2 * len(pieces):
        return None
    out: list[_Row] = []
    upper = float("inf")
    for cut in [*_join_rows(_top_down(spanning)), None]:
        lower = cut.top if cut else float("-inf")
        for column in (left, right):
            out.extend(_join_rows(_top_down([piece for piece in column if lower < piece.top <= upper])))
        if cut:
            out.append(cut)
            upper = cut.bottom
    return out


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
    breaks = _paragraph_breaks(rows)
    found: set[int] = set()
    for k in range(min(_MARGIN_ROWS, len(rows) - 1)):
        if k + 1 in breaks:
            found.update(range(k + 1))
            break
    for k in range(len(rows) - 1, max(len(rows) - 1 - _MARGIN_ROWS, 0), -1):
        if k in breaks:
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
    first = pages[0] if pages else []
    if first and chrome.get((0, 0)) == CHROME and _DOCUMENT_HEADING.match(first[0].text):
        for index in range(len(first)):  # the heading's lines (a long one wraps) down to the first body line
            if chrome.get((0, index)) != CHROME:
                break
            del chrome[(0, index)]
    return chrome


def _is_page_number(text: str, page: int, *, repeated: bool) -> bool:
    if _LABELLED_PAGE_NUMBER.match(text):
        return True
    bare = _BARE_PAGE_NUMBER.match(text)
    return bool(bare) and (repeated or int(bare.group(1)) == page + 1)


def _lines(pages: list[list[_Row]], chrome: dict[tuple[int, int], str], scanned: set[int],
           log: ImportLog) -> list[SourceLine]:
    """Number the lines through the document; drop and log the chrome; blank lines at paragraph and page breaks."""
    out: list[SourceLine] = []
    number = 0
    for page, rows in enumerate(pages):
        kept = [(index, row) for index, row in enumerate(rows) if (page, index) not in chrome]
        if page in scanned:
            number += 1
            log.dropped(number, f"strona {page + 1} bez warstwy tekstowej (skan) — jej treści nie zaimportowano; "
                        "rozpoznaj ją programem OCR", "")
            continue
        if not rows:
            continue
        breaks = {kept[index][0] for index in _paragraph_breaks([row for _, row in kept])}
        previous: _Row | None = None
        for index, row in enumerate(rows):
            number += 1
            if (page, index) in chrome:
                log.dropped(number, chrome[(page, index)], row.text)
                continue
            if previous is None and out and out[-1].text and not _runs_on(out[-1].text, row.text):
                out.append(SourceLine("", number, page + 1))
                number += 1
            elif previous is not None and index in breaks:
                out.append(SourceLine("", number, page + 1))
                number += 1
            out.append(SourceLine(row.text, number, page + 1))
            previous = row
    return out


def _paragraph_breaks(rows: list[_Row]) -> set[int]:
    """Indices of the rows that start a paragraph after the previous row (see the module contract).

    The white space between two lines is measured between PDFium's loose boxes (a font's ascent to its
    descent): inside a paragraph it is the leading, the same on the whole page and the smallest space there is
    (the median of the smaller half of the spaces is taken: a short last page with a running header, two lines
    and a page number has more gaps than leadings); a paragraph's spacing or a heading's margin adds to it.
    """
    spaces = [upper.bottom - lower.top for upper, lower in zip(rows, rows[1:], strict=False)]
    usual = statistics.median(sorted(spaces)[: max(1, len(spaces) // 2)]) if spaces else 0.0
    return {index + 1 for index, (space, upper, lower) in enumerate(zip(spaces, rows, rows[1:], strict=False))
            if space > usual + _PARAGRAPH_GAP * min(upper.top - upper.bottom, lower.top - lower.bottom)}


def _runs_on(last: str, first: str) -> bool:
    """A sentence continues over the page break: no closing punctuation before, a small letter after."""
    return not _SENTENCE_END.search(last) and first[:1].islower()
