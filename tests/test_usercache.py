"""The compiled-template cache: reused between processes, never stale, never a reason for a build to fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from paldocs import usercache
from paldocs.compose import make_environment


@pytest.fixture
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Point the cache at a folder of this test (or turn it off with "off")."""

    def use(value: str) -> None:
        monkeypatch.setenv("PALDOCS_CACHE_DIR", value)
        usercache.template_cache.cache_clear()

    yield use
    usercache.template_cache.cache_clear()


def _entries(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def test_a_compiled_template_is_stored_and_reused(tmp_path: Path, cache_in) -> None:  # type: ignore[no-untyped-def]
    cache_in(str(tmp_path / "cache"))
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "own.md.j2").write_text("{% for i in range(n) %}{{ i }}{% endfor %}.", encoding="utf-8")
    assert make_environment(folder).get_template("own.md.j2").render(n=3) == "012."
    stored = _entries(tmp_path / "cache")
    assert len(stored) == 1
    before = stored[0].stat().st_mtime_ns
    # a new environment, as in a new process: the stored code is read, not written again
    assert make_environment(folder).get_template("own.md.j2").render(n=4) == "0123."
    assert _entries(tmp_path / "cache") == stored and stored[0].stat().st_mtime_ns == before


def test_an_edited_template_is_compiled_again(tmp_path: Path, cache_in) -> None:  # type: ignore[no-untyped-def]
    cache_in(str(tmp_path / "cache"))
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "own.md.j2").write_text("pierwsza {{ x }}\n", encoding="utf-8")
    assert make_environment(folder).get_template("own.md.j2").render(x=1) == "pierwsza 1\n"
    (folder / "own.md.j2").write_text("druga {{ x }}\n", encoding="utf-8")
    assert make_environment(folder).get_template("own.md.j2").render(x=2) == "druga 2\n"


def test_off_means_nothing_is_written(tmp_path: Path, cache_in, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache_in("off")
    assert make_environment().get_template("signature.md.j2") is not None
    assert not (tmp_path / "xdg").exists()


def test_a_cache_folder_that_is_a_file_does_not_fail_a_build(tmp_path: Path, cache_in) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "plik").write_text("nie folder", encoding="utf-8")
    cache_in(str(tmp_path / "plik"))
    assert make_environment().get_template("signature.md.j2") is not None


def test_a_damaged_entry_is_compiled_again(tmp_path: Path, cache_in) -> None:  # type: ignore[no-untyped-def]
    cache_in(str(tmp_path / "cache"))
    make_environment().get_template("signature.md.j2")
    (entry,) = _entries(tmp_path / "cache")
    entry.write_bytes(entry.read_bytes()[:40])  # cut in the middle of the code
    assert make_environment().get_template("signature.md.j2") is not None
    assert len(entry.read_bytes()) > 40  # written again, whole
