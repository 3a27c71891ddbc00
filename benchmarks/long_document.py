"""A long document's PDF serially and on several cores (paldocs.writers.pdf_parallel).

Run from the repository root::

    .venv/bin/python benchmarks/long_document.py [--scale 100] [--workers 2] [--runs 1]

Contract:
- :func:`measure` ``(scale, workers, runs=1)`` builds the synthetic programme ``scale`` times the Kętrzyn
  example (:func:`synthetic.scaled_program`) with each chapter of the annex opening a new page (the
  programme's ``chapters_on_new_pages``: the parallel writer cuts a document only where a new page begins),
  then times, in this process after one untimed warm-up (fonts, parsed CSS), ``to_pdf`` (serial) and ``render_pdf_parallel(document, workers)``, interleaved,
  ``runs`` times each; medians. It returns a dict: scale, workers, pieces (as planned), pages, serial_s,
  parallel_s, speedup (serial ÷ parallel), pages_per_s of each, same_text_and_pages (the two PDFs compared
  page by page, footer numbers included), byte_identical (a further parallel run gave the same bytes),
  serial_peak_rss_mb (this process's peak RSS: the serial renders ran in it), cpus, load average before and
  after, and the pieces the plain programme (without the page breaks) would be cut into.
- :func:`stylesheet_cost` ``(scale)`` lays the same HTML of the plain ``scale``× programme out with paldocs's
  print CSS and with a minimal one (page size, margins, font), in this process after one warm-up, and reports
  layout and writing times, pages and characters of text per second of each: whether anything in paldocs's own
  CSS slows WeasyPrint's layout. ``--stylesheets`` prints it.
- :func:`by_size` ``(scales, workers, runs=3)`` times serial and parallel at several sizes (chapters on new
  pages), with each document's characters of text and what the automatic choice
  (:func:`paldocs.pdf_workers.choose_pdf_workers`) picks for it: the figures behind that choice's constants.
  ``--sizes 1,2,4,8,16`` prints them.
- Nothing is written except a temporary data file (removed). The numbers depend on the machine's load: the
  load averages are part of the result.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pypdf  # noqa: E402
from synthetic import scaled_program  # noqa: E402

import paldocs  # noqa: E402
from paldocs import document as ir  # noqa: E402
from paldocs.writers.pdf import to_pdf  # noqa: E402
from paldocs.writers.pdf_parallel import plan_pieces, render_pdf_parallel  # noqa: E402


def long_document(scale: int, *, chapters_on_new_pages: bool = False) -> ir.Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"program-{scale}x.yaml"
        path.write_text(scaled_program(scale, chapters_on_new_pages=chapters_on_new_pages), encoding="utf-8")
        document, _ = paldocs.to_document(path)
    return document


def _texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def measure(scale: int, workers: int, runs: int = 1) -> dict[str, Any]:
    """Serial vs parallel PDF of the ``scale``× programme with chapters on new pages (see the module)."""
    load_before = os.getloadavg()
    plain = long_document(scale)
    document = long_document(scale, chapters_on_new_pages=True)
    to_pdf(long_document(1))  # warm-up: font configuration and parsed print CSS, inherited by the workers
    serial_times, parallel_times = [], []
    serial = parallel = b""
    for _ in range(runs):
        start = time.perf_counter()
        serial = to_pdf(document)
        serial_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        parallel = render_pdf_parallel(document, workers)
        parallel_times.append(time.perf_counter() - start)
    serial_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # the serial renders ran here
    byte_identical = render_pdf_parallel(document, workers) == parallel  # one more run, compared
    serial_texts, parallel_texts = _texts(serial), _texts(parallel)
    serial_s, parallel_s = statistics.median(serial_times), statistics.median(parallel_times)
    pages = len(serial_texts)
    return {
        "scale": scale,
        "workers": workers,
        "runs": runs,
        "pieces": len(plan_pieces(document, workers)),
        "pieces_without_page_breaks": len(plan_pieces(plain, workers)),
        "pages": pages,
        "serial_s": round(serial_s, 3),
        "parallel_s": round(parallel_s, 3),
        "speedup": round(serial_s / parallel_s, 3),
        "serial_pages_per_s": round(pages / serial_s, 1),
        "parallel_pages_per_s": round(pages / parallel_s, 1),
        "same_text_and_pages": serial_texts == parallel_texts,
        "same_as_serial": serial_texts == parallel_texts,  # the name benchmarks/run.py's table reads
        "byte_identical": byte_identical,
        "serial_peak_rss_mb": round(serial_peak_mb, 1),
        "cpus": os.cpu_count(),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "serial_samples": [round(x, 3) for x in serial_times],
        "parallel_samples": [round(x, 3) for x in parallel_times],
    }


MINIMAL_CSS = "@page { size: A4; margin: 2cm; } body { font-family: 'Liberation Serif'; font-size: 12pt; }"


def stylesheet_cost(scale: int) -> dict[str, Any]:
    """paldocs's print CSS against a minimal stylesheet on the same HTML (see the module)."""
    import weasyprint

    from paldocs.writers.html import to_html
    from paldocs.writers.html import load_print_css
    from paldocs.writers.pdf import BASE_URL, AssetFetcher, load_resources

    load_resources()
    document = long_document(scale)
    html = to_html(document, css="", notes="page")
    characters = sum(len(node.text) for node in ir.walk(document) if isinstance(node, ir.Text))
    font_config = weasyprint.text.fonts.FontConfiguration()
    results: dict[str, Any] = {"scale": scale, "characters": characters,
                               "load_before": [round(x, 2) for x in os.getloadavg()]}
    for name, css in (("warm-up", MINIMAL_CSS), ("paldocs", load_print_css(None)), ("minimal", MINIMAL_CSS)):
        sheet = weasyprint.CSS(string=css, base_url=BASE_URL, url_fetcher=AssetFetcher(), font_config=font_config)
        start = time.perf_counter()
        laid_out = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=AssetFetcher()).render(
            stylesheets=[sheet], font_config=font_config)
        layout = time.perf_counter() - start
        laid_out.write_pdf(pdf_tags=True)
        total = time.perf_counter() - start
        if name != "warm-up":
            results[name] = {"pages": len(laid_out.pages), "layout_s": round(layout, 3), "total_s": round(total, 3),
                             "pages_per_s": round(len(laid_out.pages) / total, 1),
                             "characters_per_s": round(characters / total)}
    results["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return results


def by_size(scales: list[int], workers: int, runs: int = 3) -> list[dict[str, Any]]:
    """Serial against parallel at each of ``scales`` (see the module)."""
    from paldocs.pdf_workers import choose_pdf_workers, text_length

    to_pdf(long_document(1))  # warm-up
    rows = []
    for scale in scales:
        document = long_document(scale, chapters_on_new_pages=True)
        load = os.getloadavg()[0]
        serial_times, parallel_times = [], []
        for _ in range(runs):
            start = time.perf_counter()
            to_pdf(document)
            serial_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            render_pdf_parallel(document, workers)
            parallel_times.append(time.perf_counter() - start)
        serial_s, parallel_s = statistics.median(serial_times), statistics.median(parallel_times)
        rows.append({"scale": scale, "characters": text_length(document), "serial_s": round(serial_s, 3),
                     "parallel_s": round(parallel_s, 3), "speedup": round(serial_s / parallel_s, 3),
                     "automatic": choose_pdf_workers(document, None, cores=workers),
                     "load": [round(load, 2), round(os.getloadavg()[0], 2)]})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--stylesheets", action="store_true",
                        help="paldocs's print CSS against a minimal one on the same text (stylesheet_cost)")
    parser.add_argument("--sizes", default=None, metavar="1,2,4",
                        help="serial against parallel at these scales, with the automatic choice (by_size)")
    args = parser.parse_args(argv)
    if args.sizes:
        for row in by_size([int(x) for x in args.sizes.split(",")], args.workers, args.runs):
            print(json.dumps(row))
        return 0
    if args.stylesheets:
        print(json.dumps(stylesheet_cost(args.scale), indent=2))
        return 0
    print(json.dumps(measure(args.scale, args.workers, args.runs), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
