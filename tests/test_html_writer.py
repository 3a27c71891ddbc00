"""HTML writer: structure, ids, labels, escaping and self-containment, checked on the parsed page."""

from __future__ import annotations

import base64
import importlib.resources
import re

import lxml.etree
import lxml.html
import pytest

from ir_samples import CHART_ALT, NBSP, cell, chart_drawings, para, report_figure, sample_document, sample_report
from paldocs import document as ir
from paldocs.errors import RenderError
from paldocs.writers.html import load_print_css, to_html
from paldocs.writers.svg import to_inline_svg

SVG = "{http://www.w3.org/2000/svg}"


def parse(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page)


def text_of(element: lxml.html.HtmlElement) -> str:
    return element.text_content()


@pytest.fixture(scope="module")
def page() -> str:
    return to_html(sample_document())


@pytest.fixture(scope="module")
def root(page: str) -> lxml.html.HtmlElement:
    return parse(page)


def test_head_carries_the_metadata(page: str, root: lxml.html.HtmlElement) -> None:
    meta = sample_document().meta
    assert page.startswith("<!DOCTYPE html>\n")
    assert root.get("lang") == "pl"
    assert root.xpath("//head/meta[@charset]")[0].get("charset") == "utf-8"
    assert root.findtext(".//head/title") == meta.title
    named = {m.get("name"): m.get("content") for m in root.xpath("//head/meta[@name]")}
    assert named["description"] == meta.subject
    assert named["author"] == "Rada Miejska w Kętrzynie"
    assert named["keywords"] == "uchwała, program aktywności lokalnej"
    assert named["dcterms.created"] == named["dcterms.modified"] == "2014-04-29"


def test_the_date_of_adoption_wins_over_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    # The adoption date is part of the input; the epoch only dates undated drafts (paldocs.writers.dates).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    named = {m.get("name"): m.get("content") for m in parse(to_html(sample_document())).xpath("//meta[@name]")}
    assert named["dcterms.created"] == "2014-04-29"


def test_parts_are_sections(root: lxml.html.HtmlElement) -> None:
    sections = root.xpath("//body/main/section")
    assert [s.get("class") for s in sections] == [
        "part part-resolution",
        "part part-annex new-page page-numbers numbered-a",
        "part part-justification new-page",
    ]
    assert sections[1].get("aria-label") == "Załącznik"


def test_div_roles(root: lxml.html.HtmlElement) -> None:
    title = root.xpath("//section[1]/header[@class='title']")[0]
    assert [text_of(p) for p in title.findall("p")] == [
        "UCHWAŁA NR LXIV/400/14", "RADY MIEJSKIEJ W KĘTRZYNIE", f"z dnia 29{NBSP}kwietnia 2014{NBSP}r.",
        "w sprawie przyjęcia „Programu Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – 2020”"]
    assert root.xpath("//section[1]/div[@class='legal-basis']/p")
    assert text_of(root.xpath("//section[1]/div[@class='enacting-formula']")[0]).strip().endswith("co następuje:")
    signature = root.xpath("//section[1]/div[@class='signature']")[0]
    assert text_of(signature).split("\n")[-2] == "Rafał Rypina"
    assert len(signature.xpath(".//br")) == 1
    annex = root.xpath("//section[2]")[0]
    assert annex.xpath("header[@class='annex-header']//br") and annex.xpath("div[@class='program-title']//strong")
    assert annex.xpath("nav[@class='toc']/p[@class='toc-title']")[0].text == "SPIS TREŚCI:"
    assert annex.xpath("div[@class='center']/p")[0].text == "Koniec programu"
    assert len(annex.xpath("div[@class='page-break']")) == 1
    assert root.xpath("//section[3]/div[@class='justification-title']/p")[0].text == "UZASADNIENIE"


def test_headings_print_their_number(root: lxml.html.HtmlElement) -> None:
    h1 = root.xpath("//section[2]/h1")[0]
    assert h1.xpath("span[@class='num']")[0].text == "I."
    assert text_of(h1) == "I. Wstęp"
    assert [text_of(h) for h in root.xpath("//section[2]/h2")] == ["Przewidywane rezultaty"]


def test_inlines(root: lxml.html.HtmlElement) -> None:
    paragraph = root.xpath("//section[2]/p")[0]
    assert paragraph.xpath("strong")[0].text == "Cel główny:"
    assert paragraph.xpath("em")[0].text == "polityki"
    assert text_of(paragraph) == "Cel główny: realizowanie polityki integracji."


