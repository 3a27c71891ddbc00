"""Reading an import file of any supported format into :class:`~paldocs.importer.lines.ReadInput`.

Contract: :func:`read_input` picks the reader by the file's suffix — .txt, .md/.markdown (text:
:mod:`~paldocs.importer.readers.text`), .docx (:mod:`~paldocs.importer.readers.docx`), .pdf (the text layer:
:mod:`~paldocs.importer.readers.pdf`), .html/.htm (a saved BIP page: :mod:`~paldocs.importer.readers.html`) — and
returns lines, never blocks: plain text as lines, Markdown (and a .txt that holds Markdown markers) as Markdown
lines, a DOCX as Markdown lines, a PDF and an HTML page as plain text lines. Every format then has its mojibake
repaired line by line (:mod:`~paldocs.importer.readers.mojibake`, each repair logged as changed). What a reader
leaves out on purpose (website navigation, running headers, page numbers) goes to the log as dropped, with its
line. A file that cannot be read as text — unsupported suffix, too large, binary, undecodable, empty, a corrupt
DOCX or PDF, an encrypted PDF, a PDF without a text layer — raises :class:`paldocs.errors.DataError` with a
Polish message naming the problem: the only way an import may fail.
"""

from __future__ import annotations

from pathlib import Path

from paldocs.errors import DataError, Location
from paldocs.importer.lines import ReadInput, lines_from_text
from paldocs.importer.log import ImportLog
from paldocs.importer.readers import text as text_reader
from paldocs.importer.readers.docx import docx_lines, read_docx
from paldocs.importer.readers.html import read_html
from paldocs.importer.readers.mojibake import repair_lines
from paldocs.importer.readers.pdf import read_pdf
from paldocs.importer.source import looks_like_markdown

__all__ = ["SUPPORTED_SUFFIXES", "docx_lines", "read_input"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf", *HTML_SUFFIXES)
_SAVE_AS = {  # formats a clerk often has at hand, and how to get a supported one from them
    ".doc": "zapisz go w programie Word jako .docx", ".odt": "zapisz go jako .docx",
    ".rtf": "zapisz go jako .docx", ".xml": "zapisz treść jako .txt",
    ".jpg": "najpierw rozpoznaj tekst programem OCR", ".jpeg": "najpierw rozpoznaj tekst programem OCR",
    ".png": "najpierw rozpoznaj tekst programem OCR", ".tif": "najpierw rozpoznaj tekst programem OCR",
    ".tiff": "najpierw rozpoznaj tekst programem OCR",
}


def read_input(path: Path, log: ImportLog) -> ReadInput:
    """The lines of ``path`` (see the module contract); DataError for a file that cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        named = f"„{path.suffix}”" if path.suffix else "bez rozszerzenia"
        advice = f" ({_SAVE_AS[suffix]})" if suffix in _SAVE_AS else ""
        raise DataError(f"nieobsługiwany rodzaj pliku {named}{advice}: importować można "
                        + ", ".join(SUPPORTED_SUFFIXES), Location(str(path)))
    if suffix in (".docx", ".pdf"):
        text_reader.check_size(path, text_reader.PACKAGE_LIMIT)
        result = read_docx(path) if suffix == ".docx" else read_pdf(path, log)
    else:
        text_reader.check_size(path, text_reader.TEXT_LIMIT)
        raw = text_reader.read_bytes(path)
        text_reader.refuse_binary(raw, path)
        if suffix in HTML_SUFFIXES:
            result = read_html(raw, path, log)
        else:
            result = _read_text(raw, path, suffix, log)
    if not any(text_reader.is_printable_text(line.text) for line in result.lines):
        raise DataError("plik jest pusty — nie ma w nim tekstu do zaimportowania", Location(str(path)))
    result.lines = repair_lines(result.lines, log)
    return result


def _read_text(raw: bytes, path: Path, suffix: str, log: ImportLog) -> ReadInput:
    text = text_reader.decode_text(raw, path, log)
    text_reader.refuse_control_characters(text, path)
    markdown = suffix != ".txt" or looks_like_markdown(text)
    return ReadInput(lines_from_text(text), markdown=markdown, format="markdown" if markdown else "text")
