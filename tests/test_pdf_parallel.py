"""The parallel PDF writer: where it cuts a document, and that its joined PDF equals the serial one.

Equal means: page count, every page's text (footer page numbers included), document information, the outline
(titles, pages, nesting), the structure tree (element types, pages, marked content) and its parent tree, named
destinations, and for PDF/A the output intent and XMP metadata; and the same bytes between runs.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from typing import Any

import pypdf
import pytest
from pypdf.generic import ArrayObject, DictionaryObject

import paldocs
from paldocs import document as ir
from paldocs.errors import RenderError
from paldocs.writers.pdf import to_pdf
from paldocs.writers.pdf_assemble import PieceCounts, bases
from paldocs.writers.pdf_parallel import plan_pieces, render_pdf_parallel
from tests.examples import example_files


def chapters_on_new_pages(document: ir.Document) -> ir.Document:
    """``document`` with a page break before every level-1 heading of its annexes but the first (a long
    programme whose chapters each open a page): the places where a long annex can be cut."""
    parts = []
    for part in document.parts:
        blocks: list[ir.Block] = []
        for block in part.blocks:
            if part.kind == "annex" and isinstance(block, ir.Heading) and block.level == 1 \
                    and any(isinstance(b, ir.Heading) for b in blocks):
                blocks.append(ir.PageBreak())
            blocks.append(block)
        parts.append(dataclasses.replace(part, blocks=blocks))
    return dataclasses.replace(document, parts=parts)


@pytest.fixture(scope="module")
def ketrzyn() -> ir.Document:
    document, _ = paldocs.to_document(example_files()["ketrzyn-2014-pal"])
    return document


@pytest.fixture(scope="module")
def ketrzyn_chapters(ketrzyn: ir.Document) -> ir.Document:
    return chapters_on_new_pages(ketrzyn)


def _blocks(document: ir.Document) -> list[tuple[int, int]]:
    """(part label, block identity) of every block but footnotes, in order."""
    return [(hash(part.label), id(block)) for part in document.parts for block in part.blocks
            if not isinstance(block, ir.Footnote)]


# --- planning (no rendering) ---------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [0, 1])
def test_one_worker_is_one_piece(ketrzyn_chapters: ir.Document, workers: int) -> None:
    pieces = plan_pieces(ketrzyn_chapters, workers)
    assert len(pieces) == 1 and pieces[0].document is ketrzyn_chapters and not pieces[0].continues


@pytest.mark.parametrize("workers", [2, 4])
def test_without_page_breaks_parts_stay_whole(ketrzyn: ir.Document, workers: int) -> None:
    # The annex runs on without a page break: it is never cut; the short resolution is not worth a
    # process of its own, so the whole document is one piece (rendered serially).
    pieces = plan_pieces(ketrzyn, workers)
    parts = [part for piece in pieces for part in piece.document.parts]
    assert len(parts) == len(ketrzyn.parts) and all(a is b for a, b in zip(parts, ketrzyn.parts, strict=True))
    assert [piece.continues for piece in pieces] == [False] * len(pieces)
    assert len(pieces) == 1


@pytest.mark.parametrize("workers", [2, 3, 4, 8])
def test_pieces_hold_every_block_once_in_order(ketrzyn_chapters: ir.Document, workers: int) -> None:
    pieces = plan_pieces(ketrzyn_chapters, workers)
    assert 2 <= len(pieces) <= workers
    joined = [key for piece in pieces for key in _blocks(piece.document)]
    assert joined == _blocks(ketrzyn_chapters)


@pytest.mark.parametrize("workers", [2, 3, 4])
def test_a_continuing_piece_starts_after_a_page_break(ketrzyn_chapters: ir.Document, workers: int) -> None:
    pieces = plan_pieces(ketrzyn_chapters, workers)
    assert any(piece.continues for piece in pieces)
    annex = ketrzyn_chapters.parts[1]
    for before, piece in zip(pieces, pieces[1:], strict=False):
        last = [b for b in before.document.parts[-1].blocks if not isinstance(b, ir.Footnote)][-1]
        if piece.continues:
            first = piece.document.parts[0]
            assert isinstance(last, ir.PageBreak)
            assert (first.kind, first.label, first.page_numbers) == (annex.kind, annex.label, annex.page_numbers)
        else:
            assert piece.document.parts[0].kind in ("annex", "justification", "report")


def test_a_continuing_piece_takes_the_part_footnotes_along() -> None:
    note = ir.Footnote("1", [ir.Paragraph([ir.Text("Przypis.")])])
    blocks: list[ir.Block] = [ir.Paragraph([ir.Text("a" * 80), ir.FootnoteRef("1")]), ir.PageBreak(),
                              ir.Paragraph([ir.Text("b" * 50), ir.FootnoteRef("1")]), note]
    document = ir.Document(meta=ir.Meta(title="T"), parts=[ir.Part("annex", blocks, page_numbers=True)])
    pieces = plan_pieces(document, 2)
    assert [piece.continues for piece in pieces] == [False, True]
    assert all(note in piece.document.parts[0].blocks for piece in pieces)


def test_pieces_know_the_number_of_their_first_part(ketrzyn_chapters: ir.Document) -> None:
    # Footnote ids carry the part's number: a piece must number its parts as the whole document does.
    pieces = plan_pieces(ketrzyn_chapters, 4)
    numbers = [piece.first_part_number for piece in pieces]
    assert numbers[0] == 1 and numbers == sorted(numbers)
    for piece in pieces:
        first = piece.document.parts[0]
        assert ketrzyn_chapters.parts[piece.first_part_number - 1].label == first.label


@pytest.mark.parametrize(("counts", "expected"), [
    # (objects, pages, annotation keys) per piece → (first object, first page key, first annotation key)
    ([(10, 2, 0)], [(7, 0, 2)]),
    ([(10, 2, 1), (5, 3, 4)], [(7, 0, 5), (17, 2, 6)]),
    ([(1, 1, 0), (1, 1, 0), (1, 1, 0)], [(7, 0, 3), (8, 1, 3), (9, 2, 3)]),
])
def test_pieces_are_numbered_as_one_document(counts: list[tuple[int, int, int]],
                                             expected: list[tuple[int, int, int]]) -> None:
    # Numbers 1–6 are the joined file's own (page tree, catalog, structure root, Document element, parent
    # tree, namespace); parent-tree keys as in one render: every page first, then the link annotations.
    places = bases([PieceCounts(*c) for c in counts])
    assert [(p.first_object, p.first_page_key, p.first_annotation_key) for p in places] == expected


def test_chapters_on_new_pages_in_the_data_are_the_places_to_cut(ketrzyn_chapters: ir.Document,
                                                                 tmp_path: Any) -> None:
    # The programme's option puts a page break before every level-1 chapter but the first: the same blocks
    # as this file's helper, so a long programme of a municipality can be laid out on all cores.
    import yaml

    data = yaml.safe_load(example_files()["ketrzyn-2014-pal"].read_text(encoding="utf-8"))
    data["program"]["chapters_on_new_pages"] = True
    data["municipality"] = str((example_files()["ketrzyn-2014-pal"].parent / data["municipality"]).resolve())
    path = tmp_path / "program.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    document, _ = paldocs.to_document(path)
    kinds = [[type(block).__name__ for block in part.blocks] for part in document.parts]
    assert kinds == [[type(block).__name__ for block in part.blocks] for part in ketrzyn_chapters.parts]
    assert len(plan_pieces(document, 2)) == 2


def test_new_page_parts_are_the_html_writers() -> None:
    from paldocs.writers import html, pdf_parallel

    assert pdf_parallel.NEW_PAGE_PARTS == html._NEW_PAGE_PARTS


# --- rendering: parallel equals serial -----------------------------------------------------------------


def _outline(reader: pypdf.PdfReader, items: list[Any]) -> list[Any]:
    return [_outline(reader, item) if isinstance(item, list)
            else (item.title, reader.get_destination_page_number(item)) for item in items]


def _structure(reader: pypdf.PdfReader) -> tuple[Any, Any, Any]:
    """The structure tree (types, pages, marked-content ids), the parent tree and the pages' keys into it."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}

    def element(node: Any) -> Any:
        node = node.get_object()
        if isinstance(node, DictionaryObject) and "/S" in node:
            kids = node.get("/K")
            kids = list(kids) if isinstance(kids, list) else [] if kids is None else [kids]
            page = node.get("/Pg")
            return str(node["/S"]), None if page is None else pages[page.idnum], [element(k) for k in kids]
        if isinstance(node, DictionaryObject):
            return str(node.get("/Type")), node.get("/MCID")
        return int(node)

    nums = root["/ParentTree"].get_object()["/Nums"]
    parent_tree = {}
    for i in range(0, len(nums), 2):
        value = nums[i + 1].get_object()
        parent_tree[int(nums[i])] = [str(v.get_object()["/S"]) for v in value] \
            if isinstance(value, ArrayObject) else str(value["/S"])
    return [element(k) for k in root["/K"]], parent_tree, [p.get("/StructParents") for p in reader.pages]


