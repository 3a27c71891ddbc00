"""The legal units written in one paragraf's data Markdown, with the lines that hold each (for the unit tree).

Contract: :func:`split_provision` reads a ``resolution.provisions`` entry with the project's own parser (the
tokens :func:`paldocs.markup.parser.provision_tokens` gives, so the units are exactly those a build prints) and
returns a :class:`RawUnit` tree: each unit's kind (ustęp "1.", punkt "1)", litera "a)", tiret "–", § 55–57
ZTP), the number it prints, its own text (the lines before its first sub-unit, marker removed, dedented), its
sub-units and its closing part (the lines after the sub-units: the "część wspólna" of § 57 ust. 4 ZTP).

Numbers: a plain typed number is replaced by the count among siblings of the same kind (numbering prints
them so); a number with a letter suffix ("2a", "ba") is kept — a unit added by an amending act (§ 86 ZTP) —
and the count goes on from the last plain number. A unit whose whole text is "(uchylony)" is repealed.
:func:`marker` writes the marker back ("1.", "1)", "a)", "–") so that :func:`paldocs.amendments.tree.wording`
gives Markdown this module reads into the same tree.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from markdown_it.token import Token

from paldocs import vocabulary
from paldocs.markup.parser import list_unit_kind, provision_tokens
from paldocs.polish.numerals import to_letter

REPEALED = "(uchylony)"  # § 106 ZTP: a repealed unit keeps its number and prints "(uchylony)"

_LIST_OPEN = frozenset({"ordered_list_open", "bullet_list_open", "alpha_list_open"})
_SUFFIXED = re.compile(r"^(?:\d+[a-z]+|[a-z]+)$")
_PLAIN_LETTERS = re.compile(r"^z*[a-z]$")


@dataclass(slots=True)
class RawUnit:
    kind: str
    num: str
    text: str
    children: list[RawUnit] = field(default_factory=list)
    closing: str = ""
    repealed: bool = False
    style: str = ""  # the list style of its list: "decimal-dot", "decimal-paren", "alpha-paren", "dash", "bullet"
    typed: str = ""  # the number as typed in the data ("2a"; "" for a bullet)


def marker(kind: str, num: str) -> str:
    """The data Markdown marker of a unit inside a paragraf: "1." ustęp, "1)" punkt, "a)" litera, "–" tiret."""
    return vocabulary.unit(kind).format_label(num)


def split_provision(provision: str) -> RawUnit | None:
    """The paragraf's units (kind "paragraf", num ""), or None when the text does not parse."""
    tokens = provision_tokens(provision)
    if tokens is None:
        return None
    lines = ("§\n" + provision).split("\n")
    paragraf = RawUnit("paragraf", "", "")
    _fill(paragraf, tokens, 1, len(tokens) - 1, lines, (1, len(lines)), indent=0)
    return paragraf


def _fill(unit: RawUnit, tokens: list[Token], start: int, stop: int, lines: list[str],
          span: tuple[int, int], indent: int) -> None:
    """Give ``unit`` its text, sub-units and closing from ``tokens[start:stop]`` (its content) over ``span``."""
    lists = _direct_lists(tokens, start, stop)
    if not lists:
        unit.text = _text(lines, span[0], span[1], indent)
    else:
        first, last = lists[0], lists[-1]
        unit.text = _text(lines, span[0], tokens[first[0]].map[0], indent)  # type: ignore[index]
        end_of_lists = tokens[last[0]].map[1]  # type: ignore[index]
        unit.closing = _text(lines, end_of_lists, span[1], indent)
        counts: dict[str, int] = {}
        for open_index, close_index in lists:
            kind = list_unit_kind(tokens[open_index])
            for item_open, item_close in _items(tokens, open_index + 1, close_index):
                token = tokens[item_open]
                child = RawUnit(kind, _number(kind, token.info, counts), "", style=_style(tokens[open_index]),
                                typed=token.info)
                item_lines = token.map  # type: ignore[assignment]
                first_line = lines[item_lines[0]]
                content_indent = _content_indent(first_line, token.markup, token.info)
                lines_copy = list(lines)
                lines_copy[item_lines[0]] = " " * content_indent + first_line[content_indent:]
                _fill(child, tokens, item_open + 1, item_close, lines_copy, (item_lines[0], item_lines[1]),
                      content_indent)
                child.repealed = child.text == REPEALED and not child.children
                unit.children.append(child)
    unit.text = unit.text.strip("\n")


