"""Spreadsheet files read as grids of cells, and the place of a cell in words a clerk sees in Excel.

Contract: :func:`read_grid` reads one sheet of an XLSX workbook (openpyxl, read-only, ``data_only``: the values
Excel last saved, never formulas) or one CSV file (UTF-8 or Windows-1250; ``;``, ``,`` or tab) into a
:class:`Grid`: numbered rows of :class:`Cell` s from column A, and the sheet's merged ranges (read from the
sheet's XML: openpyxl's read-only sheets do not expose them). A file that cannot be read — missing, empty,
encrypted (password-protected), an old ``.xls``, damaged, without the sheet named — is one
:class:`~paldocs.errors.DataError` located by a :class:`SheetLocation` ("wskazniki.xlsx, arkusz Wskaźniki,
wiersz 7, kolumna D"). Nothing here knows what the cells mean (:mod:`paldocs.report.spreadsheet` does).
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from paldocs import inputs
from paldocs.errors import DataError, Location
from paldocs.limits import current_limits

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: encrypted OOXML or the old .xls format
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*\bref=\"([A-Z]+\d+(?::[A-Z]+\d+)?)\"")


class SheetLocation(Location):
    """A place in a spreadsheet: ``file`` as named, ``line`` the row, ``column`` the column number and ``path``
    the place in words ("arkusz Wskaźniki, wiersz 7, kolumna D"), printed "file, path"."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.file}, {self.path}" if self.path else str(self.file)

    def with_path(self, path: str | None) -> Location:
        return SheetLocation(self.file, self.line, self.column, path)


def sheet_location(file: str, sheet: str | None, row: int | None = None, column: int | None = None) -> SheetLocation:
    from openpyxl.utils import get_column_letter

    parts = [f"arkusz {sheet}"] if sheet else []
    if row is not None:
        parts.append(f"wiersz {row}")
    if column is not None:
        parts.append(f"kolumna {get_column_letter(column)}")
    return SheetLocation(file, row, column, ", ".join(parts) or None)


@dataclass(frozen=True, slots=True)
class Cell:
    value: Any  # None: empty
    percent: bool = False  # the cell is formatted as a percent (stores 0.125 for 12,5 %)


@dataclass(frozen=True)
class Grid:
    """The rows of one sheet or CSV file (1-based row numbers; cells from column A)."""

    file: str
    sheet: str | None
    rows: list[tuple[int, list[Cell]]]
    merged: list[str]  # merged ranges, e.g. "A1:C1"

    def where(self, row: int | None = None, column: int | None = None) -> SheetLocation:
        return sheet_location(self.file, self.sheet, row, column)


