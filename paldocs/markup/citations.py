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
import re

from paldocs.document import Citation, Inline, Text

__all__ = ["cite_inlines"]

_SPACE = "[ \u00a0\u202f]"


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile("".join(_SPACE if ch.isspace() else re.escape(ch) for ch in text))


def cite_inlines(inlines: list[Inline], citations: list[Citation]) -> list[Inline]:
    out = list(inlines)
    start = 0  # citations follow each other: search each after the previous one
    for citation in citations:
        pattern = _pattern(citation.text)
        for index in range(start, len(out)):
            node = out[index]
            if not isinstance(node, Text) or not (match := pattern.search(node.text)):
                continue
            before, after = node.text[:match.start()], node.text[match.end():]
            pieces: list[Inline] = [*([Text(before)] if before else []),
                                    dataclasses.replace(citation, text=match.group()),
                                    *([Text(after)] if after else [])]
            out[index:index + 1] = pieces
            start = index + len(pieces) - (1 if after else 0)
            break
    return out
