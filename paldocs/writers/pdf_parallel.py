"""A long document's PDF on several cores: independent pieces laid out in worker processes, then joined.

Contract:
- :func:`render_pdf_parallel` ``(document, workers)`` returns PDF bytes with the same pages, text, page
  numbers, outline (bookmarks), tags (structure tree), links and metadata as
  :func:`paldocs.writers.pdf.to_pdf` of the same document; the bytes are the same between runs (not the same
  as the serial file's: the objects are numbered differently).
- Pieces are cut only where the serial layout starts a new page anyway, so that cutting changes no page:
  before a part that opens on a new page (an annex, a justification, a report) and after a page break
  (``ir.PageBreak``) at the top level of a part — a long annex whose chapters each begin on a new page is cut
  at those chapters. A document without such places, or ``workers`` ≤ 1, is rendered serially by ``to_pdf``.
  :func:`plan_pieces` groups the places into at most ``workers`` pieces of similar text length.
- A piece that continues a part carries the part's page numbers on: each worker lays out its piece, reports
  the footer counter of its last page, and receives the number its first page continues from before the
  footers (WeasyPrint's margin boxes, made after the whole piece is laid out) are drawn. So layout runs in
  parallel and only the footers wait for the pieces before them.
- Joining is :mod:`paldocs.writers.pdf_assemble`: each worker keeps WeasyPrint's PDF objects instead of writing a
  file, numbers them into the joined file (after every worker reported how many objects, pages and link
  annotations it has), and the caller writes them end to end with one page tree, outline, structure tree and the
  first piece's metadata. A piece holding something the assembler does not join is rendered serially instead.
- Embedded source files (``attachments`` of ``to_pdf``) are not offered here: a build with them stays serial.
- Workers are forked processes (``fork`` where the platform has it, else ``spawn``); a worker's
  :class:`~paldocs.errors.PaldocsError` is raised again in the caller.
"""

from __future__ import annotations

import dataclasses
import functools
import multiprocessing
import multiprocessing.connection
from collections.abc import Callable
from typing import Any

from paldocs import document as ir
from paldocs.errors import PaldocsError, RenderError
from paldocs.writers.pdf_assemble import AssembledPiece, Bookmark, UnsupportedPiece, assemble, bases, prepare

# The parts the HTML writer opens on a new page (class "new-page"; a test keeps the two lists equal).
NEW_PAGE_PARTS = frozenset({"annex", "justification", "report"})

COUNTER_A = "part-page-a"  # print.css: the footer counters of consecutive numbered parts (a, b, a, …)
COUNTER_B = "part-page-b"


@dataclasses.dataclass(frozen=True, slots=True)
class Piece:
    """A run of the document laid out by one worker. ``continues`` — its first part is the rest of a part
    begun in the piece before (its page numbers carry on); ``first_part_number`` — the number of its first
    part in the whole document."""
    document: ir.Document
    continues: bool
    first_part_number: int = 1


@dataclasses.dataclass(frozen=True, slots=True)
class _Slice:
    """Places between two cut points: (part index, first block, end block) runs, and their text length."""
    runs: tuple[tuple[int, int, int], ...]
    weight: int  # characters of text: the proxy of layout time


def render_pdf_parallel(document: ir.Document, workers: int, *, variant: str | None = None) -> bytes:
    """The PDF of ``document`` laid out by up to ``workers`` processes (see the module docstring)."""
    from paldocs.writers.pdf import load_resources, to_pdf

    pieces = plan_pieces(document, workers)
    if len(pieces) > 1:
        load_resources(document)  # fonts and parsed CSS once, inherited by every forked worker
        try:
            return _render_pieces(pieces, variant)
        except UnsupportedPiece:
            pass  # something the assembler does not join: the serial render below
    return to_pdf(document, variant=variant)


# --- planning -----------------------------------------------------------------------------------------


def plan_pieces(document: ir.Document, workers: int) -> list[Piece]:
    """At most ``workers`` pieces cut only where a new page begins anyway, of similar text length."""
    slices = _slices(document)
    if workers <= 1 or len(slices) <= 1:
        return [Piece(document, False)]
    total = sum(s.weight for s in slices) or 1
    groups: list[list[_Slice]] = [[]]
    done = 0
    for s in slices:
        # Close the group when it holds its share; the last group takes the rest.
        if groups[-1] and len(groups) < workers and done >= total * len(groups) / workers:
            groups.append([])
        groups[-1].append(s)
        done += s.weight
    return [_piece(document, group) for group in groups]


