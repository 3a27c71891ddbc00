"""The report's texts in the clerk's own words: chapters (a heading exactly as written and Markdown content) and
the narrative (summary, problems, conclusions).

Contract: plain models of a report file's text fields (validated when a report loads; :mod:`paldocs.report.model`
holds them); a chapter says something — a heading, content, a table read from a spreadsheet
(:class:`~paldocs.model.sheet_table.SheetTable`) or several of them. No formatting happens here.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from paldocs.model.base import Markdown, NonEmptyText, StrictModel
from paldocs.model.sheet_table import SheetTable


class Chapter(StrictModel):
    """A chapter of the report in the clerk's own words: its heading exactly as written, and its text."""

    heading: NonEmptyText | None = Field(
        None, description="Tytuł rozdziału dokładnie tak, jak go zapisano (z numerem, jeśli go ma); brak tytułu — "
        "sam tekst.", examples=["1. PODSTAWOWE INFORMACJE O REALIZACJI PROGRAMU", "WSTĘP"])
    content: Markdown | None = Field(
        None, description="Treść rozdziału (Markdown: akapity, listy, tabele).",
        examples=["W 2016 roku na terenie miasta funkcjonowało ok. 140 organizacji pozarządowych."])
    table: SheetTable | None = Field(
        None, description="Tabela z arkusza (.xlsx) albo pliku CSV, drukowana po treści rozdziału.",
        examples=[{"file": "zadania.xlsx", "sheet": "Zadania zlecone", "caption": "Zadania publiczne zlecone "
                   "organizacjom pozarządowym", "types": {"Kwota dotacji (zł)": "money"},
                   "total": ["Kwota dotacji (zł)"]}])

    @model_validator(mode="after")
    def _says_something(self) -> Chapter:
        if self.heading is None and self.content is None and self.table is None:
            raise ValueError("rozdział bez tytułu, treści i tabeli — podaj „heading”, „content” albo „table”")
        return self


class Narrative(StrictModel):
    summary: Markdown = Field(description="Podsumowanie realizacji programu (Markdown).",
                              examples=["Program realizowano zgodnie z harmonogramem."])
    problems: Markdown | None = Field(None, description="Trudności i problemy w realizacji (Markdown).",
                                      examples=["Część zajęć rozpoczęto z opóźnieniem z powodu nieobecności trenera."])
    conclusions: Markdown | None = Field(None, description="Wnioski i rekomendacje (Markdown).",
                                         examples=["Zwiększyć liczbę miejsc w Klubie Integracji Społecznej."])
