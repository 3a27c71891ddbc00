"""The report's texts in the clerk's own words: chapters (a heading exactly as written and Markdown content) and
the narrative (summary, problems, conclusions).

Contract: plain models of a report file's text fields (validated when a report loads; :mod:`paldocs.report.model`
holds them); a chapter says something — a heading, content or both. No formatting happens here.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from paldocs.model.base import Markdown, NonEmptyText, StrictModel


class Chapter(StrictModel):
    """A chapter of the report in the clerk's own words: its heading exactly as written, and its text."""

    heading: NonEmptyText | None = Field(
        None, description="Tytuł rozdziału dokładnie tak, jak go zapisano (z numerem, jeśli go ma); brak tytułu — "
        "sam tekst.", examples=["1. PODSTAWOWE INFORMACJE O REALIZACJI PROGRAMU", "WSTĘP"])
    content: Markdown | None = Field(
        None, description="Treść rozdziału (Markdown: akapity, listy, tabele).",
        examples=["W 2016 roku na terenie miasta funkcjonowało ok. 140 organizacji pozarządowych."])

    @model_validator(mode="after")
    def _says_something(self) -> Chapter:
        if self.heading is None and self.content is None:
            raise ValueError("rozdział bez tytułu i bez treści — podaj „heading” albo „content”")
        return self


class Narrative(StrictModel):
    summary: Markdown = Field(description="Podsumowanie realizacji programu (Markdown).",
                              examples=["Program realizowano zgodnie z harmonogramem."])
    problems: Markdown | None = Field(None, description="Trudności i problemy w realizacji (Markdown).",
                                      examples=["Część zajęć rozpoczęto z opóźnieniem z powodu nieobecności trenera."])
    conclusions: Markdown | None = Field(None, description="Wnioski i rekomendacje (Markdown).",
                                         examples=["Zwiększyć liczbę miejsc w Klubie Integracji Społecznej."])
