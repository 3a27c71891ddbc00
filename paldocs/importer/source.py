"""Reading an import source (plain text from BIP, Markdown, DOCX) into normalised blocks.

Contract: :func:`read_source` turns a ``.txt``, ``.md``/``.markdown`` or ``.docx`` file into a list of
:class:`SourceBlock`; :func:`read_text_blocks` does the same for text already in memory. Normalisation:
UTF-8 (with or without BOM), for ``.txt`` falling back to Windows-1250; CRLF/CR → LF; NBSP → space; runs of
spaces → one space; lines stripped. A block is a run of non-blank lines, except that a line opening a list item
("1.", "1)", "a)", "-", "–", "•", "*"), a Markdown heading or a roman heading ("IV. ") starts a new block.
Markdown markers become flags (``heading``, ``bold``, ``italic``) and are removed from ``lines``; inline
emphasis is removed from ``lines`` but kept in ``markdown_lines`` (for Markdown content). DOCX: one block per
paragraph, soft breaks split lines, Word list numbering is reconstructed into ``label``; the Markdown lines
escape the text's own "*", "_", "`" and "\\" (a literal star, a fill-in line); a table is one block of
Markdown table rows (a one-column table: a line per row), nested tables' text included. Unreadable input raises
:class:`paldocs.errors.DataError` with a Polish message. Nothing here interprets the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from paldocs.errors import DataError, Location
from paldocs.importer.lines import SourceLine, lines_from_text, normalise_space

LIST_START = re.compile(r"^(?:\d{1,3}[.)]|[a-zA-Z]\)|[-–•*])\s")
ROMAN_START = re.compile(r"^[IVXLC]{1,6}\.\s")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?$")
_WHOLE_BOLD = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__)$")
_WHOLE_ITALIC = re.compile(r"^\*(?!\*)(.+?)(?<!\*)\*$")
# Emphasis markers; an escaped character ("\\*", "\\_": a literal star or a fill-in line "\\_\\_\\_") is not one.
_EMPHASIS = re.compile(r"(?<!\\)(?:\*\*|__)|(?<![\s*\\])\*(?!\*)|(?<![*\\])\*(?=\S)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


@dataclass(frozen=True)
class SourceBlock:
    """One paragraph of the input: normalised lines (a hard break separates lines) and what the source marked."""

    lines: tuple[str, ...]
    line: int  # 1-based input line (text, Markdown) or paragraph number (DOCX) of its first line
    heading: int | None = None  # Markdown "#"-level or Word "Heading N" level
    bold: bool = False  # the whole block was bold
    italic: bool = False  # the whole block was italic
    label: str | None = None  # a list label the source carried outside the text (Word numbering)
    markdown_lines: tuple[str, ...] = ()  # ``lines`` with inline emphasis kept as Markdown (``**Cel:** …``)

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def markdown(self) -> str:
        """The block as one line of Markdown (inline emphasis kept, whole-block flags not applied)."""
        return " ".join(self.markdown_lines or self.lines)


def read_source(path: Path) -> list[SourceBlock]:
    """Read a ``.txt``, ``.md``/``.markdown`` or ``.docx`` file into blocks."""
    suffix = path.suffix.lower()
    if suffix not in {".txt", ".md", ".markdown", ".docx"}:
        raise DataError(f"nieobsługiwany rodzaj pliku „{path.suffix}”: importować można .txt, .md, .markdown i .docx",
                        Location(str(path)))
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(f"nie można odczytać pliku: {error.strerror or error}", Location(str(path))) from error
    if suffix == ".docx":
        return _read_docx(raw, str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if suffix != ".txt":
            raise DataError(f"plik nie jest zapisany w UTF-8 (bajt {error.start + 1})", Location(str(path))) from error
        text = raw.decode("cp1250", errors="replace")
    return read_text_blocks(text, markdown=suffix != ".txt" or looks_like_markdown(text))


def looks_like_markdown(text: str) -> bool:
    """A ``.txt`` copy that is really Markdown: "#" headings or "**bold**" lines."""
    return bool(re.search(r"^(?:#{1,6} \S|\*\*\S.*\*\*\s*$)", text, re.MULTILINE))


normalise_line = normalise_space  # NBSP and runs of spaces → one space, stripped


def read_text_blocks(text: str, *, markdown: bool) -> list[SourceBlock]:
    """Split text into blocks (see the module contract); ``markdown`` turns on Markdown marker handling."""
    return blocks_from_lines(lines_from_text(text), markdown=markdown)


def blocks_from_lines(source: Sequence[SourceLine], *, markdown: bool) -> list[SourceBlock]:
    """Group :class:`SourceLine` into blocks; a block's ``line`` is the position of its first line."""
    blocks: list[SourceBlock] = []
    current: list[str] = []
    start = 0
    joined = False  # Markdown: the previous line had no hard break, so this line continues it

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(_make_block(current, start, markdown))
        current = []

    for item in source:
        line = item.text
        if markdown and line.endswith("\\") and item.hard_break:
            line = line[:-1].rstrip()
        if not line:
            flush()
            joined = False
            continue
        opens = bool(LIST_START.match(line) or ROMAN_START.match(line) or (markdown and MD_HEADING.match(line)))
        if current and (opens or (markdown and MD_HEADING.match(current[0]))):
            flush()
        if not current:
            start = item.line
            current.append(line)
        elif markdown and joined:
            current[-1] += " " + line
        else:
            current.append(line)
        joined = markdown and not item.hard_break
    flush()
    return blocks