def test_every_unit_address_is_an_id_once(root: lxml.html.HtmlElement) -> None:
    addresses = [n.address for n in ir.walk(sample_document()) if isinstance(n, ir.Unit) and n.address]
    ids = root.xpath("//section[1]//@id")
    assert len(ids) == len(set(ids)) == len(addresses)
    assert set(ids) == set(addresses)
    # "§ 2. 1." shares one line: the paragraf's id is an anchor at the start of that line
    line = root.get_element_by_id("par_2__ust_1")
    assert line.xpath("span[@class='anchor']/@id") == ["par_2"]


def test_unit_lines(root: lxml.html.HtmlElement) -> None:
    lines = root.xpath("//section[1]/p[contains(concat(' ', @class, ' '), ' unit ')]")
    rows = [(p.get("class"), (p.xpath("span[@class='label']/text()") or [""])[0].strip(), text_of(p)) for p in lines]
    assert rows == [
        ("unit unit-paragraf depth-0", f"§{NBSP}1.",
         f"§{NBSP}1. Przyjmuje się „Program”, stanowiący załącznik do niniejszej uchwały."),
        ("unit unit-ustep depth-1", f"§{NBSP}2. 1.", f"§{NBSP}2. 1. Program obejmuje:"),
        ("unit unit-punkt depth-2", "1)", "1) cele;"),
        ("unit unit-punkt depth-2", "2)", "2) działania, w tym:"),
        ("unit unit-litera depth-3", "a)", "a) szkolenia,"),
        ("unit unit-litera depth-3", "b)", "b) spotkania:"),
        ("unit unit-tiret depth-4", "–", "– otwarte,"),
        ("unit unit-tiret depth-4", "–", "– zamknięte."),
        ("unit unit-ustep depth-1 closing", "", "– w zakresie określonym w programie."),
        ("unit unit-ustep depth-1", "2.", "2. Wykonanie uchwały powierza się Burmistrzowi Miasta Kętrzyn."),
        ("unit unit-paragraf depth-0", f"§{NBSP}3.", f"§{NBSP}3. Uchwała wchodzi w życie z dniem podjęcia."),
    ]
    assert all(p.get("id") is None for p in lines if "tiret" in p.get("class") or "closing" in p.get("class"))


def test_heading_layout() -> None:
    root = parse(to_html(sample_document("heading")))
    headings = root.xpath("//p[@class='unit-heading']")
    assert [(h.text, h.get("id")) for h in headings] == [
        (f"§{NBSP}1", "par_1"), (f"§{NBSP}2", "par_2"), (f"§{NBSP}3", "par_3")]
    after = headings[0].getnext()
    assert after.get("class") == "unit unit-paragraf depth-0" and after.get("id") is None
    assert text_of(after).startswith("Przyjmuje się")
    assert root.get_element_by_id("par_2__ust_1").xpath("span[@class='label']/text()")[0].strip() == "1."
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_lists_print_the_ir_labels(root: lxml.html.HtmlElement) -> None:
    lists = root.xpath("//section[2]//*[contains(concat(' ', @class, ' '), ' list ')]")
    rows = [(lst.tag, lst.get("class"), [s.strip() for s in lst.xpath("li/span[@class='label']/text()")])
            for lst in lists]
    assert rows == [
        ("ol", "list list-decimal-dot", ["1.", "2."]),
        ("ol", "list list-decimal-paren", ["1)", "2)"]),
        ("ol", "list list-alpha-paren", ["a)", "b)"]),
        ("ul", "list list-dash", ["–", "–"]),
        ("ul", "list list-bullet", ["•"]),
        ("ol", "list list-roman-dot", ["I.", "II."]),
    ]
    item = lists[1].xpath("li")[0]
    assert text_of(item).startswith("1) działania o charakterze środowiskowym")
    assert item.xpath("ol/li")  # the nested list sits inside its item
    assert re.search(r"\.list\s*\{[^}]*list-style:\s*none", load_print_css())


def test_escaping_happens_here() -> None:
    evil = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    doc = sample_document()
    doc.meta.title = evil
    doc.meta.subject = 'a "quoted" <b>subject</b>'
    doc.parts[1].label = '"><script>x</script>'
    doc.parts[2].blocks.append(para(evil))
    doc.parts[2].blocks.append(ir.ListBlock("dash", [ir.ListItem("<b>", [para("&amp;")])]))
    page = to_html(doc)
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    root = parse(page)
    assert root.findtext(".//title") == evil
    assert root.xpath("//meta[@name='description']/@content") == ['a "quoted" <b>subject</b>']
    assert root.xpath("//section[2]/@aria-label") == ['"><script>x</script>']
    assert text_of(root.xpath("//section[3]/p")[-1]) == evil
    assert text_of(root.xpath("//section[3]//li")[0]) == "<b> &amp;"
    assert not root.xpath("//script | //img")


