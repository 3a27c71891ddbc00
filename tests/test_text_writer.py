"""Plain-text writer: the whole sample document against texts written by hand."""

from __future__ import annotations

import pytest

from ir_samples import CHART_ALT, NBSP, cell, lines, para, report_figure, sample_document, sample_report
from paldocs.document import (Div, Document, Figure, LineBreak, ListBlock, ListItem, Meta, Part, Strong, Table,
                              TableCell, Text, Unit)
from paldocs.errors import RenderError
from paldocs.writers.text import to_text

# "~" stands for a non-breaking space (the sample has none of its own); "\f" lines are page breaks.
RESOLUTION_INLINE = """\
UCHWAŁA NR LXIV/400/14
RADY MIEJSKIEJ W KĘTRZYNIE
z dnia 29~kwietnia 2014~r.
w sprawie przyjęcia „Programu Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – 2020”

Na podstawie art.~18 ust.~2 pkt~15 ustawy z dnia 8~marca 1990~r. o~samorządzie gminnym (Dz.~U. z~2013~r. poz.~594)

Rada Miejska w Kętrzynie uchwala, co następuje:

§~1. Przyjmuje się „Program”, stanowiący załącznik do niniejszej uchwały.

§~2. 1. Program obejmuje:
  1) cele;
  2) działania, w tym:
    a) szkolenia,
    b) spotkania:
      – otwarte,
      – zamknięte.
– w zakresie określonym w programie.
2. Wykonanie uchwały powierza się Burmistrzowi Miasta Kętrzyn.

§~3. Uchwała wchodzi w życie z dniem podjęcia.

z up. Przewodniczącego Rady Miejskiej
Wiceprzewodniczący Rady Miejskiej w Kętrzynie
Rafał Rypina
"""

RESOLUTION_HEADING = """\
UCHWAŁA NR LXIV/400/14
RADY MIEJSKIEJ W KĘTRZYNIE
z dnia 29~kwietnia 2014~r.
w sprawie przyjęcia „Programu Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – 2020”

Na podstawie art.~18 ust.~2 pkt~15 ustawy z dnia 8~marca 1990~r. o~samorządzie gminnym (Dz.~U. z~2013~r. poz.~594)

Rada Miejska w Kętrzynie uchwala, co następuje:

§~1
Przyjmuje się „Program”, stanowiący załącznik do niniejszej uchwały.

§~2
1. Program obejmuje:
  1) cele;
  2) działania, w tym:
    a) szkolenia,
    b) spotkania:
      – otwarte,
      – zamknięte.
– w zakresie określonym w programie.
2. Wykonanie uchwały powierza się Burmistrzowi Miasta Kętrzyn.

§~3
Uchwała wchodzi w życie z dniem podjęcia.

z up. Przewodniczącego Rady Miejskiej
Wiceprzewodniczący Rady Miejskiej w Kętrzynie
Rafał Rypina
"""

ANNEX_AND_JUSTIFICATION = """\
\f
Załącznik do Uchwały Nr LXIV/400/14
Rady Miejskiej w Kętrzynie
z dnia 29~kwietnia 2014~r.

P R O G R A M
AKTYWNOŚCI LOKALNEJ
na lata
2014 – 2020

SPIS TREŚCI:
1. Wstęp
2. Cele

I. Wstęp

Cel główny: realizowanie polityki integracji.

1) działania o charakterze środowiskowym, obejmujące m.in.:
  a) edukację,
  b) inspirowanie.
2) instrumenty aktywnej integracji.

Przewidywane rezultaty

– rozwój zdolności,
– stały monitoring.

• punkt wypunktowany

I. pierwszy
II. drugi
\f
Koniec programu

Przewodniczący Rady Miejskiej
Jan Kowalski
\f
UZASADNIENIE

Program jest odpowiedzią na potrzeby mieszkańców.
"""


def expected(resolution: str) -> str:
    return (resolution + ANNEX_AND_JUSTIFICATION).replace("~", NBSP)


@pytest.mark.parametrize(("layout", "resolution"), [("inline", RESOLUTION_INLINE), ("heading", RESOLUTION_HEADING)])
def test_sample_document(layout: str, resolution: str) -> None:
    assert to_text(sample_document(layout)) == expected(resolution)


def test_deterministic_and_single_final_newline() -> None:
    text = to_text(sample_document())
    assert text == to_text(sample_document())
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_no_markup_and_nbsp_kept() -> None:
    text = to_text(sample_document())
    assert "**" not in text and "<" not in text and "_" not in text and "#" not in text
    assert f"§{NBSP}2. 1." in text  # the NBSP inside the label survives
    assert "&nbsp;" not in text


def test_part_boundaries_are_form_feed_lines() -> None:
    text = to_text(sample_document())
    assert text.count("\f") == 3  # two part boundaries and one page break
    assert all(line == "\f" for line in text.split("\n") if "\f" in line)


def _document(*blocks: object, layout: str = "inline") -> Document:
    meta = Meta(title="T", paragraph_layout=layout)  # type: ignore[arg-type]
    return Document(meta, [Part("resolution", list(blocks))])  # type: ignore[arg-type]


def test_list_item_with_line_break_and_second_paragraph() -> None:
    block = ListBlock("decimal-paren", [
        ListItem("1)", [lines("pierwszy wiersz", "drugi wiersz"), para("akapit dalszy"),
                        ListBlock("alpha-paren", [ListItem("a)", [para("litera")])])]),
        ListItem("2)", []),
    ])
    assert to_text(_document(block)) == (
        "1) pierwszy wiersz\n"
        "  drugi wiersz\n"
        "  akapit dalszy\n"
        "  a) litera\n"
        "2)\n"
    )


