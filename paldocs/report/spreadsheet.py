"""A report's tables read from spreadsheets (XLSX) or CSV files next to the report file.

Contract: a report's ``tables`` (:class:`TableSource`) name a file (``.xlsx`` or ``.csv``, relative to the report
file), a sheet (XLSX; default: the first one), what the rows are (``into``: ``indicators``, ``activities`` or
``costs``) and which column holds which field (``columns``: field → column letter "D" or header text; without
``columns`` the header row names the fields, either exactly ("actual.2015") or at the end in parentheses
("Wartość osiągnięta 2015 (actual.2015)", as :mod:`paldocs.report.sheet_template` writes them). :func:`merge_tables` reads
every table and returns the report data with the rows appended to ``indicators`` / ``activities`` (cost rows
go to the activity named in their ``activity`` column) and the spreadsheet location of every row and cell.

Every problem is one :class:`~paldocs.errors.DataError` located in the spreadsheet (files are read by
:mod:`paldocs.report.workbook`, whose :class:`~paldocs.report.workbook.SheetLocation` prints "wskazniki.xlsx,
arkusz Wskaźniki, wiersz 7, kolumna D: „12,5%” nie jest liczbą"): text in a number column, a missing sheet or
column, a merged cell, an empty, damaged, old-format (.xls) or password-protected file. Values are read as Polish
numbers, amounts and dates (:mod:`paldocs.report.numbers`); a workbook's formulas give the values Excel last saved
(openpyxl ``data_only``; a formula never calculated reads as an empty cell). An empty cell means "no value" — the
field is left out, never read as zero.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from paldocs.errors import DataError, Location
from paldocs.model.base import NonEmptyText, StrictModel
from paldocs.report import numbers
from paldocs.report.workbook import (Cell, Grid, SheetLocation, file_in_folder, header_texts, read_grid,
                                     same_header)

TableTarget = Literal["indicators", "activities", "costs"]
CellPath = tuple[str | int, ...]

SHEET_NAMES: dict[str, str] = {"indicators": "Wskaźniki", "activities": "Działania", "costs": "Koszty"}
"""The sheet each kind of row gets in a template workbook (and the name a clerk expects to see)."""

_COLUMN_LETTERS = re.compile(r"^[A-Z]{1,3}$")


class TableSource(StrictModel):
    """One table of a report taken from a spreadsheet or a CSV file."""

    file: NonEmptyText = Field(description="Plik arkusza (.xlsx) albo CSV, względem pliku sprawozdania.",
                               examples=["wskazniki.xlsx"])
    sheet: NonEmptyText | None = Field(None, description="Nazwa arkusza (XLSX); domyślnie pierwszy arkusz.",
                                       examples=["Wskaźniki"])
    into: TableTarget = Field(description="Co zawierają wiersze: „indicators” (wskaźniki), „activities” "
                              "(działania) albo „costs” (koszty działań; kolumna „activity” — id działania).",
                              examples=["indicators"])
    header_row: int = Field(1, ge=1, le=100, description="Numer wiersza nagłówka (dane zaczynają się pod nim).",
                            examples=[2])
    columns: dict[NonEmptyText, NonEmptyText] | None = Field(
        None, description="Pole → kolumna: litera („D”) albo tekst nagłówka; bez tego nagłówek nazywa pola "
        "(„actual.2015” albo „Wartość osiągnięta 2015 (actual.2015)”).",
        examples=[{"id": "A", "name": "B", "unit": "C", "actual.2015": "D"}])

    @field_validator("columns")
    @classmethod
    def _known_fields(cls, columns: dict[str, str] | None, info: Any) -> dict[str, str] | None:
        into = info.data.get("into")
        if columns is None or into is None:
            return columns
        for name in columns:
            if field_kind(into, name) is None:
                raise ValueError(f"nieznane pole „{name}” w tabeli „{into}” (znane: {', '.join(FIELD_LABELS[into])})")
        return columns


# --- fields a row may fill -------------------------------------------------------------------------------

FieldKind = Literal["text", "list", "number", "count", "money", "date", "year"]

_FIELDS: dict[str, dict[str, FieldKind]] = {
    "indicators": {"id": "text", "name": "text", "unit": "text", "measures": "list", "better": "text",
                   "baseline": "number", "baseline_year": "year", "period_target": "number",
                   "period_aggregate": "text", "comment": "text", "targets.*": "number", "actual.*": "number"},
    "activities": {"id": "text", "name": "text", "direction": "text", "dates.from": "date", "dates.to": "date",
                   "year": "year", "implementer": "text", "partners": "list", "description": "text",
                   "results": "text", "events": "count", "participants.total": "count",
                   "participants.by_sex.kobiety": "count", "participants.by_sex.mężczyźni": "count",
                   "participants.by_category.*": "count", "participants.by_age.*": "count"},
    "costs": {"activity": "text", "source": "text", "category": "text", "planned": "money", "spent": "money"},
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "indicators": {"id": "Identyfikator", "name": "Nazwa wskaźnika", "unit": "Jednostka",
                   "measures": "Mierzy cele/kierunki (id, po przecinku)", "better": "Lepiej (more/less)",
                   "baseline": "Wartość bazowa", "baseline_year": "Rok wartości bazowej",
                   "period_target": "Cel na okres programu", "period_aggregate": "Postęp (sum/latest)",
                   "comment": "Komentarz", "targets.*": "Wartość docelowa {year}",
                   "actual.*": "Wartość osiągnięta {year}"},
    "activities": {"id": "Identyfikator", "name": "Nazwa działania", "direction": "Kierunek działań (id)",
                   "dates.from": "Od (DD.MM.RRRR)", "dates.to": "Do (DD.MM.RRRR)", "year": "Rok",
                   "implementer": "Realizator", "partners": "Partnerzy (po średniku)", "description": "Opis",
                   "results": "Rezultaty", "events": "Liczba spotkań/zajęć",
                   "participants.total": "Uczestnicy ogółem", "participants.by_sex.kobiety": "Kobiety",
                   "participants.by_sex.mężczyźni": "Mężczyźni", "participants.by_category.*": "Kategoria {name}",
                   "participants.by_age.*": "Wiek {name}"},
    "costs": {"activity": "Działanie (id)", "source": "Źródło finansowania (id)", "category": "Rodzaj kosztu",
              "planned": "Plan (zł)", "spent": "Wydatki (zł)"},
}
"""Polish header texts of a template workbook ("*" fields: one column per year or per named group)."""

_LIST_SEPARATORS = {"measures": r"[;,]", "partners": r";"}


def field_kind(into: str, name: str) -> FieldKind | None:
    """The kind of value a column holds ("actual.2015" → number), None for a field rows cannot fill."""
    fields = _FIELDS[into]
    if name in fields:
        return fields[name]
    head, _, tail = name.rpartition(".")
    if head and tail.strip() and f"{head}.*" in fields:
        if head in ("targets", "actual") and not (tail.isdigit() and len(tail) == 4):
            return None
        return fields[f"{head}.*"]
    return None


# --- rows → report data ----------------------------------------------------------------------------------

def _header_field(text: str, into: str) -> str | None:
    """The field a header cell names: "actual.2015" or "Wartość osiągnięta 2015 (actual.2015)"."""
    text = " ".join(text.split())
    match = re.search(r"\(([^()]+)\)\s*$", text)
    for candidate in (text, match.group(1).strip() if match else None):
        if candidate and field_kind(into, candidate):
            return candidate
    return None


def _column_map(table: TableSource, grid: Grid) -> dict[str, int]:
    """Field → column number, from ``columns`` or from the header row."""
    from openpyxl.utils import column_index_from_string

    texts = header_texts(grid, table.header_row, "pierwszy wiersz tabeli to nagłówki kolumn")
    mapping: dict[str, int] = {}
    if table.columns is not None:
        for name, column in table.columns.items():
            # a header's own text wins over a column letter: a column headed "ID" is that column, not column ID
            found = [index for index, text in texts.items() if same_header(text, column)]
            if not found and _COLUMN_LETTERS.match(column):
                mapping[name] = column_index_from_string(column)
                continue
            if not found:
                raise DataError(f"w nagłówku nie ma kolumny „{column}” (pole „{name}”)", grid.where(table.header_row),
                                "nagłówki: " + ", ".join(f"„{text}”" for text in texts.values()))
            mapping[name] = found[0]
        return mapping
    for index, text in texts.items():
        name = _header_field(text, table.into)
        if name is None:
            continue
        if name in mapping:
            raise DataError(f"pole „{name}” ma dwie kolumny", grid.where(table.header_row, index))
        mapping[name] = index
    if not mapping:
        raise DataError("żaden nagłówek nie nazywa pola (np. „name” albo „Nazwa (name)”)",
                        grid.where(table.header_row), "podaj w danych „columns” (pole: kolumna) albo użyj nagłówków "
                        "szablonu z „paldocs report-template”")
    return mapping


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "number": numbers.parse_number, "count": numbers.parse_count, "money": numbers.parse_money,
    "date": lambda value: numbers.parse_date(value).isoformat(), "year": numbers.parse_year,
}


def _cell_value(cell: Cell, name: str, kind: FieldKind) -> Any:
    value = cell.value
    if kind in ("text", "list"):
        if isinstance(value, (dt.datetime, dt.date)):
            value = f"{value:%d.%m.%Y}"
        elif isinstance(value, float) and value.is_integer():
            value = int(value)  # a number typed in a text column ("2015" as an id part) without ".0"
        text = str(value).strip()
        if kind == "list":
            return [part.strip() for part in re.split(_LIST_SEPARATORS[name], text) if part.strip()]
        return text
    if kind == "number" and cell.percent and isinstance(value, (int, float)):
        return numbers.parse_percent(value, fraction=True)  # "12,5 %" shown, 0.125 stored
    return _PARSERS[kind](value)


def _set(target: dict[str, Any], name: str, value: Any) -> None:
    parts = name.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    key: Any = int(parts[-1]) if parts[0] in ("targets", "actual") and len(parts) == 2 else parts[-1]
    target[key] = value


@dataclass(frozen=True)
class TableRow:
    """One data row: the field values (plain data for the model) and the column of every field."""

    values: dict[str, Any]
    row: int
    columns: dict[str, int]
    grid: Grid

    def where(self, name: str | None = None) -> SheetLocation:
        return self.grid.where(self.row, self.columns.get(name) if name else None)


def read_rows(table: TableSource, grid: Grid) -> Iterator[TableRow]:
    """The table's data rows as plain data; empty rows are skipped, empty cells leave their field out."""
    from openpyxl.utils import range_boundaries

    mapping = _column_map(table, grid)
    used = set(mapping.values())
    # a merged range over a column the table reads leaves its value in the first row only: the rest would read
    # as "no value" — refused; merged cells elsewhere (a title, a notes column) do not matter
    merged_rows = [(merged, (top, bottom)) for merged in grid.merged if ":" in merged
                   for left, top, right, bottom in [range_boundaries(merged)]
                   if top != bottom and used & set(range(left, right + 1))]
    for number, cells in grid.rows:
        if number <= table.header_row:
            continue
        present = {name: cells[column - 1] for name, column in mapping.items()
                   if column <= len(cells) and cells[column - 1].value not in (None, "")}
        if not present:
            continue  # an empty row (a gap, or the end of the table): nothing to report
        for merged, (top, bottom) in merged_rows:
            if top <= number <= bottom:
                raise DataError(f"scalone komórki ({merged}) — w tabeli każda komórka ma własną wartość",
                                grid.where(number), "rozdziel scalone komórki i wpisz wartość w każdym wierszu")
        values: dict[str, Any] = {}
        for name, cell in present.items():
            kind = field_kind(table.into, name)
            assert kind is not None  # the mapping holds known fields only
            try:
                _set(values, name, _cell_value(cell, name, kind))
            except numbers.NumberFormatError as error:
                raise DataError(error.message, grid.where(number, mapping[name]), error.hint) from None
        yield TableRow(values, number, mapping, grid)


