"""Batch building (many documents at once): the pure bytes API, many files on the command line, parallel workers.

- :func:`paldocs.build_bytes` gives exactly the bytes ``paldocs build`` writes, reads no file of the machine
  (a name not handed over does not exist, even /etc/passwd), and its request and result survive pickling —
  the README's concurrent.futures example runs as printed.
- ``paldocs build`` takes files, folders and glob patterns; with ``--jobs 2`` it builds in worker processes;
  a bad file does not stop the others, its error is printed, the summary names it and the exit code is 2;
  outside a terminal there is no progress bar.
"""

from __future__ import annotations

import pickle
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, TESTS

import paldocs
from paldocs.batch import BuildOptions, build_files, expand_inputs, is_document_file
from paldocs.cli import main
from paldocs.errors import DataError

RESOLUTIONS = REPO / "resolutions"
KETRZYN = RESOLUTIONS / "ketrzyn-2014-pal.yaml"
PROFILE = RESOLUTIONS / "profiles" / "ketrzyn.yaml"


def ketrzyn_request(**changes: object) -> paldocs.BuildRequest:
    fields: dict[str, object] = {"data": KETRZYN.read_text(encoding="utf-8"), "name": "ketrzyn-2014-pal.yaml",
                                 "files": {"profiles/ketrzyn.yaml": PROFILE.read_text(encoding="utf-8")}}
    return paldocs.BuildRequest(**{**fields, **changes})  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def on_disk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("disk")
    result = CliRunner().invoke(main, ["build", str(KETRZYN), "-f", "docx,pdf,html,txt", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


def test_build_bytes_gives_the_bytes_paldocs_build_writes(on_disk: Path) -> None:
    built = paldocs.build_bytes(ketrzyn_request(formats=("docx", "pdf", "html", "txt")))
    assert list(built.outputs) == ["docx", "pdf", "html", "txt"]
    for fmt, content in built.outputs.items():
        assert content == (on_disk / f"ketrzyn-2014-pal.{fmt}").read_bytes(), fmt
    assert any("z praktyki" in note for note in built.notes)


def test_request_and_result_survive_pickling() -> None:
    request = ketrzyn_request(formats=("txt",))
    built = paldocs.build_bytes(pickle.loads(pickle.dumps(request)))
    assert pickle.loads(pickle.dumps(built)) == built


def test_a_report_with_its_program_in_memory() -> None:
    report = RESOLUTIONS / "ketrzyn-2014-pal" / "sprawozdanie-2015.yaml"
    request = paldocs.BuildRequest(
        data=report.read_text(encoding="utf-8"), name="ketrzyn-2014-pal/sprawozdanie-2015.yaml",
        files={"../ketrzyn-2014-pal.yaml": KETRZYN.read_text(encoding="utf-8"),
               "../profiles/ketrzyn.yaml": PROFILE.read_text(encoding="utf-8")},
        formats=("txt",))
    text = paldocs.build_bytes(request).outputs["txt"].decode("utf-8")
    assert text.startswith("SPRAWOZDANIE\n") and "LXIV/400/14" in text


@pytest.mark.parametrize("profile", ["/etc/passwd.yaml", "../../etc/hosts.yaml", "profiles/ketrzyn.yaml"])
def test_build_bytes_reads_no_file_it_was_not_given(profile: str) -> None:
    request = paldocs.BuildRequest(data=f"municipality: {profile}\n", formats=("txt",))
    with pytest.raises(DataError, match="nie ma takiego pliku"):
        paldocs.build_bytes(request)  # profiles/ketrzyn.yaml exists on disk, but was not handed over


def test_bad_data_in_memory_names_the_request_file() -> None:
    request = ketrzyn_request(data=KETRZYN.read_text(encoding="utf-8").replace("LXIV/400/14", "LXIIII/400/14"),
                              formats=("txt",))
    with pytest.raises(DataError) as caught:
        paldocs.build_bytes(request)
    assert str(caught.value).startswith("ketrzyn-2014-pal.yaml:11:")


@pytest.mark.slow  # a process pool
def test_the_readme_concurrent_futures_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the example's paths are relative to the repository, as in the README
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(# Many documents at once.*?)```", readme, re.S)
    assert example, "README lost its concurrent.futures example"
    namespace: dict[str, object] = {"__name__": "readme_example"}
    exec(compile(example.group(1), "README.md", "exec"), namespace)  # noqa: S102 — our own README
    results = namespace["results"]
    assert isinstance(results, list) and len(results) == 2
    assert all(result.outputs["pdf"].startswith(b"%PDF") for result in results)


def test_a_process_pool_gives_the_same_bytes() -> None:
    requests = [ketrzyn_request(formats=("docx",)), ketrzyn_request(formats=("docx",))]
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(paldocs.build_bytes, requests))
    assert results[0] == results[1] == paldocs.build_bytes(requests[0])


# --- the command line --------------------------------------------------------------------------------------

def test_folders_and_globs_expand_to_document_files_only() -> None:
    found = expand_inputs([str(RESOLUTIONS)])
    names = [path.name for path in found]
    assert "ketrzyn-2014-pal.yaml" in names and "sprawozdanie-2015.yaml" in names
    assert not any(path.parent.name == "profiles" for path in found)  # municipality profiles are not documents
    assert all(is_document_file(path) for path in found)
    globbed = expand_inputs([str(RESOLUTIONS / "*.yaml"), str(KETRZYN)])
    assert globbed == sorted(RESOLUTIONS.glob("*.yaml"))  # each file once, in order
    assert expand_inputs(["brak-*.yaml"]) == [Path("brak-*.yaml")]  # kept: building it says "nie ma takiego pliku"


def copy_examples(folder: Path) -> list[Path]:
    """The two resolutions and a broken copy, with their profiles, in ``folder``."""
    shutil.copytree(RESOLUTIONS / "profiles", folder / "profiles")
    good = [shutil.copy(RESOLUTIONS / name, folder / name) for name in ("inowroclaw-2009-pal.yaml", "ketrzyn-2014-pal.yaml")]
    broken = folder / "zepsuty.yaml"
    broken.write_text(KETRZYN.read_text(encoding="utf-8").replace("LXIV/400/14", "LXIIII/400/14"), encoding="utf-8")
    return [Path(good[0]), broken, Path(good[1])]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path, jobs: str) -> None:
    files = copy_examples(tmp_path / "dane")
    out = tmp_path / "wynik"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "dane"), "-f", "txt", "-o", str(out), "--jobs", jobs])
    assert result.exit_code == 2
    assert sorted(path.name for path in out.iterdir()) == ["inowroclaw-2009-pal.txt", "ketrzyn-2014-pal.txt"]
    assert result.stdout.splitlines() == [str(out / "inowroclaw-2009-pal.txt"), str(out / "ketrzyn-2014-pal.txt")]
    assert f"błąd: {files[1]}:11:" in result.stderr and "Traceback" not in result.stderr
    summary = result.stderr[result.stderr.index("plik "):]
    assert re.search(rf"{re.escape(str(files[1]))}\s+BŁĄD", summary)
    assert "Zbudowano 2 z 3 plików (1 format każdy), 1 z błędem" in summary
    assert "Budowanie" not in result.stderr  # no progress bar outside a terminal


