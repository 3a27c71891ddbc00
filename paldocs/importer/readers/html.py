"""A web page as saved from a BIP (.html, .htm) → the published document's text lines, the page's chrome dropped.

Contract: :func:`read_html` decodes the page (a BOM, else the ``<meta charset>`` or ``http-equiv`` declaration —
BIP pages in windows-1250 and iso-8859-2 exist —, else UTF-8, else the Polish legacy encodings as for text files),
finds the document on it (:func:`paldocs.importer.readers.html_content.find_content`) and returns plain-text lines
(``markdown=False``, format ``html``) numbered in the order of the page's text. Every visible text outside the
document, and menus, forms and the page's metadata inside it, are dropped and logged line by line ("nawigacja
strony BIP (HTML)") — never silently; scripts, styles and hidden elements are not text and are skipped.

Lines: block elements (p, div, li, h1–h6, tr, blockquote, …) end lines and are separated by a blank line; ``<br>``
ends a line inside its block; ``<pre>`` keeps its own line breaks. Headings are plain lines (the Markdown the
importer writes is its own, not the page's styling). A list item keeps its marker: "1." (or "a.", "i." per
``type``, from ``start``) in ``<ol>``, "–" in ``<ul>`` — unless its text already starts with one. A ``<table>`` of
at least two columns whose cells hold no nested table becomes Markdown table rows ("| a | b |", a "| --- |" row
after the first); other tables are page layout and their cells are read as blocks. Entities are decoded by the
parser; NBSP becomes a space; soft hyphens and zero-width characters are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree, html

from paldocs.errors import DataError, Location
from paldocs.importer.lines import ReadInput, SourceLine, normalise_space
from paldocs.importer.log import ImportLog
from paldocs.importer.readers import html_content
from paldocs.importer.readers.text import decode_text, refuse_control_characters
from paldocs.importer.source import list_number

NAVIGATION = "nawigacja strony BIP (HTML)"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.IGNORECASE)
_LEGACY_NAMES = {"windows-1250": "Windows-1250", "cp1250": "Windows-1250", "iso-8859-2": "ISO-8859-2",
                 "iso8859-2": "ISO-8859-2", "latin2": "ISO-8859-2"}
_C1 = re.compile("[\x80-\x9f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "dl", "dt",
                     "dd", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote", "pre",
                     "address", "center", "figure", "figcaption", "form", "fieldset", "hr", "caption", "tbody",
                     "thead", "tfoot", "td", "th", "body", "details", "summary", "legend", "menu"})
_INVISIBLE_CHARACTERS = str.maketrans({"\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None,
                                       "\u2060": None, "\ufeff": None})
_HAS_LIST_LABEL = re.compile(r"^(?:\d{1,3}[.)]|[a-zA-Z][.)]|[IVXLC]{1,6}[.)]|[-–—•*·§])\s?")
# An <ol type> as the Word numbering format it matches (w:numFmt), to number items as the DOCX reader does.
_NUMBER_FORMATS = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_CELL_LIMIT = 1000  # a cell longer than this holds page layout, not a table's datum


def read_html(raw: bytes, path: Path, log: ImportLog) -> ReadInput:
    text = _decode(raw, path, log)
    refuse_control_characters(text, path)
    try:
        root = html.document_fromstring(_XML_DECLARATION.sub("", text) or "<html></html>")
    except (etree.ParserError, ValueError) as error:
        raise DataError(f"nie można odczytać strony HTML: {error}", Location(str(path))) from error
    body = root.find("body")
    if body is None:
        body = root
    content = html_content.find_content(body)
    walker = _Walker(content)
    walker.walk(body, keep=False)
    walker.flush()
    return ReadInput(_number(walker.lines, log), markdown=False, format="html")


def _decode(raw: bytes, path: Path, log: ImportLog) -> str:
    """The page's text: BOM first, then the declared charset when the bytes agree, then as a text file."""
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(raw, path, log)
    declared = _META_CHARSET.search(raw[:8192])
    if declared:
        codec = declared.group(1).decode("ascii", "replace").lower()
        try:
            text = raw.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: find the encoding as for a text file
        else:
            if _C1.search(text) and codec in _LEGACY_NAMES:  # Windows-1250 bytes declared as ISO-8859-2
                return decode_text(raw, path, log)
            if codec.replace("_", "-") not in ("utf-8", "utf8", "ascii", "us-ascii"):
                log.recognised(1, f"kodowanie {_LEGACY_NAMES.get(codec, codec)} (zadeklarowane w stronie)")
            return text
    return decode_text(raw, path, log)


@dataclass
class _Line:
    text: str
    keep: bool
    blank_before: bool = False


