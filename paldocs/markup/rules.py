"""markdown-it-py rules of the paldocs Markdown dialect (used by :mod:`paldocs.markup`).

Contract: :func:`paldocs_plugin` installs on a ``MarkdownIt`` instance

- ``list`` (replaces the core rule): :func:`paldocs.markup.lists.list_rule` — en-dash bullets, alpha lists;
- ``paldocs_div``: pandoc-style fenced divs ``::: role`` … ``:::`` closed by a bare fence of the same number
  of colons (same-width fences nest by counting) → ``paldocs_div_open`` (``info`` = role) /
  ``paldocs_div_close``; ``::: page-break`` must be empty and yields one ``paldocs_page_break`` token;
  ``::: figure <asset>`` (asset id ``[a-z0-9][a-z0-9-]*``) yields ``paldocs_figure_open`` (``info`` = asset)
  … ``paldocs_figure_close`` around its content (the caption, checked by :mod:`paldocs.markup`).
- ``paldocs_paragraf`` (only when the parse context says ``legal``): a line starting with ``§`` + blank (or a
  lone ``§``) opens ``paldocs_paragraf_open`` … ``paldocs_paragraf_close`` holding everything up to the next
  such line or opening ``::: role`` fence (not indented deeper than the §), or the end of the enclosing
  block. A number typed after § is an error; ``§{4a}`` (no space) is a paragraf that keeps the number "4a" (compose
  writes it for a provision given with ``num``): ``info`` of the open token holds it.
- inline ``paldocs_escape``: ``\\–`` and ``\\§`` print the character itself, so a paragraph may begin with an
  en dash (the common closing part of an enumeration) or a § that is not a new paragraf.

Errors are raised as :class:`~paldocs.errors.MarkupError` located through the :class:`ParseContext` that the
caller stores in ``env[ENV_KEY]``. Tokens carry ``map`` line ranges relative to the parsed text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import get_args

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from paldocs.document import DivRole, Origin
from paldocs.errors import Location, MarkupError
from paldocs.markup.lists import list_rule
from paldocs.sourcemap import SourceMap

ENV_KEY = "paldocs"
DIV_ROLES: frozenset[str] = frozenset(get_args(DivRole))
PAGE_BREAK = "page-break"
FIGURE = "figure"

_ASSET_ID = re.compile(r"[a-z0-9][a-z0-9-]*")

_FENCE = re.compile(r"(:{3,})[ \t]*(.*?)[ \t]*:*[ \t]*$")
_TYPED_NUMBER = re.compile(r"[0-9]+[a-z]?[.)]?")
_KEPT_NUMBER = re.compile(r"\{([1-9][0-9]{0,8}[a-z]{0,4})\}")


@dataclass(frozen=True, slots=True)
class ParseContext:
    """Per-parse settings, passed to the rules through markdown-it's ``env``; ``origins`` is the source map of
    the parsed text when compose recorded one (:mod:`paldocs.sourcemap`)."""

    source: str
    first_line: int
    legal: bool
    origins: SourceMap | None = None

    def origin(self, line: int, offset: int | None = None) -> Origin | None:
        """Who wrote the text at ``offset`` (default: the first non-blank character of 0-based ``line``)."""
        if self.origins is None:
            return None
        return self.origins.origin_at(self.origins.line_offset(line) if offset is None else offset)

    def error(self, line: int, message: str, hint: str | None = None, offset: int | None = None) -> MarkupError:
        """A MarkupError at 0-based ``line`` (or the text ``offset``) of the parsed text: at the data value
        (file:line:column and field path) or the template line that wrote it, when the source map knows it."""
        origin = self.origin(line, offset)
        if origin is not None:
            return MarkupError(message, origin.location(), hint)
        return MarkupError(message, Location(file=self.source, line=self.first_line + line), hint)


def _context(state: StateBlock) -> ParseContext | None:
    ctx = state.env.get(ENV_KEY)
    return ctx if isinstance(ctx, ParseContext) else None


def _is_blank(ch: str) -> bool:
    return ch == " " or ch == "\t"


# --- fenced divs ----------------------------------------------------------------------------------


def _fence(state: StateBlock, line: int) -> tuple[int, str] | None:
    """``(number of colons, role)`` of a ``:::`` line (role "" for a closing fence), or None."""
    pos = state.bMarks[line] + state.tShift[line]
    maximum = state.eMarks[line]
    if not state.src.startswith(":::", pos, maximum):
        return None
    m = _FENCE.match(state.src, pos, maximum)
    return (len(m.group(1)), m.group(2)) if m else None


def _opens_div(state: StateBlock, line: int) -> bool:
    fence = _fence(state, line)
    return fence is not None and bool(fence[1])


def div_rule(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    fence = _fence(state, startLine)
    if fence is None:
        return False
    if silent:
        return True  # any fence line ends a paragraph or list; the non-silent pass reports bad ones
    ctx = _context(state) or ParseContext("<markdown>", 1, False)
    width, role = fence
    colons = ":" * width
    at = state.bMarks[startLine] + state.tShift[startLine]  # where the fence starts (inside a list item too)
    if not role:
        raise ctx.error(
            startLine,
            f"Wiersz „{colons}” zamyka blok, który nie został otwarty.",
            f"Blok otwiera wiersz „{colons} rodzaj” (np. „{colons} signature”), a zamyka taki sam ciąg dwukropków.",
            offset=at,
        )
    name, *argument = role.split(maxsplit=1)
    asset = argument[0] if argument else ""
    figure = name == FIGURE
    if figure:
        _check_asset(ctx, startLine, colons, asset, at)
    elif role not in DIV_ROLES and role != PAGE_BREAK:
        allowed = ", ".join(sorted(DIV_ROLES | {PAGE_BREAK, f"{FIGURE} <identyfikator>"}))
        raise ctx.error(startLine, f"Nieznany rodzaj bloku „{colons} {role}”.", f"Dozwolone rodzaje: {allowed}.",
                        offset=at)

    # Find the matching bare fence; same-width openers on the way nest one level deeper.
    depth, line, close = 0, startLine + 1, -1
    while line < endLine:
        inner = _fence(state, line)
        if inner is not None and inner[0] == width:
            if inner[1]:
                depth += 1
            elif depth == 0:
                close = line
                break
            else:
                depth -= 1
        line += 1
    if close < 0:
        raise ctx.error(
            startLine,
            f"Blok „{colons} {role}” nie został zamknięty.",
            f"Dodaj po jego treści wiersz „{colons}” (tyle samo dwukropków).",
            offset=at,
        )

    if role == PAGE_BREAK:
        for line in range(startLine + 1, close):
            if not state.isEmpty(line):
                raise ctx.error(line, f"Podział strony („{colons} {PAGE_BREAK}”) nie może mieć treści.",
                                "Przenieś ten tekst przed albo za podział strony.",
                                offset=state.bMarks[line] + state.tShift[line])
        token = state.push("paldocs_page_break", "hr", 0)
        token.map = [startLine, close + 1]
        token.markup = colons
        state.line = close + 1
        return True

    kind, tag, info = ("paldocs_figure", "figure", asset) if figure else ("paldocs_div", "div", role)
    token = state.push(f"{kind}_open", tag, 1)
    token.info, token.markup, token.map = info, colons, [startLine, close + 1]
    # Parse the content as a document of its own: column 0, bounded by the closing fence (lineMax also
    # stops paragraphs, which otherwise look up to the end of the input for their continuation lines).
    saved = state.lineMax, state.blkIndent, state.listIndent, state.parentType
    state.lineMax, state.blkIndent, state.listIndent, state.parentType = close, 0, -1, "div"
    state.md.block.tokenize(state, startLine + 1, close)
    state.lineMax, state.blkIndent, state.listIndent, state.parentType = saved
    token = state.push(f"{kind}_close", tag, -1)
    token.markup = colons
    state.line = close + 1
    return True


def _check_asset(ctx: ParseContext, line: int, colons: str, asset: str, at: int) -> None:
    example = f"np. „{colons} {FIGURE} budget-by-source”"
    if not asset:
        raise ctx.error(line, f"Rysunek („{colons} {FIGURE}”) wymaga identyfikatora wykresu, {example}.", offset=at)
    if not _ASSET_ID.fullmatch(asset):
        raise ctx.error(line, f"Niepoprawny identyfikator rysunku „{asset}”.",
                        "Identyfikator składa się z małych liter łacińskich, cyfr i łączników i nie zaczyna "
                        f"się łącznikiem, {example}.", offset=at)


# --- legal units: § -------------------------------------------------------------------------------


def _is_paragraf_line(state: StateBlock, line: int) -> bool:
    """``§`` at the start of the line followed by a blank, a digit (an error reported later), ``{`` (a kept
    number) or nothing."""
    pos = state.bMarks[line] + state.tShift[line]
    maximum = state.eMarks[line]
    if pos >= maximum or state.src[pos] != "§":
        return False
    return pos + 1 >= maximum or _is_blank(ch := state.src[pos + 1]) or "0" <= ch <= "9" or ch == "{"


def paragraf_rule(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    ctx = _context(state)
    if ctx is None or not ctx.legal or not _is_paragraf_line(state, startLine):
        return False
    if silent:
        return True
    pos = state.bMarks[startLine] + state.tShift[startLine] + 1
    maximum = state.eMarks[startLine]
    kept = ""
    if state.src.startswith("{", pos):
        if not (match := _KEPT_NUMBER.match(state.src, pos, maximum)):
            raise ctx.error(startLine, "Po „§{” oczekiwano numeru paragrafu i „}”, np. „§{4a}”.", offset=pos)
        kept, pos = match[1], match.end()
    content = min(state.skipSpaces(pos), maximum)
    if typed := _TYPED_NUMBER.match(state.src, content, maximum):
        raise ctx.error(
            startLine,
            f"Numery paragrafów nadaje paldocs — usuń „{typed.group()}” po znaku §.",
            "Wpisz sam znak § i tekst, np. „§ Uchwała wchodzi w życie…”.",
            offset=content,
        )

    # The unit ends at the next § or opening fence that is not indented deeper than this § (deeper ones sit
    # inside its list items and are reported there); bare closing fences never end it.
    indent = state.sCount[startLine]
    end = startLine + 1
    while end < endLine:
        if state.sCount[end] <= indent and (_is_paragraf_line(state, end) or _opens_div(state, end)):
            break
        end += 1

    opening = state.push("paldocs_paragraf_open", "section", 1)
    opening.markup, opening.map, opening.info = "§", [startLine, end], kept
    # Where the unit's own text starts (its origin, see paldocs.sourcemap): after "§ ", or — for a lone "§"
    # whose text starts on the next line with ustęp "1." (templates/provisions.md.j2) — at that text.
    opening.meta["content"] = content if content < maximum else _first_text(state, startLine + 1, end, content)
    # The unit's text starts after "§ " and needs no indentation: pretend the first line starts there
    # (bMarks too, since getLines cuts paragraph text from bMarks, as markdown-it's task-list code does).
    saved = (state.bMarks[startLine], state.tShift[startLine], state.sCount[startLine], state.lineMax,
             state.parentType)
    state.bMarks[startLine], state.tShift[startLine], state.sCount[startLine] = content, 0, state.blkIndent
    state.lineMax, state.parentType = end, "paragraf"
    state.md.block.tokenize(state, startLine, end)
    (state.bMarks[startLine], state.tShift[startLine], state.sCount[startLine], state.lineMax,
     state.parentType) = saved
    token = state.push("paldocs_paragraf_close", "section", -1)
    token.markup = "§"
    # Inside a list item the content may stop early at a less indented line; continue from there.
    state.line = max(state.line, startLine + 1)
    opening.map[1] = state.line
    return True


def _first_text(state: StateBlock, line: int, end: int, default: int) -> int:
    """The offset of the first non-blank character on lines ``line`` … ``end - 1`` (``default`` if none)."""
    for number in range(line, end):
        if not state.isEmpty(number):
            return state.bMarks[number] + state.tShift[number]
    return default


# --- inline escapes -------------------------------------------------------------------------------


def escape_rule(state: StateInline, silent: bool) -> bool:
    pos = state.pos
    if state.src[pos] != "\\" or pos + 1 >= state.posMax or state.src[pos + 1] not in "–§":
        return False
    if not silent:
        token = state.push("text_special", "", 0)  # joined into the surrounding text by core "text_join"
        token.content, token.markup, token.info = state.src[pos + 1], state.src[pos : pos + 2], "escape"
    state.pos += 2
    return True


def paldocs_plugin(md: MarkdownIt) -> None:
    """Install the dialect's rules (see the module docstring)."""
    md.block.ruler.at("list", list_rule, {"alt": ["paragraph", "reference", "blockquote"]})
    # "blockquote" terminators also end a pipe table (markdown-it's table rule borrows that chain).
    md.block.ruler.before("list", "paldocs_div", div_rule, {"alt": ["paragraph", "list", "blockquote"]})
    md.block.ruler.before("list", "paldocs_paragraf", paragraf_rule, {"alt": ["paragraph", "list", "blockquote"]})
    md.inline.ruler.before("escape", "paldocs_escape", escape_rule)
