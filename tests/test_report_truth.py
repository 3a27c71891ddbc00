"""Truth first in reports: what the data do not give is never printed as zero or as "nothing happened".

A chapter without data is left out; a table cell without a value prints "b.d." and the note under the table says
what the sums leave out; zero is printed only when the data say 0; a generated heading is never stacked above
the clerk's own; the title page carries no page number and the pages count from the first content page; every
field of a report file is in ``paldocs schema --report`` with a Polish description and an example.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner
from conftest import REPO
from docx.oxml.ns import qn

from ir_samples import para, sample_report

from paldocs import document as ir
from paldocs.api import build
from paldocs.cli import main
from paldocs.report.compose import opens_with_own_heading
from paldocs.writers.title_page import opens_with_title_page

PROGRAM = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"

BASE = f"""\
document: report
program: {PROGRAM}
years: 2015
narrative:
  summary: Program realizowano zgodnie z harmonogramem.
"""

# Headings and sentences that would state something the data do not say.
FIGURE_CHAPTERS = ("Realizacja wskaźników", "Zrealizowane działania", "Uczestnicy", "Finansowanie", "Wykres",
                   "Sporządził(a)")
ZERO_CELLS = {"0", "0,00 zł", "0%", "0,0%"}
ZERO_AMOUNT = re.compile(r"(?<![\d ])0,00 zł")


def built_text(tmp_path: Path, text: str) -> str:
    path = tmp_path / "sprawozdanie.yaml"
    path.write_text(text, encoding="utf-8")
    output = build(path, ("txt",), tmp_path / "out").outputs[0]
    return output.read_text(encoding="utf-8").replace("\u00a0", " ")


def table_cells(text: str) -> list[str]:
    """Every cell of every table in a text output (rows are lines with "|")."""
    return [cell.strip() for line in text.splitlines() if "|" in line for cell in line.split("|")]


def activity(name: str, extra: str = "") -> str:
    return (f"  - name: {name}\n    direction: kierunek-8\n    year: 2015\n    implementer: MOPS\n"
            + "".join(f"    {line}\n" for line in extra.splitlines()))


@pytest.mark.parametrize(("case", "data"), [
    ("narrative only", ""),
    ("activities without numbers", "activities:\n" + activity("Klub Seniora") + activity("Festyn")),
])
def test_a_report_without_figures_prints_none_of_their_chapters_and_no_zero(tmp_path: Path, case: str,
                                                                            data: str) -> None:
    text = built_text(tmp_path, BASE + data)
    chapters = FIGURE_CHAPTERS if not data else tuple(c for c in FIGURE_CHAPTERS if c != "Zrealizowane działania")
    for heading in chapters:
        assert not re.search(rf"(?m)^(?:\d+\. )?{re.escape(heading)}", text), (case, heading)
    assert not ZERO_AMOUNT.search(text) and "nie zrealizowano" not in text
    assert not ZERO_CELLS & set(table_cells(text)), case


def test_on_request_an_empty_chapter_says_brak_danych_and_still_no_zero(tmp_path: Path) -> None:
    text = built_text(tmp_path, BASE + "empty_chapters: brak danych\n")
    for heading in ("Realizacja wskaźników", "Zrealizowane działania", "Uczestnicy", "Finansowanie"):
        assert re.search(rf"(?m)^(?:\d+\. )?{re.escape(heading)}\n+Brak danych\.$", text), heading
    assert not ZERO_AMOUNT.search(text) and not ZERO_CELLS & set(table_cells(text))


def test_activities_without_numbers_print_bd_with_a_note(tmp_path: Path) -> None:
    text = built_text(tmp_path, BASE + "activities:\n" + activity("Klub Seniora") + activity("Festyn"))
    rows = [line for line in text.splitlines() if "Klub Seniora" in line and "|" in line]
    assert rows and rows[0].split("|")[-2].strip() == "b.d."  # participants: not reported
    assert "liczby wydarzeń nie podano dla 2 z 2 działań" in text
    assert "liczby uczestników nie podano dla 2 z 2 działań" in text
    # each activity is a paragraph of its own, also without a description
    assert [line.split(".")[0] for line in text.splitlines() if line.startswith(("1. Klub", "2. Festyn"))] == [
        "1", "2"]


def test_an_activity_without_costs_prints_bd_and_is_left_out_of_the_sums(tmp_path: Path) -> None:
    data = ("funding_sources: {gmina: środki własne gminy}\nactivities:\n"
            + activity("Klub", "events: 10\nparticipants: {total: 12}\ncosts: [{source: gmina, planned: 100, spent: 90}]")
            + activity("Spotkania", "events: 4\nparticipants: {total: 30}"))
    text = built_text(tmp_path, BASE + data)
    row = next(line for line in text.splitlines() if "Spotkania" in line and "|" in line)
    assert row.rstrip(" |").endswith("b.d.")
    assert not ZERO_AMOUNT.search(text)
    assert "wydatków nie podano dla 1 z 2 działań" in text
    assert "Wydatków nie podano dla 1 z 2 działań — nie są one wliczone do sum" in text
    total = next(line for line in text.splitlines() if "Razem" in line)
    assert "100,00 zł" in total and "90,00 zł" in total and "90%" in total  # only the given costs


def test_zero_is_printed_when_the_data_say_zero(tmp_path: Path) -> None:
    data = ("funding_sources: {gmina: środki własne gminy}\nactivities:\n"
            + activity("Spotkania", "events: 0\nparticipants: {total: 0}\ncosts: [{source: gmina, planned: 0, spent: 0}]"))
    text = built_text(tmp_path, BASE + data)
    row = [cell.strip() for cell in next(line for line in text.splitlines()
                                         if "Spotkania" in line and "|" in line).split("|")]
    assert row[-3:] == ["0", "0", "0,00 zł"]  # events, participants, costs
    assert "b.d." not in text and "nie podano" not in text


def test_participants_given_for_some_activities_say_how_many_they_cover(tmp_path: Path) -> None:
    data = "activities:\n" + activity("Klub", "participants: {total: 12}") + activity("Festyn")
    text = built_text(tmp_path, BASE + data)
    assert ("Liczba uczestników ogółem: 12 (w 1 z 2 działań; dla pozostałych liczby uczestników nie podano)."
            in text)


def test_an_indicator_without_an_actual_value_prints_bd_not_zero(tmp_path: Path) -> None:
    data = ("indicators:\n  - id: wolontariusze\n    name: Liczba wolontariuszy\n    unit: osoby\n"
            "    measures: [kierunek-4]\n    targets: {2015: 20}\n")
    text = built_text(tmp_path, BASE + data)
    row = [cell.strip() for cell in next(line for line in text.splitlines()
                                         if "Liczba wolontariuszy" in line).split("|")]
    assert row[3:8] == ["b.d.", "20", "b.d.", "b.d.", "brak danych"]  # baseline, target, actual, %, status
    assert "b.d. — brak danych: wartości nie podano w danych sprawozdania" in text


@pytest.mark.parametrize(("text", "own"), [
    ("# WPROWADZENIE\n\nTekst.", True),
    ("## 1. Wstęp\nTekst.", True),
    ("WPROWADZENIE\n\nProgram realizowano.", True),
    ("1. PODSUMOWANIE\n\nProgram realizowano.", True),
    ("**Wprowadzenie**\n\nProgram realizowano.", True),
    ("Program realizowano zgodnie z harmonogramem.", False),
    ("MOPS zrealizował program.", False),  # a sentence starting with an acronym
    ("PROGRAM REALIZOWANO ZGODNIE Z PLANEM.", False),  # a sentence in capitals ends with a full stop
    ("WPROWADZENIE\nciąg dalszy akapitu", False),  # one paragraph of two lines is text
    ("**Ważne:** program realizowano.", False),
    ("", False),
])
def test_what_counts_as_the_clerks_own_heading(text: str, own: bool) -> None:
    assert opens_with_own_heading(text) is own


def test_a_generated_heading_is_never_stacked_above_the_clerks_own(tmp_path: Path) -> None:
    data = BASE.replace("  summary: Program realizowano zgodnie z harmonogramem.\n",
                        "  summary: |-\n    WPROWADZENIE\n\n    Program realizowano zgodnie z harmonogramem.\n"
                        "  conclusions: |-\n    # WNIOSKI\n\n    Kontynuować program.\n")
    lines = built_text(tmp_path, data).splitlines()
    assert not any(line.endswith(("Podsumowanie", "Wnioski i rekomendacje")) for line in lines)
    text = [line for line in lines if line.strip()]
    start = text.index("WPROWADZENIE")
    assert text[start + 1] == "Program realizowano zgodnie z harmonogramem."
    assert any(line.endswith("WNIOSKI") for line in lines)


def test_prepared_by_is_optional(tmp_path: Path) -> None:
    assert "Sporządził" not in built_text(tmp_path, BASE)


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    long_text = "\n\n".join(f"Akapit {n}. " + "Program realizowano zgodnie z harmonogramem. " * 30 for n in range(12))
    data = BASE.replace("  summary: Program realizowano zgodnie z harmonogramem.\n",
                        "  summary: |-\n" + "".join(f"    {line}\n" for line in long_text.splitlines()))
    path = folder / "sprawozdanie.yaml"
    path.write_text(data, encoding="utf-8")
    return {output.suffix[1:]: output for output in build(path, ("docx", "pdf"), folder / "out").outputs}


def test_docx_title_page_has_no_page_number_and_content_pages_count_from_1(numbered: dict[str, Path]) -> None:
    document = docx.Document(io.BytesIO(numbered["docx"].read_bytes()))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "0"  # the title page is page 0
    first_fields = section.first_page_footer._element.xpath(".//w:instrText | .//w:fldSimple")
    assert first_fields == []
    assert "PAGE" in "".join(section.footer._element.xpath(".//w:instrText/text() | .//w:fldSimple/@w:instr"))


TITLE = ir.Div("report-title", [para("SPRAWOZDANIE")])


@pytest.mark.parametrize(("case", "blocks", "page_numbers", "expected"), [
    ("title, place, page break", [TITLE, ir.Div("center", [para("Kętrzyn, marzec 2016")]), ir.PageBreak(),
                                  para("Tekst.")], True, True),
    ("title, page break", [TITLE, ir.PageBreak(), para("Tekst.")], True, True),
    ("title and text on one page", [TITLE, para("Tekst."), ir.PageBreak()], True, False),
    ("no page break at all", [TITLE, para("Tekst.")], True, False),
    ("no title block", [para("Tekst."), ir.PageBreak()], True, False),
    ("no page numbers", [TITLE, ir.PageBreak(), para("Tekst.")], False, False),
])
def test_which_parts_open_with_a_title_page(case: str, blocks: list[ir.Block], page_numbers: bool,
                                            expected: bool) -> None:
    assert opens_with_title_page(ir.Part(kind="report", blocks=blocks, page_numbers=page_numbers)) is expected, case


def test_a_report_without_a_title_page_keeps_page_1_on_its_first_page() -> None:
    assert not opens_with_title_page(sample_report().parts[0])


@pytest.mark.slow
def test_pdf_title_page_has_no_page_number_and_content_pages_count_from_1(numbered: dict[str, Path]) -> None:
    pages = [page.extract_text() for page in pypdf.PdfReader(numbered["pdf"]).pages]
    assert len(pages) >= 3
    assert "SPRAWOZDANIE" in pages[0] and not re.search(r"(?m)^\s*\d+\s*$", pages[0])
    for number, page in enumerate(pages[1:], start=1):
        assert page.rstrip().splitlines()[-1].strip() == str(number)


def test_every_report_field_is_in_the_schema_with_a_polish_description_and_an_example() -> None:
    result = CliRunner().invoke(main, ["schema", "--report"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["properties"]["document"]["examples"] == ["report"]
    assert "prepared_by" not in schema.get("required", [])
    fields = [("", name, spec) for name, spec in schema["properties"].items()]
    for model, definition in schema["$defs"].items():
        fields += [(model, name, spec) for name, spec in definition.get("properties", {}).items()]
    assert len(fields) > 60
    undescribed = [f"{model}.{name}" for model, name, spec in fields if not spec.get("description", "").strip()]
    english = [f"{model}.{name}" for model, name, spec in fields
               if re.search(r"\b(?:the|of|and|is|for|with|when)\b", spec.get("description", ""))]
    without_example = [f"{model}.{name}" for model, name, spec in fields if not spec.get("examples")]
    assert (undescribed, english, without_example) == ([], [], [])


def test_a_period_sum_with_a_missing_year_says_which_year_it_leaves_out(tmp_path: Path) -> None:
    data = ("years: 2016\n" + "indicators:\n  - id: inicjatywy\n    name: Liczba inicjatyw lokalnych\n"
            "    unit: inicjatywy\n    measures: [kierunek-1]\n    targets: {2016: 6}\n    period_target: 40\n"
            "    actual: {2014: 3, 2016: 7}\n")
    text = built_text(tmp_path, BASE.replace("years: 2015\n", "") + data)
    assert "Liczba inicjatyw lokalnych — brak danych za 2015 r.\n" in text
    row = [cell.strip() for cell in next(line for line in text.splitlines()
                                         if "Liczba inicjatyw" in line and "40" in line).split("|")]
    assert row[4] == "10"  # 3 + 7: the year without data adds nothing, and is named under the table
