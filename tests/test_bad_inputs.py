"""The bad-input corpus (tests/bad_inputs/cases.yaml): every bad input gets a clear answer, nothing else.

For every case with ``exit: 2`` the command line (``paldocs build`` to all four formats, through click's
CliRunner) must exit with code 2, print one ``błąd:`` message containing the expected fragment and naming
the place (``file:line`` and the field path when the case gives them), show no traceback, and write nothing
— an output folder that held earlier outputs keeps them byte for byte and gains no temporary file.
``paldocs check`` must agree (exit 2 and the same message, or a finding for cases marked ``check_exit: 1``),
and the library (:func:`paldocs.api.to_document`) must raise the expected :class:`PaldocsError` subclass with
the same location. Cases with ``exit: 0`` build and print what the data says literally (plus the expected
``uwaga:`` warning). Huge, binary and environmental cases are made by the functions below.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import REPO, TESTS

import paldocs.errors
from paldocs.api import to_document
from paldocs.cli import main
from paldocs.errors import PaldocsError

CORPUS = TESTS / "bad_inputs"
OSTRODA = TESTS / "data" / "ostroda-2024-pal.yaml"
REPORT = REPO / "resolutions" / "ketrzyn-2014-pal" / "sprawozdanie-2015.yaml"
FORMATS = "docx,pdf,html,txt"
ITEM = "        - {id: cel-1, text: Aktywizacja mieszkańców.}"


@dataclass(frozen=True)
class Case:
    id: str
    edit: dict[str, str] | None = None
    generate: str | None = None
    scenario: str | None = None
    base: str = "ostroda"
    exit: int = 2
    message: str | None = None
    line: int | None = None
    path: str | None = None
    error: str = "PaldocsError"
    hint: str | None = None
    check_exit: int = 2
    warning: str | None = None
    literal: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    in_file: str | None = None  # the file the message names, relative to the input's folder (default: the input)


CASES = [Case(**entry) for entry in yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))]


# --- generated inputs (too big or not text) ------------------------------------------------------------------

def _ostroda() -> str:
    return OSTRODA.read_text(encoding="utf-8")


def _with_item_text(text: str) -> bytes:
    return _ostroda().replace(ITEM, f"        - id: cel-1\n          text: {text}").encode("utf-8")


GENERATORS: dict[str, Callable[[], bytes]] = {
    "list_file": lambda: b"- a\n- b\n",
    "empty_file": lambda: b"",
    "comment_only": lambda: b"# nic\n\n",
    "windows_1250": lambda: _ostroda().replace("# A small", "#").encode("cp1250"),
    "utf16_with_bom": lambda: _ostroda().encode("utf-16"),
    "nul_byte": lambda: _ostroda().replace("Aktywizacja", "Aktyw\x00izacja").encode("utf-8"),
    "utf8_with_bom": lambda: b"\xef\xbb\xbf" + _ostroda().encode("utf-8"),
    "ten_megabyte_field": lambda: _ostroda().replace("Aktywizacja mieszkańców.", "a" * 10_000_000).encode("utf-8"),
    "seventeen_megabytes": lambda: _ostroda().encode("utf-8") + b"# " + b"x" * (17 * 1024 * 1024) + b"\n",
    "ten_thousand_sections": lambda: _ostroda().replace("  sections:\n", "  sections:\n" + "".join(
        f"    - heading: Rozdział {number}\n      content: Treść {number}.\n" for number in range(10_000))).encode(),
    "markdown_lists_200_deep": lambda: _ostroda().replace(ITEM, "        - id: cel-1\n          text: |\n" + "".join(
        "            " + "  " * level + f"- poziom {level}\n" for level in range(200))).encode("utf-8"),
    "items_nested_200_deep": lambda: _ostroda().replace(ITEM, _nested_items(200)).encode("utf-8"),
    "billion_laughs": lambda: (_ostroda() + "lol0: &a0 [ha, ha, ha, ha, ha, ha, ha, ha, ha]\n" + "".join(
        f"lol{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]\n" for level in range(1, 10))).encode(),
}


def _nested_items(depth: int) -> str:
    """An item with sub-items ``depth`` levels deep (flow style: one line per level)."""
    text = "{text: najgłębszy}"
    for level in range(depth - 1, 0, -1):
        text = f"{{text: poziom {level}, items: [{text}]}}"
    return f"        - {{id: cel-1, text: poziom 0, items: [{text}]}}"


def write_input(case: Case, folder: Path) -> Path:
    """The case's input file (always ``dane.yaml`` in ``folder``)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "dane.yaml"
    if case.generate is not None:
        target.write_bytes(GENERATORS[case.generate]())
        return target
    if case.base == "report":
        base = REPORT.read_text(encoding="utf-8").replace(
            "program: ../ketrzyn-2014-pal.yaml", f"program: {REPO / 'resolutions' / 'ketrzyn-2014-pal.yaml'}")
    else:
        base = _ostroda()
    if case.edit is not None:
        assert case.edit["old"] in base, f"{case.id}: {case.edit['old']!r} is not in the base file"
        base = base.replace(case.edit["old"], case.edit["new"], 1)
    target.write_text(base, encoding="utf-8")
    return target


