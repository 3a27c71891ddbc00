"""Finding a citation's text in printed text (paldocs.markup.citations.find_citation): any white space of the
citation matches a space, NO-BREAK SPACE or NARROW NO-BREAK SPACE typography printed, and nothing else does —
the same answers a pattern with a class for every space gave."""

from __future__ import annotations

import re

import pytest

from paldocs.markup.citations import find_citation

NBSP, NNBSP = "\u00a0", "\u202f"


def _by_pattern(text: str, printed: str) -> tuple[int, int] | None:
    """The former search: one compiled pattern per citation."""
    pattern = re.compile("".join("[ \u00a0\u202f]" if ch.isspace() else re.escape(ch) for ch in text))
    match = pattern.search(printed)
    return None if match is None else match.span()


@pytest.mark.parametrize(("text", "printed", "span"), [
    ("art. 18 ust. 2", "na podstawie art. 18 ust. 2 pkt 15", (13, 27)),
    ("art. 18 ust. 2", f"na podstawie art.{NBSP}18 ust.{NNBSP}2 pkt 15", (13, 27)),
    (f"art.{NBSP}18", "art. 18", (0, 7)),  # a no-break space in the citation matches a plain one too
    ("art.\n18", "art. 18", (0, 7)),
    ("art. 18", "art.\u200918", None),  # a thin space is not one of typography's spaces
    ("art. 18", "art.\t18", None),
    ("art. 18", "Art. 18", None),  # case counts
    ("(Dz. U. z 2013 r. poz. 594)", f"ustawy (Dz.{NBSP}U. z 2013{NBSP}r. poz.{NBSP}594) o", (7, 34)),
    ("a.b", "axb a.b", (4, 7)),  # a dot is a dot
    ("x", "abc", None),
    ("", "abc", (0, 0)),
])
def test_a_citation_is_found_where_it_is_printed(text: str, printed: str, span: tuple[int, int] | None) -> None:
    assert find_citation(text, printed) == span == _by_pattern(text, printed)
    if span is not None:
        assert printed[span[0]:span[1]].translate({0xA0: " ", 0x202F: " "}) == \
            "".join(" " if ch.isspace() else ch for ch in text)
