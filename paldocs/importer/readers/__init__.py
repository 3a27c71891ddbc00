"""Reading an import file of any supported format into :class:`~paldocs.importer.lines.ReadInput`.

Contract: :func:`read_input` picks the reader by the file's suffix (.txt, .md/.markdown, .docx; PDF and HTML
readers join here) and returns lines, never blocks: plain text as lines, Markdown (and a .txt that holds
Markdown markers) as Markdown lines, a DOCX as Markdown lines (a paragraph per line, "#" for Word headings,
"**…**" for bold, Word list numbering written as the label, a blank line between paragraphs). What a reader
leaves out on purpose (website navigation, running headers) goes to the log as dropped, with its line. A file
that cannot be read as text raises :class:`paldocs.errors.DataError` with a Polish message — the only way an
import may fail.
"""

from __future__ import annotations

from pathlib import Path

from paldocs.errors import DataError, Location
from paldocs.importer.lines import ReadInput, SourceLine, lines_from_text
from paldocs.importer.log import ImportLog
from paldocs.importer.source import SourceBlock, looks_like_markdown, read_source

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}


def read_input(path: Path, log: ImportLog) -> ReadInput:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return ReadInput(docx_lines(read_source(path)), markdown=True, format="docx")
    if suffix not in TEXT_SUFFIXES:
        raise DataError(f"nieobsługiwany rodzaj pliku „{path.suffix}”: importować można .txt, .md, .markdown i "
                        ".docx", Location(str(path)))
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(f"nie można odczytać pliku: {error.strerror or error}", Location(str(path))) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if suffix != ".txt":
            raise DataError(f"plik nie jest zapisany w UTF-8 (bajt {error.start + 1})", Location(str(path))) from error
        text = raw.decode("cp1250", errors="replace")
    markdown = suffix != ".txt" or looks_like_markdown(text)
    return ReadInput(lines_from_text(text), markdown=markdown, format="markdown" if markdown else "text")


def docx_lines(blocks: list[SourceBlock]) -> list[SourceLine]:
    """DOCX paragraphs as Markdown lines, numbered by paragraph (see the module contract)."""
    out: list[SourceLine] = []
    for block in blocks:
        lines = list(block.markdown_lines or block.lines)
        if block.label:
            lines[0] = f"{block.label} {lines[0]}"
        if block.bold:
            lines = [f"**{line}**" for line in lines]
        elif block.italic:
            lines = [f"*{line}*" for line in lines]
        if block.heading:
            lines[0] = "#" * block.heading + " " + lines[0]
        for k, line in enumerate(lines):
            out.append(SourceLine(line, block.line, hard_break=k + 1 < len(lines)))
        out.append(SourceLine("", block.line))
    return out
