"""The importer never refuses readable text: the 12 real resolutions of tests/data/examples/ import and build.

Each text (published on the BIP pages named in tests/data/examples/README.md) is imported, written as YAML,
loaded and built to text; the built text must hold every word of the original (a multiset comparison under
:func:`paldocs.importer.wording.words`), except the words the log lists as dropped (with a reason) or as changed
(the "before" of a repair). The robustness tests cut, garble and shuffle the same texts: the import must still
produce data that builds. Fast (text output only).
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO

from paldocs.api import to_document
from paldocs.importer.api import ImportResult, import_documents
from paldocs.importer.emit import format_yaml
from paldocs.importer.wording import words
from paldocs.model.load import load_data_file
from paldocs.writers.text import to_text

EXAMPLES = sorted((REPO / "tests" / "data" / "examples").glob("*.txt"))


def build(result: ImportResult, tmp_path: Path, name: str = "draft.yaml") -> str:
    output = tmp_path / name
    format_yaml(result, output)
    load_data_file(output)
    return to_text(to_document(output)[0])


def unaccounted(result: ImportResult, built: str) -> Counter[str]:
    accounted = Counter(words(built))
    for entry in result.log.entries:
        if entry.kind in ("dropped", "changed"):
            accounted.update(words(entry.text))
    return Counter(words(result.original)) - accounted


@pytest.mark.parametrize("source", EXAMPLES, ids=lambda path: path.stem)
def test_real_resolution_imports_builds_and_keeps_every_word(source: Path, tmp_path: Path) -> None:
    results = import_documents(source)
    assert results
    for index, result in enumerate(results):
        built = build(result, tmp_path, f"draft-{index}.yaml")
        assert unaccounted(result, built) == Counter()
        assert result.original == source.read_text(encoding="utf-8").rstrip("\n").replace("\r", "") or \
            words(result.original) == words(source.read_text(encoding="utf-8"))


def _variants(text: str, seed: int) -> list[str]:
    """Truncated, garbled and shuffled versions of a real text (deterministic for a seed)."""
    rng = random.Random(seed)
    lines = text.splitlines()
    cut = rng.randrange(1, max(2, len(lines)))
    shuffled = lines[:]
    rng.shuffle(shuffled)
    dropped = [line for line in lines if rng.random() > 0.3]
    garbled = [line[: rng.randrange(0, len(line) + 1)] if rng.random() < 0.3 else line for line in lines]
    return ["\n".join(lines[:cut]), "\n".join(lines[cut:]), "\n".join(shuffled), "\n".join(dropped),
            "\n".join(garbled), " ".join(lines)]


@pytest.mark.parametrize("source", EXAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("seed", [1, 2])
def test_damaged_texts_still_import_and_build(source: Path, seed: int, tmp_path: Path) -> None:
    for number, variant in enumerate(_variants(source.read_text(encoding="utf-8"), seed)):
        if not variant.split():
            continue
        path = tmp_path / f"variant-{number}.txt"
        path.write_text(variant + "\n", encoding="utf-8")
        for index, result in enumerate(import_documents(path)):
            build(result, tmp_path, f"variant-{number}-{index}.yaml")