def _links(reader: pypdf.PdfReader) -> list[list[Any]]:
    """Per page: every link annotation's target page (named destinations resolved) and its tag key."""
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    names = {name: reader.get_destination_page_number(d) for name, d in reader.named_destinations.items()}
    out = []
    for page in reader.pages:
        links = []
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            target = annotation.get("/Dest") or (annotation.get("/A") or {}).get("/D")
            target = target.get_object() if hasattr(target, "get_object") else target
            where = pages[target[0].idnum] if isinstance(target, ArrayObject) else names.get(str(target), target)
            links.append((str(annotation.get("/Subtype")), where, annotation.get("/StructParent") is not None))
        out.append(links)
    return out


def assert_same_pdf(serial: bytes, parallel: bytes) -> None:
    s, p = pypdf.PdfReader(io.BytesIO(serial)), pypdf.PdfReader(io.BytesIO(parallel), strict=True)
    assert len(p.pages) == len(s.pages)
    assert [page.extract_text() for page in p.pages] == [page.extract_text() for page in s.pages]
    assert p.metadata == s.metadata
    assert _outline(p, p.outline) == _outline(s, s.outline)
    assert _structure(p) == _structure(s)
    assert {name: p.get_destination_page_number(d) for name, d in p.named_destinations.items()} \
        == {name: s.get_destination_page_number(d) for name, d in s.named_destinations.items()}
    assert _links(p) == _links(s)
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences"):
        assert p.trailer["/Root"].get(key) == s.trailer["/Root"].get(key)
    if shutil.which("pdfinfo"):  # a second, independent reader (poppler) finds nothing wrong in the file
        checked = subprocess.run(["pdfinfo", "-"], input=parallel, capture_output=True, check=True)
        assert checked.stderr == b"" and b"Tagged:          yes" in checked.stdout


