"""Real published municipal reports: resolutions/examples/reports/*.yaml → every format → their published text.

Each report example writes a report a municipality published (tests/data/reports/<name>.txt, with its source
address in tests/data/reports/README.md and in the data file's first comment line) as paldocs report data —
reports on a programme of cooperation with NGOs (a city's narrative one, a rural municipality's one with its
figures), statutory yearly reports of social-assistance centres and a town's yearly report on its family-support
programme (kind ``wspieranie-rodziny``), all standalone (no program data file), as
municipalities publish them. The built text is compared word for word with the original under the rule of
tests/seed_words.py, as the seeds and the resolution examples are; the differences must be exactly the reviewed
ones in tests/expected/reports/<name>.differences.yaml, each with its reason. The text output is built
here for every example; DOCX, PDF and HTML (read back with python-docx, pypdf and lxml) are the slow tests, from
conftest's session-wide ``example_outputs`` (which, like the other example tests, finds these files by itself).

The examples are the originals with a text file in tests/data/reports/ (a report example whose figures come from
a spreadsheet, in the same folder, has no published original and is not one of them).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO
from seed_words import compare, extract_words, reviewed_differences, seed_words
from test_examples_real import rejoin_wrapped

from paldocs.api import build
from paldocs.cli import main

EXAMPLES_DIR = REPO / "resolutions" / "examples" / "reports"
ORIGINALS = REPO / "tests" / "data" / "reports"
EXPECTED = REPO / "tests" / "expected" / "reports"
EXAMPLES = sorted(path.stem for path in ORIGINALS.glob("*.txt"))
SEED_MUNICIPALITIES = ("Kętrzyn", "Kętrzyna", "Kętrzynie", "Inowrocław")  # the seeds; these are other councils
URL = re.compile(r"https?://\S+")
KINDS = {  # what each example stands for, as its title says: a narrative and a statutory report, at least one each
    "lomza-2016-program-wspolpracy": "z realizacji rocznego programu współpracy",  # art. 5a ust. 3 u.d.p.p.w.
    "borzytuchom-2022-program-wspolpracy": "z realizacji rocznego programu współpracy",  # the same, with figures
    "wolin-2016-ops": "z działalności ośrodka pomocy społecznej",  # art. 110 ust. 9 u.p.s.
    "jerzmanowice-2014-gops": "z działalności gminnego ośrodka pomocy społecznej",  # the same, adopted by resolution
    "szczecinek-2020-gops": "z działalności gminnego ośrodka pomocy społecznej",  # the same, with family support
    "swidnica-2012-wspieranie-rodziny": "z realizacji gminnego programu wspierania rodziny",  # kind wspieranie-rodziny
}
# What ``paldocs check`` may say of an example: only the notes of its kind, never a warning or an error. The
# family-support kind's provision was not read in any source (verified: false), which check states (PD074).
# The notes an example may get: its kind's provision was never read (PD074); a programme-of-cooperation report
# published without the month it was made in, so its deadline cannot be judged (PD073).
CHECK_NOTES = {"swidnica-2012-wspieranie-rodziny": ("PD074",), "borzytuchom-2022-program-wspolpracy": ("PD073",)}


def original_words(name: str) -> list[str]:
    return seed_words((ORIGINALS / f"{name}.txt").read_text(encoding="utf-8"))


def expected(name: str) -> list[dict[str, str]]:
    return reviewed_differences(EXPECTED / f"{name}.differences.yaml")


def test_there_is_a_narrative_and_a_statutory_report_of_other_councils() -> None:
    assert set(KINDS) == set(EXAMPLES)
    for name in EXAMPLES:
        text = (EXAMPLES_DIR / f"{name}.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        assert data["document"] == "report" and "program" not in data, name  # standalone: as published
        assert not any(word in text for word in SEED_MUNICIPALITIES), name
        assert KINDS[name] in data["title"].lower(), name


def test_every_report_example_naming_a_published_source_is_compared_with_it() -> None:
    """A data file here that names its published source („# Źródło: …”) has its original and is one of the examples:
    none escapes the comparison."""
    sourced = {path.stem for path in EXAMPLES_DIR.glob("*.yaml")
               if path.read_text(encoding="utf-8").startswith("# Źródło:")}
    assert sourced == set(EXAMPLES)


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_names_its_published_original(name: str) -> None:
    """The data file's first line gives the source address; the originals' README lists the file with the same
    address; every reviewed difference gives its reason."""
    first_line = (EXAMPLES_DIR / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    address = URL.search(first_line)
    assert first_line.startswith("# Źródło:") and address, first_line
    readme_rows = [line for line in (ORIGINALS / "README.md").read_text(encoding="utf-8").splitlines()
                   if line.startswith(f"| `{name}.txt`")]
    assert len(readme_rows) == 1 and address.group(0) in readme_rows[0]
    rows = yaml.safe_load((EXPECTED / f"{name}.differences.yaml").read_text(encoding="utf-8")) or []
    assert all(set(row) == {"seed", "built", "why"} and row["why"].strip() for row in rows)


@pytest.mark.parametrize("name", EXAMPLES)
def test_text_matches_the_original_word_for_word(name: str, tmp_path: Path) -> None:
    [text] = build(EXAMPLES_DIR / f"{name}.yaml", ("txt",), tmp_path).outputs
    comparison = compare(original_words(name), extract_words("txt", text))
    assert comparison.differences == expected(name)
    assert comparison.ratio >= 0.9  # what is left out is listed above, with its reason


@pytest.mark.parametrize("name", EXAMPLES)
def test_paldocs_check_finds_nothing_to_say(name: str) -> None:
    checked = CliRunner().invoke(main, ["check", str(EXAMPLES_DIR / f"{name}.yaml")])
    notes = CHECK_NOTES.get(name, ())
    if not notes:
        assert checked.exit_code == 0 and checked.stdout == "bez uwag\n", checked.output
        return
    lines = checked.stdout.splitlines()
    assert checked.exit_code == 0, checked.output
    assert [rule for line in lines[:-1] for rule in re.findall(r"informacja (PD\d+):", line)] == list(notes)
    assert lines[-1] == f"0 błędów, 0 ostrzeżeń, {len(notes)} informacji", checked.output


def test_the_family_support_example_is_of_its_kind() -> None:
    """The family-support report names its kind and covers the one year its title names („w 2012 roku”), though the
    programme it reports on runs for three."""
    data = yaml.safe_load((EXAMPLES_DIR / "swidnica-2012-wspieranie-rodziny.yaml").read_text(encoding="utf-8"))
    assert data["kind"] == "wspieranie-rodziny" and data["years"] == 2012


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ("docx", "pdf", "html"))
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_format_matches_the_original(example_outputs: dict[str, dict[str, Path]], name: str,
                                           fmt: str) -> None:
    outputs = example_outputs  # conftest's session-wide builds of every example (reports included)
    words = extract_words(fmt, outputs[name][fmt])
    if fmt == "pdf":  # a word the PDF wraps inside itself comes back as two (see test_examples_real)
        words = rejoin_wrapped(words, extract_words("txt", outputs[name]["txt"]))
    assert compare(original_words(name), words).differences == expected(name)
