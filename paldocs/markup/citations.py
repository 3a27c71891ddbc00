"""Statute citations in a block's inlines: the printed text of each citation compose inserted → a Citation node.

Contract of :func:`cite_inlines`: given a block's inlines (typography applied) and the citations compose
inserted into that block (:attr:`paldocs.sourcemap.SourceMap.citations`, in order), each citation's text is
found in the block's top-level :class:`~paldocs.document.Text` nodes — as written, except that typography may
have turned spaces into NO-BREAK SPACEs — and that piece becomes the citation node with ``text`` set to exactly
what is printed there. The printed text of the block does not change. A citation whose text is not found
(a template changed it, e.g. ``| upper``) stays plain text: nothing is guessed.
"""

from __future__ import annotations

import dataclasses

from paldocs.document import Citation, Inline, Text

__all__ = ["cite_inlines", "find_citation"]

# The spaces typography may leave between a citation's words (a space, NO-BREAK SPACE, NARROW NO-BREAK SPACE),
# each mapped to a plain space: one character for one, so positions in the mapped text are positions in the
# printed text. (Searching the mapped text is what a pattern with a class for every space did, without
# compiling one pattern per citation — some 5 ms for each long citation of a cold command.)
_PRINTED_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def find_citation(text: str, printed: str) -> tuple[int, int] | None:
    """Where citation ``text`` stands in ``printed`` (start, end), any white space of ``text`` matching any
    space typography may print, or None."""
    wanted = "".join(" " if ch.isspace() else ch for ch in text)
    start = printed.translate(_PRINTED_SPACES).find(wanted)
    return None if start < 0 else (start, start + len(wanted))


def cite_inlines(inlines: list[Inline], citations: list[Citation]) -> list[Inline]:
    out = list(inlines)
    start = 0  # citations follow each other: search each after the previous one
    for citation in citations:
        for index in range(start, len(out)):
            node = out[index]
            if not isinstance(node, Text) or not (found := find_citation(citation.text, node.text)):
                continue
            before, after = node.text[:found[0]], node.text[found[1]:]
            pieces: list[Inline] = [*([Text(before)] if before else []),
                                    dataclasses.replace(citation, text=node.text[found[0]:found[1]]),
                                    *([Text(after)] if after else [])]
            out[index:index + 1] = pieces
            start = index + len(pieces) - (1 if after else 0)
            break
    return out
