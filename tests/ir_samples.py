"""Hand-built IR documents for writer tests (no loader, no templates involved).

``sample_document()`` covers every node type and Div role a writer must render: a resolution part with a
title block, legal basis, enacting formula, §§ with ust./pkt/lit./tiret, a signature; an annex part with the
three-line header, a program title, a table of contents, numbered headings, lists of every style, emphasis,
a hard line break, a page break; and a justification part.

``sample_report()`` is a monitoring report (part kind "report", numbered pages): the "report-title" block, a
table with a caption, one header row and five rows with right-aligned numbers, and a figure whose SVG and PNG
are drawn here with matplotlib, deterministically (:func:`chart_drawings`).
"""

from __future__ import annotations

import datetime as dt
import functools
import io

from paldocs.document import (
    Div,
    Document,
    Emphasis,
    Figure,
    Heading,
    LineBreak,
    ListBlock,
    ListItem,
    Meta,
    PageBreak,
    Paragraph,
    Part,
    Strong,
    Table,
    TableCell,
    Text,
    Unit,
)

NBSP = "\u00a0"


def para(*inlines: object) -> Paragraph:
    return Paragraph([Text(i) if isinstance(i, str) else i for i in inlines])  # type: ignore[misc]


def lines(*texts: str) -> Paragraph:
    """One paragraph whose lines are separated by hard breaks."""
    children: list = []
    for i, t in enumerate(texts):
        if i:
            children.append(LineBreak())
        children.append(Text(t))
    return Paragraph(children)


def sample_document(paragraph_layout: str = "inline") -> Document:
    meta = Meta(
        title=f"Uchwała Nr LXIV/400/14 Rady Miejskiej w{NBSP}Kętrzynie z dnia 29{NBSP}kwietnia 2014{NBSP}r.",
        subject="w sprawie przyjęcia „Programu Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – 2020”",
        author="Rada Miejska w Kętrzynie",
        number="LXIV/400/14",
        date=dt.date(2014, 4, 29),
        keywords=("uchwała", "program aktywności lokalnej"),
        paragraph_layout=paragraph_layout,  # type: ignore[arg-type]
    )
    resolution = Part(
        kind="resolution",
        blocks=[
            Div("title", [
                para("UCHWAŁA NR LXIV/400/14"),
                para("RADY MIEJSKIEJ W KĘTRZYNIE"),
                para(f"z dnia 29{NBSP}kwietnia 2014{NBSP}r."),
                para("w sprawie przyjęcia „Programu Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – 2020”"),
            ]),
            Div("legal-basis", [para(f"Na podstawie art.{NBSP}18 ust.{NBSP}2 pkt{NBSP}15 ustawy z dnia 8{NBSP}marca "
                                     f"1990{NBSP}r. o{NBSP}samorządzie gminnym (Dz.{NBSP}U. z{NBSP}2013{NBSP}r. "
                                     f"poz.{NBSP}594)")]),
            Div("enacting-formula", [para("Rada Miejska w Kętrzynie uchwala, co następuje:")]),
            Unit("paragraf", [para("Przyjmuje się „Program”, stanowiący załącznik do niniejszej uchwały.")],
                 num="1", address="par_1"),
            Unit("paragraf", [
                Unit("ustep", [para("Program obejmuje:"),
                               Unit("punkt", [para("cele;")], num="1", address="par_2__ust_1__pkt_1"),
                               Unit("punkt", [para("działania, w tym:"),
                                              Unit("litera", [para("szkolenia,")], num="a",
                                                   address="par_2__ust_1__pkt_2__lit_a"),
                                              Unit("litera", [para("spotkania:"),
                                                              Unit("tiret", [para("otwarte,")], address=""),
                                                              Unit("tiret", [para("zamknięte.")], address="")],
                                                   num="b", address="par_2__ust_1__pkt_2__lit_b")],
                                    num="2", address="par_2__ust_1__pkt_2"),
                               para("– w zakresie określonym w programie.")],
                     num="1", address="par_2__ust_1"),
                Unit("ustep", [para("Wykonanie uchwały powierza się Burmistrzowi Miasta Kętrzyn.")], num="2",
                     address="par_2__ust_2"),
            ], num="2", address="par_2"),
            Unit("paragraf", [para("Uchwała wchodzi w życie z dniem podjęcia.")], num="3", address="par_3"),
            Div("signature", [lines("z up. Przewodniczącego Rady Miejskiej",
                                    "Wiceprzewodniczący Rady Miejskiej w Kętrzynie"),
                              para("Rafał Rypina")]),
        ],
    )
    annex = Part(
        kind="annex",
        label="Załącznik",
        page_numbers=True,
        blocks=[
            Div("annex-header", [lines("Załącznik do Uchwały Nr LXIV/400/14", "Rady Miejskiej w Kętrzynie",
                                       f"z dnia 29{NBSP}kwietnia 2014{NBSP}r.")]),
            Div("program-title", [Paragraph([Strong((Text("P R O G R A M"),)), LineBreak(),
                                             Strong((Text("AKTYWNOŚCI LOKALNEJ"),)), LineBreak(),
                                             Text("na lata"), LineBreak(), Strong((Text("2014 – 2020"),))])]),
            Div("toc", [Heading(2, [Text("SPIS TREŚCI:")]),
                        ListBlock("decimal-dot", [ListItem("1.", [para("Wstęp")]),
                                                  ListItem("2.", [para("Cele")])])]),
            Heading(1, [Text("Wstęp")], num="I", num_style="roman-dot"),
            para(Strong((Text("Cel główny:"),)), Text(" realizowanie "), Emphasis((Text("polityki"),)),
                 Text(" integracji.")),
            ListBlock("decimal-paren", [
                ListItem("1)", [para("działania o charakterze środowiskowym, obejmujące m.in.:"),
                                ListBlock("alpha-paren", [ListItem("a)", [para("edukację,")]),
                                                          ListItem("b)", [para("inspirowanie.")])])]),
                ListItem("2)", [para("instrumenty aktywnej integracji.")]),
            ]),
            Heading(2, [Text("Przewidywane rezultaty")]),
            ListBlock("dash", [ListItem("–", [para("rozwój zdolności,")]), ListItem("–", [para("stały monitoring.")])]),
            ListBlock("bullet", [ListItem("•", [para("punkt wypunktowany")])]),
            ListBlock("roman-dot", [ListItem("I.", [para("pierwszy")]), ListItem("II.", [para("drugi")])]),
            PageBreak(),
            Div("center", [para("Koniec programu")]),
            Div("signature", [lines("Przewodniczący Rady Miejskiej", "Jan Kowalski")]),
        ],
    )
    justification = Part(
        kind="justification",
        blocks=[
            Div("justification-title", [para("UZASADNIENIE")]),
            para("Program jest odpowiedzią na potrzeby mieszkańców."),
        ],
    )
    return Document(meta=meta, parts=[resolution, annex, justification])


