"""Statute citations are IR nodes: structure from the catalog, printed text computed once, printed by every
writer as it stands, read by the checks and compared structurally with what the importer reads back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import REPO, TESTS

from paldocs.api import render, to_document
from paldocs.checks.engine import RULES, CheckContext
from paldocs.compose import make_environment
from paldocs.document import Citation, Div, Document, JournalRef, Paragraph, inline_text, walk
from paldocs.importer.legal_basis import split_legal_basis
from paldocs.kinds import load_kinds
from paldocs.legal import load_catalog
from paldocs.legal.provisions import parse_provision
from paldocs.model.load import load_source
from paldocs.writers.base import Visitor

OSTRODA = TESTS / "data" / "ostroda-2024-pal.yaml"
KETRZYN = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"


def legal_basis(document: Document) -> Paragraph:
    div = next(node for node in walk(document) if isinstance(node, Div) and node.role == "legal-basis")
    paragraph = div.children[0]
    assert isinstance(paragraph, Paragraph)
    return paragraph


def citations(document: Document) -> list[Citation]:
    return [node for node in walk(document) if isinstance(node, Citation)]


def test_the_legal_basis_is_made_of_citation_nodes() -> None:
    document, _ = to_document(KETRZYN)
    found = citations(document)
    assert [node.act for node in found] == ["samorzad-gminny", "pomoc-spoleczna"]
    first = found[0]
    assert first.provision == parse_provision("art. 18 ust. 2 pkt 15")[0]
    # the text of the day and the amendments the catalog knows were announced by then (printed "z późn. zm.")
    assert first.journal == (JournalRef(2013, None, (594,)), JournalRef(2013, None, (645,)),
                             JournalRef(2013, None, (1318,))) and first.isap_id == "WDU20130000594"
    assert first.title == "ustawa z dnia 8 marca 1990 r. o samorządzie gminnym" and first.date == dt.date(1990, 3, 8)
    assert first.style == "ztp" and not first.verified and first.notes  # amendments seen only in practice
    assert first.origin is not None and (first.origin.field, first.origin.line) == ("resolution.legal_basis[0]", 18)
    # before 1 March 2016 the § 158 ZTP form of the time: "z późn. zm."
    assert first.text.startswith("art.") and first.text.replace("\u00a0", " ").endswith("594 z późn. zm.)")
    paragraph = legal_basis(document)  # Kętrzyn's enacting formula is a paragraph of its own
    assert [type(node).__name__ for node in paragraph.children] == ["Text", "Citation", "Text", "Citation"]


def test_a_kinds_default_basis_points_at_the_kind(tmp_path: Path) -> None:
    data = tmp_path / "dane.yaml"
    text = OSTRODA.read_text(encoding="utf-8")
    start, end = text.index("  legal_basis:\n"), text.index("program:\n")
    data.write_text(text[:start] + text[end:], encoding="utf-8")
    found = citations(to_document(data)[0])
    assert len(found) == 2 and all(node.origin is not None and node.origin.path == ("resolution", "kind")
                                   for node in found)


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_writers_print_the_citation_text_as_it_stands(fmt: str) -> None:
    document, _ = to_document(KETRZYN)
    output = render(document, fmt).decode("utf-8")
    for node in citations(document):
        assert node.text in output
    if fmt == "html":
        assert '<span class="citation" data-act="samorzad-gminny" data-isap="WDU20130000594">' in output


def test_the_printed_sentence_is_unchanged_by_the_nodes() -> None:
    document, _ = to_document(KETRZYN)
    text = inline_text(legal_basis(document).children).replace("\u00a0", " ")
    # the addresses the catalog chooses for 29 April 2014, in the form of that day
    assert text == ("Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z "
                    "2013 r. poz. 594 z późn. zm.) i art. 110 ust. 10 ustawy z dnia 12 marca 2004 r. o pomocy społecznej "
                    "(Dz. U. z 2013 r. poz. 182 z późn. zm.)")


def test_a_writer_without_visit_citation_is_refused() -> None:
    with pytest.raises(TypeError, match="visit_citation"):
        class Incomplete(Visitor):  # noqa: F841 — defining it is the test
            def visit_paragraph(self, node: object) -> None: ...


@pytest.mark.parametrize("address", [None, "Dz. U. z 2024 r. poz. 1465 i 1572"])
def test_import_of_the_built_legal_basis_gives_the_same_structures(tmp_path: Path, address: str | None) -> None:
    data = tmp_path / "dane.yaml"
    text = OSTRODA.read_text(encoding="utf-8")
    if address:
        text = text.replace("provision: art. 18 ust. 2 pkt 15}", f"provision: art. 18 ust. 2 pkt 15, address: {address}}}")
    data.write_text(text, encoding="utf-8")
    document, _ = to_document(data)
    built = [node.cited for node in citations(document)]
    sentence = inline_text(legal_basis(document).children).partition(" uchwala się")[0]  # without the formula
    imported = split_legal_basis(sentence, load_catalog())
    assert imported.citations == built
    if address:
        assert built[0].journal == (JournalRef(2024, None, (1465,)), JournalRef(2024, None, (1572,)))


def test_pd014_reads_the_notes_of_the_printed_citations() -> None:
    source = load_source(KETRZYN)
    context = CheckContext(source, dt.date(2026, 11, 25), load_catalog(), load_kinds(make_environment())["pal"])
    context.document, _ = to_document(source.data, source=source.file)
    paragraph = legal_basis(context.document)
    paragraph.children = [dataclasses.replace(node, notes=("uwaga z węzła cytowania",))
                          if isinstance(node, Citation) and node.act == "pomoc-spoleczna" else node
                          for node in paragraph.children]
    reports = list(RULES["PD014"].check(context))
    second = [report.message for report in reports if report.where == ("resolution", "legal_basis", 1)]
    assert second == ["uwaga z węzła cytowania"]
    assert any(report.where == ("resolution", "legal_basis", 0) for report in reports)