# --- running a case --------------------------------------------------------------------------------------------

@dataclass
class Run:
    input: Path
    out: Path
    args: list[str]
    before: dict[str, bytes]  # what the output folder held before the build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())} if folder.is_dir() else {}


def invoke(args: list[str]) -> Result:
    return CliRunner().invoke(main, args)


def prepared(case: Case, tmp_path: Path) -> Run:
    source = write_input(case, tmp_path / "wejscie")
    out = tmp_path / "wynik"
    out.mkdir()
    # Earlier outputs of the same name: a failed build must leave them exactly as they were.
    for fmt in FORMATS.split(","):
        (out / f"dane.{fmt}").write_bytes(f"poprzednia wersja {fmt}".encode())
    return Run(source, out, ["build", str(source), "--format", FORMATS, "--out", str(out)], snapshot(out))


SCENARIOS: dict[str, Callable[[Case, Path, pytest.MonkeyPatch], Run]] = {}


def scenario(function: Callable[[Case, Path, pytest.MonkeyPatch], Run]) -> Callable[[Case, Path, pytest.MonkeyPatch], Run]:
    SCENARIOS[function.__name__] = function
    return function


@scenario
def missing_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    run = prepared(case, tmp_path)
    run.input.unlink()
    return run


@scenario
def output_over_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    run = prepared(case, tmp_path)
    # The data file is named like the text output: writing "dane.txt" beside it would overwrite it.
    data = run.input.with_suffix(".txt")
    run.input.rename(data)
    run.input, run.out = data, data.parent
    run.args = ["build", str(data), "--format", FORMATS]
    run.before = snapshot(data.parent)
    return run


