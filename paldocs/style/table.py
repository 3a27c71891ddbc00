"""The house-style table as a pydantic model: what ``templates/house-style.yaml`` and a profile's
``house_style:`` section may hold, with every value checked.

Contract:
- :class:`HouseStyle` is one model for the packaged table and for an override: every field is optional, so
  an override names only what it changes; the packaged table gives every value (:mod:`paldocs.style.resolve`
  merges and checks that). Unknown keys are errors (a typo names the closest key, :mod:`paldocs.model.messages`).
- Lengths are written with a unit — ``12pt``, ``0.75cm``, ``25mm``, ``0.5em`` (of the role's own font size),
  ``50%`` (of the text width; indents only) — or as a bare number of points; they are kept in one canonical
  spelling ("0.5em"), which is also how the print CSS receives them. Font sizes are points only.
- Every value that reaches the print CSS is checked against a closed pattern (numbers with a unit, six hex
  digits, font names of letters, digits, spaces, dots and hyphens): a value can never close a CSS rule,
  open a string or name a URL, and the HTML page and the PDF stay free of anything fetched.
- Each role (a named DOCX style and its CSS rule) has the same properties; its ``docx:`` and ``css:`` sections
  give a value for one output only, where the two outputs lay the role out differently (a CSS block margin
  against a Word paragraph's spacing).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from paldocs.model.base import StrictModel

_LENGTH = re.compile(r"\s*(-?\d+(?:[.,]\d+)?)\s*(pt|cm|mm|em|%)?\s*\Z")
_UNIT_NAMES = {"pt": "punkty", "cm": "centymetry", "mm": "milimetry", "em": "wielokrotność wielkości czcionki",
               "%": "procent szerokości tekstu"}


def _length_checker(units: tuple[str, ...], *, negative: bool = False, maximum_pt: float | None = None) -> Any:
    """A validator turning ``12``, ``"12 pt"`` or ``"0,75cm"`` into the canonical ``"12pt"``/``"0.75cm"``."""
    allowed = ", ".join(units)

    def check(value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError(f"oczekiwano długości z jednostką ({allowed}), np. „12pt”; jest: {value!r}")
        match = _LENGTH.match(str(value))
        if match is None:
            raise ValueError(f"nieprawidłowa długość „{value}”: podaj liczbę z jednostką ({allowed}), np. "
                             f"„{'12pt' if 'pt' in units else '2.5cm'}”")
        number, unit = float(match[1].replace(",", ".")), match[2] or "pt"
        if unit not in units:
            raise ValueError(f"jednostka „{unit}” ({_UNIT_NAMES[unit]}) nie jest tu dozwolona; "
                             f"dozwolone: {allowed}")
        if number < 0 and not negative:
            raise ValueError(f"długość „{value}” nie może być ujemna")
        if maximum_pt is not None and not 1 <= number <= maximum_pt:
            raise ValueError(f"wielkość czcionki „{value}” poza zakresem 1–{maximum_pt:g} pt")
        return f"{number:g}{unit}"

    return BeforeValidator(check)


def _hex_color(value: Any) -> str:
    text = str(value).removeprefix("#")
    if isinstance(value, bool) or not re.fullmatch(r"[0-9A-Fa-f]{6}", text):
        raise ValueError(f"nieprawidłowy kolor {value!r}: podaj sześć cyfr szesnastkowych, np. „E6E6E6”")
    return text.upper()


def _font_name(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .\-]{0,62}", value.strip()):
        raise ValueError(f"nieprawidłowa nazwa czcionki {value!r}: dozwolone litery łacińskie, cyfry, spacje, "
                         "kropki i łączniki, np. „Liberation Serif”")
    return " ".join(value.split())


FontSize = Annotated[str, _length_checker(("pt",), maximum_pt=72)]
Spacing = Annotated[str, _length_checker(("pt", "cm", "mm", "em"))]
Indent = Annotated[str, _length_checker(("pt", "cm", "mm", "em", "%"))]
PageLength = Annotated[str, _length_checker(("pt", "cm", "mm"))]
Color = Annotated[str, BeforeValidator(_hex_color)]
FontName = Annotated[str, BeforeValidator(_font_name)]
Alignment = Literal["left", "center", "right", "justify"]


class Look(StrictModel):
    """The physical properties of one role (any may be left out: inherited, see docs/house-style.md)."""

    size: FontSize | None = Field(None, description="Wielkość czcionki w pt, np. „10pt” (bez niej: font.size).")
    bold: bool | None = Field(None, description="Pogrubienie.")
    italic: bool | None = Field(None, description="Kursywa.")
    align: Alignment | None = Field(None, description="Wyrównanie: left, center, right, justify.")
    space_before: Spacing | None = Field(None, description="Odstęp przed, np. „6pt” albo „0.5em”.")
    space_after: Spacing | None = Field(None, description="Odstęp po, np. „6pt” albo „0.5em”.")
    line_spacing: float | None = Field(None, gt=0, le=5, description="Interlinia, wielokrotność: 1.0 — pojedyncza.")
    left_indent: Indent | None = Field(None, description="Wcięcie z lewej, np. „0.75cm”, „50%”.")
    hanging: Spacing | None = Field(None, description="Wysunięcie pierwszego wiersza (na etykietę, np. „1)”).")
    first_line: Spacing | None = Field(None, description="Wcięcie pierwszego wiersza akapitu (zamiast wysunięcia).")
    keep_with_next: bool | None = Field(None, description="Razem z następnym akapitem (bez podziału strony po nim).")
    keep_together: bool | None = Field(None, description="Akapit (blok) niedzielony między strony.")
    contextual_spacing: bool | None = Field(
        None, description="DOCX: bez odstępów między kolejnymi akapitami tego samego stylu.")

    @model_validator(mode="after")
    def _one_first_line_rule(self) -> Look:
        if self.hanging is not None and self.first_line is not None:
            raise ValueError("podaj albo „hanging” (wysunięcie), albo „first_line” (wcięcie) — nie oba")
        return self


class Role(Look):
    """A role's look for both outputs, and what differs in one of them."""

    docx: Look | None = Field(None, description="Wartości tylko dla DOCX (styl Worda).")
    css: Look | None = Field(None, description="Wartości tylko dla HTML i PDF (arkusz CSS).")


