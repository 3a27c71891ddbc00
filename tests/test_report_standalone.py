"""Reports that print only what their data say: a standalone narrative report (no program file, the clerk's own
chapters) and a program report without indicators, activities, participants or costs.

The chapters' texts are excerpts of a real report (the Kluczbork cooperation report for 2015,
http://docplayer.pl/55800886-Sprawozdanie-z-realizacji-programu-wspolpracy-gminy-kluczbork-z-organizacjami-
pozarzadowymi-w-roku-2015.html); nothing here comes from Kętrzyn's report examples except the program file
a program report must name.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner
from conftest import REPO

from paldocs.api import build
from paldocs.cli import main
from paldocs.errors import DataError
from paldocs.report.load import load_report
from paldocs.report.model import MonitoringReport

PROGRAM = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
FALSE_STATEMENTS = ("nie zrealizowano", "0,00 zł", "Sprawozdanie nie zawiera wskaźników", "Liczba uczestników ogółem: 0",
                    "Finansowanie", "Realizacja wskaźników", "Zrealizowane działania", "Sporządził(a)")

NARRATIVE = """\
document: report
title: SPRAWOZDANIE Z REALIZACJI PROGRAMU WSPÓŁPRACY GMINY KLUCZBORK Z ORGANIZACJAMI POZARZĄDOWYMI W ROKU 2015
years: 2015
place: KLUCZBORK
month: 2016-05
chapters:
  - heading: WSTĘP
    content: |-
      Program współpracy z organizacjami pozarządowymi, określa obszary, zasady oraz formy współpracy Gminy
      Kluczbork z organizacjami pozarządowymi.

      1) liczba organizacji pozarządowych współpracujących z Gminą,
      2) liczba skonsultowanych z organizacjami pozarządowymi i innymi podmiotami Programu projektów aktów normatywnych,
  - heading: 1. PODSTAWOWE INFORMACJE O REALIZACJI PROGRAMU WSPÓŁPRACY W 2015 ROKU
    content: Sprawozdanie jest także publikowanie w BIP.
  - content: Organ wykonawczy jednostki samorządu terytorialnego nie później niż do dnia 31 maja każdego roku.
"""


def write(tmp_path: Path, text: str, name: str = "sprawozdanie.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text.replace("PROGRAM_FILE", str(PROGRAM)), encoding="utf-8")
    return path


def chapter_words() -> list[str]:
    body = NARRATIVE[NARRATIVE.index("chapters:"):]
    return [word for word in re.findall(r"\w+", body) if word not in {"chapters", "heading", "content"}]


@pytest.fixture(scope="module")
def narrative_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The narrative report built to text, DOCX and PDF — as text (NBSP as a space)."""
    folder = tmp_path_factory.mktemp("narrative")
    result = build(write(folder, NARRATIVE), ("txt", "docx", "pdf"), folder / "out")
    outputs = {path.suffix[1:]: path for path in result.outputs}
    document = docx.Document(io.BytesIO(outputs["docx"].read_bytes()))
    pdf = pypdf.PdfReader(outputs["pdf"])
    texts = {"txt": outputs["txt"].read_text(encoding="utf-8"),
             "docx": "\n".join(paragraph.text for paragraph in document.paragraphs),
             "pdf": "\n".join(page.extract_text() for page in pdf.pages)}
    return {kind: text.replace("\u00a0", " ") for kind, text in texts.items()}


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_a_narrative_report_prints_its_chapters_and_no_false_statement(narrative_outputs: dict[str, str],
                                                                      kind: str) -> None:
    text = narrative_outputs[kind]
    for statement in FALSE_STATEMENTS:
        assert statement not in text, statement
    printed = re.findall(r"\w+", text)
    missing = [word for word in chapter_words() if word not in printed]
    assert not missing


