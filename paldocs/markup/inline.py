"""Inline tokens of one block → IR inlines, with Polish typography applied.

Contract of :func:`to_inlines`: takes the ``children`` of a markdown-it ``inline`` token of the paldocs
dialect (text, softbreak, hardbreak, em/strong and the ~~/++ marks of :mod:`paldocs.markup.marks` open/close,
footnote calls) and returns :class:`Text` / :class:`Strong` / :class:`Emphasis` / :class:`Deleted` /
:class:`Inserted` / :class:`LineBreak` / :class:`FootnoteRef` nodes where

- a footnote call becomes what ``calls`` gives for its token (a :class:`FootnoteRef`, or the call's text when
  the note is not defined: :mod:`paldocs.markup.footnotes`); without ``calls`` it prints as typed;

- a soft line break is one space and adjacent texts are merged into one :class:`Text`;
- :func:`paldocs.polish.typography.apply_typography` runs over the whole text of the block at once, so that
  quotes and one-letter words see their neighbours across emphasis boundaries and soft breaks;
- trailing spaces at the very end of the block are removed; empty texts are dropped.

Unknown token types (none are produced by the enabled rules) print their source instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from markdown_it.token import Token

from paldocs.document import Deleted, Emphasis, FootnoteRef, Inline, Inserted, LineBreak, Strong, Text
from paldocs.polish.typography import apply_typography

__all__ = ["Calls", "to_inlines"]

_PLAIN = frozenset({"text", "softbreak"})
# Inline spans by their opening token: **pogrubienie**, *kursywa*, ~~skreślone~~, ++dodane++ (paldocs.markup.marks).
_SPANS: dict[str, type[Strong] | type[Emphasis] | type[Deleted] | type[Inserted]] = {
    "strong_open": Strong, "em_open": Emphasis, "s_open": Deleted, "ins_open": Inserted}

# A raw inline tree before typography: strings (merged later), line breaks, and (type, children) spans.
_Raw = str | LineBreak | FootnoteRef | tuple[str, list["_Raw"]]


# What a footnote call prints, given its token: the parser's FootnoteRef, or its text when undefined.
Calls = Callable[[Token], FootnoteRef | str]


def to_inlines(children: list[Token], calls: Calls | None = None) -> list[Inline]:
    if all(child.type in _PLAIN for child in children):
        # The common case — plain text with soft breaks — needs no tree: one string, one Text.
        raw = "".join(" " if child.type == "softbreak" else child.content for child in children)
        text = apply_typography(raw).rstrip(" ")
        return [Text(text)] if text else []
    root: list[_Raw] = []
    stack = [root]
    for child in children:
        kind = child.type
        if kind == "text":
            stack[-1].append(child.content)
        elif kind == "softbreak":
            stack[-1].append(" ")
        elif kind == "hardbreak":
            stack[-1].append(LineBreak())
        elif kind in _SPANS:
            span: list[_Raw] = []
            stack[-1].append((kind, span))
            stack.append(span)
        elif kind.endswith("_close") and kind.replace("_close", "_open") in _SPANS:
            stack.pop()
        elif kind == "footnote_ref":
            stack[-1].append(calls(child) if calls is not None else f"[^{child.meta.get('label', '')}]")
        else:  # defensive: anything unexpected prints as its source rather than vanishing
            stack[-1].append(child.content or child.markup)
    _merge_strings(root)
    _typeset(root)
    return _build(root)


def _merge_strings(frame: list[_Raw]) -> None:
    """Join runs of adjacent strings in place (one Text per run)."""
    out: list[_Raw] = []
    run: list[str] = []
    for node in frame:
        if isinstance(node, str):
            run.append(node)
            continue
        if run:
            out.append("".join(run))
            run = []
        if isinstance(node, tuple):
            _merge_strings(node[1])
        out.append(node)  # a line break or a footnote call ends the run
    if run:
        out.append("".join(run))
    frame[:] = out


# A leaf is a string's place in the tree; None stands for a line break (typeset as "\n").
_Leaf = tuple[list[_Raw], int] | None


def _leaves(frame: list[_Raw], into: list[_Leaf]) -> None:
    for i, node in enumerate(frame):
        if isinstance(node, str):
            into.append((frame, i))
        elif isinstance(node, LineBreak):
            into.append(None)
        elif isinstance(node, tuple):
            _leaves(node[1], into)
        # a footnote call has no text of its own: typography sees the words on both sides joined


def _typeset(root: list[_Raw]) -> None:
    """Apply typography to the block's whole text, then cut it back into its leaves.

    The text is joined across emphasis (no separator) and line breaks ("\n", which typography treats as
    whitespace: a one-letter word or an opening quote after a break is still recognised). apply_typography
    never changes the length of a text, so positions map one to one; should that ever stop holding, each leaf
    is typeset alone (correct, only blind to its neighbours).
    """
    leaves: list[_Leaf] = []
    _leaves(root, leaves)
    places = [leaf for leaf in leaves if leaf is not None]
    if not places:
        return
    texts = ["\n" if leaf is None else cast(str, leaf[0][leaf[1]]) for leaf in leaves]
    joined = "".join(texts)
    typeset = apply_typography(joined)
    if len(typeset) == len(joined):
        start = 0
        for leaf, text in zip(leaves, texts, strict=True):
            if leaf is not None:
                leaf[0][leaf[1]] = typeset[start : start + len(text)]
            start += len(text)
    else:
        for frame, i in places:
            frame[i] = apply_typography(cast(str, frame[i]))
    # Trailing spaces at the very end of the block (e.g. a trailing "&#32;") are never meant.
    last_frame, last_i = places[-1]
    if _ends_block(root, last_frame, last_i):
        last_frame[last_i] = cast(str, last_frame[last_i]).rstrip(" ")


def _ends_block(frame: list[_Raw], target: list[_Raw], index: int) -> bool:
    """True when leaf ``target[index]`` is the last node of the block (possibly inside closing spans)."""
    while frame is not target:
        if not frame or not isinstance(frame[-1], tuple):
            return False
        frame = frame[-1][1]
    return index == len(target) - 1


def _build(frame: list[_Raw]) -> list[Inline]:
    out: list[Inline] = []
    for node in frame:
        if isinstance(node, str):
            if node:
                out.append(Text(node))
        elif isinstance(node, (LineBreak, FootnoteRef)):
            out.append(node)
        else:
            kind, span = node
            children = tuple(_build(span))
            out.append(_SPANS[kind](children))
    return out