def _make_block(lines: list[str], start: int, markdown: bool) -> SourceBlock:
    if not markdown:
        return SourceBlock(tuple(lines), start, markdown_lines=tuple(lines))
    heading: int | None = None
    match = MD_HEADING.match(lines[0])
    if match:
        heading = len(match.group(1))
        lines = [match.group(2), *lines[1:]]
    bold = all(_WHOLE_BOLD.match(line) and "**" not in _WHOLE_BOLD.match(line).group(1)  # type: ignore[union-attr]
               for line in lines)
    if bold:
        lines = [_WHOLE_BOLD.match(line).group(1).strip() for line in lines]  # type: ignore[union-attr]
    italic = all(_WHOLE_ITALIC.match(line) for line in lines)
    if italic:
        lines = [_WHOLE_ITALIC.match(line).group(1).strip() for line in lines]  # type: ignore[union-attr]
    marked = tuple(_ESCAPE.sub(r"\1", line) for line in lines)
    plain = tuple(normalise_line(_ESCAPE.sub(r"\1", _strip_emphasis(line))) for line in lines)
    return SourceBlock(plain, start, heading=heading, bold=bold, italic=italic, markdown_lines=marked)


def _strip_emphasis(line: str) -> str:
    marker = ""
    if re.match(r"^[*-] ", line):  # keep a "* " list marker
        marker, line = line[:2], line[2:]
    return marker + _EMPHASIS.sub("", line)


# --- DOCX -------------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _read_docx(raw: bytes, name: str) -> list[SourceBlock]:
    import io
    import zipfile

    import docx
    from docx.text.paragraph import Paragraph

    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    if raw.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE2 signature of Word 97–2003 files
        raise DataError("plik nie jest poprawnym dokumentem DOCX, tylko dokumentem starego formatu Word (.doc) — "
                        "zapisz go w programie Word jako .docx", Location(name))
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, PackageNotFoundError) as error:
        raise DataError("plik nie jest poprawnym dokumentem DOCX (uszkodzony albo innego formatu)",
                        Location(name)) from error
    numbering = _Numbering(document)
    blocks: list[SourceBlock] = []
    # The body's paragraphs and tables in their order (python-docx's ``paragraphs`` leaves tables out): a
    # table's words are the document's too — an annex's schedule, a budget's figures.
    for number, element in enumerate(document.element.body.iterchildren(), start=1):
        if element.tag == f"{_W}tbl":
            block = _table_block(element, number)
        elif element.tag == f"{_W}p":
            block = _paragraph_block(Paragraph(element, document), number, numbering)
        else:
            continue
        if block is not None:
            blocks.append(block)
    return blocks


def _paragraph_block(paragraph: object, number: int, numbering: _Numbering) -> SourceBlock | None:
    runs = [run for run in paragraph.runs if run.text.strip()]  # type: ignore[attr-defined]
    text = paragraph.text  # type: ignore[attr-defined]
    lines = [normalise_line(part) for part in text.replace("\t", " ").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return None
    style = paragraph.style  # type: ignore[attr-defined]
    style_bold = bool(style is not None and style.font.bold)
    bold = bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)
    italic = bool(runs) and all(run.italic for run in runs)
    heading = None
    match = re.match(r"^(?:Heading|Nagłówek)\s*(\d)$", (style.name if style is not None else "") or "")
    if match:
        heading = int(match.group(1))
    marked = "".join(_bold_markdown(run.text) if run.bold and not bold else _escape_markdown(run.text)
                     for run in paragraph.runs)  # type: ignore[attr-defined]
    marked_lines = tuple(line for line in (normalise_line(part) for part in marked.split("\n")) if line)
    return SourceBlock(tuple(lines), number, heading=heading, bold=bold, italic=italic,
                       label=numbering.label(paragraph), markdown_lines=marked_lines)