def test_self_contained(page: str, root: lxml.html.HtmlElement) -> None:
    assert not re.search(r"\b(src|href|srcset)\s*=", page)
    assert "url(" not in page and "@import" not in page
    assert not root.xpath("//link | //script | //img | //iframe | //object")
    style = root.xpath("//head/style")[0].text
    assert style.strip() == load_print_css().strip()


def test_print_css_is_the_packaged_file() -> None:
    packaged = (importlib.resources.files("paldocs_templates") / "print.css").read_text(encoding="utf-8")
    assert load_print_css() == packaged
    for rule in ("size: A4", "margin: 2.5cm", '"Liberation Serif", "Times New Roman", serif', "font-size: 12pt",
                 "text-align: justify", "hyphens: manual", "break-before: page", "page: numbered-a", "page: numbered-b",
                 "@page numbered-a", "content: counter(part-page-a)"):
        assert rule in packaged, rule


def test_fragment_and_css_options() -> None:
    doc = sample_document()
    fragment = to_html(doc, standalone=False)
    assert fragment.startswith('<section class="part part-resolution">') and "<html" not in fragment
    assert fragment in to_html(doc)
    assert "<style>" not in to_html(doc, css="")
    assert "<style>\nbody { color: red; }\n</style>" in to_html(doc, css="body { color: red; }")
    with pytest.raises(RenderError):
        to_html(doc, css="</STYLE><script>")


def test_deterministic() -> None:
    assert to_html(sample_document()) == to_html(sample_document())


def test_unit_heading_and_draft_without_date() -> None:
    unit = ir.Unit("paragraf", [para("Tekst.")], num="1", heading=[ir.Text("Przepisy ogólne")], address="par_1")
    doc = ir.Document(ir.Meta(title="Projekt"), [ir.Part("resolution", [unit])])
    root = parse(to_html(doc))
    assert [(p.get("class"), text_of(p)) for p in root.xpath("//section/p")] == [
        ("unit-title", "Przepisy ogólne"), ("unit unit-paragraf depth-0", f"§{NBSP}1. Tekst.")]
    assert not root.xpath("//meta[starts-with(@name, 'dcterms')]")
    doc.meta.paragraph_layout = "heading"
    root = parse(to_html(doc))
    assert [p.get("class") for p in root.xpath("//section/p")] == [
        "unit-heading", "unit-title", "unit unit-paragraf depth-0"]


def test_first_part_never_opens_a_new_page() -> None:
    annex_only = sample_document()
    annex_only.parts = annex_only.parts[1:]
    assert parse(to_html(annex_only)).xpath("//section/@class")[0] == "part part-annex page-numbers numbered-a"


# --- monitoring reports: tables and figures ------------------------------------------------------------

@pytest.fixture(scope="module")
def report_page() -> str:
    return to_html(sample_report())


@pytest.fixture(scope="module")
def report(report_page: str) -> lxml.html.HtmlElement:
    return parse(report_page)


def test_report_part_and_title(report: lxml.html.HtmlElement) -> None:
    (section,) = report.xpath("//body/main/section")
    assert section.get("class") == "part part-report page-numbers numbered-a"
    title = section.xpath("div[@class='report-title']/p")
    assert [text_of(p) for p in title] == ["SPRAWOZDANIE", "z realizacji Programu Aktywności Lokalnej",
                                           f"Miasta Kętrzyn za 2015{NBSP}r."]
    doc = sample_report()
    doc.parts.insert(0, ir.Part("resolution", [para("Uchwała.")]))
    assert parse(to_html(doc)).xpath("//section/@class")[1] == "part part-report new-page page-numbers numbered-a"


