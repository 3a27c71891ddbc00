"""Round trips of the importer: seed → YAML → build → the same words; example YAML → text → import → same data.

1. Each seed (Kętrzyn: the whole resolution with its annex; Inowrocław: the annex alone) is imported, written
   as YAML, loaded with ``load_data_file``, built as text and compared with the seed word for word under the
   normalisation of tests/seed_words.py; the differences must be the reviewed ones of
   tests/expected/<name>.differences.yaml (the ZTP forms paldocs writes) and the match ≥ 0.98.
2. "Nothing lost": every input word is in the built text or in the log's dropped words.
3. Each resolutions/*.yaml is built as text, the text imported, and the data compared in the fields that
   matter: document, number, date, council genitive, subject (as built), legal basis acts and provisions
   (ZTP-formatted by the build), executor dative, signatory name, program title, section headings, item texts.
4. ``paldocs check`` on the imported Kętrzyn draft finds the original's defects (PD015, PD016, PD045).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import REPO
from seed_words import SEED_FILES, compare, reviewed_differences, seed_words, unaccounted_words, words

from paldocs.api import to_document
from paldocs.cli import main
from paldocs.importer.api import import_document
from paldocs.importer.emit import format_yaml
from paldocs.model.load import load_data_file
from paldocs.writers.text import to_text


def expected_differences(name: str) -> list[dict[str, str]]:
    return reviewed_differences(REPO / "tests" / "expected" / f"{name}.differences.yaml", imported=True)


def built_text(path: Path) -> str:
    return to_text(to_document(path)[0])


def imported(source: Path, tmp_path: Path, name: str = "draft.yaml") -> tuple[Path, Any]:
    result = import_document(source)
    output = tmp_path / name
    format_yaml(result, output)
    return output, result


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_seed_round_trip_matches_word_for_word(name: str, tmp_path: Path) -> None:
    draft, _ = imported(SEED_FILES[name], tmp_path)
    load_data_file(draft)
    seed = seed_words(SEED_FILES[name].read_text(encoding="utf-8"))
    built = words(built_text(draft))
    comparison = compare(seed, built)
    assert comparison.differences == expected_differences(name)
    reviewed = sum(len(row["seed"].split()) for row in expected_differences(name))
    accounted = (comparison.matched + reviewed) / comparison.seed_count
    print(f"{name}: raw {comparison.matched}/{comparison.seed_count} = {comparison.ratio:.4f}; "
          f"with the reviewed ZTP differences {accounted:.4f}")
    assert comparison.ratio >= 0.97  # the same bar as test_seeds.py for the hand-written YAML
    assert accounted >= 0.98


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_nothing_lost(name: str, tmp_path: Path) -> None:
    draft, result = imported(SEED_FILES[name], tmp_path)
    text = SEED_FILES[name].read_text(encoding="utf-8")
    unaccounted = unaccounted_words(text, words(built_text(draft)), list(result.log.dropped_words()),
                                    expected_differences(name))
    print(f"{name}: unaccounted words: {len(unaccounted)}")
    assert unaccounted == []


def _essentials(data: Any) -> dict[str, Any]:
    """The fields that matter for the example round trip (see the module docstring)."""
    resolution, program = data.resolution, data.program
    return {
        "document": data.document,
        "number": resolution.number,
        "date": resolution.date,
        "council_genitive": data.municipality.council.genitive,
        "legal_basis": [(entry.act, " ".join(entry.provision.replace("pkt.", "pkt").replace(".", ". ").split()))
                        for entry in resolution.legal_basis or []],
        "executor": data.municipality.executive.dative if data.document == "resolution" else None,
        "signatory": resolution.signatory.name if resolution.signatory else None,
        "program_title": program.title if program else None,
        "headings": [section.heading for section in program.sections] if program else [],
        "items": [[item.text for item in section.items or []] for section in program.sections] if program else [],
    }


EXAMPLES = sorted(path for path in (REPO / "resolutions").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_example_text_imports_back_to_the_same_data(example: Path, tmp_path: Path) -> None:
    source = tmp_path / f"{example.stem}.txt"
    source.write_text(built_text(example), encoding="utf-8")
    draft, _ = imported(source, tmp_path)
    original, again = load_data_file(example), load_data_file(draft)
    expected = _essentials(original)
    if original.resolution.signatory is None and original.municipality.signatory is not None:
        expected["signatory"] = original.municipality.signatory.name
    if original.resolution.legal_basis is None:  # the kind's default legal basis is printed, and read back
        expected["legal_basis"] = _essentials(again)["legal_basis"]
    program_fields = ("headings", "items")
    assert {k: v for k, v in _essentials(again).items() if k not in program_fields} == \
        {k: v for k, v in expected.items() if k not in program_fields}
    assert [_essentials(again)[k] for k in program_fields] == [expected[k] for k in program_fields]


def test_example_program_sections_round_trip(tmp_path: Path) -> None:
    example = REPO / "resolutions" / "ketrzyn-2014-pal.yaml"
    source = tmp_path / "ketrzyn.txt"
    source.write_text(built_text(example), encoding="utf-8")
    draft, _ = imported(source, tmp_path)
    original, again = _essentials(load_data_file(example)), _essentials(load_data_file(draft))
    assert (again["headings"], again["items"]) == (original["headings"], original["items"])


def test_check_finds_the_defects_of_the_original(tmp_path: Path) -> None:
    draft, _ = imported(SEED_FILES["ketrzyn-2014-pal"], tmp_path)
    result = CliRunner().invoke(main, ["check", str(draft)])
    output = result.output
    for code in ("PD015", "PD016", "PD045"):
        assert code in output, output
