"""Numbering of units, list labels and section headings (ZTP § 54–57, docs/domain.md § 2)."""

from __future__ import annotations

import copy
from typing import Literal, TypeAlias

import pytest
from ir_dump import dump_blocks, dump_document
from ir_samples import sample_document

from paldocs.document import (
    Block,
    Div,
    Heading,
    ListBlock,
    ListItem,
    ListStyle,
    Paragraph,
    Part,
    Text,
    Unit,
    UnitKind,
    walk,
)
from paldocs.markup import to_blocks
from paldocs.numbering import format_list_label, number_part, unit_address_part

HeadingStyle: TypeAlias = Literal["roman-dot", "decimal-dot"] | None


def para(text: str) -> Paragraph:
    return Paragraph([Text(text)])


def unit(kind: UnitKind, *children: Block) -> Unit:
    return Unit(kind, list(children) or [para(kind)])


def units(part: Part) -> list[Unit]:
    return [node for node in walk(part) if isinstance(node, Unit)]


@pytest.mark.parametrize(
    ("style", "n", "label"),
    [
        ("decimal-dot", 1, "1."),
        ("decimal-dot", 12, "12."),
        ("decimal-paren", 3, "3)"),
        ("alpha-paren", 1, "a)"),
        ("alpha-paren", 26, "z)"),
        ("alpha-paren", 27, "za)"),
        ("alpha-paren", 28, "zb)"),
        ("roman-dot", 1, "I."),
        ("roman-dot", 4, "IV."),
        ("roman-dot", 14, "XIV."),
        ("dash", 7, "–"),
        ("bullet", 7, "•"),
    ],
)
def test_format_list_label(style: ListStyle, n: int, label: str) -> None:
    assert format_list_label(style, n) == label


@pytest.mark.parametrize(
    ("kind", "position", "part"),
    [
        ("paragraf", 2, "par_2"),
        ("ustep", 1, "ust_1"),
        ("punkt", 3, "pkt_3"),
        ("litera", 1, "lit_a"),
        ("litera", 28, "lit_zb"),
        ("tiret", 2, "tir_2"),
    ],
)
def test_unit_address_part(kind: UnitKind, position: int, part: str) -> None:
    assert unit_address_part(kind, position) == part


@pytest.mark.parametrize(
    ("style", "start", "count", "labels"),
    [
        ("decimal-dot", 1, 3, ["1.", "2.", "3."]),
        ("decimal-dot", 3, 2, ["3.", "4."]),
        ("decimal-paren", 1, 2, ["1)", "2)"]),
        ("decimal-paren", 9, 2, ["9)", "10)"]),
        ("alpha-paren", 1, 3, ["a)", "b)", "c)"]),
        ("alpha-paren", 25, 4, ["y)", "z)", "za)", "zb)"]),
        ("roman-dot", 1, 4, ["I.", "II.", "III.", "IV."]),
        ("roman-dot", 9, 2, ["IX.", "X."]),
        ("dash", 1, 2, ["–", "–"]),
        ("bullet", 5, 2, ["•", "•"]),
    ],
)
def test_list_labels_honour_style_and_start(style: ListStyle, start: int, count: int, labels: list[str]) -> None:
    block = ListBlock(style, [ListItem("", [para("x")]) for _ in range(count)], start=start)
    number_part(Part("annex", [block]))
    assert [item.label for item in block.items] == labels


def test_nested_lists_are_labelled_independently() -> None:
    inner = ListBlock("alpha-paren", [ListItem("", [para("a")]), ListItem("", [para("b")])])
    outer = ListBlock("decimal-paren", [ListItem("", [para("1"), inner]), ListItem("", [para("2")])])
    number_part(Part("annex", [Div("toc", [outer])]))
    assert [i.label for i in outer.items] == ["1)", "2)"]
    assert [i.label for i in inner.items] == ["a)", "b)"]


# (markdown body of a resolution, expected (num, address) of every unit in reading order)
UNIT_TABLE = [
    pytest.param("§ A\n\n§ B\n\n§ C", [("1", "par_1"), ("2", "par_2"), ("3", "par_3")], id="paragrafy"),
    pytest.param(
        "§\n1. a\n2. b\n\n§\n1. c",
        [("1", "par_1"), ("1", "par_1__ust_1"), ("2", "par_1__ust_2"), ("2", "par_2"), ("1", "par_2__ust_1")],
        id="ustepy restart per paragraf",
    ),
    pytest.param(
        "§\n1. x:\n   1) a\n   2) b\n2. y:\n   1) c",
        [("1", "par_1"), ("1", "par_1__ust_1"), ("1", "par_1__ust_1__pkt_1"), ("2", "par_1__ust_1__pkt_2"),
         ("2", "par_1__ust_2"), ("1", "par_1__ust_2__pkt_1")],
        id="punkty restart per ustep",
    ),
    pytest.param(
        "§ x:\n1) p:\n   a) l:\n      – t\n      – t\n   b) l\n2) p:\n   – t",
        [("1", "par_1"), ("1", "par_1__pkt_1"), ("a", "par_1__pkt_1__lit_a"), ("", "par_1__pkt_1__lit_a__tir_1"),
         ("", "par_1__pkt_1__lit_a__tir_2"), ("b", "par_1__pkt_1__lit_b"), ("2", "par_1__pkt_2"),
         ("", "par_1__pkt_2__tir_1")],
        id="litery and tirets",
    ),
    pytest.param(
        "::: title\nT\n:::\n§ A\n::: signature\nS\n:::\n§ B",
        [("1", "par_1"), ("2", "par_2")],
        id="paragrafy count across divs",
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), UNIT_TABLE)
def test_unit_numbers_and_addresses(markdown: str, expected: list[tuple[str, str]]) -> None:
    part = number_part(Part("resolution", to_blocks(markdown, legal=True)))
    assert [(u.num, u.address) for u in units(part)] == expected


