"""Changed words marked in Markdown: ``~~skreślone~~`` (Deleted) and ``++dodane++`` (Inserted).

Contract: :func:`install` turns on markdown-it's ``strikethrough`` rule (``~~…~~`` → ``s_open``/``s_close``) and adds
the same rule for ``++…++`` (→ ``ins_open``/``ins_close``), a pair of two signs opening and closing like emphasis
(delimiter runs: "++ a++" does not open). :mod:`paldocs.markup.inline` makes them the IR's
:class:`~paldocs.document.Deleted` and :class:`~paldocs.document.Inserted`, which every writer marks (struck
through / bold, ``<del>``/``<ins>``). They mark the words an amendment changes in a comparison table written as
data (the uzasadnienie of an amending resolution); a lone "++" or "~~" prints as typed.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import Delimiter, StateInline

_PLUS = 0x2B


def _tokenize(state: StateInline, silent: bool) -> bool:
    """Each "++" of a run becomes a text token on the delimiter list (as markdown-it's strikethrough does)."""
    if silent or state.src[state.pos] != "+":
        return False
    scanned = state.scanDelims(state.pos, True)
    length = scanned.length
    if length < 2:
        return False
    if length % 2:
        state.push("text", "", 0).content = "+"
        length -= 1
    for _ in range(0, length, 2):
        state.push("text", "", 0).content = "++"
        state.delimiters.append(Delimiter(marker=_PLUS, length=0, token=len(state.tokens) - 1, end=-1,
                                          open=scanned.can_open, close=scanned.can_close))
    state.pos += scanned.length
    return True


def _pair(state: StateInline, delimiters: list[Delimiter]) -> None:
    for opener in delimiters:
        if opener.marker != _PLUS or opener.end == -1:
            continue
        for index, kind, nesting in ((opener.token, "ins_open", 1), (delimiters[opener.end].token, "ins_close", -1)):
            token = state.tokens[index]
            token.type, token.tag, token.nesting, token.markup, token.content = kind, "ins", nesting, "++", ""


def _post_process(state: StateInline) -> None:
    _pair(state, state.delimiters)
    for meta in state.tokens_meta:
        if meta and "delimiters" in meta:
            _pair(state, meta["delimiters"])


def install(md: MarkdownIt) -> None:
    md.enable("strikethrough")
    md.inline.ruler.before("strikethrough", "inserted", _tokenize)
    md.inline.ruler2.before("strikethrough", "inserted", _post_process)
