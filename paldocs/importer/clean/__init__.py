"""Cleaning the lines of an import source before its structure is read: what the page and the conversion added.

Contract: :func:`clean_lines` takes the reader's lines and the import log and returns the lines of the
document(s) alone, repaired: page chrome, page numbers, e-document lines and print headers dropped (each
dropped text logged with its line and reason — never silently); conversion damage repaired (each change logged
with the text before and after). It never raises on content: what it does not recognise it leaves as it is.
"""

from __future__ import annotations

from paldocs.importer.lines import SourceLine
from paldocs.importer.log import ImportLog


def clean_lines(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    return list(lines)