def split_section_body(markdown: str) -> tuple[str, list[RawUnit], str]:
    """An annex section's body as the program holds it: the content before its last top-level list, the items of
    that list (each with its sub-items) and the closing after it. Without a list: ``(markdown, [], "")``."""
    from paldocs.markup.parser import tokenize
    from paldocs.markup.rules import ParseContext

    tokens = tokenize(markdown, ParseContext("<zmiana>", 0, legal=False))
    lines = markdown.split("\n")
    lists = _direct_lists(tokens, 0, len(tokens))
    if not lists:
        return markdown.strip("\n"), [], ""
    holder = RawUnit("section", "", "")
    last = lists[-1]
    _fill(holder, tokens, last[0], last[1] + 1, lines, (tokens[last[0]].map[0], tokens[last[0]].map[1]),  # type: ignore[index]
          indent=0)
    before = "\n".join(lines[:tokens[last[0]].map[0]]).strip("\n")  # type: ignore[index]
    after = "\n".join(lines[tokens[last[0]].map[1]:]).strip("\n")  # type: ignore[index]
    return before, holder.children, after


def _style(token: Token) -> str:
    if token.type == "alpha_list_open":
        return "alpha-paren"
    if token.type == "ordered_list_open":
        return "decimal-dot" if token.markup == "." else "decimal-paren"
    return "dash" if token.markup in ("-", "–") else "bullet"


def _direct_lists(tokens: list[Token], start: int, stop: int) -> list[tuple[int, int]]:
    """``(open, close)`` indexes of the lists directly inside ``tokens[start:stop]``."""
    found: list[tuple[int, int]] = []
    index = start
    while index < stop:
        token = tokens[index]
        if token.type in _LIST_OPEN:
            close = _matching_close(tokens, index)
            found.append((index, close))
            index = close + 1
        else:
            index += 1
    return found


def _items(tokens: list[Token], start: int, stop: int) -> list[tuple[int, int]]:
    items: list[tuple[int, int]] = []
    index = start
    while index < stop:
        if tokens[index].type == "list_item_open":
            close = _matching_close(tokens, index)
            items.append((index, close))
            index = close + 1
        else:
            index += 1
    return items


def _matching_close(tokens: list[Token], index: int) -> int:
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


def _content_indent(line: str, markup: str, info: str) -> int:
    """The column where an item's text starts: after its indentation, marker and the spaces after it."""
    stripped = len(line) - len(line.lstrip(" "))
    after = stripped + len(info) + len(markup)
    while after < len(line) and line[after] == " ":
        after += 1
    return after


def _text(lines: list[str], start: int, stop: int, indent: int) -> str:
    chunk = "\n".join(lines[start:stop])
    if indent:
        chunk = "\n".join(line[indent:] if line[:indent].strip() == "" else line.lstrip(" ")
                          for line in chunk.split("\n"))
    return textwrap.dedent(chunk).strip("\n")


def _number(kind: str, typed: str, counts: dict[str, int]) -> str:
    """The printed number: a suffixed typed number is kept, a plain one is the next count (see the contract)."""
    if kind == "tiret":
        counts[kind] = counts.get(kind, 0) + 1
        return str(counts[kind])
    if typed and _SUFFIXED.match(typed) and not (kind == "litera" and _PLAIN_LETTERS.match(typed)):
        return typed
    counts[kind] = counts.get(kind, 0) + 1
    return to_letter(counts[kind]) if kind == "litera" else str(counts[kind])
