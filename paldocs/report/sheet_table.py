"""Sheet tables: a table of a programme section or a report chapter read from an XLSX sheet or a CSV file.

Contract: :func:`read_sheet_table` reads the file a :class:`~paldocs.model.sheet_table.SheetTable` names (relative
to the folder of the data file; never outside it) with :func:`paldocs.report.workbook.read_grid`, picks the
columns (``columns``: column letters or header texts, in order; default every column with a non-empty header),
the data rows (``rows`` "first-last"; empty rows are skipped) and returns a :class:`PrintedTable`: every value
parsed by its column's type (:mod:`paldocs.report.numbers`) and printed in Polish form, numbers right-aligned,
the row "Razem" with the sums of the ``total`` columns. :func:`table_markdown` writes it as paldocs Markdown
("Tabela: Tabela 1. …" caption, pipe table, the note under it). :func:`install` gives compose's templates the
function ``sheet_table``: there an error located in the sheet is raised at the table's field of the data file,
the sheet's place ("budzet.xlsx, arkusz Budżet, wiersz 7, kolumna D") opening its message.

Truth first (docs/reports.md): an empty cell of a number, amount, percent, count or date column prints "b.d."
(brak danych), never 0; it is left out of the sum, and a note under the table says so. Every problem — a
missing, empty, damaged, old-format or password-protected file, a missing sheet, a merged header, a merged data
cell, text in a number column, a column the data name that the sheet has not — is one
:class:`~paldocs.errors.DataError` located in the spreadsheet ("budzet.xlsx, arkusz Budżet, wiersz 7,
kolumna D: „12,5%” nie jest liczbą") or at the field of the data file, and nothing is printed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from paldocs import inputs
from paldocs.errors import DataError, Location
from paldocs.model.sheet_table import NUMERIC_TYPES, ColumnType, SheetTable
from paldocs.polish.numerals import format_amount, format_decimal, format_integer, format_percent
from paldocs.report import numbers
from paldocs.report.workbook import (Cell, Grid, SheetLocation, file_in_folder, header_texts, read_grid,
                                     same_header)

MISSING = "b.d."
TOTAL_LABEL = "Razem"
MISSING_NOTE = "b.d. — brak danych: komórka arkusza jest pusta."
TOTAL_NOTE = " Sumy w wierszu „Razem” obejmują tylko podane wartości (komórek b.d. nie wliczono)."

FieldPlace = Callable[[tuple[str | int, ...]], Location]
"""Where a field of the table's data is: ("file",), ("columns", 2), ("types", "Kwota") … → its Location."""

_COLUMN_LETTERS = re.compile(r"^[A-Z]{1,3}$")
_TYPED_CAPTION = re.compile(r"^Tab(ela|\.)\s", re.IGNORECASE)


@dataclass(frozen=True)
class PrintedTable:
    """A sheet table ready to print: header texts, alignment, formatted rows, the total row and the note."""

    caption: str | None
    headers: list[str]
    aligns: list[Literal["left", "right"]]
    rows: list[list[str]]
    total: list[str] | None
    note: str | None
    path: Path  # the file read


def _find_column(name: str, header: dict[int, str], grid: Grid, table: SheetTable, place: Location) -> int:
    """A column named by its header text (which wins: a column headed "ID" is that column) or its letter."""
    from openpyxl.utils import column_index_from_string

    found = [index for index, text in header.items() if same_header(text, name)]
    if found:
        return found[0]
    if _COLUMN_LETTERS.match(name.strip()):
        return column_index_from_string(name.strip())
    raise DataError(f"w nagłówku arkusza ({grid.where(table.header_row)}) nie ma kolumny „{name}”", place,
                    "nagłówki: " + ", ".join(f"„{text}”" for text in header.values()))


