"""Benchmark of the paldocs pipeline: stage times, peak memory, and ratios against raw tools.

Run from the repository root::

    .venv/bin/python benchmarks/run.py [--sizes 1,10,100] [--repeat N] [--json out.json] [--markdown]
                                       [--quick | --smallest] [--no-soffice] [--batch 100] [--batch-runs 3]
                                       [--cli-runs 5] [--no-scale] [--startup-runs 5] [--long-scale 100]
                                       [--long-workers N] [--cluster-documents 100]

Contract:
- Inputs: the Kętrzyn example (``resolutions/ketrzyn-2014-pal.yaml``) as size 1 and synthetic programs N times
  its size (:func:`synthetic.scaled_program`), written to a temporary folder that is removed at the end.
- Warm stage times: in this process, after one untimed warm-up build (first-use caches — fonts, the parsed
  print CSS, Jinja templates, imports — are excluded), every size is built ``repeat`` times stage by stage
  (:func:`stages.staged_build`: load, compose, parse, docx, html, pdf); each number is the MEDIAN of those
  runs. "full build" is load+compose+parse+docx+pdf of the same run (what ``paldocs build -f docx,pdf`` does).
- Cold first build and peak memory: per size, a fresh Python process imports paldocs and builds DOCX+PDF once;
  its stage times (including first-use costs) and the import are reported, and its peak RSS is the kernel's
  ``ru_maxrss`` of that one child (``os.wait4``), which counts C allocations (WeasyPrint/Pango/cairo) that
  tracemalloc would miss.
- Baselines, measured in the same runs as paldocs (interleaved, so machine load hits both sides alike):
  raw WeasyPrint on the identical HTML + CSS (:class:`stages.RawWeasyPrint`), a raw python-docx script writing
  the same paragraphs and tables (:func:`stages.raw_docx`), and LibreOffice converting that raw DOCX to PDF
  in a fresh ``soffice --headless`` process per document (the route users take today).
- The command line as users run it (:mod:`commandline`), each run a fresh process timed from spawn to exit:
  ``paldocs --help``, ``paldocs check`` and ``paldocs build`` of the Kętrzyn example (median of ``--cli-runs``,
  default 5; the build's peak RSS is the maximum over its runs), and the batch: ``--batch`` copies of the
  Kętrzyn example (default 100) built to DOCX+PDF by ``paldocs build DIR --jobs 1`` and ``--jobs 2``
  (median of ``--batch-runs``, default 3, the order of the two alternating from run to run), the same once
  through ``paldocs.batch.build_files``, the pool initializer timed alone, and a control: the speed-up two
  CPU-bound processes get on this machine at that moment.
- What tagging costs (:mod:`tagging`): the PDF stage with the structure tags every PDF gets by default and
  without them, at 1× and 10× (the sizes asked for among these), 5 runs each (``--quick``: 1), median; in the
  table, the JSON (``"tagging"``) and the Markdown summary. No goal: it states the price of accessibility.
- Performance and scale side by side (:mod:`scale`): the whole process (``startup.measure``), the long
  document on one core and on all cores (``long_document.measure``), a batch on local processes and on Dask
  (``cluster.measure``), with the memory of each; each part in a fresh process with the machine's load while
  it ran; a part whose module is not there yet says "not built yet" (and, where run.py measured the same thing
  itself, shows that figure with its origin). ``--no-scale`` leaves it out. Its goals join the goal table.
- ``--smallest``: the smallest run that still exercises every section — size 1 once, the command line once, no
  batch, no soffice, every scale part at its smallest — for tests and smoke checks; its times mean nothing.
- Goals, each with PASS/MISS: PDF stage ÷ raw WeasyPrint (≤ 1.15), DOCX stage ÷ raw python-docx (≤ 2.0), full
  build ÷ (raw python-docx + soffice) (≤ 0.33), time at size N ÷ time at the smallest size for every stage
  and the full build (≤ 1.1 × N, i.e. 11× at 10×, 110× at 100×), ``paldocs --help`` ≤ 0.3 s, a cold
  ``paldocs build FILE -f docx,pdf`` ≤ 1.5 s and ≤ 250 MB peak RSS, and batch speed-up ``--jobs 2`` over
  ``--jobs 1`` ≥ 1.7.
- Output: a table on stdout (machine, date, load average first); with ``--markdown`` also a compact Markdown
  summary for README.md; with ``--json FILE`` the numbers plus every sample as JSON, and the Markdown summary
  beside it (FILE with the suffix ``.md``: ``benchmarks/latest.md`` for ``--json benchmarks/latest.json``).
  Exit code 0 whether goals pass or not (a benchmark reports, it does not gate); 2 on a usage error; non-zero
  if a build fails, and 1 when a scale part failed (after the report is written).
- Nothing outside the temporary folder is written except the ``--json`` and ``.md`` files; paldocs is not
  modified.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(HERE) not in sys.path:  # run as a script this is already sys.path[0]; imported, it may not be
    sys.path.insert(0, str(HERE))

import commandline  # light (standard library only), like synthetic: this process imports paldocs later
import scale  # light (standard library only); each part runs in a fresh process
import tagging  # light until measure_tagging runs (it imports paldocs then)
from synthetic import (
    scaled_program,
)

if TYPE_CHECKING:
    from stages import RawWeasyPrint

GOAL_PDF_VS_WEASYPRINT = 1.15
GOAL_DOCX_VS_PYTHON_DOCX = 2.0
GOAL_FULL_VS_USER_ROUTE = 0.33
SCALING_SLACK = 1.1  # size N may cost at most 1.1 × N times size 1 (11× at 10×, 110× at 100×)
GOAL_HELP_S = 0.3  # `paldocs --help`, interpreter start to exit
GOAL_COLD_BUILD_S = 1.5  # `paldocs build FILE --format docx,pdf`, interpreter start to exit, on 2 cores
GOAL_COLD_BUILD_MB = 250  # its peak RSS, in MB (10^6 bytes) as the issue states it
GOAL_BATCH_SPEEDUP = 1.7  # `--jobs 2` over `--jobs 1` on 2 cores
KIB = 1024
SOFFICE_TIMEOUT = 600  # seconds for one conversion; a hung soffice must not hang the benchmark
CHILD_TIMEOUT = 900

ROW_ORDER = ("load", "detect", "compose", "parse", "docx", "html", "pdf", "full")
ROW_NAMES = {"load": "load", "detect": "  of which reading + parsing YAML", "compose": "compose", "parse": "parse",
             "docx": "docx", "html": "html", "pdf": "pdf", "full": "full build (load…docx+pdf)"}


def default_repeat(factor: int) -> int:
    """Runs per size: enough for a stable median where a run is cheap, few where one run takes ~30 s."""
    return 5 if factor <= 1 else 3


@dataclass(slots=True)
class SizeResult:
    """Everything measured for one input size (seconds in the samples; the report converts to ms)."""

    factor: int
    path: Path
    runs: int
    samples: dict[str, list[float]] = field(default_factory=dict)  # stage/"full"/baseline → seconds per run
    cold: dict[str, Any] = field(default_factory=dict)
    soffice: list[float] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)

    def median(self, key: str) -> float | None:
        values = self.samples.get(key)
        return statistics.median(values) if values else None


# --- fresh-process (cold) build -------------------------------------------------------------------------

def child_main(path: Path, out: Path) -> None:
    """In a fresh process: import paldocs, build DOCX+PDF once, write the times and own peak RSS as JSON."""
    start = time.perf_counter()
    import stages  # paldocs.api, WeasyPrint and python-docx come in here: the import cost users pay once

    imported = time.perf_counter()
    rss_after_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    built = stages.staged_build(path, stages.FULL_BUILD)
    finished = time.perf_counter()
    out.write_text(json.dumps({
        "import": imported - start,
        "times": built.times,
        "build": finished - imported,
        "rss_after_import_kib": rss_after_import,
        "rss_self_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }), encoding="utf-8")


def cold_build(path: Path, work: Path) -> dict[str, Any]:
    """Run :func:`child_main` in a fresh interpreter; its peak RSS comes from ``os.wait4`` for that child
    (:func:`commandline.run_process`).

    This is the benchmark's own harness (it imports all of stages.py, WeasyPrint and python-docx up front), so
    it gives the stage breakdown of a first build; the goals for a cold build are measured on the real
    ``paldocs build`` command (:func:`commandline.cold_start`)."""
    out = work / f"cold-{path.stem}.json"
    log = work / f"cold-{path.stem}.log"
    args = [sys.executable, str(Path(__file__).resolve()), "--cold-child", str(path), "--child-out", str(out)]
    run = commandline.run_process(args, log, timeout=CHILD_TIMEOUT)
    if run.exit_code != 0:
        raise SystemExit(f"cold build of {path} failed:\n{log.read_text(encoding='utf-8', errors='replace')}")
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    result["wall"] = run.wall  # interpreter start + imports + build + exit
    result["peak_rss_kib"] = run.max_rss_kib  # KiB on Linux
    return result


# --- LibreOffice ------------------------------------------------------------------------------------------

def soffice_command() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def soffice_convert(soffice: str, docx_path: Path, profile: Path, out_dir: Path) -> float:
    """Seconds for one ``soffice --headless --convert-to pdf`` in a fresh soffice process (the private
    profile keeps it off any LibreOffice the user — or another engineer — has open)."""
    target = out_dir / (docx_path.stem + ".pdf")
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    completed = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                                "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
                               capture_output=True, timeout=SOFFICE_TIMEOUT, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        raise SystemExit(f"soffice failed on {docx_path} (exit {completed.returncode}):\n"
                         f"{completed.stderr.decode(errors='replace')}")
    return elapsed


def soffice_version(soffice: str) -> str:
    try:
        output = subprocess.run([soffice, "--version"], capture_output=True, timeout=60, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return output.decode(errors="replace").strip().splitlines()[0] if output.strip() else "unknown"


# --- warm in-process measurement ---------------------------------------------------------------------------

def measure_warm(result: SizeResult, raw_weasyprint: RawWeasyPrint) -> bytes:
    """``result.runs`` staged builds with the two raw baselines interleaved; returns the raw DOCX (for soffice).

    gc.collect() before each timed piece so one run's garbage is not collected on the next one's clock;
    collection *during* a build is left on, as in real use."""
    import stages

    html_input: str | None = None
    content: list[stages.BodyItem] | None = None
    raw: bytes = b""
    for _ in range(result.runs):
        gc.collect()
        built = stages.staged_build(result.path)
        for stage, seconds in built.times.items():
            result.samples.setdefault(stage, []).append(seconds)
        result.samples.setdefault("full", []).append(sum(built.times[s] for s in stages.FULL_BUILD))
        if html_input is None:  # the baselines' inputs, prepared untimed from the first run's outputs
            stages.check_same_as_api(result.path, built)
            html_input = stages.pdf_input_html(built.document)
            content = stages.docx_content(built.outputs["docx"])
            result.info = {"pdf_pages": count_pdf_pages(built.outputs["pdf"]),
                           "pdf_bytes": len(built.outputs["pdf"]), "docx_bytes": len(built.outputs["docx"]),
                           "docx_paragraphs": sum(isinstance(item, str) for item in content),
                           "docx_tables": sum(not isinstance(item, str) for item in content),
                           "yaml_bytes": result.path.stat().st_size}
        assert content is not None
        del built  # a real process holds no earlier document: its objects would slow every later GC pass
        gc.collect()
        started = time.perf_counter()
        raw_weasyprint.render(html_input)
        result.samples.setdefault("raw_weasyprint", []).append(time.perf_counter() - started)
        gc.collect()
        started = time.perf_counter()
        raw = stages.raw_docx(content)
        result.samples.setdefault("raw_python_docx", []).append(time.perf_counter() - started)
    return raw


def count_pdf_pages(pdf: bytes) -> int | None:
    """Pages of the PDF, for orientation only: WeasyPrint compresses its page objects into object streams, so
    this needs pypdf (a test dependency); without it, None."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(io.BytesIO(pdf)).pages)


