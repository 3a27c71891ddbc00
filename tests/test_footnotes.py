"""Footnotes ``[^1]`` in the clerk's Markdown: parsed into FootnoteRef/Footnote, printed as real Word footnotes
(the footnotes part read back with python-docx), at the foot of the PDF page (pdftotext, word boxes), as
numbered notes at the end of the part in HTML (lxml) and text; what would print literally is printed as typed
and reported by ``paldocs check`` (PD018).

The report's sentences are excerpts of a real report (the Kluczbork cooperation report for 2015, see
tests/test_report_standalone.py); the notes are written for the test.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import docx
import lxml.html
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from paldocs.api import build
from paldocs.checks.engine import RULES, CheckContext
from paldocs.document import Document, Footnote, FootnoteRef, Meta, Paragraph, Part, Strong, Text, walk
from paldocs.errors import MarkupError
from paldocs.markup import to_blocks
from paldocs.markup.footnotes import text_problems
from paldocs.writers.docx.writer import to_docx
from paldocs.writers.html import to_html
from paldocs.writers.text import to_text

REPORT = """\
document: report
title: SPRAWOZDANIE Z REALIZACJI PROGRAMU WSPÓŁPRACY GMINY KLUCZBORK Z ORGANIZACJAMI POZARZĄDOWYMI W ROKU 2015
years: 2015
place: KLUCZBORK
month: 2016-05
chapters:
  - heading: WSTĘP
    content: |-
      Program współpracy określa obszary i formy współpracy[^1] Gminy Kluczbork z organizacjami pozarządowymi.

      [^1]: Art. 5a ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie.
  - heading: 1. PODSTAWOWE INFORMACJE
    content: |-
      Sprawozdanie jest publikowane w BIP[^1], a jego wersja w BIP jest dostępna[^1].

      [^1]: Biuletyn Informacji Publicznej Urzędu Miejskiego w Kluczborku.
  - content: Organ wykonawczy składa sprawozdanie do dnia 31 maja.
