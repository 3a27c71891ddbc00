"""Performance and scale side by side: the whole process, long documents on all cores, batches on a cluster.

``benchmarks/run.py`` calls this after its own measurements; it is not run alone.

Contract:
- Three parts, each measured by its own module in ``benchmarks/`` through a function ``measure``:

  ============== ================================ =====================================================
  part           module and call                  also needs (else the part is "not built yet")
  ============== ================================ =====================================================
  whole process  ``startup.measure(runs)``        —
  long document  ``long_document.measure(scale,   ``paldocs.writers.pdf_parallel.render_pdf_parallel``
                 workers)``
  cluster        ``cluster.measure(documents)``   ``paldocs.batch.build_files`` with an ``executor``
                                                  parameter
  ============== ================================ =====================================================

  A part whose module file is missing, or whose module or paldocs function cannot be imported, is reported
  as "not built yet" with the reason; nothing is measured for it and the run goes on.
- Each built part runs in a fresh process (``run.py --part-child``), started and reaped by
  :func:`commandline.run_process` with memory sampling: the figures a part returns are its own; around it
  this module records the wall time of the whole measurement, the load average before and after, how many
  cores other processes kept busy meanwhile, hypervisor steal, the peak RSS of the biggest process and the
  peak summed PSS of the whole process tree (workers included). A part that fails (non-zero exit) is
  reported as failed with the last line of its log; :func:`any_failed` tells run.py to exit non-zero.
- :func:`side_by_side` turns the parts' dictionaries into table rows. It reads these keys (the first present,
  searched at the top level, then one level down), and keeps the whole dictionary in the JSON:

  - whole process: ``ratio``; ``build_median_s`` (aliases ``paldocs_median_s``, ``build_s``);
    ``weasyprint_median_s`` (``raw_weasyprint_median_s``, ``raw_median_s``, ``weasyprint_s``);
    ``check_median_s`` (``check_s``); ``peak_rss_mb`` (``build_peak_rss_mb``). The ratio is computed from the
    two medians when the part gives none.
  - long document: ``serial_s`` (``serial_median_s``); ``parallel_s`` (``parallel_median_s``); ``speedup``
    (else serial ÷ parallel); ``pages``; ``same_as_serial`` (``identical``, ``equal``) and
    ``byte_identical`` (``reproducible``) as booleans; ``serial_peak_rss_mb``, ``parallel_peak_rss_mb``.
  - cluster: ``local_documents_per_s`` (``processes_documents_per_s``, ``process_pool_documents_per_s``);
    ``dask_documents_per_s``; ``dask_peak_rss_mb``, ``local_peak_rss_mb``.

  Where a part is not built, the row shows what ``run.py`` itself measured of the same thing when it has it
  (``paldocs check`` cold, the 100× PDF stage on one core, the ``--jobs 2`` batch), labelled with where it
  comes from; else "not built yet".
- Goals: cold whole-process PDF build ≤ 1.15 × a cold raw WeasyPrint run on the same HTML; ``paldocs check`` ≤ 0.3 s;
  the long document's PDF on all cores ≥ 1.8 × faster than one core, with the same text and page count and
  byte-identical between runs. The cluster and memory rows have no goal: they are reported.
- :func:`markdown_rows` and :func:`text_rows` format the rows; every Markdown table has the same number of
  cells in every line.
"""

from __future__ import annotations

import importlib
import inspect
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run as a script this is already sys.path[0]; imported, it may not be
    sys.path.insert(0, str(HERE))

import commandline  # noqa: E402  (standard library only: this process imports paldocs later, or never)

GOAL_WHOLE_PROCESS_RATIO = 1.15
GOAL_CHECK_S = 0.3
GOAL_LONG_DOCUMENT_SPEEDUP = 1.8
NOT_BUILT = "not built yet"
KIB = 1024


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the side-by-side table and the module that measures it."""

    key: str
    title: str
    module: str  # benchmarks/<module>.py, with a function measure(**arguments) -> dict
    needs: tuple[tuple[str, str, str | None], ...] = ()  # (module, attribute, parameter that must exist)


PARTS: tuple[Part, ...] = (
    Part("startup", "whole process", "startup"),
    Part("long_document", "long document", "long_document",
         (("paldocs.writers.pdf_parallel", "render_pdf_parallel", None),)),
    Part("cluster", "batch on a cluster", "cluster", (("paldocs.batch", "build_files", "executor"),)),
)
PART_BY_KEY = {part.key: part for part in PARTS}


@dataclass(frozen=True, slots=True)
class Settings:
    """How big each part's measurement is."""

    startup_runs: int
    long_scale: int
    long_workers: int
    cluster_documents: int

    def arguments(self, key: str) -> dict[str, int]:
        return {"startup": {"runs": self.startup_runs},
                "long_document": {"scale": self.long_scale, "workers": self.long_workers},
                "cluster": {"documents": self.cluster_documents}}[key]


