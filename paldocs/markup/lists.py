"""The ``list`` block rule of the paldocs dialect: markdown-it's ``list_block`` plus en-dash bullets and alpha lists.

Contract: :func:`list_rule` replaces markdown-it's core ``list`` rule and behaves the same on CommonMark input
(nesting by indentation, tight/loose, ``start``); in addition

- ``–`` (EN DASH) is a bullet marker like ``-``, ``*``, ``+`` (``bullet_list_open.markup`` is the marker);
- ``a)`` … ``z)``, ``za)`` … (the shapes :func:`paldocs.polish.numerals.to_letter` produces) open an alpha list:
  tokens ``alpha_list_open``/``alpha_list_close`` (tag ``ol``, ``markup`` ")", ``attrs["start"]`` when it
  does not start at ``a``), each ``list_item_open.info`` holding the letters;
- an alpha list interrupts a paragraph only when it starts with ``a)``, as an ordered list only with ``1``;
- a marker with a letter suffix — "2a.", "2a)", "ba)" (a unit an amending act added after "2" or "b", which
  keeps that number: :mod:`paldocs.unit_numbers`) — continues a list of its kind (``list_item_open.info`` holds
  "2a", "ba"); it never opens one, so a line like "ok) …" after a paragraph stays text.

A list continues while the marker kind and delimiter stay the same ("1." and "1)" or "-" and "–" make two
lists), exactly as CommonMark does for its own markers.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from paldocs.polish.numerals import from_letter

__all__ = ["list_rule"]

_BULLETS = frozenset("-*+–")
_ORDERED = re.compile(r"[0-9]{1,9}([a-z]{0,4})[.)]")
# The shapes to_letter produces: a … z, za … zz, zza …; capped so a stray "zzzz…)" stays text; then the suffix of
# a letter added later ("ba" after "b").
_ALPHA = re.compile(r"z{0,8}[a-z]([a-z]{0,4})\)")


def _is_blank(ch: str) -> bool:
    return ch == " " or ch == "\t"


def _list_marker(state: StateBlock, line: int) -> tuple[str, int, str, str, bool] | None:
    """``(kind, position after marker, delimiter, value, added)`` of a list marker starting ``line``, or None.

    kind is "bullet", "ordered" or "alpha"; the delimiter is what must stay equal for the list to continue;
    ``added``: the number has a letter suffix ("2a", "ba"), so it may only continue a list.
    """
    src = state.src
    pos = state.bMarks[line] + state.tShift[line]
    maximum = state.eMarks[line]
    if pos >= maximum:
        return None
    ch = src[pos]
    if ch in _BULLETS:
        kind, end, delimiter, value, m = "bullet", pos + 1, ch, "", None
    elif "0" <= ch <= "9":
        if not (m := _ORDERED.match(src, pos, maximum)):
            return None
        kind, end, delimiter, value = "ordered", m.end(), src[m.end() - 1], src[pos : m.end() - 1]
    elif "a" <= ch <= "z":
        if not (m := _ALPHA.match(src, pos, maximum)):
            return None
        kind, end, delimiter, value = "alpha", m.end(), ")", src[pos : m.end() - 1]
    else:
        return None
    if end < maximum and not _is_blank(src[end]):
        return None  # "1.5 mln", "a)b", "-tekst" are text, not markers
    return kind, end, delimiter, value, bool(m and m[1])


def list_rule(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    """markdown-it's ``list_block`` generalised to en-dash bullets and alpha lists (same structure)."""
    if state.listIndent >= 0 and state.sCount[startLine] - state.listIndent >= 4 and (
        state.sCount[startLine] < state.blkIndent
    ):
        return False
    is_terminating_paragraph = (
        silent and state.parentType == "paragraph" and state.sCount[startLine] >= state.blkIndent
    )
    marker = _list_marker(state, startLine)
    if marker is None:
        return False
    kind, pos_after, delimiter, value, added = marker
    if added:
        # "2a." continues the list it belongs to: it ends the paragraph of the item before it (a line less
        # indented than that item's text) but never opens a list nor interrupts a paragraph of its own block.
        return silent and not is_terminating_paragraph
    # After a paragraph, only a list that starts at the beginning may interrupt it ("1." / "1)" / "a)").
    if is_terminating_paragraph and (
        (kind == "ordered" and int(value) != 1) or (kind == "alpha" and value != "a")
    ):
        return False
    if is_terminating_paragraph and state.skipSpaces(pos_after) >= state.eMarks[startLine]:
        return False
    if silent:
        return True

    list_index = len(state.tokens)
    if kind == "ordered":
        token = state.push("ordered_list_open", "ol", 1)
        start = int(value)
    elif kind == "alpha":
        token = state.push("alpha_list_open", "ol", 1)
        token.attrs = {"type": "a"}
        start = from_letter(value)
    else:
        token = state.push("bullet_list_open", "ul", 1)
        start = 1
    if start != 1:
        token.attrs["start"] = start
    token.map = list_lines = [startLine, 0]
    token.markup = delimiter

    next_line = startLine
    prev_empty_end = False
    tight = True
    terminators = state.md.block.ruler.getRules("list")
    old_parent_type = state.parentType
    state.parentType = "list"

    while next_line < endLine:
        pos = pos_after
        maximum = state.eMarks[next_line]
        marker_start = state.bMarks[startLine] + state.tShift[startLine]
        initial = offset = state.sCount[next_line] + pos_after - marker_start
        while pos < maximum:
            ch = state.src[pos]
            if ch == "\t":
                offset += 4 - (offset + state.bsCount[next_line]) % 4
            elif ch == " ":
                offset += 1
            else:
                break
            pos += 1
        content_start = pos
        indent_after_marker = 1 if content_start >= maximum else offset - initial
        if indent_after_marker > 4:
            indent_after_marker = 1
        indent = initial + indent_after_marker

        token = state.push("list_item_open", "li", 1)
        token.markup = delimiter
        token.map = item_lines = [startLine, 0]
        token.meta["content"] = content_start  # where the item's text starts (its origin, paldocs.sourcemap)
        if kind != "bullet":
            token.info = value

        old_tight, old_tshift, old_scount = state.tight, state.tShift[startLine], state.sCount[startLine]
        old_list_indent = state.listIndent
        state.listIndent = state.blkIndent
        state.blkIndent = indent
        state.tight = True
        state.tShift[startLine] = content_start - state.bMarks[startLine]
        state.sCount[startLine] = offset
        if content_start >= maximum and state.isEmpty(startLine + 1):
            state.line = min(state.line + 2, endLine)  # empty item: the list ends here (CommonMark)
        else:
            state.md.block.tokenize(state, startLine, endLine)
        if not state.tight or prev_empty_end:
            tight = False
        prev_empty_end = (state.line - startLine) > 1 and state.isEmpty(state.line - 1)
        state.blkIndent = state.listIndent
        state.listIndent = old_list_indent
        state.tShift[startLine], state.sCount[startLine], state.tight = old_tshift, old_scount, old_tight

        token = state.push("list_item_close", "li", -1)
        token.markup = delimiter
        next_line = startLine = state.line
        item_lines[1] = next_line
        if next_line >= endLine or state.sCount[next_line] < state.blkIndent:
            break
        if any(rule(state, next_line, endLine, True) for rule in terminators):
            break
        marker = _list_marker(state, next_line)
        if marker is None or marker[0] != kind or marker[2] != delimiter:
            break
        _, pos_after, _, value, _ = marker

    close_type = {"ordered": "ordered_list_close", "alpha": "alpha_list_close"}.get(kind, "bullet_list_close")
    token = state.push(close_type, "ul" if kind == "bullet" else "ol", -1)
    token.markup = delimiter
    list_lines[1] = next_line
    state.line = next_line
    state.parentType = old_parent_type
    if tight:
        _mark_tight_paragraphs(state, list_index)
    return True


def _mark_tight_paragraphs(state: StateBlock, index: int) -> None:
    level = state.level + 2
    tokens = state.tokens
    for i in range(index + 2, len(tokens) - 2):
        if tokens[i].level == level and tokens[i].type == "paragraph_open":
            tokens[i].hidden = tokens[i + 2].hidden = True
