"""The empty workbook a clerk fills in with a report's tables (``paldocs report-template``).

Contract: :func:`write_template` writes an XLSX workbook with one sheet per table (:data:`SHEET_NAMES`: Wskaźniki,
Działania, Koszty), a bold, frozen header row whose texts end with the field's name in parentheses ("Wartość
osiągnięta 2015 (actual.2015)" — :func:`template_columns`, one target and one actual column per year), so that
:mod:`paldocs.report.spreadsheet` reads the filled workbook without a ``columns`` mapping, and a last sheet
"Objaśnienia" explaining every column: its field, what it holds (the field's Polish description from the report
model — the same words ``paldocs schema`` prints) and how to type its value.

The other report kinds print their tables from a sheet as a chapter's ``table:``
(:class:`~paldocs.model.sheet_table.SheetTable`): :data:`SHEET_LAYOUTS` gives each its sheet, its header row (the
column texts and their types) and the row "Razem", and :func:`write_sheet_table_template` writes that sheet with
the ``table:`` to paste into the report file (:func:`table_yaml`) in a comment on the first header cell and on the
sheet "Objaśnienia"; that ``table:`` reads the filled sheet back without a ``columns`` mapping. Nothing is read
here.
"""

from __future__ import annotations

import io
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from paldocs.model.sheet_table import ColumnType

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


@dataclass(frozen=True)
class SheetLayout:
    """The sheet a report kind's chapter table is read from: its name, header row, types, sums and caption."""

    sheet: str
    columns: tuple[tuple[str, ColumnType], ...]
    total: tuple[str, ...]
    caption: str
    mapping: str  # how to use and adapt the sheet, for the clerk (Polish)


_GENERIC = SheetLayout(
    "Tabela", (("Wyszczególnienie", "text"), ("Liczba", "count"), ("Kwota (zł)", "money"), ("Uwagi", "text")),
    ("Kwota (zł)",), "Tytuł tabeli",
    "Tabela ogólna: zmień teksty nagłówków na własne (np. „Forma pomocy”, „Liczba rodzin”), dopisz albo usuń "
    "kolumny i popraw w „table:” nazwy kolumn w „types” i „total” tak, by były dokładnie takie jak w nagłówku. "
    "Kolumna bez rodzaju w „types” jest tekstem.")

SHEET_LAYOUTS: dict[str, SheetLayout] = {
    # The commissioned public tasks of a programme of cooperation: what the published reports say of them —
    # Borzytuchom 2022 (resolutions/examples/reports/borzytuchom-2022-program-wspolpracy.yaml): tasks realised by
    # organisations "w formie ich wspierania poprzez udzielanie dotacji", commissioned "w formie konkursów ofert"
    # (or "z pominięciem otwartego konkursu ofert"), the offers each competition received and the amount spent;
    # the forms "wspierania bądź powierzania" are named by the Konin county report for 2013 (docs/reports.md).
    "program-wspolpracy": SheetLayout(
        "Zadania zlecone", (("Zadanie publiczne", "text"), ("Organizacja", "text"), ("Tryb zlecenia", "text"),
                            ("Forma zlecenia", "text"), ("Liczba ofert", "count"), ("Kwota dotacji (zł)", "money")),
        ("Kwota dotacji (zł)",), "Zadania publiczne zlecone organizacjom pozarządowym",
        "Jeden wiersz to jedno zadanie publiczne zlecone organizacji. Tryb zlecenia: „otwarty konkurs ofert” albo "
        "„z pominięciem otwartego konkursu ofert”; forma: „wspieranie” albo „powierzanie”. Pusta komórka kwoty "
        "drukuje się jako „b.d.” i nie wchodzi do sumy."),
    "narracyjne": _GENERIC,
    "wspieranie-rodziny": _GENERIC,
}
"""Report kind → the sheet its chapter's ``table:`` reads (``monitoring`` has its own sheets: :func:`write_template`)."""


def table_yaml(layout: SheetLayout, file_name: str) -> str:
    """The ``table:`` of a chapter that prints the sheet (YAML flow mappings, to paste under a chapter)."""
    typed = {name: kind for name, kind in layout.columns if kind != "text"}
    types = ", ".join(f"{name}: {kind}" for name, kind in typed.items())
    total = ", ".join(layout.total)
    return (f"table:\n  file: {file_name}\n  sheet: {layout.sheet}\n  caption: {layout.caption}\n"
            f"  types: {{{types}}}\n" + (f"  total: [{total}]\n" if total else ""))


def write_sheet_table_template(target: Path | io.BytesIO, layout: SheetLayout, file_name: str) -> None:
    """An empty workbook: the layout's sheet with its bold, frozen header row, and the explanations."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font

    snippet = table_yaml(layout, file_name)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = layout.sheet
    for column, (header, _) in enumerate(layout.columns, start=1):
        cell = sheet.cell(row=1, column=column, value=header)
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(14, min(40, len(header) + 4))
    sheet["A1"].comment = Comment(f"{layout.mapping}\n\nW pliku sprawozdania, w rozdziale (chapters):\n{snippet}",
                                  "paldocs", width=420, height=260)
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet(EXPLANATIONS_SHEET)
    notes.append(["Kolumna", "Jak wpisać"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for header, kind in layout.columns:
        notes.append([header, _SHEET_FORMATS[kind]])
    notes.append([])
    notes.append([layout.mapping])
    notes.append(["W pliku sprawozdania, w rozdziale (chapters), wpisz:"])
    for line in snippet.splitlines():
        notes.append([line])
    notes.append([_EMPTY])
    notes.column_dimensions["A"].width = 40
    notes.column_dimensions["B"].width = 80
    for row in notes.iter_rows(min_row=2, min_col=2, max_col=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    workbook.save(target)


_SHEET_FORMATS: dict[ColumnType, str] = {
    "text": "tekst", "count": _FORMATS["count"], "money": _FORMATS["money"], "date": _FORMATS["date"],
    "number": "liczba, np. 1 234,56 albo 12,5", "percent": "procent, np. 12,5% (albo komórka w formacie procentowym)",
}


__all__ = ["EXPLANATIONS_SHEET", "SHEET_LAYOUTS", "SheetLayout", "field_description", "table_yaml",
           "template_columns", "write_sheet_table_template", "write_template"]
