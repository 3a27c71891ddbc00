"""Sheet tables: a programme section's or a report chapter's table read from an XLSX sheet or a CSV file —
columns, rows, Polish formats, b.d. and the row "Razem", one located error for every broken workbook, the
table in every output format, and the report templates per kind read back without a column mapping."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from paldocs.cli import main
from paldocs.errors import DataError, Location
from paldocs.model.sheet_table import SheetTable
from paldocs.report.sheet_table import read_sheet_table, table_markdown

REPO = Path(__file__).resolve().parent.parent
PROFILE = REPO / "resolutions" / "profiles" / "ketrzyn.yaml"
ENCRYPTED = REPO / "tests" / "data" / "spreadsheets" / "zaszyfrowany.xlsx"
NBSP = "\u00a0"

INDICATORS = [["Wskaźnik", "Jednostka", "Wartość bazowa", "Wartość docelowa 2027", "Udział"],
              ["Liczba uczestników KIS", "osoby", 52, "12 345,5", "12,5%"],
              ["Liczba rodzin objętych wsparciem", "rodziny", None, 80, 0.4]]
BUDGET = [["Zadanie", "Źródło finansowania", "Kwota (zł)", "Termin"],
          ["Szkolenia", "budżet gminy", "12 345,67", dt.date(2021, 3, 31)],
          ["Festyn rodzinny", "EFS", None, "30.06.2021"],
          ["Zajęcia sportowe", "budżet gminy", 1000, None]]


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def tables_workbook(folder: Path) -> Path:
    path = workbook(folder / "tabele.xlsx", {"Wskaźniki": INDICATORS, "Budżet": BUDGET})
    book = openpyxl.load_workbook(path)
    book["Wskaźniki"]["E3"].number_format = "0%"  # Excel stores 0.4 and shows "40%"
    book.save(path)
    return path


INDICATOR_TABLE = """      table:
        file: tabele.xlsx
        sheet: Wskaźniki
        caption: Wskaźniki programu
        types: {Wartość bazowa: number, Wartość docelowa 2027: number, Udział: percent}
"""
BUDGET_TABLE = """      table:
        file: tabele.xlsx
        sheet: Budżet
        caption: Budżet programu
        columns: [Zadanie, C, Termin]
        types: {Kwota (zł): money, D: date}
        total: [Kwota (zł)]
"""


def program_file(folder: Path, indicator_table: str = INDICATOR_TABLE, budget_table: str = BUDGET_TABLE) -> Path:
    path = folder / "program.yaml"
    path.write_text(f"""document: resolution
municipality: {PROFILE}
resolution:
  kind: pal
  number: I/1/21
  date: 2021-01-28
