"""Shared fixtures: golden files and the built examples.

Goldens change only through ``pytest --update-goldens`` (then review ``git diff tests/golden``).

``example_outputs`` builds each example once per test run, when a test first reads it (each data file under
``resolutions/`` except the profiles, and each directly in ``tests/data/``), to every format with the defaults
users get (:func:`paldocs.api.build`), for the tests that read the outputs; they must not change these files.
"""

from __future__ import annotations

import fcntl
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping
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


class _Examples(Mapping[str, dict[str, Path]]):
    """``{stem: {format: path}}``, each example built the first time a test asks for it (then kept)."""

    def __init__(self, out: Path, sources: dict[str, Path]) -> None:
        self._out, self._sources = out, sources
        self._built: set[str] = set()

    def __getitem__(self, stem: str) -> dict[str, Path]:
        if stem not in self._built:
            _build_example_once(self._sources[stem], self._out / stem)
            self._built.add(stem)
        return {fmt: self._out / stem / f"{stem}.{fmt}" for fmt in EXAMPLE_FORMATS}

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


@pytest.fixture(scope="session")
def example_outputs(tmp_path_factory: pytest.TempPathFactory) -> Mapping[str, dict[str, Path]]:
    """``{stem: {format: path}}`` of every example built to every format, once per test run (read-only).

    An example is built when a test first asks for it, so the fast loop builds only the examples its tests read.
    Under pytest-xdist the workers share the work through the run's common temporary folder: each example is
    built by the first worker that takes its lock; another worker that needs it waits for that build."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the parent is this run's, per worker
    out = shared / "examples"
    out.mkdir(exist_ok=True)
    return _Examples(out, example_files())


def _build_example_once(source: Path, folder: Path) -> None:
    """Build ``source`` into ``folder`` unless it is built already, under the example's lock (a worker that
    finds another one building it waits for that build)."""
    from paldocs.api import build

    done = folder.parent / f"{folder.name}.done"
    with open(folder.parent / f"{folder.name}.lock", "w") as lock:  # the lock is released when the file closes
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            build(source, EXAMPLE_FORMATS, folder)
            done.touch()
