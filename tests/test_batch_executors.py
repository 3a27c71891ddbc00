"""Batches on any concurrent.futures executor: a process pool, a Dask cluster on this machine, a lost task.

- ``build_files(..., executor=…)`` gives the same outcomes as the serial batch: statuses, output paths as
  given (relative ones too), notes, the bad file's message, and the same output bytes.
- A task the executor loses becomes that file's ``internal`` outcome; the other files are built.
- ``paldocs build --scheduler tcp://127.0.0.1:PORT`` builds on a running Dask scheduler (a LocalCluster
  listening on localhost only: no network beyond this machine); a scheduler that does not answer, Dask not
  installed and ``--jobs`` with ``--scheduler`` are clear errors with exit code 2 and no traceback.
- benchmarks/cluster.py runs its four ways end to end (no timing is asserted).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import REPO

import paldocs.cluster
from paldocs.batch import BuildOptions, FileOutcome, build_files
from paldocs.cli import main

RESOLUTIONS = REPO / "resolutions"
KETRZYN = RESOLUTIONS / "ketrzyn-2014-pal.yaml"


def copy_examples(folder: Path) -> list[Path]:
    """Two good resolutions and a broken copy (a wrong Roman numeral in its number), profiles beside them."""
    shutil.copytree(RESOLUTIONS / "profiles", folder / "profiles")
    good = [Path(shutil.copy(RESOLUTIONS / name, folder / name))
            for name in ("inowroclaw-2009-pal.yaml", "ketrzyn-2014-pal.yaml")]
    broken = folder / "zepsuty.yaml"
    broken.write_text(KETRZYN.read_text(encoding="utf-8").replace("LXIV/400/14", "LXIIII/400/14"), encoding="utf-8")
    return [good[0], broken, good[1]]


def comparable(outcomes: list[FileOutcome], out: Path) -> list[tuple[Any, ...]]:
    """An outcome without its timing, outputs named relative to their folder."""
    return [(o.source, o.status, tuple(path.relative_to(out) for path in o.outputs), o.notes, o.message)
            for o in outcomes]


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path, list[FileOutcome]]:
    """The reference: the three files built in this process, one after another."""
    folder = tmp_path_factory.mktemp("serial")
    sources = copy_examples(folder / "dane")
    out = folder / "wynik"
    return sources, out, build_files(sources, BuildOptions(("docx", "txt"), out), jobs=1)


def assert_same_batch(serial: tuple[list[Path], Path, list[FileOutcome]], outcomes: list[FileOutcome],
                      out: Path) -> None:
    sources, serial_out, expected = serial
    assert [o.status for o in expected] == ["ok", "error", "ok"]  # the reference itself is what we think
    assert "„LXIIII” nie jest poprawną liczbą rzymską" in expected[1].message
    assert comparable(outcomes, out) == comparable(expected, serial_out)
    for path in serial_out.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_thread_pool_is_an_executor_too(serial: tuple[list[Path], Path, list[FileOutcome]],
                                          tmp_path: Path) -> None:
    sources = serial[0]
    out = tmp_path / "wynik"
    seen: list[Path] = []
    with ThreadPoolExecutor(max_workers=1) as pool:
        outcomes = build_files(sources, BuildOptions(("docx", "txt"), out), jobs=7, executor=pool,
                               progress=lambda outcome: seen.append(outcome.source))
    assert_same_batch(serial, outcomes, out)
    assert sorted(seen) == sorted(sources)  # progress once per file, with the path as given


class LosingExecutor(Executor):
    """Runs tasks in this thread, except that the task of ``lost`` never comes back (a killed worker)."""

    def __init__(self, lost: str) -> None:
        self.lost = lost

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        if Path(args[0]).name == self.lost:
            future.set_exception(RuntimeError("worker killed"))
        else:
            future.set_result(fn(*args, **kwargs))
        return future


def test_a_task_the_executor_loses_is_that_files_internal_outcome(tmp_path: Path) -> None:
    sources = copy_examples(tmp_path / "dane")
    outcomes = build_files(sources, BuildOptions(("txt",), tmp_path / "wynik"),
                           executor=LosingExecutor("ketrzyn-2014-pal.yaml"))
    assert [o.status for o in outcomes] == ["ok", "error", "internal"]
    assert outcomes[2].source == sources[2] and "worker killed" in outcomes[2].message
    assert sorted(path.name for path in (tmp_path / "wynik").iterdir()) == ["inowroclaw-2009-pal.txt"]


def test_a_shut_down_executor_fails_each_file_not_the_call(tmp_path: Path) -> None:
    pool = ThreadPoolExecutor(max_workers=1)
    pool.shutdown()
    sources = copy_examples(tmp_path / "dane")
    outcomes = build_files(sources, BuildOptions(("txt",), tmp_path / "wynik"), executor=pool)
    assert [o.status for o in outcomes] == ["internal"] * 3
    assert all("RuntimeError" in o.message for o in outcomes)


def test_relative_paths_come_back_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The executor's workers get absolute paths; the outcomes read as the serial batch's on relative ones."""
    copy_examples(tmp_path / "dane")
    monkeypatch.chdir(tmp_path)
    sources = [Path("dane/ketrzyn-2014-pal.yaml"), Path("dane/zepsuty.yaml")]
    expected = build_files(sources, BuildOptions(("txt",), Path("serial")), jobs=1)
    with ThreadPoolExecutor(max_workers=1) as pool:
        outcomes = build_files(sources, BuildOptions(("txt",), Path("wynik")), executor=pool)
    assert outcomes[0].outputs == (Path("wynik/ketrzyn-2014-pal.txt"),)
    assert (tmp_path / "wynik" / "ketrzyn-2014-pal.txt").is_file()
    assert expected[0].notes and outcomes[1].message.startswith("dane/zepsuty.yaml:11:")
    assert comparable(outcomes, Path("wynik")) == comparable(expected, Path("serial"))

    monkeypatch.chdir(tmp_path / "dane")  # files in the working folder itself: names without a folder
    with ThreadPoolExecutor(max_workers=1) as pool:
        here = build_files([Path("zepsuty.yaml")], BuildOptions(("txt",)), executor=pool)
    assert here[0].message.startswith("zepsuty.yaml:11:") and str(tmp_path) not in here[0].message