def _slices(document: ir.Document) -> list[_Slice]:
    """The document cut at every place a new page begins in the serial layout (never elsewhere)."""
    slices: list[_Slice] = []
    for index, part in enumerate(document.parts):
        starts = [0] + [position + 1 for position, block in enumerate(part.blocks)
                        if isinstance(block, ir.PageBreak) and position + 1 < len(part.blocks)]
        for start, end in zip(starts, [*starts[1:], len(part.blocks)], strict=True):
            run = _Slice(((index, start, end),), _weight(part.blocks[start:end]))
            if slices and start == 0 and index and part.kind not in NEW_PAGE_PARTS:
                # This part runs on from the previous part's page: it stays with the slice before.
                before = slices.pop()
                run = _Slice(before.runs + run.runs, before.weight + run.weight)
            slices.append(run)
    return slices


def _weight(blocks: list[ir.Block]) -> int:
    return sum(len(node.text) for block in blocks for node in ir.walk(block) if isinstance(node, ir.Text)) + 1


def _piece(document: ir.Document, group: list[_Slice]) -> Piece:
    runs: list[tuple[int, int, int]] = []
    for index, start, end in (run for s in group for run in s.runs):
        if runs and runs[-1][0] == index and runs[-1][2] == start:
            runs[-1] = (index, runs[-1][1], end)  # two slices of one part in one piece: one part again
        else:
            runs.append((index, start, end))
    parts = [document.parts[index] if (start, end) == (0, len(document.parts[index].blocks))
             else _part_slice(document.parts[index], start, end) for index, start, end in runs]
    return Piece(dataclasses.replace(document, parts=parts), continues=runs[0][1] > 0,
                 first_part_number=runs[0][0] + 1)


def _part_slice(part: ir.Part, start: int, end: int) -> ir.Part:
    """Blocks ``start:end`` of ``part``; every footnote of the part goes along (a call finds its note wherever
    the note was written; notes not called are not printed)."""
    blocks = part.blocks[start:end]
    notes = [b for b in part.blocks[:start] + part.blocks[end:] if isinstance(b, ir.Footnote)]
    return dataclasses.replace(part, blocks=blocks + notes)


# --- workers ------------------------------------------------------------------------------------------


def _render_pieces(pieces: list[Piece], variant: str | None) -> bytes:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    connections: list[multiprocessing.connection.Connection] = []
    processes = []
    for index, piece in enumerate(pieces):
        parent_end, child_end = context.Pipe()
        process = context.Process(target=_worker, args=(piece, index == 0, variant, child_end), daemon=True)
        process.start()
        child_end.close()
        connections.append(parent_end)
        processes.append(process)
    try:
        # Page numbers: each piece's first page continues the previous piece's last footer number when it
        # continues that piece's last part.
        carried = 0
        for piece, connection in zip(pieces, connections, strict=True):
            last = _receive(connection, "laid-out")[1]
            offset = carried if piece.continues else 0
            connection.send(offset)
            # The offset moved the last footer only if the last page is still the piece's first part.
            carried = last + (offset if len(piece.document.parts) == 1 else 0)
        # Object numbers and parent-tree keys: known once every piece has made its PDF objects.
        counts = [_receive(connection, "counts")[1] for connection in connections]
        for connection, place in zip(connections, bases(counts), strict=True):
            connection.send(place)
        messages = [_receive(connection, "piece") for connection in connections]
        assembled: list[AssembledPiece] = [message[1] for message in messages]
        version, identifier, compress = messages[0][2]
        return assemble(assembled, version=version, identifier=identifier, compress=compress)
    except BaseException:
        for process in processes:  # the document fails (or goes serial): the other pieces are not needed
            process.kill()
        raise
    finally:
        for connection in connections:
            connection.close()
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()


def _receive(connection: multiprocessing.connection.Connection, expected: str) -> tuple[Any, ...]:
    try:
        message = connection.recv()
    except EOFError:
        raise RenderError("Proces składający część PDF-u zakończył się bez wyniku.",
                          hint="Spróbuj bez równoległego składu (jeden proces).") from None
    if message[0] == "error":
        raise message[1]
    if message[0] == "unsupported":
        raise UnsupportedPiece(message[1])
    assert message[0] == expected, f"worker sent {message[0]!r}, expected {expected!r}"
    return message