def _escape_markdown(text: str) -> str:
    """A Word run's literal text as Markdown: its stars, underscores (fill-in lines), backticks and backslashes."""
    return re.sub(r"([\\`*_])", r"\\\1", text)


def _bold_markdown(text: str) -> str:
    """A bold run as "**…**", its outer spaces outside the markers (Markdown ignores "** text**")."""
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}**{_escape_markdown(core)}**{trail}"


def _table_block(table: object, number: int) -> SourceBlock | None:
    """A Word table (``w:tbl``) as one block: Markdown table rows when it has two columns or more, else the lines
    of its cells."""
    rows: list[list[str]] = []
    for row in table.tr_lst:  # type: ignore[attr-defined]
        cells = [" ".join(_cell_paragraphs(cell)) for cell in row.tc_lst]
        if any(cells):
            rows.append(cells)
    if not rows:
        return None
    if max(len(cells) for cells in rows) < 2:  # a frame around text, not a table
        lines = tuple(cells[0] for cells in rows if cells and cells[0])
        return SourceBlock(lines, number, markdown_lines=tuple(_escape_markdown(line) for line in lines))
    plain = tuple("| " + " | ".join(cells) + " |" for cells in rows)
    separator = "| " + " | ".join("---" for _ in rows[0]) + " |"
    marked = tuple("| " + " | ".join(_escape_markdown(cell).replace("|", "\\|") for cell in cells) + " |"
                   for cells in rows)
    return SourceBlock((plain[0], separator, *plain[1:]), number, markdown_lines=(marked[0], separator, *marked[1:]))


def _cell_paragraphs(cell: object) -> list[str]:
    """The text of every paragraph in a table cell, nested tables' included, in order."""
    texts = []
    for paragraph in cell.iter(f"{_W}p"):  # type: ignore[attr-defined]
        text = normalise_line("".join(node.text or "" if node.tag == f"{_W}t" else " "
                                      for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br")))
        if text:
            texts.append(text)
    return texts


class _Numbering:
    """Word list numbering (numbering.xml) → the labels Word would display, counted per numId and level."""

    def __init__(self, document: object) -> None:
        self.formats: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.styles = document.styles  # type: ignore[attr-defined]
        try:
            root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in node.findall(f"{_W}lvl"):
                fmt, text, start = lvl.find(f"{_W}numFmt"), lvl.find(f"{_W}lvlText"), lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1)
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for node in root.findall(f"{_W}num"):
            ref = node.find(f"{_W}abstractNumId")
            if ref is not None:
                self.formats[node.get(f"{_W}numId", "")] = abstract.get(ref.get(f"{_W}val", ""), {})

    def _num_pr(self, paragraph: object) -> tuple[str, int] | None:
        ppr = paragraph._p.pPr  # type: ignore[attr-defined]
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        style = paragraph.style  # type: ignore[attr-defined]
        while num_pr is None and style is not None:
            sppr = style.element.find(f"{_W}pPr")
            num_pr = sppr.find(f"{_W}numPr") if sppr is not None else None
            style = style.base_style
        if num_pr is None:
            return None
        num_id, ilvl = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
        if num_id is None or num_id.get(f"{_W}val") in (None, "0"):
            return None
        return num_id.get(f"{_W}val", ""), int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0

    def label(self, paragraph: object) -> str | None:
        found = self._num_pr(paragraph)
        if found is None or found[0] not in self.formats:
            return None
        num_id, level = found
        levels = self.formats[num_id]
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        fmt, text, _start = levels.get(level, ("decimal", f"%{level + 1}.", 1))
        if fmt == "bullet":
            return "•"

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            lfmt, _t, lstart = levels.get(index, ("decimal", "", 1))
            return list_number(max(counts[index], 1) + lstart - 1, lfmt)

        return re.sub(r"%(\d)", value, text) or None


def list_number(number: int, fmt: str) -> str:
    """A list item's number in a Word numbering format (``w:numFmt``): "lowerLetter" → "c", "upperRoman" → "III",
    anything else decimal; the HTML reader formats ``<ol type>`` numbers with it too."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for size, digits in _ROMAN:
            while number >= size:
                out, number = out + digits, number - size
        return out if fmt == "lowerRoman" else out.upper()
    return str(number)
