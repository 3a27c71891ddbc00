"""A non-editable install still finds its templates and builds the examples from another directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow  # builds and installs a wheel in a fresh environment


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel from a clean copy of the tracked files (no stale build/ folder)."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout")
    source = tmp_path_factory.mktemp("source")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out),
                    str(source)], check=True, capture_output=True)
    return next(out.glob("paldocs-*.whl"))


def test_wheel_ships_templates_and_catalog(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("paldocs_templates/resolution.md.j2", "paldocs_templates/kind-adopt-program.md.j2",
                     "paldocs_templates/annex.md.j2", "paldocs_templates/kinds.yaml",
                     "paldocs_templates/print.css", "paldocs_templates/reference.docx",
                     "paldocs/legal/acts.yaml", "paldocs/py.typed"):
        assert required in names


def test_installed_wheel_builds_the_example_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run([sys.executable, "-c", "import paldocs, paldocs_templates; print(paldocs.__file__); "
                            "print(paldocs_templates.__file__)"], cwd=elsewhere, env=env, capture_output=True,
                           text=True, check=True).stdout
    assert all(line.startswith(str(target)) for line in where.splitlines())  # the installed copy, not the repo's
    result = subprocess.run([sys.executable, "-m", "paldocs", "build",
                             str(REPO / "resolutions" / "ketrzyn-2014-pal.yaml"), "--format", "docx,pdf",
                             "--out", str(elsewhere)], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "ketrzyn-2014-pal.docx").stat().st_size > 10_000
    assert (elsewhere / "ketrzyn-2014-pal.pdf").read_bytes().startswith(b"%PDF-")
