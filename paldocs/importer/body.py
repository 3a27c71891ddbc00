"""The §§ of an imported resolution: split tolerantly, each kept verbatim as Markdown paldocs prints as written.

Contract: :func:`split_provisions` takes the rows of the body (after the enacting formula, before the signature)
and returns :class:`Provision` items — the text of each § without "§ N." as Markdown, its input line and its
number as written. A § is opened by a row starting with "§" and a number ("§ 1.", "§1.", "§ 2a", "§ 1" alone on
its line — the heading layout); text before the first § becomes a provision of its own (logged as kept). A row
inside an open quotation („… not yet closed by ”) never opens a § — a quoted amendment stays inside its
provision, whatever its lines start with.

Escaping (so that paldocs' markup prints the words as written and never renumbers or reinterprets them): a line
of a provision that starts with "§" — or whose list item text does ("1) § 2 otrzymuje brzmienie:") — gets the
markup's escape ``\\§`` (paldocs.markup.rules: a literal § at the start of a line, not a new paragraf); inside
a quotation a line starting with a list marker ("1.", "1)", "a)") gets a CommonMark backslash before its "." or
")" so that it is text, not a new ustęp or punkt of the provision; in plain-text input a line starting with a Markdown block marker ("#", ">", "+", "|", "*") gets a
backslash before it. :func:`escape_line` does it for one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paldocs.importer.header import PARAGRAPH
from paldocs.importer.log import ImportLog
from paldocs.importer.rows import Row
from paldocs.importer.wording import words

_LIST_IN_QUOTE = re.compile(r"^(\d{1,3}[a-z]?|[a-z])([.)])(?=\s)")
_MD_START = re.compile(r"^([#>+|*])")
# "§" opening a line or the text of a list item ("1) § 2 otrzymuje brzmienie:") would open a new paragraf
_SIGN_AFTER_MARKERS = re.compile(r"^(?:\s*(?:\d{1,3}[a-z]?[.)]|[a-zA-Z]\)|[-–•*])\s+)*§")
_QUOTE_OPEN, _QUOTE_CLOSE = "„", "”"
_GLUED_USTEP = re.compile(r"^(?P<sign>§\s*\d+[a-z]?\.(?P<ustep>\d{1,2})\.)\s*(?P<rest>.*)$", re.DOTALL)


@dataclass
class Provision:
    text: str  # Markdown, without "§ N."
    line: int
    number: str | None  # as written; None: text before the first §
    sign: str = ""  # "§ 1." as written (its layout: "§ 1" alone on its line, "§1." glued …)


def quote_depth(text: str, depth: int = 0) -> int:
    """Quotation depth after ``text``: „ opens, ” closes (a straight " closes an open „ too)."""
    for char in text:
        if char == _QUOTE_OPEN:
            depth += 1
        elif char in (_QUOTE_CLOSE, '"') and depth:
            depth -= 1
    return depth


def escape_line(line: str, *, in_quote: bool, markdown: bool) -> str:
    """One line of a provision as Markdown that prints as written (see the module contract)."""
    if sign := _SIGN_AFTER_MARKERS.match(line):
        return line[:sign.end() - 1] + "\\" + line[sign.end() - 1:]
    if in_quote and (marker := _LIST_IN_QUOTE.match(line)):
        return f"{marker[1]}\\{marker[2]}{line[marker.end():]}"
    if not markdown and _MD_START.match(line):
        return "\\" + line
    return line


def log_numbering(provisions: list[Provision], heading: bool, log: ImportLog) -> None:
    """paldocs numbers the §§ itself, 1, 2, 3 … in the layout of the profile ("§ 1." inline, "§ 1" as a heading):
    a number written otherwise ("§ 1." above the text, "§ 2a", a gap) is logged as changed."""
    for index, provision in enumerate(provisions, 1):
        if provision.number is None or not provision.sign:
            continue
        printed = f"§ {index}" if heading else f"§ {index}."
        if glued := _GLUED_USTEP.match(provision.sign):
            printed = f"§ {index}. {glued['ustep']}."
        if words(provision.sign) != words(printed):
            log.changed(provision.line, "numer paragrafu w formie, którą drukuje paldocs (numeruje §§ kolejno)",
                        provision.sign, printed)


def split_provisions(rows: list[Row], log: ImportLog, *, markdown: bool) -> list[Provision]:
    provisions: list[Provision] = []
    lines: list[str] = []
    depth = 0
    current: Provision | None = None

    def close() -> None:
        if current is not None:
            current.text = "\n".join(lines).strip()
            if current.text:
                provisions.append(current)
            elif current.number is not None:
                log.kept(current.line, f"§ {current.number} bez treści — pominięty przy numeracji", "")

    for row in rows:
        match = PARAGRAPH.match(row.text) if depth == 0 else None
        if match:
            close()
            rest = match["rest"].strip()
            sign = row.text[:len(row.text) - len(rest)].strip()
            if glued := _GLUED_USTEP.match(row.text):  # "§ 1.1. Uchwala się …": § 1, its ust. 1
                sign, rest = glued["sign"], f"{glued['ustep']}. {glued['rest']}".strip()
            current, lines = Provision("", row.line, match["n"], sign), []
            if rest:
                lines.append(escape_line(rest, in_quote=False, markdown=markdown))
            depth = quote_depth(rest)
            continue
        if current is None:
            current, lines = Provision("", row.line, None), []
            log.kept(row.line, "tekst przed pierwszym paragrafem — zachowany jako osobny paragraf (sprawdź)",
                     row.text)
        if row.opens_block and lines:
            lines.append("")
        source = row.md if markdown else row.text
        lines.append(escape_line(source, in_quote=depth > 0, markdown=markdown))
        depth = quote_depth(row.text, depth)
    close()
    return provisions


_MARKER = re.compile(r"^(\s*)(\d{1,3}[a-z]?|[a-zA-Z])([.)])(?=\s|$)|^(\s*)([-–*])")


def parses(provision: str) -> bool:
    """Whether paldocs' markup accepts the text as one paragraf (templates/provisions.md.j2 writes "§" above it)."""
    from paldocs.errors import PaldocsError
    from paldocs.markup.parser import to_blocks

    try:
        to_blocks("§\n" + provision, legal=True)
    except PaldocsError:
        return False
    return True


def printable(provision: str, line: int, log: ImportLog) -> str:
    """The provision as written when paldocs' markup accepts it; else with every list marker at a line start
    escaped (its units then print as plain lines, in the original's words and order — the nesting rules of § 55–57
    ZTP it breaks are reported instead of refused), else as one paragraph."""
    if parses(provision):
        return provision
    escaped = "\n".join(escape_marker(part) for part in provision.split("\n"))
    if parses(escaped):
        log.kept(line, "wyliczenie w układzie niezgodnym z § 55–57 ZTP — jednostki zachowane jako zwykłe wiersze "
                       "(sprawdź)", provision)
        return escaped
    flat = " ".join(escape_marker(part.strip()) for part in provision.split("\n") if part.strip())
    log.kept(line, "paragraf, którego układu paldocs nie odczytał — zachowany jako jeden akapit (sprawdź)", provision)
    return flat if parses(flat) else "\\" + flat if flat[:1] in "§#>+|*-" else flat


def escape_marker(line: str) -> str:
    match = _MARKER.match(line)
    if not match:
        return line
    if match.group(5):
        return f"{match.group(4)}\\{match.group(5)}{line[match.end():]}"
    return f"{match.group(1)}{match.group(2)}\\{match.group(3)}{line[match.end():]}"
