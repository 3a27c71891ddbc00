"""One line of an import source with where it came from: what the readers produce and the cleaners work on.

Contract: :class:`SourceLine` is one line of text as read — spaces normalised (NBSP, tabs, runs of spaces → one
space), stripped, Markdown markers still in place for Markdown input — with its 1-based position in the input
(the text line of a .txt/.md file, the paragraph of a DOCX, the line of the text extracted from a PDF or an
HTML page) and, for a PDF, its page. An empty ``text`` is a paragraph break. :class:`ReadInput` is a reader's
result: the lines, whether they are Markdown, and the input's format. :func:`lines_from_text` splits text that
is already in memory. Nothing here interprets the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

InputFormat = Literal["text", "markdown", "docx", "pdf", "html"]

# Spaces, and the C0 control characters a text copy may carry (\x1a DOS end of file, a stray \x07): not words.
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\x00-\x08\x0e-\x1f\x7f]+")


@dataclass(frozen=True, slots=True)
class SourceLine:
    text: str
    line: int  # 1-based: input line (text, Markdown), paragraph (DOCX), line of the extracted text (PDF, HTML)
    page: int | None = None  # PDF page, 1-based
    hard_break: bool = False  # Markdown: the line ended with a hard break (two spaces or "\")


@dataclass(slots=True)
class ReadInput:
    lines: list[SourceLine]
    markdown: bool
    format: InputFormat


def normalise_space(line: str) -> str:
    """NBSP, tabs and runs of spaces → one space; stripped."""
    return _SPACES.sub(" ", line).strip()


_HARD_BREAK = re.compile(r"( {2,}|\\)$")


def lines_from_text(text: str, *, first_line: int = 1, page: int | None = None) -> list[SourceLine]:
    """Split text into :class:`SourceLine` (CRLF/CR → LF, BOM dropped), numbering lines from ``first_line``.

    A vertical tab (Word's line break in copied text) and a form feed (a page break in pdftotext's output) end a
    line too.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n")
    out = []
    for number, raw in enumerate(text.split("\n"), start=first_line):
        hard = bool(_HARD_BREAK.search(raw.replace("\u00a0", " ")))
        out.append(SourceLine(normalise_space(raw), number, page, hard))
    return out