program:
  title: Program Aktywności Lokalnej Miasta Kętrzyn na lata 2021–2027
  period: {{from: 2021, to: 2027}}
  sections:
    - heading: Wskaźniki
      content: Realizację programu mierzą wskaźniki.
{indicator_table}      items:
        - {{id: cel-1, text: Pierwszy cel.}}
    - heading: Budżet
{budget_table}""", encoding="utf-8")
    return path


def built(path: Path, out: Path, formats: str = "txt") -> dict[str, Path]:
    result = CliRunner().invoke(main, ["build", str(path), "-f", formats, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return {fmt: out / f"{path.stem}.{fmt}" for fmt in formats.split(",")}


def text_of(path: Path) -> str:
    """The text version with no-break spaces (Polish typography after one-letter words, in amounts) as spaces."""
    return path.read_text(encoding="utf-8").replace(NBSP, " ")


def cells(text: str, first: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(first))
    return [cell.strip() for cell in line.split("|")]


def read(folder: Path, **fields: Any) -> Any:
    return read_sheet_table(SheetTable.model_validate(fields), folder, lambda path: Location("dane.yaml", path=str(path)))


# --- a programme with an indicator table and a budget table -------------------------------------------------

def test_a_programme_prints_its_indicator_and_budget_tables_where_declared(tmp_path: Path) -> None:
    tables_workbook(tmp_path)
    text = text_of(built(program_file(tmp_path), tmp_path / "out")["txt"])
    content, caption, item = (text.index("Realizację programu mierzą"), text.index("Tabela 1. Wskaźniki programu"),
                              text.index("1. Pierwszy cel."))
    assert content < caption < item  # after the section's content, before its items
    assert cells(text, "Liczba uczestników KIS") == ["Liczba uczestników KIS", "osoby", "52", f"12 345,5", "12,5%"]
    assert cells(text, "Liczba rodzin") == ["Liczba rodzin objętych wsparciem", "rodziny", "b.d.", "80", "40%"]
    assert "Tabela 2. Budżet programu" in text
    assert cells(text, "Szkolenia") == ["Szkolenia", f"12 345,67", "31.03.2021"]
    assert cells(text, "Festyn rodzinny") == ["Festyn rodzinny", "b.d.", "30.06.2021"]
    assert cells(text, "Zajęcia sportowe") == ["Zajęcia sportowe", f"1 000,00", "b.d."]
    assert cells(text, "Razem") == ["Razem", f"13 345,67", ""]  # the empty amount is not read as 0
    assert "Sumy w wierszu „Razem” obejmują tylko podane wartości" in text
    assert "Źródło finansowania" not in text  # a column not listed in "columns" is not printed


def test_the_markdown_aligns_numbers_right_and_bolds_the_total(tmp_path: Path) -> None:
    tables_workbook(tmp_path)
    printed = read(tmp_path, file="tabele.xlsx", sheet="Budżet", types={"Kwota (zł)": "money", "Termin": "date"},
                   total=["Kwota (zł)"])
    markdown = table_markdown(printed, 3)
    assert "|---|---|--:|--:|" in markdown
    assert f"| **Razem** |  | **13{NBSP}345,67** |  |" in markdown


@pytest.mark.parametrize(("kind", "value", "number_format", "expected"), [
    ("number", "1 234,5", None, "1234,5"),  # Polish typesetting groups from 10 000
    ("number", 12345.5, None, f"12{NBSP}345,5"),
    ("number", "12.5", None, "12,5"),
    ("money", "1 234,56 zł", None, f"1{NBSP}234,56"),
    ("money", 1234.5, None, f"1{NBSP}234,50"),
    ("money", "82 716,40 PLN", None, f"82{NBSP}716,40"),
    ("percent", "12,5%", None, "12,5%"),
    ("percent", 0.125, "0.0%", "12,5%"),  # a cell formatted as a percent stores the fraction
    ("percent", 40, None, "40%"),
    ("count", "1 234", None, "1234"),
    ("count", 15000, None, f"15{NBSP}000"),
    ("date", dt.datetime(2021, 3, 31), None, "31.03.2021"),
    ("date", "2021-03-31", None, "31.03.2021"),
    ("date", "31.03.2021 r.", None, "31.03.2021"),
    ("text", 2021.0, None, "2021"),
    ("text", dt.date(2021, 3, 31), None, "31.03.2021"),
])
def test_values_print_in_polish_form(tmp_path: Path, kind: str, value: Any, number_format: str | None,
                                     expected: str) -> None:
    path = workbook(tmp_path / "t.xlsx", {"A": [["Opis", "Wartość"], ["wiersz", value]]})
    if number_format:
        book = openpyxl.load_workbook(path)
        book["A"]["B2"].number_format = number_format
        book.save(path)
    assert read(tmp_path, file="t.xlsx", types={"Wartość": kind}).rows == [["wiersz", expected]]


def test_columns_by_letter_or_header_rows_range_and_header_row(tmp_path: Path) -> None:
    rows = [["Tabela budżetu (tytuł nad nagłówkiem)"], BUDGET[0], *BUDGET[1:], ["Uwaga: dane wstępne"]]
    workbook(tmp_path / "t.xlsx", {"Budżet": rows})
    printed = read(tmp_path, file="t.xlsx", header_row=2, rows="3-4", columns=["D", "Zadanie"])
    assert printed.headers == ["Termin", "Zadanie"]
    assert printed.rows == [["31.03.2021", "Szkolenia"],
                            ["30.06.2021", "Festyn rodzinny"]]


def test_by_default_every_column_with_a_header_and_empty_rows_are_skipped(tmp_path: Path) -> None:
    workbook(tmp_path / "t.xlsx", {"A": [["Nazwa", None, "Liczba"], ["a", "ukryta", 1], [None, None, None],
                                         ["b", None, 2]]})
    printed = read(tmp_path, file="t.xlsx", types={"Liczba": "count"}, total=["Liczba"])
    assert (printed.headers, printed.rows, printed.total, printed.note) == (
        ["Nazwa", "Liczba"], [["a", "1"], ["b", "2"]], ["Razem", "3"], None)


def test_an_empty_cell_is_bd_and_a_column_without_values_sums_to_bd(tmp_path: Path) -> None:
    workbook(tmp_path / "t.xlsx", {"A": [["Nazwa", "Plan", "Wykonanie"], ["a", 10, None], ["b", 5, None]]})
    printed = read(tmp_path, file="t.xlsx", types={"Plan": "money", "Wykonanie": "money"}, total=["Plan", "Wykonanie"])
    assert printed.rows == [["a", "10,00", "b.d."], ["b", "5,00", "b.d."]]
    assert printed.total == ["Razem", "15,00", "b.d."]
    assert printed.note is not None and printed.note.startswith("b.d. — brak danych")


def test_zero_is_printed_when_the_sheet_says_zero(tmp_path: Path) -> None:
    workbook(tmp_path / "t.xlsx", {"A": [["Nazwa", "Kwota"], ["a", 0]]})
    printed = read(tmp_path, file="t.xlsx", types={"Kwota": "money"}, total=["Kwota"])
    assert (printed.rows, printed.total, printed.note) == ([["a", "0,00"]], ["Razem", "0,00"], None)


@pytest.mark.parametrize(("caption", "number", "expected"), [
    ("Budżet programu", 2, "Tabela: Tabela 2. Budżet programu"),
    ("Tabela 7. Budżet programu", 2, "Tabela: Tabela 7. Budżet programu"),  # typed: printed as written
    ("Tab. 7 Budżet", 2, "Tabela: Tab. 7 Budżet"),
])
def test_a_caption_is_numbered_or_printed_as_typed(tmp_path: Path, caption: str, number: int, expected: str) -> None:
    workbook(tmp_path / "t.xlsx", {"A": [["Nazwa"], ["a"]]})
    assert table_markdown(read(tmp_path, file="t.xlsx", caption=caption), number).splitlines()[0] == expected


def test_a_clerks_markdown_characters_print_as_written(tmp_path: Path) -> None:
    workbook(tmp_path / "t.xlsx", {"A": [["Nazwa | opis"], ["*ważne* 1. [link]"]]})
    markdown = table_markdown(read(tmp_path, file="t.xlsx"), 1)
    assert "Nazwa \\| opis" in markdown and "\\*ważne\\* 1. \\[link\\]" in markdown


def test_a_csv_file_saved_by_polish_excel(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_bytes("Zadanie;Kwota (zł)\nSzkolenia;1 234,56\nFestyn;\n".encode("cp1250"))
    printed = read(tmp_path, file="t.csv", types={"Kwota (zł)": "money"}, total=["Kwota (zł)"])
    assert printed.rows == [["Szkolenia", f"1{NBSP}234,56"], ["Festyn", "b.d."]]
    assert printed.total == ["Razem", f"1{NBSP}234,56"]


# --- located errors: one each, exit 2, no output ----------------------------------------------------------------

def _text_in_number_column(folder: Path) -> None:
    rows = [row[:] for row in BUDGET]
    rows[2][2] = "dużo"
    workbook(folder / "tabele.xlsx", {"Wskaźniki": INDICATORS, "Budżet": rows})


def _percent_in_number_column(folder: Path) -> None:
    rows = [row[:] for row in INDICATORS]
    rows[1][2] = "12,5%"
    workbook(folder / "tabele.xlsx", {"Wskaźniki": rows, "Budżet": BUDGET})


def _missing_sheet(folder: Path) -> None:
    workbook(folder / "tabele.xlsx", {"Wskaźniki": INDICATORS})


def _merged_header(folder: Path) -> None:
    path = tables_workbook(folder)
    book = openpyxl.load_workbook(path)
    book["Budżet"].merge_cells("C1:D1")
    book.save(path)


def _merged_data_cells(folder: Path) -> None:
    path = tables_workbook(folder)
    book = openpyxl.load_workbook(path)
    book["Budżet"].merge_cells("C2:C3")
    book.save(path)


def _empty_file(folder: Path) -> None:
    tables_workbook(folder)
    (folder / "tabele.xlsx").write_bytes(b"")


def _encrypted(folder: Path) -> None:
    shutil.copy(ENCRYPTED, folder / "tabele.xlsx")


def _old_xls(folder: Path) -> None:
    (folder / "tabele.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


def _damaged(folder: Path) -> None:
    with zipfile.ZipFile(folder / "tabele.xlsx", "w") as archive:
        archive.writestr("xl/workbook.xml", "<nie-xml")


def _empty_sheet(folder: Path) -> None:
    workbook(folder / "tabele.xlsx", {"Wskaźniki": INDICATORS, "Budżet": []})


def _header_only(folder: Path) -> None:
    workbook(folder / "tabele.xlsx", {"Wskaźniki": INDICATORS, "Budżet": [BUDGET[0]]})


def _missing_file(folder: Path) -> None:
    pass


@pytest.mark.parametrize(("make", "where", "message"), [
    (_text_in_number_column, "tabele.xlsx, arkusz Budżet, wiersz 3, kolumna C", "„dużo” nie jest kwotą"),
    (_percent_in_number_column, "tabele.xlsx, arkusz Wskaźniki, wiersz 2, kolumna C", "„12,5%” nie jest liczbą"),
    (_missing_sheet, "tabele.xlsx", "w skoroszycie nie ma arkusza „Budżet” (są: „Wskaźniki”)"),
    (_merged_header, "tabele.xlsx, arkusz Budżet, wiersz 1", "scalone komórki w wierszu nagłówka (C1:D1)"),
    (_merged_data_cells, "tabele.xlsx, arkusz Budżet, wiersz 2", "scalone komórki (C2:C3)"),
    (_empty_file, "tabele.xlsx", "plik jest pusty"),
    (_encrypted, "tabele.xlsx", "skoroszyt jest zabezpieczony hasłem"),
    (_old_xls, "tabele.xlsx", "starego formatu Excel (.xls)"),
    (_damaged, "tabele.xlsx", "skoroszyt jest uszkodzony"),
    (_empty_sheet, "tabele.xlsx, arkusz Budżet, wiersz 1", "arkusz nie ma wiersza nagłówka"),
    (_header_only, "tabele.xlsx, arkusz Budżet, wiersz 1", "tabela nie ma wierszy danych"),
    (_missing_file, "", "nie ma pliku „tabele.xlsx”"),
], ids=lambda value: getattr(value, "__name__", None))
def test_a_broken_workbook_is_one_located_error_exit_2_and_no_output(tmp_path: Path, make: Any, where: str,
                                                                     message: str) -> None:
    make(tmp_path)
    program = program_file(tmp_path)
    result = CliRunner().invoke(main, ["build", str(program), "-f", "txt,docx", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert message in result.output and f"{where}:" in result.output
    assert "program.sections[" in result.output and ".table" in result.output  # the table's place in the data
    assert "Traceback" not in result.output
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True


@pytest.mark.parametrize(("table", "message"), [
    ("      table: {file: tabele.xlsx, sheet: Budżet, columns: [Zadanie, Kwota]}\n",
     "tabele.xlsx, arkusz Budżet, wiersz 1) nie ma kolumny „Kwota”"),
    ("      table: {file: tabele.xlsx, sheet: Budżet, columns: [Zadanie], types: {Kwota (zł): money}}\n",
     "kolumna „Kwota (zł)” ma rodzaj w „types”, ale nie jest drukowana"),
    ("      table: {file: tabele.xlsx, sheet: Budżet, total: [Kwota (zł)]}\n",
     "kolumnę „Kwota (zł)” można sumować tylko jako liczby"),
    ("      table: {file: tabele.xlsx, sheet: Budżet, types: {Zadanie: count}, total: [Zadanie]}\n",
     "pierwsza drukowana kolumna („Zadanie”) niesie napis „Razem”"),
    ("      table: {file: ../tabele.xlsx}\n", "arkusz musi leżeć w folderze pliku danych"),
    ("      table: {file: tabele.xlsx, rows: 1-5}\n", "muszą być pod wierszem nagłówka"),
    ("      table: {file: tabele.xlsx, rows: pięć}\n", "nie jest zakresem wierszy"),
    ("      table: {file: tabele.xlsx, types: {Zadanie: kwota}}\n", "types"),
])
def test_a_wrong_table_field_is_located_in_the_data_file(tmp_path: Path, table: str, message: str) -> None:
    tables_workbook(tmp_path)
    program = program_file(tmp_path, budget_table=table)
    result = CliRunner().invoke(main, ["build", str(program), "-f", "txt", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert f"{program}:2" in result.output  # the budget table is declared from line 20 of the data file


def test_paldocs_check_shows_the_located_error(tmp_path: Path) -> None:
    _text_in_number_column(tmp_path)
    program = program_file(tmp_path)
    result = CliRunner().invoke(main, ["check", str(program)])
    assert result.exit_code == 1, result.output
    line = next(line for line in result.output.splitlines() if "PD000" in line)
    assert line.startswith(f"{program}:21:7 program.sections[1].table: błąd PD000")
    assert "tabele.xlsx, arkusz Budżet, wiersz 3, kolumna C: „dużo” nie jest kwotą" in line


def test_paldocs_check_is_quiet_about_a_good_table(tmp_path: Path) -> None:
    tables_workbook(tmp_path)
    result = CliRunner().invoke(main, ["check", str(program_file(tmp_path))])
    assert "PD000" not in result.output


@pytest.mark.parametrize("report", [False, True])
def test_the_schema_shows_the_table_field_in_polish_with_an_example(report: bool) -> None:
    result = CliRunner().invoke(main, ["schema", *(["--report"] if report else [])])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    owner = schema["$defs"]["Chapter" if report else "Section"]["properties"]["table"]
    assert "arkusza" in owner["description"] and owner["examples"][0]["file"].endswith(".xlsx")
    for name, spec in schema["$defs"]["SheetTable"]["properties"].items():
        assert spec["description"] and spec["examples"], name


# --- a report chapter's table -----------------------------------------------------------------------------------

def report_file(folder: Path, table: str) -> Path:
    path = folder / "sprawozdanie.yaml"
    path.write_text(f"""document: report