# --- a monitoring report ------------------------------------------------------------------------------

CHART_YEARS = ("2013", "2014", "2015")
CHART_VALUES = (30, 42, 51)
CHART_ALT = "Wykres słupkowy: liczba uczestników programu rosła z 30 w 2013 r. przez 42 w 2014 r. do 51 w 2015 r."


@functools.cache
def chart_drawings() -> tuple[bytes, bytes]:
    """(SVG, PNG) of a small bar chart; the same bytes on every call and in every process."""
    import matplotlib
    from matplotlib.figure import Figure as Chart  # no pyplot: no global backend state

    with matplotlib.rc_context({"svg.hashsalt": "paldocs-tests", "font.family": "DejaVu Sans"}):
        chart = Chart(figsize=(6, 3))
        axes = chart.add_subplot()
        axes.bar(CHART_YEARS, CHART_VALUES, color="#4a6fa5")
        axes.set_ylabel("Liczba uczestników")
        svg, png = io.BytesIO(), io.BytesIO()
        chart.savefig(svg, format="svg", metadata={"Date": None})
        chart.savefig(png, format="png", dpi=100, metadata={"Software": None})
    return svg.getvalue(), png.getvalue()


def cell(text: str, align: str | None = None) -> TableCell:
    return TableCell([Text(text)], align)  # type: ignore[arg-type]


def report_table(rows: int = 5) -> Table:
    """The indicator table of the report; ``rows`` > 5 repeats the rows (a table that spans pages)."""
    data = [
        ("Liczba uczestników programu", "40", "51", f"127,5{NBSP}%"),
        ("Liczba godzin zajęć", f"1{NBSP}200", f"1{NBSP}134", f"94,5{NBSP}%"),
        ("Liczba spotkań otwartych", "12", "9", f"75,0{NBSP}%"),
        ("Osoby, które podjęły zatrudnienie", "5", "6", f"120,0{NBSP}%"),
        ("Wydatki (zł)", f"150{NBSP}000,00", f"142{NBSP}318,20", f"94,9{NBSP}%"),
    ]
    body = [[cell(name), cell(target, "right"), cell(actual, "right"), cell(ratio, "right")]
            for name, target, actual, ratio in (data * (rows // len(data) + 1))[:rows]]
    header = [[cell("Wskaźnik"), cell("Wartość docelowa", "right"), cell("Wykonanie", "right"),
               cell("Stopień realizacji", "right")]]
    caption = [Strong((Text("Tabela 1."),)), Text(" Wskaźniki realizacji programu w 2015 r.")]
    return Table(header, body, caption=caption)


def report_figure(*, svg: bool = True, png: bool = True) -> Figure:
    drawings = chart_drawings()
    caption = [Strong((Text("Rysunek 1."),)), Text(" Liczba uczestników w latach 2013–2015")]
    return Figure("uczestnicy", caption=caption, alt=CHART_ALT, svg=drawings[0] if svg else None,
                  png=drawings[1] if png else None, width_cm=14.0)


def sample_report(table_rows: int = 5) -> Document:
    meta = Meta(
        title="Sprawozdanie z realizacji Programu Aktywności Lokalnej Miasta Kętrzyn za 2015 r.",
        subject="monitoring programu",
        author="Burmistrz Miasta Kętrzyn",
        date=dt.date(2016, 3, 31),
    )
    report = Part(
        kind="report",
        label="Sprawozdanie",
        page_numbers=True,
        blocks=[
            Div("report-title", [para("SPRAWOZDANIE"), para("z realizacji Programu Aktywności Lokalnej"),
                                 para(f"Miasta Kętrzyn za 2015{NBSP}r.")]),
            Heading(1, [Text("Wskaźniki")], num="1", num_style="decimal-dot"),
            para("Program realizowano zgodnie z harmonogramem."),
            report_table(table_rows),
            Heading(1, [Text("Uczestnicy")], num="2", num_style="decimal-dot"),
            report_figure(),
            para("Liczba uczestników rośnie z roku na rok."),
        ],
    )
    return Document(meta=meta, parts=[report])
