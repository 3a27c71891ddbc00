"""Page numbers and running headers inside the text of the document.

Contract: :func:`drop_page_numbers` drops the lines that are only a page number ("- 2 -", "3/5", a lone "3"
standing alone between blank lines — not among the figures of a table —, 9lib's "(2)") and, in docplayer-style transcripts where each page is one paragraph
prefixed with its number ("1 UCHWAŁA NR …", "2 Załącznik Nr 1 …"), the leading numbers when they run 1, 2, 3… at
successive paragraph starts (at any line once the text opens with "1 " before its header) — all as "numer
strony"; a page so numbered opens a paragraph. :func:`drop_running_heads` drops a header repeated at the top of the
pages ("Załącznik do uchwały Nr … — Program …", "Dziennik Urzędowy … – 2 – Poz. …"), identical to an earlier
line once its page number is masked (other digits are not: "Załącznik Nr 2" or another resolution's number is
another document, not a repetition), keeping the first occurrence, as "nagłówek strony (powtórzony)". Each drop
is logged with its line.
"""

from __future__ import annotations

import dataclasses
import re

from paldocs.importer.clean.patterns import PAGE, RUNNING_HEAD, document_start, plain
from paldocs.importer.lines import SourceLine
from paldocs.importer.log import ImportLog

_PAGE_LINE = re.compile(r"^(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*/\s*\d{1,3})$")
_LONE_NUMBER = re.compile(r"^\d{1,3}$|^\(\d{1,3}\)$")  # "(2)": 9lib's page mark
_PREFIX = re.compile(r"^(?P<number>\d{1,3})\s+(?=\S)(?!(?:r\.|roku|rok|lat|dni|zł|%|osób|os\.)(?:\s|$))")
# A running head names the act it belongs to or the journal: "Załącznik do uchwały Nr … — Program …",
# "Dziennik Urzędowy … – 2 – Poz. …"; a programme's name repeated in its text is text, not a running head.
_HEAD_WORDS = re.compile(r"^(?:załącznik|dziennik\s+urzędowy)\b|\buchwał\w*\s+nr\b", re.IGNORECASE)
_PAGE_IN_HEAD = re.compile(r"[-–—]\s*\d{1,3}\s*[-–—]|\b(?:str\.|strona)\s*\d{1,3}(?:\s*(?:z|/)\s*\d{1,3})?|"
                           r"(?<!\S)\d{1,3}\s*/\s*\d{1,3}$|^\d{1,3}(?=\s)|(?<=\s)\d{1,3}$", re.IGNORECASE)


def _blank_around(lines: list[SourceLine], i: int) -> bool:
    return (i == 0 or not lines[i - 1].text) and (i + 1 == len(lines) or not lines[i + 1].text)


_FIGURE = re.compile(r"^[\d\s.,%()-]+$")


def _isolated(lines: list[SourceLine], i: int) -> bool:
    """No other figure among the three lines of text before and after: a page number stands alone, the cells of
    a table read as lines ("Liczba rodzin" / "12" / "Liczba osób" / "31") do not."""
    before = [line.text for line in reversed(lines[:i]) if line.text][:3]
    after = [line.text for line in lines[i + 1:] if line.text][:3]
    return not any(_FIGURE.match(text) for text in before + after)


def drop_page_numbers(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    prefixed = _page_prefixes(lines, markdown)
    out: list[SourceLine] = []
    for i, line in enumerate(lines):
        text = plain(line.text, markdown)
        if _PAGE_LINE.match(text) or (_LONE_NUMBER.match(text) and _blank_around(lines, i) and _isolated(lines, i)):
            log.dropped(line.line, PAGE, line.text)
            continue
        if i in prefixed:
            match = _PREFIX.match(line.text)
            assert match is not None
            log.dropped(line.line, PAGE, match["number"])
            if out and out[-1].text:  # a new page: a new paragraph (a sentence running on is rejoined later)
                out.append(dataclasses.replace(line, text=""))
            line = dataclasses.replace(line, text=line.text[match.end():])
        out.append(line)
    return out


def _page_prefixes(lines: list[SourceLine], markdown: bool) -> set[int]:
    """Indices of paragraph-opening lines whose leading number is the page number (1, 2, 3… in order)."""
    if markdown:
        return set()
    found: list[int] = []
    expected = 1
    first = next((i for i, line in enumerate(lines) if line.text), None)
    opening = False  # the text opens with "1 UCHWAŁA …": a transcript numbering its pages
    for i, line in enumerate(lines):
        match = _PREFIX.match(line.text)
        if not match or int(match["number"]) != expected:
            continue
        if i == first and document_start(line.text[match.end():]):
            opening = True
        # a page opens a paragraph, in a transcript that numbers its pages from the start any line
        if opening or i == 0 or not lines[i - 1].text or document_start(line.text[match.end():]):
            found.append(i)
            expected += 1
    return set(found) if len(found) >= 2 or opening else set()


def _key(text: str) -> str:
    """The line with its page number masked ("– 2 –", "str. 2", "2/5", a number alone at either end) — other
    digits (a resolution's number, an annex's number, a date) stay: they tell two documents apart."""
    return _PAGE_IN_HEAD.sub("#", text).lower()


def drop_running_heads(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    for line in lines:
        text = plain(line.text, markdown)
        if _HEAD_WORDS.search(text) and len(text.split()) >= 3 and len(text) <= 200:
            counts[_key(text)] = counts.get(_key(text), 0) + 1
    out: list[SourceLine] = []
    for line in lines:
        text = plain(line.text, markdown)
        key = _key(text) if text else ""
        if key and counts.get(key, 0) >= 2:
            if key in seen:
                log.dropped(line.line, RUNNING_HEAD, line.text)
                continue
            seen[key] = line.line
        out.append(line)
    return out
