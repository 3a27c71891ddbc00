"""What tagging costs: paldocs's PDF stage with the structure tags (the default) and without them.

Run alone from the repository root (this part only, about a minute on an idle 2-core machine)::

    .venv/bin/python benchmarks/tagging.py [--sizes 1,10] [--runs 5] [--json FILE]

Contract:
- Inputs: the Kętrzyn example and the synthetic program 10 times its size (:func:`synthetic.scaled_program`),
  written to a temporary folder; the document is composed once per size (untimed).
- :func:`measure_tagging` times ``paldocs.writers.pdf.to_pdf(document)`` (tagged: what every build writes)
  and ``to_pdf(document, tagged=False)`` ``runs`` times each, the two alternating so that machine load hits
  both alike, after one untimed warm-up of each; it reports the median of each in ms, the overhead (tagged ÷
  untagged − 1, of the medians), the PDF sizes and pages. gc.collect() runs before each timed render. The
  process's CPU time of each render is recorded too (``cpu_*``): on a busy machine wall times scatter with the
  other work, CPU time much less, so the CPU-time overhead is the steadier figure there.
- :func:`markdown_rows` and :func:`text_rows` format the result for ``benchmarks/run.py``, which calls
  :func:`measure_tagging` after its warm runs and puts the result in its table, JSON (``"tagging"``) and
  Markdown summary.
- Writes nothing but the temporary folder (removed) and the ``--json`` file; exit code 0.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run as a script this is already sys.path[0]; imported, it may not be
    sys.path.insert(0, str(HERE))

from synthetic import scaled_program  # noqa: E402

DEFAULT_SIZES = (1, 10)
DEFAULT_RUNS = 5


def _pages(pdf: bytes) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:  # a test dependency; the page count is for orientation only
        return None
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _timed(render: Any) -> tuple[float, float, bytes]:
    """Wall and CPU seconds of one render, and the PDF."""
    gc.collect()
    started, started_cpu = time.perf_counter(), time.process_time()
    pdf = render()
    return time.perf_counter() - started, time.process_time() - started_cpu, pdf


def measure_size(path: Path, runs: int) -> dict[str, Any]:
    """Tagged and untagged PDF renders of one data file: samples in seconds and what came out."""
    from paldocs.api import to_document
    from paldocs.writers.pdf import to_pdf

    document, _ = to_document(path)
    variants = {"tagged": lambda: to_pdf(document), "untagged": lambda: to_pdf(document, tagged=False)}
    outputs = {name: render() for name, render in variants.items()}  # warm-up, untimed
    samples: dict[str, list[float]] = {name: [] for name in variants}
    cpu: dict[str, list[float]] = {name: [] for name in variants}
    for run in range(runs):
        for name in (("tagged", "untagged") if run % 2 == 0 else ("untagged", "tagged")):
            seconds, cpu_seconds, outputs[name] = _timed(variants[name])
            samples[name].append(seconds)
            cpu[name].append(cpu_seconds)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    return {
        "runs": runs,
        "median_ms": {name: round(value * 1000, 1) for name, value in medians.items()},
        "samples_ms": {name: [round(x * 1000, 1) for x in values] for name, values in samples.items()},
        "overhead": round(medians["tagged"] / medians["untagged"] - 1, 4),
        "cpu_median_ms": {name: round(value * 1000, 1) for name, value in cpu_medians.items()},
        "cpu_samples_ms": {name: [round(x * 1000, 1) for x in values] for name, values in cpu.items()},
        "cpu_overhead": round(cpu_medians["tagged"] / cpu_medians["untagged"] - 1, 4),
        "pdf_bytes": {name: len(pdf) for name, pdf in outputs.items()},
        "pdf_pages": _pages(outputs["tagged"]),
    }


def measure_tagging(sizes: tuple[int, ...] = DEFAULT_SIZES, runs: int = DEFAULT_RUNS,
                    work: Path | None = None) -> dict[str, Any]:
    """``{"sizes": {"1x": measure_size(…), "10x": …}, "load_average": …}`` (see the module docstring)."""
    result: dict[str, Any] = {"load_average": {"start": list(os.getloadavg())}, "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="paldocs-tagging-") as folder:
        base = work or Path(folder)
        for factor in sizes:
            path = base / f"tagging-{factor}x.yaml"
            path.write_text(scaled_program(factor), encoding="utf-8")
            print(f"tagging: PDF tagged vs untagged, {factor}× ({runs} runs each) …", file=sys.stderr, flush=True)
            result["sizes"][f"{factor}x"] = measure_size(path, runs)
    result["load_average"]["end"] = list(os.getloadavg())
    return result


def text_rows(tagging: dict[str, Any]) -> list[str]:
    """The plain-text table of :func:`measure_tagging`'s result."""
    lines = [f"{'PDF stage, tagged vs untagged, ms (median)':44}{'tagged':>10}{'untagged':>10}{'cost':>8}"
             f"{'CPU cost':>10}{'KiB tagged/untagged':>22}"]
    for size, row in tagging["sizes"].items():
        kib = "/".join(f"{row['pdf_bytes'][name] / 1024:,.0f}" for name in ("tagged", "untagged"))
        label = f"{size.replace('x', '×')} ({row['pdf_pages']} pages, {row['runs']} runs)"
        lines.append(f"{label:44}{row['median_ms']['tagged']:>10,.1f}{row['median_ms']['untagged']:>10,.1f}"
                     f"{row['overhead'] * 100:>+7.0f}%{row['cpu_overhead'] * 100:>+9.0f}%{kib:>22}")
    return lines


def markdown_rows(tagging: dict[str, Any]) -> list[str]:
    """The Markdown table of :func:`measure_tagging`'s result."""
    lines = ["| PDF stage, ms (median) | tagged (default) | untagged | cost of tagging (wall / CPU time) "
             "| PDF size, tagged / untagged |",
             "|---|--:|--:|--:|--:|"]
    for size, row in tagging["sizes"].items():
        kib = " / ".join(f"{row['pdf_bytes'][name] / 1024:,.0f} KiB" for name in ("tagged", "untagged"))
        lines.append(f"| {size.replace('x', '×')} ({row['pdf_pages']} pages, {row['runs']} runs) | "
                     f"{row['median_ms']['tagged']:,.1f} | {row['median_ms']['untagged']:,.1f} | "
                     f"{row['overhead'] * 100:+.0f}% / {row['cpu_overhead'] * 100:+.0f}% | {kib} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="size factors (default 1,10)")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="timed renders of each kind per size")
    parser.add_argument("--json", type=Path, help="also write the result as JSON to this file")
    args = parser.parse_args(argv)
    try:
        sizes = tuple(int(x) for x in args.sizes.split(",") if x.strip())
    except ValueError:
        parser.error(f"--sizes must be integers separated by commas, not {args.sizes!r}")
    if not sizes or min(sizes) < 1 or args.runs < 1:
        parser.error("--sizes: positive integers; --runs: at least 1")
    tagging = measure_tagging(sizes, args.runs)
    load = tagging["load_average"]
    print("load average (1/5/15 min): start " + " ".join(f"{x:.2f}" for x in load["start"])
          + ", end " + " ".join(f"{x:.2f}" for x in load["end"]))
    print("\n".join(text_rows(tagging)))
    print()
    print("\n".join(markdown_rows(tagging)))
    if args.json:
        args.json.write_text(json.dumps(tagging, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
