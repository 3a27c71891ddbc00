"""Real amending resolutions of other councils, rebuilt from data and compared with their published text.

Each example is a published amending resolution ("uchwała zmieniająca uchwałę …", "w sprawie zmiany uchwały
…"): its text in tests/data/amendments/<name>.txt (the source address on the first line, and in the README
there), its data of kind „zmiana” in resolutions/examples/amendments/<name>-zmiana.yaml, and the resolution it
amends, before and after, reconstructed as far as the amending text reveals it (tests/data/amendments/
…-stara.yaml, …-nowa.yaml: test data, not examples — what no stored page shows is written „(brzmienie
nieznane …)”, never invented, so they lack parts every resolution has, such as the entry into force). Three checks per example:

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
    return ORIGINALS / f"{AMENDED[name]}-stara.yaml", ORIGINALS / f"{AMENDED[name]}-nowa.yaml"


def changes_of(data: Any) -> list[tuple[str, str]]:
    return [(change.op, change.unit) for change in data.resolution.amends.changes]


def test_every_original_is_an_example_and_every_example_has_its_versions() -> None:
    assert set(EXAMPLES) == set(AMENDED) and len(EXAMPLES) >= 3
    assert {path.stem for path in EXAMPLES_DIR.glob("*.yaml")} == {f"{name}-zmiana" for name in EXAMPLES}
    for name in EXAMPLES:
        assert all(path.is_file() for path in versions(name)), name


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
    api = pytest.importorskip("paldocs.amendments.api")
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
    apply = pytest.importorskip("paldocs.amendments.apply")
    tree = pytest.importorskip("paldocs.amendments.tree")
    old, new = versions(name)
    in_force = apply.apply_amendment(load(old), load(amending(name)).resolution.amends)
    assert _units(tree.act_tree(in_force), []) == _units(tree.act_tree(load(new)), [])


# --- The Kętrzyn programme amended: an example, never adopted (resolutions/ketrzyn-2014-pal/zmiana/) ---

KETRZYN_OLD = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
KETRZYN = REPO / "resolutions" / "ketrzyn-2014-pal" / "zmiana"
KETRZYN_NEW = KETRZYN / "nowy.yaml"
KETRZYN_AMENDING = KETRZYN / "zmiana.yaml"
# What the example changes, by the programme's section ids: a new activity, a budget line, a chapter rewritten.
KETRZYN_CHANGED = {"kierunki", "finansowanie", "metody"}


def _sections(path: Path) -> dict[str, Any]:
    return {section["id"]: section for section in yaml.safe_load(path.read_text(encoding="utf-8"))["program"]["sections"]}


def test_ketrzyn_new_version_differs_only_where_the_example_says() -> None:
    """nowy.yaml is the adopted programme with three changes and nothing else: the resolution part and every other
    section as in resolutions/ketrzyn-2014-pal.yaml; it says it was never adopted."""
    old, new = yaml.safe_load(KETRZYN_OLD.read_text(encoding="utf-8")), yaml.safe_load(KETRZYN_NEW.read_text(encoding="utf-8"))
    assert new["resolution"] == old["resolution"]
    assert {key: value for key, value in new["program"].items() if key != "sections"} == \
        {key: value for key, value in old["program"].items() if key != "sections"}
    old_sections, new_sections = _sections(KETRZYN_OLD), _sections(KETRZYN_NEW)
    assert list(old_sections) == list(new_sections)
    assert {key for key in old_sections if old_sections[key] != new_sections[key]} == KETRZYN_CHANGED
    old_items = [item["text"] for item in old_sections["kierunki"]["items"]]
    assert [item["text"] for item in new_sections["kierunki"]["items"]][:len(old_items)] == old_items  # added at the end
    for path in (KETRZYN_NEW, KETRZYN_AMENDING):
        assert "NIGDY NIE ZOSTAŁA PODJĘTA" in path.read_text(encoding="utf-8").splitlines()[0], path.name


def test_ketrzyn_amending_resolution_builds_with_the_three_changes(tmp_path: Path) -> None:
    """The draft amending resolution (no number, no date: it was never adopted) names the adopted programme and
    prints the three changes as the points of § 1, in the order of the programme."""
    data = load(KETRZYN_AMENDING)
    amended = data.resolution.amends.resolution
    assert data.resolution.number is None and data.resolution.date is None
    assert (str(amended.number), amended.date.isoformat()) == ("LXIV/400/14", "2014-04-29")
    assert [change.op for change in data.resolution.amends.changes] == ["insert", "wording", "words"]
    [text] = build(KETRZYN_AMENDING, ("txt",), tmp_path).outputs
    printed = " ".join(text.read_text(encoding="utf-8").replace("\u00a0", " ").split())
    assert "zmieniająca uchwałę w sprawie przyjęcia „Programu Aktywności Lokalnej Miasta Kętrzyn na lata 2014 – 2020”" in printed
    assert "W uchwale Nr LXIV/400/14 Rady Miejskiej w Kętrzynie z dnia 29 kwietnia 2014 r." in printed
    assert "dodaje się pkt 12 w brzmieniu: „12. Wspieranie rodzin" in printed
    assert "otrzymuje brzmienie: „Rozdział 5. Metody Pracy Wykorzystywane do Realizacji Programu" in printed
    assert "wyraz „rządowych” zastępuje się wyrazami „rządowych i z budżetu Województwa Warmińsko-Mazurskiego”." in printed


def test_ketrzyn_amend_writes_the_example() -> None:
    """``paldocs.amend(OLD, NEW)`` gives the changes of zmiana.yaml exactly: units, operations, wording."""
    api = pytest.importorskip("paldocs.amendments.api")
    made = api.amend(KETRZYN_OLD, KETRZYN_NEW).resolution.amends.changes
    assert [change.model_dump() for change in made] == \
        [change.model_dump() for change in load(KETRZYN_AMENDING).resolution.amends.changes]


def _adopted_copy(tmp_path: Path) -> Path:
    """zmiana.yaml as if adopted (a consolidated text takes only adopted amendments): an illustrative number and
    date, in a temporary copy only, beside a link to the profile."""
    data = yaml.safe_load(KETRZYN_AMENDING.read_text(encoding="utf-8"))
    data["resolution"].pop("status", None)
    data["resolution"].update({"number": "I/1/2016", "date": "2016-03-31"})
    data["municipality"] = str((KETRZYN / data["municipality"]).resolve())
    path = tmp_path / "zmiana-podjeta.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_ketrzyn_consolidated_text_is_the_new_version(tmp_path: Path) -> None:
    """The programme as in force after the amendment reads as nowy.yaml, unit by unit; the obwieszczenie with
    the consolidated text builds and names the amending resolution."""
    consolidate = pytest.importorskip("paldocs.amendments.consolidate")
    tree = pytest.importorskip("paldocs.amendments.tree")
    consolidated = consolidate.consolidate(KETRZYN_OLD, [_adopted_copy(tmp_path)])
    assert _units(tree.act_tree(consolidated.data), []) == _units(tree.act_tree(load(KETRZYN_NEW)), [])
    assert [applied.number for applied in consolidated.applied] == ["I/1/16"]


def _compared_units(old: Path, new: Path) -> list[str]:
    compare = pytest.importorskip("paldocs.amendments.compare")
    from paldocs.document import inline_text

    table = compare.comparison_table(load(old), load(new))
    return [" ".join(inline_text(row[1].children).split()) for row in table.rows]


def test_ketrzyn_comparison_lists_the_three_changed_units() -> None:
    """The comparison table (zestawienie zmian) has one row per change of the example."""
    assert len(_compared_units(KETRZYN_OLD, KETRZYN_NEW)) == 3


def test_ketrzyn_comparison_and_amendment_name_the_same_units() -> None:
    """The comparison table and the amending resolution cite each changed unit alike („załącznik rozdział 5”)."""
    api = pytest.importorskip("paldocs.amendments.api")
    units = [change.unit for change in api.amend(KETRZYN_OLD, KETRZYN_NEW).resolution.amends.changes]
    assert _compared_units(KETRZYN_OLD, KETRZYN_NEW) == units


@pytest.mark.slow
def test_ketrzyn_commands_print_the_comparison_and_the_consolidated_text(tmp_path: Path) -> None:
    """What CI prints from the example with the commands a clerk types: the comparison in every format and the
    obwieszczenie with the consolidated text (from the adopted copy of the amending resolution)."""
    pytest.importorskip("paldocs.amendments.compare")
    pytest.importorskip("paldocs.amendments.consolidate")
    from click.testing import CliRunner

    from paldocs.cli import main

    runner = CliRunner()
    compared = runner.invoke(main, ["compare", str(KETRZYN_OLD), str(KETRZYN_NEW), "-f", "docx,pdf,html,txt",
                                    "-o", str(tmp_path / "porownanie")])
    assert compared.exit_code == 0, compared.output
    written = sorted(path.suffix for path in (tmp_path / "porownanie").iterdir())
    assert written == [".docx", ".html", ".pdf", ".txt"]
    table = next((tmp_path / "porownanie").glob("*.txt")).read_text(encoding="utf-8")
    assert "ZESTAWIENIE ZMIAN" in table and "Warmińsko-Mazurskiego" in table
    notice = tmp_path / "tekst-jednolity.yaml"
    consolidated = runner.invoke(main, ["consolidate", str(KETRZYN_OLD), str(_adopted_copy(tmp_path)), "-o", str(notice)])
    assert consolidated.exit_code == 0, consolidated.output
    [text] = build(notice, ("txt",), tmp_path / "obwieszczenie").outputs
    printed = " ".join(text.read_text(encoding="utf-8").replace("\u00a0", " ").split())
    assert "OBWIESZCZENIE RADY MIEJSKIEJ W KĘTRZYNIE" in printed
    assert "12. Wspieranie rodzin w wypełnianiu funkcji opiekuńczo-wychowawczych" in printed
    assert "Program realizowany będzie następującymi metodami pracy:" in printed


def test_ketrzyn_amending_resolution_has_no_annex_of_its_own_to_cite() -> None:
    """``paldocs check`` does not read the change list's „w załączniku do uchwały” as a reference to an annex of
    the amending draft (PD027): it names the amended programme's annex."""
    from click.testing import CliRunner

    from paldocs.cli import main

    checked = CliRunner().invoke(main, ["check", str(KETRZYN_AMENDING), "--today", "2026-11-25", "--format", "json"])
    assert checked.exit_code in (0, 1), checked.output
    assert "PD027" not in checked.stdout