class Roles(StrictModel):
    """One entry per named style: the key is the role, the DOCX style and the CSS rule are fixed by paldocs."""

    body: Role | None = Field(None, description="Styl: tekst zwykły (podstawa pozostałych stylów).")
    heading: Role | None = Field(None, description="Styl: nagłówek rozdziału programu lub sprawozdania.")
    subheading: Role | None = Field(None, description="Styl: nagłówek podrozdziału.")
    footer: Role | None = Field(None, description="Styl: stopka z numerem strony.")
    draft_mark: Role | None = Field(None, description="Styl: znak „Projekt” nad tytułem projektu uchwały.")
    title: Role | None = Field(None, description="Styl: blok tytułowy uchwały (numer, organ, data, tytuł).")
    legal_basis: Role | None = Field(None, description="Styl: podstawa prawna.")
    enacting_formula: Role | None = Field(None, description="Styl: formuła „Rada … uchwala, co następuje:”.")
    unit_paragraf: Role | None = Field(None, description="Styl: paragraf (§) w układzie „§ 1. Tekst”.")
    unit_heading: Role | None = Field(None, description="Styl: oznaczenie paragrafu wyśrodkowane nad tekstem („§ 1”).")
    unit_ustep: Role | None = Field(None, description="Styl: ustęp.")
    unit_punkt: Role | None = Field(None, description="Styl: punkt.")
    unit_litera: Role | None = Field(None, description="Styl: litera.")
    unit_tiret: Role | None = Field(None, description="Styl: tiret.")
    unit_closing: Role | None = Field(None, description="Styl: część wspólna wyliczenia (po ostatnim punkcie).")
    signature: Role | None = Field(None, description="Styl: blok podpisu.")
    footnotes: Role | None = Field(None, description="Styl: przypisy pod blokiem podpisu (drobniejsze pismo).")
    annex_header: Role | None = Field(None, description="Styl: nagłówek załącznika (prawy górny róg).")
    program_title: Role | None = Field(None, description="Styl: tytuł programu w załączniku.")
    toc_title: Role | None = Field(None, description="Styl: tytuł spisu treści.")
    toc: Role | None = Field(None, description="Styl: pozycje spisu treści.")
    justification_title: Role | None = Field(None, description="Styl: tytuł „UZASADNIENIE”.")
    center: Role | None = Field(None, description="Styl: akapit wyśrodkowany (blok „::: center”).")
    list_numbered: Role | None = Field(None, description="Styl: wyliczenie numerowane poza jednostkami uchwały.")
    list_bullet: Role | None = Field(None, description="Styl: wyliczenie z myślnikami lub punktorami.")
    report_title: Role | None = Field(None, description="Styl: tytuł sprawozdania.")
    table_caption: Role | None = Field(None, description="Styl: podpis tabeli.")
    table_text: Role | None = Field(None, description="Styl: tekst w komórkach tabeli.")
    table_header: Role | None = Field(None, description="Styl: wiersz nagłówka tabeli.")
    figure: Role | None = Field(None, description="Styl: rysunek lub wykres.")
    figure_caption: Role | None = Field(None, description="Styl: podpis rysunku.")


