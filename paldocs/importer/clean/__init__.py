"""Cleaning the lines of an import source before its structure is read: what the page and the conversion added.

Contract: :func:`clean_lines` takes the reader's lines and the import log and returns the lines of the
document(s) alone, repaired: page chrome, page numbers, e-document lines and print headers dropped (each
dropped text logged with its line and reason — never silently); conversion damage repaired (each change logged
with the text before and after); the structure made visible to the block grouping
(:func:`paldocs.importer.source.blocks_from_lines` starts a block after a blank line): a one-line text split
at its structure, a blank line before each §, signature, annex, justification. It never raises on content:
what it does not recognise it leaves as it is. The steps, in order: :mod:`.repairs` (letters and glued words),
:mod:`.marks` (e-document marks, Dziennik headers), :mod:`.chrome` (website text around the document),
:mod:`.pages` (page numbers, running headers), :mod:`.split` (one-line text), :mod:`.layout` (lost § signs,
hard wraps, paragraph breaks), :mod:`.repairs` again (references, "z późn. zm." typos).
"""

from __future__ import annotations

from paldocs.importer.clean.chrome import drop_chrome
from paldocs.importer.clean.layout import join_wrapped, mark_paragraphs, restore_paragraph_signs
from paldocs.importer.clean.marks import drop_marks
from paldocs.importer.clean.pages import drop_page_numbers, drop_running_heads
from paldocs.importer.clean.patterns import AFTER, BEFORE, EDOC, INSIDE, JOURNAL, PAGE, RUNNING_HEAD
from paldocs.importer.clean.repairs import repair_references, repair_words
from paldocs.importer.clean.split import split_run_on_lines
from paldocs.importer.lines import SourceLine
from paldocs.importer.log import ImportLog

__all__ = ["AFTER", "BEFORE", "EDOC", "INSIDE", "JOURNAL", "PAGE", "RUNNING_HEAD", "clean_lines"]

_STEPS = (repair_words, drop_marks, drop_chrome, drop_page_numbers, drop_running_heads, split_run_on_lines,
          restore_paragraph_signs, join_wrapped, mark_paragraphs, repair_references)


def clean_lines(lines: list[SourceLine], log: ImportLog, *, markdown: bool) -> list[SourceLine]:
    cleaned = list(lines)
    for step in _STEPS:
        cleaned = step(cleaned, log, markdown=markdown)
    return cleaned
