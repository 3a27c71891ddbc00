"""Batch throughput: local worker processes against a Dask cluster of as many workers, on this machine.

Contract: :func:`measure` writes ``documents`` copies of the Kętrzyn example (profiles beside them) to a
temporary folder and builds them to DOCX+PDF with ``paldocs.batch.build_files`` four ways, each batch into an
emptied output folder, every outcome checked ``ok`` and every output present:

- ``local_cold``: ``build_files(jobs=W)`` — what ``paldocs build --jobs W`` pays: the pool is started, its
  workers warmed (templates, kinds, fonts) and stopped inside the timing;
- ``local_warm``: a ``ProcessPoolExecutor(W)`` passed as ``executor``, timed on its second batch (a
  long-running service keeps its pool);
- ``dask_cold`` / ``dask_warm``: a Dask ``LocalCluster`` (W single-threaded worker processes, listening on
  127.0.0.1 only, every port a free one) through ``paldocs.cluster.connected``: its first batch (workers import
  paldocs and load templates on their first document) and its second; the cluster's start is timed apart.

It returns seconds, documents/second and the median seconds a document took inside its worker for each, the ratio Dask warm ÷ local warm (throughput), the machine
(cores) and the load average at start and end: on a shared machine the figures are noisy, read them with the
load. Timing only; nothing here asserts a speed. ``python benchmarks/cluster.py --documents 20`` prints a
table; ``--json FILE`` also writes the dict.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
KETRZYN = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
PROFILES = REPO / "resolutions" / "profiles"
FORMATS = ("docx", "pdf")


def prepare(folder: Path, documents: int) -> list[Path]:
    """``documents`` copies of one real resolution under different names, the profiles folder beside them."""
    shutil.copytree(PROFILES, folder / "profiles")
    text = KETRZYN.read_bytes()
    sources = [folder / f"ketrzyn-{number:04d}.yaml" for number in range(1, documents + 1)]
    for source in sources:
        source.write_bytes(text)
    return sources


def timed_batch(sources: list[Path], out: Path, run: Callable[[Any], list[Any]]) -> tuple[float, float]:
    """Seconds for one batch into an emptied ``out`` and the median seconds one document took inside its
    worker; raises unless every document built every format."""
    from paldocs.batch import BuildOptions

    shutil.rmtree(out, ignore_errors=True)
    options = BuildOptions(FORMATS, out)
    started = time.perf_counter()
    outcomes = run(options)
    seconds = time.perf_counter() - started
    failed = [f"{o.source.name}: {o.status} {o.message}" for o in outcomes if o.status != "ok"]
    if failed:
        raise SystemExit("batch failed:\n" + "\n".join(failed))
    missing = [f"{s.stem}.{fmt}" for s in sources for fmt in FORMATS if not (out / f"{s.stem}.{fmt}").is_file()]
    if missing:
        raise SystemExit(f"batch wrote no {missing[:3]}…")
    return seconds, statistics.median(o.seconds for o in outcomes)


def on_executor(sources: list[Path], executor: Executor) -> Callable[[Any], list[Any]]:
    from paldocs.batch import build_files

    return lambda options: build_files(sources, options, executor=executor)


def measure(documents: int, workers: int = 2) -> dict[str, Any]:
    """Local processes vs a Dask LocalCluster, ``documents`` DOCX+PDF builds each (see the module contract)."""
    from distributed import LocalCluster

    from paldocs.batch import build_files
    from paldocs.cluster import connected

    result: dict[str, Any] = {"documents": documents, "workers": workers, "formats": list(FORMATS),
                              "cores": os.cpu_count(), "load_average": {"start": list(os.getloadavg())}}
    seconds: dict[str, float] = {}
    inside: dict[str, float] = {}  # median seconds per document inside its worker
    with tempfile.TemporaryDirectory(prefix="paldocs-cluster-") as temporary:
        work = Path(temporary)
        sources = prepare(work / "dane", documents)
        out = work / "wynik"
        # local first: the pool forks this process, which must not yet run the cluster's threads
        seconds["local_cold"], inside["local_cold"] = timed_batch(
            sources, out, lambda options: build_files(sources, options, workers))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            timed_batch(sources, out, on_executor(sources, pool))
            seconds["local_warm"], inside["local_warm"] = timed_batch(sources, out, on_executor(sources, pool))
        started = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address="127.0.0.1:0") as cluster:
            seconds["dask_cluster_start"] = time.perf_counter() - started
            with connected(cluster.scheduler_address) as executor:
                seconds["dask_cold"], inside["dask_cold"] = timed_batch(sources, out, on_executor(sources, executor))
                seconds["dask_warm"], inside["dask_warm"] = timed_batch(sources, out, on_executor(sources, executor))
    result["seconds"] = {key: round(value, 3) for key, value in seconds.items()}
    result["documents_per_second"] = {key: round(documents / value, 2) for key, value in seconds.items()
                                      if key != "dask_cluster_start"}
    result["median_seconds_per_document_in_worker"] = {key: round(value, 3) for key, value in inside.items()}
    result["dask_warm_vs_local_warm"] = round(seconds["local_warm"] / seconds["dask_warm"], 3)
    result["dask_cold_vs_local_cold"] = round(seconds["local_cold"] / seconds["dask_cold"], 3)
    # the names benchmarks/run.py's side-by-side table reads: warm workers on both sides
    result["local_documents_per_s"] = result["documents_per_second"]["local_warm"]
    result["dask_documents_per_s"] = result["documents_per_second"]["dask_warm"]
    result["load_average"]["end"] = list(os.getloadavg())
    return result


def table(result: dict[str, Any]) -> str:
    rows = [f"Batch of {result['documents']} × DOCX+PDF, {result['workers']} workers, {result['cores']} cores; "
            f"load {result['load_average']['start'][0]:.2f} → {result['load_average']['end'][0]:.2f}",
            f"{'run':20} {'seconds':>8} {'docs/s':>7} {'s/doc in worker':>16}"]
    for key, value in result["seconds"].items():
        rate = result["documents_per_second"].get(key, "")
        inside = result["median_seconds_per_document_in_worker"].get(key)
        rows.append(f"{key:20} {value:8.2f} {rate:>7} {f'{inside:.3f}' if inside is not None else '':>16}")
    rows.append(f"Dask ÷ local throughput: warm {result['dask_warm_vs_local_warm']:.2f}, "
                f"cold {result['dask_cold_vs_local_cold']:.2f} (cluster start not included)")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="also write the result as JSON here")
    args = parser.parse_args(argv)
    result = measure(args.documents, args.workers)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
