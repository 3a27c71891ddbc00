"""The real command line in fresh processes: cold start, the batch speed-up, and why it is what it is.

Contract:
- :func:`run_process` runs one command and measures it as its user experiences it: the wall time from the
  spawn to the reap (``os.wait4``), the exit code, the CPU seconds of the process *and of every child it
  waited for* (the pool workers of ``paldocs build --jobs N`` included: wait4's rusage covers them), the peak
  RSS of the biggest single process in that tree (wait4's ``ru_maxrss``), optionally the peak of the whole
  tree's *summed* PSS (sampled from ``/proc``; PSS, not RSS, so pages the forked workers share are counted
  once), and the CPU time other processes on the machine used meanwhile (``/proc/stat`` minus ours) — the
  competition a parallel build meets on a shared 2-core machine. The command is started by a small fresh
  interpreter (:data:`LAUNCHER`), not by this process: see there why.
- :func:`cold_start` times ``paldocs --help``, ``paldocs check FILE`` and ``paldocs build FILE -f docx,pdf``,
  each in a fresh process, runs interleaved so that load changes hit every command alike.
- :func:`prepare_batch` writes N copies of the Kętrzyn example (with the profile folder beside them, so
  ``municipality: profiles/ketrzyn.yaml`` resolves); :func:`cli_batch` builds them with the real command
  (``paldocs build DIR --format docx,pdf --out OUT --jobs J``, OUT removed before each run).
- :func:`library_batch_child` (run in a fresh process by ``run.py --batch-child``) does the same through
  ``paldocs.batch.build_files`` and records when each document finished and what each took inside its worker;
  :func:`warm_worker_child` times the pool initializer ``warm_worker`` in a fresh process.
- :func:`parallel_capacity` is the control: two CPU-bound pure-Python processes side by side vs one after
  the other. It is the speed-up this machine can give *right now*, whatever paldocs does.
Nothing here writes outside the folders it is given; no paldocs code is changed or patched.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
KETRZYN = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
PROFILES = REPO / "resolutions" / "profiles"
COLD_FILE = "resolutions/ketrzyn-2014-pal.yaml"  # relative to REPO, as a user in the checkout would type it
PROCESS_TIMEOUT = 1800  # seconds; a hung build must not hang the benchmark
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# Pure-Python arithmetic, no I/O, no imports: what one core can do, for the parallel-capacity control.
SPIN = "x = 0\nfor i in range({n}):\n    x += i * i\n"
# Starts the command and reports wait4's figures for it, as JSON, to the file named first.
#
# Why not spawn the command from this process: Linux's ru_maxrss of a child includes the memory of the process
# it was forked (or vforked) from, as it stood at the child's exec — so a command started by this benchmark,
# which holds a few hundred MiB after the 100× warm runs, would report at least that much ("paldocs --help"
# showed 38 MB instead of 17 MB, the batch 369 MiB). Started by this launcher (``python -I -S``, about
# 9 MiB), a command's peak RSS is its own whenever it exceeds that floor. Its own wall clock also leaves the
# launcher's start-up out: it runs from just before the spawn to just after the reap.
LAUNCHER = """
import json, os, sys, time
result_file, args = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
pid = os.posix_spawnp(args[0], args, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - started
with open(result_file, "w", encoding="utf-8") as stream:
    json.dump({"wall": wall, "exit_code": os.waitstatus_to_exitcode(status),
               "cpu": usage.ru_utime + usage.ru_stime, "max_rss_kib": usage.ru_maxrss}, stream)
"""


@dataclass(slots=True)
class ProcessRun:
    """One command, measured from spawn to reap."""

    wall: float  # seconds
    exit_code: int
    cpu: float  # user + system seconds of the process and every descendant it waited for
    max_rss_kib: int  # the biggest single process of the tree (wait4's ru_maxrss is a maximum, not a sum)
    tree_peak_pss_kib: int | None = None  # peak of the tree's summed PSS, when sampled
    others_cpu: float | None = None  # CPU seconds other processes used during the run (None without /proc)
    steal: float | None = None  # seconds the hypervisor gave our vCPUs to someone else
    others_top: list[tuple[str, float]] = field(default_factory=list)  # who they were: command line, CPU s

    def others_cores(self) -> float | None:
        """Cores other processes kept busy on average while this ran."""
        return None if self.others_cpu is None or not self.wall else self.others_cpu / self.wall


def paldocs_command() -> list[str]:
    """The installed console script next to this interpreter (``<venv>/bin/paldocs``): what users run.
    ``python -m paldocs`` only when there is none (the report says which)."""
    script = Path(sys.executable).parent / "paldocs"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    found = shutil.which("paldocs")
    return [found] if found else [sys.executable, "-m", "paldocs"]


# --- one process, measured -------------------------------------------------------------------------------

def _cpu_ticks() -> tuple[int, int] | None:
    """(busy, steal) ticks of the whole machine since boot, from /proc/stat's first line; None elsewhere.
    Busy leaves out idle and iowait, and steal, which no process on this machine used."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return user + nice + system + irq + softirq, steal


def _process_cpu() -> dict[int, tuple[str, float]]:
    """Every process's command line and its own CPU seconds so far (utime + stime).

    Not its reaped children's (cutime): a parent is credited with a child's *whole* life when it reaps it,
    which put 110 s in a 23-s window; processes that start and end within a run are therefore not named
    (their CPU is in the /proc/stat total all the same)."""
    found: dict[int, tuple[str, float]] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as stat:
                name, rest = stat.read().split("(", 1)[1].rsplit(")", 1)
                fields = rest.split()
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                argv = cmdline.read().decode(errors="replace").split("\0")
        except (OSError, IndexError, ValueError):
            continue
        # Only the program and its first few arguments ("python -m pytest -q"): enough to tell who competed,
        # and a report that is committed must not copy other programs' full command lines (they may carry
        # tokens or paths).
        command = " ".join(" ".join(word.split())[:40] for word in argv[:4] if word.strip())
        # After the ")" of the command name: state is field 3 of stat(5), so utime (14) and stime (15) are 11, 12.
        found[int(entry)] = (command or f"[{name}]", (int(fields[11]) + int(fields[12])) / CLOCK_TICKS)
    return found


def _others_top(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]],
                exclude: set[int], count: int = 3) -> list[tuple[str, float]]:
    """The processes (other than ``exclude``) that used the most CPU between the two snapshots."""
    used = [(after[pid][0], after[pid][1] - before[pid][1]) for pid in after.keys() & before.keys()
            if pid not in exclude]
    return sorted((item for item in used if item[1] >= 0.05), key=lambda item: -item[1])[:count]