kind: narracyjne
title: Sprawozdanie z realizacji programu współpracy za 2022 rok
years: 2022
chapters:
  - heading: ZADANIA ZLECONE
    content: W 2022 roku gmina zleciła organizacjom zadania publiczne.
{table}  - heading: PODSUMOWANIE
    content: Program zrealizowano.
""", encoding="utf-8")
    return path


def test_a_report_chapter_prints_its_table_after_its_content(tmp_path: Path) -> None:
    workbook(tmp_path / "zadania.xlsx", {"Zadania": [["Zadanie", "Organizacja", "Kwota dotacji (zł)"],
                                                     ["Upowszechnianie sportu", "LKS Orzeł", "15 000"],
                                                     ["Kultura", "Stowarzyszenie Razem", None]]})
    path = report_file(tmp_path, "    table: {file: zadania.xlsx, caption: Zadania zlecone w 2022 r., "
                                 "types: {Kwota dotacji (zł): money}, total: [Kwota dotacji (zł)]}\n")
    text = text_of(built(path, tmp_path / "out")["txt"])
    assert text.index("zleciła organizacjom") < text.index("Tabela 1. Zadania zlecone w 2022 r.") < text.index(
        "PODSUMOWANIE")
    assert cells(text, "Upowszechnianie sportu") == ["Upowszechnianie sportu", "LKS Orzeł", f"15 000,00"]
    assert cells(text, "Kultura") == ["Kultura", "Stowarzyszenie Razem", "b.d."]
    assert cells(text, "Razem")[2] == f"15 000,00"


def test_a_broken_chapter_table_stops_the_report_build_and_check(tmp_path: Path) -> None:
    workbook(tmp_path / "zadania.xlsx", {"Zadania": [["Zadanie", "Kwota"], ["Sport", "dużo"]]})
    path = report_file(tmp_path, "    table: {file: zadania.xlsx, types: {Kwota: money}}\n")
    for command in (["build", str(path), "-f", "txt", "-o", str(tmp_path / "out")], ["check", str(path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, result.output
        assert "zadania.xlsx, arkusz Zadania, wiersz 2, kolumna B: „dużo” nie jest kwotą" in result.output
        assert "chapters[0].table" in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


# --- every output format shows the table (real readers) ------------------------------------------------------

@pytest.mark.slow
def test_docx_pdf_html_and_text_show_the_table(tmp_path: Path) -> None:
    import docx
    import pypdf
    from lxml import html

    tables_workbook(tmp_path)
    outputs = built(program_file(tmp_path), tmp_path / "out", "docx,pdf,html,txt")
    document = docx.Document(str(outputs["docx"]))
    docx_rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["Szkolenia", f"12{NBSP}345,67", "31.03.2021"] in docx_rows
    assert ["Razem", f"13{NBSP}345,67", ""] in docx_rows
    assert any(paragraph.text == "Tabela 2. Budżet programu" for paragraph in document.paragraphs)
    pdf_text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(outputs["pdf"])).pages).replace(NBSP, " ")
    assert ("Tabela 2. Budżet programu\nZadanie Kwota (zł) Termin\nSzkolenia 12 345,67 31.03.2021\n"
            "Festyn rodzinny b.d. 30.06.2021\n") in pdf_text
    assert "Razem 13 345,67\nb.d. — brak danych" in pdf_text
    tree = html.fromstring(outputs["html"].read_bytes())
    assert [caption.text_content() for caption in tree.xpath("//caption")] == [
        "Tabela 1. Wskaźniki programu", "Tabela 2. Budżet programu"]
    html_rows = [[cell.text_content().replace(NBSP, " ") for cell in row.xpath("./td|./th")]
                 for row in tree.xpath("//table//tr")]
    assert ["Liczba rodzin objętych wsparciem", "rodziny", "b.d.", "80", "40%"] in html_rows
    assert html_rows[-1] == ["Razem", "13 345,67", ""]
    assert cells(text_of(outputs["txt"]), "Razem") == ["Razem", "13 345,67", ""]


# --- report templates per kind, read back without a columns mapping -------------------------------------------

TEMPLATE_ROWS = {
    "program-wspolpracy": [["Upowszechnianie kultury fizycznej", "LKS Orzeł", "otwarty konkurs ofert", "wspieranie",
                            4, "120 000,00"],
                           ["Pomoc społeczna", "Stowarzyszenie Nadzieja", "z pominięciem otwartego konkursu ofert",
                            "wspieranie", None, 10000]],
    "narracyjne": [["Poradnictwo", 12, "1 500,00", None], ["Asystent rodziny", 7, None, "wydatki w budżecie OPS"]],
    "wspieranie-rodziny": [["Rodziny objęte pracą asystenta", 18, "45 000,00", None]],
}


@pytest.mark.parametrize("kind", sorted(TEMPLATE_ROWS))
def test_a_kinds_template_is_read_back_by_the_printed_table(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "szablon.xlsx"
    result = CliRunner().invoke(main, ["report-template", kind, "-o", str(target)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold and "table:" in sheet["A1"].comment.text
    assert book.sheetnames[-1] == "Objaśnienia"
    for row in TEMPLATE_ROWS[kind]:
        sheet.append(row)
    book.save(target)
    snippet = result.output[result.output.index("    table:"):]
    assert "columns" not in snippet
    path = tmp_path / "sprawozdanie.yaml"
    path.write_text(f"document: report\nkind: {kind}\ntitle: Sprawozdanie z realizacji programu za 2022 rok\n"
                    f"years: 2022\nchapters:\n  - heading: TABELA\n{snippet}", encoding="utf-8")
    from lxml import html

    tree = html.fromstring(built(path, tmp_path / "out", "html")["html"].read_bytes())
    rows = [[cell.text_content().replace(NBSP, " ") for cell in row.xpath("./td|./th")]
            for row in tree.xpath("//table//tr")]
    assert rows[0] == header  # every column of the template, in its order
    assert rows[1][0] == TEMPLATE_ROWS[kind][0][0] and len(rows) == len(TEMPLATE_ROWS[kind]) + 2
    assert rows[-1][0] == "Razem"


def test_the_program_wspolpracy_template_sums_the_grants(tmp_path: Path) -> None:
    target = tmp_path / "zadania.xlsx"
    assert CliRunner().invoke(main, ["report-template", "program-wspolpracy", "-o", str(target)]).exit_code == 0
    book = openpyxl.load_workbook(target)
    for row in TEMPLATE_ROWS["program-wspolpracy"]:
        book["Zadania zlecone"].append(row)
    book.save(target)
    printed = read(tmp_path, file="zadania.xlsx", sheet="Zadania zlecone", caption="Zadania",
                   types={"Liczba ofert": "count", "Kwota dotacji (zł)": "money"}, total=["Kwota dotacji (zł)"])
    assert printed.headers == ["Zadanie publiczne", "Organizacja", "Tryb zlecenia", "Forma zlecenia", "Liczba ofert",
                               "Kwota dotacji (zł)"]
    assert printed.rows[1][4:] == ["b.d.", f"10{NBSP}000,00"]
    assert printed.total == ["Razem", "", "", "", "", f"130{NBSP}000,00"]


def test_report_template_names_every_kind_it_knows(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report-template", "inny", "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2 and not (tmp_path / "x.xlsx").exists()
    for kind in ("monitoring", "program-wspolpracy", "narracyjne", "wspieranie-rodziny"):
        assert kind in result.output


def test_the_sheet_files_are_inputs_of_the_build(tmp_path: Path) -> None:
    from paldocs.api import compose_document, make_context

    tables_workbook(tmp_path)
    _, _, inputs = compose_document(make_context(None).open(program_file(tmp_path)), charts=False)
    assert [path.name for path in inputs].count("tabele.xlsx") == 2  # one table per section, both from it
    workbook(tmp_path / "zadania.xlsx", {"Zadania": [["Zadanie", "Kwota"], ["Sport", 1]]})
    report = report_file(tmp_path, "    table: {file: zadania.xlsx}\n")
    _, _, inputs = compose_document(make_context(None).open(report), charts=False)
    assert "zadania.xlsx" in [path.name for path in inputs]
