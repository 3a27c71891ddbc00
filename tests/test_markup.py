"""Markdown → IR: fixture files in markdown-it-py's format plus a few direct checks.

Each ``tests/fixtures/markup/*.txt`` holds cases ``title / . / input / . / expected / .``; the expected text
is :func:`ir_dump.dump_blocks` of the parsed and numbered blocks, or ``error: <str(MarkupError)>``. Files
named ``legal*.txt`` are parsed with ``legal=True``. After a reviewed change of the dialect, regenerate the
expectations with ``python tests/test_markup.py --update`` and review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ir_dump import dump_blocks
from markdown_it.utils import read_fixture_file

from paldocs.document import (
    Div,
    Emphasis,
    Figure,
    Heading,
    LineBreak,
    ListBlock,
    Paragraph,
    Part,
    Strong,
    Table,
    TableCell,
    Text,
    Unit,
    walk,
)
from paldocs.errors import Location, MarkupError, PaldocsError
from paldocs.markup import to_blocks
from paldocs.numbering import number_part

FIXTURES = Path(__file__).parent / "fixtures" / "markup"
SOURCE = "uchwala.md"


def render_case(path: Path, markdown: str) -> str:
    try:
        blocks = to_blocks(markdown, legal=path.name.startswith("legal"), source=SOURCE)
    except MarkupError as error:
        return f"error: {error}\n"
    return dump_blocks(number_part(Part("resolution", blocks)).blocks)


CASES = [
    pytest.param(path, line, title, markdown, expected, id=f"{path.stem}:{line + 1}:{title}")
    for path in sorted(FIXTURES.glob("*.txt"))
    for line, title, markdown, expected in read_fixture_file(path)
]


@pytest.mark.parametrize(("path", "line", "title", "markdown", "expected"), CASES)
def test_fixture(path: Path, line: int, title: str, markdown: str, expected: str) -> None:
    assert render_case(path, markdown) == expected


def test_fixture_files_are_found() -> None:
    assert len(CASES) > 100


# --- direct checks --------------------------------------------------------------------------------


def test_parser_leaves_numbers_and_labels_empty() -> None:
    blocks = to_blocks("§ Tekst:\n1) a\n   - b\n2) c", legal=True)
    unit = blocks[0]
    assert isinstance(unit, Unit)
    assert (unit.num, unit.address) == ("", "")
    assert all(isinstance(u, Unit) and u.num == "" for u in unit.children[1:])
    plain = to_blocks("1) a\n2) b")[0]
    assert isinstance(plain, ListBlock)
    assert [item.label for item in plain.items] == ["", ""]


def test_error_location_is_mapped_to_the_source() -> None:
    with pytest.raises(MarkupError) as caught:
        to_blocks("§ Tekst.\n\n§ 2. Drugi.", legal=True, source="templates/pal.md.j2", first_line=41)
    error = caught.value
    assert isinstance(error, PaldocsError)
    assert error.location == Location(file="templates/pal.md.j2", line=43)
    assert error.message == "Numery paragrafów nadaje paldocs — usuń „2.” po znaku §."
    assert str(error).startswith("templates/pal.md.j2:43: Numery paragrafów")


def test_error_inside_a_div_is_located_on_its_own_line() -> None:
    markdown = "::: title\nUCHWAŁA\n:::\n\n::: center\n::: podpis\nx\n:::\n:::"
    with pytest.raises(MarkupError) as caught:
        to_blocks(markdown, source="x.md", first_line=1)
    assert caught.value.location.line == 6


def test_nesting_error_names_the_rule() -> None:
    with pytest.raises(MarkupError) as caught:
        to_blocks("§ Tekst:\n1) punkt:\n   1. ustęp", legal=True)
    assert caught.value.message == "Ustęp (1.) nie może występować w punkcie — § 55 ZTP."
    assert caught.value.hint is not None and "litery (a)) albo tirety (–)" in caught.value.hint


def test_section_sign_is_text_when_not_legal() -> None:
    blocks = to_blocks("§ 5. Tekst")
    assert blocks == [Paragraph([Text("§\u00a05. Tekst")])]


def test_inline_nodes_are_merged_and_typeset() -> None:
    [paragraph] = to_blocks('Rada w\nKętrzynie "uchwala"\\\nprogram &amp; plan')
    assert paragraph == Paragraph([Text("Rada w\u00a0Kętrzynie „uchwala”"), LineBreak(), Text("program & plan")])


def test_typography_sees_across_line_breaks_and_emphasis() -> None:
    [paragraph] = to_blocks('Rada\\\nw Kętrzynie i *"Program"*\\\n"cytat"')
    assert paragraph == Paragraph([
        Text("Rada"), LineBreak(), Text("w\u00a0Kętrzynie i\u00a0"), Emphasis((Text("„Program”"),)), LineBreak(),
        Text("„cytat”"),
    ])


def test_heading_text_is_typeset() -> None:
    assert to_blocks("# Program w gminie") == [Heading(1, [Text("Program w\u00a0gminie")])]


def test_empty_input() -> None:
    assert to_blocks("") == []
    assert to_blocks("\n\n  \n", legal=True) == []


def test_crlf_input() -> None:
    assert to_blocks("§ A\r\n\r\n§ B\r\n", legal=True) == [
        Unit("paragraf", [Paragraph([Text("A")])]),
        Unit("paragraf", [Paragraph([Text("B")])]),
    ]


def test_too_deep_nesting_is_an_error_not_a_silent_cut() -> None:
    markdown = "".join("  " * depth + "- x\n" for depth in range(60))
    with pytest.raises(MarkupError, match="Zbyt głębokie zagnieżdżenie"):
        to_blocks(markdown)


@pytest.mark.slow  # parses a resolution of thousands of paragraphs (> 2 s)
def test_large_resolution_parses_in_linear_time() -> None:
    """10× the input must cost about 10× the work, not ~100× (quadratic). The work is counted as Python function
    calls (sys.setprofile), which is deterministic — a timing would fail on a loaded machine."""
    section = "§ Program obejmuje:\n1) cele;\n2) działania:\n   a) szkolenia,\n   b) spotkania;\n3) rezultaty.\n\n"

    def calls(n: int) -> int:
        markdown = section * n
        count = 0

        def profile(frame: object, event: str, arg: object) -> None:
            nonlocal count
            if event == "call":
                count += 1

        sys.setprofile(profile)
        try:
            part = number_part(Part("resolution", to_blocks(markdown, legal=True)))
        finally:
            sys.setprofile(None)
        last = part.blocks[-1]
        assert isinstance(last, Unit) and last.address == f"par_{n}"
        return count

    calls(20)  # first use: imports and compiled patterns are not the parser's work
    small, large = calls(200), calls(2_000)
    assert large < small * 13


def test_table_is_built_from_ir_inlines() -> None:
    markdown = ("Tabela: Wskaźniki w 2015 r.\n\n| Wskaźnik | Cel |\n|:--|--:|\n"
                "| *Liczba* osób | **120** |\n| w sumie |")
    assert to_blocks(markdown) == [Table(
        header=[[TableCell([Text("Wskaźnik")], "left"), TableCell([Text("Cel")], "right")]],
        rows=[
            [TableCell([Emphasis((Text("Liczba"),)), Text(" osób")], "left"),
             TableCell([Strong((Text("120"),))], "right")],
            [TableCell([Text("w\u00a0sumie")], "left"), TableCell([], "right")],
        ],
        caption=[Text("Wskaźniki w\u00a02015\u00a0r.")],
    )]


def test_figure_keeps_its_asset_and_caption() -> None:
    assert to_blocks("::: figure budget-by-source\nWykres 1. Budżet\n:::\n\n::: figure trend\n:::") == [
        Figure("budget-by-source", [Text("Wykres 1. Budżet")]),
        Figure("trend", None),
    ]


def test_numbering_walks_past_tables_and_figures() -> None:
    markdown = ("§ Pierwszy.\n::: center\n| A | B |\n|---|---|\n| 1 | 2 |\n\n::: figure chart\nPodpis\n:::\n:::\n"
                "§ Drugi:\n1) punkt.")
    part = number_part(Part("report", to_blocks(markdown, legal=True)))
    first, div, second = part.blocks
    assert isinstance(first, Unit) and isinstance(div, Div) and isinstance(second, Unit)
    assert [type(block) for block in div.children] == [Table, Figure]
    point = second.children[1]
    assert isinstance(point, Unit)
    assert (first.address, second.address, point.address) == ("par_1", "par_2", "par_2__pkt_1")
    assert [node.children for node in walk(div) if isinstance(node, TableCell)] == [
        [Text("A")], [Text("B")], [Text("1")], [Text("2")],
    ]


def _update_fixtures() -> None:
    """Rewrite every fixture's expected section from the current output (review the diff afterwards)."""
    for path in sorted(FIXTURES.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        out: list[str] = []
        section, body = 0, []  # section 0: title, 1: input, 2: expected (replaced)
        for line in lines:
            if line.rstrip() != ".":
                if section != 2:
                    out.append(line)
                body.append(line)
                continue
            out.append(line)
            if section == 1:
                out.append(render_case(path, "".join(body)))
            section, body = (section + 1) % 3, []
        path.write_text("".join(out), encoding="utf-8")


if __name__ == "__main__" and "--update" in sys.argv:
    _update_fixtures()
