"""The repository stands on its own: no file names a document a user does not have, no path leaves the clone.

Contract under test:

- No text file under paldocs/, templates/, docs/, tests/, scripts/, benchmarks/, resolutions/, nor README.md or
  pyproject.toml, names the project's former reference notes (by their upper-case file names), a sibling
  folder of the clone, the bracketed status marks those notes used, or a tracker number ("issue" and a
  number). Legal facts point at docs/domain.md or at a source a user can follow (docs/sources.md). Every hit is
  reported as file:line. Binary files (NUL bytes, not UTF-8) are skipped.
- No test, script or benchmark builds a path above the repository root from its own location (``__file__``
  with ``parents[k]`` or a ``.parent`` chain that climbs too far, or the root's own ``.parent``), and the seed
  documents the end-to-end tests compare with are files inside the repository.

The forbidden strings are assembled from pieces so that this file does not match itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from conftest import REPO

SCANNED = ("paldocs", "templates", "docs", "tests", "scripts", "benchmarks", "resolutions", "README.md",
           "pyproject.toml")
SKIPPED_FOLDERS = {"__pycache__", ".pytest_cache", ".mypy_cache", ".hypothesis"}

_NOTE = r"\.md\b"
FORBIDDEN: dict[str, re.Pattern[str]] = {
    "the former domain notes": re.compile(r"\b" + "DOM" + "AIN" + _NOTE),
    "the former design notes": re.compile(r"\b" + "DES" + "IGN" + _NOTE),
    "a folder beside the clone": re.compile(re.escape(".." + "/" + "sha" + "red")),
    "a bracketed status mark": re.compile(r"\[" + "[" + "V" + "S" + "U" + "]" + r"\]"),
    "a tracker number": re.compile(r"\b" + "iss" + "ue" + r"\s+#?\d+", re.IGNORECASE),
}


def iter_text_files() -> Iterator[tuple[Path, str]]:
    """Every scanned file that is text (UTF-8, no NUL byte), with its content."""
    for name in SCANNED:
        root = REPO / name
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in paths:
            if not path.is_file() or SKIPPED_FOLDERS.intersection(path.relative_to(REPO).parts) or \
                    any(part.endswith(".egg-info") for part in path.parts):
                continue
            data = path.read_bytes()
            if b"\0" in data:
                continue
            try:
                yield path, data.decode("utf-8")
            except UnicodeDecodeError:
                continue


def find_forbidden(files: Iterator[tuple[Path, str]]) -> list[str]:
    """``file:line: what — the line`` for every forbidden string."""
    hits = []
    for path, text in files:
        for number, line in enumerate(text.splitlines(), start=1):
            for what, pattern in FORBIDDEN.items():
                if pattern.search(line):
                    hits.append(f"{path.relative_to(REPO)}:{number}: {what} — {line.strip()[:160]}")
    return hits


def test_the_scan_reads_the_repository() -> None:
    scanned = {path.relative_to(REPO).as_posix() for path, _ in iter_text_files()}
    for expected in ("README.md", "pyproject.toml", "docs/domain.md", "docs/sources.md", "paldocs/legal/acts.yaml",
                     "templates/kinds.yaml", "tests/data/seeds/ketrzyn-2014-LXIV-400-14.txt"):
        assert expected in scanned
    assert "templates/reference.docx" not in scanned  # binary


def test_the_patterns_catch_what_they_must(tmp_path: Path) -> None:
    bad = ["see " + "DOM" + "AIN.md § 3", "(" + "DES" + "IGN.md convention 5)", "read ../" + "shared/seeds/x.txt",
           "mark [" + "V" + "]", "mark [" + "S" + "]", "mark [" + "U" + "]", "(Iss" + "ue 9)", "iss" + "ue #12"]
    good = ["docs/domain.md § 3", "issue: 16", "Dz. U. Nr 142", "[s for s in x]", "../ketrzyn-2014-pal.yaml",
            "tests/data/seeds/ketrzyn-2014-LXIV-400-14.txt", "issued 3 times"]
    path = REPO / "docs" / "x.md"  # only to name the hits; nothing is written there
    assert len(find_forbidden(iter([(path, "\n".join(bad))]))) == len(bad)
    assert find_forbidden(iter([(path, "\n".join(good))])) == []


def test_no_file_names_anything_outside_the_repository() -> None:
    hits = find_forbidden(iter_text_files())
    assert not hits, "references outside the repository (point at docs/domain.md or a real source):\n" + \
        "\n".join(hits)


_FILE_PARENTS = re.compile(r"__file__\)?(?:\.resolve\(\))?((?:\.parent)+)(?!s)")
_FILE_PARENTS_INDEX = re.compile(r"__file__\)?(?:\.resolve\(\))?\.parents\[(\d+)\]")
_ROOT_PARENT = re.compile(r"\b(?:REPO|ROOT)\.parent\b|\bTESTS\.parent\.parent\b")


def find_paths_outside(path: Path, text: str) -> list[str]:
    """Paths built from ``path``'s own location that end above the repository root."""
    depth = len(path.relative_to(REPO).parts)  # tests/test_x.py: 2 — two ".parent" reach the root
    hits = []
    for number, line in enumerate(text.splitlines(), start=1):
        climbs = [len(match[1]) // len(".parent") for match in _FILE_PARENTS.finditer(line)]
        climbs += [int(match[1]) + 1 for match in _FILE_PARENTS_INDEX.finditer(line)]
        if any(climb > depth for climb in climbs) or _ROOT_PARENT.search(line):
            hits.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    return hits


def test_path_detector_sees_a_sibling_folder() -> None:
    test_file = REPO / "tests" / "test_x.py"
    here = "Path(__fi" + "le__)"  # pieces, so that this file's own samples are not reported
    outside = [f'SEEDS = {here}.resolve().parents[2] / "x"', f"ROOT = {here}.parent.parent.parent",
               'SEEDS = RO' + 'OT.parent / "x"', 'SEEDS = RE' + 'PO.parent / "x"']
    inside = [f"ROOT = {here}.resolve().parents[1]", f"REPO = {here}.resolve().parent.parent",
              f'SEEDS = {here}.resolve().parent / "data" / "seeds"', "REPO = TESTS.parent"]
    assert len(find_paths_outside(test_file, "\n".join(outside))) == len(outside)
    assert find_paths_outside(test_file, "\n".join(inside)) == []


def test_no_test_or_script_path_reaches_outside_the_repository() -> None:
    hits = [hit for folder in ("tests", "scripts", "benchmarks") for path in sorted((REPO / folder).rglob("*.py"))
            for hit in find_paths_outside(path, path.read_text(encoding="utf-8"))]
    assert not hits, "paths above the repository root:\n" + "\n".join(hits)


def test_the_seed_documents_are_inside_the_repository() -> None:
    from seed_words import SEED_FILES

    for seed in SEED_FILES.values():
        assert seed.resolve().is_relative_to(REPO.resolve()) and seed.is_file(), seed
    assert (REPO / "tests" / "data" / "seeds" / "README.md").is_file()