def _cell_text(cell: Cell, kind: ColumnType) -> tuple[str, Decimal | int | None]:
    """The printed text of a non-empty cell and, for a number column, its value (to sum)."""
    value = cell.value
    if kind == "text":
        if isinstance(value, (dt.datetime, dt.date)):
            return f"{value:%d.%m.%Y}", None
        if isinstance(value, float) and value.is_integer():
            return str(int(value)), None  # a number typed in a text column ("2015") without ".0"
        return " ".join(str(value).split()), None
    if kind == "date":
        return f"{numbers.parse_date(value):%d.%m.%Y}", None
    if kind == "percent":
        fraction = cell.percent and isinstance(value, (int, float)) and not isinstance(value, bool)
        return format_percent(numbers.parse_percent(value, fraction=fraction)), None
    if kind == "count":
        count = numbers.parse_count(value)
        return format_integer(count), count
    if kind == "money":
        amount = numbers.parse_money(value)
        return format_amount(amount, ""), amount
    number = numbers.parse_number(value)
    if cell.percent and isinstance(value, (int, float)):
        number *= 100  # a cell formatted as a percent stores 0.125 for "12,5 %"
    return format_decimal(number), number


def _formatted_sum(kind: ColumnType, total: Decimal) -> str:
    if kind == "money":
        return format_amount(total, "")
    if kind == "count":
        return format_integer(int(total))
    return format_decimal(total)


def read_sheet_table(table: SheetTable, folder: Path, where: FieldPlace) -> PrintedTable:
    """Read and format a sheet table; one located DataError for whatever is wrong (nothing is printed then)."""
    from openpyxl.utils import range_boundaries

    path = file_in_folder(table.file, folder, where(("file",)), "pliku danych", "dane/budzet.xlsx")
    shown = str(folder / PurePosixPath(table.file.replace("\\", "/"))) if str(folder) != "." else table.file
    if path.suffix.lower() in (".xlsx", ".xlsm", ".csv") and not inputs.exists(path):
        raise DataError(f"nie ma pliku „{table.file}” (szukano: {path})", where(("file",)),
                        "ścieżka jest względna wobec folderu pliku danych, w którym jest tabela")
    grid = read_grid(path, shown, table.sheet, where(("file",)))
    header = header_texts(grid, table.header_row, "podaj „header_row” — numer wiersza z nagłówkami kolumn")
    if table.columns is None:
        columns = sorted(header)
    else:
        columns = [_find_column(name, header, grid, table, where(("columns", index)))
                   for index, name in enumerate(table.columns)]
    kinds: dict[int, ColumnType] = {}
    for name, kind in table.types.items():
        column = _find_column(name, header, grid, table, where(("types", name)))
        if column not in columns:
            raise DataError(f"kolumna „{name}” ma rodzaj w „types”, ale nie jest drukowana", where(("types", name)),
                            "dopisz ją do „columns” albo usuń z „types”")
        kinds[column] = kind
    summed: list[int] = []
    for index, name in enumerate(table.total):
        column = _find_column(name, header, grid, table, where(("total", index)))
        if column not in columns:
            raise DataError(f"kolumna „{name}” ma być sumowana, ale nie jest drukowana", where(("total", index)))
        if kinds.get(column, "text") not in NUMERIC_TYPES:
            raise DataError(f"kolumnę „{name}” można sumować tylko jako liczby — nadaj jej w „types” rodzaj number, "
                            "money albo count", where(("total", index)))
        if column == columns[0]:
            raise DataError(f"pierwsza drukowana kolumna („{name}”) niesie napis „{TOTAL_LABEL}” — nie może być "
                            "sumowana", where(("total", index)), "zacznij „columns” od kolumny z opisem wiersza")
        summed.append(column)
    # a merged range over a printed column keeps its value in the first row only: the rest would read as "no value"
    merged_rows = [(merged, top, bottom) for merged in grid.merged if ":" in merged
                   for left, top, right, bottom in [range_boundaries(merged)]
                   if top != bottom and bottom > table.header_row and set(columns) & set(range(left, right + 1))]
    first, last = table.row_range or (table.header_row + 1, None)
    rows: list[list[str]] = []
    sums: dict[int, Decimal] = {column: Decimal(0) for column in summed}
    counted: dict[int, int] = {column: 0 for column in summed}
    missing = gap_in_total = False
    for number, cells in grid.rows:
        if number < first or (last is not None and number > last) or number <= table.header_row:
            continue
        present = {column: cells[column - 1] for column in columns
                   if column <= len(cells) and cells[column - 1].value not in (None, "")
                   and str(cells[column - 1].value).strip()}
        if not present:
            continue  # an empty row: a gap, or the end of the table
        for merged, top, bottom in merged_rows:
            if top <= number <= bottom:
                raise DataError(f"scalone komórki ({merged}) — w tabeli każda komórka ma własną wartość",
                                grid.where(number), "rozdziel scalone komórki i wpisz wartość w każdym wierszu")
        printed: list[str] = []
        for column in columns:
            kind = kinds.get(column, "text")
            if column not in present:
                printed.append("" if kind == "text" else MISSING)
                missing = missing or kind != "text"
                gap_in_total = gap_in_total or column in sums
                continue
            try:
                text, value = _cell_text(present[column], kind)
            except numbers.NumberFormatError as error:
                raise DataError(error.message, grid.where(number, column), error.hint) from None
            if column in sums and value is not None:
                sums[column] += Decimal(value)
                counted[column] += 1
            printed.append(text)
        rows.append(printed)
    if not rows:
        raise DataError("tabela nie ma wierszy danych pod nagłówkiem", grid.where(table.header_row),
                        "wpisz dane pod wierszem nagłówka (albo sprawdź „rows” i „header_row”)")
    total: list[str] | None = None
    if summed:
        total = [TOTAL_LABEL if position == 0 else
                 (_formatted_sum(kinds[column], sums[column]) if counted[column] else MISSING) if column in sums else ""
                 for position, column in enumerate(columns)]
    note = (MISSING_NOTE + (TOTAL_NOTE if gap_in_total else "")) if missing else None
    headers = [header.get(column, "") for column in columns]
    aligns: list[Literal["left", "right"]] = ["left" if kinds.get(column, "text") == "text" else "right"
                                              for column in columns]
    return PrintedTable(table.caption, headers, aligns, rows, total, note, path)


