"""How many processes lay out one document's PDF: the policy behind ``paldocs build --pdf-workers``.

Contract:
- :func:`choose_pdf_workers` ``(document, requested, *, batch_jobs=1)`` returns the number of worker
  processes :func:`paldocs.writers.pdf_parallel.render_pdf_parallel` should use for ``document`` (1 means
  the serial writer, :func:`paldocs.writers.pdf.to_pdf`).
- An explicit ``requested`` (≥ 1) wins: 1 is serial, N asks for N pieces (the parallel writer still renders
  serially what it cannot cut). Less than 1 is a :class:`~paldocs.errors.PaldocsError`. The one exception:
  a daemonic process (a Dask worker by default) may not start processes, so there the PDF is serial.
- ``requested=None`` is automatic, and chooses serial when
  * several documents are being built at once (``batch_jobs`` > 1, or ``batch_jobs=None``: an executor or
    a cluster whose width is not known) — the cores are already busy with other documents;
  * this process is itself a worker started by :mod:`multiprocessing` (a process pool's or a Dask worker,
    or a parallel-PDF worker): it is one of several already, and a daemonic one may not start processes;
  * other threads run in this process (forking a multi-threaded process may hang in a lock a thread held);
  * fewer than two cores are available to this process (:func:`available_cores`);
  * the document is too short for the saving to outweigh the cost of the processes and of joining their
    PDFs (:func:`worth_cutting`, estimated from the text length of each planned piece).
  Otherwise it chooses ``min(cores, MAX_AUTOMATIC_WORKERS, pieces)``.
- The cheap tests come first: a document under :data:`MIN_TOTAL_CHARS` (every ordinary resolution) is
  decided without importing the parallel writer, pypdf or multiprocessing, so a short build pays nothing.
- :func:`per_document` is the same batch rule for a request passed on to each document of a batch.
- The choice depends on the machine (cores), so an automatic build of a long document may be cut
  differently elsewhere: its pages and text are the same, its bytes are not. ``requested=1`` gives the
  serial file everywhere.
"""

from __future__ import annotations

import os
import threading

from paldocs import document as ir
from paldocs.errors import PaldocsError

# Each further piece saves less layout and adds join work and memory (measured on 2 cores only).
MAX_AUTOMATIC_WORKERS = 4

# The cost model behind the automatic choice, in characters of text (the proxy of layout time the parallel
# writer plans its pieces by). Measured on an idle 2-core machine (benchmarks/long_document.py --sizes):
# serial layout runs at about 36–48 µs per character (~28 pages/s); a parallel render costs about 0.1–0.15 s on
# top (starting the processes, each piece's own page setup and font subset) and its join about 1 % of the
# serial layout (the workers number and serialize their own PDF objects; the caller only writes them end to
# end). The margin asks for a saving of about 0.35 s besides, so that a machine that is not idle (a second
# worker getting less than a core) does not lose. docs/performance.md ("From the command line").
FIXED_COST_CHARS = 3_000  # ≈ 0.12 s of serial layout
JOIN_COST_PER_CHAR = 0.01  # joining costs ~1 % of the serial layout of the whole text
MIN_GAIN_CHARS = 10_000  # ≈ 0.35 s: the margin for a machine that is not idle
# No document shorter than this can pass :func:`worth_cutting` (at most 4 pieces save at most ¾ of the text).
MIN_TOTAL_CHARS = int((FIXED_COST_CHARS + MIN_GAIN_CHARS) / (1 - 1 / MAX_AUTOMATIC_WORKERS - JOIN_COST_PER_CHAR))


def choose_pdf_workers(document: ir.Document, requested: int | None, *, batch_jobs: int | None = 1,
                       cores: int | None = None) -> int:
    """The number of processes for ``document``'s PDF (see the module contract); ``cores``: the cores to
    assume (default: :func:`available_cores`)."""
    wanted = per_document(requested, batch_jobs)
    if wanted is not None:
        return 1 if wanted > 1 and in_daemonic_process() else wanted
    cores = available_cores() if cores is None else cores
    if cores < 2 or text_length(document) < MIN_TOTAL_CHARS or shares_the_machine():
        return 1  # in this order: a short document (most) costs no import of the parallel writer or pypdf
    from paldocs.writers.pdf_parallel import plan_pieces

    pieces = plan_pieces(document, min(cores, MAX_AUTOMATIC_WORKERS))
    lengths = [text_length(piece.document) for piece in pieces]
    if len(pieces) < 2 or not worth_cutting(lengths):
        return 1
    return len(pieces)


def per_document(requested: int | None, batch_jobs: int | None) -> int | None:
    """What each document of a batch asks for: the user's number; serial (1) when ``batch_jobs`` documents
    are built at once (None: on an executor, width unknown); automatic (None) for one at a time."""
    if requested is not None:
        if requested < 1:
            raise PaldocsError(f"liczba procesów składu PDF musi wynosić co najmniej 1 (podano {requested})")
        return requested
    if batch_jobs is None or batch_jobs > 1:
        return 1
    return None


def worth_cutting(piece_lengths: list[int]) -> bool:
    """Whether laying out pieces of these text lengths side by side saves enough over one serial layout: the
    text not on the critical path (all but the longest piece) against the fixed cost and the join."""
    total = sum(piece_lengths)
    saved = total - max(piece_lengths, default=0)
    return saved - FIXED_COST_CHARS - JOIN_COST_PER_CHAR * total >= MIN_GAIN_CHARS


def text_length(document: ir.Document) -> int:
    """Characters of text in ``document`` (as the parallel writer weighs its pieces)."""
    return sum(len(node.text) for node in ir.walk(document) if isinstance(node, ir.Text))


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform has one), at least 1."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+: respects the affinity already
    count = (counter() if counter is not None else os.cpu_count()) or 1
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        try:
            count = min(count, len(affinity(0)))
        except OSError:
            pass
    return max(1, count)


def in_daemonic_process() -> bool:
    """This process is a daemonic :mod:`multiprocessing` process, which may not start processes of its own."""
    import multiprocessing

    return bool(multiprocessing.current_process().daemon)


def shares_the_machine() -> bool:
    """This process is a :mod:`multiprocessing` worker, or runs other threads (see the module contract)."""
    import multiprocessing  # here: a check or a DOCX build never needs it

    return multiprocessing.parent_process() is not None or threading.active_count() > 1