# --- machine ---------------------------------------------------------------------------------------------

def machine_info(soffice: str | None) -> dict[str, Any]:
    cpu = "unknown"
    ram_kib = 0
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                ram_kib = int(line.split()[1])
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                text=True, check=False).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                                    capture_output=True, text=True, check=False).stdout.strip())
    except OSError:
        commit, dirty = "", False
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "ram_gib": round(ram_kib / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "weasyprint": metadata.version("weasyprint"),
        "python_docx": metadata.version("python-docx"),
        "libreoffice": soffice_version(soffice) if soffice else "not installed",
        "git": (commit + (" + uncommitted changes" if dirty else "")) or "unknown",
    }


# --- the command line: cold start and batch ------------------------------------------------------------------

def measure_cold_start(work: Path, runs: int) -> dict[str, Any]:
    """``paldocs --help`` / ``check`` / ``build`` in fresh processes (:func:`commandline.cold_start`), as data."""
    cold = commandline.cold_start(work, runs)
    return {
        "command": " ".join(cold.command),
        "file": commandline.COLD_FILE,
        "runs": runs,
        "median_s": {key: cold.median(key) for key in cold.wall},
        "wall_s": cold.wall,
        "max_rss_kib": cold.max_rss_kib,
        "peak_rss_mb": {key: (cold.peak_rss_kib(key) or 0) * KIB / 1e6 for key in cold.max_rss_kib},
    }