def _descendants(pid: int) -> list[int]:
    """The process and everything below it, from /proc/<pid>/task/<tid>/children (any thread may fork)."""
    found: list[int] = []
    stack = [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    stack.extend(int(child) for child in children.read().split())
            except (OSError, ValueError):
                continue
    return found


def _pss_kib(pid: int) -> int:
    """Proportional set size of one process (shared pages divided among their users), 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class _TreeMemory(threading.Thread):
    """Samples the summed PSS of a process tree every ``interval`` seconds and keeps the peak.

    Sampling, so a spike shorter than the interval can be missed; it is used for batches lasting many
    seconds, where memory grows with the workers, not in short spikes (ru_maxrss stays the exact figure for
    the biggest single process)."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_kib = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(self.interval):
            tree = _descendants(self.pid)[1:]  # the launcher itself is not part of the command
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(pid) for pid in tree))

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak_kib


def run_process(args: Sequence[str], log: Path, *, cwd: Path = REPO, sample_memory: bool = False,
                env: dict[str, str] | None = None, timeout: float = PROCESS_TIMEOUT) -> ProcessRun:
    """Run ``args`` with stdout and stderr to ``log``; measure it (see the module contract).

    The child is reaped with ``os.wait4`` for *its* rusage: ``getrusage(RUSAGE_CHILDREN)`` would be the sum
    (CPU) or maximum (RSS) over every child waited for so far, mixing earlier runs in. ``sample_memory`` (for
    the long batch runs) also samples the tree's memory and names the other processes that used the CPU."""
    snapshot = _process_cpu() if sample_memory else {}
    result_file = log.with_name(log.name + ".rusage.json")
    result_file.unlink(missing_ok=True)
    ticks_before = _cpu_ticks()
    self_before = resource.getrusage(resource.RUSAGE_SELF)
    with log.open("wb") as output:
        # A session of its own, so that a timeout can end the launcher, the command and its workers together.
        launcher = subprocess.Popen([sys.executable, "-I", "-S", "-c", LAUNCHER, str(result_file), *args],
                                    stdout=output, stderr=output, cwd=cwd, env=env, start_new_session=True)
        sampler = _TreeMemory(launcher.pid) if sample_memory else None
        if sampler:
            sampler.start()
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(launcher.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(launcher.pid, signal.SIGKILL)
                launcher.wait()
                raise SystemExit(f"{' '.join(args)} took over {timeout:.0f} s (log: {log})")
            time.sleep(0.005)
    peak_pss = sampler.stop() if sampler else None
    ticks_after = _cpu_ticks()
    self_after = resource.getrusage(resource.RUSAGE_SELF)
    others_top = _others_top(snapshot, _process_cpu(), {os.getpid()}) if sample_memory else []
    launcher.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    if launcher.returncode != 0 or not result_file.is_file():
        raise SystemExit(f"the launcher of {' '.join(args)} failed (exit {launcher.returncode}; log: {log})")
    measured: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    others = steal = None
    if ticks_before and ticks_after:
        # Ours: the launcher with the command it waited for (wait4's usage), and this process (the sampler).
        ours = (usage.ru_utime + usage.ru_stime + (self_after.ru_utime + self_after.ru_stime)
                - (self_before.ru_utime + self_before.ru_stime))
        others = max(0.0, (ticks_after[0] - ticks_before[0]) / CLOCK_TICKS - ours)
        steal = (ticks_after[1] - ticks_before[1]) / CLOCK_TICKS
    return ProcessRun(measured["wall"], measured["exit_code"], measured["cpu"], measured["max_rss_kib"], peak_pss,
                      others, steal, others_top)


def _checked(run: ProcessRun, args: Sequence[str], log: Path, allowed: Sequence[int] = (0,)) -> ProcessRun:
    if run.exit_code not in allowed:
        raise SystemExit(f"{' '.join(args)} exited with {run.exit_code}:\n"
                         f"{log.read_text(encoding='utf-8', errors='replace')[-4000:]}")
    return run


# --- cold start ------------------------------------------------------------------------------------------

@dataclass(slots=True)
class ColdStart:
    """Fresh-process runs of each command, in seconds / KiB, in the order they ran."""

    command: list[str]
    runs: int
    wall: dict[str, list[float]] = field(default_factory=dict)  # "help" / "check" / "build" → seconds
    max_rss_kib: dict[str, list[int]] = field(default_factory=dict)

    def median(self, key: str) -> float | None:
        values = self.wall.get(key)
        return statistics.median(values) if values else None

    def peak_rss_kib(self, key: str) -> int | None:
        values = self.max_rss_kib.get(key)
        return max(values) if values else None


def cold_start(work: Path, runs: int) -> ColdStart:
    """``paldocs --help``, ``paldocs check FILE`` and ``paldocs build FILE -f docx,pdf`` ``runs`` times each.

    Interleaved (help, check, build, help, …) so that a burst of load from other work hits all three. The
    build writes to a temporary ``--out`` folder, emptied before each run (the repository is not written);
    ``check`` may exit 1 (findings), which is its normal answer, not a failure."""
    command = paldocs_command()
    result = ColdStart(command, runs)
    out = work / "cold-cli-out"
    commands: dict[str, tuple[list[str], tuple[int, ...]]] = {
        "help": ([*command, "--help"], (0,)),
        "check": ([*command, "check", COLD_FILE], (0, 1)),
        "build": ([*command, "build", COLD_FILE, "--format", "docx,pdf", "--out", str(out)], (0,)),
    }
    for _ in range(runs):
        for key, (args, allowed) in commands.items():
            shutil.rmtree(out, ignore_errors=True)
            log = work / f"cold-cli-{key}.log"
            run = _checked(run_process(args, log), args, log, allowed)
            result.wall.setdefault(key, []).append(run.wall)
            result.max_rss_kib.setdefault(key, []).append(run.max_rss_kib)
    stem = Path(COLD_FILE).stem
    if not all((out / f"{stem}.{fmt}").is_file() for fmt in ("docx", "pdf")):
        raise SystemExit(f"paldocs build wrote no DOCX and PDF to {out}")
    return result


# --- batch -----------------------------------------------------------------------------------------------

def prepare_batch(work: Path, count: int) -> Path:
    """``count`` copies of the Kętrzyn example under different names, ``profiles/`` copied beside them.

    Copies of one real document, so documents/second compares directly with the 1× stage times; the folder
    is given to ``paldocs build`` whole, which skips the profiles (they are not documents)."""
    folder = work / "batch-in"
    shutil.copytree(PROFILES, folder / "profiles")
    text = KETRZYN.read_bytes()
    for number in range(1, count + 1):
        (folder / f"ketrzyn-{number:03d}.yaml").write_bytes(text)
    return folder


def _count_outputs(out: Path) -> int:
    return sum(1 for path in out.iterdir() if path.suffix in (".docx", ".pdf")) if out.is_dir() else 0


def cli_batch(inputs: Path, out: Path, jobs: int, count: int, log: Path) -> ProcessRun:
    """``paldocs build INPUTS --format docx,pdf --out OUT --jobs J``: the whole command, OUT removed first."""
    shutil.rmtree(out, ignore_errors=True)
    args = [*paldocs_command(), "build", str(inputs), "--format", "docx,pdf", "--out", str(out), "--jobs", str(jobs)]
    run = _checked(run_process(args, log, sample_memory=True), args, log)
    if (written := _count_outputs(out)) != 2 * count:
        raise SystemExit(f"{' '.join(args)} wrote {written} files, not {2 * count} (log: {log})")
    return run


def library_batch(inputs: Path, out: Path, jobs: int, count: int, work: Path) -> dict[str, Any]:
    """``paldocs.batch.build_files`` with ``jobs`` in a fresh process (run.py --batch-child): its own timings
    plus the process measured from outside."""
    shutil.rmtree(out, ignore_errors=True)
    result_file = work / f"library-batch-{jobs}.json"
    log = work / f"library-batch-{jobs}.log"
    args = [sys.executable, str(Path(__file__).resolve().parent / "run.py"), "--batch-child", str(inputs),
            "--batch-out", str(out), "--batch-jobs", str(jobs), "--child-out", str(result_file)]
    run = _checked(run_process(args, log, sample_memory=True), args, log)
    if (written := _count_outputs(out)) != 2 * count:
        raise SystemExit(f"build_files with {jobs} jobs wrote {written} files, not {2 * count} (log: {log})")
    inside: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    return {**inside, "process": asdict(run)}


def library_batch_child(inputs: Path, out: Path, jobs: int, result_file: Path) -> None:
    """In a fresh process: ``build_files`` over ``inputs`` with ``jobs``; write when each document finished
    (seconds from the call), the seconds each took inside its worker (``FileOutcome.seconds``) and the wall.

    With jobs=1 build_files builds in this process and has no initializer: WeasyPrint is imported during
    the first document. With jobs≥2 each worker first runs ``warm_worker``; "first document done" then
    includes pool start-up and warm-up."""
    started = time.perf_counter()
    from paldocs.batch import BuildOptions, build_files, expand_inputs

    imported = time.perf_counter()
    sources = expand_inputs([str(inputs)])
    finished: list[float] = []
    call = time.perf_counter()
    outcomes = build_files(sources, BuildOptions(("docx", "pdf"), out), jobs,
                           progress=lambda outcome: finished.append(time.perf_counter() - call))
    wall = time.perf_counter() - call
    failed = [f"{outcome.source}: {outcome.message}" for outcome in outcomes if outcome.status != "ok"]
    if failed:
        raise SystemExit("build_files failed:\n" + "\n".join(failed[:5]))
    result_file.write_text(json.dumps({
        "jobs": jobs,
        "documents": len(outcomes),
        "import_s": imported - started,
        "build_files_s": wall,
        "finished_at_s": finished,
        "document_s": [outcome.seconds for outcome in outcomes],
    }), encoding="utf-8")


def warm_worker(work: Path) -> dict[str, float]:
    """Seconds of the pool initializer in a fresh process (run.py --warm-worker-child), split into importing
    the PDF writer (WeasyPrint, Pango through cffi) and the rest (fonts, print CSS, templates, catalog)."""
    result_file = work / "warm-worker.json"
    log = work / "warm-worker.log"
    args = [sys.executable, str(Path(__file__).resolve().parent / "run.py"), "--warm-worker-child",
            "--child-out", str(result_file)]
    run = _checked(run_process(args, log), args, log)
    measured: dict[str, float] = json.loads(result_file.read_text(encoding="utf-8"))
    return {**measured, "process_wall_s": run.wall, "max_rss_kib": run.max_rss_kib}


def warm_worker_child(result_file: Path) -> None:
    """What a ``--jobs N`` worker does before its first document, timed; the worker is forked from the CLI
    process, which has imported click and paldocs.batch but not WeasyPrint, so each worker imports it."""
    started = time.perf_counter()
    import paldocs.batch

    imported_batch = time.perf_counter()
    import paldocs.writers.pdf  # timed apart: the import is most of the warm-up

    imported_pdf = time.perf_counter()
    paldocs.batch.warm_worker(paldocs.batch.BuildOptions(("docx", "pdf")))
    finished = time.perf_counter()
    result_file.write_text(json.dumps({
        "import_batch_s": imported_batch - started,
        "import_pdf_writer_s": imported_pdf - imported_batch,
        "rest_s": finished - imported_pdf,
        "warm_worker_s": finished - imported_batch,
        "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }), encoding="utf-8")


# --- the control: what two cores give right now ------------------------------------------------------------

def calibrate_spin(target_s: float = 1.0) -> int:
    """Loop count that takes about ``target_s`` in one fresh process on this machine."""
    n = 2_000_000
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", SPIN.format(n=n)], check=True)
    elapsed = max(time.perf_counter() - started - 0.02, 0.01)  # less the interpreter start
    return max(n, int(n * target_s / elapsed))


def parallel_capacity(n: int) -> float:
    """Two CPU-bound processes one after the other ÷ the same two side by side: 2.0 on two free cores, less
    when other work holds a core or the two vCPUs share a physical one. The best --jobs 2 could reach now."""
    args = [sys.executable, "-c", SPIN.format(n=n)]
    started = time.perf_counter()
    for _ in range(2):
        subprocess.run(args, check=True)
    sequential = time.perf_counter() - started
    started = time.perf_counter()
    processes = [subprocess.Popen(args) for _ in range(2)]
    for process in processes:
        if process.wait() != 0:
            raise SystemExit("the parallel-capacity probe failed")
    side_by_side = time.perf_counter() - started
    return sequential / side_by_side
