"""The empty workbook a clerk fills in with a report's tables (``paldocs report-template``).

Contract: :func:`write_template` writes an XLSX workbook with one sheet per table (:data:`SHEET_NAMES`: Wskaźniki,
Działania, Koszty), a bold, frozen header row whose texts end with the field's name in parentheses ("Wartość
osiągnięta 2015 (actual.2015)" — :func:`template_columns`, one target and one actual column per year), so that
:mod:`paldocs.report.spreadsheet` reads the filled workbook without a ``columns`` mapping, and a last sheet
"Objaśnienia" explaining every column: its field, what it holds (the field's Polish description from the report
model — the same words ``paldocs schema`` prints) and how to type its value. Nothing is read here.
"""

from __future__ import annotations

import io
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from paldocs.report.spreadsheet import FIELD_LABELS, SHEET_NAMES, FieldKind, field_kind

EXPLANATIONS_SHEET = "Objaśnienia"

_FORMATS: dict[FieldKind, str] = {
    "text": "tekst",
    "list": "lista: identyfikatory po przecinku (measures) albo nazwy po średniku (partners)",
    "number": "liczba, np. 1 234,56 albo 12,5 (bez znaku %; jednostkę podaje kolumna „unit”)",
    "count": "liczba całkowita, np. 74",
    "money": "kwota w zł, np. 1 234,56 albo 1 234,56 zł (najwyżej dwa miejsca po przecinku)",
    "date": "data: DD.MM.RRRR (np. 31.12.2015) albo data Excela",
    "year": "rok, np. 2015",
}
_EMPTY = "Pusta komórka to brak danych (nie zero): pole jest pomijane. Pusty wiersz jest pomijany."


def template_columns(into: str, years: Sequence[int]) -> list[tuple[str, str]]:
    """(field, header text) of a template sheet: one column per report year for targets and actual values."""
    columns: list[tuple[str, str]] = []
    for name, label in FIELD_LABELS[into].items():
        if name in ("targets.*", "actual.*"):
            columns += [(f"{name[:-2]}.{year}", f"{label.format(year=year)} ({name[:-2]}.{year})") for year in years]
        elif not name.endswith(".*"):
            columns.append((name, f"{label} ({name})"))
    return columns


def field_description(into: str, name: str) -> str:
    """The report model's Polish description of a column's field ("actual.2015" → ``Indicator.actual``'s)."""
    from paldocs.report.model import Activity, CostLine, Indicator

    if into == "costs" and name == "activity":
        return "Identyfikator działania (id z arkusza Działania albo z pliku sprawozdania), którego dotyczy koszt."
    model: type[BaseModel] | None = {"indicators": Indicator, "activities": Activity, "costs": CostLine}[into]
    description = ""
    for part in name.split("."):
        if model is None:
            break  # a year or a group's name under a mapping field: the mapping's description stands
        field = next((info for key, info in model.model_fields.items() if part in (key, info.alias)), None)
        if field is None:
            break
        description = field.description or description
        model = _model_of(field.annotation)
    return description


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``Model | None`` (descend into a nested field), None for anything else."""
    candidates = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else (annotation,)
    return next((item for item in candidates if isinstance(item, type) and issubclass(item, BaseModel)), None)


def write_template(target: Path | io.BytesIO, tables: Sequence[str], years: Sequence[int]) -> None:
    """An empty workbook: one sheet per kind of row (``tables``) with its header row, and the explanations."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    explained: list[tuple[str, str, str, str, str]] = []
    for into in tables:
        sheet = workbook.create_sheet(SHEET_NAMES[into])
        for column, (name, header) in enumerate(template_columns(into, years), start=1):
            cell = sheet.cell(row=1, column=column, value=header)
            cell.font = Font(bold=True)
            sheet.column_dimensions[cell.column_letter].width = max(12, min(40, len(header) + 2))
            kind = field_kind(into, name)
            assert kind is not None  # template columns are fields rows can fill
            explained.append((SHEET_NAMES[into], header, name, field_description(into, name), _FORMATS[kind]))
        sheet.freeze_panes = "A2"
    notes = workbook.create_sheet(EXPLANATIONS_SHEET)
    notes.append(["Arkusz", "Kolumna", "Pole", "Co zawiera", "Jak wpisać"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for row in explained:
        notes.append(list(row))
    notes.append([])
    notes.append([_EMPTY])
    for letter, width in zip("ABCDE", (12, 40, 28, 70, 60)):
        notes.column_dimensions[letter].width = width
    for row in notes.iter_rows(min_row=2, min_col=4, max_col=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    notes.freeze_panes = "A2"
    workbook.save(target)


__all__ = ["EXPLANATIONS_SHEET", "field_description", "template_columns", "write_template"]
