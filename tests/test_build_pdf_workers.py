"""How many processes lay out one PDF: the policy (paldocs.pdf_workers) and its routes through the library, the
batch and ``paldocs build --pdf-workers``.

Contract under test:
- the policy table: an explicit number wins (1 = serial, even in a batch) except in a daemonic process (a
  Dask worker), which may not start processes and is serial; automatic is serial for a batch
  (``batch_jobs`` > 1 or an executor), inside a multiprocessing worker or a threaded process, on one core,
  and for a document whose planned pieces save too little; otherwise min(cores, 4, pieces); a number below 1
  is refused; the cores are the process's affinity;
- ``paldocs.render``/``build`` and ``paldocs build`` send a PDF to the parallel writer exactly when the
  chosen number is > 1 and no source files are embedded (PDF/A-3b stays serial and still embeds them);
  ``build_bytes`` stays serial; a batch on several processes or an executor passes each document serial
  unless a number was given; on a Dask cluster a number given builds (serially) instead of failing;
- the parallel build's PDF has the serial build's pages and page texts (footer numbers included), for an
  example with several annexes and, slow, for a long programme whose chapters open new pages;
- ``--pdf-workers`` / ``PALDOCS_PDF_WORKERS``: bad values exit 2 with a Polish message and no traceback;
  ``--jobs 2 --pdf-workers 2`` builds.
"""

from __future__ import annotations

import io
import multiprocessing
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import pypdf
import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

import paldocs
import paldocs.api
import paldocs.pdf_workers as policy
import paldocs.writers.pdf_parallel as pdf_parallel
from paldocs import document as ir
from paldocs.batch import BuildOptions, BuildRequest, build_bytes, build_files
from paldocs.cli import main
from paldocs.errors import PaldocsError

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import scaled_program  # noqa: E402

EXAMPLES = REPO / "resolutions" / "examples"
SEVERAL_ANNEXES = EXAMPLES / "sadowne-2014-XXXV-225-2014.yaml"  # a resolution and three annexes
TWO_ANNEXES = EXAMPLES / "cewice-2003-X-73-03.yaml"


# --- the policy ----------------------------------------------------------------------------------------


def synthetic(*parts: tuple[str, list[int]]) -> ir.Document:
    """Parts of the given kinds, each of chapters of the given text lengths separated by page breaks."""
    built = []
    for kind, chapters in parts:
        blocks: list[ir.Block] = []
        for length in chapters:
            if blocks:
                blocks.append(ir.PageBreak())
            blocks.append(ir.Paragraph([ir.Text("x" * length)]))
        built.append(ir.Part(kind=kind, blocks=blocks, page_numbers=kind == "annex"))  # type: ignore[arg-type]
    return ir.Document(meta=ir.Meta(title="Dokument próbny"), parts=built)


SHORT = synthetic(("resolution", [1_000]), ("annex", [4_000, 4_000]))
LONG = synthetic(("resolution", [800]), ("annex", [20_000] * 6))
UNCUTTABLE = synthetic(("annex", [200_000]))
LOPSIDED = synthetic(("resolution", [70_000]), ("annex", [3_000]))


@pytest.fixture
def alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process as the command line runs: no other threads, not a pool's worker."""
    monkeypatch.setattr(policy, "shares_the_machine", lambda: False)


@pytest.mark.parametrize(("document", "requested", "batch_jobs", "cores", "expected"), [
    pytest.param(LONG, 1, 1, 2, 1, id="explicit 1 is serial, even for a long document"),
    pytest.param(SHORT, 3, 1, 2, 3, id="explicit number wins for a short document"),
    pytest.param(LONG, 2, 4, 2, 2, id="explicit number wins in a batch"),
    pytest.param(LONG, 6, 1, 1, 6, id="explicit number wins on one core"),
    pytest.param(LONG, None, 1, 2, 2, id="automatic: long document, two cores"),
    pytest.param(LONG, None, 1, 3, 3, id="automatic: three cores, three pieces"),
    pytest.param(LONG, None, 1, 16, 4, id="automatic: at most four processes"),
    pytest.param(LONG, None, 2, 2, 1, id="automatic: serial when a batch runs two files at once"),
    pytest.param(LONG, None, None, 2, 1, id="automatic: serial on an executor"),
    pytest.param(LONG, None, 1, 1, 1, id="automatic: serial on one core"),
    pytest.param(SHORT, None, 1, 2, 1, id="automatic: serial for a short document"),
    pytest.param(UNCUTTABLE, None, 1, 2, 1, id="automatic: serial where nothing can be cut"),
    pytest.param(LOPSIDED, None, 1, 2, 1, id="automatic: serial when the pieces save too little"),
])
def test_policy(alone: None, document: ir.Document, requested: int | None, batch_jobs: int | None, cores: int,
                expected: int) -> None:
    assert policy.choose_pdf_workers(document, requested, batch_jobs=batch_jobs, cores=cores) == expected