@pytest.mark.slow  # two worker processes importing paldocs
def test_a_process_pool_executor(serial: tuple[list[Path], Path, list[FileOutcome]], tmp_path: Path) -> None:
    out = tmp_path / "wynik"
    with ProcessPoolExecutor(max_workers=2) as pool:
        outcomes = build_files(serial[0], BuildOptions(("docx", "txt"), out), executor=pool)
    assert_same_batch(serial, outcomes, out)


# --- Dask: a LocalCluster on localhost ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def dask_scheduler() -> Iterator[str]:
    """A scheduler and two single-threaded worker processes every port (the HTTP status page too) a free one on 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow  # a Dask cluster of two processes
def test_a_dask_cluster_gives_the_serial_outcomes(dask_scheduler: str,
                                                  serial: tuple[list[Path], Path, list[FileOutcome]],
                                                  tmp_path: Path) -> None:
    assert dask_scheduler.startswith("tcp://127.0.0.1:")
    out = tmp_path / "wynik"
    with paldocs.cluster.connected(dask_scheduler) as executor:
        outcomes = build_files(serial[0], BuildOptions(("docx", "txt"), out), executor=executor)
    assert_same_batch(serial, outcomes, out)


@pytest.mark.slow  # a Dask cluster of two processes
def test_paldocs_build_on_a_dask_scheduler(dask_scheduler: str, tmp_path: Path) -> None:
    files = copy_examples(tmp_path / "dane")
    out = tmp_path / "wynik"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "dane"), "-f", "txt", "-o", str(out),
                                       "--scheduler", dask_scheduler])
    assert result.exit_code == 2, result.output  # the broken file
    assert result.stdout.splitlines() == [str(out / "inowroclaw-2009-pal.txt"), str(out / "ketrzyn-2014-pal.txt")]
    assert f"błąd: {files[1]}:11:" in result.stderr and "Traceback" not in result.stderr
    assert "Zbudowano 2 z 3 plików (1 format każdy), 1 z błędem" in result.stderr
    assert f"klaster Dask {dask_scheduler}." in result.stderr


# --- errors an operator meets ------------------------------------------------------------------------------

def unused_local_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_scheduler_that_does_not_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paldocs.cluster, "CONNECT_SECONDS", 0.5)
    address = f"tcp://127.0.0.1:{unused_local_port()}"
    result = CliRunner().invoke(main, ["build", str(KETRZYN), "-f", "txt", "-o", str(tmp_path),
                                       "--scheduler", address])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"błąd: {address}: nie można połączyć się z harmonogramem Dask")
    assert "dask scheduler" in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


def test_without_dask_the_message_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    result = CliRunner().invoke(main, ["build", str(KETRZYN), "-f", "txt", "-o", str(tmp_path),
                                       "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "dask[distributed]" in result.stderr and "pip install 'paldocs[cluster]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_jobs_and_scheduler_exclude_each_other(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(KETRZYN), "-f", "txt", "-o", str(tmp_path), "--jobs", "2",
                                       "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--jobs i --scheduler wykluczają się" in result.stderr


# --- the benchmark ---------------------------------------------------------------------------------------

@pytest.mark.slow  # two batches on local processes and two on a Dask cluster
def test_the_cluster_benchmark_measures_every_way() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("cluster_benchmark", REPO / "benchmarks" / "cluster.py")
    assert spec and spec.loader
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    result = benchmark.measure(documents=2, workers=1)  # it raises when a document was not built
    ways = ["local_cold", "local_warm", "dask_cold", "dask_warm"]
    assert sorted(result["documents_per_second"]) == sorted(ways)
    assert sorted(result["seconds"]) == sorted([*ways, "dask_cluster_start"])
    assert all(value > 0 for value in result["seconds"].values())
    assert set(result["load_average"]) == {"start", "end"}
    assert "dask_warm" in benchmark.table(result)
