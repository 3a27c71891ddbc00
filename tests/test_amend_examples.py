"""Real amending resolutions of other councils, rebuilt from data and compared with their published text.

Each example is a published amending resolution ("uchwała zmieniająca uchwałę …", "w sprawie zmiany uchwały
…"): its text in tests/data/amendments/<name>.txt (the source address on the first line, and in the README
there), its data of kind „zmiana” in resolutions/examples/amendments/<name>-zmiana.yaml, and the resolution it
amends, before and after, reconstructed as far as the amending text reveals it (…-stara.yaml, …-nowa.yaml; what
no stored page shows is written „(brzmienie nieznane …)”, never invented). Three checks per example:

(a) the amending resolution's data builds to the published text, word for word under the rule of
    tests/seed_words.py; the differences must be exactly the reviewed ones in
    tests/expected/amendments/<name>.differences.yaml, each with its reason;
(b) ``paldocs.amend(OLD, NEW)`` finds the changes the council made: the same units, the same operations;
(c) applying the amending data to OLD gives NEW (the act as in force after the amendment).

(b) and (c) use the diff and the unit tree of the amending-resolution package; where those modules are not
installed the tests are skipped (``pytest.importorskip``). Where the council's change cannot be written in the
change list paldocs knows, the test is an expected failure with the reason (docs/amendments.md, "Examples").
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO
from seed_words import compare, extract_words, reviewed_differences, seed_words

from paldocs.api import build, load

EXAMPLES_DIR = REPO / "resolutions" / "examples" / "amendments"
ORIGINALS = REPO / "tests" / "data" / "amendments"
EXPECTED = REPO / "tests" / "expected" / "amendments"
URL = re.compile(r"https?://\S+")
# name of the original → stem of the amended resolution's data (before: -stara, after: -nowa)
AMENDED = {
    "brzeg-dolny-2004": "brzeg-dolny-2004",
    "krzykosy-2010": "krzykosy-2006",
    "polkowice-2004": "polkowice-2002",
    "stary-dzikow-2007": "stary-dzikow-2005",
}
EXAMPLES = sorted(path.stem for path in ORIGINALS.glob("*.txt"))
# The council's first change („dotychczasową treść § 4 oznacza się jako ust. 1 oraz skreśla się … słowo
# „każdorazowo””) turns a paragraf without ustępy into ust. 1: no operation of the change list does that, so the
# data write it as a words change in „§ 4 ust. 1” — a unit OLD does not have yet.
NOT_IN_THE_CHANGE_LIST = {"polkowice-2004": "§ 4 is divided into ustępy by the amendment itself („oznacza się "
                                            "jako ust. 1”): not an operation of the change list"}


def original_words(name: str) -> list[str]:
    """The published text without its first line (the source address)."""
    text = (ORIGINALS / f"{name}.txt").read_text(encoding="utf-8")
    return seed_words(text.split("\n", 1)[1])


def expected(name: str) -> list[dict[str, str]]:
    return reviewed_differences(EXPECTED / f"{name}.differences.yaml")


def amending(name: str) -> Path:
    return EXAMPLES_DIR / f"{name}-zmiana.yaml"


def versions(name: str) -> tuple[Path, Path]:
    return EXAMPLES_DIR / f"{AMENDED[name]}-stara.yaml", EXAMPLES_DIR / f"{AMENDED[name]}-nowa.yaml"


def changes_of(data: Any) -> list[tuple[str, str]]:
    return [(change.op, change.unit) for change in data.resolution.amends.changes]


def test_every_original_is_an_example_and_every_example_has_its_versions() -> None:
    assert set(EXAMPLES) == set(AMENDED) and len(EXAMPLES) >= 3
    stems = {path.stem for path in EXAMPLES_DIR.glob("*.yaml")}
    for name in EXAMPLES:
        old, new = versions(name)
        assert {f"{name}-zmiana", old.stem, new.stem} <= stems, name
    assert len(stems) == 3 * len(EXAMPLES)  # nothing else lives here


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_names_its_published_original(name: str) -> None:
    """The original's first line, the data file's first comment line and the README give one address; the data
    are of kind „zmiana”; every reviewed difference gives its reason."""
    source = (ORIGINALS / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
    first_line = amending(name).read_text(encoding="utf-8").splitlines()[0]
    address = URL.search(source)
    assert source.startswith("Źródło: ") and address, source
    assert first_line == f"# Źródło: {address.group(0)}"
    readme_rows = [line for line in (ORIGINALS / "README.md").read_text(encoding="utf-8").splitlines()
                   if line.startswith(f"| `{name}.txt`")]
    assert len(readme_rows) == 1 and address.group(0) in readme_rows[0]
    assert yaml.safe_load(amending(name).read_text(encoding="utf-8"))["resolution"]["kind"] == "zmiana"
    rows = yaml.safe_load((EXPECTED / f"{name}.differences.yaml").read_text(encoding="utf-8")) or []
    assert all(set(row) == {"seed", "built", "why"} and row["why"].strip() for row in rows)


@pytest.mark.parametrize("name", EXAMPLES)
def test_reconstructed_versions_say_what_is_not_known(name: str) -> None:
    """OLD and NEW name the amending resolution's source and mark the reconstruction; no unit differs between
    them except by the amendment (checked in (c)); the amended resolution is the one the amendment names."""
    amended = yaml.safe_load(amending(name).read_text(encoding="utf-8"))["resolution"]["amends"]["resolution"]
    address = URL.search((ORIGINALS / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0])
    for path in versions(name):
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        assert address and address.group(0) in text and "ODTWORZENIE CZĘŚCIOWE" in text, path.name
        assert data["resolution"]["number"] == amended["number"], path.name
        assert str(data["resolution"]["date"]) == str(amended["date"]), path.name
        assert data["resolution"]["subject"] == amended["subject"], path.name


@pytest.mark.parametrize("name", EXAMPLES)
def test_amending_resolution_matches_the_original_word_for_word(name: str, tmp_path: Path) -> None:
    """(a) — § 1 is written by paldocs from the change list (ZTP wording); what the council wrote otherwise is
    a reviewed difference."""
    [text] = build(amending(name), ("txt",), tmp_path).outputs
    comparison = compare(original_words(name), extract_words("txt", text))
    assert comparison.differences == expected(name)
    assert comparison.ratio >= 0.8  # what is left out is listed above, with its reason


# (b) and (c): an example whose change the change list cannot write is a strict expected failure
CHANGE_EXAMPLES = [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=NOT_IN_THE_CHANGE_LIST[name]))
                   if name in NOT_IN_THE_CHANGE_LIST else name for name in EXAMPLES]


@pytest.mark.parametrize("name", CHANGE_EXAMPLES)
def test_amend_finds_the_councils_changes(name: str) -> None:
    """(b) — the diff of OLD and NEW names the same units with the same operations as the council. The
    reconstructions are mostly „(brzmienie nieznane)”, so the share of changed text is large: ``force`` skips
    the § 84 ZTP proposal of a new resolution, which is about the real, longer acts."""
    api = pytest.importorskip("paldocs.amend.api")
    old, new = versions(name)
    assert changes_of(api.amend(old, new, force=True)) == changes_of(load(amending(name)))


def _units(node: Any, out: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    out.append((str(node.address), node.text, node.repealed))
    for child in node.children:
        _units(child, out)
    return out


@pytest.mark.parametrize("name", CHANGE_EXAMPLES)
def test_applying_the_amendment_to_old_gives_new(name: str) -> None:
    """(c) — every unit of the act as in force after the amendment reads as in NEW."""
    apply = pytest.importorskip("paldocs.amend.apply")
    tree = pytest.importorskip("paldocs.amend.tree")
    old, new = versions(name)
    in_force = apply.apply_amendment(load(old), load(amending(name)).resolution.amends)
    assert _units(tree.act_tree(in_force), []) == _units(tree.act_tree(load(new)), [])
