"""A table printed from a spreadsheet: the data that name it (``table:`` of a programme section or a report chapter).

Contract: :class:`SheetTable` is plain data — which file and sheet, which header row, which columns in which
order, which data rows, the caption, how each column's values are read and printed (``types``) and which columns
are summed into a last row "Razem" (``total``). It holds no cells: :mod:`paldocs.report.sheet_table` reads the
file (relative to the data file that names it) when the document is composed. It lives in the model package so
that a programme's :class:`~paldocs.model.program.Section` can hold it without importing the report package.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from paldocs.model.base import NonEmptyText, StrictModel

ColumnType = Literal["text", "number", "money", "percent", "count", "date"]
NUMERIC_TYPES: frozenset[str] = frozenset({"number", "money", "count"})
"""Column types whose values may be summed into the row "Razem" (a sum of percents or dates means nothing)."""

_ROWS = re.compile(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$")


class SheetTable(StrictModel):
    """A table read from a sheet of an XLSX workbook or from a CSV file and printed where it is declared."""

    file: NonEmptyText = Field(description="Plik arkusza (.xlsx) albo CSV, względem pliku danych.",
                               examples=["budzet.xlsx"])
    sheet: NonEmptyText | None = Field(None, description="Nazwa arkusza (XLSX); domyślnie pierwszy arkusz.",
                                       examples=["Budżet"])
    header_row: int = Field(1, ge=1, le=100, description="Numer wiersza nagłówka (dane zaczynają się pod nim).",
                            examples=[1])
    columns: list[NonEmptyText] | None = Field(
        None, min_length=1, description="Kolumny do wydruku, w tej kolejności: litera („B”) albo tekst nagłówka; "
        "domyślnie każda kolumna z niepustym nagłówkiem.", examples=[["Zadanie", "Kwota (zł)", "C"]])
    rows: NonEmptyText | None = Field(
        None, description="Wiersze danych do wydruku „pierwszy-ostatni” (numery wierszy arkusza); domyślnie "
        "wszystkie niepuste wiersze pod nagłówkiem.", examples=["2-14"])
    caption: NonEmptyText | None = Field(
        None, description="Podpis nad tabelą: „Tabela 1. …” z numerem nadanym przez paldocs albo dokładnie tak, "
        "jak go wpisano, gdy zaczyna się od „Tabela”.", examples=["Budżet programu w latach 2021–2027"])
    types: dict[NonEmptyText, ColumnType] = Field(
        default_factory=dict, description="Kolumna (litera albo nagłówek) → rodzaj wartości: text (tekst), number "
        "(liczba), money (kwota w zł), percent (procent), count (liczba całkowita), date (data); liczby, kwoty "
        "i daty drukowane po polsku, wyrównane do prawej. Domyślnie: tekst.",
        examples=[{"Kwota (zł)": "money", "Wartość docelowa": "number"}])
    total: list[NonEmptyText] = Field(
        default_factory=list, description="Kolumny sumowane w ostatnim wierszu „Razem” (liczby, kwoty, liczby "
        "całkowite); pusta komórka to „b.d.” — nie wchodzi do sumy, a uwaga pod tabelą to mówi.",
        examples=[["Kwota (zł)"]])

    @field_validator("rows")
    @classmethod
    def _row_range(cls, value: str | None) -> str | None:
        if value is None:
            return value
        match = _ROWS.match(value)
        if not match or int(match.group(1)) > int(match.group(2)) or int(match.group(1)) < 1:
            raise ValueError(f"„{value}” nie jest zakresem wierszy „pierwszy-ostatni”, np. „2-14”")
        return value

    @model_validator(mode="after")
    def _rows_below_header(self) -> SheetTable:
        if self.row_range is not None and self.row_range[0] <= self.header_row:
            raise ValueError(f"wiersze danych ({self.rows}) muszą być pod wierszem nagłówka ({self.header_row})")
        return self

    @property
    def row_range(self) -> tuple[int, int] | None:
        """(first, last) data row, None for every row under the header."""
        match = _ROWS.match(self.rows) if self.rows else None
        return (int(match.group(1)), int(match.group(2))) if match else None


__all__ = ["NUMERIC_TYPES", "ColumnType", "SheetTable"]
