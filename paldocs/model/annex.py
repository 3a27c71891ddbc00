"""Annexes (załączniki) other than the program: what each holds and how it is designated.

Contract: an :class:`Annex` is a title and exactly one body — Markdown (``content``, tables and "Rozdział 1."
chapters allowed), a picture or plan in a file next to the data file (``file``: PNG, JPEG, SVG or one page of a
PDF), a report built from its data file next to the data file (``report``: a ``document: report`` YAML file), or nothing at all when the annex exists but is not reproduced in the data (``reproduced: false``: the
document prints its header, its title and a note). The data never number annexes: paldocs numbers them in
order, after the program when there is one ("Załącznik Nr 2 do Uchwały …"; "Załącznik do …" when there is
only one). The file's name is only validated for its form here; reading it (inside the data file's folder,
never a URL) is :mod:`paldocs.annex_files`'s. No formatting happens here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from paldocs.model.base import Markdown, NonEmptyText, StrictModel

AnnexFileType = Literal["png", "jpeg", "svg", "pdf"]

# The suffixes of the pictures an annex may show, with the type each is read as.
ANNEX_FILE_SUFFIXES: dict[str, AnnexFileType] = {
    ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg", ".pdf": "pdf",
}

SectionNumbering = Literal["none", "roman", "decimal", "chapter", "chapter-roman"]

NOT_REPRODUCED_NOTE = "Załącznik nie został odtworzony w niniejszym dokumencie."


class Annex(StrictModel):
    """One further annex of the resolution (after the program, if there is one)."""

    title: NonEmptyText = Field(
        description="Tytuł załącznika w mianowniku, drukowany pod nagłówkiem (bez „Załącznik nr …” — numer nadaje "
        "paldocs).", examples=["Wykaz zadań priorytetowych", "Mapa obszaru rewitalizacji"])
    title_style: Literal["bold", "plain"] = Field(
        "bold", description="Krój tytułu załącznika: pogrubiony (bold, domyślnie) albo zwykły (plain).",
        examples=["bold"])
    content: Markdown | None = Field(
        None, description="Treść załącznika (Markdown): akapity, listy, tabele, rozdziały „# Rozdział 1.”.",
        examples=["| Lp. | Zadanie |\n|---|---|\n| 1 | Remont świetlicy |"])
    section_numbering: SectionNumbering = Field(
        "none", description="Numeracja rozdziałów treści (nagłówków „#”): brak, rzymska (I.), arabska (1.), "
        "„Rozdział 1.” (chapter) albo „Rozdział I.” (chapter-roman) wyśrodkowany nad tytułem rozdziału.",
        examples=["chapter"])
    file: NonEmptyText | None = Field(
        None, description="Rysunek lub plan: plik PNG, JPEG, SVG albo PDF w folderze pliku danych (ścieżka "
        "względna, nigdy adres internetowy ani plik spoza folderu).", examples=["mapa.png", "plany/obszar.pdf"])
    report: NonEmptyText | None = Field(
        None, description="Sprawozdanie: plik danych sprawozdania („document: report”, YAML) w folderze pliku danych; "
        "załącznik drukuje całe sprawozdanie (jego tytuł zastępuje tytuł załącznika) — np. do uchwały rodzaju "
        "„przyjecie-sprawozdania”.", examples=["sprawozdanie-2025.yaml"])
    page: int = Field(1, ge=1, le=9999, description="Strona pliku PDF, którą drukuje załącznik (od 1).",
                      examples=[1])
    alt: NonEmptyText | None = Field(
        None, description="Tekst alternatywny rysunku (co przedstawia — dla czytników ekranu); domyślnie tytuł.",
        examples=["Mapa gminy z zaznaczonym obszarem rewitalizacji w jej północnej części"])
    reproduced: bool = Field(
        True, description="false — załącznik istnieje, ale jego treści nie ma w danych: drukowany jest nagłówek, "
        "tytuł i uwaga (note).", examples=[False])
    note: NonEmptyText | None = Field(
        None, description=f"Uwaga drukowana zamiast treści nieodtworzonego załącznika; domyślnie: "
        f"„{NOT_REPRODUCED_NOTE}”", examples=["Załącznik dostępny do wglądu w Urzędzie Gminy, pokój nr 12."])

    @model_validator(mode="after")
    def _one_body(self) -> Annex:
        bodies = [name for name in ("content", "file", "report") if getattr(self, name) is not None]
        if not self.reproduced:
            if bodies:
                raise ValueError(f"załącznik nieodtworzony („reproduced: false”) nie ma treści — usuń pole "
                                 f"„{bodies[0]}” albo „reproduced: false”")
            return self
        if self.note is not None:
            raise ValueError("uwaga „note” dotyczy tylko załącznika nieodtworzonego („reproduced: false”)")
        if len(bodies) != 1:
            raise ValueError("załącznik ma jedną treść: podaj „content” (tekst), „file” (rysunek lub plan), "
                             "„report” (plik sprawozdania) albo „reproduced: false” (załącznik nieodtworzony)")
        if self.file is not None and self.section_numbering != "none":
            raise ValueError("„section_numbering” dotyczy treści tekstowej („content”), nie pliku")
        if self.file is None and (self.page != 1 or self.alt is not None):
            raise ValueError("pola „page” i „alt” dotyczą załącznika z pliku („file”)")
        return self