def caption_text(caption: str | None, number: int) -> str | None:
    """"Tabela 3. Budżet …" — numbered like the report's own tables, or as typed when it starts with "Tabela"."""
    if caption is None:
        return None
    return caption if _TYPED_CAPTION.match(caption) else f"Tabela {number}. {caption}"


def table_markdown(printed: PrintedTable, number: int) -> str:
    """The table as paldocs Markdown: caption line, pipe table (cells escaped: a clerk's "*" prints as written),
    the total row in bold and the note under the table."""
    from paldocs.compose import escape_markdown

    def row(cells: Sequence[str], bold: bool = False) -> str:
        texts = [escape_markdown(cell) for cell in cells]
        if bold:
            texts = [f"**{text}**" if text else "" for text in texts]
        return "| " + " | ".join(texts) + " |"

    lines: list[str] = []
    caption = caption_text(printed.caption, number)
    if caption:
        lines += [f"Tabela: {escape_markdown(caption)}", ""]
    lines.append(row(printed.headers))
    lines.append("|" + "|".join("--:" if align == "right" else "---" for align in printed.aligns) + "|")
    lines += [row(cells) for cells in printed.rows]
    if printed.total is not None:
        lines.append(row(printed.total, bold=True))
    if printed.note:
        lines += ["", escape_markdown(printed.note)]
    return "\n".join(lines) + "\n"


def install(context: dict[str, Any], file: str | None,
            locate: Callable[[tuple[str | int, ...]], Location] | None) -> list[str]:
    """Give the templates rendered with ``context`` the function ``sheet_table(table, field_path, number)``: the
    table's Markdown (trusted), read from the folder of the data file ``file``. Returns the list into which it
    puts every file it reads (compose's inputs list: annex pictures join it too)."""
    from paldocs.compose import Md

    folder = Path(file).parent if file else Path(".")
    files_read: list[str] = []

    def sheet_table(table: SheetTable, field_path: Sequence[str | int], number: int = 0) -> Md:
        base = tuple(field_path)

        def where(sub: tuple[str | int, ...]) -> Location:
            full = (*base, *sub)
            if locate is not None:
                return locate(full)
            return Location(file, path=".".join(str(part) for part in full))

        try:
            printed = read_sheet_table(table, folder, where)
        except DataError as error:
            if not isinstance(error.location, SheetLocation):
                raise
            # the cell in the message, the table's field as the place: a build names both, and `paldocs check`
            # (which points into the data file) keeps the line of the table and the cell of the sheet
            raise DataError(f"{error.location}: {error.message}", where(()), error.hint) from None
        files_read.append(str(printed.path))
        return Md(table_markdown(printed, int(number)))

    context["sheet_table"] = sheet_table
    return files_read


__all__ = ["MISSING", "PrintedTable", "caption_text", "read_sheet_table", "install", "table_markdown"]