@dataclass
class _Walker:
    """Walks the page in document order, collecting lines of text with whether they belong to the document."""

    content: html.HtmlElement
    lines: list[_Line] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    buffer_keep: bool = False
    pending_break: bool = False
    marker: str = ""  # a list item's marker, put before the item's first line ("<li><p>…</p></li>" too)

    def add(self, text: str | None, keep: bool) -> None:
        if not text:
            return
        if keep != self.buffer_keep and "".join(self.buffer).strip():
            self.flush()
        if not "".join(self.buffer).strip():
            self.buffer_keep = keep
        self.buffer.append(text)

    def flush(self, *, paragraph: bool = False) -> None:
        line = normalise_space(" ".join("".join(self.buffer).translate(_INVISIBLE_CHARACTERS).split()))
        if line:
            if self.marker:
                line, self.marker = f"{self.marker} {line}", ""
            self.lines.append(_Line(line, self.buffer_keep, self.pending_break))
            self.pending_break = False
        self.buffer = []
        if paragraph:
            self.pending_break = True

    def walk(self, element: html.HtmlElement, *, keep: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in html_content.INVISIBLE_TAGS or html_content.is_hidden(element):
            return  # comments, processing instructions, scripts: not text (the tail is the parent's)
        if element is self.content:
            keep = True
        elif keep and html_content.is_chrome(element):
            keep = False
        if tag == "br":
            self.flush()
            return
        block = tag in _BLOCKS
        if block:
            self.flush(paragraph=True)
        if tag == "table" and _is_data_table(element):
            self.table(element, keep)
        elif tag == "pre":  # preformatted text (a BIP page showing a plain-text copy): its own line breaks
            for line in element.text_content().split("\n"):
                self.add(line, keep)
                self.flush()
        else:
            if tag == "li" and keep:  # navigation is logged as its words, without list markers
                self.marker = _list_marker(element) or ""
            self.add(element.text, keep)
            for child in element:
                self.walk(child, keep=keep)
                self.add(child.tail, keep)
            if tag == "li":
                self.flush()
                self.marker = ""  # an empty item's marker does not move to the next line
        if block:
            self.flush(paragraph=True)

    def table(self, table: html.HtmlElement, keep: bool) -> None:
        """A data table's rows as Markdown table rows (dropped rows are logged as their plain words)."""
        first = True
        for row in table.iter("tr"):  # a data table holds no nested table (_is_data_table)
            cells = [" ".join(" ".join(cell.itertext()).split()).replace("|", "\\|")
                     for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
            if not any(cells):
                continue
            self.add("| " + " | ".join(cells) + " |" if keep else " ".join(cells), keep)
            self.flush()
            if first and keep:
                self.add("| " + " | ".join("---" for _ in cells) + " |", keep)
                self.flush()
            first = False


def _is_data_table(table: html.HtmlElement) -> bool:
    """At least two columns, no nested table, no cell long enough to be a page's column (see the contract)."""
    if table.xpath(".//table"):
        return False
    cells = table.xpath(".//td | .//th")
    widest = max((len(row.xpath("./td | ./th")) for row in table.iter("tr")), default=0)
    return widest >= 2 and all(len(" ".join(cell.itertext())) <= _CELL_LIMIT for cell in cells)


def _list_marker(item: html.HtmlElement) -> str | None:
    """The marker a browser shows before ``item`` ("1.", "a.", "–"), unless its text carries one already."""
    if _HAS_LIST_LABEL.match(" ".join(item.itertext()).strip()):
        return None
    parent = item.getparent()
    if parent is None or parent.tag != "ol":
        return "–"
    siblings = [child for child in parent if isinstance(child.tag, str) and child.tag == "li"]
    try:
        start = int(parent.get("start", "1"))
    except ValueError:
        start = 1
    value = item.get("value")
    number = int(value) if value and value.isdigit() else start + siblings.index(item)
    return f"{_ordinal(number, parent.get('type', '1'))}."


def _ordinal(number: int, kind: str) -> str:
    if kind in _NUMBER_FORMATS and number >= 1:  # letters and roman numerals start at 1
        return list_number(number, _NUMBER_FORMATS[kind])
    return str(number)


def _number(lines: list[_Line], log: ImportLog) -> list[SourceLine]:
    """Number the page's lines in order; the document's become SourceLines, the others dropped entries."""
    out: list[SourceLine] = []
    number = 0
    after_dropped = False  # a dropped block between two kept ones still separates them
    for line in lines:
        number += 1
        if not line.keep:
            log.dropped(number, NAVIGATION, line.text)
            after_dropped = True
            continue
        if (line.blank_before or after_dropped) and out and out[-1].text:
            out.append(SourceLine("", number))
            number += 1
        out.append(SourceLine(line.text, number))
        after_dropped = False
    return out