@pytest.mark.parametrize(("layout", "text"), [
    ("inline", "Przepisy ogólne\n§ 1. Tekst.\n"),
    ("heading", "§ 1\nPrzepisy ogólne\nTekst.\n"),
])
def test_unit_heading(layout: str, text: str) -> None:
    unit = Unit("paragraf", [para("Tekst.")], num="1", heading=[Strong((Text("Przepisy ogólne"),))], address="par_1")
    assert to_text(_document(unit, layout=layout)) == text.replace(" 1", NBSP + "1")


def test_label_only_units_and_closing_part_of_a_point() -> None:
    unit = Unit("paragraf", [
        para("Wstęp:"),
        Unit("punkt", [Unit("litera", [para("x,")], num="a"), Unit("litera", [para("y;")], num="b"),
                       para("– część wspólna.")], num="1"),
    ], num="4")
    assert to_text(_document(unit)) == f"§{NBSP}4. Wstęp:\n  1)\n    a) x,\n    b) y;\n  – część wspólna.\n"


def test_div_lines_follow_each_other_and_blocks_are_separated() -> None:
    doc = _document(Div("signature", [para("Przewodniczący"), para("Jan Nowak")]), para("Po podpisie."))
    assert to_text(doc) == "Przewodniczący\nJan Nowak\n\nPo podpisie.\n"


# --- monitoring reports: tables and figures ------------------------------------------------------------

REPORT = f"""\
SPRAWOZDANIE
z realizacji Programu Aktywności Lokalnej
Miasta Kętrzyn za 2015~r.

1. Wskaźniki

Program realizowano zgodnie z harmonogramem.

Tabela 1. Wskaźniki realizacji programu w 2015 r.
Wskaźnik                          | Wartość docelowa |  Wykonanie | Stopień realizacji
----------------------------------+------------------+------------+-------------------
Liczba uczestników programu       |               40 |         51 |            127,5~%
Liczba godzin zajęć               |            1~200 |      1~134 |             94,5~%
Liczba spotkań otwartych          |               12 |          9 |             75,0~%
Osoby, które podjęły zatrudnienie |                5 |          6 |            120,0~%
Wydatki (zł)                      |       150~000,00 | 142~318,20 |             94,9~%

2. Uczestnicy

[Rysunek: Rysunek 1. Liczba uczestników w latach 2013–2015] {CHART_ALT}

Liczba uczestników rośnie z roku na rok.
"""


def test_sample_report() -> None:
    assert to_text(sample_report()) == REPORT.replace("~", NBSP)


def test_table_cells_with_breaks_centred_and_short_rows_without_header() -> None:
    table = Table(header=[], rows=[
        [TableCell([Text("a"), LineBreak(), Text("dłuższy")]), cell("środek", "center"), cell("7", "right")],
        [cell("b")],
    ])
    assert to_text(_document(table)) == (
        "a       | środek | 7\n"
        "dłuższy |        |\n"
        "b       |        |\n"
    )


def test_two_header_rows_share_one_rule_below_them() -> None:
    table = Table(header=[[cell("Rok"), cell("Liczba")], [cell(""), cell("osób", "right")]],
                  rows=[[cell("2015"), cell("51", "right")]])
    assert to_text(_document(table)) == "Rok  | Liczba\n     |   osób\n-----+-------\n2015 |     51\n"


def test_figure_without_caption_and_without_alt() -> None:
    assert to_text(_document(report_figure(), Figure("pusty", svg=b"<svg/>"))) == (
        f"[Rysunek: Rysunek 1. Liczba uczestników w latach 2013–2015] {CHART_ALT}\n\n[Rysunek]\n")
    bare = Figure("wykres", alt="Wykres kołowy.", png=b"x")
    assert to_text(_document(bare)) == "[Rysunek] Wykres kołowy.\n"


def test_table_without_cells_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="tabela nie ma żadnej komórki"):
        to_text(_document(Table(header=[], rows=[[]], caption=[Text("Tabela 2.")])))


def test_wide_table_wraps_header_cells_first_then_long_text_never_inside_a_word() -> None:
    name = "Liczba rodzin korzystających z zasiłku okresowego z powodu bezrobocia (im mniej, tym lepiej)"
    header = [[cell("Lp."), cell("Wskaźnik"), *(cell(f"Wartość {kind}", "right") for kind in ("bazowa", "docelowa")),
               cell("Opis"), cell(f"Kwota w{NBSP}złotych", "right")]]
    rows = [[cell("1."), cell(name), cell("412", "right"), cell("385", "right"), cell("x " * 20),
             cell(f"1{NBSP}234,00", "right")]]
    text = to_text(_document(Table(header, rows))).replace(NBSP, "~")
    # 105 characters for the cells: every column gets its longest word (3, 14, 7, 8, 4, 9), the 60 left go
    # to the columns whose body wants more, in proportion (Wskaźnik 78, Opis 36): 14 + 42 and 4 + 18.
    assert text == (
        "Lp. | Wskaźnik                                                 | Wartość |  Wartość | Opis                   |     Kwota\n"
        "    |                                                          |  bazowa | docelowa |                        | w~złotych\n"
        "----+----------------------------------------------------------+---------+----------+------------------------+----------\n"
        "1.  | Liczba rodzin korzystających z zasiłku okresowego z      |     412 |      385 | x x x x x x x x x x x  |  1~234,00\n"
        "    | powodu bezrobocia (im mniej, tym lepiej)                 |         |          | x x x x x x x x x      |\n"
    )
    assert max(len(line) for line in text.splitlines()) <= 120