@scenario
def output_directory_is_a_file(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    run = prepared(case, tmp_path)
    blocker = tmp_path / "plik"
    blocker.write_text("to nie katalog")
    run.args[-1] = str(blocker / "wynik")
    return run


@scenario
def unwritable_output_directory(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    run = prepared(case, tmp_path)
    if os.geteuid() != 0:
        run.out.chmod(0o555)  # read-only for anyone but root
    else:
        # Root writes through permission bits; sysfs refuses new entries even to root.
        unwritable = Path("/sys/paldocs-bad-inputs")
        if not Path("/sys").is_dir() or os.access("/sys", os.W_OK) and _can_create(unwritable):
            pytest.skip("no folder here is unwritable for root")
        run.args[-1] = str(unwritable)
    return run


def _can_create(folder: Path) -> bool:
    try:
        folder.mkdir()
    except OSError:
        return False
    folder.rmdir()
    return True


@scenario
def disk_full_while_writing(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    run = prepared(case, tmp_path)
    real_fdopen = os.fdopen
    calls = {"count": 0}

    class FullDisk:
        """A stream that takes 100 bytes of the third output, then reports a full disk."""

        def __init__(self, stream: Any) -> None:
            self.stream = stream

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            self.stream.write(data[:100])
            self.stream.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        calls["count"] += 1
        stream = real_fdopen(fd, *args, **kwargs)
        return FullDisk(stream) if calls["count"] == 3 else stream

    monkeypatch.setattr("paldocs.api.os.fdopen", fdopen)
    return run


def _user_template(case: Case, tmp_path: Path, body: str) -> Run:
    run = prepared(case, tmp_path)
    templates = tmp_path / "szablony"
    templates.mkdir()
    (templates / "signature.md.j2").write_text(body, encoding="utf-8")
    run.args += ["--templates", str(templates)]
    return run


@scenario
def template_reaches_for_python_internals(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    return _user_template(case, tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}\n")


@scenario
def template_includes_a_system_file(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    return _user_template(case, tmp_path, "{% include '/etc/passwd' %}\n")


@scenario
def unknown_limit(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    run = prepared(case, tmp_path)
    run.args += ["--limit", "max_pages=3"]
    return run


# --- the tests ------------------------------------------------------------------------------------------------

def test_the_corpus_is_large_and_well_formed() -> None:
    assert len(CASES) >= 40
    assert len({case.id for case in CASES}) == len(CASES)
    for case in CASES:
        assert sum(value is not None for value in (case.edit, case.generate, case.scenario)) <= 1, case.id
        assert case.generate is None or case.generate in GENERATORS, case.id
        assert case.scenario is None or case.scenario in SCENARIOS, case.id
        assert (case.message is not None) == (case.exit == 2), case.id
    assert set(GENERATORS) == {case.generate for case in CASES if case.generate}
    assert set(SCENARIOS) == {case.scenario for case in CASES if case.scenario}


def failing(cases: list[Case]) -> list[Any]:
    return [pytest.param(case, id=case.id) for case in cases]


@pytest.mark.parametrize("case", failing([case for case in CASES if case.exit == 2]))
def test_bad_input_exits_2_names_the_place_and_writes_nothing(case: Case, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    run = SCENARIOS[case.scenario](case, tmp_path, monkeypatch) if case.scenario else prepared(case, tmp_path)
    result = invoke(run.args)
    assert result.exit_code == 2, (result.exit_code, result.stderr, result.exception)
    assert "Traceback" not in result.stderr + result.stdout
    assert case.message is not None and case.message in result.stderr, result.stderr
    assert result.stderr.startswith("błąd: ") or result.stderr.startswith("Usage:"), result.stderr
    if case.scenario is None:  # the message names the input file, its line and the field
        named = run.input.parent / case.in_file if case.in_file else run.input
        place = str(named) + (f":{case.line}:" if case.line is not None else "")
        assert place in result.stderr, result.stderr
    if case.path is not None:
        assert f" {case.path}: " in result.stderr, result.stderr
    if case.hint is not None:
        assert case.hint in result.stderr.split("\n", 1)[1], result.stderr
    assert result.stdout == ""  # no output path printed: nothing was built
    assert snapshot(run.out) == run.before  # nothing written, earlier outputs intact, no temporary files


@pytest.mark.parametrize("case", failing([case for case in CASES if case.exit == 2 and case.scenario is None]))
def test_the_library_raises_the_same_located_error(case: Case, tmp_path: Path) -> None:
    source = write_input(case, tmp_path)
    with pytest.raises(PaldocsError) as caught:
        to_document(source)
    error = caught.value
    assert isinstance(error, getattr(paldocs.errors, case.error))
    assert case.message is not None and case.message in str(error)
    if case.line is not None:
        assert (error.location.file, error.location.line) == (str(source), case.line)
    if case.path is not None:
        assert error.location.path == case.path


@pytest.mark.parametrize("case", failing([case for case in CASES if case.exit == 2 and case.scenario is None]))
def test_check_agrees(case: Case, tmp_path: Path) -> None:
    source = write_input(case, tmp_path)
    result = invoke(["check", str(source), "--today", "2026-11-25"])
    assert result.exit_code == case.check_exit, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert case.message is not None and case.message in result.stdout + result.stderr


@pytest.mark.parametrize("case", failing([case for case in CASES if case.exit == 0]))
def test_odd_but_valid_input_is_printed_literally(case: Case, tmp_path: Path) -> None:
    run = prepared(case, tmp_path)
    result = invoke(run.args)
    assert result.exit_code == 0, result.stderr
    if case.warning is not None:
        assert any(line.startswith("uwaga: ") and case.warning in line and str(run.input) in line
                   for line in result.stderr.splitlines()), result.stderr
    else:
        assert "znacznik HTML" not in result.stderr and "odnośnik" not in result.stderr
    text = (run.out / "dane.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "\ufeff" not in text
    for literal in case.literal:
        assert literal in text
    for absent in case.absent:
        assert absent not in text


def test_a_model_built_in_code_gets_the_same_inspection() -> None:
    """A web tool may build the DataFile itself instead of writing YAML: its texts are inspected all the same."""
    from paldocs.api import load

    data = load(OSTRODA)
    program = data.program
    assert program is not None
    with_image = data.model_copy(update={"program": program.model_copy(update={"title": "![a](file:///etc/passwd)"})})
    with pytest.raises(paldocs.errors.DataError, match="odwołanie do obrazu") as caught:
        to_document(with_image)
    assert caught.value.location.path == "program.title"
    with_html = data.model_copy(update={"program": program.model_copy(update={"title": "Program <b>PAL</b>"})})
    _, notes = to_document(with_html)
    assert any("program.title" in note and "znacznik HTML „<b>”" in note for note in notes)