def test_chapters_print_in_data_order_with_the_headings_as_written(narrative_outputs: dict[str, str]) -> None:
    lines = narrative_outputs["txt"].splitlines()
    order = [lines.index(line) for line in (
        "SPRAWOZDANIE Z REALIZACJI PROGRAMU WSPÓŁPRACY GMINY KLUCZBORK Z ORGANIZACJAMI POZARZĄDOWYMI W ROKU 2015",
        "KLUCZBORK, maj 2016", "WSTĘP", "1) liczba organizacji pozarządowych współpracujących z Gminą,",
        "1. PODSTAWOWE INFORMACJE O REALIZACJI PROGRAMU WSPÓŁPRACY W 2015 ROKU",
        "Organ wykonawczy jednostki samorządu terytorialnego nie później niż do dnia 31 maja każdego roku.")]
    assert order == sorted(order)
    assert "1. WSTĘP" not in lines and "2. 1. PODSTAWOWE" not in narrative_outputs["txt"]  # never renumbered


def test_a_report_names_its_program_as_text_when_it_has_no_program_file(tmp_path: Path) -> None:
    text = NARRATIVE.replace("title: SPRAWOZDANIE Z REALIZACJI PROGRAMU WSPÓŁPRACY GMINY KLUCZBORK Z ORGANIZACJAMI "
                             "POZARZĄDOWYMI W ROKU 2015",
                             "program_title: Programu Współpracy Gminy Kluczbork z organizacjami pozarządowymi")
    printed = build(write(tmp_path, text), ("txt",), tmp_path / "out").outputs[0].read_text(encoding="utf-8")
    assert printed.replace("\u00a0", " ").startswith(
        "SPRAWOZDANIE\nz realizacji „Programu Współpracy Gminy Kluczbork z organizacjami pozarządowymi”\nza 2015 rok\n")


def test_a_standalone_report_loads_without_program_resolution_or_profile(tmp_path: Path) -> None:
    source = load_report(write(tmp_path, NARRATIVE))
    assert (source.program, source.resolution, source.municipality, source.program_source) == (None, None, None, None)
    assert source.files == (tmp_path / "sprawozdanie.yaml",)


