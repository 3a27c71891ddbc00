"""Real resolutions of other municipalities: resolutions/examples/*.yaml → every format → their published text.

Each example in ``resolutions/examples/`` writes a published resolution (tests/data/examples/<name>.txt, with its
source address in tests/data/examples/README.md and in the data file's first comment line) as paldocs data. Its
built text is compared word for word with the original under the rule of tests/seed_words.py, as the seeds
are; the differences must be exactly the reviewed ones in tests/expected/examples/<name>.differences.yaml, each
with the reason it is deliberate (a drafting rule paldocs applies, the original's typo, what the stored copy of
the page leaves out). The text output is built here for every example; the DOCX, PDF and HTML outputs (read
back with python-docx, pypdf and lxml) are the slow tests, from the session-wide builds of conftest's
``example_outputs`` (LibreOffice opens every example's DOCX in tests/test_examples_libreoffice.py).

One normalisation is added to seed_words' rule for the PDF: a word the PDF wraps at the end of a line inside
itself ("Miodusy-|Litwa", "poz.|675;") comes back from the PDF reader as two; the text output of the same
build is the reference for word boundaries, so two PDF words are read as one when together they are one word
of the text output and are not both words of it on their own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from seed_words import compare, extract_words, seed_words

from paldocs.api import build

EXAMPLES_DIR = REPO / "resolutions" / "examples"
ORIGINALS = REPO / "tests" / "data" / "examples"
EXPECTED = REPO / "tests" / "expected" / "examples"
EXAMPLES = sorted(path.stem for path in EXAMPLES_DIR.glob("*.yaml"))
FORMATS = ("docx", "pdf", "html", "txt")
SEED_MUNICIPALITIES = ("Kętrzyn", "Inowrocław")  # the seeds; the examples are other councils' texts
URL = re.compile(r"https?://\S+")


def original_words(name: str) -> list[str]:
    return seed_words((ORIGINALS / f"{name}.txt").read_text(encoding="utf-8"))


def reviewed_differences(name: str) -> list[dict[str, str]]:
    rows = yaml.safe_load((EXPECTED / f"{name}.differences.yaml").read_text(encoding="utf-8")) or []
    return [{"seed": row["seed"], "built": row["built"]} for row in rows]


def rejoin_wrapped(pdf: list[str], reference: list[str]) -> list[str]:
    """PDF words with line-wrap splits undone, by the word boundaries of ``reference`` (the text output)."""
    known = set(reference)
    joined: list[str] = []
    index = 0
    while index < len(pdf):
        pair = pdf[index:index + 2]
        if len(pair) == 2 and "".join(pair) in known and not (pair[0] in known and pair[1] in known):
            joined.append("".join(pair))
            index += 2
        else:
            joined.append(pdf[index])
            index += 1
    return joined


def test_there_are_enough_examples_of_other_councils() -> None:
    assert len(EXAMPLES) >= 8
    for name in EXAMPLES:
        data = yaml.safe_load((EXAMPLES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
        assert data["municipality"]["name"] not in SEED_MUNICIPALITIES, name


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_names_its_published_original(name: str) -> None:
    """The data file's first line gives the source address; the original and its reviewed differences exist,
    and the originals' README lists the file with the same address."""
    first_line = (EXAMPLES_DIR / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    address = URL.search(first_line)
    assert first_line.startswith("# Źródło:") and address, first_line
    assert (ORIGINALS / f"{name}.txt").is_file()
    readme_rows = [line for line in (ORIGINALS / "README.md").read_text(encoding="utf-8").splitlines()
                   if line.startswith(f"| `{name}.txt`")]
    assert len(readme_rows) == 1 and address.group(0) in readme_rows[0]
    rows = yaml.safe_load((EXPECTED / f"{name}.differences.yaml").read_text(encoding="utf-8")) or []
    assert all(set(row) == {"seed", "built", "why"} and row["why"].strip() for row in rows), \
        "every listed difference gives its reason"


@pytest.mark.parametrize("name", EXAMPLES)
def test_text_matches_the_original_word_for_word(name: str, tmp_path: Path) -> None:
    result = build(EXAMPLES_DIR / f"{name}.yaml", ("txt",), tmp_path)
    [text] = result.outputs
    comparison = compare(original_words(name), extract_words("txt", text))
    assert comparison.differences == reviewed_differences(name)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ("docx", "pdf", "html"))
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_format_matches_the_original(example_outputs: dict[str, dict[str, Path]], name: str,
                                           fmt: str) -> None:
    built = extract_words(fmt, example_outputs[name][fmt])
    if fmt == "pdf":
        built = rejoin_wrapped(built, extract_words("txt", example_outputs[name]["txt"]))
    comparison = compare(original_words(name), built)
    assert comparison.differences == reviewed_differences(name)


def test_a_word_wrapped_in_the_pdf_is_read_as_one() -> None:
    reference = ["poz.675;", "poz.", "ust.", "4", "Miodusy-Litwa"]
    assert rejoin_wrapped(["poz.", "675;", "ust.", "4", "Miodusy-", "Litwa"], reference) == \
        ["poz.675;", "ust.", "4", "Miodusy-Litwa"]