def test_automatic_is_serial_when_the_machine_is_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(policy, "shares_the_machine", lambda: True)
    assert policy.choose_pdf_workers(LONG, None, cores=8) == 1
    assert policy.choose_pdf_workers(LONG, 2, cores=8) == 2


@pytest.mark.parametrize("requested", [0, -1, -8])
def test_a_number_below_one_is_refused(requested: int) -> None:
    with pytest.raises(PaldocsError, match="co najmniej 1"):
        policy.choose_pdf_workers(LONG, requested)


@pytest.mark.parametrize(("requested", "batch_jobs", "expected"), [
    (None, 1, None), (None, 2, 1), (None, 8, 1), (None, None, 1), (3, 1, 3), (3, 8, 3), (3, None, 3), (1, 1, 1),
])
def test_per_document(requested: int | None, batch_jobs: int | None, expected: int | None) -> None:
    assert policy.per_document(requested, batch_jobs) == expected


@pytest.mark.parametrize(("lengths", "worth"), [
    ([], False),
    ([100_000], False),  # one piece saves nothing
    ([10_000, 10_000], False),
    ([13_100, 13_100], False),  # saves 13 100 − 3 000 − 262 = 9 838: under the margin
    ([13_300, 13_300], True),  # saves 13 300 − 3 000 − 266 = 10 034
    ([60_000, 60_000], True),
    ([100_000, 5_000], False),  # the long piece sets the time: almost nothing saved
    ([30_000, 30_000, 30_000], True),
])
def test_worth_cutting(lengths: list[int], worth: bool) -> None:
    assert policy.worth_cutting(lengths) is worth


@pytest.mark.parametrize(("cpu_count", "affinity", "expected"), [
    (8, {0}, 1),  # pinned to one core (taskset, a container's cpuset)
    (8, {0, 1, 2}, 3),
    (2, {0, 1}, 2),
    (4, None, 4),  # a platform without affinity
    (None, None, 1),  # the count unknown
])
def test_available_cores(monkeypatch: pytest.MonkeyPatch, cpu_count: int | None, affinity: set[int] | None,
                         expected: int) -> None:
    monkeypatch.delattr(policy.os, "process_cpu_count", raising=False)
    monkeypatch.setattr(policy.os, "cpu_count", lambda: cpu_count)
    if affinity is None:
        monkeypatch.delattr(policy.os, "sched_getaffinity", raising=False)
    else:
        monkeypatch.setattr(policy.os, "sched_getaffinity", lambda pid: affinity, raising=False)
    assert policy.available_cores() == expected


