"""Annex blocks → Program data: the two seed annexes against resolutions/*.yaml and a corpus of variants."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from paldocs.errors import DataError
from paldocs.importer.log import ImportLog
from paldocs.importer.program import parse_program
from paldocs.importer.source import read_source, read_text_blocks
from paldocs.model.program import Program

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"
CASES = Path(__file__).parent / "import_cases"


def _subset(actual: Any, expected: Any, where: str = "") -> list[str]:
    """Differences where ``expected`` (a partial structure) does not match ``actual``; strings compared stripped."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: {actual!r} ≠ {expected!r}"]
        return [diff for key, value in expected.items()
                for diff in _subset(actual.get(key), value, f"{where}.{key}")]
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: {actual!r} ≠ {expected!r}"]
        return [diff for i, (a, e) in enumerate(zip(actual, expected, strict=True))
                for diff in _subset(a, e, f"{where}[{i}]")]
    if isinstance(expected, str) and isinstance(actual, str):
        return [] if actual.strip() == expected.strip() else [f"{where}: {actual!r} ≠ {expected!r}"]
    return [] if actual == expected else [f"{where}: {actual!r} ≠ {expected!r}"]


def _words(program: dict[str, Any]) -> list[str]:
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("heading", "content", "text", "closing"):
                if isinstance(node.get(key), str):
                    out.extend(node[key].replace("**", "").split())
            for child in node.get("items", []) + node.get("sections", []):
                walk(child)
    walk(program)
    return out


def _without_ids(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_ids(v) for k, v in node.items() if k != "id"}
    if isinstance(node, list):
        return [_without_ids(v) for v in node]
    return node


def _ketrzyn() -> str:
    text = (SEEDS / "ketrzyn-2014-LXIV-400-14.txt").read_text(encoding="utf-8")
    return text[text.index("**P R O G R A M**"): text.rindex("z up. Przewodniczącego")]


def _inowroclaw() -> str:
    lines = (SEEDS / "inowroclaw-2009-XXXI-424-2009-zalacznik.txt").read_text(encoding="utf-8").split("\n")
    start = [i for i, line in enumerate(lines) if line.strip()][4]  # after ZAŁĄCZNIK / DO UCHWAŁY / RADY / z dnia
    return "\n".join(lines[start:])


SEED_CASES = [("ketrzyn", _ketrzyn, True, "ketrzyn-2014-pal.yaml"),
              ("inowroclaw", _inowroclaw, False, "inowroclaw-2009-pal.yaml")]


@pytest.mark.parametrize(("name", "cut", "markdown", "data"), SEED_CASES, ids=[c[0] for c in SEED_CASES])
def test_seed_annex_rebuilds_the_data(name: str, cut: Any, markdown: bool, data: str) -> None:
    log = ImportLog(name)
    result = parse_program(read_text_blocks(cut(), markdown=markdown), log)
    Program.model_validate(result)
    expected = yaml.safe_load((ROOT / "resolutions" / data).read_text(encoding="utf-8"))["program"]
    for key in ("title", "display_title", "period", "implementer", "toc"):
        assert result.get(key) == expected.get(key), key
    assert result["section_numbering"] == expected.get("section_numbering", "none")
    # ids are generated (cel-1, kierunek-1 …); everything else must match the hand-written data exactly
    assert _subset(_without_ids(result["sections"]), _without_ids(expected["sections"])) == []
    assert _words(result) == _words(expected)
    assert [s.get("role") for s in result["sections"]] == [s.get("role") for s in expected["sections"]]
    assert not log.of_kind("dropped")


def test_ketrzyn_ids_where_the_data_uses_role_ids() -> None:
    result = parse_program(read_text_blocks(_ketrzyn(), markdown=True), ImportLog("k"))
    by_role = {s.get("role"): s for s in result["sections"]}
    assert [i["id"] for i in by_role["specific-goals"]["items"]][:2] == ["cel-1", "cel-2"]
    assert by_role["directions"]["items"][10]["id"] == "kierunek-11"
    assert by_role["recipients"]["items"][0]["id"] == "adresat-1"


def test_ketrzyn_log_names_what_was_kept() -> None:
    log = ImportLog("k")
    parse_program(read_text_blocks(_ketrzyn(), markdown=True), log)
    kept = [entry.text for entry in log.of_kind("kept")]
    assert any(text.startswith("Powstanie lokalnych grup") for text in kept)
    assert any("wspieranie rozwoju alternatywnych" in text for text in kept)
    assert any("rozdział „Cele szczegółowe:”" in entry.what for entry in log.of_kind("recognised"))


CORPUS = sorted(path for path in CASES.iterdir() if path.suffix in {".txt", ".md"})


def test_corpus_is_big_enough() -> None:
    assert len(CORPUS) >= 8


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_case(path: Path) -> None:
    log = ImportLog(path.name)
    result = parse_program(read_source(path), log)
    Program.model_validate(result)
    expected = yaml.safe_load(path.with_name(path.stem + ".expected.yaml").read_text(encoding="utf-8"))
    assert _subset(result, expected) == []
    assert len(result["sections"]) == len(expected["sections"])


def test_no_years_in_title_is_an_error() -> None:
    blocks = read_text_blocks("Program Aktywności Lokalnej\n\nI. Wstęp\n\nTreść.", markdown=False)
    with pytest.raises(DataError, match="okres"):
        parse_program(blocks, ImportLog("x"))


def test_empty_annex_is_an_error() -> None:
    with pytest.raises(DataError):
        parse_program([], ImportLog("x"))


def test_title_without_sections_is_an_error() -> None:
    with pytest.raises(DataError, match="rozdział"):
        parse_program(read_text_blocks("Program na lata 2014-2020", markdown=False), ImportLog("x"))


def test_ids_are_unique_across_sections() -> None:
    text = "Program na lata 2014-2020\n\nI. Cele\n\n1) a,\n2) b.\n\nII. Cele\n\n1) c,\n2) d."
    result = parse_program(read_text_blocks(text, markdown=False), ImportLog("x"))
    Program.model_validate(result)
    assert [i["id"] for s in result["sections"] for i in s["items"]] == ["cel-1", "cel-2", "cel-1-2", "cel-2-2"]
    assert [s["id"] for s in result["sections"]] == ["cele", "cele-2"]


def test_docx_with_word_numbering(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Program Aktywności Lokalnej na lata 2020–2024")
    document.add_paragraph("Cele szczegółowe", style="Heading 1")
    for text in ("Zmniejszenie wykluczenia.", "Rozwój wolontariatu."):
        document.add_paragraph(text, style="List Number").runs[0].bold = True
    document.add_paragraph("Adresaci", style="Heading 1")
    document.add_paragraph("Program kierowany jest do:")
    for text in ("seniorów,", "rodzin."):
        document.add_paragraph(text, style="List Bullet")
    path = tmp_path / "program.docx"
    document.save(str(path))
    result = parse_program(read_source(path), ImportLog("program.docx"))
    Program.model_validate(result)
    assert _subset(result, {"title": "Program Aktywności Lokalnej na lata 2020–2024", "period": {"from": 2020, "to": 2024},
                            "sections": [
        {"heading": "Cele szczegółowe", "role": "specific-goals", "items_style": "decimal-dot",
         "items": [{"id": "cel-1", "text": "Zmniejszenie wykluczenia."}, {"id": "cel-2", "text": "Rozwój wolontariatu."}]},
        {"heading": "Adresaci", "role": "recipients", "content": "Program kierowany jest do:", "items_style": "bullet",
         "items": [{"text": "seniorów,"}, {"text": "rodzin."}]}]}) == []
