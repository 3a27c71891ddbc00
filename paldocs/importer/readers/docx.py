"""A DOCX file as Markdown lines: what :func:`paldocs.importer.readers.read_input` returns for ``.docx``.

Contract: :func:`read_docx` reads the paragraphs (and tables) with :func:`paldocs.importer.source.read_source` and
writes each block as Markdown lines (:func:`docx_lines`): a paragraph per line group, "#" for Word headings,
"**…**" for a bold paragraph, "*…*" for an italic one, inline bold kept, Word list numbering written as the label
before the text, a blank line after each paragraph; a paragraph's soft breaks end its lines with a hard break.
Line numbers are the paragraph's position in the document body.
"""

from __future__ import annotations

from pathlib import Path

from paldocs.importer.lines import ReadInput, SourceLine
from paldocs.importer.source import SourceBlock, read_source


def read_docx(path: Path) -> ReadInput:
    return ReadInput(docx_lines(read_source(path)), markdown=True, format="docx")


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
