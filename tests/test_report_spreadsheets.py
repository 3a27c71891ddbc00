"""Report tables read from XLSX and CSV files: Polish numbers and dates, located errors, the template command."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from paldocs.cli import main
from paldocs.errors import DataError
from paldocs.polish.numerals import format_amount, format_decimal
from paldocs.report import numbers
from paldocs.report.load import load_report

REPO = Path(__file__).resolve().parent.parent
PROGRAM = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
ENCRYPTED = REPO / "tests" / "data" / "spreadsheets" / "zaszyfrowany.xlsx"

# --- Polish numbers and dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("1 234,56", Decimal("1234.56")),
    ("1\u00a0234,56", Decimal("1234.56")),  # Excel's and Word's non-breaking space between thousands
    ("1\u202f234,56", Decimal("1234.56")),
    ("1.234,56", Decimal("1234.56")),
    ("12,5", Decimal("12.5")),
    ("12.5", Decimal("12.5")),
    ("74", Decimal(74)),
    (" 0 ", Decimal(0)),
    (74, Decimal(74)),
    (0.1, Decimal("0.1")),
    (Decimal("3.50"), Decimal("3.50")),
])
def test_parse_number(text: object, expected: Decimal) -> None:
    assert numbers.parse_number(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("12,5%", "„12,5%” nie jest liczbą"),
    ("dwanaście", "„dwanaście” nie jest liczbą"),
    ("1.234", "niejednoznaczna liczba"),
    ("12,5,1", "nie jest liczbą"),
    (True, "nie jest liczbą"),
    (dt.datetime(2015, 12, 31), "„31.12.2015” jest datą, a nie liczbą"),
    ("#DIV/0!", "„#DIV/0!” — błąd formuły w komórce"),  # what openpyxl reads from a cell whose formula failed
    ("#DZIEL/0!", "błąd formuły"),
    ("#N/D", "błąd formuły"),
])
def test_parse_number_refuses(text: object, message: str) -> None:
    with pytest.raises(numbers.NumberFormatError) as error:
        numbers.parse_number(text)
    assert message in error.value.message


@pytest.mark.parametrize(("text", "expected"), [
    ("1 234,56 zł", Decimal("1234.56")),
    ("1 234,56zł", Decimal("1234.56")),
    ("82 716,40 PLN", Decimal("82716.40")),
    ("58 464,00 złotych", Decimal("58464.00")),
    ("4500", Decimal(4500)),
    (58464.0, Decimal("58464.0")),
])
def test_parse_money(text: object, expected: Decimal) -> None:
    assert numbers.parse_money(text) == expected


@pytest.mark.parametrize(("value", "fraction", "expected"), [
    ("12,5%", False, Decimal("12.5")),
    ("12,5 %", False, Decimal("12.5")),
    ("100", False, Decimal(100)),
    (0.125, True, Decimal("12.500")),
])
def test_parse_percent(value: object, fraction: bool, expected: Decimal) -> None:
    assert numbers.parse_percent(value, fraction=fraction) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("31.12.2015", dt.date(2015, 12, 31)),
    ("2.2.2015 r.", dt.date(2015, 2, 2)),
    ("2015-03-01", dt.date(2015, 3, 1)),
    (dt.datetime(2015, 3, 1, 0, 0), dt.date(2015, 3, 1)),
    (42064, dt.date(2015, 3, 1)),  # Excel's day number of 1 March 2015 in a cell without a date format
])
def test_parse_date(value: object, expected: dt.date) -> None:
    assert numbers.parse_date(value) == expected


@pytest.mark.parametrize(("value", "message"), [
    ("31.02.2015", "nie ma takiego dnia"),
    ("marzec 2015", "nie jest datą"),
    (2015, "nie jest datą"),
])
def test_parse_date_refuses(value: object, message: str) -> None:
    with pytest.raises(numbers.NumberFormatError, match=message):
        numbers.parse_date(value)


@pytest.mark.parametrize(("value", "expected"), [("1 234", 1234), (74, 74), (74.0, 74), ("2015 r.", 2015)])
def test_parse_count_and_year(value: object, expected: int) -> None:
    parse = numbers.parse_year if isinstance(value, str) and "r." in value else numbers.parse_count
    assert parse(value) == expected


def test_parse_money_refuses_with_an_example() -> None:
    with pytest.raises(numbers.NumberFormatError, match="„ok. 500 zł” nie jest kwotą") as error:
        numbers.parse_money("ok. 500 zł")
    assert error.value.hint == "wpisz kwotę, np. 1 234,56 albo 1 234,56 zł"


def test_parse_count_refuses_fractions() -> None:
    with pytest.raises(numbers.NumberFormatError, match="„12,5” nie jest liczbą całkowitą"):
        numbers.parse_count("12,5")


# --- workbooks -------------------------------------------------------------------------------------------

INDICATOR_HEADER = ["Identyfikator (id)", "Nazwa wskaźnika (name)", "Jednostka (unit)", "measures",
                    "Wartość docelowa 2015 (targets.2015)", "actual.2014", "Wartość osiągnięta 2015 (actual.2015)"]
INDICATOR_ROWS = [
    ["uczestnicy-kis", "Liczba osób, które ukończyły zajęcia KIS", "osoby", "cel-3, kierunek-8", 70, 58, 74],
    ["wolontariusze", "Liczba wolontariuszy", "osoby", "kierunek-4", "20", None, "21"],
]


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def report_file(folder: Path, tables: str, extra: str = "") -> Path:
    path = folder / "sprawozdanie.yaml"
    path.write_text(f"document: report\nprogram: {PROGRAM}\nyears: 2015\nfunding_sources:\n"
                    f"  zrodlo-budzet: środki własne gminy\n{extra}tables:\n{tables}", encoding="utf-8")
    return path


INDICATORS_TABLE = "  - {file: wskazniki.xlsx, sheet: Wskaźniki, into: indicators}\n"


def test_indicators_from_a_workbook(tmp_path: Path) -> None:
    workbook(tmp_path / "wskazniki.xlsx", {"Wskaźniki": [INDICATOR_HEADER, *INDICATOR_ROWS]})
    report = load_report(report_file(tmp_path, INDICATORS_TABLE)).report
    first, second = report.indicators
    assert (first.id, first.unit, first.measures) == ("uczestnicy-kis", "osoby", ["cel-3", "kierunek-8"])
    assert first.targets == {2015: Decimal(70)} and first.actual == {2014: Decimal(58), 2015: Decimal(74)}
    assert second.actual == {2015: Decimal(21)}  # the empty 2014 cell is "not reported", not zero


def test_rows_follow_the_yaml_ones_and_empty_rows_are_skipped(tmp_path: Path) -> None:
    workbook(tmp_path / "wskazniki.xlsx", {"Wskaźniki": [INDICATOR_HEADER, INDICATOR_ROWS[0], [], [None, None],
                                                        INDICATOR_ROWS[1]]})
    written = ("indicators:\n  - {id: podmioty-es, name: Podmioty, unit: podmioty, measures: [kierunek-7], "
               "actual: {2015: 0}}\n")
    report = load_report(report_file(tmp_path, INDICATORS_TABLE, written)).report
    assert [indicator.id for indicator in report.indicators] == ["podmioty-es", "uczestnicy-kis", "wolontariusze"]


def test_columns_by_letter_and_by_header_text(tmp_path: Path) -> None:
    rows = [["Tabela 1. Wskaźniki"], ["Lp.", "Wskaźnik", "Jedn.", "2015 r.", "Mierzy"],
            [1, "Liczba wolontariuszy", "osoby", "21", "kierunek-4"]]
    workbook(tmp_path / "dane.xlsx", {"Arkusz1": rows})
    tables = ("  - file: dane.xlsx\n    into: indicators\n    header_row: 2\n    columns: {id: A, name: Wskaźnik, "
              "unit: C, actual.2015: 2015  R., measures: E}\n")
    with pytest.raises(DataError, match="identyfikator wskaźnika „1” występuje więcej niż raz") as error:
        rows.append([1, "Liczba wolontariuszy", "osoby", "21", "kierunek-4"])
        workbook(tmp_path / "dane.xlsx", {"Arkusz1": rows})
        load_report(report_file(tmp_path, tables))
    assert str(error.value.location).endswith("dane.xlsx, arkusz Arkusz1, wiersz 4, kolumna A")
    workbook(tmp_path / "dane.xlsx", {"Arkusz1": rows[:3]})
    indicator = load_report(report_file(tmp_path, tables)).report.indicators[0]
    assert (indicator.id, indicator.name, indicator.actual, indicator.measures) == (
        "1", "Liczba wolontariuszy", {2015: Decimal(21)}, ["kierunek-4"])


def test_a_header_text_wins_over_a_column_letter(tmp_path: Path) -> None:
    workbook(tmp_path / "dane.xlsx", {"Arkusz1": [["Nazwa", "ID", "J", "M", "R"],
                                                  ["Liczba wolontariuszy", "wolontariusze", "osoby", "kierunek-4", 21]]})
    tables = ("  - {file: dane.xlsx, into: indicators, columns: {id: ID, name: A, unit: C, measures: M, "
              "actual.2015: E}}\n")
    indicator = load_report(report_file(tmp_path, tables)).report.indicators[0]
    assert (indicator.id, indicator.name, indicator.measures) == ("wolontariusze", "Liczba wolontariuszy", ["kierunek-4"])


def test_a_percent_formatted_cell_is_read_as_percent(tmp_path: Path) -> None:
    path = workbook(tmp_path / "wskazniki.xlsx", {"Wskaźniki": [
        ["id", "name", "unit", "measures", "actual.2015"],
        ["udzial", "Udział osób, które podjęły pracę", "%", "kierunek-8", 0.125]]})
    book = openpyxl.load_workbook(path)
    book["Wskaźniki"]["E2"].number_format = "0.0%"
    book.save(path)
    indicator = load_report(report_file(tmp_path, INDICATORS_TABLE)).report.indicators[0]
    assert indicator.actual == {2015: Decimal("12.5")}


ACTIVITY_ROWS = [
    ["id", "name", "direction", "dates.from", "dates.to", "implementer", "partners", "participants.total",
     "participants.by_sex.kobiety", "participants.by_sex.mężczyźni"],
    ["kis-2015", "Klub Integracji Społecznej", "kierunek-8", dt.datetime(2015, 2, 2), "18.12.2015", "MOPS",
     "PUP w Kętrzynie; ZGK", "74", 45, 29],
]
COST_ROWS = [
    ["activity", "source", "category", "planned", "spent"],
    ["kis-2015", "zrodlo-budzet", "materiały", "4 500,00 zł", 4318.75],
    ["kis-2015", "zrodlo-budzet", "usługi", "1 000", "999,99"],
]
ACTIVITY_TABLES = ("  - {file: dzialania.xlsx, sheet: Działania, into: activities}\n"
                   "  - {file: dzialania.xlsx, sheet: Koszty, into: costs}\n")


def test_activities_and_costs_from_a_workbook(tmp_path: Path) -> None:
    workbook(tmp_path / "dzialania.xlsx", {"Działania": ACTIVITY_ROWS, "Koszty": COST_ROWS})
    activity = load_report(report_file(tmp_path, ACTIVITY_TABLES)).report.activities[0]
    assert activity.dates is not None and (activity.dates.start, activity.dates.end) == (
        dt.date(2015, 2, 2), dt.date(2015, 12, 18))
    assert activity.partners == ["PUP w Kętrzynie", "ZGK"]
    assert activity.participants is not None and activity.participants.total == 74
    assert [(cost.category, cost.planned, cost.spent) for cost in activity.costs] == [
        ("materiały", Decimal("4500.00"), Decimal("4318.75")), ("usługi", Decimal("1000.00"), Decimal("999.99"))]


def test_a_csv_file_saved_by_polish_excel(tmp_path: Path) -> None:
    text = "id;name;unit;measures;actual.2015\nwolontariusze;Liczba wolontariuszy – ogółem;osoby;kierunek-4;1 234\n"
    (tmp_path / "wskazniki.csv").write_bytes(text.encode("cp1250"))
    tables = "  - {file: wskazniki.csv, into: indicators}\n"
    indicator = load_report(report_file(tmp_path, tables)).report.indicators[0]
    assert (indicator.name, indicator.actual) == ("Liczba wolontariuszy – ogółem", {2015: Decimal(1234)})


# --- broken workbooks: one located error each ------------------------------------------------------------

def _text_in_number_column(folder: Path) -> None:
    rows = [INDICATOR_HEADER, *INDICATOR_ROWS]
    rows[2] = [*rows[2][:6], "12,5%"]
    workbook(folder / "wskazniki.xlsx", {"Wskaźniki": rows})


def _missing_sheet(folder: Path) -> None:
    workbook(folder / "wskazniki.xlsx", {"Arkusz1": [INDICATOR_HEADER]})


def _merged_header(folder: Path) -> None:
    path = workbook(folder / "wskazniki.xlsx", {"Wskaźniki": [INDICATOR_HEADER, *INDICATOR_ROWS]})
    book = openpyxl.load_workbook(path)
    book["Wskaźniki"].merge_cells("E1:G1")
    book.save(path)


def _empty_file(folder: Path) -> None:
    (folder / "wskazniki.xlsx").write_bytes(b"")


def _encrypted(folder: Path) -> None:
    shutil.copy(ENCRYPTED, folder / "wskazniki.xlsx")


def _old_xls(folder: Path) -> None:
    (folder / "wskazniki.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


def _damaged(folder: Path) -> None:
    with zipfile.ZipFile(folder / "wskazniki.xlsx", "w") as archive:
        archive.writestr("xl/workbook.xml", "<nie-xml")


def _empty_sheet(folder: Path) -> None:
    workbook(folder / "wskazniki.xlsx", {"Wskaźniki": []})


def _unknown_header(folder: Path) -> None:
    workbook(folder / "wskazniki.xlsx", {"Wskaźniki": [["Lp.", "Wskaźnik"], [1, "Liczba"]]})


def _missing_required_value(folder: Path) -> None:
    rows = [INDICATOR_HEADER, *INDICATOR_ROWS]
    rows[1] = [rows[1][0], None, *rows[1][2:]]
    workbook(folder / "wskazniki.xlsx", {"Wskaźniki": rows})


def _missing_file(folder: Path) -> None:
    pass


@pytest.mark.parametrize(("make", "where", "message"), [
    (_text_in_number_column, "wskazniki.xlsx, arkusz Wskaźniki, wiersz 3, kolumna G", "„12,5%” nie jest liczbą"),
    (_missing_sheet, "wskazniki.xlsx", "w skoroszycie nie ma arkusza „Wskaźniki” (są: „Arkusz1”)"),
    (_merged_header, "wskazniki.xlsx, arkusz Wskaźniki, wiersz 1", "scalone komórki w wierszu nagłówka (E1:G1)"),
    (_empty_file, "wskazniki.xlsx", "plik jest pusty"),
    (_encrypted, "wskazniki.xlsx", "skoroszyt jest zabezpieczony hasłem"),
    (_old_xls, "wskazniki.xlsx", "starego formatu Excel (.xls)"),
    (_damaged, "wskazniki.xlsx", "skoroszyt jest uszkodzony"),
    (_empty_sheet, "wskazniki.xlsx, arkusz Wskaźniki, wiersz 1", "arkusz nie ma wiersza nagłówka"),
    (_unknown_header, "wskazniki.xlsx, arkusz Wskaźniki, wiersz 1", "żaden nagłówek nie nazywa pola"),
    (_missing_required_value, "wskazniki.xlsx, arkusz Wskaźniki, wiersz 2, kolumna B", "name"),
    (_missing_file, "sprawozdanie.yaml:7", "nie ma pliku"),
], ids=lambda value: getattr(value, "__name__", None))
def test_a_broken_workbook_is_one_located_error(tmp_path: Path, make: Any, where: str, message: str) -> None:
    make(tmp_path)
    with pytest.raises(DataError) as error:
        load_report(report_file(tmp_path, INDICATORS_TABLE))
    assert message in error.value.message
    assert str(error.value.location).startswith(str(tmp_path / where)) if "yaml" not in where else (
        str(tmp_path / where) in str(error.value.location))


def test_merged_cells_in_a_read_column_are_refused_elsewhere_ignored(tmp_path: Path) -> None:
    path = workbook(tmp_path / "wskazniki.xlsx", {"Wskaźniki": [[*INDICATOR_HEADER, "Uwagi"],
                                                               [*INDICATOR_ROWS[0], "wspólna uwaga"],
                                                               [*INDICATOR_ROWS[1], None]]})
    book = openpyxl.load_workbook(path)
    book["Wskaźniki"].merge_cells("H2:H3")  # a notes column no field reads
    book.save(path)
    assert len(load_report(report_file(tmp_path, INDICATORS_TABLE)).report.indicators) == 2
    book["Wskaźniki"].merge_cells("C2:C3")  # one unit for two indicators: the second would have none
    book.save(path)
    with pytest.raises(DataError, match="scalone komórki \\(C2:C3\\)") as error:
        load_report(report_file(tmp_path, INDICATORS_TABLE))
    assert str(error.value.location).endswith("arkusz Wskaźniki, wiersz 2")


def test_a_sheet_protected_against_editing_is_read(tmp_path: Path) -> None:
    # "Chroń arkusz" with a password only stops editing in Excel; unlike an encrypted file the values are readable
    path = workbook(tmp_path / "wskazniki.xlsx", {"Wskaźniki": [INDICATOR_HEADER, *INDICATOR_ROWS]})
    book = openpyxl.load_workbook(path)
    book["Wskaźniki"].protection.sheet = True
    book["Wskaźniki"].protection.password = "haslo"
    book.save(path)
    assert len(load_report(report_file(tmp_path, INDICATORS_TABLE)).report.indicators) == 2


def test_the_exact_message_a_clerk_reads(tmp_path: Path) -> None:
    _text_in_number_column(tmp_path)
    report = report_file(tmp_path, INDICATORS_TABLE)
    result = CliRunner().invoke(main, ["build", str(report), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert (f"błąd: {tmp_path / 'wskazniki.xlsx'}, arkusz Wskaźniki, wiersz 3, kolumna G: „12,5%” nie jest liczbą"
            in result.output)
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_a_reference_error_points_at_the_cell(tmp_path: Path) -> None:
    rows = [INDICATOR_HEADER, *INDICATOR_ROWS]
    rows[2] = [rows[2][0], rows[2][1], rows[2][2], "kierunek-99", *rows[2][4:]]
    workbook(tmp_path / "wskazniki.xlsx", {"Wskaźniki": rows})
    with pytest.raises(DataError, match="kierunek-99") as error:
        load_report(report_file(tmp_path, INDICATORS_TABLE))
    assert str(error.value.location) == f"{tmp_path / 'wskazniki.xlsx'}, arkusz Wskaźniki, wiersz 3, kolumna D"


def test_a_cost_of_an_unknown_activity(tmp_path: Path) -> None:
    workbook(tmp_path / "dzialania.xlsx", {"Działania": ACTIVITY_ROWS, "Koszty": [*COST_ROWS, ["kis-2016", "x"]]})
    with pytest.raises(DataError, match="nie ma działania o identyfikatorze „kis-2016” \\(znane: kis-2015\\)") as error:
        load_report(report_file(tmp_path, ACTIVITY_TABLES))
    assert str(error.value.location).endswith("arkusz Koszty, wiersz 4, kolumna A")


def test_only_spreadsheet_files(tmp_path: Path) -> None:
    (tmp_path / "dane.xls").write_bytes(b"x")
    with pytest.raises(DataError, match="nie jest arkuszem .xlsx ani plikiem .csv"):
        load_report(report_file(tmp_path, "  - {file: dane.xls, into: indicators}\n"))


@pytest.mark.parametrize("name", ["/etc/passwd.csv", "../dane.csv", "dane/../../dane.csv", "C:/dane.csv"])
def test_a_spreadsheet_lies_in_the_report_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(DataError, match="arkusz musi leżeć w folderze pliku sprawozdania") as error:
        load_report(report_file(tmp_path, f"  - {{file: {name}, into: indicators}}\n"))
    assert error.value.location.line == 7


def test_a_link_out_of_the_report_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "raport").mkdir()
    workbook(tmp_path / "wskazniki.xlsx", {"Wskaźniki": [INDICATOR_HEADER, *INDICATOR_ROWS]})
    (tmp_path / "raport" / "wskazniki.xlsx").symlink_to(tmp_path / "wskazniki.xlsx")
    with pytest.raises(DataError, match="arkusz musi leżeć w folderze pliku sprawozdania"):
        load_report(report_file(tmp_path / "raport", INDICATORS_TABLE))


def test_a_subfolder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "dane").mkdir()
    workbook(tmp_path / "dane" / "wskazniki.xlsx", {"Wskaźniki": [INDICATOR_HEADER, *INDICATOR_ROWS]})
    tables = "  - {file: dane/wskazniki.xlsx, into: indicators}\n"
    assert len(load_report(report_file(tmp_path, tables)).report.indicators) == 2


def test_a_standalone_report_takes_no_indicators_from_a_sheet(tmp_path: Path) -> None:
    path = tmp_path / "sprawozdanie.yaml"
    path.write_text("document: report\ntitle: Sprawozdanie\ntables:\n  - {file: w.xlsx, into: indicators}\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match="podaj plik danych programu") as error:
        load_report(path)
    assert (error.value.location.line, error.value.location.path) == (4, "tables[0].into")


def test_an_unknown_field_in_columns_is_located_in_the_yaml(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="nieznane pole „actual.rok”") as error:
        load_report(report_file(tmp_path, "  - {file: x.xlsx, into: indicators, columns: {actual.rok: D}}\n"))
    assert error.value.location.line == 7


# --- the template workbook -------------------------------------------------------------------------------

def test_report_template_writes_the_sheets_with_a_header_row(tmp_path: Path) -> None:
    target = tmp_path / "szablon.xlsx"
    result = CliRunner().invoke(main, ["report-template", "monitoring", "--years", "2014-2015", "-o", str(target)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Wskaźniki", "Działania", "Koszty", "Objaśnienia"]
    header = [cell.value for cell in book["Wskaźniki"][1]]
    assert header[:3] == ["Identyfikator (id)", "Nazwa wskaźnika (name)", "Jednostka (unit)"]
    assert "Wartość osiągnięta 2015 (actual.2015)" in header and "Wartość docelowa 2014 (targets.2014)" in header
    assert book["Wskaźniki"].max_row == 1 and book["Wskaźniki"]["A1"].font.bold


def test_the_template_explains_every_column_in_the_report_model_words(tmp_path: Path) -> None:
    target = tmp_path / "szablon.xlsx"
    assert CliRunner().invoke(main, ["report-template", "-o", str(target), "--years", "2015"]).exit_code == 0
    book = openpyxl.load_workbook(target)
    rows = [row for row in book["Objaśnienia"].iter_rows(min_row=2, values_only=True) if row[2]]
    columns = [(sheet, cell.value) for sheet in ("Wskaźniki", "Działania", "Koszty") for cell in book[sheet][1]]
    assert [(row[0], row[1]) for row in rows] == columns
    explained = {row[2]: row for row in rows}
    assert explained["actual.2015"][3] == "Wartości osiągnięte (rok: wartość)."  # Indicator.actual's description
    assert explained["participants.by_sex.kobiety"][3] == "Liczba kobiet."
    assert explained["spent"][4].startswith("kwota w zł")
    assert all(row[3] and row[4] for row in explained.values())


@pytest.mark.slow  # a report from a filled template to every format (> 1 s)
def test_a_filled_template_builds(tmp_path: Path) -> None:
    target = tmp_path / "dane.xlsx"
    assert CliRunner().invoke(main, ["report-template", "monitoring", "--years", "2015", "-o", str(target)]).exit_code == 0
    book = openpyxl.load_workbook(target)
    header = [cell.value for cell in book["Wskaźniki"][1]]
    values = {"id": "wolontariusze", "name": "Liczba wolontariuszy", "unit": "osoby", "measures": "kierunek-4",
              "targets.2015": 20, "actual.2015": "21"}
    book["Wskaźniki"].append([next((value for key, value in values.items() if text.endswith(f"({key})")), None)
                              for text in header])
    book.save(target)
    report = report_file(tmp_path, "  - {file: dane.xlsx, sheet: Wskaźniki, into: indicators}\n")
    result = CliRunner().invoke(main, ["build", str(report), "-f", "html", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "Liczba wolontariuszy" in html


def test_report_template_refuses_an_unknown_kind(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report-template", "inny", "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2 and not (tmp_path / "x.xlsx").exists()
    assert "rodzaj sprawozdania „inny” nie pobiera tabel z arkusza" in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--years", "2016-2014"], "nie jest rokiem ani zakresem lat"),
    (["--years", "rok"], "nie jest rokiem ani zakresem lat"),
])
def test_report_template_refuses_bad_years(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["report-template", "-o", str(tmp_path / "x.xlsx"), *args])
    assert result.exit_code == 2 and message in result.output and not (tmp_path / "x.xlsx").exists()


def test_report_template_keeps_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"moje dane")
    result = CliRunner().invoke(main, ["report-template", "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2 and "--force" in result.output
    assert (tmp_path / "x.xlsx").read_bytes() == b"moje dane"
    result = CliRunner().invoke(main, ["report-template", "-o", str(tmp_path / "x.xlsx"), "--force"])
    assert result.exit_code == 0 and "uwaga: bez --years" in result.output


# --- the example whose tables come from a workbook -------------------------------------------------------

EXAMPLE = REPO / "resolutions" / "examples" / "reports" / "ketrzyn-2015-arkusz.yaml"
SAME_IN_YAML = REPO / "resolutions" / "ketrzyn-2014-pal" / "sprawozdanie-2015.yaml"


def test_the_workbook_example_holds_the_same_report_as_its_yaml_twin() -> None:
    from_sheets = load_report(EXAMPLE).report.model_dump(exclude={"tables", "program"})
    from_yaml = load_report(SAME_IN_YAML).report.model_dump(exclude={"tables", "program"})
    assert from_sheets == from_yaml
    assert len(from_sheets["indicators"]) == 6 and sum(len(item["costs"]) for item in from_sheets["activities"]) == 11


@pytest.mark.slow  # builds two reports to text (> 1 s)
def test_the_workbook_example_prints_the_same_text(tmp_path: Path) -> None:
    for source in (EXAMPLE, SAME_IN_YAML):
        result = CliRunner().invoke(main, ["build", str(source), "-f", "txt", "-o", str(tmp_path / source.stem)])
        assert result.exit_code == 0, result.output
    texts = [next((tmp_path / source.stem).glob("*.txt")).read_text(encoding="utf-8") for source in (EXAMPLE, SAME_IN_YAML)]
    assert texts[0] == texts[1] and "Klub Integracji Społecznej" in texts[0]


@pytest.mark.slow  # a report with a workbook to every format (> 1 s)
def test_a_workbook_handed_over_in_memory() -> None:
    from paldocs.batch import BuildRequest, build_bytes

    resolutions = REPO / "resolutions"
    request = BuildRequest(
        data=EXAMPLE.read_text(encoding="utf-8"), name="examples/reports/ketrzyn-2015-arkusz.yaml",
        files={"ketrzyn-2015-arkusz.xlsx": EXAMPLE.with_suffix(".xlsx").read_bytes(),
               "../../ketrzyn-2014-pal.yaml": (resolutions / "ketrzyn-2014-pal.yaml").read_text(encoding="utf-8"),
               "../../profiles/ketrzyn.yaml": (resolutions / "profiles" / "ketrzyn.yaml").read_text(encoding="utf-8")},
        formats=("txt",))
    text = build_bytes(request).outputs["txt"].decode("utf-8")
    assert "Klub Integracji Społecznej" in text


def test_a_formula_without_a_saved_value_is_no_value_not_zero(tmp_path: Path) -> None:
    # openpyxl writes formulas without their results (as a program, not Excel, would): nothing was calculated
    rows = [INDICATOR_HEADER, [*INDICATOR_ROWS[0][:6], "=F2+16"]]
    workbook(tmp_path / "wskazniki.xlsx", {"Wskaźniki": rows})
    indicator = load_report(report_file(tmp_path, INDICATORS_TABLE)).report.indicators[0]
    assert indicator.actual == {2014: Decimal(58)}


def test_a_warning_of_openpyxl_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # openpyxl warns about parts of a workbook it skips ("Data Validation extension is not supported", "Workbook
    # contains no default style"); the values are read all the same (warnings are errors in this test suite)
    import warnings

    load = openpyxl.load_workbook

    def warning_load(*args: Any, **kwargs: Any) -> Any:
        warnings.warn("Data Validation extension is not supported and will be removed", UserWarning, stacklevel=2)
        return load(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", warning_load)
    workbook(tmp_path / "wskazniki.xlsx", {"Wskaźniki": [INDICATOR_HEADER, *INDICATOR_ROWS]})
    assert len(load_report(report_file(tmp_path, INDICATORS_TABLE)).report.indicators) == 2


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_amounts_as_paldocs_prints_them_read_back(value: Decimal) -> None:
    assert numbers.parse_money(format_amount(value)) == value
    assert numbers.parse_number(format_decimal(value)) == value


@pytest.mark.slow
def test_a_pdf_archive_carries_the_workbook_and_rebuilds(tmp_path: Path) -> None:
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(EXAMPLE), "--format", "pdf", "--pdf-variant", "pdf/a-3b",
                                 "--out", str(tmp_path)])
    assert built.exit_code == 0, built.output
    assert runner.invoke(main, ["extract", str(tmp_path / f"{EXAMPLE.stem}.pdf"), "-o", str(tmp_path / "src")]).exit_code == 0
    extracted = next((tmp_path / "src").rglob(EXAMPLE.name))
    assert extracted.with_suffix(".xlsx").read_bytes() == EXAMPLE.with_suffix(".xlsx").read_bytes()
    rebuilt = runner.invoke(main, ["build", str(extracted), "--format", "txt", "--out", str(tmp_path / "re")])
    assert rebuilt.exit_code == 0, rebuilt.output


def test_paldocs_check_points_a_percent_above_100_at_its_cell(tmp_path: Path) -> None:
    """PD064 reads the report as loaded: an indicator from a workbook is judged and located at its cell."""
    import json
    import shutil

    import openpyxl
    from click.testing import CliRunner

    from paldocs.cli import main

    shutil.copytree(REPO / "resolutions", tmp_path / "resolutions")
    folder = tmp_path / "resolutions" / "examples" / "reports"
    workbook = openpyxl.load_workbook(folder / "ketrzyn-2015-arkusz.xlsx")
    sheet = workbook["Wskaźniki"]
    header = [cell.value for cell in sheet[1]]
    column = next(index for index, name in enumerate(header, 1) if name and name.endswith("(actual.2015)"))
    row = next(cell.row for cell in sheet["A"] if cell.value == "zatrudnienie")
    sheet.cell(row=row, column=column, value=121.6)
    workbook.save(folder / "ketrzyn-2015-arkusz.xlsx")
    result = CliRunner().invoke(main, ["check", str(folder / "ketrzyn-2015-arkusz.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.output
    found = [finding for finding in json.loads(result.stdout)["findings"] if finding["rule"] == "PD064"]
    assert len(found) == 1 and "121.6% — ponad 100%" in found[0]["message"]
    assert "ketrzyn-2015-arkusz.xlsx" in found[0]["file"] and found[0]["line"] == row, found[0]