def test_paldocs_check_and_build_accept_a_standalone_report(tmp_path: Path) -> None:
    path = write(tmp_path, NARRATIVE)
    checked = CliRunner().invoke(main, ["check", str(path)])
    assert checked.exit_code == 0 and checked.stdout == "bez uwag\n", checked.output
    built = CliRunner().invoke(main, ["build", str(path), "-f", "txt,html", "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output


@pytest.mark.parametrize(("old", "new", "message"), [
    ("chapters:", "indicators: [{id: a, name: A, unit: osoby, measures: [cel-1]}]\nchapters:",
     "wskaźniki i działania odnoszą się do celów i kierunków programu"),
    ("title: SPRAWOZDANIE", "program_title: Programu\nx_title: SPRAWOZDANIE", "x_title"),
    ("years: 2015\n", "program: PROGRAM\nprogram_title: Programu współpracy\n", "nie oba"),
    ("title: SPRAWOZDANIE Z", "program_title: Programu\n# Z", "podaj „years” albo własny „title”"),
    ("  - content: Organ", "  - heading: null\n    content: null\n  - content: Organ", "rozdział bez tytułu"),
])
def test_what_a_standalone_report_cannot_say_is_a_located_polish_error(tmp_path: Path, old: str, new: str,
                                                                         message: str) -> None:
    text = NARRATIVE.replace(old, new, 1)
    if old == "title: SPRAWOZDANIE Z":
        text = text.replace("years: 2015\n", "")
    with pytest.raises(DataError) as raised:
        load_report(write(tmp_path, text))
    assert message in raised.value.message


def test_a_program_report_needs_its_years(tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        load_report(write(tmp_path, "document: report\nprogram: PROGRAM\nnarrative: {summary: Tekst.}\n"))
    assert "podaj lata sprawozdania" in raised.value.message


PROGRAM_REPORT = """\
document: report
program: PROGRAM_FILE
years: 2015
narrative:
  summary: Program realizowano zgodnie z harmonogramem.
"""


def test_a_program_report_without_figures_prints_no_chapter_of_figures(tmp_path: Path) -> None:
    text = build(write(tmp_path, PROGRAM_REPORT), ("txt",), tmp_path / "out").outputs[0].read_text(encoding="utf-8")
    text = text.replace("\u00a0", " ")
    assert "\n1. Podsumowanie\n" in text and "Program realizowano zgodnie z harmonogramem." in text
    for statement in (*FALSE_STATEMENTS, "Uczestnicy", "Wykres"):
        assert statement not in text, statement
    assert "przyjętego uchwałą Nr LXIV/400/14" in text  # the program's data still make the title page


def test_participants_without_events_print_no_number_of_events(tmp_path: Path) -> None:
    activity = ("activities:\n  - name: Klub Integracji Społecznej\n    direction: kierunek-8\n    year: 2015\n"
                "    implementer: MOPS\n    participants: {total: 12}\n")
    text = build(write(tmp_path, PROGRAM_REPORT + activity), ("txt",), tmp_path / "out").outputs[0].read_text(
        encoding="utf-8").replace("\u00a0", " ")
    assert "Liczba uczestników ogółem: 12." in text
    assert "wydarzeń (spotkań, zajęć)" not in text and "Finansowanie" not in text and "0,00 zł" not in text
    row = next(line for line in text.splitlines() if line.lstrip().startswith("2015 |"))
    assert row.split("|")[2].strip() == "b.d."  # events per year: not reported ("brak danych"), not 0


def test_events_without_participants_print_no_number_of_participants(tmp_path: Path) -> None:
    activity = ("activities:\n  - name: Spotkania\n    direction: kierunek-8\n    year: 2015\n"
                "    implementer: MOPS\n    events: 4\n")
    text = build(write(tmp_path, PROGRAM_REPORT + activity), ("txt",), tmp_path / "out").outputs[0].read_text(
        encoding="utf-8").replace("\u00a0", " ")
    assert "Liczba wydarzeń (spotkań, zajęć): 4." in text
    assert "Liczba uczestników ogółem" not in text


def test_a_year_without_costs_prints_no_zero_amount(tmp_path: Path) -> None:
    activities = ("years: {from: 2014, to: 2015}\nmonth: 2016-03\nfunding_sources: {gmina: środki własne gminy}\n"
                  "activities:\n  - name: Klub\n    direction: kierunek-8\n    year: 2014\n    implementer: MOPS\n"
                  "    costs: [{source: gmina, planned: 100, spent: 90}]\n"
                  "  - name: Spotkania\n    direction: kierunek-8\n    year: 2015\n    implementer: MOPS\n")
    text = build(write(tmp_path, PROGRAM_REPORT.replace("years: 2015\n", "") + activities), ("txt",),
                 tmp_path / "out").outputs[0].read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "Finansowanie" in text and "90,00 zł" in text
    rows = [line for line in text.splitlines() if line.lstrip().startswith("2015 |")]
    assert rows and all("0,00 zł" not in row for row in rows)


def test_every_field_of_a_report_file_is_described_in_polish_and_shown_by_example() -> None:
    # The report file's own fields and its chapters (editors offer the examples as completions, as for data files).
    schema = MonitoringReport.model_json_schema(by_alias=True)
    fields = [("MonitoringReport", name, spec) for name, spec in schema["properties"].items()]
    fields += [("Chapter", name, spec) for name, spec in schema["$defs"]["Chapter"]["properties"].items()]
    assert {"program", "program_title", "chapters", "place", "month", "prepared_by"} <= set(schema["properties"])
    assert "years" not in schema.get("required", [])
    for model, name, spec in fields:
        assert spec.get("description", "").strip() and spec.get("examples"), f"{model}.{name}"
        assert not re.search(r"\b(?:the|of|and|is|for|with|when)\b", spec["description"]), f"{model}.{name}"