def _worker(piece: Piece, first: bool, variant: str | None,
            connection: multiprocessing.connection.Connection) -> None:
    """Lay out one piece; before its footers are made, report its last footer number and wait for the
    number its pages continue from; instead of writing its PDF, report its counts, wait for its place in the
    joined file, and send its objects numbered for that place."""
    from paldocs.writers import pdf as pdf_writer

    def observe(rendered: Any, pdf: Any) -> None:
        pdf.write = functools.partial(_send_piece, connection, pdf, _page_bookmarks(rendered), first)

    try:
        with _footers_after_handshake(connection, _last_counter_name(piece.document)):
            pdf_writer.render(piece.document, variant=variant, observe=observe,
                              first_part_number=piece.first_part_number)
    except PaldocsError as error:
        _send(connection, ("error", error))
    except EOFError:
        pass  # the caller stopped waiting (another piece failed): nothing to report
    except Exception as error:  # noqa: BLE001 — reported to the caller as a render error, never lost
        _send(connection, ("error", RenderError(f"Błąd składu części PDF-u: {error!r}")))
    finally:
        connection.close()


def _send_piece(connection: multiprocessing.connection.Connection, pdf: Any, bookmarks: list[list[Bookmark]],
                first: bool, output: Any, version: Any, identifier: Any, compress: bool) -> None:
    """Stands in for the piece's ``pydyf.PDF.write``: the piece goes to the caller, no file is written."""
    try:
        prepared = prepare(pdf, bookmarks, first=first)
    except UnsupportedPiece as reason:
        _send(connection, ("unsupported", str(reason)))
        return
    connection.send(("counts", prepared.counts))
    place = connection.recv()
    connection.send(("piece", prepared.renumbered(place), (version, identifier, compress)))


def _send(connection: multiprocessing.connection.Connection, message: tuple[Any, ...]) -> None:
    try:
        connection.send(message)
    except OSError:
        pass  # the caller is gone (it stopped at another piece's error)


def _page_bookmarks(rendered: Any) -> list[list[Bookmark]]:
    """Every page's bookmarks with their points in PDF units, as WeasyPrint's outline takes them."""
    from weasyprint.matrix import Matrix

    scale = 0.75  # PDF points per CSS pixel (72 / 96); paldocs renders at zoom 1
    pages = []
    for page in rendered.pages:
        matrix = Matrix(a=scale, d=-scale, f=page.height * scale)
        pages.append([(level, label, matrix.transform_point(x, y), state)
                      for level, label, (x, y), state in page.bookmarks])
    return pages


def _last_counter_name(document: ir.Document) -> str:
    """The footer counter of the piece's last part (numbered parts alternate a, b, a … from the first)."""
    numbered = sum(1 for part in document.parts if part.page_numbers)
    return COUNTER_A if numbered % 2 == 1 or numbered == 0 else COUNTER_B


class _footers_after_handshake:
    """Wrap WeasyPrint's margin-box maker (called once per page after the whole layout) so that the first
    call reports the last page's footer counter and waits for the carried-over page number, and every page
    of the piece's first part shows its number plus that offset."""

    def __init__(self, connection: multiprocessing.connection.Connection, last_counter: str) -> None:
        self.connection = connection
        self.last_counter = last_counter
        self.offset: int | None = None
        self.in_first_part = True
        self.first_name: str | None = None

    def __enter__(self) -> None:
        import weasyprint.layout

        self.module = weasyprint.layout
        self.original: Callable[..., Any] = weasyprint.layout.make_margin_boxes
        weasyprint.layout.make_margin_boxes = self._make_margin_boxes

    def __exit__(self, *exc: object) -> None:
        self.module.make_margin_boxes = self.original

    def _make_margin_boxes(self, context: Any, page: Any, state: Any) -> list[Any]:
        if self.offset is None:
            pages = len(context.page_maker) - 1
            last_state = context.page_maker[pages][3]
            last = last_state[1].get(self.last_counter, [0])[-1]
            self.connection.send(("laid-out", last))
            self.offset = int(self.connection.recv())
            self.first_name = page.page_type.name
        if page.page_type.name != self.first_name:
            self.in_first_part = False
        counters = state[1]
        if not self.offset or not self.in_first_part or COUNTER_A not in counters:
            return list(self.original(context, page, state))
        saved = counters[COUNTER_A]
        counters[COUNTER_A] = [value + self.offset for value in saved]
        try:
            return list(self.original(context, page, state))
        finally:
            counters[COUNTER_A] = saved
