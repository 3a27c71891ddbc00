"""The example data files every format is built from: found, not listed, so a new example is tested as is.

``example_files()`` maps each file's stem to its path: every data file under ``resolutions/`` except the
municipality profiles (any ``profiles/`` folder under it), and each data file directly in ``tests/data/`` (not its
``acts/`` catalogs). Stems are unique (an output is named by the stem).
"""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
KNOWN = ("ketrzyn-2014-pal", "inowroclaw-2009-pal", "sprawozdanie-2014-2016", "sprawozdanie-2015",
         "sprawozdanie-2016", "ostroda-2024-pal")  # must be found whatever else is added


def example_files() -> dict[str, Path]:
    """``{stem: path}`` of every example data file, sorted by path."""
    resolutions = REPO / "resolutions"
    found = [path for path in resolutions.rglob("*") if "profiles" not in path.relative_to(resolutions).parts]
    found += (TESTS / "data").glob("*")
    found = sorted(path for path in found if path.suffix in (".yaml", ".yml") and path.is_file())
    examples = {path.stem: path for path in found}
    assert len(examples) == len(found), "two examples share a file name"
    return examples
