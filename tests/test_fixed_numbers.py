"""Numbers that never move: units added by an amending act keep letter numbers ("§ 2a", "pkt 1a", "lit. ba",
"Rozdział 1a") and repealed ones keep their place as "(uchylony)", in the data, the Markdown dialect, numbering,
the printed text and the checks.

Sources (docs/amendments.md, "Numbers that never move"): the letter suffix of an added unit — practice of Polish
amending acts ("po art. 8c dodaje się art. 8ca", Dz. U. z 2017 r. poz. 976, art. 1 pkt 3) and the EU Joint
Practical Guide pkt C.9.3.2 ("1a", "1b", "1aa"); § 86 ZTP itself could not be read in the stored copies (said so
in the docs); § 106 pkt 1–2 ZTP (lexlege.pl): a consolidated text keeps the original numbering with the added
numbers and writes "uchylony" in the place of a repealed unit; § 57 ust. 4–5 ZTP (arslege.pl): litery a … z, za,
zb … (so "za" is a plain letter and "ba" is "b" with a suffix).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import TESTS

from paldocs.api import render, to_document
from paldocs.checks import check_file
from paldocs.cli import main
from paldocs.compose_numbers import list_markers
from paldocs.document import Heading, ListBlock, Paragraph, Part, Unit, inline_text
from paldocs.errors import MarkupError
from paldocs.markup import to_blocks
from paldocs.markup.typed_numbers import Slip, typed_number_slips
from paldocs.model.program import Item, Program
from paldocs.model.resolution import ProvisionText, Resolution
from paldocs.numbering import number_part
from paldocs.unit_numbers import follows, split_number

AMENDED = TESTS / "data" / "fixed-numbers" / "amended.yaml"


# --- the shape of a number (§ 57 ust. 4–5 ZTP letters; suffix: Dz. U. z 2017 r. poz. 976 practice) -------------

@pytest.mark.parametrize("num, counter, parts", [
    ("4", "decimal", ("4", "")),
    ("4a", "decimal", ("4", "a")),
    ("4aa", "decimal", ("4", "aa")),
    ("8ca", "decimal", None),  # "8c" is no decimal number of its own: "8ca" is 8 + "ca", see below
    ("b", "letter", ("b", "")),
    ("ba", "letter", ("b", "a")),
    ("za", "letter", ("za", "")),  # § 57 ust. 5 ZTP: the 27th letter, not "z" + "a"
    ("zza", "letter", ("zza", "")),
    ("zab", "letter", ("za", "b")),
    ("IV", "roman", ("IV", "")),
    ("IIa", "roman", ("II", "a")),
    ("IIII", "roman", None),
    ("04", "decimal", None),
    ("4A", "decimal", None),
    ("", "letter", None),
])
def test_split_number(num: str, counter: Any, parts: tuple[str, str] | None) -> None:
    if num == "8ca":  # the Dz. U. z 2017 r. poz. 976 form: added after "8c", itself added after "8"
        assert split_number(num, counter) == ("8", "ca")
        return
    assert split_number(num, counter) == parts


@pytest.mark.parametrize("num, previous, counter, ok", [
    ("1", 0, "decimal", True),
    ("3", 2, "decimal", True),
    ("2a", 2, "decimal", True),  # added after 2 (§ 86 ZTP practice)
    ("2b", 2, "decimal", True),  # the previous plain number is still 2 after "2a"
    ("3a", 2, "decimal", False),  # there is no 3 before it
    ("5", 2, "decimal", False),  # a gap: numbers go on one by one
    ("1a", 0, "decimal", False),
    ("ba", 2, "letter", True),
    ("ba", 1, "letter", False),
    ("c", 2, "letter", True),
    ("IIa", 2, "roman", True),
    ("x1", 2, "decimal", False),
])
def test_follows(num: str, previous: int, counter: Any, ok: bool) -> None:
    assert (follows(num, previous, counter) is None) == ok


# --- data -----------------------------------------------------------------------------------------------------

def test_a_provision_keeps_its_number_or_is_repealed_and_reads_as_text() -> None:
    resolution = Resolution.model_validate({"provisions": [
        "Zwykły.", {"num": "4a", "text": "1. A.\n2. B."}, {"num": "5", "repealed": True}]})
    plain, added, repealed = resolution.provisions
    assert type(plain) is not ProvisionText and plain == "Zwykły."
    assert isinstance(added, ProvisionText) and (added.num, added.repealed, str(added)) == ("4a", False, "1. A.\n2. B.")
    # § 106 pkt 2 ZTP: "uchylony" stands in the place of the repealed unit
    assert isinstance(repealed, ProvisionText) and (repealed.num, repealed.repealed, str(repealed)) == (
        "5", True, "(uchylony)")
    # written back as it was given (what a consolidated data file holds)
    assert resolution.model_dump()["provisions"] == [
        "Zwykły.", {"num": "4a", "text": "1. A.\n2. B."}, {"num": "5", "repealed": True}]
    assert Resolution.model_validate(resolution.model_dump()).provisions == resolution.provisions


@pytest.mark.parametrize("entry, message", [
    ({"num": "4a"}, "podaj treść paragrafu („text”) albo oznacz go jako uchylony"),
    ({"num": "5", "repealed": True, "text": "x"}, "paragraf uchylony („repealed: true”) nie ma treści"),
    ({"num": "§ 4a", "text": "x"}, "„§ 4a” nie jest numerem paragrafu"),
    ({"num": "04", "text": "x"}, "„04” nie jest numerem paragrafu"),
    ({"num": "4a", "text": "§ Tekst."}, "znak § drukuje paldocs"),
    ({"num": "4a", "text": "x", "tekst": "y"}, "nieznane pole „tekst”"),
])
def test_a_bad_numbered_provision_is_one_located_message(tmp_path: Path, entry: dict[str, Any], message: str) -> None:
    data = yaml.safe_load(AMENDED.read_text(encoding="utf-8"))
    data["resolution"]["provisions"] = ["Zwykły.", entry]
    path = tmp_path / "dane.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert f"{path}:" in result.output and "resolution.provisions[1]" in result.output
    assert "Traceback" not in result.output


def _program(**section: Any) -> dict[str, Any]:
    return {"title": "P", "period": {"from": 2024, "to": 2025}, "section_numbering": "chapter",
            "sections": [{"heading": "A", **section}]}


def test_items_and_sections_keep_numbers_and_repealed_ones_say_so() -> None:
    first = _program(items=[{"text": "x"}, {"num": "1a", "text": "y"}, {"repealed": True},
                            {"text": "z", "items": [{"text": "p"}, {"num": "aa", "text": "q"}]}])
    program = Program.model_validate({**first, "sections": [
        *first["sections"], {"num": "1a", "heading": "B"}, {"repealed": True}]})
    items = program.sections[0].items
    assert [(item.num, item.repealed, str(item.text)) for item in items] == [
        (None, False, "x"), ("1a", False, "y"), (None, True, "(uchylony)"), (None, False, "z")]
    assert [(s.num, s.repealed) for s in program.sections] == [(None, False), ("1a", False), (None, True)]
    # written back and read again: the same programme (a consolidated data file round-trips)
    assert Program.model_validate(program.model_dump(by_alias=True)) == program


@pytest.mark.parametrize("program, message", [
    (_program(items=[{"text": "x"}, {"num": "3", "text": "y"}]), "punkt 2: numer „3” nie następuje po poprzednim"),
    (_program(items=[{"text": "x"}, {"num": "2a", "text": "y"}]), "punkt 2: jednostka „2a” może stać tylko"),
    (_program(items_style="dash", items=[{"num": "1", "text": "y"}]), "lista w stylu „dash” nie ma numerów"),
    (_program(items=[{"repealed": True, "text": "y"}]), "punkt uchylony („repealed: true”) nie ma treści"),
    (_program(items=[{"text": "x", "items": [{"text": "a"}, {"num": "ca", "text": "b"}]}]),
     "podpunkt 2: jednostka „ca” może stać tylko"),
    ({**_program(), "section_numbering": "none", "sections": [{"num": "1", "heading": "A"}]},
     "numer („num”) ma tylko rozdział 1. poziomu programu z numeracją rozdziałów"),
    ({**_program(), "sections": [{"heading": "A"}, {"num": "3", "heading": "B"}]},
     "rozdział 2: numer „3” nie następuje po poprzednim"),
    ({**_program(), "section_numbering": "roman", "sections": [{"heading": "A"}, {"num": "1a", "heading": "B"}]},
     "„1a” nie jest numerem jednostki (oczekiwano: liczba rzymska"),
    ({**_program(), "sections": [{"repealed": True, "heading": "A"}]}, "rozdział uchylony („repealed: true”) nie ma"),
    ({**_program(), "section_numbering": "none", "sections": [{"repealed": True}]},
     "rozdział uchylony zachowuje swój numer"),
])
def test_numbers_given_in_a_programme_stay_in_order(program: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Program.model_validate(program)


def test_list_markers_written_by_compose_continue_from_the_last_plain_number() -> None:
    items = [Item(text="a"), Item(num="1a", text="b"), Item(num="1b", text="c"), Item(text="d"), Item(num="2", text="e")]
    assert list_markers(items, "decimal-dot") == ["1.", "1a.", "1b.", "2.", "2."]
    letters = [Item(text="a"), Item(text="b"), Item(num="ba", text="c"), Item(text="d")]
    assert list_markers(letters, "alpha-paren") == ["a)", "b)", "ba)", "c)"]


# --- the Markdown dialect and numbering ------------------------------------------------------------------------

def _numbered(markdown: str, *, legal: bool = True, headings: Any = None) -> list[Any]:
    part = Part("resolution" if legal else "annex", to_blocks(markdown, legal=legal), heading_numbering=headings)
    return number_part(part).blocks


def _units(blocks: list[Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for block in blocks:
        if isinstance(block, Unit):
            out.append((block.label.replace("\u00a0", " "), block.address))
            out.extend(_units(block.children))
    return out


def test_legal_units_keep_suffixed_numbers_and_their_siblings_go_on() -> None:
    markdown = ("§\nPierwszy.\n\n§{1a}\n1. Ust.\n1a. Dodany:\n    1) p;\n    2) q:\n       a) x,\n       b) y,\n"
                "       ba) z;\n    2a) r;\n    3) (uchylony).\n2. Dwa.\n\n§\nDrugi.\n\n§{5}\n(uchylony)\n\n§\nSzósty.\n")
    assert _units(_numbered(markdown)) == [
        ("§ 1.", "par_1"),
        ("§ 1a.", "par_1a"),
        ("1.", "par_1a__ust_1"),
        ("1a.", "par_1a__ust_1a"),
        ("1)", "par_1a__ust_1a__pkt_1"),
        ("2)", "par_1a__ust_1a__pkt_2"),
        ("a)", "par_1a__ust_1a__pkt_2__lit_a"),
        ("b)", "par_1a__ust_1a__pkt_2__lit_b"),
        ("ba)", "par_1a__ust_1a__pkt_2__lit_ba"),
        ("2a)", "par_1a__ust_1a__pkt_2a"),
        ("3)", "par_1a__ust_1a__pkt_3"),
        ("2.", "par_1a__ust_2"),
        ("§ 2.", "par_2"),
        ("§ 5.", "par_5"),  # a plain number given in the data is kept …
        ("§ 6.", "par_6"),  # … and the count goes on from it
    ]


def test_numbering_stays_idempotent_with_kept_numbers() -> None:
    part = Part("resolution", to_blocks("§\nA.\n\n§{1a}\nB.\n\n§\nC.\n", legal=True))
    first = _units(number_part(part).blocks)
    assert _units(number_part(part).blocks) == first == [("§ 1.", "par_1"), ("§ 1a.", "par_1a"), ("§ 2.", "par_2")]


@pytest.mark.parametrize("markdown, text", [
    ("Wstęp\n2a. nie jest punktem.", "Wstęp 2a. nie jest punktem."),  # never interrupts a paragraph
    ("ok) to zwykły tekst.", "ok) to zwykły tekst."),  # never opens a list
    ("2a. też nie otwiera listy.", "2a. też nie otwiera listy."),
])
def test_a_suffixed_marker_only_continues_a_list(markdown: str, text: str) -> None:
    blocks = _numbered(markdown, legal=False)
    assert len(blocks) == 1 and isinstance(blocks[0], Paragraph)
    assert inline_text(blocks[0].children) == text


def test_annex_lists_keep_suffixed_labels() -> None:
    blocks = _numbered("Tekst:\n\n1. a;\n2. b;\n2a. c;\n3. d:\n   a) x,\n   aa) y,\n   b) z.", legal=False)
    outer = next(block for block in blocks if isinstance(block, ListBlock))
    assert [item.label for item in outer.items] == ["1.", "2.", "2a.", "3."]
    inner = next(block for block in outer.items[3].children if isinstance(block, ListBlock))
    assert [item.label for item in inner.items] == ["a)", "aa)", "b)"]


def test_chapter_headings_keep_a_number_written_before_the_title() -> None:
    blocks = _numbered("# Wstęp\n\n# {1a} Dodany\n\n# Dalej\n", legal=False, headings="chapter-decimal")
    headings = [(block.label, inline_text(block.children)) for block in blocks if isinstance(block, Heading)]
    assert headings == [("Rozdział 1.", "Wstęp"), ("Rozdział 1a.", "Dodany"), ("Rozdział 2.", "Dalej")]


@pytest.mark.parametrize("markdown, headings, message", [
    ("§{1}\nA.\n\n§{1}\nB.\n", None, "Numer § 1 występuje dwa razy"),
    ("§{x}\nA.\n", None, "Po „§{” oczekiwano numeru paragrafu i „}”"),
    ("# Wstęp\n\n# {1a} Dodany\n", "chapter-roman", "Numer „1a” nie pasuje do numeracji — tu numerem jest liczba rzymska"),
])
def test_kept_numbers_that_cannot_print_are_located_errors(markdown: str, headings: Any, message: str) -> None:
    with pytest.raises(MarkupError) as caught:
        _numbered(markdown, legal=headings is None, headings=headings)
    assert message in caught.value.message


# --- the printed text and the checks ---------------------------------------------------------------------------

def test_an_amended_programme_prints_its_kept_numbers(golden: Any) -> None:
    document, _ = to_document(AMENDED)
    text = render(document, "txt").decode("utf-8")
    golden("fixed-numbers.txt", text)
    assert "§ 2a. 1. Program finansuje się z budżetu gminy." in text.replace("\u00a0", " ")
    assert "§ 3. (uchylony)" in text.replace("\u00a0", " ")


def test_the_composed_markdown_writes_kept_numbers_in_the_dialect() -> None:
    from paldocs.compose import compose
    from paldocs.model.load import load_data_file

    markdown = compose(load_data_file(AMENDED)).dump()
    assert "§{2a}\n1. Program finansuje" in markdown and "§{3}\n(uchylony)" in markdown
    assert "# {1a} Działania dodane" in markdown and "# (uchylony)" in markdown
    assert "1a. aktywizacja społeczna seniorów;" in markdown and "aa) spotkania" in markdown


def test_a_heading_that_starts_with_a_brace_in_the_data_stays_text(tmp_path: Path) -> None:
    data = yaml.safe_load(AMENDED.read_text(encoding="utf-8"))
    data["program"]["sections"][0]["heading"] = "{2} Cele"
    path = tmp_path / "dane.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    text = render(to_document(path)[0], "txt").decode("utf-8")
    assert "Rozdział 1.\n{2} Cele" in text


def test_checks_accept_added_numbers_and_still_catch_slips() -> None:
    findings = [f for f in check_file(AMENDED, today=dt.date(2025, 1, 1)) if f.rule in ("PD021", "PD055")]
    assert findings == []
    # PD055 on a clerk's text: an added number is no slip when it follows its unit, a slip when it does not
    assert typed_number_slips("1. A.\n1a. B.\n2. C.") == []
    assert typed_number_slips("1. A.\n2a. B.\n2. C.") == [Slip(2, "ustep", "2a.", "1a.", "1.")]
    assert typed_number_slips("Wstęp:\n1) a;\n2) b:\n   a) x,\n   b) y,\n   ba) z;\n2a) c;\n3) d.") == []