class Margins(StrictModel):
    top: PageLength | None = Field(None, description="Margines górny, np. „2.5cm”.")
    bottom: PageLength | None = Field(None, description="Margines dolny, np. „2.5cm”.")
    left: PageLength | None = Field(None, description="Margines lewy, np. „2.5cm”.")
    right: PageLength | None = Field(None, description="Margines prawy, np. „2.5cm”.")


class Page(StrictModel):
    size: Literal["A3", "A4", "A5"] | None = Field(None, description="Format strony.")
    margins: Margins | None = Field(None, description="Marginesy strony.")
    header_distance: PageLength | None = Field(None, description="DOCX: odległość nagłówka od krawędzi.")
    footer_distance: PageLength | None = Field(None, description="DOCX: odległość stopki od krawędzi.")


class Font(StrictModel):
    docx: FontName | None = Field(None, description="Czcionka dokumentu DOCX, np. „Times New Roman”.")
    pdf: FontName | None = Field(None, description="Czcionka osadzana w PDF (fontconfig), np. „Liberation Serif”.")
    generic: Literal["serif", "sans-serif"] | None = Field(None, description="Rodzina zastępcza CSS.")
    package: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9.+\-]{0,62}$",
                                description="Pakiet systemu z czcionką PDF (do podpowiedzi), np. fonts-liberation2.")
    size: FontSize | None = Field(None, description="Wielkość podstawowa, np. „12pt”.")


class Table(StrictModel):
    border: Spacing | None = Field(None, description="Grubość linii tabeli, np. „0.5pt”.")
    border_color: Color | None = Field(None, description="Kolor obramowania tabeli (szesnastkowo), np. „000000”.")
    header_fill: Color | None = Field(None, description="Tło wiersza nagłówka, np. „E6E6E6”.")
    cell_padding_vertical: PageLength | None = Field(None, description="Odstęp tekstu od górnej i dolnej krawędzi komórki.")
    cell_padding_horizontal: PageLength | None = Field(None, description="Odstęp tekstu od lewej i prawej krawędzi komórki.")


class HouseStyle(StrictModel):
    """The house style: page, fonts, tables and the look of every role (see docs/house-style.md)."""

    page: Page | None = Field(None, description="Strona: format, marginesy, odległości nagłówka i stopki.")
    font: Font | None = Field(None, description="Czcionka dokumentu (DOCX i PDF) i wielkość podstawowa.")
    table: Table | None = Field(None, description="Wygląd tabel: obramowanie, tło wiersza nagłówka, odstępy w komórkach.")
    roles: Roles | None = Field(None, description="Wygląd poszczególnych stylów (ról), np. tytułu uchwały czy paragrafu.")


PAGE_SIZES_MM: dict[str, tuple[int, int]] = {"A3": (297, 420), "A4": (210, 297), "A5": (148, 210)}
EXCLUSIVE = {"hanging": "first_line", "first_line": "hanging"}  # giving one of them drops the other


def split_length(length: str) -> tuple[float, str]:
    """``"0.75cm"`` → ``(0.75, "cm")`` (a canonical length, as the validators leave it)."""
    match = _LENGTH.match(length)
    assert match is not None, length
    return float(match[1]), match[2] or "pt"


def to_points(length: str, *, em: float, percent_of: float | None = None) -> float:
    """A length in points; ``em`` is the font size (pt) an ``em`` refers to, ``percent_of`` the width (pt)."""
    number, unit = split_length(length)
    if unit == "%":
        if percent_of is None:
            raise ValueError(f"długość „{length}” w procentach nie jest tu dozwolona")
        return number / 100 * percent_of
    return number * {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "em": em}[unit]
