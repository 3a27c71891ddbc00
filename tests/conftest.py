"""Shared fixtures: golden files and the built examples.

Goldens change only through ``pytest --update-goldens`` (then review ``git diff tests/golden``).

``example_outputs`` builds every example once per test run (each data file under ``resolutions/`` except
the profiles, and each directly in ``tests/data/``) to every format with the defaults users get
(:func:`paldocs.api.build`), for the tests that read the outputs; they must not change these files.
"""

from __future__ import annotations

import fcntl
import os
import sys
import tempfile
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
GOLDEN = TESTS / "golden"
EXAMPLE_FORMATS = ("docx", "pdf", "html", "txt")
sys.path.insert(0, str(TESTS))
# Compiled templates of test runs (and of the processes they start) stay out of the user's own cache.
os.environ.setdefault("PALDOCS_CACHE_DIR", os.path.join(tempfile.gettempdir(), "paldocs-test-cache"))

from examples import example_files  # noqa: E402  (tests/ is on sys.path from here on)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/* from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``golden(name, text)``: compare with tests/golden/<name> (or rewrite it with --update-goldens)."""
    update = request.config.getoption("--update-goldens")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-goldens and review it"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs from its golden file (pytest --update-goldens to accept)"

    return check


@pytest.fixture(scope="session")
def example_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """``{stem: {format: path}}`` of every example built to every format, once per test run (read-only).

    Under pytest-xdist the workers share the work: each example is built by the first worker that takes its
    lock, into the run's common temporary folder; a worker skips the examples another one is building, then
    waits for those (so two workers that need the examples at once build half of them each)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the parent is this run's, per worker
    out = shared / "examples"
    out.mkdir(exist_ok=True)
    examples = example_files()
    for wait in (False, True):  # first the free ones, then wait for those another worker was building
        for stem, source in examples.items():
            _build_example_once(source, out / stem, wait)
    return {stem: {fmt: out / stem / f"{stem}.{fmt}" for fmt in EXAMPLE_FORMATS} for stem in examples}


def _build_example_once(source: Path, folder: Path, wait: bool) -> None:
    """Build ``source`` into ``folder`` unless it is built already, under the example's lock; without
    ``wait``, leave it if another worker holds the lock."""
    from paldocs.api import build

    done = folder.parent / f"{folder.name}.done"
    with open(folder.parent / f"{folder.name}.lock", "w") as lock:  # the lock is released when the file closes
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return
        if not done.exists():
            build(source, EXAMPLE_FORMATS, folder)
            done.touch()