def measure_batch(work: Path, count: int, runs: int) -> dict[str, Any]:
    """The batch goal and what explains it (see :mod:`commandline`), as data.

    Per round: ``--jobs 1`` and ``--jobs 2`` (which goes first alternates, so a drift in machine load does not
    always favour the same one), then the parallel-capacity control, so each round's control saw the same
    load as its builds. Then the library route once per jobs value and the pool initializer alone."""
    inputs = commandline.prepare_batch(work, count)
    out = work / "batch-out"
    spin = commandline.calibrate_spin()
    cli: dict[str, list[commandline.ProcessRun]] = {"1": [], "2": []}
    capacity: list[float] = []
    for round_number in range(runs):
        for jobs in ((1, 2) if round_number % 2 == 0 else (2, 1)):
            print(f"batch: paldocs build {count} documents --jobs {jobs} (run {round_number + 1}/{runs}) …",
                  file=sys.stderr, flush=True)
            cli[str(jobs)].append(commandline.cli_batch(inputs, out, jobs, count, work / f"batch-cli-{jobs}.log"))
        capacity.append(commandline.parallel_capacity(spin))
    library: dict[str, Any] = {}
    for jobs in (1, 2):
        print(f"batch: paldocs.batch.build_files {count} documents, jobs={jobs} …", file=sys.stderr, flush=True)
        library[str(jobs)] = commandline.library_batch(inputs, out, jobs, count, work)
    warm_worker = commandline.warm_worker(work)
    shutil.rmtree(out, ignore_errors=True)

    def median_of(jobs: str, value: Callable[[commandline.ProcessRun], float | None]) -> float | None:
        values = [v for run in cli[jobs] if (v := value(run)) is not None]
        return statistics.median(values) if values else None

    median_wall = {jobs: statistics.median(run.wall for run in runs_) for jobs, runs_ in cli.items()}
    cpu = {jobs: statistics.median(run.cpu for run in runs_) for jobs, runs_ in cli.items()}
    # On two free cores the jobs-2 wall cannot be below half its CPU time, and the jobs-1 wall is about its CPU
    # time (the build is CPU-bound): 2 × CPU₁ ÷ CPU₂ bounds the speed-up whatever the machine's load, and falls
    # short of 2 by what running in parallel costs in CPU (each worker's warm-up, pickling, shared caches).
    others_top: dict[str, float] = {}  # who competed for the CPU, summed over every batch run
    for run in (run for runs_ in cli.values() for run in runs_):
        for command, seconds in run.others_top:
            others_top[command] = others_top.get(command, 0.0) + seconds

    return {
        "documents": count,
        "input": f"{count} copies of {commandline.KETRZYN.relative_to(REPO)} (profiles/ beside them)",
        "command": " ".join(commandline.paldocs_command()) + " build DIR --format docx,pdf --out OUT --jobs J",
        "runs": runs,
        "wall_s": {jobs: [run.wall for run in runs_] for jobs, runs_ in cli.items()},
        "median_s": median_wall,
        "documents_per_s": {jobs: count / wall for jobs, wall in median_wall.items()},
        "speedup": median_wall["1"] / median_wall["2"],
        "cpu_s": cpu,
        "speedup_bound_free_cores": 2 * cpu["1"] / cpu["2"],
        "others_cores": {jobs: median_of(jobs, commandline.ProcessRun.others_cores) for jobs in cli},
        "steal_s": {jobs: median_of(jobs, lambda run: run.steal) for jobs in cli},
        "max_rss_kib": {jobs: max(run.max_rss_kib for run in runs_) for jobs, runs_ in cli.items()},
        "tree_peak_pss_kib": {jobs: max(run.tree_peak_pss_kib or 0 for run in runs_) for jobs, runs_ in cli.items()},
        "others_top": [[command, round(seconds, 1)] for command, seconds
                       in sorted(others_top.items(), key=lambda item: -item[1])[:5]],
        "cli_runs": {jobs: [asdict(run) for run in runs_] for jobs, runs_ in cli.items()},
        "library": library,
        "library_speedup": library["1"]["build_files_s"] / library["2"]["build_files_s"],
        "warm_worker": warm_worker,
        "parallel_capacity": capacity,
        "parallel_capacity_median": statistics.median(capacity),
    }


# --- goals and report ----------------------------------------------------------------------------------------