"""
NOTE_1 = "Art. 5a ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie."
NOTE_2 = "Biuletyn Informacji Publicznej Urzędu Miejskiego w Kluczborku."


def plain(text: str) -> str:
    """Typography puts no-break spaces after one-letter words; the assertions are about notes, not spaces."""
    return text.replace("\u00a0", " ")


def inline_kinds(blocks: list) -> list[object]:
    return [node for node in walk(Part("report", blocks)) if isinstance(node, (FootnoteRef, Footnote))]


# --- parsing ------------------------------------------------------------------------------------------------


def test_notes_are_numbered_by_first_call_and_follow_the_part() -> None:
    blocks = to_blocks("Tekst[^b] i drugi[^a], znów[^b].\n\n[^a]: Przypis A.\n[^b]: Przypis **B**.\n")
    paragraph = blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert [node for node in paragraph.children if isinstance(node, FootnoteRef)] == [
        FootnoteRef("1"), FootnoteRef("2"), FootnoteRef("1", first=False)]
    assert [(note.num, note.label) for note in blocks[1:] if isinstance(note, Footnote)] == [("1", "b"), ("2", "a")]
    assert blocks[1].children[0].children == [Text("Przypis "), Strong((Text("B"),)), Text(".")]
    assert len(blocks) == 3  # the definitions are not printed where they were typed


@pytest.mark.parametrize("markdown, printed", [
    ("Brak[^x] definicji.", "Brak[^x] definicji."),  # a call without a definition: as typed
    ("Tekst.\n\n[^nikt]: Nieużyty przypis.", "[^nikt]: Nieużyty przypis."),  # nothing calls it: as typed
    ("Escaped \\[^1] call.\n\n[^1]: Note.", "[^1]: Note."),  # an escaped call is no call: the note is unused
])
def test_what_is_not_a_footnote_prints_as_typed(markdown: str, printed: str) -> None:
    blocks = to_blocks(markdown)
    assert not [node for node in inline_kinds(blocks)]
    assert printed in to_text(Document(Meta(title="T"), [Part("report", blocks)]))


def test_a_note_of_several_paragraphs() -> None:
    blocks = to_blocks("Tekst[^1].\n\n[^1]: Pierwszy akapit.\n\n    Drugi akapit przypisu.\n")
    note = blocks[-1]
    assert isinstance(note, Footnote) and len(note.children) == 2


@pytest.mark.parametrize("markdown, message", [
    ("Tekst[^1].\n\n[^1]: Przypis:\n\n    - punkt\n", "może zawierać tylko akapity"),
    ("Tekst[^1].\n\n[^1]: Przypis z odsyłaczem[^2].\n[^2]: Drugi.\n", "nie może zawierać odsyłacza"),
])
def test_refused_notes(markdown: str, message: str) -> None:
    with pytest.raises(MarkupError, match=message):
        to_blocks(markdown)


def test_notes_in_a_table_and_its_caption() -> None:
    blocks = to_blocks("Tabela: Wskaźniki[^z]\n\n| a | b |\n|---|---|\n| 12[^k] | 7 |\n\n[^k]: W komórce.\n[^z]: Źródło.\n")
    table = blocks[0]
    assert table.caption[-1] == FootnoteRef("1") and table.rows[0][0].children[-1] == FootnoteRef("2")
    assert [(note.num, note.label) for note in blocks[1:]] == [("1", "z"), ("2", "k")]


def test_notes_in_a_legal_text() -> None:
    blocks = to_blocks("§ Uchwała wchodzi w życie po upływie 14 dni[^1].\n\n[^1]: Art. 4 ust. 1 ustawy.\n", legal=True)
    assert [type(block).__name__ for block in blocks] == ["Unit", "Footnote"]
    assert FootnoteRef("1") in [node for node in walk(blocks[0])]


@pytest.mark.parametrize("text, expected", [
    ("Tekst bez przypisów.", []),
    ("Tekst[^1].\n\n[^1]: Przypis.", []),
    ("Tekst[^2].\n\n[^1]: Przypis.", ["odsyłacz do przypisu „[^2]” nie ma definicji",
                                       "przypis „[^1]: …” nie ma odsyłacza „[^1]”"]),
    ("Tekst[^a] i[^a].", ["odsyłacz do przypisu „[^a]” nie ma definicji"]),
])
def test_pd018_reports_footnotes_printed_literally(text: str, expected: list[str]) -> None:
    assert [message[:len(prefix)] for message, prefix in zip(text_problems(text), expected)] == expected
    assert len(text_problems(text)) == len(expected)
    context = cast(CheckContext, SimpleNamespace(iter_free_texts=lambda: iter([(("program", "title"), text)])))
    reports = list(RULES["PD018"].check(context))
    assert [report.message for report in reports] == text_problems(text)
    assert all(report.where == ("program", "title") for report in reports)


# --- writers --------------------------------------------------------------------------------------------------


def two_parts() -> Document:
    first = to_blocks("Tekst z przypisem[^1] i drugim[^a], znów[^1].\n\n[^1]: Pierwszy.\n[^a]: Drugi.\n\n    Dalej.\n")
    second = to_blocks("Załącznik[^1].\n\n[^1]: Przypis załącznika.\n")
    return Document(Meta(title="Test"), [Part("resolution", first), Part("annex", second, page_numbers=True)])


def test_text_prints_numbered_notes_at_the_end_of_each_part() -> None:
    text = plain(to_text(two_parts()))
    first, second = text.split("\f")
    assert "Tekst z przypisem[1] i drugim[2], znów[1]." in first
    assert first.rstrip().endswith("__________\n\n[1] Pierwszy.\n\n[2] Drugi.\n  Dalej.")
    assert second.strip() == "Załącznik[1].\n\n__________\n\n[1] Przypis załącznika."


def test_html_links_calls_and_notes_at_the_end_of_each_part() -> None:
    root = lxml.html.document_fromstring(to_html(two_parts()))
    sections = root.xpath("//section")
    calls = sections[0].xpath(".//sup[@class='note-ref']/a")
    assert [(a.text, a.get("href"), a.get("id")) for a in calls] == [
        ("1", "#przypis-1-1", "odsylacz-1-1"), ("2", "#przypis-1-2", "odsylacz-1-2"), ("1", "#przypis-1-1", None)]
    items = sections[0].xpath("./aside[@role='doc-endnotes']/ol/li")
    assert [item.get("id") for item in items] == ["przypis-1-1", "przypis-1-2"]
    assert items[0].text_content().startswith("1. Pierwszy.")
    assert sections[1].xpath("./aside/ol/li")[0].get("id") == "przypis-2-1"  # ids unique in the page
    assert len(set(root.xpath("//@id"))) == len(root.xpath("//@id"))


def test_html_for_the_pdf_puts_each_note_at_its_call() -> None:
    root = lxml.html.document_fromstring(to_html(two_parts(), notes="page"))
    notes = root.xpath("//span[@class='note']")
    assert [(note.get("data-num"), note.text_content()) for note in notes] == [
        ("1", "Pierwszy."), ("2", "Drugi.Dalej."), ("1", "Przypis załącznika.")]
    assert not root.xpath("//aside")
    assert [sup.text for sup in root.xpath("//sup[@class='note-ref']")] == ["1"]  # the later call of note 1


def docx_notes(data: bytes, path: Path) -> tuple[docx.document.Document, dict[str, str]]:
    path.write_bytes(data)
    document = docx.Document(str(path))
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FOOTNOTES)
    element = parse_xml(part.blob)
    notes = {note.get(qn("w:id")): "".join(t.text for t in note.iter(qn("w:t"))).strip()
             for note in element.findall(qn("w:footnote"))}
    return document, notes


def test_docx_has_real_footnotes(tmp_path: Path) -> None:
    document, notes = docx_notes(to_docx(two_parts()), tmp_path / "x.docx")
    assert notes == {"-1": "", "0": "", "1": "Pierwszy.", "2": "Drugi.Dalej.", "3": "Przypis załącznika."}
    body = document.element.body
    assert [ref.get(qn("w:id")) for ref in body.iter(qn("w:footnoteReference"))] == ["1", "2", "3"]
    first = document.paragraphs[0]
    assert plain(first.text) == "Tekst z przypisem i drugim, znów1."  # the later call: its number, superscript
    assert first.runs[-2].font.superscript and first.runs[-2].text == "1"
    # notes in two parts: each section counts its notes from 1, as the IR does
    restarts = [e.get(qn("w:val")) for e in body.iter(qn("w:numRestart"))]
    assert restarts == ["eachSect", "eachSect"]
    assert document.settings.element.find(qn("w:footnotePr")) is not None


def test_docx_without_notes_has_no_footnotes_part(tmp_path: Path) -> None:
    document = docx.Document(_write(tmp_path / "y.docx", to_docx(Document(Meta(title="T"), [Part("report", to_blocks("Tekst."))]))))
    assert not [rel for rel in document.part.rels.values() if rel.reltype == RT.FOOTNOTES]
    assert not list(document.element.body.iter(qn("w:footnotePr")))


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


# --- a whole report -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("footnotes")
    (folder / "sprawozdanie.yaml").write_text(REPORT, encoding="utf-8")
    result = build(folder / "sprawozdanie.yaml", ("txt", "html", "docx", "pdf"), folder / "out")
    return {path.suffix[1:]: path for path in result.outputs}


def test_report_chapters_scope_their_own_notes(report: dict[str, Path]) -> None:
    """Each chapter names its note [^1]; the part numbers them 1 and 2; the second call of a note repeats it."""
    text = plain(report["txt"].read_text(encoding="utf-8"))
    assert "formy współpracy[1] Gminy" in text
    assert "w BIP[2], a jego wersja w BIP jest dostępna[2]." in text
    assert text.rstrip().endswith(f"[1] {NOTE_1}\n\n[2] {NOTE_2}")
    assert "[^" not in text


def test_report_docx_notes(report: dict[str, Path], tmp_path: Path) -> None:
    document, notes = docx_notes(report["docx"].read_bytes(), tmp_path / "r.docx")
    assert [plain(notes[key]) for key in ("1", "2")] == [NOTE_1, NOTE_2]
    assert not list(document.element.body.iter(qn("w:numRestart")))  # one part: Word's own numbering is the IR's


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_report_pdf_prints_notes_at_the_foot_of_the_page(report: dict[str, Path]) -> None:
    boxes = subprocess.run(["pdftotext", "-bbox", str(report["pdf"]), "-"], capture_output=True, text=True,
                           check=True).stdout
    pages = boxes.split("<page ")[1:]
    page = next(page for page in pages if "Biuletyn" in page)
    height = float(re.search(r'height="([\d.]+)"', page)[1])

    def top(word: str) -> float:
        return float(re.search(rf'yMin="([\d.]+)"[^>]*>{word}</word>', page)[1])

    assert top("Biuletyn") > 0.75 * height  # the note at the foot of the page
    assert top("Biuletyn") > top("Organ")  # below the last line of the text
    text = subprocess.run(["pdftotext", "-layout", str(report["pdf"]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"formy współpracy1 Gminy", plain(text))  # the call is a number; the note left the sentence
    assert "[^" not in text


def test_typed_footnotes_under_the_signature_still_print(tmp_path: Path) -> None:
    """resolution.footnotes (the Dziennik Urzędowy notes under the signature) is a separate, typed block."""
    blocks = to_blocks("::: footnotes\n1) Zmiany tekstu jednolitego wymienionej ustawy zostały ogłoszone w Dz. U.\n:::\n")
    assert [type(block).__name__ for block in blocks] == ["Div"]
    assert not inline_kinds(blocks)


def test_a_build_says_when_a_footnote_would_print_as_typed(tmp_path: Path) -> None:
    """The loader's inspection of a text (what ``paldocs build`` prints as ``uwaga:``) names the call without a
    note, at its field."""
    from paldocs.api import to_document

    report = tmp_path / "sprawozdanie.yaml"
    report.write_text(REPORT.replace("  - content: Organ wykonawczy składa sprawozdanie do dnia 31 maja.",
                                     "  - content: Organ wykonawczy składa sprawozdanie do dnia 31 maja[^9]."),
                      encoding="utf-8")
    _, notes = to_document(report)
    assert [note for note in notes if "[^9]" in note and "chapters[2].content" in note]


def test_paldocs_check_on_a_report_reports_a_footnote_without_its_note(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from paldocs.cli import main

    report = tmp_path / "sprawozdanie.yaml"
    report.write_text(REPORT.replace("  - content: Organ wykonawczy składa sprawozdanie do dnia 31 maja.",
                                     "  - content: Organ wykonawczy składa sprawozdanie do dnia 31 maja[^9]."),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(report), "--format", "json"])
    found = [finding for finding in json.loads(result.stdout)["findings"] if finding["rule"] == "PD018"]
    assert [(finding["path"], finding["severity"]) for finding in found] == [("chapters[2].content", "warning")]
    assert "[^9]" in found[0]["message"] and found[0]["line"] is not None
