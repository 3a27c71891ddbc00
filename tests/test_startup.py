"""Start-up: what a cold command loads and what it derives again.

- :func:`paldocs.usercache.derived` keeps a value derived from shipped files between processes, recomputes it
  when an input or the code changes, and never makes a command fail (cache off, damaged, unwritable).
- The shipped acts catalog read back from the cache is the catalog parsed from ``acts.yaml``.
- A fresh ``paldocs build FILE -f pdf`` loads neither morfeusz2 (the example's profile gives every form) nor
  python-docx, matplotlib, the report model, the report kinds or the amendment applier, a fresh ``paldocs check``
  of a resolution none of them and no WeasyPrint; ``paldocs.report`` still gives its names on first use.
- The command line ends its process after the exit handlers with its exit status and all its output, without
  the interpreter's teardown; click's test runner still gets ``SystemExit``. The command alone (not an import of
  paldocs) turns pydantic's plugin scan off, unless the user set it, and raises the collector's threshold; it
  finds WeasyPrint's native libraries from one ``ldconfig -p`` listing, loading the very same libraries.
- ``benchmarks/startup.py`` runs and returns well-formed figures (the times themselves are never asserted).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from paldocs import usercache
from paldocs.legal import catalog as catalog_module


class Counter:
    """A compute function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PALDOCS_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "shipped.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    return path


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "derived").glob("*.pickle"))


def test_a_derived_value_is_computed_once_and_read_back(cache: Path, source: Path) -> None:
    compute = Counter({"acts": [1, 2, 3]})
    assert usercache.derived("table", [source], compute) == {"acts": [1, 2, 3]}
    assert usercache.derived("table", [source], compute) == {"acts": [1, 2, 3]}
    assert compute.calls == 1
    assert len(_entries(cache)) == 1


def test_an_edited_input_is_derived_again(cache: Path, source: Path) -> None:
    assert usercache.derived("table", [source], Counter("old")) == "old"
    source.write_text("a: 2, b: 3\n", encoding="utf-8")  # another size: another key whatever the mtime clock
    compute = Counter("new")
    assert usercache.derived("table", [source], compute) == "new"
    assert compute.calls == 1


def test_only_the_newest_entries_of_a_value_are_kept(cache: Path, source: Path) -> None:
    for size in range(usercache.KEPT_ENTRIES + 3):  # as many installs or versions, each its own key
        source.write_text("x" * size, encoding="utf-8")
        usercache.derived("table", [source], Counter(size))
    assert len(_entries(cache)) == usercache.KEPT_ENTRIES
    compute = Counter("unused")
    assert usercache.derived("table", [source], compute) == usercache.KEPT_ENTRIES + 2  # the newest is kept
    assert compute.calls == 0
    usercache.derived("other", [source], Counter("other"))
    assert len(_entries(cache)) == usercache.KEPT_ENTRIES + 1  # another value's entries are not counted


def test_the_code_that_shapes_a_value_is_part_of_its_key(cache: Path, source: Path) -> None:
    usercache.derived("table", [source], Counter("one"), code=("paldocs.usercache",))
    compute = Counter("two")
    assert usercache.derived("table", [source], compute, code=("paldocs.usercache", "paldocs.errors")) == "two"
    assert compute.calls == 1


def test_a_damaged_entry_is_derived_again(cache: Path, source: Path) -> None:
    usercache.derived("table", [source], Counter("value"))
    [entry] = _entries(cache)
    entry.write_bytes(b"\x80\x05 not a pickle")
    compute = Counter("value")
    assert usercache.derived("table", [source], compute) == "value"
    assert compute.calls == 1
    assert usercache.derived("table", [source], compute) == "value" and compute.calls == 1  # rewritten whole


@pytest.mark.parametrize("setting", ["off", "0", "none", ""])
def test_off_derives_every_time_and_writes_nothing(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch,
                                                   setting: str) -> None:
    monkeypatch.setenv("PALDOCS_CACHE_DIR", setting)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    compute = Counter("value")
    for _ in range(2):
        assert usercache.derived("table", [source], compute) == "value"
    assert compute.calls == 2
    assert not (tmp_path / "xdg").exists()