def goal_rows(results: list[SizeResult], report: dict[str, Any]) -> list[dict[str, Any]]:
    """Every goal with its value; a goal whose inputs were not measured is left out.

    ``op`` is "≤" (at most: times, ratios, memory) or "≥" (at least: the batch speed-up); ``unit`` says how to
    print the value ("" for a ratio, "s", "MB")."""
    rows: list[dict[str, Any]] = []

    def add(name: str, size: str, value: float | None, goal: float, op: str = "≤", unit: str = "") -> None:
        if value is None:
            return
        rows.append({"name": name, "size": size, "value": value, "goal": goal, "op": op, "unit": unit,
                     "pass": value <= goal if op == "≤" else value >= goal})

    def ratio(name: str, size: str, numerator: float | None, denominator: float | None, goal: float) -> None:
        if numerator is not None and denominator:
            add(name, size, numerator / denominator, goal)

    for result in results:
        size = f"{result.factor}×"
        ratio("PDF stage ÷ raw WeasyPrint", size, result.median("pdf"), result.median("raw_weasyprint"),
              GOAL_PDF_VS_WEASYPRINT)
        ratio("DOCX stage ÷ raw python-docx", size, result.median("docx"), result.median("raw_python_docx"),
              GOAL_DOCX_VS_PYTHON_DOCX)
        if result.soffice:
            user_route = (result.median("raw_python_docx") or 0.0) + statistics.median(result.soffice)
            ratio("full build ÷ (python-docx + soffice)", size, result.median("full"), user_route,
                  GOAL_FULL_VS_USER_ROUTE)
    base = results[0]
    for result in results[1:]:
        factor = result.factor / base.factor
        size = f"{result.factor}×/{base.factor}×"
        for key in ("full", "load", "compose", "parse", "docx", "html", "pdf"):
            ratio(f"scaling: {ROW_NAMES[key].split(' (')[0]}", size, result.median(key), base.median(key),
                  SCALING_SLACK * factor)
    if cold := report.get("cold_start"):
        runs = cold["runs"]
        add(f"paldocs --help, median of {runs}", "–", cold["median_s"].get("help"), GOAL_HELP_S, unit="s")
        add(f"paldocs build -f docx,pdf, median of {runs}", "1×", cold["median_s"].get("build"),
            GOAL_COLD_BUILD_S, unit="s")
        add(f"paldocs build peak RSS, max of {runs}", "1×", cold["peak_rss_mb"].get("build"),
            GOAL_COLD_BUILD_MB, unit="MB")
    if batch := report.get("batch"):
        add("batch speed-up, CLI --jobs 2 vs --jobs 1", f"{batch['documents']} docs", batch["speedup"],
            GOAL_BATCH_SPEEDUP, op="≥")
    for row in report.get("scale", {}).get("rows", []):  # the side-by-side table's goals, when measured
        if row["goal"] is not None and isinstance(row["value"], float):
            add(f"{row['part']}: {row['name'].replace('`', '')}", "–", row["value"], row["goal"], row["op"],
                "s" if row["unit"] == "s" else "")
    return rows


def own_figures(report: dict[str, Any], results: list[SizeResult]) -> dict[str, Any]:
    """What this run measured itself that the side-by-side table shows where a scale part is not built."""
    own: dict[str, Any] = {}
    if cold := report.get("cold_start"):
        own["check_s"] = cold["median_s"].get("check")
        own["build_peak_mb"] = cold["peak_rss_mb"].get("build")
    largest = results[-1]
    if largest.factor > 1:  # the 1× document is not a long one
        own.update(pdf_large_s=largest.median("pdf"), pdf_large_factor=largest.factor,
                   pdf_large_pages=largest.info.get("pdf_pages"),
                   pdf_large_peak_mb=(largest.cold.get("peak_rss_kib") or 0) * KIB / 1e6 or None)
    if batch := report.get("batch"):
        own.update(batch_documents_per_s=batch["documents_per_s"]["2"], batch_jobs=2,
                   batch_documents=batch["documents"],
                   batch_tree_pss_mb=(batch["tree_peak_pss_kib"]["2"] or 0) * KIB / 1e6 or None)
    return own