def test_parallel_and_serial_batches_write_the_same_bytes(tmp_path: Path) -> None:
    outcomes = {}
    for jobs in (1, 2):
        out = tmp_path / f"wynik-{jobs}"
        results = build_files([KETRZYN, RESOLUTIONS / "inowroclaw-2009-pal.yaml"], BuildOptions(("docx", "txt"), out),
                              jobs=jobs)
        assert [outcome.status for outcome in results] == ["ok", "ok"]
        outcomes[jobs] = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    assert outcomes[1] == outcomes[2] and len(outcomes[1]) == 4


def test_nothing_to_build_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "profil.yaml").write_text("name: Ostróda\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path)])
    assert result.exit_code == 2 and "nie znaleziono żadnych plików danych" in result.stderr


def test_one_file_builds_as_before_without_a_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(TESTS / "data" / "ostroda-2024-pal.yaml"), "-f", "txt", "-o",
                                       str(tmp_path)])
    assert result.exit_code == 0 and "Zbudowano" not in result.stderr


def test_the_progress_bar_shows_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    import paldocs.cli.build as cli
    from paldocs.batch import FileOutcome

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    with cli._progress(3) as advance:
        for name in ("a.yaml", "b.yaml", "c.yaml"):
            advance(FileOutcome(Path(name), "ok"))
    shown = terminal.getvalue()
    assert "Budowanie" in shown and "3/3" in shown and "c.yaml" in shown
    pipe = io.StringIO()  # not a terminal: not a character
    monkeypatch.setattr(cli.sys, "stderr", pipe)
    with cli._progress(3) as advance:
        advance(FileOutcome(Path("a.yaml"), "ok"))
    assert pipe.getvalue() == ""


def test_check_takes_folders_and_globs_too() -> None:
    by_folder = CliRunner().invoke(main, ["check", str(RESOLUTIONS), "--today", "2026-11-25", "--format", "json"])
    by_glob = CliRunner().invoke(main, ["check", str(RESOLUTIONS / "**" / "*.yaml"), "--today", "2026-11-25",
                                        "--format", "json"])
    assert by_folder.exit_code == by_glob.exit_code == 0, by_folder.stderr
    assert by_folder.stdout == by_glob.stdout
    assert "ketrzyn-2014-pal/sprawozdanie-2015.yaml" not in by_folder.stderr  # reports are checked, not refused
    assert str(RESOLUTIONS / "inowroclaw-2009-pal.yaml") in by_folder.stdout
    assert "profiles" not in by_folder.stdout