def test_an_unusable_cache_folder_does_not_fail(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("PALDOCS_CACHE_DIR", str(blocker))
    assert usercache.derived("table", [source], Counter("value")) == "value"


def test_a_missing_input_is_derived_without_the_cache(cache: Path, tmp_path: Path) -> None:
    compute = Counter("value")
    assert usercache.derived("table", [tmp_path / "absent.yaml"], compute) == "value"
    assert compute.calls == 1 and not _entries(cache)


def test_a_value_that_cannot_be_pickled_is_returned_all_the_same(cache: Path, source: Path) -> None:
    unpicklable = lambda: None  # noqa: E731 — a lambda does not pickle
    assert usercache.derived("table", [source], Counter(unpicklable)) is unpicklable
    assert not _entries(cache)


def test_the_cached_package_catalog_is_the_parsed_one(cache: Path) -> None:
    catalog_module._package_catalog.cache_clear()
    try:
        first = catalog_module._package_catalog()  # parsed, then stored
        catalog_module._package_catalog.cache_clear()
        second = catalog_module._package_catalog()  # read back
    finally:
        catalog_module._package_catalog.cache_clear()
    assert [entry.name.split("-")[:2] for entry in _entries(cache)] == [["acts", "catalog"]]
    version, acts, files = catalog_module._parse_package_catalog()
    for catalog in (first, second):
        assert (catalog.version, dict(catalog.acts), catalog.files) == (version, acts, files)
    assert second.current_to == first.current_to and second.evidence == first.evidence


PROBE = """
import json, sys
from paldocs.cli import main
try:
    main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
watched = ("morfeusz2", "docx", "matplotlib", "paldocs.report.model", "paldocs.report.load", "paldocs.report.kinds",
           "paldocs.amendments.apply", "weasyprint")
print(json.dumps({"code": code, "loaded": [name for name in watched if name in sys.modules]}), file=sys.stderr)
"""


def _fresh(*args: str, cache: Path) -> dict[str, object]:
    environment = {**os.environ, "PALDOCS_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=REPO,
                            env=environment, check=False)
    return json.loads(result.stderr.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.slow  # fresh interpreters building a PDF
def test_a_cold_pdf_build_loads_only_what_it_needs(tmp_path: Path) -> None:
    for _ in range(2):  # the first run fills the user cache, the second reads it: both load the same
        outcome = _fresh("build", "resolutions/ketrzyn-2014-pal.yaml", "-f", "pdf", "-o", str(tmp_path / "out"),
                         cache=tmp_path / "cache")
        assert outcome == {"code": 0, "loaded": ["weasyprint"]}, outcome
    assert (tmp_path / "out" / "ketrzyn-2014-pal.pdf").stat().st_size > 0
    assert [entry.name.split("-")[:2] for entry in (tmp_path / "cache" / "derived").iterdir()] == [["acts", "catalog"]]


@pytest.mark.slow  # a fresh interpreter
def test_a_cold_check_of_a_resolution_loads_no_writer_and_no_report_model(tmp_path: Path) -> None:
    outcome = _fresh("check", "resolutions/ketrzyn-2014-pal.yaml", "--today", "2026-11-25", cache=tmp_path / "cache")
    assert outcome["code"] in (0, 1) and outcome["loaded"] == [], outcome  # 1: findings, check's normal answer


@pytest.mark.slow  # a fresh interpreter
def test_the_report_package_loads_its_modules_on_first_use() -> None:
    probe = ("import sys, paldocs.report.adoption as adoption, paldocs.report as report\n"
             "before = 'paldocs.report.model' in sys.modules\n"
             "names = (report.load_report.__module__, report.compute_figures.__module__)\n"
             "print(before, *names)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.split() == ["False", "paldocs.report.load", "paldocs.report.compute"]


def test_the_report_package_refuses_an_unknown_name() -> None:
    import paldocs.report

    with pytest.raises(AttributeError, match="no_such_name"):
        paldocs.report.no_such_name  # noqa: B018


@pytest.mark.slow  # a dozen fresh processes
def test_the_startup_benchmark_reports_well_formed_figures() -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import startup
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    report = startup.measure(1)
    assert set(report["median_s"]) == {"build", "raw_weasyprint", "raw_same_lookup", "check", "python"}
    assert all(value > 0 for value in report["median_s"].values())
    assert report["ratio"] == pytest.approx(report["median_s"]["build"] / report["median_s"]["raw_weasyprint"],
                                            abs=1e-3)
    assert report["cpu_ratio_same_lookup"] == pytest.approx(
        report["cpu_median_s"]["build"] / report["cpu_median_s"]["raw_same_lookup"], abs=1e-3)
    assert set(report["goals"]) == {"ratio", "check_s"}
    assert all(isinstance(goal["pass"], bool) for goal in report["goals"].values())
    json.dumps(report)
    steps = startup.stages()
    assert "PDF (first)" in steps and all(value >= 0 for value in steps.values())


@pytest.mark.parametrize(("code", "status"), [
    (None, 0),
    (0, 0),
    (1, 1),
    (2, 2),
    (256 + 3, 3),  # as the operating system truncates it
    ("błąd: opis", 1),  # printed to standard error, as sys.exit does
])
def test_exit_status_follows_sys_exit(code: object, status: int, capsys: pytest.CaptureFixture[str]) -> None:
    from paldocs.cli.exit import exit_status

    assert exit_status(code) == status
    assert capsys.readouterr().err == (f"{code}\n" if isinstance(code, str) else "")


EXIT_PROBE = """
import atexit, sys
from pathlib import Path
marker = Path(sys.argv[1])
sys.argv[1:2] = []
atexit.register(lambda: marker.write_text("ran", encoding="utf-8"))
from paldocs.cli import main
main()
"""


@pytest.mark.slow  # fresh interpreters
@pytest.mark.parametrize(("args", "status"), [
    (["--version"], 0),
    (["check", "resolutions/no-such-file.yaml"], 2),
    (["no-such-command"], 2),
    (["rules", "--markdown"], 0),
])
def test_the_command_line_ends_the_process_with_its_status_after_the_exit_handlers(
        tmp_path: Path, args: list[str], status: int) -> None:
    marker = tmp_path / "atexit-ran"
    result = subprocess.run([sys.executable, "-c", EXIT_PROBE, str(marker), *args],
                            capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == status, result.stderr
    assert marker.read_text(encoding="utf-8") == "ran"
    if args == ["rules", "--markdown"]:  # every byte written reaches the reader before the process ends
        assert result.stdout == (REPO / "docs" / "rules.md").read_text(encoding="utf-8")


@pytest.mark.slow  # a fresh interpreter
def test_the_temporary_folders_of_a_command_are_removed_at_exit(tmp_path: Path) -> None:
    probe = ("import sys, tempfile\n"
             "folder = tempfile.TemporaryDirectory(dir=sys.argv[1])\n"
             "sys.argv[1:] = ['--version']\n"
             "from paldocs.cli import main\n"
             "main()\n")
    subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, cwd=REPO, check=True)
    assert list(tmp_path.iterdir()) == []


SETUP_PROBE = """
import atexit, gc, os, sys
atexit.register(lambda: print(os.environ.get("PYDANTIC_DISABLE_PLUGINS"), "importlib.metadata" in sys.modules,
                              *gc.get_threshold(), file=sys.stderr))
from paldocs.cli import main
main()
"""


@pytest.mark.parametrize(("preset", "expected"), [
    (None, ["__all__", "False"]),  # the command owns its process: no scan for pydantic plugins, no metadata
    ("logfire", ["logfire", "True"]),  # a user's own setting is kept, and pydantic's own loader with it
])
def test_the_command_sets_its_own_process_up(preset: str | None, expected: list[str]) -> None:
    from paldocs.cli.exit import GC_THRESHOLDS

    environment = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    if preset is not None:
        environment["PYDANTIC_DISABLE_PLUGINS"] = preset
    result = subprocess.run([sys.executable, "-c", SETUP_PROBE, "check", "resolutions/ketrzyn-2014-pal.yaml",
                             "--today", "2026-11-25"], capture_output=True, text=True, cwd=REPO, env=environment,
                            check=False)
    assert result.returncode in (0, 1), result.stderr  # 1: findings, check's normal answer
    assert "PD015" in result.stdout  # the data model was built and validated the file
    assert result.stderr.split()[-5:] == [*expected, *map(str, GC_THRESHOLDS)]


def test_pydantic_asks_its_plugin_loader_only_for_get_plugins() -> None:
    """The command stands in for pydantic.plugin._loader with get_plugins alone (paldocs.cli.exit)."""
    import pydantic

    root = Path(pydantic.__file__).parent
    uses = sorted({line.strip() for path in root.rglob("*.py") for line in path.read_text(encoding="utf-8").splitlines()
                   if "_loader" in line and "import" in line})
    assert uses == ["from ._loader import get_plugins"]


def test_importing_the_command_line_changes_nothing_in_the_process() -> None:
    probe = ("import gc, os, sys\n"
             "default = gc.get_threshold()\n"
             "import paldocs, paldocs.cli\n"
             "from paldocs.cli import main\n"
             "main(['--version'], standalone_mode=False)\n"
             "print(gc.get_threshold() == default, 'PYDANTIC_DISABLE_PLUGINS' in os.environ,\n"
             "      'pydantic' in sys.modules)")
    environment = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO,
                            env=environment, check=True)
    assert result.stdout.split()[-3:] == ["True", "False", "False"]


LISTING = b"""1234 libs found in cache `/etc/ld.so.cache'
\tlibpangoft2-1.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpangoft2-1.0.so.0
\tlibpango-1.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpango-1.0.so.0
\tlibgobject-2.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libgobject-2.0.so.0
\tlibgobject-2.0.so.0 (libc6) => /lib/i386-linux-gnu/libgobject-2.0.so.0
"""


@pytest.mark.parametrize(("name", "found"), [
    ("gobject-2.0", "libgobject-2.0.so.0"),
    ("pango-1.0", "libpango-1.0.so.0"),  # not libpangoft2: the name ends where the version begins
    ("pangoft2-1.0", "libpangoft2-1.0.so.0"),
    ("libgobject-2.0-0", None),  # WeasyPrint's Windows spelling: not in a Linux cache
    ("gobject-2.0-0", None),
    ("harfbuzz", None),
])
def test_a_library_is_found_in_the_listing_as_ctypes_finds_it(name: str, found: str | None,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from paldocs.cli import native_libraries

    monkeypatch.setattr(native_libraries, "_abi_tag", lambda: "libc6,x86-64")
    assert native_libraries.listed_library(name, LISTING) == found


def test_without_a_listing_the_standard_search_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from paldocs.cli import native_libraries

    monkeypatch.setattr(native_libraries, "_listing", lambda: None)
    finder = native_libraries._one_listing_finder(lambda name: f"standard:{name}")
    assert finder("pango-1.0") == "standard:pango-1.0"


def test_the_listing_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from paldocs.cli import native_libraries

    reads: list[int] = []

    def listing() -> bytes:
        reads.append(1)
        return LISTING

    monkeypatch.setattr(native_libraries, "_listing", functools.cache(listing))
    monkeypatch.setattr(native_libraries, "_abi_tag", lambda: "libc6,x86-64")
    finder = native_libraries._one_listing_finder(lambda name: pytest.fail("the standard search ran"))
    assert [finder(name) for name in ("gobject-2.0", "gobject-2.0-0", "pango-1.0")] == [
        "libgobject-2.0.so.0", None, "libpango-1.0.so.0"]
    assert len(reads) == 1


LIBRARIES_PROBE = """
import sys
if sys.argv[1] == "command":
    from paldocs.cli.exit import prepare_process
    prepare_process()
    import ctypes
    assert "ctypes.util" not in sys.modules  # nothing is replaced before WeasyPrint is imported
import weasyprint, ctypes.util
print(hasattr(ctypes.util.find_library, "standard"))
print("\\n".join(sorted({line.split()[-1] for line in open("/proc/self/maps") if ".so" in line})))
"""


@pytest.mark.slow  # fresh interpreters importing WeasyPrint
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the listing is used on Linux only")
def test_the_command_loads_the_same_native_libraries_as_weasyprint_alone() -> None:
    def loaded(mode: str) -> list[str]:
        result = subprocess.run([sys.executable, "-c", LIBRARIES_PROBE, mode], capture_output=True, text=True,
                                cwd=REPO, check=True)
        return result.stdout.splitlines()

    alone, command = loaded("alone"), loaded("command")
    replaced = Path("/sbin/ldconfig").exists()
    assert (alone[0], command[0]) == ("False", str(replaced))
    assert command[1:] == alone[1:] and any("pango" in name for name in alone)