def test_table_structure(report: lxml.html.HtmlElement) -> None:
    (table,) = report.xpath("//table")
    assert table.get("class") == "table"
    assert [child.tag for child in table] == ["caption", "thead", "tbody"]
    caption = table.find("caption")
    assert text_of(caption) == "Tabela 1. Wskaźniki realizacji programu w 2015 r."
    assert caption.findtext("strong") == "Tabela 1."
    (header,) = table.xpath("thead/tr")
    assert [(th.get("scope"), th.get("class"), text_of(th)) for th in header] == [
        ("col", None, "Wskaźnik"), ("col", "align-right", "Wartość docelowa"), ("col", "align-right", "Wykonanie"),
        ("col", "align-right", "Stopień realizacji")]
    rows = table.xpath("tbody/tr")
    assert len(rows) == 5 and not table.xpath("tbody//th")
    assert [(td.get("class"), text_of(td)) for td in rows[1]] == [
        (None, "Liczba godzin zajęć"), ("align-right", f"1{NBSP}200"), ("align-right", f"1{NBSP}134"),
        ("align-right", f"94,5{NBSP}%")]


def test_short_rows_are_padded_and_a_table_without_header_has_no_thead() -> None:
    table = ir.Table(header=[], rows=[[cell("a"), cell("1", "center")], [cell("b")]])
    root = parse(to_html(ir.Document(ir.Meta(title="T"), [ir.Part("report", [table])])))
    assert not root.xpath("//thead | //caption")
    assert [[td.get("class") for td in tr] for tr in root.xpath("//tbody/tr")] == [[None, "align-center"],
                                                                                  [None, None]]
    with pytest.raises(RenderError, match="tabela nie ma żadnej komórki"):
        to_html(ir.Document(ir.Meta(title="T"), [ir.Part("report", [ir.Table(header=[], rows=[])])]))


def test_figure_is_inline_svg_with_its_alt_text_and_caption(report: lxml.html.HtmlElement) -> None:
    (figure,) = report.xpath("//figure")
    assert figure.get("class") == "figure"
    svg, caption = list(figure)
    assert svg.tag == "svg" and caption.tag == "figcaption"  # the HTML parser drops the namespace
    assert svg.get("role") == "img" and svg.get("aria-label") == CHART_ALT
    assert svg[0].tag == "title" and svg[0].text == CHART_ALT
    assert (svg.get("width"), svg.get("height")) == ("14cm", "7cm")  # 6 × 3 in chart, 14 cm wide
    assert svg.get("viewbox") == "0 0 432 216"
    assert text_of(caption) == "Rysunek 1. Liczba uczestników w latach 2013–2015"
    assert len(svg.xpath(".//path")) > 10  # the drawing itself, as vector paths


def test_report_page_makes_no_request_and_runs_nothing(report_page: str, report: lxml.html.HtmlElement) -> None:
    assert not re.search(r"\bsrc\s*=", report_page)
    hrefs = re.findall(r'\bhref\s*=\s*"([^"]*)"', report_page)
    assert hrefs and all(h.startswith("#figure-1-") for h in hrefs)  # glyphs and ticks the chart reuses
    assert all(u.startswith("url(#figure-1-") for u in re.findall(r"url\([^)]*\)", report_page.split("</style>")[1]))
    assert not report.xpath("//script | //style[not(parent::head)] | //foreignobject | //metadata | //img")
    assert not [a for a in report.xpath("//@*") if a.attrname.lower().startswith("on")]
    ids = report.xpath("//@id")
    assert len(ids) == len(set(ids)) and all(i.startswith("figure-1-") for i in ids)


def test_two_figures_never_share_an_id() -> None:
    doc = sample_report()
    doc.parts[0].blocks.append(report_figure())
    root = parse(to_html(doc))
    first, second = root.xpath("//svg")
    assert {i.split("-")[1] for i in first.xpath(".//@id")} == {"1"}
    assert {i.split("-")[1] for i in second.xpath(".//@id")} == {"2"}
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))
    for svg in (first, second):  # every reference points into its own chart
        own = set(svg.xpath(".//@id"))
        refs = [v.lstrip("#") for v in svg.xpath(".//@*[contains(name(), 'href')]")]
        assert refs and set(refs) <= own


def test_figure_without_svg_falls_back_to_the_png() -> None:
    doc = sample_report()
    doc.parts[0].blocks[5] = report_figure(svg=False)
    (img,) = parse(to_html(doc)).xpath("//figure/img")
    assert img.get("alt") == CHART_ALT
    source = img.get("src")
    assert source.startswith("data:image/png;base64,")
    assert base64.b64decode(source.partition(",")[2]) == chart_drawings()[1]
    assert img.get("style") == "width: 14cm"