def default_settings(mode: str) -> Settings:
    """``full`` (the issue's sizes: 5 cold runs, the 100× program, 100 documents), ``quick`` or ``smallest``
    (each part at its smallest size: a smoke run of the whole chain). Workers: every usable core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = max(2, cores)
    return {"full": Settings(5, 100, workers, 100),
            "quick": Settings(3, 10, workers, 10),
            "smallest": Settings(1, 1, 2, 4)}[mode]


# --- measuring ---------------------------------------------------------------------------------------------

def module_file(part: Part, folder: Path = HERE) -> Path:
    return folder / f"{part.module}.py"


def missing_needs(part: Part) -> str | None:
    """Why the paldocs side of ``part`` is not there (imports paldocs: call it in the part's own process)."""
    for module_name, attribute, parameter in part.needs:
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            return f"{module_name} cannot be imported ({error})"
        function = getattr(module, attribute, None)
        if function is None:
            return f"{module_name}.{attribute} does not exist"
        if parameter and parameter not in inspect.signature(function).parameters:
            return f"{module_name}.{attribute} has no parameter {parameter!r}"
    return None


def part_child(key: str, arguments: dict[str, Any], result_file: Path, folder: Path = HERE) -> None:
    """In a fresh process: check the part's needs, import its module from ``folder`` and call
    ``measure(**arguments)``; write ``{"status": "measured", "result": …}`` or ``{"status": "not built yet",
    "reason": …}``. An exception from ``measure`` propagates: the process fails and the parent reports it."""
    part = PART_BY_KEY[key]
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    reason = missing_needs(part)
    if reason is None:
        try:
            module = importlib.import_module(part.module)
        except ImportError as error:
            reason = f"benchmarks/{part.module}.py cannot be imported ({error})"
        else:
            if not callable(getattr(module, "measure", None)):
                reason = f"benchmarks/{part.module}.py has no function measure"
    if reason is not None:
        outcome: dict[str, Any] = {"status": NOT_BUILT, "reason": reason}
    else:
        started = time.perf_counter()
        result = module.measure(**arguments)
        outcome = {"status": "measured", "result": result, "measure_s": time.perf_counter() - started}
    result_file.write_text(json.dumps(outcome, ensure_ascii=False, default=str), encoding="utf-8")


def measure_part(part: Part, arguments: dict[str, Any], work: Path, folder: Path = HERE) -> dict[str, Any]:
    """One part in a fresh process, measured from outside (see the module contract)."""
    base: dict[str, Any] = {"key": part.key, "title": part.title, "module": f"benchmarks/{part.module}.py",
                            "arguments": arguments}
    if not module_file(part, folder).is_file():
        return {**base, "status": NOT_BUILT, "reason": f"benchmarks/{part.module}.py does not exist"}
    result_file = work / f"part-{part.key}.json"
    log = work / f"part-{part.key}.log"
    result_file.unlink(missing_ok=True)
    args = [sys.executable, str(HERE / "run.py"), "--part-child", part.key, "--part-args", json.dumps(arguments),
            "--child-out", str(result_file), "--part-path", str(folder)]
    load_before = list(os.getloadavg())
    run = commandline.run_process(args, log, sample_memory=True)
    process = {"wall_s": run.wall, "cpu_s": run.cpu, "max_rss_kib": run.max_rss_kib,
               "tree_peak_pss_kib": run.tree_peak_pss_kib, "others_cores": run.others_cores(),
               "steal_s": run.steal, "others_top": run.others_top,
               "load_average_before": load_before, "load_average_after": list(os.getloadavg())}
    if run.exit_code != 0 or not result_file.is_file():
        lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        return {**base, "status": "failed", "reason": (lines[-1] if lines else f"exit code {run.exit_code}"),
                "exit_code": run.exit_code, "process": process}
    outcome: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    return {**base, **outcome, "process": process}


def measure_scale(settings: Settings, work: Path, folder: Path = HERE,
                  announce: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Every part, one after the other (each alone on the machine, as far as this benchmark goes)."""
    parts: dict[str, Any] = {}
    for part in PARTS:
        arguments = settings.arguments(part.key)
        if announce:
            announce(f"{part.title}: benchmarks/{part.module}.py measure({arguments}) …")
        parts[part.key] = measure_part(part, arguments, work, folder)
    return {"settings": {key: getattr(settings, key) for key in Settings.__slots__}, "parts": parts}


def any_failed(scale: Mapping[str, Any]) -> bool:
    return any(part.get("status") == "failed" for part in scale.get("parts", {}).values())


# --- reading the parts' figures ----------------------------------------------------------------------------

def find(data: Any, *names: str) -> Any:
    """The value of the first of ``names`` found in ``data`` (top level first, then one level down)."""
    if not isinstance(data, Mapping):
        return None
    for name in names:
        if data.get(name) is not None:
            return data[name]
    for value in data.values():
        if isinstance(value, Mapping):
            for name in names:
                if value.get(name) is not None:
                    return value[name]
    return None


def number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _or_own(value: float | None, source: str, own: dict[str, Any], key: str, own_source: str, *,
            when: bool = True) -> tuple[float | None, str]:
    """The part's figure and its source, else (when ``when``) run.py's own measurement of the same thing
    (``own[key]``), named by ``own_source``."""
    if value is None and when and (fallback := number(own.get(key))) is not None:
        return fallback, own_source
    return value, source


def _quotient(numerator: float | None, denominator: float | None) -> float | None:
    return numerator / denominator if numerator is not None and denominator else None


@dataclass(slots=True)
class Row:
    """One line of the side-by-side table."""

    part: str
    name: str
    value: float | bool | None
    unit: str = ""  # "s", "×", "MB", "docs/s", "pages", "" (yes/no for booleans)
    goal: float | None = None
    op: str = "≤"
    source: str = ""  # the module (or run.py) that measured the value
    note: str = ""  # why there is no value: not built yet, failed, not reported

    @property
    def passed(self) -> bool | None:
        if self.goal is None or not isinstance(self.value, float):
            return None
        return self.value <= self.goal if self.op == "≤" else self.value >= self.goal

    def value_text(self) -> str:
        if self.value is None:
            return self.note or "not reported"
        if isinstance(self.value, bool):
            return "yes" if self.value else "no"
        if self.unit == "×":
            return f"{self.value:.2f}×"
        if self.unit == "MB":
            return f"{self.value:,.0f} MB"
        if self.unit == "pages":
            return f"{self.value:,.0f}"
        digits = 1 if self.unit == "s" and self.value >= 10 else 2
        return f"{self.value:,.{digits}f}" + (f" {self.unit}" if self.unit else "")

    def goal_text(self) -> str:
        if self.goal is None:
            return "–"
        unit = "" if self.unit in ("", "×") else f" {self.unit}"
        return f"{self.op} {self.goal:g}{'×' if self.unit == '×' else ''}{unit}"

    def result_text(self) -> str:
        passed = self.passed
        if passed is None:
            return "–"
        if passed:
            return "PASS"
        assert isinstance(self.value, float) and self.goal
        return f"MISS ({(self.value / self.goal - 1) * 100:+.0f}%)"

    def as_dict(self) -> dict[str, Any]:
        return {"part": self.part, "name": self.name, "value": self.value, "unit": self.unit, "goal": self.goal,
                "op": self.op, "pass": self.passed, "source": self.source, "note": self.note}


def _state(part: Mapping[str, Any] | None) -> tuple[Mapping[str, Any] | None, str]:
    """The part's own figures (or None) and the note its rows carry without them."""
    if not part:
        return None, "not measured"
    status = part.get("status")
    if status == "measured":
        return part.get("result") or {}, "not reported"
    if status == "failed":
        return None, "failed"
    return None, NOT_BUILT


def side_by_side(scale: Mapping[str, Any], own: Mapping[str, Any]) -> list[Row]:
    """The rows of the table (see the module contract); ``own`` holds what run.py measured itself:
    ``check_s``, ``build_peak_mb``, ``pdf_large_s``, ``pdf_large_factor``, ``pdf_large_pages``,
    ``pdf_large_peak_mb``, ``batch_documents_per_s``, ``batch_jobs``, ``batch_tree_pss_mb`` (each optional)."""
    parts = scale.get("parts", {})
    rows: list[Row] = []

    def mem(part: Mapping[str, Any] | None) -> float | None:
        """Peak summed PSS of a part's whole measurement (its process and every worker), MB."""
        kib = number(((part or {}).get("process") or {}).get("tree_peak_pss_kib"))
        return kib * KIB / 1e6 if kib else None

    # Whole process.
    part = parts.get("startup")
    figures, note = _state(part)
    source = "benchmarks/startup.py"
    build = number(find(figures, "build_median_s", "paldocs_median_s", "build_s"))
    raw = number(find(figures, "weasyprint_median_s", "raw_weasyprint_median_s", "raw_median_s", "weasyprint_s"))
    ratio = number(find(figures, "ratio")) or _quotient(build, raw)
    title = "whole process"
    rows.append(Row(title, "`paldocs build FILE -f pdf`, fresh process, median", build, "s", source=source,
                    note=note))
    rows.append(Row(title, "raw WeasyPrint on the same HTML, fresh process, median", raw, "s", source=source,
                    note=note))
    rows.append(Row(title, "ratio paldocs ÷ raw WeasyPrint", ratio, "×", GOAL_WHOLE_PROCESS_RATIO,
                    source=source, note=note))
    check, check_source = _or_own(number(find(figures, "check_median_s", "check_s")), source, own, "check_s",
                                  "run.py (command line, fresh process)")
    rows.append(Row(title, "`paldocs check FILE`, fresh process, median", check, "s", GOAL_CHECK_S,
                    source=check_source, note=note))
    peak, peak_source = _or_own(number(find(figures, "peak_rss_mb", "build_peak_rss_mb")), source, own,
                                "build_peak_mb", "run.py (`paldocs build -f docx,pdf`, peak RSS)")
    rows.append(Row(title, "peak memory of a build", peak, "MB", source=peak_source, note=note))

    # Long document on all cores.
    part = parts.get("long_document")
    figures, note = _state(part)
    source = "benchmarks/long_document.py"
    title = "long document"
    arguments = (part or {}).get("arguments", {})
    scale_text = f"{arguments.get('scale', '?')}×, {arguments.get('workers', '?')} workers"
    serial, serial_source = _or_own(number(find(figures, "serial_s", "serial_median_s")), source, own,
                                    "pdf_large_s", "run.py (warm PDF stage)")
    what = scale_text if serial_source == source else f"{own.get('pdf_large_factor')}× program"
    serial_name = f"PDF on one core ({what})"
    rows.append(Row(title, serial_name, serial, "s", source=serial_source, note=note))
    parallel = number(find(figures, "parallel_s", "parallel_median_s"))
    rows.append(Row(title, f"PDF on all cores ({scale_text})", parallel, "s", source=source, note=note))
    speedup = number(find(figures, "speedup")) or _quotient(number(find(figures, "serial_s", "serial_median_s")),
                                                            parallel)
    rows.append(Row(title, "speed-up, one core ÷ all cores", speedup, "×", GOAL_LONG_DOCUMENT_SPEEDUP, "≥",
                    source=source, note=note))
    pages, pages_source = _or_own(number(find(figures, "pages", "page_count")), source, own, "pdf_large_pages",
                                  "run.py", when=figures is None)
    rows.append(Row(title, "PDF pages", pages, "pages", source=pages_source, note=note))
    same = find(figures, "same_as_serial", "identical", "equal")
    rows.append(Row(title, "same text and page count as the serial PDF", same if isinstance(same, bool) else None,
                    source=source, note=note))
    reproducible = find(figures, "byte_identical", "reproducible")
    rows.append(Row(title, "byte-identical between runs",
                    reproducible if isinstance(reproducible, bool) else None, source=source, note=note))
    serial_peak, serial_peak_source = _or_own(number(find(figures, "serial_peak_rss_mb")), source, own,
                                              "pdf_large_peak_mb", "run.py (cold first build, peak RSS)",
                                              when=figures is None)
    rows.append(Row(title, "peak memory on one core", serial_peak, "MB", source=serial_peak_source, note=note))
    parallel_peak = number(find(figures, "parallel_peak_rss_mb")) or (mem(part) if figures is not None else None)
    rows.append(Row(title, "peak memory on all cores (every worker)", parallel_peak, "MB", source=source,
                    note=note))

    # Batch on a cluster.
    part = parts.get("cluster")
    figures, note = _state(part)
    source = "benchmarks/cluster.py"
    title = "batch on a cluster"
    documents = (part or {}).get("arguments", {}).get("documents", "?")
    local, local_source = _or_own(
        number(find(figures, "local_documents_per_s", "processes_documents_per_s", "process_pool_documents_per_s")),
        source, own, "batch_documents_per_s", f"run.py (`paldocs build DIR --jobs {own.get('batch_jobs', 2)}`)",
        when=figures is None)
    batch = documents if local_source == source else own.get("batch_documents", "?")
    local_name = f"local processes, documents/s ({batch} documents)"
    rows.append(Row(title, local_name, local, "docs/s", source=local_source, note=note))
    dask = number(find(figures, "dask_documents_per_s"))
    rows.append(Row(title, f"Dask distributed, documents/s ({documents} documents)", dask, "docs/s",
                    source=source, note=note))
    rows.append(Row(title, "Dask ÷ local processes",
                    _quotient(dask, number(find(figures, "local_documents_per_s", "processes_documents_per_s",
                                                "process_pool_documents_per_s"))),
                    "×", source=source, note=note))
    local_peak, local_peak_source = _or_own(number(find(figures, "local_peak_rss_mb")), source, own,
                                            "batch_tree_pss_mb", "run.py (batch, peak PSS of all processes)",
                                            when=figures is None)
    rows.append(Row(title, "peak memory, local processes", local_peak, "MB", source=local_peak_source, note=note))
    dask_peak = number(find(figures, "dask_peak_rss_mb")) or (mem(part) if figures is not None else None)
    rows.append(Row(title, "peak memory, Dask (every worker)", dask_peak, "MB", source=source, note=note))
    return rows


def unread_figures(part: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Top-level numbers, booleans and short strings a part returned that the table does not show: printed
    in the text report so that nothing a part measured is lost when its names differ from the ones read."""
    shown = {"ratio", "build_median_s", "paldocs_median_s", "build_s", "weasyprint_median_s",
             "raw_weasyprint_median_s", "raw_median_s", "weasyprint_s", "check_median_s", "check_s", "peak_rss_mb",
             "build_peak_rss_mb", "serial_s", "serial_median_s", "parallel_s", "parallel_median_s", "speedup",
             "pages", "page_count", "same_as_serial", "identical", "equal", "byte_identical", "reproducible",
             "serial_peak_rss_mb", "parallel_peak_rss_mb", "local_documents_per_s", "processes_documents_per_s",
             "process_pool_documents_per_s", "dask_documents_per_s", "dask_peak_rss_mb", "local_peak_rss_mb"}
    result = part.get("result")
    if not isinstance(result, Mapping):
        return []
    return [(key, value) for key, value in result.items() if key not in shown and
            (isinstance(value, (int, float, bool)) or (isinstance(value, str) and len(value) <= 80))]


# --- formatting ----------------------------------------------------------------------------------------------

def _load(part: Mapping[str, Any]) -> str:
    process = part.get("process")
    if not process:
        return ""
    before, after = process["load_average_before"][0], process["load_average_after"][0]
    others = process.get("others_cores")
    return (f"load {before:.2f}→{after:.2f}" + (f", other processes {others:.2f} cores" if others is not None else "")
            + f", {process['wall_s']:.0f} s")


def part_lines(scale: Mapping[str, Any]) -> list[str]:
    """One line per part: measured (with the machine's load meanwhile), not built yet or failed, and why."""
    lines = []
    for part in scale.get("parts", {}).values():
        status = part.get("status")
        call = f"{part['module']} measure({', '.join(f'{k}={v}' for k, v in part.get('arguments', {}).items())})"
        if status == "measured":
            lines.append(f"{part['title']}: {call} — measured ({_load(part)})")
        else:
            lines.append(f"{part['title']}: {call} — {status}: {part.get('reason', '')}")
    return lines


def markdown_rows(rows: Iterable[Row], scale: Mapping[str, Any]) -> list[str]:
    """The side-by-side table in Markdown, then one line per part (status, load while it ran)."""
    lines = ["| part | measure | value | goal | result | measured by |", "|---|---|--:|--:|---|---|"]
    for row in rows:
        lines.append(f"| {row.part} | {row.name} | {row.value_text()} | {row.goal_text()} | {row.result_text()} | "
                     f"{row.source} |")
    lines.append("")
    lines += [f"- {line}" for line in part_lines(scale)]
    return lines


def text_rows(rows: Iterable[Row], scale: Mapping[str, Any]) -> list[str]:
    """The side-by-side table for the terminal, the parts' status and whatever figures the table left out."""
    lines = ["performance and scale, side by side (each part in a fresh process; its own figures, or run.py's "
             "where the part is not built)",
             f"{'part':20}{'measure':58}{'value':>16}{'goal':>10}  {'result':15}measured by"]
    for row in rows:
        lines.append(f"{row.part:20}{row.name:58}{row.value_text():>16}{row.goal_text():>10}  "
                     f"{row.result_text():15}{row.source}")
    lines += part_lines(scale)
    for part in scale.get("parts", {}).values():
        if extra := unread_figures(part):
            lines.append(f"  other figures from {part['module']}: "
                         + ", ".join(f"{key}={value:.4g}" if isinstance(value, float) else f"{key}={value}"
                                     for key, value in extra))
    return lines
