"""Numbers a clerk typed before ustępy, punkty and litery, compared with the numbers paldocs prints.

Contract: :func:`typed_number_slips` parses one paragraf's Markdown (a ``resolution.provisions`` entry, written
without "§") with the legal dialect of :mod:`paldocs.markup` and returns a :class:`Slip` for every sub-unit whose
typed marker is not its place among its siblings ("1.", "3." — § 55–57 ZTP number them 1, 2, 3 …; litery a, b,
… z, za, zb …). paldocs prints its own numbers whatever was typed, so such a slip is a unit lost or added by
mistake, and ``paldocs check`` says so. Markdown's "number them for me" form — every marker of a list equal to the
first, "1)", "1)", "1)" — is no slip. :func:`text_before_ustepy` finds a paragraf that has text of its own
before its ustępy ("Wstęp:" then "1. …"), which prints as an unnumbered part of the paragraf. Text that does not
parse yields nothing (the build reports it). Pure: no I/O, nothing printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paldocs.markup.parser import provision_tokens
from paldocs.unit_numbers import NumberCounter, split_number
from paldocs.vocabulary import unit

__all__ = ["Slip", "text_before_ustepy", "typed_number_slips"]

# The unit a list opens inside a paragraf, by its markers (as paldocs.markup.parser names them, § 55–57 ZTP).
_NUMBERED_UNIT = {("ordered_list_open", "."): "ustep", ("ordered_list_open", ")"): "punkt",
                  ("alpha_list_open", ")"): "litera"}


@dataclass(frozen=True, slots=True)
class Slip:
    line: int  # 1-based line of the paragraf's text holding the marker
    kind: str  # "ustep", "punkt", "litera"
    typed: str  # the marker as typed: "3."
    expected: str  # the marker paldocs prints there: "2."
    previous: str | None  # the marker before it ("1."), None for the first of its list


def typed_number_slips(provision: str) -> list[Slip]:
    """The slips of one paragraf's text (see the module docstring)."""
    tokens = provision_tokens(provision)
    if tokens is None:
        return []
    slips: list[Slip] = []
    lists: list[tuple[str | None, list[str]]] = []  # open lists: (unit kind, None for tirets; markers so far)
    for token in tokens:
        if token.type.endswith("_list_open"):
            lists.append((_NUMBERED_UNIT.get((token.type, token.markup)), []))
        elif token.type.endswith("_list_close"):
            lists.pop()
        elif token.type == "list_item_open" and lists and lists[-1][0] is not None:
            kind, typed = lists[-1]
            typed.append(token.info)
            # line 0 is the "§" written before the text, so the 0-based line is the text's 1-based line
            slip = _slip(str(kind), typed, token.map[0] if token.map else 1)
            if slip is not None:
                slips.append(slip)
        elif token.type == "inline" and token.map:
            slips.extend(_swallowed(token.content, token.map[0]))
    return slips


# CommonMark lets a list interrupt a paragraph only when it starts at 1 (and paldocs' alpha lists at "a)"):
# "Wstęp:\n2) a;" stays one paragraph with "2) a;" printed inside it — a slip of its own.
_MARKER_LINE = re.compile(r"(\d{1,9})([.)])\s|(z{0,8}[a-z])\)\s")


def _swallowed(content: str, first_line: int) -> list[Slip]:
    slips: list[Slip] = []
    for offset, line in enumerate(content.split("\n")[1:], start=1):
        if match := _MARKER_LINE.match(line.strip() + " "):
            number, delimiter, letter = match.groups()
            kind = "litera" if letter else "ustep" if delimiter == "." else "punkt"
            info = unit(kind)
            slips.append(Slip(first_line + offset, kind, info.format_label(letter or number), info.format_label(
                info.value(1)), None))
            break  # the lines after it are swallowed the same way: one slip says it
    return slips


def text_before_ustepy(provision: str) -> int | None:
    """The 1-based line of the first ustęp when the paragraf has its own text before its ustępy, else None."""
    tokens = provision_tokens(provision)
    if tokens is None:
        return None
    text_seen = False
    for token in tokens:
        if token.level != 1:  # the paragraf's own blocks only, not what its units hold
            continue
        if token.type == "paragraph_open":
            text_seen = True
        elif token.type == "ordered_list_open" and token.markup == ".":
            return token.map[0] if text_seen and token.map else None
    return None


def _slip(kind: str, typed: list[str], line: int) -> Slip | None:
    info = unit(kind)
    counter: NumberCounter = "letter" if info.counter == "letter" else "decimal"
    # a unit an amending act added ("2a" after "2", "ba" after "b") keeps its number and is not counted
    # (§ 86 ZTP practice, paldocs.unit_numbers): the plain ones go on 1, 2, 3 around it
    base, suffix = split_number(typed[-1], counter) or (typed[-1], "")
    position = sum(1 for number in typed if not (split_number(number, counter) or ("", ""))[1])
    if suffix:
        if position and base == info.value(position):
            return None
        expected = f"{info.value(position)}a" if position else info.value(1)
        return Slip(line, kind, info.format_label(typed[-1]), info.format_label(expected),
                    info.format_label(typed[-2]) if len(typed) > 1 else None)
    if typed[-1] == info.value(position) or all(number == info.value(1) for number in typed):
        return None
    previous = info.format_label(info.value(position - 1)) if position > 1 else None
    return Slip(line, kind, info.format_label(typed[-1]), info.format_label(info.value(position)), previous)
