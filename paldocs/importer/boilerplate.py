"""Kept importable while callers move: the rules that lived here now work on lines in :mod:`paldocs.importer.clean`.

Contract: :func:`strip_page_text` returns the blocks unchanged — website text, page numbers and the other page
chrome are dropped (and logged) by :func:`paldocs.importer.clean.clean_lines` before the blocks are made. The
reason texts are re-exported for the callers and tests that name them.
"""

from __future__ import annotations

from paldocs.importer.clean.patterns import AFTER, BEFORE, PAGE
from paldocs.importer.log import ImportLog
from paldocs.importer.source import SourceBlock

__all__ = ["AFTER", "BEFORE", "PAGE", "strip_page_text"]


def strip_page_text(blocks: list[SourceBlock], log: ImportLog) -> list[SourceBlock]:
    return blocks