def _validate_row(model: type[BaseModel], row: TableRow, into: str) -> None:
    """The row alone against its model, so that a wrong value is reported at its cell, not in the YAML."""
    from paldocs.model.messages import describe_validation_error

    try:
        model.model_validate(row.values)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        loc = tuple(part for part in first["loc"] if not (isinstance(part, str) and part.startswith("function-")))
        message, hint, loc = describe_validation_error(first, model, loc)
        name = ".".join(str(part) for part in loc)
        while name and name not in row.columns:
            name = name.rpartition(".")[0]
        if first["type"] == "missing" and not name:
            field = ".".join(str(part) for part in loc)
            message = f"brak wartości pola „{field}”" + ("" if field in row.columns else
                                                          f" — tabela „{into}” nie ma takiej kolumny")
        raise DataError(message, row.where(name or None), hint) from None


@dataclass(frozen=True)
class MergedTables:
    """The report data with the rows of its tables, where each row came from, and the files read."""

    data: dict[str, Any]
    cells: dict[tuple[str, ...], Location]  # ("indicators", "3") → its row; (…, "actual", "2015") → its cell
    files: tuple[Path, ...]


def merge_tables(data: Mapping[str, Any], report_path: Path,
                 locate: Callable[[CellPath], Location]) -> MergedTables:
    """Read the ``tables`` of a report's plain data; rows are appended after the ones written in YAML."""
    from paldocs.report.model import Activity, CostLine, Indicator

    raw = data.get("tables")
    if not raw:
        return MergedTables(dict(data), {}, ())
    if not isinstance(raw, list):
        raise DataError("„tables” musi być listą tabel (wiersze zaczynające się od „- file: …”)", locate(("tables",)))
    merged: dict[str, Any] = {**data}
    for key in ("indicators", "activities"):
        merged[key] = list(data.get(key) or []) if isinstance(data.get(key) or [], list) else data.get(key)
    cells: dict[tuple[str, ...], Location] = {}
    files: list[Path] = []
    costs: list[tuple[TableRow, dict[str, Any]]] = []
    for index, entry in enumerate(raw):
        try:
            table = TableSource.model_validate(entry)
        except ValidationError as error:
            from paldocs.model.messages import describe_validation_error

            first = error.errors(include_url=False)[0]
            message, hint, loc = describe_validation_error(first, TableSource, tuple(first["loc"]))
            raise DataError(message, locate(("tables", index, *loc)), hint) from None
        if table.into != "costs" and not data.get("program"):
            raise DataError("wskaźniki i działania z arkusza odnoszą się do celów i kierunków programu — podaj plik "
                            "danych programu („program”)", locate(("tables", index, "into")))
        path = file_in_folder(table.file, report_path.parent, locate(("tables", index, "file")),
                              "pliku sprawozdania", "dane/wskazniki.xlsx")
        shown = str(report_path.parent / PurePosixPath(table.file.replace("\\", "/")))
        grid = read_grid(path, shown, table.sheet, locate(("tables", index, "file")))
        files.append(path)
        for row in read_rows(table, grid):
            if table.into == "costs":
                costs.append((row, row.values))
                continue
            _validate_row(Indicator if table.into == "indicators" else Activity, row, table.into)
            target = merged[table.into]
            if not isinstance(target, list):
                raise DataError(f"„{table.into}” musi być listą, żeby dopisać do niej wiersze tabeli",
                                locate((table.into,)))
            position = len(target)
            target.append(row.values)
            cells[(table.into, str(position))] = row.where()
            for name in row.columns:
                cells[(table.into, str(position), *name.split("."))] = row.where(name)
    for row, values in costs:
        _attach_cost(row, dict(values), merged, cells, CostLine)
    return MergedTables(merged, cells, tuple(files))


