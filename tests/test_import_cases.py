"""Round-trip figures per import case: tests/import_cases/resolutions/* (text, CRLF/NBSP, hard-wrapped, BIP page,
two DOCX built here with python-docx) and both seeds.

Each case is imported, written as YAML, loaded with ``load_data_file``, built as text and compared word for word
with its input under the rules of tests/seed_words.py; the differences must equal the reviewed list next to the
case (``<name>.differences.yaml``; the seeds: tests/expected/) and the raw match be ≥ 0.95. "Nothing lost": every
input word is in the built text, in a reviewed difference or in ``log.dropped_words()``. ``pytest -s`` prints the
table of the figures.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import REPO
from seed_words import SEED_FILES, compare, reviewed_differences, seed_words, unaccounted_words, words

from paldocs.api import to_document
from paldocs.importer.api import import_document
from paldocs.importer.clean import AFTER, BEFORE, PAGE
from paldocs.importer.emit import format_yaml
from paldocs.model.load import load_data_file
from paldocs.writers.text import to_text

CASES = Path(__file__).parent / "import_cases" / "resolutions"
TEXT_CASES = sorted(path.stem for path in CASES.iterdir() if path.suffix in {".txt", ".md"})
DOCX_CASES = ["docx_manual", "docx_list"]
_ITEM = re.compile(r"^\d+\)\s+")
FIGURES: dict[str, str] = {}
PAGE_TEXT = {BEFORE, AFTER, PAGE}


def docx_source(name: str, tmp_path: Path) -> tuple[Path, str]:
    """A DOCX built from crlf_nbsp.txt: one paragraph per block (soft breaks between its lines); "docx_list"
    writes the "1)" items as Word list paragraphs ("List Number", shown as "1."). Returns the file and the
    text Word shows (the input of the word comparison)."""
    text = (CASES / "crlf_nbsp.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
    document, shown = docx.Document(), []
    counter = 0
    for block in text.split("\n\n"):
        block = block.strip()
        if not block:
            continue
        if name == "docx_list" and _ITEM.match(block):
            counter += 1
            body = _ITEM.sub("", block)
            document.add_paragraph(body, style="List Number")
            shown.append(f"{counter}. {body}")
            continue
        paragraph = document.add_paragraph()
        for index, line in enumerate(block.split("\n")):
            run = paragraph.add_run(line)
            if index < len(block.split("\n")) - 1:
                run.add_break()
        shown.append(block)
    path = tmp_path / f"{name}.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path, "\n\n".join(shown)


def source_of(name: str, tmp_path: Path) -> tuple[Path, str]:
    if name in SEED_FILES:
        return SEED_FILES[name], SEED_FILES[name].read_text(encoding="utf-8")
    if name in DOCX_CASES:
        return docx_source(name, tmp_path)
    path = next(path for path in CASES.glob(f"{name}.*") if path.suffix in {".txt", ".md"})
    return path, path.read_text(encoding="utf-8-sig")


def reviewed(name: str) -> list[dict[str, str]]:
    path = (REPO / "tests" / "expected" / f"{name}.differences.yaml" if name in SEED_FILES
            else CASES / f"{name}.differences.yaml")
    return reviewed_differences(path, imported=True)


def round_trip(name: str, tmp_path: Path) -> tuple[list[str], list[str], Any, str]:
    source, text = source_of(name, tmp_path)
    result = import_document(source)
    draft = tmp_path / "draft.yaml"
    format_yaml(result, draft)
    load_data_file(draft)
    built = to_text(to_document(draft)[0])
    return seed_words(text), words(built), result, text


ALL = sorted(SEED_FILES) + TEXT_CASES + DOCX_CASES


@pytest.fixture(scope="module", autouse=True)
def _table() -> Any:
    yield
    if FIGURES:
        print("\n\nprzypadek                 | słowa wejścia | strona/nr | zgodne | raw    | różnice | nierozliczone")
        for name in sorted(FIGURES):
            print(FIGURES[name])


@pytest.mark.parametrize("name", ALL)
def test_case_round_trip(name: str, tmp_path: Path) -> None:
    seed, built, result, text = round_trip(name, tmp_path)
    comparison = compare(seed, built)
    expected = reviewed(name)
    # nothing lost: every input word is built, reviewed as a deliberate difference, or dropped with a reason
    unaccounted = unaccounted_words(text, built, list(result.log.dropped_words()), expected)
    # the BIP page text around the document and the page numbers are not the document: the match is measured
    # on the document's words (the input minus what the log drops as page text / page numbers)
    page = sum(len(entry.text.split()) for entry in result.log.of_kind("dropped") if entry.what in PAGE_TEXT)
    ratio = comparison.matched / (comparison.seed_count - page)
    FIGURES[name] = (f"{name:<25} | {comparison.seed_count:>13} | {page:>8} | {comparison.matched:>6} | {ratio:.4f} | "
                     f"{len(comparison.differences):>7} | {len(unaccounted)}")
    assert comparison.differences == expected
    assert unaccounted == []
    assert ratio >= 0.95