def ms(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    value = seconds * 1000
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def secs(seconds: float | None, digits: int = 2) -> str:
    return "–" if seconds is None else f"{seconds:.{digits}f}"


def times(value: float | None) -> str:
    """A speed-up: "1.78×"."""
    return "–" if value is None else f"{value:.2f}×"


def fmt_value(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:,.0f} MB"
    return f"{value:.2f}" + (" s" if unit == "s" else "")


def fmt_goal(row: dict[str, Any]) -> str:
    return f"{row['op']} {row['goal']:g}" + (f" {row['unit']}" if row["unit"] else "")


def fmt_result(row: dict[str, Any]) -> str:
    """PASS, or MISS with the distance from the goal in percent (+ over a ceiling, − under a floor)."""
    return "PASS" if row["pass"] else f"MISS ({(row['value'] / row['goal'] - 1) * 100:+.0f}%)"


def kib_to_mib(kib: float | None) -> str:
    return "–" if not kib else f"{kib / KIB:,.0f}"


def report_text(report: dict[str, Any], results: list[SizeResult]) -> str:
    machine = report["machine"]
    load = report["load_average"]
    lines = [
        f"paldocs benchmark — {report['date']}",
        (f"machine: {machine['cpu']}, {machine['cores']} cores ({machine['cores_usable']} usable), "
         f"{machine['ram_gib']} GiB RAM; {machine['os']}"),
        (f"software: Python {machine['python']}, WeasyPrint {machine['weasyprint']}, python-docx "
         f"{machine['python_docx']}, {machine['libreoffice']}; paldocs git {machine['git']}"),
        "load average (1/5/15 min): start " + " ".join(f"{x:.2f}" for x in load["start"])
        + ", end " + " ".join(f"{x:.2f}" for x in load["end"])
        + "  (a load near or above the core count inflates every time below)",
        "",
    ]
    width = 12
    header = f"{'':38}" + "".join(f"{f'{r.factor}×':>{width}}" for r in results)

    def row(name: str, cells: list[str]) -> str:
        return f"{name:38}" + "".join(f"{cell:>{width}}" for cell in cells)

    lines.append("inputs")
    lines.append(header)
    lines.append(row("YAML (KiB)", [f"{r.info.get('yaml_bytes', 0) / 1024:,.0f}" for r in results]))
    lines.append(row("PDF pages", [str(r.info.get("pdf_pages") or "–") for r in results]))
    lines.append(row("DOCX paragraphs / tables",
                     [f"{r.info.get('docx_paragraphs', '–')}/{r.info.get('docx_tables', '–')}" for r in results]))
    lines.append("")
    lines.append("warm stage times, ms (median of N runs in one process, after a warm-up build)")
    lines.append(header)
    for key in ROW_ORDER:
        lines.append(row(ROW_NAMES[key], [ms(r.median(key)) for r in results]))
    lines.append(row("runs (N)", [str(r.runs) for r in results]))
    lines.append("")
    if "tagging" in report:
        lines += [*tagging.text_rows(report["tagging"]), ""]
    lines.append("cold first build, stage by stage: the benchmark's harness in a fresh process, one DOCX+PDF build, ms")
    lines.append("(it imports stages.py, WeasyPrint and python-docx up front; the goals use the real command below)")
    lines.append(header)
    lines.append(row("import paldocs (+WeasyPrint, python-docx)", [ms(r.cold.get("import")) for r in results]))
    for key in ("load", "compose", "parse", "docx", "pdf"):
        lines.append(row(key, [ms(r.cold.get("times", {}).get(key)) for r in results]))
    lines.append(row("build (load…docx+pdf)", [ms(r.cold.get("build")) for r in results]))
    lines.append(row("process wall (interpreter start→exit)", [ms(r.cold.get("wall")) for r in results]))
    lines.append(row("RSS after import (MiB)", [kib_to_mib(r.cold.get("rss_after_import_kib")) for r in results]))
    lines.append(row("peak RSS (MiB)", [kib_to_mib(r.cold.get("peak_rss_kib")) for r in results]))
    lines.append("")
    lines.append("baselines, ms (median, same runs)")
    lines.append(header)
    lines.append(row("raw WeasyPrint (same HTML + CSS)", [ms(r.median("raw_weasyprint")) for r in results]))
    lines.append(row("raw python-docx (same text)", [ms(r.median("raw_python_docx")) for r in results]))
    soffice_note = report["soffice"].get("skipped")
    if soffice_note:
        lines.append(f"soffice: skipped — {soffice_note}")
    else:
        lines.append(row("soffice --convert-to pdf (fresh proc.)",
                         [ms(statistics.median(r.soffice)) if r.soffice else "–" for r in results]))
        lines.append(row("user route (python-docx + soffice)",
                         [ms((r.median("raw_python_docx") or 0) + statistics.median(r.soffice)) if r.soffice else "–"
                          for r in results]))
        lines.append(row("soffice runs", [str(len(r.soffice)) for r in results]))
        lines.append(f"  (soffice first start with a new profile, not counted above: "
                     f"{ms(report['soffice'].get('first_start'))} ms)")
    if cold := report.get("cold_start"):
        lines += ["", *cold_start_lines(cold)]
    if batch := report.get("batch"):
        lines += ["", *batch_lines(batch)]
    if scale_report := report.get("scale"):
        lines += ["", *scale.text_rows(scale_rows(scale_report), scale_report)]
    lines.append("")
    lines.append(f"{'goal':46}{'size':>10}{'value':>10}{'goal':>11}  result")
    for goal in report["ratios"]:
        lines.append(f"{goal['name']:46}{goal['size']:>10}{fmt_value(goal['value'], goal['unit']):>10}"
                     f"{fmt_goal(goal):>11}  {fmt_result(goal)}")
    missed = [r for r in report["ratios"] if not r["pass"]]
    lines.append("")
    lines.append(f"goals: {len(report['ratios']) - len(missed)} pass, {len(missed)} miss")
    return "\n".join(lines)


def cold_start_lines(cold: dict[str, Any]) -> list[str]:
    """The real command, each run a fresh process from spawn to exit."""
    labels = {"help": "paldocs --help", "check": f"paldocs check {cold['file']}",
              "build": f"paldocs build {cold['file']} -f docx,pdf"}
    lines = [(f"command line, fresh process per run, s (median of {cold['runs']}, runs interleaved; "
             f"{cold['command']}; build with --out to a temporary folder)"),
             f"{'':62}{'median':>8}{'min':>8}{'max':>8}{'peak RSS':>12}"]
    for key, label in labels.items():
        walls = cold["wall_s"][key]
        lines.append(f"{label:62}{secs(cold['median_s'][key]):>8}{secs(min(walls)):>8}{secs(max(walls)):>8}"
                     f"{cold['peak_rss_mb'][key]:>9,.0f} MB")
    return lines


def batch_lines(batch: dict[str, Any]) -> list[str]:
    """The batch table: both job counts side by side, then what explains the speed-up."""
    def row(name: str, one: str, two: str) -> str:
        return f"{name:52}{one:>16}{two:>16}"

    library = batch["library"]
    warm = batch["warm_worker"]
    capacity = batch["parallel_capacity"]
    lines = [
        f"batch: {batch['input']} → DOCX+PDF; {batch['command']};",
        (f"whole command from spawn to exit, OUT emptied before each run, median of {batch['runs']} runs "
        "(order alternating)"),
        row("", "--jobs 1", "--jobs 2"),
        row("wall, s", secs(batch["median_s"]["1"]), secs(batch["median_s"]["2"])),
        row("  every run, s", " ".join(secs(x, 1) for x in batch["wall_s"]["1"]),
            " ".join(secs(x, 1) for x in batch["wall_s"]["2"])),
        row("documents / s", secs(batch["documents_per_s"]["1"]), secs(batch["documents_per_s"]["2"])),
        row("speed-up (jobs 1 wall ÷ jobs 2 wall)", "", f"{batch['speedup']:.2f}×"),
        row("CPU of the command and its workers (user+sys), s", secs(batch["cpu_s"]["1"], 1),
            secs(batch["cpu_s"]["2"], 1)),
        row("  cores paldocs kept busy (CPU ÷ wall)", secs(batch["cpu_s"]["1"] / batch["median_s"]["1"]),
            secs(batch["cpu_s"]["2"] / batch["median_s"]["2"])),
        row("  at most, on two free cores (2 × CPU₁ ÷ CPU₂)", "", times(batch["speedup_bound_free_cores"])),
        row("cores other processes kept busy meanwhile", secs(batch["others_cores"]["1"]),
            secs(batch["others_cores"]["2"])),
        row("hypervisor steal, s", secs(batch["steal_s"]["1"], 1), secs(batch["steal_s"]["2"], 1)),
        row("peak RSS of the biggest process, MiB", kib_to_mib(batch["max_rss_kib"]["1"]),
            kib_to_mib(batch["max_rss_kib"]["2"])),
        row("peak PSS of the whole process tree (sampled), MiB", kib_to_mib(batch["tree_peak_pss_kib"]["1"]),
            kib_to_mib(batch["tree_peak_pss_kib"]["2"])),
        row("library build_files (one run), s", secs(library["1"]["build_files_s"]),
            secs(library["2"]["build_files_s"])),
        row("  speed-up", "", f"{batch['library_speedup']:.2f}×"),
        row("  per document inside its worker, median ms", ms(statistics.median(library["1"]["document_s"])),
            ms(statistics.median(library["2"]["document_s"]))),
        row("  sum of per-document times, s", secs(sum(library["1"]["document_s"]), 1),
            secs(sum(library["2"]["document_s"]), 1)),
        row("  first document finished after, ms", ms(library["1"]["finished_at_s"][0]),
            ms(library["2"]["finished_at_s"][0])),
        (f"pool initializer warm_worker(docx, pdf) alone, fresh process: {ms(warm['warm_worker_s'])} ms "
         f"(importing the PDF writer {ms(warm['import_pdf_writer_s'])} ms, fonts/CSS/templates/catalog "
         f"{ms(warm['rest_s'])} ms)"),
        (f"control — two CPU-bound processes side by side vs one after the other, right after each round: "
         f"{batch['parallel_capacity_median']:.2f}× (runs: {' '.join(f'{x:.2f}' for x in capacity)}); "
         "2.00 means two free cores"),
    ]
    if batch["others_top"]:
        lines.append("other processes using the CPU during the batch runs (own CPU s, summed over the runs; "
                     "processes that ran the whole run only):")
        lines += [f"  {seconds:8.1f}  {command}" for command, seconds in batch["others_top"]]
    return lines


def _other_work(report: dict[str, Any]) -> bool:
    """Whether other processes competed for the cores: measured during the batch when it ran (the load
    average also counts the benchmark's own processes), else judged from the load average at the start."""
    if batch := report.get("batch"):
        return bool(max(batch["others_cores"].values()) >= 0.1)
    return bool(report["load_average"]["start"][0] >= 0.5)


def report_markdown(report: dict[str, Any], results: list[SizeResult]) -> str:
    """A compact summary to paste into README.md: one line on the machine, then stages × sizes, the command
    line (cold start and batch) and every goal with its value and result."""
    machine = report["machine"]
    load = report["load_average"]
    date = report["date"].replace("T", " ")
    lines = [
        (f"Measured {date} on {machine['cpu']}, {machine['cores']} cores, {machine['ram_gib']} GiB RAM; "
         f"Python {machine['python']}, WeasyPrint {machine['weasyprint']}, python-docx {machine['python_docx']}; "
         f"paldocs {machine['git']}; load average {load['start'][0]:.2f} at the start, {load['end'][0]:.2f} "
         "at the end" + (" (other work was running: times are inflated)." if _other_work(report) else ".")),
        "",
    ]
    if scale_report := report.get("scale"):
        lines += [*scale.markdown_rows(scale_rows(scale_report), scale_report), ""]
    lines += [
        "| warm stage, ms (median) | " + " | ".join(f"{r.factor}×" for r in results) + " |",
        "|---|" + "--:|" * len(results),
    ]
    for key in ("load", "compose", "parse", "docx", "html", "pdf", "full"):
        name = "**full build** (DOCX + PDF)" if key == "full" else key
        lines.append(f"| {name} | " + " | ".join(ms(r.median(key)) for r in results) + " |")
    lines.append("| PDF pages | " + " | ".join(str(r.info.get("pdf_pages") or "–") for r in results) + " |")
    if "tagging" in report:
        lines += ["", *tagging.markdown_rows(report["tagging"])]
    if cold := report.get("cold_start"):
        lines += ["", f"| command, fresh process (median of {cold['runs']}) | wall | peak RSS |", "|---|--:|--:|"]
        labels = {"help": "`paldocs --help`", "check": f"`paldocs check {Path(cold['file']).name}`",
                  "build": f"`paldocs build {Path(cold['file']).name} -f docx,pdf`"}
        for key, label in labels.items():
            lines.append(f"| {label} | {secs(cold['median_s'][key])} s | {cold['peak_rss_mb'][key]:,.0f} MB |")
    if batch := report.get("batch"):
        lines += ["", f"| batch: {batch['documents']} documents → DOCX + PDF | `--jobs 1` | `--jobs 2` |",
                  "|---|--:|--:|",
                  (f"| `paldocs build DIR`, wall (median of {batch['runs']}) | {secs(batch['median_s']['1'], 1)} s | "
                  f"{secs(batch['median_s']['2'], 1)} s |"),
                  f"| documents/s | {batch['documents_per_s']['1']:.2f} | {batch['documents_per_s']['2']:.2f} |",
                  f"| speed-up | | **{batch['speedup']:.2f}×** |",
                  (f"| `paldocs.batch.build_files` (one run) | {secs(batch['library']['1']['build_files_s'], 1)} s | "
                  f"{secs(batch['library']['2']['build_files_s'], 1)} s ({batch['library_speedup']:.2f}×) |"),
                  (f"| cores used by other processes meanwhile | {secs(batch['others_cores']['1'])} | "
                  f"{secs(batch['others_cores']['2'])} |"),
                  f"| at most, on two free cores (2 × CPU₁ ÷ CPU₂) | | {times(batch['speedup_bound_free_cores'])} |",
                  f"| control: two CPU-bound processes side by side | | {batch['parallel_capacity_median']:.2f}× |"]
    lines += ["", "| goal | size | value | goal | result |", "|---|---|--:|--:|---|"]
    for goal in report["ratios"]:
        lines.append(f"| {goal['name']} | {goal['size']} | {fmt_value(goal['value'], goal['unit'])} | "
                     f"{fmt_goal(goal)} | {fmt_result(goal)} |")
    missed = sum(not goal["pass"] for goal in report["ratios"])
    lines += ["", (f"{len(report['ratios']) - missed} goals pass, {missed} miss "
                  f"(`benchmarks/run.py`, {report['runtime_s']:.0f} s).")]
    return "\n".join(lines) + "\n"


def scale_rows(scale_report: dict[str, Any]) -> list[scale.Row]:
    """The side-by-side rows back from their JSON form (``report["scale"]["rows"]``)."""
    return [scale.Row(row["part"], row["name"], row["value"], row["unit"], row["goal"], row["op"], row["source"],
                      row["note"]) for row in scale_report.get("rows", [])]


def json_report(report: dict[str, Any], results: list[SizeResult]) -> dict[str, Any]:
    """The printed report as data: medians in ms, every sample in ms, cold build, memory, goals."""
    sizes: dict[str, Any] = {}
    for r in results:
        sizes[f"{r.factor}x"] = {
            "factor": r.factor,
            "runs": r.runs,
            "inputs": r.info,
            "warm_median_ms": {key: round(statistics.median(v) * 1000, 2) for key, v in r.samples.items()},
            "warm_samples_ms": {key: [round(x * 1000, 2) for x in v] for key, v in r.samples.items()},
            "soffice_samples_ms": [round(x * 1000, 2) for x in r.soffice],
            "cold_ms": {"import": round(r.cold.get("import", 0) * 1000, 2),
                        "build": round(r.cold.get("build", 0) * 1000, 2),
                        "wall": round(r.cold.get("wall", 0) * 1000, 2),
                        **{k: round(v * 1000, 2) for k, v in r.cold.get("times", {}).items()}},
            "peak_rss_mib": round(r.cold.get("peak_rss_kib", 0) / 1024, 1),
            "rss_after_import_mib": round(r.cold.get("rss_after_import_kib", 0) / 1024, 1),
        }
    soffice = {key: round(value * 1000, 2) if isinstance(value, float) else value
               for key, value in report["soffice"].items()}
    if "first_start" in soffice:
        soffice["first_start_ms"] = soffice.pop("first_start")
    return {**report, "soffice": soffice, "sizes": sizes,
            "ratios": [{**ratio, "value": round(ratio["value"], 3)} for ratio in report["ratios"]]}


# --- main ---------------------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", help="comma-separated size factors, smallest first (default 1,10,100; "
                                        "--quick: 1,10)")
    parser.add_argument("--repeat", type=int, help="runs per size (default 5 at 1×, 3 at 10× and 100×; --quick: 1)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file, and the Markdown "
                                                  "summary beside it (same name, suffix .md)")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown summary for README.md")
    parser.add_argument("--quick", action="store_true", help="smoke run: sizes 1,10, one run each, a batch of 10, "
                                                             "3 command-line runs")
    parser.add_argument("--no-soffice", action="store_true", help="skip the LibreOffice baseline")
    parser.add_argument("--batch", type=int, help="documents in the batch (default 100; --quick: 10; 0: no batch)")
    parser.add_argument("--batch-runs", type=int, help="runs of each --jobs value (default 3; --quick: 1)")
    parser.add_argument("--cli-runs", type=int, help="fresh-process runs of each command for the cold start "
                                                     "(default 5; --quick: 3; 0: skip)")
    parser.add_argument("--smallest", action="store_true", help="the smallest run through every section (size 1 "
                                                                "once, no batch, no soffice, every scale part "
                                                                "at its smallest): a check that it runs")
    parser.add_argument("--no-scale", action="store_true", help="leave out the side-by-side scale parts")
    parser.add_argument("--startup-runs", type=int, help="fresh-process runs for the whole-process part "
                                                         "(default 5; --quick 3; --smallest 1)")
    parser.add_argument("--long-scale", type=int, help="size of the long document, times the Kętrzyn program "
                                                       "(default 100; --quick 10; --smallest 1)")
    parser.add_argument("--long-workers", type=int, help="worker processes for the long document (default: every "
                                                         "usable core, at least 2)")
    parser.add_argument("--cluster-documents", type=int, help="documents in the cluster batch (default 100; "
                                                              "--quick 10; --smallest 4)")
    parser.add_argument("--part-child", choices=[part.key for part in scale.PARTS], help=argparse.SUPPRESS)
    parser.add_argument("--part-args", help=argparse.SUPPRESS)
    parser.add_argument("--part-path", type=Path, default=HERE, help=argparse.SUPPRESS)
    parser.add_argument("--cold-child", type=Path, help=argparse.SUPPRESS)  # internal: the fresh-process build
    parser.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--batch-child", type=Path, help=argparse.SUPPRESS)  # internal: build_files in a child
    parser.add_argument("--batch-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--batch-jobs", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--warm-worker-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.smallest and args.quick:
        parser.error("--smallest and --quick: give one of them")
    if args.smallest:  # defaults only: an option given explicitly still counts
        args.sizes = args.sizes or "1"
        args.repeat = args.repeat or 1
        args.batch = 0 if args.batch is None else args.batch
        args.cli_runs = 1 if args.cli_runs is None else args.cli_runs
        args.no_soffice = True
    try:
        text = args.sizes or ("1,10" if args.quick else "1,10,100")
        args.sizes = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        parser.error(f"--sizes must be integers separated by commas, not {args.sizes!r}")
    if not args.sizes or min(args.sizes) < 1 or args.sizes != sorted(set(args.sizes)):
        parser.error("--sizes: positive integers, increasing, no repeats (the first is the scaling base)")
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    args.batch = (10 if args.quick else 100) if args.batch is None else args.batch
    args.batch_runs = (1 if args.quick else 3) if args.batch_runs is None else args.batch_runs
    args.cli_runs = (3 if args.quick else 5) if args.cli_runs is None else args.cli_runs
    if args.batch < 0 or args.batch_runs < 1 or args.cli_runs < 0:
        parser.error("--batch and --cli-runs must not be negative, --batch-runs must be at least 1")
    if args.batch == 1:
        parser.error("--batch 1 measures no parallelism: give at least 2 documents, or 0 for no batch")
    defaults = scale.default_settings("smallest" if args.smallest else "quick" if args.quick else "full")
    args.scale_settings = scale.Settings(args.startup_runs or defaults.startup_runs,
                                         args.long_scale or defaults.long_scale,
                                         args.long_workers or defaults.long_workers,
                                         args.cluster_documents or defaults.cluster_documents)
    if min(args.scale_settings.startup_runs, args.scale_settings.long_scale, args.scale_settings.long_workers,
           args.scale_settings.cluster_documents) < 1:
        parser.error("--startup-runs, --long-scale, --long-workers and --cluster-documents must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.cold_child:
        child_main(args.cold_child, args.child_out)
        return 0
    if args.batch_child:
        commandline.library_batch_child(args.batch_child, args.batch_out, args.batch_jobs, args.child_out)
        return 0
    if args.warm_worker_child:
        commandline.warm_worker_child(args.child_out)
        return 0
    if args.part_child:
        scale.part_child(args.part_child, json.loads(args.part_args or "{}"), args.child_out, args.part_path)
        return 0
    soffice = None if args.no_soffice else soffice_command()
    report: dict[str, Any] = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "load_average": {"start": list(os.getloadavg())},
        "settings": {"sizes": args.sizes, "repeat": args.repeat, "quick": args.quick, "batch": args.batch,
                     "batch_runs": args.batch_runs, "cli_runs": args.cli_runs, "smallest": args.smallest,
                     "scale": not args.no_scale},
        "goals": {"pdf_vs_weasyprint": GOAL_PDF_VS_WEASYPRINT, "docx_vs_python_docx": GOAL_DOCX_VS_PYTHON_DOCX,
                  "full_vs_user_route": GOAL_FULL_VS_USER_ROUTE, "scaling_slack": SCALING_SLACK,
                  "help_s": GOAL_HELP_S, "cold_build_s": GOAL_COLD_BUILD_S, "cold_build_peak_rss_mb": GOAL_COLD_BUILD_MB,
                  "batch_speedup": GOAL_BATCH_SPEEDUP, "whole_process_ratio": scale.GOAL_WHOLE_PROCESS_RATIO,
                  "check_s": scale.GOAL_CHECK_S, "long_document_speedup": scale.GOAL_LONG_DOCUMENT_SPEEDUP},
    }
    report["machine"] = machine_info(soffice_command())  # the version even when --no-soffice skips its timing
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="paldocs-bench-") as folder:
        work = Path(folder)
        results: list[SizeResult] = []
        for factor in args.sizes:
            path = work / f"program-{factor}x.yaml"
            path.write_text(scaled_program(factor), encoding="utf-8")
            runs = args.repeat or (1 if args.quick else default_repeat(factor))
            results.append(SizeResult(factor, path, runs))

        # Cold builds first, each in its own fresh process (this process has not imported paldocs yet).
        for result in results:
            print(f"cold build {result.factor}× …", file=sys.stderr, flush=True)
            result.cold = cold_build(result.path, work)
        if args.cli_runs:
            print(f"command line: paldocs --help / check / build, {args.cli_runs} runs each …", file=sys.stderr,
                  flush=True)
            report["cold_start"] = measure_cold_start(work, args.cli_runs)

        import stages

        print("warm-up build …", file=sys.stderr, flush=True)
        raw_weasyprint = stages.RawWeasyPrint()
        warm_up = stages.staged_build(results[0].path)
        raw_weasyprint.render(stages.pdf_input_html(warm_up.document))  # the baseline's first-use costs too
        stages.raw_docx(stages.docx_content(warm_up.outputs["docx"]))
        del warm_up

        raw_docx_files: dict[int, Path] = {}
        for result in results:
            print(f"warm runs {result.factor}× ({result.runs}) …", file=sys.stderr, flush=True)
            raw_docx_files[result.factor] = work / f"raw-{result.factor}x.docx"
            raw_docx_files[result.factor].write_bytes(measure_warm(result, raw_weasyprint))
        if tagged_sizes := tuple(factor for factor in args.sizes if factor in tagging.DEFAULT_SIZES):
            report["tagging"] = tagging.measure_tagging(tagged_sizes,
                                                        1 if args.quick or args.smallest else tagging.DEFAULT_RUNS,
                                                        work)

        if soffice is None:
            report["soffice"] = {"skipped": "--no-soffice given" if args.no_soffice
                                 else "soffice (LibreOffice) is not on PATH; the user-route ratio is not measured"}
        else:
            profile = work / "soffice-profile"
            out_dir = work / "soffice-out"
            out_dir.mkdir()
            print("soffice first start (creates its profile) …", file=sys.stderr, flush=True)
            # Users convert with an existing LibreOffice profile; creating one is a one-off, reported apart.
            report["soffice"] = {"first_start": soffice_convert(soffice, raw_docx_files[results[0].factor],
                                                                profile, out_dir)}
            for result in results:
                print(f"soffice {result.factor}× ({result.runs}) …", file=sys.stderr, flush=True)
                result.soffice = [soffice_convert(soffice, raw_docx_files[result.factor], profile, out_dir)
                                  for _ in range(result.runs)]

        # Last, in fresh processes: this process's imports and memory do not reach the batch's workers.
        if args.batch:
            report["batch"] = measure_batch(work, args.batch, args.batch_runs)
        if not args.no_scale:
            report["scale"] = scale.measure_scale(args.scale_settings, work,
                                                  announce=lambda text: print(text, file=sys.stderr, flush=True))
            report["scale"]["rows"] = [row.as_dict() for row in
                                       scale.side_by_side(report["scale"], own_figures(report, results))]

    report["load_average"]["end"] = list(os.getloadavg())
    report["ratios"] = goal_rows(results, report)
    report["runtime_s"] = round(time.perf_counter() - started, 1)
    print(report_text(report, results))
    print(f"\n(benchmark took {report['runtime_s']:.0f} s)")
    markdown = report_markdown(report, results)
    if args.markdown:
        print("\n" + markdown, end="")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(json_report(report, results), ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
        args.json.with_suffix(".md").write_text(markdown, encoding="utf-8")
    if scale.any_failed(report.get("scale", {})):
        print("a scale part failed (see its line above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