def _attach_cost(row: TableRow, values: dict[str, Any], merged: dict[str, Any],
                 cells: dict[tuple[str, ...], Location], model: type[BaseModel]) -> None:
    activity = values.pop("activity", None)
    if activity is None:
        raise DataError("wiersz kosztu bez działania (kolumna „activity” — identyfikator działania)", row.where())
    activities = merged["activities"]
    found = [position for position, item in enumerate(activities)
             if isinstance(item, Mapping) and item.get("id") == activity]
    if not found:
        known = ", ".join(str(item.get("id")) for item in activities if isinstance(item, Mapping) and item.get("id"))
        raise DataError(f"nie ma działania o identyfikatorze „{activity}” (znane: {known or 'brak — nadaj działaniom id'})",
                        row.where("activity"))
    checked = TableRow(values, row.row, row.columns, row.grid)
    _validate_row(model, checked, "costs")
    position = found[0]
    item = dict(activities[position])
    item_costs = list(item.get("costs") or [])
    line = len(item_costs)
    item_costs.append(values)
    item["costs"] = item_costs
    activities[position] = item
    cells[("activities", str(position), "costs", str(line))] = row.where()
    for name in row.columns:
        cells[("activities", str(position), "costs", str(line), name)] = row.where(name)


__all__ = ["FIELD_LABELS", "SHEET_NAMES", "FieldKind", "MergedTables", "TableRow", "TableSource", "field_kind",
           "merge_tables", "read_rows"]