def test_letters_beyond_z() -> None:
    litery = [unit("litera") for _ in range(28)]
    number_part(Part("resolution", [unit("paragraf", para("x"), unit("punkt", para("y"), *litery))]))
    assert [u.num for u in litery][-3:] == ["z", "za", "zb"]
    assert litery[-1].address == "par_1__pkt_1__lit_zb"


def test_units_outside_a_paragraf_count_per_part_and_inside_divs() -> None:
    """Hand-built IR may hold units in divs or lists; their addresses must still be unique."""
    first, second, third = unit("punkt"), unit("punkt"), unit("punkt")
    part = Part("annex", [Div("center", [first]), ListBlock("bullet", [ListItem("", [second])]), third])
    number_part(part)
    assert [(u.num, u.address) for u in (first, second, third)] == [("1", "pkt_1"), ("2", "pkt_2"), ("3", "pkt_3")]


def test_paragraf_nested_in_a_div_keeps_the_global_count() -> None:
    part = Part("resolution", [unit("paragraf"), Div("center", [unit("paragraf")]), unit("paragraf")])
    assert [u.address for u in units(number_part(part))] == ["par_1", "par_2", "par_3"]


def test_addresses_are_unique_in_a_large_part() -> None:
    body = "§ x:\n1) p:\n   a) l:\n      – t\n      – t\n   b) l\n2) p\n\n" * 300
    part = number_part(Part("resolution", to_blocks(body, legal=True)))
    addresses = [u.address for u in units(part)]
    assert len(addresses) == len(set(addresses)) == 300 * 7


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("roman-dot", [("I", "roman-dot"), ("II", "roman-dot"), ("III", "roman-dot")]),
        ("decimal-dot", [("1", "decimal-dot"), ("2", "decimal-dot"), ("3", "decimal-dot")]),
        (None, [(None, None), (None, None), (None, None)]),
    ],
)
def test_level_one_headings(style: HeadingStyle, expected: list[tuple[str | None, str | None]]) -> None:
    blocks = to_blocks("# Wstęp\n## Cele\n# Diagnoza\n::: toc\n# Spis\n:::\n# Finansowanie")
    part = number_part(Part("annex", blocks, heading_numbering=style))
    top = [b for b in part.blocks if isinstance(b, Heading) and b.level == 1]
    assert [(h.num, h.num_style) for h in top] == expected
    nested = [n for n in walk(part) if isinstance(n, Heading) and n not in top]
    assert all(h.num is None for h in nested)  # level 2 and headings inside the toc div stay unnumbered


def test_heading_label() -> None:
    part = number_part(Part("annex", to_blocks("# Wstęp"), heading_numbering="roman-dot"))
    heading = part.blocks[0]
    assert isinstance(heading, Heading) and heading.label == "I."


def test_number_part_returns_the_same_part() -> None:
    part = Part("resolution", to_blocks("§ A", legal=True))
    assert number_part(part) is part


def test_numbering_is_idempotent() -> None:
    body = "§ x:\n1) p:\n   a) l:\n      – t\n   b) l\n\n§\n1. u\n2. v\n"
    blocks = to_blocks(body, legal=True) + to_blocks("1) a\n2) b\n\n# H")
    part = Part("resolution", blocks, heading_numbering="roman-dot")
    once = dump_blocks(number_part(part).blocks)
    assert dump_blocks(number_part(part).blocks) == once


def test_renumbering_after_an_edit_follows_the_new_order() -> None:
    part = number_part(Part("resolution", to_blocks("§ A\n\n§ B", legal=True)))
    part.blocks.insert(0, unit("paragraf"))
    number_part(part)
    assert [u.address for u in units(part)] == ["par_1", "par_2", "par_3"]


def test_sample_document_numbers_match_its_hand_written_addresses() -> None:
    doc = sample_document()
    expected = copy.deepcopy(doc)
    for part in doc.parts:
        number_part(part)
    numbered = {u.address: u.num for part in doc.parts for u in units(part)}
    for u in (u for part in expected.parts for u in units(part) if u.address):
        assert numbered[u.address] == u.num
    assert numbered["par_2__ust_1__pkt_2__lit_b__tir_2"] == ""
    again = copy.deepcopy(doc)
    for part in again.parts:
        number_part(part)
    assert dump_document(again) == dump_document(doc)
