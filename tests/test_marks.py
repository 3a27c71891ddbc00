"""``~~skreślone~~`` and ``++dodane++`` in Markdown: the changed words of an amendment's comparison written as data."""

from __future__ import annotations

import pytest

from paldocs.document import Deleted, Emphasis, Inserted, Strong, Text
from paldocs.markup.parser import to_blocks

NBSP = "\u00a0"


@pytest.mark.parametrize(("markdown", "inlines"), [
    ("Ala ~~ma~~ ++nie ma++ kota.", [Text("Ala "), Deleted((Text("ma"),)), Text(" "), Inserted((Text("nie ma"),)),
                                    Text(" kota.")]),
    ("budżetu ~~gminy~~, ++miasta++;", [Text("budżetu "), Deleted((Text("gminy"),)), Text(", "),
                                         Inserted((Text("miasta"),)), Text(";")]),
    ("**x** *y*", [Strong((Text("x"),)), Text(" "), Emphasis((Text("y"),))]),  # emphasis as before
    ("C++ i a ++ b", [Text(f"C++ i{NBSP}a{NBSP}++ b")]),  # a lone or spaced "++" prints as typed
    ("a ~~b", [Text(f"a{NBSP}~~b")]),  # an unclosed "~~" too
    ("+jeden+", [Text("+jeden+")]),  # one sign is no mark
])
def test_marks_parse_to_deleted_and_inserted(markdown: str, inlines: list[object]) -> None:
    (paragraph,) = to_blocks(markdown)
    assert paragraph.children == inlines
