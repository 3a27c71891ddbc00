"""Accessibility of the built examples (Polish law on digital accessibility, documents published in BIP).

Built with :func:`paldocs.api.build` from the real examples: the resolution with its annex (Kętrzyn 2014),
an annex-only program (Inowrocław 2009) and a monitoring report with tables and charts (Kętrzyn 2016).

Decisions checked here (documented in the writers' module docs):
- DOCX: headings are the built-in "Heading N" styles (outline levels); no part opens with a heading below
  level 1 and no heading skips a level; the title of a table of contents is the paragraph style
  "Spis treści tytuł", not a heading.
- HTML: headings keep the IR's levels (section headings of a program/report are ``<h1>``); no extra h1 is
  added for the title block (a ``<header>``), the page's ``<title>`` is ``meta.title``; the parts sit in one
  ``<main>``; the TOC title is ``<p class="toc-title">`` naming the ``<nav>``.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import lxml.html
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = {
    "resolution": REPO / "resolutions" / "ketrzyn-2014-pal.yaml",
    "annex": REPO / "resolutions" / "inowroclaw-2009-pal.yaml",
    "report": REPO / "resolutions" / "ketrzyn-2014-pal" / "sprawozdanie-2016.yaml",
}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
HEADING = re.compile(r"Heading ([1-9])\Z")
# Attributes that make a browser fetch (or navigate to) a URL; a namespace prefix (xlink:href) is dropped.
URL_NAMES = frozenset({"src", "href", "srcset", "poster", "data", "action", "formaction", "background", "cite",
                       "longdesc", "manifest", "ping"})


@pytest.fixture(scope="module")
def built(example_outputs: dict[str, dict[str, Path]]) -> dict[str, dict[str, Path]]:
    """Each example built once to every format (conftest's session-wide builds of the examples)."""
    return {name: example_outputs[source.stem] for name, source in EXAMPLES.items()}


# --- DOCX ---------------------------------------------------------------------------------------------------


def _parts(document: docx.document.Document) -> list[list[DocxParagraph]]:
    """The body's paragraphs split into sections (a part starts a new section)."""
    parts: list[list[DocxParagraph]] = [[]]
    for element in document.element.body.iterchildren(qn("w:p")):
        parts[-1].append(DocxParagraph(element, document))
        if element.find(f"{{{W}}}pPr/{{{W}}}sectPr") is not None:
            parts.append([])
    return [part for part in parts if part]


def _heading_level(paragraph: DocxParagraph) -> int | None:
    match = HEADING.match(paragraph.style.name)
    return int(match.group(1)) if match else None


def _assert_no_skipped_level(levels: list[int], where: str) -> None:
    previous = 0
    for level in levels:
        assert level <= previous + 1, f"{where}: heading level {level} after {previous} ({levels})"
        previous = level


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_docx_headings_are_built_in_styles_without_skipped_levels(built, name: str) -> None:
    document = docx.Document(built[name]["docx"])
    all_levels = []
    for index, part in enumerate(_parts(document)):
        levels = [level for p in part if (level := _heading_level(p)) is not None]
        _assert_no_skipped_level(levels, f"{name}, part {index + 1}")
        all_levels += levels
    if name != "resolution":
        assert all_levels, "a program or report has headings"
    for level in set(all_levels):  # the built-in heading styles carry the outline level (navigation pane)
        style = document.styles[f"Heading {level}"]
        assert style.style_id == f"Heading{level}"
        outline = style.element.find(f"{{{W}}}pPr/{{{W}}}outlineLvl")
        assert outline is not None and outline.get(qn("w:val")) == str(level - 1)


def test_docx_toc_title_is_a_styled_paragraph_not_a_heading(built) -> None:
    document = docx.Document(built["resolution"]["docx"])
    titles = [p for p in document.paragraphs if p.text.strip().upper().startswith("SPIS TREŚCI")]
    assert titles and all(p.style.name == "Spis treści tytuł" for p in titles)
    assert document.styles["Spis treści tytuł"].font.bold


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_docx_lists_use_named_styles(built, name: str) -> None:
    document = docx.Document(built[name]["docx"])
    used = {p.style.name for p in document.paragraphs}
    assert {"Lista numerowana", "Lista punktowana"} & used, used
    assert not any(p.style.name in ("List Paragraph", "List Number", "List Bullet") for p in document.paragraphs)
    # the labels are text against a hanging indent, no Word auto-numbering that would renumber them
    assert not document.element.body.findall(f".//{{{W}}}numPr")


def test_docx_tables_mark_their_header_rows(built) -> None:
    document = docx.Document(built["report"]["docx"])
    assert document.tables
    for table in document.tables:
        assert table.style.name == "Tabela paldocs"
        first = table.rows[0]._tr
        assert first.find(f"{{{W}}}trPr/{{{W}}}tblHeader") is not None


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_docx_pictures_have_alt_text(built, name: str) -> None:
    document = docx.Document(built[name]["docx"])
    doc_prs = document.element.body.findall(f".//{{{WP}}}docPr")
    if name == "report":
        assert doc_prs, "the report has charts"
    for doc_pr in doc_prs:
        assert (doc_pr.get("descr") or "").strip(), f"picture {doc_pr.get('name')} has no alt text"


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_docx_language_and_title(built, name: str) -> None:
    document = docx.Document(built[name]["docx"])
    props = document.core_properties
    assert props.language == "pl-PL"
    assert props.title.strip()
    lang = document.styles.element.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr/{{{W}}}lang")
    assert lang is not None and lang.get(qn("w:val")) == "pl-PL"
    theme = document.settings.element.find(qn("w:themeFontLang"))
    assert theme is not None and theme.get(qn("w:val")) == "pl-PL"


def test_docx_language_is_added_to_a_reference_without_it(tmp_path: Path) -> None:
    from ir_samples import sample_document

    from paldocs.writers.docx import to_docx

    reference = docx.Document(REPO / "templates" / "reference.docx")
    settings = reference.settings.element
    settings.remove(settings.find(qn("w:themeFontLang")))
    r_pr = reference.styles.element.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr")
    r_pr.remove(r_pr.find(qn("w:lang")))
    path = tmp_path / "reference.docx"
    reference.save(path)
    result = docx.Document(io.BytesIO(to_docx(sample_document(), reference=path)))
    assert result.settings.element.find(qn("w:themeFontLang")).get(qn("w:val")) == "pl-PL"
    lang = result.styles.element.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr/{{{W}}}lang")
    assert lang.get(qn("w:val")) == "pl-PL"
    following = result.settings.element.find(qn("w:themeFontLang")).getnext()
    assert following is not None  # inserted at its schema place, not appended after w:listSeparator


# --- HTML ---------------------------------------------------------------------------------------------------


def _page(built, name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(built[name]["html"].read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_html_language_viewport_and_landmarks(built, name: str) -> None:
    root = _page(built, name)
    assert root.get("lang") == "pl"
    viewport = root.xpath("//head/meta[@name='viewport']")
    assert viewport and "width=device-width" in viewport[0].get("content")
    assert root.findtext(".//head/title").strip()
    (main,) = root.xpath("//body/main")
    assert main.xpath("section") and not root.xpath("//body/section")
    assert all(s.get("aria-label") for s in main.xpath("section"))
    if name == "resolution":
        assert main.xpath("section[1]/header[@class='title']")


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_html_heading_order_skips_no_level(built, name: str) -> None:
    root = _page(built, name)
    levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    _assert_no_skipped_level(levels, name)
    if name != "resolution":
        assert levels and levels[0] == 1


def test_html_toc_is_a_named_nav_without_a_heading(built) -> None:
    root = _page(built, "resolution")
    (nav,) = root.xpath("//nav[@class='toc']")
    assert nav.get("aria-label", "").startswith("SPIS TREŚCI")
    assert nav.xpath("p[@class='toc-title']") and not nav.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6")


def test_html_tables_have_captions_and_column_headers(built) -> None:
    root = _page(built, "report")
    tables = root.xpath("//table")
    assert tables
    for table in tables:
        assert (table.findtext("caption") or table.xpath("string(caption)")).strip()
        headers = table.xpath("thead//th")
        assert headers and all(th.get("scope") == "col" for th in headers)


def test_html_figures_are_images_with_labels(built) -> None:
    root = _page(built, "report")
    figures = root.xpath("//figure")
    assert figures
    for figure in figures:
        drawings = figure.xpath("*[local-name()='svg']") + figure.xpath("img")
        assert len(drawings) == 1
        drawing = drawings[0]
        if drawing.tag == "img":
            assert drawing.get("alt", "").strip()
        else:
            assert drawing.get("role") == "img" and drawing.get("aria-label", "").strip()
        assert figure.xpath("figcaption")


def _external_references(root: lxml.html.HtmlElement) -> list[str]:
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].split(":")[-1].lower()  # xlink:href → href
            if local in URL_NAMES and not value.startswith(("#", "data:")):
                found.append(f"<{element.tag} {attribute}={value!r}>")
            if local == "style" and re.search(r"url\(\s*['\"]?(?!#|data:)", value, re.IGNORECASE):
                found.append(f"<{element.tag} style={value!r}>")
    return found


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_html_makes_no_external_request(built, name: str) -> None:
    root = _page(built, name)
    assert _external_references(root) == []
    assert not root.xpath("//link|//script|//iframe|//object|//embed|//base")
    css = "\n".join(style.text or "" for style in root.iter("style"))
    assert css.strip(), "the print CSS is embedded"
    assert not re.search(r"@import", css, re.IGNORECASE)
    for match in re.finditer(r"url\(\s*['\"]?([^)'\"]*)", css, re.IGNORECASE):
        assert not re.match(r"(https?|file|ftp):|//", match.group(1), re.IGNORECASE), match.group(0)


def test_external_reference_check_catches_a_link() -> None:
    root = lxml.html.document_fromstring('<p><img src="https://example.org/x.png" alt="x"><a href="#a">a</a>'
                                         '<span style="background: url(http://x/y)"></span>'
                                         '<svg><use xlink:href="http://x/s.svg#a"/><use href="#b"/></svg></p>')
    assert len(_external_references(root)) == 3


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_plain_text_version_is_built(built, name: str) -> None:
    text = built[name]["txt"].read_text(encoding="utf-8")
    assert text.strip() and "<" not in text.split("\n", 1)[0]


@pytest.mark.slow  # a real browser (> 1 s)
def test_html_loads_in_chromium_without_any_request(built) -> None:
    """Each page really loads in a browser (title, language) and asks for nothing beyond itself.
    On CI a missing Chromium fails this test (:func:`browser.require_chromium`)."""
    from browser import Browser, require_chromium

    with Browser(*require_chromium()) as chromium:
        for name in EXAMPLES:
            page = built[name]["html"]
            visit = chromium.visit(page.as_uri())
            assert visit.ready_state == "complete" and visit.lang == "pl", (name, visit)
            assert visit.title == _page(built, name).findtext(".//head/title").strip()
            assert page.as_uri() in visit.requests, (name, visit.requests)  # the log did record the page
            assert visit.external == [], f"{name}: {visit.external}"


@pytest.mark.slow  # a real browser (> 1 s)
def test_the_browser_probe_sees_every_kind_of_request(tmp_path: Path) -> None:
    """The probe above cannot pass by seeing nothing: a page with an image, a CSS background and an SVG
    image (all on 127.0.0.1's discard port: nothing leaves the machine) shows all three requests."""
    from browser import Browser, require_chromium

    page = tmp_path / "zewnetrzne.html"
    page.write_text('<!DOCTYPE html><html lang="pl"><head><title>t</title></head><body>'
                    '<img src="http://127.0.0.1:9/obraz.png" alt="x">'
                    '<div style="background: url(http://127.0.0.1:9/tlo.png); height: 10px"></div>'
                    '<svg><image href="http://127.0.0.1:9/rysunek.svg" width="5" height="5"/></svg>'
                    '</body></html>', encoding="utf-8")
    with Browser(*require_chromium()) as chromium:
        visit = chromium.visit(page.as_uri())
    assert visit.external == ["http://127.0.0.1:9/obraz.png", "http://127.0.0.1:9/rysunek.svg",
                              "http://127.0.0.1:9/tlo.png"]


@pytest.mark.parametrize(("ci", "outcome"), [("true", pytest.fail.Exception), ("1", pytest.fail.Exception),
                                             ("", pytest.skip.Exception)])
def test_a_missing_browser_fails_on_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch, ci: str,
                                                           outcome: type[BaseException]) -> None:
    import browser

    monkeypatch.setenv("CI", ci)
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    monkeypatch.setattr(browser, "DRIVER_PATHS", ())
    with pytest.raises(outcome):
        browser.require_chromium()
