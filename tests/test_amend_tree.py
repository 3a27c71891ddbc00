"""The unit tree of an act's data: addresses an amending resolution cites, and wording read back as data."""

from __future__ import annotations

from pathlib import Path

import pytest

from amend_strategies import make_data, program_dict
from paldocs.amendments.address import parse_address
from paldocs.amendments.markdown_units import split_provision
from paldocs.amendments.tree import act_tree, find, wording

PROVISION = ("1. Program realizuje Ośrodek.\n"
             "2. Do zadań Ośrodka należy:\n"
             "   1) diagnoza;\n"
             "   2) wsparcie:\n"
             "      a) seniorów,\n"
             "      b) rodzin:\n"
             "         – z dziećmi,\n"
             "         – zastępczych;\n"
             "   3) sprawozdanie.\n")


@pytest.fixture(scope="module")
def tree():  # type: ignore[no-untyped-def]
    return act_tree(make_data(provisions=[PROVISION, "Zwykły paragraf bez ustępów."]))


# § 54–57 ZTP: paragraf → ustęp "1." → punkt "1)" → litera "a)" → tiret "–"; § 1 is the kind's adoption
# clause, the provisions follow, the closing clauses end the act (numbered as a build prints them).
@pytest.mark.parametrize(("address", "kind", "text"), [
    ("§ 1", "paragraf", "Przyjmuje się"),
    ("§ 2", "paragraf", ""),
    ("§ 2 ust. 1", "ustep", "Program realizuje Ośrodek."),
    ("§ 2 ust. 2", "ustep", "Do zadań Ośrodka należy:"),
    ("§ 2 ust. 2 pkt 2", "punkt", "wsparcie:"),
    ("§ 2 ust. 2 pkt 2 lit. b", "litera", "rodzin:"),
    ("§ 2 ust. 2 pkt 2 lit. b tiret drugie", "tiret", "zastępczych;"),
    ("§ 3", "paragraf", "Zwykły paragraf bez ustępów."),
    ("§ 4", "paragraf", "Wykonanie uchwały powierza się"),
    ("§ 5", "paragraf", "Uchwała wchodzi w"),
    ("załącznik rozdział II", "rozdzial", "## Cele\n\nCele programu:"),
    ("załącznik rozdział II pkt 2", "punkt", "Integracja społeczna:"),
    ("załącznik rozdział II pkt 2 lit. b", "litera", "młodzieży."),
    ("załącznik rozdział II podrozdział 1", "podrozdzial", "### Działania"),
    ("załącznik rozdział II podrozdział 1 pkt 2", "punkt", "Spotkania."),
    ("załącznik rozdział III tabela wiersz 2", "wiersz", "| 2022 | 2000 zł |"),
])
def test_units_are_found_by_their_citation(tree, address: str, kind: str, text: str) -> None:  # type: ignore[no-untyped-def]
    node = find(tree, parse_address(address))
    assert node is not None, address
    assert node.kind == kind
    assert node.text.startswith(text)
    assert str(node.address) == address


@pytest.mark.parametrize("address", ["§ 6", "§ 2 ust. 3", "załącznik rozdział IV", "załącznik rozdział II pkt 3",
                                     "załącznik nr 2", "§ 3 pkt 1"])
def test_missing_units_are_none(tree, address: str) -> None:  # type: ignore[no-untyped-def]
    assert find(tree, parse_address(address)) is None


def test_fields_name_the_data_they_came_from(tree) -> None:  # type: ignore[no-untyped-def]
    assert find(tree, parse_address("§ 2 ust. 2 pkt 1")).field == "resolution.provisions[0]"
    assert find(tree, parse_address("§ 1")).field == "resolution.adoption"
    assert find(tree, parse_address("§ 4")).field == "resolution.closing"
    assert find(tree, parse_address("załącznik rozdział II pkt 2 lit. a")).field == "program.sections[1].items[1].items[0]"


def test_a_provision_wording_reads_back_into_the_same_units(tree) -> None:  # type: ignore[no-untyped-def]
    paragraf = find(tree, parse_address("§ 2"))
    text = wording(paragraf)
    assert text == PROVISION.rstrip("\n")
    again = split_provision(text)
    assert again is not None and [c.text for c in again.children] == [c.text for c in paragraf.children]


def test_a_section_wording_holds_its_items_closing_and_subsections(tree) -> None:  # type: ignore[no-untyped-def]
    chapter = find(tree, parse_address("załącznik rozdział II"))
    assert wording(chapter) == ("## Cele\n\nCele programu:\n\n1. Aktywizacja mieszkańców.\n2. Integracja społeczna:\n"
                                "   a) seniorów,\n   b) młodzieży.\n\n### Działania\n\n1. Warsztaty.\n2. Spotkania.")


def test_table_rows_are_not_printed_twice(tree) -> None:  # type: ignore[no-untyped-def]
    chapter = find(tree, parse_address("załącznik rozdział III"))
    assert wording(chapter).count("2022") == 1


@pytest.mark.parametrize(("numbering", "cited"), [("roman", "II"), ("chapter", "2"), ("none", "2"),
                                                   ("chapter-roman", "II"), ("decimal", "2")])
def test_chapters_are_cited_by_their_printed_number(numbering: str, cited: str) -> None:
    tree = act_tree(make_data(program_dict(numbering=numbering)))
    assert find(tree, parse_address(f"załącznik rozdział {cited}")) is not None


def test_a_second_annex_numbers_them_all() -> None:
    data = make_data().model_copy(deep=True)
    from paldocs.model.annex import Annex

    data = data.model_copy(update={"annexes": [Annex(title="Wykaz", content="1. Remont świetlicy.")]})
    tree = act_tree(data)
    assert find(tree, parse_address("załącznik nr 1 rozdział II")) is not None
    assert find(tree, parse_address("załącznik nr 2")).text == "1. Remont świetlicy."


def test_typed_suffix_numbers_are_kept() -> None:
    # § 86 ZTP (practice: Dz. U. z 2017 r. poz. 976 art. 1 pkt 3): an added unit takes the number it follows
    # with a letter, and the units after it keep theirs.
    raw = split_provision("1. Pierwszy.\n2. Drugi.\n3. (uchylony)\n4. Czwarty.")
    assert raw is not None
    assert [c.num for c in raw.children] == ["1", "2", "3", "4"]
    assert raw.children[2].repealed


REAL = Path(__file__).resolve().parent.parent


def _units(node):  # type: ignore[no-untyped-def]
    for child in node.children:
        yield child
        yield from _units(child)


@pytest.mark.parametrize("example", ["resolutions/ketrzyn-2014-pal.yaml", "resolutions/inowroclaw-2009-pal.yaml",
                                     "tests/data/body/gmina-x.yaml"])
def test_every_unit_of_a_real_act_reads_back_from_its_wording(example: str) -> None:
    """A unit "otrzymuje brzmienie" of its own wording: the act does not change (the wording is exact data)."""
    from paldocs.amendments.apply import apply_change
    from paldocs.api import load
    from paldocs.model.amendment import Change

    data = load(REAL / example)
    tree = act_tree(data)
    whole = wording(tree)
    checked = 0
    for node in _units(tree):
        if node.kind == "zalacznik" or node.field == "resolution.closing" or node.repealed or not wording(node):
            continue
        again = apply_change(data, Change(op="wording", unit=str(node.address), text=wording(node)))
        assert wording(act_tree(again)) == whole, str(node.address)
        checked += 1
    assert checked > 5