@pytest.mark.parametrize(("figure", "message"), [
    (ir.Figure("wykres-1", alt="x"), "rysunek „wykres-1” nie ma ani wersji SVG, ani PNG"),
    (ir.Figure("wykres-1", png=b"GIF89a"), "rysunek „wykres-1”: obraz PNG jest nieprawidłowy"),
    (ir.Figure("wykres-1", svg=b"<svg"), "rysunek „wykres-1”: plik SVG jest nieprawidłowy"),
    (ir.Figure("wykres-1", svg=b"<html xmlns='http://www.w3.org/1999/xhtml'/>"), "to nie jest rysunek SVG"),
])
def test_figure_errors(figure: ir.Figure, message: str) -> None:
    with pytest.raises(RenderError, match=re.escape(message)):
        to_html(ir.Document(ir.Meta(title="T"), [ir.Part("report", [figure])]))


EVIL_SVG = """<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY boom "BOOM">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)" width="200pt"
     height="100pt"><title>stary tytuł</title>
<script>alert(2)</script><style>@import url(http://example.com/a.css); rect { fill: red }</style>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject><set attributeName="x" to="1"/>
<a xlink:href="javascript:alert(3)" target="_top"><rect id="r" width="10" height="10" onclick="alert(4)"
   style="fill: #4a6fa5; stroke: url(http://example.com/p.svg#x)"/></a>
<image xlink:href="file:///etc/passwd"/><image href="data:image/png;base64,iVBORw0KGgo="/>
<use xlink:href="#r"/><use href="http://example.com/s.svg#r"/><use xlink:href="#missing"/>
<text x="0" y="20">a &boom; <a href="https://example.com">link</a> b</text>
<rect fill="url(#r)" clip-path="url('#r')" mask="url(http://example.com/m)" style="fill: #fff; stroke-width: 2"/>
</svg>""".encode()


def test_svg_is_sanitized() -> None:
    markup = to_inline_svg(EVIL_SVG, alt="Opis", id_prefix="figure-7-", width_cm=10, name="x")
    assert "script" not in markup and "alert" not in markup and "example.com" not in markup
    assert "file:" not in markup and "@import" not in markup and "<style" not in markup and "BOOM" not in markup
    assert "foreignObject" not in markup and "<set" not in markup and "stary tytuł" not in markup
    root = lxml.etree.fromstring(markup)
    assert root.get("width") == "10cm" and root.get("height") == "5cm" and root.get("viewBox") == "0 0 266.667 133.333"
    assert [e.text for e in root.iter(f"{SVG}title")] == ["Opis"] and root[0].tag == f"{SVG}title"
    hrefs = [v for e in root.iter() for k, v in e.attrib.items() if k.endswith("href")]
    assert hrefs == ["data:image/png;base64,iVBORw0KGgo=", "#figure-7-r", "#missing"]
    assert not [k for e in root.iter() for k in e.attrib if k.lower().startswith("on") or k == "style"]
    link = root.find(f"{SVG}g")  # the <a> became a plain group around its rectangle
    assert link is not None and not link.attrib and link[0].get("id") == "figure-7-r"
    assert link[0].get("fill") == "#4a6fa5" and link[0].get("stroke") is None  # style → attributes, unsafe dropped
    text = root.find(f"{SVG}text")
    assert "".join(text.itertext()) == "a  link b" and text.find(f"{SVG}tspan").text == "link"
    last = root.findall(f"{SVG}rect")[-1]
    assert (last.get("fill"), last.get("clip-path"), last.get("mask"), last.get("stroke-width")) == (
        "#fff", "url(#figure-7-r)", None, "2")  # the style attribute wins over the fill attribute


def test_matplotlib_style_becomes_attributes_of_the_root() -> None:
    root = lxml.etree.fromstring(to_inline_svg(chart_drawings()[0], alt="", id_prefix="f-", width_cm=16))
    assert (root.get("stroke-linejoin"), root.get("stroke-linecap")) == ("round", "butt")
    assert root.get("aria-label") is None and root.find(f"{SVG}title") is None and root.get("role") == "img"
    assert not list(root.iter(f"{SVG}style", f"{SVG}metadata"))
    assert to_inline_svg(chart_drawings()[0], alt="", id_prefix="f-", width_cm=16) == lxml.etree.tostring(
        root, encoding="unicode")  # deterministic


def test_print_css_lays_out_tables_and_figures() -> None:
    css = load_print_css()
    for rule in ("border-collapse: collapse", "border: 0.5pt solid #000", "display: table-header-group",
                 "font-size: 10.5pt", "background: #e6e6e6", "figure.figure", "break-inside: avoid",
                 ".report-title", "font-size: 16pt"):
        assert rule in css, rule