@pytest.mark.slow
def test_parallel_equals_serial_with_page_numbers_carried_over(ketrzyn_chapters: ir.Document) -> None:
    assert any(piece.continues for piece in plan_pieces(ketrzyn_chapters, 3))
    serial = to_pdf(ketrzyn_chapters)
    parallel = render_pdf_parallel(ketrzyn_chapters, 3)
    assert_same_pdf(serial, parallel)
    assert render_pdf_parallel(ketrzyn_chapters, 3) == parallel  # the same bytes between runs


@pytest.mark.slow
def test_footnotes_in_every_piece_equal_serial(ketrzyn_chapters: ir.Document) -> None:
    # A note called in the first chapter and one in the last: each piece prints its note at the foot of the
    # page of its call (the notes are written after the part's other blocks, in no piece of their own).
    annex = ketrzyn_chapters.parts[1]
    paragraphs = [i for i, b in enumerate(annex.blocks) if isinstance(b, ir.Paragraph)]
    blocks = list(annex.blocks)
    for num, index in (("1", paragraphs[0]), ("2", paragraphs[-1])):
        blocks[index] = ir.Paragraph([*blocks[index].children, ir.FootnoteRef(num)])
    notes = [ir.Footnote(num, [ir.Paragraph([ir.Text(f"Przypis {num} do programu.")])]) for num in ("1", "2")]
    document = dataclasses.replace(ketrzyn_chapters, parts=[
        ketrzyn_chapters.parts[0], dataclasses.replace(annex, blocks=blocks + notes), *ketrzyn_chapters.parts[2:]])
    serial = to_pdf(document)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(serial)).pages)
    assert "Przypis 1 do programu." in text and "Przypis 2 do programu." in text
    assert_same_pdf(serial, render_pdf_parallel(document, 3))


@pytest.mark.slow
def test_a_report_cut_at_its_parts_equals_serial() -> None:
    document, _ = paldocs.to_document(example_files()["sprawozdanie-2014-2016"])
    assert_same_pdf(to_pdf(document), render_pdf_parallel(document, 2))


@pytest.mark.slow
def test_pdf_a_keeps_output_intent_and_xmp(ketrzyn_chapters: ir.Document) -> None:
    serial = to_pdf(ketrzyn_chapters, variant="pdf/a-3b")
    parallel = render_pdf_parallel(ketrzyn_chapters, 2, variant="pdf/a-3b")
    assert_same_pdf(serial, parallel)
    s, p = (pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"] for data in (serial, parallel))
    assert p["/Metadata"].get_object().get_data() == s["/Metadata"].get_object().get_data()
    assert [i.get_object()["/S"] for i in p["/OutputIntents"]] == [i.get_object()["/S"] for i in s["/OutputIntents"]]
    assert pypdf.PdfReader(io.BytesIO(parallel)).pdf_header == pypdf.PdfReader(io.BytesIO(serial)).pdf_header


@pytest.mark.slow
def test_an_error_in_a_worker_reaches_the_caller(ketrzyn_chapters: ir.Document,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from paldocs.writers import pdf

    def refuse_continued_annex(document: ir.Document) -> None:  # forked workers inherit the patch
        if [part.kind for part in document.parts] == ["annex"]:
            raise RenderError("Rysunek „plan” jest za duży.")

    monkeypatch.setattr(pdf, "_check_figures", refuse_continued_annex)
    with pytest.raises(RenderError, match="Rysunek „plan” jest za duży."):
        render_pdf_parallel(ketrzyn_chapters, 3)
    assert not multiprocessing.active_children()  # no worker left behind