@pytest.mark.parametrize("pieces", [1, 2, 3, 4])
def test_no_document_under_the_minimum_is_worth_cutting(pieces: int) -> None:
    # the shortcut that spares a short document the parallel writer's imports decides as the full test would
    below = policy.MIN_TOTAL_CHARS - 1
    assert not policy.worth_cutting([below // pieces] * pieces)
    assert policy.worth_cutting([policy.MIN_TOTAL_CHARS // 4 + 1] * 4)


def test_a_short_document_does_not_load_the_parallel_writer() -> None:
    # Every PDF build asks the policy: for a short document it imports nothing (no pypdf, no joiner).
    code = ("import sys; import paldocs.pdf_workers as p; from paldocs import document as ir; "
            "doc = ir.Document(meta=ir.Meta(title='t'), parts=[ir.Part(kind='annex', blocks=["
            "ir.Paragraph([ir.Text('x' * 8000)]), ir.PageBreak(), ir.Paragraph([ir.Text('x' * 8000)])])]); "
            "before = set(sys.modules); assert p.choose_pdf_workers(doc, None, cores=4) == 1; "
            "print(sorted(set(sys.modules) - before))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert result.stdout.strip() == "[]"


def test_text_length_counts_the_text() -> None:
    assert policy.text_length(SHORT) == 9_000


def _report_shares(connection: Any) -> None:
    connection.send(policy.shares_the_machine())
    connection.close()


def test_a_multiprocessing_worker_shares_the_machine() -> None:
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    parent_end, child_end = context.Pipe()
    process = context.Process(target=_report_shares, args=(child_end,))
    process.start()
    assert parent_end.recv() is True
    process.join(timeout=30)


def _report_choice(requested: int, connection: Any) -> None:
    connection.send(policy.choose_pdf_workers(LONG, requested, cores=2))
    connection.close()


@pytest.mark.parametrize(("daemon", "expected"), [(True, 1), (False, 2)])
def test_a_daemonic_process_is_serial_even_when_asked(daemon: bool, expected: int) -> None:
    # A daemonic process (a Dask worker by default) may not start processes: asking for two must not fail.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    parent_end, child_end = context.Pipe()
    process = context.Process(target=_report_choice, args=(2, child_end), daemon=daemon)
    process.start()
    assert parent_end.recv() == expected
    process.join(timeout=30)


def test_another_thread_means_the_machine_is_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multiprocessing, "parent_process", lambda: None)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert policy.shares_the_machine() is False
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert policy.shares_the_machine() is True


# --- the routes ------------------------------------------------------------------------------------------


@pytest.fixture
def parallel_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker counts the parallel writer was called with (it still runs)."""
    calls: list[int] = []
    original = pdf_parallel.render_pdf_parallel

    def spy(document: ir.Document, workers: int, *, variant: str | None = None) -> bytes:
        calls.append(workers)
        return original(document, workers, variant=variant)

    monkeypatch.setattr(pdf_parallel, "render_pdf_parallel", spy)
    return calls


@pytest.fixture
def automatic_cuts(monkeypatch: pytest.MonkeyPatch, alone: None) -> None:
    """Automatic as on a free 2-core machine, for any document (so that a short example takes the route)."""
    monkeypatch.setattr(policy, "available_cores", lambda: 2)
    monkeypatch.setattr(policy, "worth_cutting", lambda lengths: True)
    monkeypatch.setattr(policy, "MIN_TOTAL_CHARS", 0)


@pytest.fixture
def parallel_stub(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker counts the parallel writer was called with; it renders nothing (returns STUB)."""
    calls: list[int] = []

    def stub(document: ir.Document, workers: int, *, variant: str | None = None) -> bytes:
        calls.append(workers)
        return STUB

    monkeypatch.setattr(pdf_parallel, "render_pdf_parallel", stub)
    return calls


STUB = b"%PDF-1.7 (parallel)"
SERIAL = b"%PDF-1.7 (serial)"


@pytest.fixture
def serial_stub(monkeypatch: pytest.MonkeyPatch) -> None:
    """The serial writer renders nothing (returns SERIAL)."""
    import paldocs.writers.pdf

    monkeypatch.setattr(paldocs.writers.pdf, "to_pdf", lambda document, **options: SERIAL)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def several_annexes() -> ir.Document:
    return paldocs.to_document(SEVERAL_ANNEXES)[0]


def test_render_routes_by_the_chosen_number(parallel_stub: list[int], serial_stub: None,
                                            several_annexes: ir.Document) -> None:
    assert paldocs.render(several_annexes, "pdf", pdf_workers=2) == STUB and parallel_stub == [2]
    assert paldocs.render(several_annexes, "pdf", pdf_workers=3, pdf_variant="pdf/ua-1") == STUB
    assert parallel_stub == [2, 3]
    assert paldocs.render(several_annexes, "pdf", pdf_workers=1) == SERIAL and parallel_stub == [2, 3]


def test_render_automatic_takes_the_parallel_route_when_chosen(parallel_stub: list[int], automatic_cuts: None,
                                                               several_annexes: ir.Document) -> None:
    assert paldocs.render(several_annexes, "pdf") == STUB and parallel_stub == [2]
    assert paldocs.api.render_all(several_annexes, ["pdf"])["pdf"] == STUB and parallel_stub == [2, 2]


def test_embedded_sources_stay_serial(parallel_calls: list[int], tmp_path: Path) -> None:
    result = paldocs.build(SEVERAL_ANNEXES, ["pdf"], tmp_path, pdf_variant="pdf/a-3b", pdf_workers=2)
    assert parallel_calls == []
    reader = pypdf.PdfReader(result.outputs[0])
    assert SEVERAL_ANNEXES.name in reader.attachments  # the data file is embedded, as without --pdf-workers


def test_build_bytes_stays_serial(parallel_calls: list[int], automatic_cuts: None) -> None:
    request = BuildRequest(data=TWO_ANNEXES.read_text(encoding="utf-8"), name="cewice.yaml", formats=("pdf",))
    built = build_bytes(request)
    assert parallel_calls == [] and built.outputs["pdf"].startswith(b"%PDF")


class RecordingExecutor(Executor):
    """Runs each task at once in this process and keeps the options it was given."""

    def __init__(self) -> None:
        self.options: list[BuildOptions] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.options.append(args[1])
        future: Future[Any] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


@pytest.mark.parametrize(("given", "sent"), [(None, 1), (3, 3)])
def test_an_executor_gets_serial_pdfs_unless_a_number_is_given(tmp_path: Path, given: int | None,
                                                               sent: int) -> None:
    executor = RecordingExecutor()
    outcomes = build_files([TWO_ANNEXES], BuildOptions(("txt",), tmp_path, pdf_workers=given), executor=executor)
    assert [outcome.status for outcome in outcomes] == ["ok"]
    assert [options.pdf_workers for options in executor.options] == [sent]


def test_a_one_at_a_time_batch_keeps_automatic(parallel_calls: list[int], automatic_cuts: None,
                                               tmp_path: Path) -> None:
    outcomes = build_files([TWO_ANNEXES], BuildOptions(("pdf",), tmp_path), jobs=1)
    assert [outcome.status for outcome in outcomes] == ["ok"] and parallel_calls == [2]


@pytest.mark.slow  # a Dask cluster of one worker process
def test_pdf_workers_on_a_dask_cluster_build_serially(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as cluster, distributed.Client(cluster) as client:
        outcomes = build_files([SEVERAL_ANNEXES], BuildOptions(("pdf",), tmp_path, pdf_workers=2),
                               executor=client.get_executor())
    assert [(outcome.status, outcome.message) for outcome in outcomes] == [("ok", "")]
    expected = page_texts(paldocs.render(paldocs.to_document(SEVERAL_ANNEXES)[0], "pdf", pdf_workers=1))
    assert page_texts((tmp_path / f"{SEVERAL_ANNEXES.stem}.pdf").read_bytes()) == expected


# --- the command line ------------------------------------------------------------------------------------


def build(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(main, ["build", *args], env=env)


def test_cli_parallel_pdf_has_the_serial_pages(parallel_calls: list[int], tmp_path: Path) -> None:
    texts = {}
    for workers in ("1", "2"):
        result = build(str(SEVERAL_ANNEXES), "-f", "pdf", "-o", str(tmp_path / workers), "--pdf-workers", workers)
        assert result.exit_code == 0, result.stderr
        texts[workers] = page_texts((tmp_path / workers / f"{SEVERAL_ANNEXES.stem}.pdf").read_bytes())
    assert parallel_calls == [2]
    assert texts["2"] == texts["1"] and len(texts["1"]) >= 2


def test_cli_takes_the_number_from_the_environment(parallel_calls: list[int], tmp_path: Path) -> None:
    result = build(str(TWO_ANNEXES), "-f", "pdf", "-o", str(tmp_path), env={"PALDOCS_PDF_WORKERS": "2"})
    assert result.exit_code == 0, result.stderr
    assert parallel_calls == [2]


def test_cli_embedded_sources_with_workers_still_build(parallel_calls: list[int], tmp_path: Path) -> None:
    result = build(str(TWO_ANNEXES), "-f", "pdf", "--pdf-variant", "pdf/a-3b", "--pdf-workers", "2",
                   "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert parallel_calls == []
    assert TWO_ANNEXES.name in pypdf.PdfReader(tmp_path / f"{TWO_ANNEXES.stem}.pdf").attachments


@pytest.mark.slow
def test_cli_jobs_and_pdf_workers_together(tmp_path: Path) -> None:
    result = build(str(SEVERAL_ANNEXES), str(TWO_ANNEXES), "-f", "pdf", "--jobs", "2", "--pdf-workers", "2",
                   "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    for source in (SEVERAL_ANNEXES, TWO_ANNEXES):
        expected = page_texts(paldocs.render(paldocs.to_document(source)[0], "pdf", pdf_workers=1))
        assert page_texts((tmp_path / f"{source.stem}.pdf").read_bytes()) == expected


@pytest.mark.parametrize(("args", "env"), [
    (["--pdf-workers", "0"], None),
    (["--pdf-workers", "-2"], None),
    (["--pdf-workers", "dwa"], None),
    (["--pdf-workers", "1.5"], None),
    ([], {"PALDOCS_PDF_WORKERS": "0"}),
    ([], {"PALDOCS_PDF_WORKERS": "wszystkie"}),
])
def test_cli_bad_numbers_are_refused_in_polish(tmp_path: Path, args: list[str], env: dict[str, str] | None) -> None:
    result = build(str(TWO_ANNEXES), "-f", "txt", "-o", str(tmp_path), *args, env=env)
    assert result.exit_code == 2
    assert "liczba procesów składu PDF musi być liczbą całkowitą nie mniejszą niż 1" in result.stderr
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert not list(tmp_path.iterdir())


def test_cli_help_names_the_option() -> None:
    result = CliRunner().invoke(main, ["build", "--help"])
    assert "--pdf-workers" in result.stdout and "PALDOCS_PDF_WORKERS" in result.stdout


# --- a long programme ------------------------------------------------------------------------------------


def long_programme(factor: int, folder: Path) -> Path:
    """A programme ``factor`` times the Kętrzyn example whose every copy opens a new page (a section holding
    only a page break before each copy): the places the parallel writer may cut the long annex."""
    data = yaml.safe_load(scaled_program(factor))
    sections = []
    for section in data["program"]["sections"]:
        if section["id"].startswith("wstep-") and section["id"] != "wstep-1":
            sections.append({"id": f"nowa-strona-{section['id']}", "content": "::: page-break\n:::"})
        sections.append(section)
    data["program"]["sections"] = sections
    path = folder / f"program-{factor}x.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.slow
def test_cli_long_programme_parallel_equals_serial(parallel_calls: list[int], tmp_path: Path) -> None:
    source = long_programme(4, tmp_path)
    pdfs = {}
    for workers in ("1", "2"):
        result = build(str(source), "-f", "pdf", "-o", str(tmp_path / workers), "--pdf-workers", workers)
        assert result.exit_code == 0, result.stderr
        pdfs[workers] = (tmp_path / workers / f"{source.stem}.pdf").read_bytes()
    assert parallel_calls == [2]
    serial, parallel = page_texts(pdfs["1"]), page_texts(pdfs["2"])
    assert len(serial) > 10 and parallel == serial
    assert len(pdf_parallel.plan_pieces(paldocs.to_document(source)[0], 2)) == 2  # it was really cut


@pytest.mark.slow
def test_automatic_cuts_a_long_programme_not_the_example(alone: None, monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.setattr(policy, "available_cores", lambda: 2)
    document = paldocs.to_document(long_programme(16, tmp_path))[0]  # ~117 000 characters, ~70 pages
    assert policy.choose_pdf_workers(document, None) == 2
    assert policy.choose_pdf_workers(paldocs.to_document(long_programme(4, tmp_path))[0], None) == 2
    assert policy.choose_pdf_workers(paldocs.to_document(long_programme(2, tmp_path))[0], None) == 1
    assert policy.choose_pdf_workers(paldocs.to_document(long_programme(1, tmp_path))[0], None) == 1