def read_grid(path: Path, shown: str, sheet: str | None, where: Location) -> Grid:
    """Every row of a sheet (XLSX) or of a CSV file; a located DataError for a file that cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        hint = ("zapisz go w Excelu jako „Skoroszyt programu Excel (.xlsx)” albo jako CSV"
                if suffix in (".xls", ".ods") else None)
        raise DataError(f"„{path.name}” nie jest arkuszem .xlsx ani plikiem .csv", where, hint)
    if not inputs.exists(path):
        raise DataError(f"nie ma pliku „{shown}” (szukano: {path})", where,
                        "ścieżka jest względna wobec folderu pliku sprawozdania")
    limit = current_limits().max_file_bytes
    if inputs.size(path) > limit:
        raise DataError(f"plik „{shown}” jest za duży (limit: {limit} bajtów)", where)
    content = inputs.read_bytes(path)
    if not content.strip():
        raise DataError("plik jest pusty", SheetLocation(shown, None, None, None))
    if suffix == ".csv":
        if sheet is not None:
            raise DataError(f"plik CSV nie ma arkuszy — usuń „sheet: {sheet}”", where)
        return _read_csv(content, shown)
    return _read_xlsx(content, shown, sheet)


def _read_csv(content: bytes, shown: str) -> Grid:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1250", errors="replace")  # a CSV saved by Polish Excel ("CSV (rozdzielany …)")
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = max(";,\t", key=first.count)  # Polish Excel separates with ";", other programs with ","
    rows = [(number, [Cell(value.strip() or None) for value in values])
            for number, values in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)]
    return Grid(shown, None, rows, [])


def _read_xlsx(content: bytes, shown: str, sheet: str | None) -> Grid:
    whole = SheetLocation(shown, None, None, None)
    if content.startswith(_CFB_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in content:
            raise DataError("skoroszyt jest zabezpieczony hasłem (zaszyfrowany) — paldocs go nie odczyta", whole,
                            "zapisz kopię bez hasła (Plik → Informacje → Chroń skoroszyt → Szyfruj przy użyciu "
                            "hasła → usuń hasło) i wskaż ją w „tables”")
        raise DataError("to plik starego formatu Excel (.xls), nie .xlsx", whole,
                        "zapisz go w Excelu jako „Skoroszyt programu Excel (.xlsx)”")
    if not content.startswith(b"PK"):
        raise DataError("plik nie jest skoroszytem .xlsx (ani archiwum ZIP, jakim jest każdy plik .xlsx)", whole)
    with warnings.catch_warnings():
        # openpyxl warns about parts it skips (data validation, conditional formats, an unknown extension): the
        # values are read all the same, and a warning must not become a clerk's message nor an error
        warnings.simplefilter("ignore")
        return _read_workbook(content, shown, sheet, whole)


def _read_workbook(content: bytes, shown: str, sheet: str | None, whole: SheetLocation) -> Grid:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl's parser fails in many ways on a damaged file: each is bad input
        raise DataError(f"skoroszyt jest uszkodzony i nie da się go odczytać ({type(error).__name__})", whole) from None
    try:
        names = workbook.sheetnames
        name = sheet if sheet is not None else (names[0] if names else None)
        if name is None or name not in names:
            known = ", ".join(f"„{known}”" for known in names) or "żadnego"
            raise DataError(f"w skoroszycie nie ma arkusza „{sheet}” (są: {known})", whole,
                            "nazwa arkusza musi być dokładnie taka jak na karcie w Excelu")
        worksheet = workbook[name]
        if not hasattr(worksheet, "iter_rows"):
            raise DataError(f"„{name}” jest arkuszem wykresu, nie tabelą", whole)
        merged = _merged_ranges(content, getattr(worksheet, "_worksheet_path", None))
        max_rows = current_limits().max_list_items
        rows: list[tuple[int, list[Cell]]] = []
        for number, cells in enumerate(worksheet.iter_rows(min_row=1, min_col=1), start=1):
            if number > max_rows + 100:
                raise DataError(f"arkusz ma więcej niż {max_rows} wierszy", sheet_location(shown, name))
            rows.append((number, [Cell(cell.value, "%" in str(getattr(cell, "number_format", "") or ""))
                                  for cell in cells]))
    finally:
        workbook.close()
    return Grid(shown, name, rows, merged)


def _merged_ranges(content: bytes, member: str | None) -> list[str]:
    """Merged cell ranges of a sheet, read from its XML: openpyxl's read-only sheets do not expose them."""
    if not member:
        return []
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            xml = archive.read(member.lstrip("/"))
    except (KeyError, zipfile.BadZipFile):
        return []
    return [match.decode() for match in _MERGE.findall(xml)]


__all__ = ["Cell", "Grid", "SheetLocation", "read_grid", "sheet_location"]


def file_in_folder(file: str, folder: Path, where: Location, holder: str, example: str) -> Path:
    """The absolute path of a spreadsheet named relative to ``folder``; a located error for a file outside it
    (an absolute path, "..", a drive letter, a link pointing elsewhere). ``holder`` names the folder's file in
    the message ("pliku danych"), ``example`` is the path the hint suggests."""
    relative = PurePosixPath(file.replace("\\", "/"))
    path = inputs.absolute(folder / relative)  # resolved: a link out of the folder is seen
    if (relative.is_absolute() or ".." in relative.parts or ":" in file
            or not path.is_relative_to(inputs.absolute(folder))):
        # a web tool's user must not make paldocs read (and quote in messages) any file of the machine
        raise DataError(f"„{file}” — arkusz musi leżeć w folderze {holder} albo w jego podfolderze", where,
                        f"podaj ścieżkę względną, np. „{example}”")
    return path


def header_texts(grid: Grid, header_row: int, hint: str) -> dict[int, str]:
    """Column number → text (spaces collapsed) of every non-empty cell of the header row; a located error when
    the row is empty (``hint`` says what to do) or crosses merged cells (each column needs its own header)."""
    header = next((cells for number, cells in grid.rows if number == header_row), None)
    if header is None or all(cell.value is None for cell in header):
        raise DataError(f"arkusz nie ma wiersza nagłówka (wiersz {header_row} jest pusty)", grid.where(header_row),
                        hint)
    for merged in grid.merged:
        rows = [int(part) for part in re.findall(r"\d+", merged)]
        if min(rows) <= header_row <= max(rows):
            raise DataError(f"scalone komórki w wierszu nagłówka ({merged}) — każda kolumna potrzebuje "
                            "własnego nagłówka", grid.where(header_row),
                            "rozdziel scalone komórki (Narzędzia główne → Scal i wyśrodkuj → Rozdziel komórki)")
    return {index: " ".join(str(cell.value).split()) for index, cell in enumerate(header, start=1)
            if cell.value is not None and str(cell.value).strip()}


def same_header(one: str, other: str) -> bool:
    """Two header texts name the same column: spaces and letter case aside."""
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()
